"""Translation sheets: every text goes out to a spreadsheet and comes back with
only the edited words changed in the YAML, or is refused with nothing written.

The sheets are real .xlsx files read back with openpyxl, the content is a
copy of the shipped folder, and "nothing else changed" is checked byte for
byte.
"""

from __future__ import annotations

import dataclasses
import difflib
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exhibit.app import main
from exhibit.core.content import load_content
from exhibit.core.model import Exhibit, Text
from exhibit.curator.strings import SheetError, export_sheet, import_sheet
from exhibit.curator.texts import collect_texts, replace_texts

PROJECT = Path(__file__).resolve().parents[2]
SHIPPED = PROJECT / "content"
ASSETS = PROJECT / "assets"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(SHIPPED, root)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def model_texts(value: Any) -> Iterator[Text]:
    """Every Text in the loaded model, found without the sheet's own walk."""
    if isinstance(value, Text):
        yield value
    elif dataclasses.is_dataclass(value):
        for item in dataclasses.fields(value):
            if item.name != "content_dir":
                yield from model_texts(getattr(value, item.name))
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from model_texts(item)
    elif isinstance(value, tuple):
        for item in value:
            yield from model_texts(item)


def rows(path: Path) -> list[list[Any]]:
    workbook = openpyxl.load_workbook(path)
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def edit_sheet(path: Path, edit: Any) -> None:
    workbook = openpyxl.load_workbook(path)
    edit(workbook.active)
    workbook.save(path)


def find_row(sheet: Any, file: str, ident: str, field: str) -> int:
    for number in range(2, sheet.max_row + 1):
        if [sheet.cell(number, c).value for c in (1, 2, 3)] == [file, ident, field]:
            return number
    raise AssertionError(f"no row {file} {ident} {field}")


def load(root: Path) -> Exhibit:
    return load_content(root, ASSETS)


# ---------------------------------------------------------------------------
# Export.


def test_the_sheet_has_every_text_once_with_its_words_and_source(
    content: Path, tmp_path: Path
) -> None:
    exhibit = load(content)
    sheet = tmp_path / "texts.xlsx"
    count = export_sheet(exhibit, sheet)
    table = rows(sheet)
    assert table[0] == ["file", "id", "field", "vi", "en", "source"]
    body = table[1:]
    assert len(body) == count
    keys = [tuple(row[:3]) for row in body]
    assert len(set(keys)) == len(keys)
    # Every text of the model, and nothing else: the same words in the same numbers.
    expected = sorted((t.values["vi"], t.values["en"]) for t in model_texts(exhibit))
    assert sorted((row[3], row[4]) for row in body) == expected
    assert len(body) > 200
    by_key = {tuple(row[:3]): row for row in body}
    hill = by_key[("chapters/final-day.yaml", "hill-a1", "title")]
    assert hill[4] == exhibit.chapter("final-day").steps[0].title.values["en"]
    assert hill[5] == "may-7-1954.en.txt"
    assert by_key[("ui.yaml", "home", "text")][3:5] == ["Trang đầu", "Home"]
    window = by_key[("chapters/final-day.yaml", "base-506", "time.label")]
    assert window[4] == "Morning of 7\u00a0May, by 9\u00a0am"
    place = by_key[("places.yaml", "playku", "info")]
    assert place[5].startswith("winter-spring-1953-1954.vi.txt; also: Pleiku: the English texts")


# ---------------------------------------------------------------------------
# The round trip.


def test_one_changed_cell_changes_only_that_text(content: Path, tmp_path: Path) -> None:
    exhibit = load(content)
    sheet = tmp_path / "texts.xlsx"
    export_sheet(exhibit, sheet)
    before = snapshot(content)
    new_words = "At 4 am Regiment 174 held the whole of Hill A1 (Eliane 2): the last day began."
    row_of: dict[str, int] = {}

    def change(ws: Any) -> None:
        row_of["row"] = find_row(ws, "chapters/final-day.yaml", "hill-a1", "body")
        ws.cell(row_of["row"], 5).value = new_words

    edit_sheet(sheet, change)
    changes = import_sheet(exhibit, sheet)
    assert [(c.entry.id, c.entry.field, c.language, c.row) for c in changes] == [
        ("hill-a1", "body", "en", row_of["row"])
    ]
    after = snapshot(content)
    name = "chapters/final-day.yaml"
    assert {k for k in before if before[k] != after[k]} == {name}
    old, new = before[name].decode(), after[name].decode()
    # Only the lines of that text differ; every other line, comment included, is the same.
    opcodes = [
        op
        for op in difflib.SequenceMatcher(None, old.splitlines(), new.splitlines()).get_opcodes()
        if op[0] != "equal"
    ]
    assert len(opcodes) == 1
    _, start, end, _, _ = opcodes[0]
    old_lines = old.splitlines()[start:end]
    assert (
        " ".join(line.strip() for line in old_lines)
        == (exhibit.chapter("final-day").steps[0].body.values["en"])
    )
    assert [line for line in old.splitlines() if line.lstrip().startswith("#")] == [
        line for line in new.splitlines() if line.lstrip().startswith("#")
    ]
    data_old, data_new = yaml.safe_load(old), yaml.safe_load(new)
    assert data_new["steps"][0]["body"]["en"] == new_words
    data_new["steps"][0]["body"]["en"] = data_old["steps"][0]["body"]["en"]
    assert data_new == data_old
    assert load(content).chapter("final-day").steps[0].body.values["en"] == new_words


def test_an_unchanged_sheet_writes_nothing(content: Path, tmp_path: Path) -> None:
    exhibit = load(content)
    sheet = tmp_path / "texts.xlsx"
    export_sheet(exhibit, sheet)
    before = snapshot(content)
    assert import_sheet(exhibit, sheet) == []
    assert snapshot(content) == before


ENTRIES = collect_texts(SHIPPED, ("vi", "en"), ("offensive", "fortress", "final-day"))
WORDS = st.one_of(
    st.sampled_from(
        [
            "Về đầu",
            "Step, with a comma: and a colon",
            "56",
            "yes",
            "- a dash",
            "# not a comment",
            "\"quoted\" and 'single'",
            "two  spaces",
            "{n} kept",
            "Một câu dài hơn nhiều, đủ để gấp thành nhiều dòng trong tệp YAML khi được ghi lại, "
            "với dấu phẩy, dấu hai chấm: và cả số 16 200.",
        ]
    ),
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=120
    ).filter(str.strip),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entry=st.sampled_from(ENTRIES), language=st.sampled_from(("vi", "en")), words=WORDS)
def test_any_words_go_into_any_text_and_nothing_else_moves(entry, language, words) -> None:
    old = (SHIPPED / entry.file).read_text(encoding="utf-8")
    new = replace_texts(old, {(*entry.path, language): words}, entry.file)
    data_old, data_new = yaml.safe_load(old), yaml.safe_load(new)
    text_new, text_old = data_new, data_old
    for part in entry.path:
        text_new, text_old = text_new[part], text_old[part]
    assert text_new[language].strip() == words.strip()
    text_new[language] = text_old[language] = None
    assert data_new == data_old  # every other value as it was
    # Byte for byte the same before and after the scalar's own characters.
    start, end = scalar_span(old, (*entry.path, language))
    assert new[:start] == old[:start]
    assert new[len(new) - (len(old) - end) :] == old[end:]


def scalar_span(text: str, path: tuple[Any, ...]) -> tuple[int, int]:
    """Where the YAML parser says the scalar at ``path`` starts and ends (block header included)."""
    node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    for part in path:
        if isinstance(part, int):
            node = node.value[part]
        else:
            node = next(v for k, v in node.value if k.value == part)
    return node.start_mark.index, node.end_mark.index


# ---------------------------------------------------------------------------
# Refusals: the row and column are named, and nothing is written.


def refused(content: Path, tmp_path: Path, edit: Any) -> list[str]:
    exhibit = load(content)
    sheet = tmp_path / "texts.xlsx"
    export_sheet(exhibit, sheet)
    edit_sheet(sheet, edit)
    before = snapshot(content)
    with pytest.raises(SheetError) as caught:
        import_sheet(exhibit, sheet)
    assert snapshot(content) == before
    return caught.value.problems


def test_a_missing_language_column(content: Path, tmp_path: Path) -> None:
    problems = refused(content, tmp_path, lambda ws: ws.delete_cols(5))
    assert len(problems) == 1
    assert "row 1: no column 'en'" in problems[0]


def test_an_unknown_id_file_or_field(content: Path, tmp_path: Path) -> None:
    def edit(ws: Any) -> None:
        ws.cell(find_row(ws, "chapters/fortress.yaml", "fortress", "title"), 2).value = "fortres"
        ws.cell(find_row(ws, "ui.yaml", "home", "text"), 1).value = "iu.yaml"
        ws.cell(find_row(ws, "places.yaml", "playku", "info"), 3).value = "infos"

    problems = refused(content, tmp_path, edit)
    assert len(problems) == 3, problems
    assert any(
        "column B (id): 'fortres' has no text in chapters/fortress.yaml" in p for p in problems
    ), problems
    assert any("column A (file): 'iu.yaml' is not a content file" in p for p in problems)
    assert any("column C (field): 'infos' is not a text of 'playku'" in p for p in problems)


def test_an_empty_cell_and_a_repeated_row(content: Path, tmp_path: Path) -> None:
    rows_seen: dict[str, int] = {}

    def edit(ws: Any) -> None:
        rows_seen["empty"] = find_row(ws, "ui.yaml", "next", "text")
        ws.cell(rows_seen["empty"], 4).value = None
        source = find_row(ws, "ui.yaml", "home", "text")
        rows_seen["home"] = source
        ws.append([ws.cell(source, c).value for c in range(1, 7)])
        rows_seen["copy"] = ws.max_row

    problems = refused(content, tmp_path, edit)
    assert f"row {rows_seen['empty']}, column D (vi): is empty" in "\n".join(problems)
    assert f"row {rows_seen['copy']}: the same text as row {rows_seen['home']}" in "\n".join(
        problems
    )


def test_words_that_make_the_content_invalid(content: Path, tmp_path: Path) -> None:
    def edit(ws: Any) -> None:
        ws.cell(find_row(ws, "ui.yaml", "step_of", "text"), 5).value = "Step {n} of {all}"

    problems = refused(content, tmp_path, edit)
    assert any("strings.step_of" in p and "(sheet row" in p for p in problems), problems


# ---------------------------------------------------------------------------
# Through the command line.


def test_the_commands_export_and_import(content: Path, tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "out" / "texts.xlsx"
    assert main(["strings", "export", str(sheet), "--content", str(content)]) == 0
    assert "texts (vi, en)" in capsys.readouterr().out
    edit_sheet(
        sheet,
        lambda ws: setattr(
            ws.cell(find_row(ws, "ui.yaml", "home", "text"), 5), "value", "Start page"
        ),
    )
    assert main(["strings", "import", str(sheet), "--content", str(content)]) == 0
    out = capsys.readouterr().out
    assert "ui.yaml: home text [en]" in out
    assert "home: {vi: Trang đầu, en: Start page}" in (content / "ui.yaml").read_text()
    edit_sheet(sheet, lambda ws: ws.delete_cols(1))
    assert main(["strings", "import", str(sheet), "--content", str(content)]) == 2
    assert "no column 'file'" in capsys.readouterr().err
    assert main(["strings", "import", str(tmp_path / "x.csv")]) == 2
