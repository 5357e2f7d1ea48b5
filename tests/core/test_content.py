"""The content loader: the shipped content loads, and every mistake a curator
can make is reported with its file, line and field, all at once.

Each error test copies the shipped ``content/`` folder, changes one thing in
it, and checks the exact ``file:line: field: message`` the loader reports.
Lines are found by searching the copied files, never hard-coded, so the
shipped content can change without breaking these tests.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import subprocess
import sys
from pathlib import Path
from types import MappingProxyType

import pytest

from exhibit.core.content import REQUIRED_STRINGS, load_content
from exhibit.core.model import Exhibit, Language, Text
from exhibit.core.session import Session
from exhibit.core.story import TITLE, Position, Story, parse_open_spec, resolve_language
from exhibit.core.yamlsource import ContentError

PROJECT = Path(__file__).resolve().parents[2]
SHIPPED = PROJECT / "content"
ASSETS = PROJECT / "assets"
SOURCE = "winter-spring-1953-1954.vi.txt"
HA_NOI = "Hà\u00a0Nội"  # names are written with no-break spaces (content/README.md)


# ---------------------------------------------------------------------------
# Editing helpers: every line is found by its text; each returns the 1-based
# number of the line it changed or added.


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("".join(lines), encoding="utf-8")


def find_line(path: Path, text: str, after: int = 0) -> int:
    """The first line below line ``after`` whose text (unindented) starts with ``text``."""
    for number, line in enumerate(_lines(path), start=1):
        if number > after and line.strip().startswith(text):
            return number
    raise AssertionError(f"no line starting {text!r} after line {after} in {path}")


def edit_line(path: Path, text: str, old: str, new: str, after: int = 0) -> int:
    """In the line found by ``text``, replace ``old`` with ``new``."""
    number = find_line(path, text, after)
    lines = _lines(path)
    assert old in lines[number - 1], (old, lines[number - 1])
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    _write(path, lines)
    return number


def insert_after(path: Path, text: str, new_lines: str, after: int = 0) -> int:
    """Insert ``new_lines`` (indented as given) below the line found by ``text``."""
    number = find_line(path, text, after)
    lines = _lines(path)
    lines[number:number] = [new_lines]
    _write(path, lines)
    return number + 1


def append(path: Path, new_lines: str) -> int:
    lines = _lines(path)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    _write(path, [*lines, new_lines])
    return len(lines) + 1


def delete_block(path: Path, text: str, after: int = 0) -> int:
    """Delete the line found by ``text`` and the more indented lines under it."""
    number = find_line(path, text, after)
    lines = _lines(path)
    start = number - 1
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
    ):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1  # keep the blank lines that separate entries
    del lines[start:end]
    _write(path, lines)
    return number


def replace_block(path: Path, text: str, new_lines: str, after: int = 0) -> int:
    number = delete_block(path, text, after)
    lines = _lines(path)
    lines[number - 1 : number - 1] = [new_lines]
    _write(path, lines)
    return number


# ---------------------------------------------------------------------------
# Checking helpers.


def problems_of(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(content, ASSETS)
    found = [str(problem) for problem in caught.value.problems]
    assert str(caught.value) == "\n".join(found)
    return found


def matching(found: list[str], file: str, line: int, field: str, *words: str) -> str:
    """The problem reported at ``content/file:line: field:`` whose message has ``words``."""
    prefix = f"content/{file}:{line}: " + (f"{field}: " if field else "")
    for problem in found:
        message = problem.removeprefix(prefix)
        if problem.startswith(prefix) and all(word in message for word in words):
            if not field:
                assert not re.match(r"[\w.\[\]-]+: ", message.split(" ")[0] + " "), problem
            return problem
    listing = "\n".join(found)
    raise AssertionError(f"no problem {prefix!r} with {words} among:\n{listing}")


def only_problem(content: Path, file: str, line: int, field: str, *words: str) -> str:
    """The one problem the change caused: nothing else, no follow-on noise."""
    found = problems_of(content)
    problem = matching(found, file, line, field, *words)
    assert found == [problem], found
    return problem


def place_index(exhibit: Exhibit, place_id: str) -> int:
    return list(exhibit.places).index(place_id)


def step_index(exhibit: Exhibit, chapter_id: str, step_id: str) -> int:
    chapter = exhibit.chapter(chapter_id)
    assert chapter is not None
    index = chapter.step_index(step_id)
    assert index is not None
    return index


# ---------------------------------------------------------------------------
# The shipped content.


def test_shipped_content_loads(exhibit: Exhibit) -> None:
    assert [c.id for c in exhibit.chapters] == ["offensive", "fortress", "final-day"]
    assert exhibit.language_codes == ("vi", "en")
    assert exhibit.default_language == "vi"
    assert set(REQUIRED_STRINGS) <= set(exhibit.strings)
    for chapter in exhibit.chapters:
        assert chapter.map in exhibit.maps
        assert chapter.steps, chapter.id
        for step in chapter.steps:
            where = f"{chapter.id}/{step.id}"
            assert step.source in exhibit.sources, where
            for text in (step.title, step.body):
                assert set(text.values) == {"vi", "en"}, where
                assert all(value.strip() for value in text.values.values()), where
            for place_id in (*step.places, *step.paths, *step.states):
                assert place_id in exhibit.places, (where, place_id)
                assert exhibit.places[place_id].map == chapter.map, (where, place_id)
    for place in exhibit.places.values():
        assert place.map in exhibit.maps, place.id
        assert place.source in exhibit.sources, place.id
        assert place.point is not None or place.line, place.id
        if place.sector is not None:
            assert exhibit.places[place.sector].kind == "sector", place.id
    for map_def in exhibit.maps.values():
        assert map_def.asset.is_file()


def test_final_day_events_are_in_time_order(exhibit: Exhibit) -> None:
    chapter = exhibit.chapter("final-day")
    assert chapter is not None and chapter.play_seconds == 60
    times = [step.time for step in chapter.steps]
    timed = [t for t in times if t is not None]
    assert times[: len(timed)] == timed, "untimed steps (the totals) come last"
    assert all(t.earliest <= t.latest for t in timed)
    assert all(a.earliest <= b.latest for a, b in itertools.pairwise(timed))


def test_ui_strings_fill_their_fields(exhibit: Exhibit) -> None:
    assert exhibit.string("step_of", "en", n=2, total=9) == "Step 2 of 9"
    assert exhibit.string("step_of", "vi", n=2, total=9) == "Bước 2/9"


# ---------------------------------------------------------------------------
# Wrong types.


def test_a_title_that_is_a_list(content: Path) -> None:
    path = content / "chapters" / "fortress.yaml"
    line = replace_block(path, "title:", "title: [Pháo đài, Fortress]\n")
    only_problem(content, "chapters/fortress.yaml", line, "title", "should be a text")


def test_a_lat_that_is_text(content: Path, exhibit: Exhibit) -> None:
    path = content / "places.yaml"
    line = edit_line(path, "lat:", "21.39", "north", after=find_line(path, "- id: dien-bien-phu"))
    index = place_index(exhibit, "dien-bien-phu")
    only_problem(content, "places.yaml", line, f"places[{index}].lat", "should be a number")


def test_play_seconds_that_is_a_word(content: Path) -> None:
    path = content / "chapters" / "final-day.yaml"
    line = edit_line(path, "play_seconds:", "60", '"fast"')
    only_problem(content, "chapters/final-day.yaml", line, "play_seconds", "number", "'fast'")


# ---------------------------------------------------------------------------
# Unknown keys.


def test_misspelt_key_in_a_step(content: Path, exhibit: Exhibit) -> None:
    path = content / "chapters" / "fortress.yaml"
    step_line = find_line(path, "- id: navarre")
    line = edit_line(path, "title:", "title:", "titel:", after=step_line)
    index = step_index(exhibit, "fortress", "navarre")
    found = problems_of(content)
    unknown = matching(
        found, "chapters/fortress.yaml", line, f"steps[{index}].titel", "not a known field"
    )
    missing = matching(found, "chapters/fortress.yaml", step_line, f"steps[{index}]", "'title'")
    assert sorted(found) == sorted([unknown, missing])


def test_unknown_key_in_a_place(content: Path, exhibit: Exhibit) -> None:
    path = content / "places.yaml"
    line = insert_after(
        path, "kind: town", "    colour: red\n", after=find_line(path, "- id: ha-noi")
    )
    index = place_index(exhibit, "ha-noi")
    only_problem(content, "places.yaml", line, f"places[{index}].colour", "not a known field")


def test_unknown_key_in_exhibit_yaml(content: Path) -> None:
    line = insert_after(content / "exhibit.yaml", "default_language:", "titel: Dien Bien Phu\n")
    only_problem(content, "exhibit.yaml", line, "titel", "not a known field")


# ---------------------------------------------------------------------------
# Translations and text.


def test_missing_translation_names_the_field_and_language(content: Path, exhibit: Exhibit) -> None:
    path = content / "chapters" / "fortress.yaml"
    body = find_line(path, "body:", after=find_line(path, "- id: sector-north"))
    delete_block(path, "en:", after=body)
    index = step_index(exhibit, "fortress", "sector-north")
    assert index == 2
    # A block value is reported where it starts: the body's first entry.
    first_entry = find_line(path, "vi:", after=body)
    problem = only_problem(
        content, "chapters/fortress.yaml", first_entry, "steps[2].body", "missing", "'en'"
    )
    assert "translation" in problem


def test_empty_text(content: Path) -> None:
    line = edit_line(content / "ui.yaml", "next:", "en: Next", 'en: ""')
    only_problem(content, "ui.yaml", line, "strings.next.en", "is empty")


def test_escaped_control_character_in_text(content: Path) -> None:
    line = edit_line(content / "ui.yaml", "home:", "en: Home", r'en: "Ho\u0007me"')
    only_problem(content, "ui.yaml", line, "strings.home.en", "control character")


@pytest.mark.parametrize(
    ("file", "find", "old", "new", "field", "words"),
    [
        # A heading of zero-width characters only shows nothing at all. (What
        # follows the new value on its line is made a comment: " #".)
        ("exhibit.yaml", "vi: Điện", "Điện", r'"\u200b\u200c\u200d\u2060" #',
         "title.vi", ("no visible character",)),
        # A right-to-left override draws "1954" as "4591".
        ("exhibit.yaml", "en: Dien", "Dien", r'"\u202eDien Bien Phu 1954" #',
         "title.en", ("direction control U+202E",)),
        ("exhibit.yaml", "name: English", "English", r'"Eng\e[31mlish\0"',
         "languages[1].name", ("control character (U+001B)",)),
        ("exhibit.yaml", "name: English", "English", "E" * 100_000,
         "languages[1].name", ("100000 characters long", "limit is 24")),
        ("ui.yaml", "home:", "en: Home", r'en: "Home\nagain"', "strings.home.en",
         ("line break",)),
        ("ui.yaml", "home:", "en: Home", r'en: "\ue000"', "strings.home.en",
         ("U+E000", "not a character")),
        ("places.yaml", "- id: kon-tum", "kon-tum", "a" * 65, "places[1].id",
         ("an id may have 64",)),
    ],
    ids=["zero-width", "rtl-override", "escape-in-name", "huge-name", "newline", "private-use",
         "long-id"],
)  # fmt: skip
def test_text_that_cannot_be_shown_is_refused_at_its_line(
    content: Path, file: str, find: str, old: str, new: str, field: str, words: tuple[str, ...]
) -> None:
    line = edit_line(content / file, find, old, new)
    found = problems_of(content)
    matching(found, file, line, field, *words)
    if file == "exhibit.yaml":  # one problem, not one per text in the refused language
        assert len(found) == 1, found


def test_a_paragraph_may_break_lines_and_every_text_is_kept_in_nfc(content: Path) -> None:
    path = content / "chapters" / "fortress.yaml"
    # "Điện" typed with its accents as separate marks, and spaces around it.
    edit_line(path, "en: A key valley", "A key valley", r'"  Đie\u0302\u0323n  "')
    edit_line(
        path, "en: The valley the French", "The valley the French", r'"The valley\nthe French'
    )
    edit_line(path, 'en: "The valley', "tried to hold.", 'tried to hold."')

    chapter = load_content(content, ASSETS).chapter("fortress")

    assert chapter is not None
    assert chapter.steps[0].title.get("en") == "\u0110i\u1ec7n"  # one character for ệ
    assert chapter.intro.get("en") == "The valley\nthe French tried to hold."


def test_raw_control_character_in_a_file(content: Path) -> None:
    line = edit_line(content / "ui.yaml", "home:", "en: Home", "en: Ho\x07me")
    only_problem(content, "ui.yaml", line, "", "is not valid YAML", "control")


def test_invalid_utf8_bytes(content: Path) -> None:
    path = content / "places.yaml"
    line = find_line(path, f"vi: {HA_NOI}")
    lines = path.read_bytes().split(b"\n")
    lines[line - 1] = lines[line - 1].replace(HA_NOI.encode(), b"H\xe0 N\xff")
    path.write_bytes(b"\n".join(lines))
    only_problem(content, "places.yaml", line, "", "is not valid UTF-8")


# ---------------------------------------------------------------------------
# Duplicates.


def test_two_steps_with_the_same_id(content: Path, exhibit: Exhibit) -> None:
    line = edit_line(content / "chapters" / "fortress.yaml", "- id: navarre", "navarre", "valley")
    index = step_index(exhibit, "fortress", "navarre")
    only_problem(content, "chapters/fortress.yaml", line, f"steps[{index}].id", "'valley'", "twice")


def test_two_places_with_the_same_id(content: Path, exhibit: Exhibit) -> None:
    line = append(
        content / "places.yaml",
        "  - id: ha-noi\n"
        "    map: indochina\n"
        "    kind: town\n"
        "    name: {vi: Hà Nội, en: Hanoi}\n"
        "    lat: 21.0\n"
        "    lon: 105.8\n"
        "    info: {vi: Lần nữa, en: Again}\n"
        f"    source: {SOURCE}\n",
    )
    index = len(exhibit.places)
    only_problem(content, "places.yaml", line, f"places[{index}].id", "'ha-noi'", "twice")


def test_two_maps_with_the_same_id(content: Path, exhibit: Exhibit) -> None:
    line = insert_after(
        content / "places.yaml",
        "en: Schematic plan of the Dien",
        "  - id: valley\n"
        "    kind: plan\n"
        "    asset: maps/valley.json\n"
        "    title: {vi: Lần nữa, en: Again}\n",
    )
    index = len(exhibit.maps)
    only_problem(content, "places.yaml", line, f"maps[{index}].id", "'valley'", "twice")


def test_duplicate_yaml_key_is_reported_at_the_second_key(content: Path) -> None:
    path = content / "chapters" / "fortress.yaml"
    first = find_line(path, "title:", after=find_line(path, "- id: valley"))
    line = insert_after(
        path, "places: [laos-border, muong-thanh]", "    title: {vi: Lần nữa, en: Again}\n"
    )
    assert line > first
    only_problem(content, "chapters/fortress.yaml", line, "steps[0].title", "given twice")


# ---------------------------------------------------------------------------
# References to ids that do not exist.


def test_step_names_an_unknown_place(content: Path) -> None:
    path = content / "chapters" / "fortress.yaml"
    line = edit_line(path, "places: [laos-border, muong-thanh]", "muong-thanh", "nowhere")
    only_problem(content, "chapters/fortress.yaml", line, "steps[0].places[1]", "'nowhere'")


def test_states_name_an_unknown_place(content: Path, exhibit: Exhibit) -> None:
    path = content / "chapters" / "final-day.yaml"
    line = edit_line(path, "states: {c2: taken}", "c2:", "nowhere:")
    index = step_index(exhibit, "final-day", "c2")
    only_problem(
        content, "chapters/final-day.yaml", line, f"steps[{index}].states.nowhere", "'nowhere'"
    )


def test_place_on_an_unknown_map(content: Path, exhibit: Exhibit) -> None:
    path = content / "places.yaml"
    line = edit_line(
        path, "map: indochina", "indochina", "atlantis", after=find_line(path, "- id: ha-noi")
    )
    index = place_index(exhibit, "ha-noi")
    only_problem(content, "places.yaml", line, f"places[{index}].map", "'atlantis'")


def test_chapter_listed_without_a_file(content: Path) -> None:
    line = edit_line(content / "exhibit.yaml", "chapters:", "final-day]", "final-day, epilogue]")
    only_problem(content, "exhibit.yaml", line, "chapters[3]", "chapters/epilogue.yaml")


def test_undeclared_source(content: Path, exhibit: Exhibit) -> None:
    path = content / "chapters" / "fortress.yaml"
    line = edit_line(path, "source:", SOURCE, "memoirs.txt", after=find_line(path, "- id: navarre"))
    index = step_index(exhibit, "fortress", "navarre")
    only_problem(content, "chapters/fortress.yaml", line, f"steps[{index}].source", "'memoirs.txt'")


def test_missing_asset_file(content: Path) -> None:
    line = edit_line(content / "places.yaml", "asset: maps/valley.json", "valley", "valley-old")
    only_problem(
        content, "places.yaml", line, "maps[1].asset", "maps/valley-old.json", "does not exist"
    )


# ---------------------------------------------------------------------------
# The sources and the curator's record.


def test_the_record_is_read(exhibit: Exhibit) -> None:
    final_day = exhibit.chapter("final-day")
    assert final_day is not None
    capture = final_day.steps[step_index(exhibit, "final-day", "command-post")]
    assert len(capture.extra_source) == 3 and len(capture.to_confirm) == 1
    assert "Bui Van Nho" in capture.to_confirm[0]
    assert exhibit.places["playku"].extra_source[0].startswith("Pleiku:")
    assert exhibit.sources[SOURCE].file == SHIPPED.resolve() / "sources" / SOURCE


def test_a_source_without_its_file(content: Path) -> None:
    (content / "sources" / "may-7-1954.en.txt").unlink()
    line = find_line(content / "exhibit.yaml", "- id: may-7-1954.en.txt")
    only_problem(
        content, "exhibit.yaml", line, "sources[1].id", "has no file sources/may-7-1954.en.txt"
    )


def test_a_source_id_that_is_a_path(content: Path) -> None:
    line = insert_after(
        content / "exhibit.yaml",
        'en: "“May 7, 1954',
        "  - id: ../notes.txt\n    title: {vi: Ghi chép, en: Notes}\n",
    )
    only_problem(content, "exhibit.yaml", line, "sources[2].id", "file in sources/")


@pytest.mark.parametrize(
    ("chapter", "step", "field", "value", "words"),
    [
        ("fortress", "valley", "extra_source", "42", "a list of texts"),
        ("final-day", "interception", "to_confirm", "[]", "lists nothing"),
    ],
)
def test_a_record_that_is_not_a_text_or_a_list_of_texts(
    content: Path, exhibit: Exhibit, chapter: str, step: str, field: str, value: str, words: str
) -> None:
    path = content / "chapters" / f"{chapter}.yaml"
    new = f"    {field}: {value}\n"
    line = replace_block(path, f"{field}:", new, after=find_line(path, f"- id: {step}"))
    index = step_index(exhibit, chapter, step)
    only_problem(content, f"chapters/{chapter}.yaml", line, f"steps[{index}].{field}", words)


def test_an_outside_fact_that_is_not_text(content: Path, exhibit: Exhibit) -> None:
    path = content / "places.yaml"
    line = insert_after(
        path, "extra_source:", "      - {fact: x}\n", after=find_line(path, "- id: command-post")
    )
    index = place_index(exhibit, "command-post")
    only_problem(content, "places.yaml", line, f"places[{index}].extra_source[0]", "should be text")


# ---------------------------------------------------------------------------
# YAML syntax.


def test_unclosed_quote_is_reported_where_it_opens(content: Path) -> None:
    line = edit_line(content / "places.yaml", f"vi: {HA_NOI}", HA_NOI, f'"{HA_NOI}')
    only_problem(content, "places.yaml", line, "", "is not valid YAML", "quoted")


def test_unclosed_quote_in_a_flow_mapping(content: Path) -> None:
    line = edit_line(content / "ui.yaml", "step_of:", '{total}",', "{total},")
    only_problem(content, "ui.yaml", line, "", "is not valid YAML")


def test_bad_indentation(content: Path) -> None:
    path = content / "chapters" / "fortress.yaml"
    line = edit_line(path, "en: The strongest", "      en:", "     en:")
    only_problem(content, "chapters/fortress.yaml", line, "", "is not valid YAML")


# ---------------------------------------------------------------------------
# The final day's clock.


def test_events_out_of_time_order(content: Path, exhibit: Exhibit) -> None:
    path = content / "chapters" / "final-day.yaml"
    first = find_line(path, "- id: hill-a1")
    later = find_line(path, "- id: c2")
    edit_line(path, 'time: "04:00"', "04:00", "09:00", after=first)
    line = edit_line(path, 'time: "09:00"', "09:00", "04:00", after=later)
    index = step_index(exhibit, "final-day", "c2")
    only_problem(content, "chapters/final-day.yaml", line, f"steps[{index}].time", "time order")


def test_window_that_ends_before_it_starts(content: Path, exhibit: Exhibit) -> None:
    path = content / "chapters" / "final-day.yaml"
    step = find_line(path, "- id: base-506")
    line = edit_line(path, "after:", "04:00", "10:00", after=step)
    assert find_line(path, "time:", after=step) == line - 1
    index = step_index(exhibit, "final-day", "base-506")
    # The window is a block mapping: reported at its first entry. Later
    # events are not also blamed for following a step "without a time".
    only_problem(
        content, "chapters/final-day.yaml", line, f"steps[{index}].time", "'after'", "'before'"
    )


# ---------------------------------------------------------------------------
# UI strings and languages.


def test_fields_differ_between_languages(content: Path) -> None:
    line = edit_line(content / "ui.yaml", "step_of:", "of {total}", "of {count}")
    only_problem(content, "ui.yaml", line, "strings.step_of", "'en'", "count", "total")


def test_missing_required_ui_string(content: Path) -> None:
    path = content / "ui.yaml"
    delete_block(path, "close:")
    # The strings mapping is reported where it starts: its first entry.
    only_problem(content, "ui.yaml", find_line(path, "home:"), "strings", "'close'")


def test_unknown_default_language(content: Path) -> None:
    line = edit_line(content / "exhibit.yaml", "default_language:", "vi", "fr")
    only_problem(content, "exhibit.yaml", line, "default_language", "'fr'")


def test_language_declared_twice(content: Path) -> None:
    line = insert_after(
        content / "exhibit.yaml", "name: English", "  - code: en\n    name: Anglais\n"
    )
    only_problem(content, "exhibit.yaml", line, "languages[2].code", "'en'", "twice")


# ---------------------------------------------------------------------------
# Every problem at once.


def _break_three_files(content: Path, exhibit: Exhibit) -> list[tuple[str, int, str, str]]:
    places = content / "places.yaml"
    lat = edit_line(
        places, "lat:", "21.39", "north", after=find_line(places, "- id: dien-bien-phu")
    )
    empty = edit_line(content / "ui.yaml", "next:", "en: Next", 'en: ""')
    fortress = content / "chapters" / "fortress.yaml"
    duplicate = edit_line(fortress, "- id: navarre", "navarre", "valley")
    return [
        ("places.yaml", lat, f"places[{place_index(exhibit, 'dien-bien-phu')}].lat", "number"),
        ("ui.yaml", empty, "strings.next.en", "is empty"),
        (
            "chapters/fortress.yaml",
            duplicate,
            f"steps[{step_index(exhibit, 'fortress', 'navarre')}].id",
            "twice",
        ),
    ]


def test_every_problem_is_reported_at_once(content: Path, exhibit: Exhibit) -> None:
    expected = _break_three_files(content, exhibit)
    found = problems_of(content)
    reported = [matching(found, *where) for where in expected]
    assert sorted(found) == sorted(reported)


# ---------------------------------------------------------------------------
# The command line.


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_check_lists_every_problem_and_exits_2(content: Path, exhibit: Exhibit) -> None:
    expected = _break_three_files(content, exhibit)
    result = _run("--content", str(content), "--check")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line.strip() for line in result.stderr.splitlines()[1:]]
    for file, line, field, word in expected:
        prefix = f"content/{file}:{line}: {field}: "
        assert any(p.startswith(prefix) and word in p for p in lines), (prefix, result.stderr)
    form = re.compile(r"content/[\w/.-]+\.yaml:\d+: [\w.\[\]-]+: \S.*")
    assert len(lines) == 3 and all(form.fullmatch(line) for line in lines), result.stderr


def test_check_on_the_shipped_content() -> None:
    result = _run("--check")
    assert result.returncode == 0, result.stderr
    assert "is valid" in result.stdout
    assert "3 chapters" in result.stdout


@pytest.mark.parametrize(
    ("spec", "words"),
    [("nowhere/1", ["unknown chapter", "'nowhere'"]), ("fortress/99", ["'99'", "fortress"])],
)
def test_open_an_unknown_place_in_the_story(spec: str, words: list[str]) -> None:
    result = _run("--open", spec)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--open" in result.stderr
    assert all(word in result.stderr for word in words), result.stderr


def test_size_too_small() -> None:
    result = _run("--size", "10x10", "--check")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "10x10" in result.stderr


# ---------------------------------------------------------------------------
# Languages.


def test_resolve_language() -> None:
    available = ("vi", "en")
    assert resolve_language("en", available, "vi") == "en"
    assert resolve_language(" EN ", available, "vi") == "en"
    assert resolve_language("en_GB", available, "vi") == "en"
    assert resolve_language("vi-VN", available, "en") == "vi"
    assert resolve_language("fr", available, "vi") == "vi"
    assert resolve_language("fr_FR", available, "en") == "en"
    assert resolve_language("", available, "vi") == "vi"
    assert resolve_language(None, available, "en") == "en"


def test_text_falls_back_to_the_fallback_language_then_any() -> None:
    text = Text(MappingProxyType({"vi": "Trang đầu", "en": "Home"}))
    assert text.get("en") == "Home"
    assert text.get("vi", "en") == "Trang đầu"
    assert text.get("fr", "en") == "Home"
    assert text.get("fr", "de") in {"Trang đầu", "Home"}
    assert text.get("fr") in {"Trang đầu", "Home"}
    assert Text(MappingProxyType({})).get("vi", "en") == ""


def test_session_starts_in_the_best_language(exhibit: Exhibit) -> None:
    assert Session(exhibit).language == "vi"
    assert Session(exhibit, "en_GB").language == "en"
    assert Session(exhibit, "fr").language == "vi"


def test_toggle_language_cycles_the_declared_order(exhibit: Exhibit) -> None:
    three = dataclasses.replace(exhibit, languages=(*exhibit.languages, Language("fr", "Français")))
    session = Session(three)
    heard: list[str] = []
    session.on_language(heard.append)
    seen = [session.language]
    for _ in range(3):
        session.toggle_language()
        seen.append(session.language)
    assert seen == ["vi", "en", "fr", "vi"]
    assert heard == ["en", "fr", "vi"]


def test_reset_returns_to_the_default_language_and_the_title(exhibit: Exhibit) -> None:
    session = Session(exhibit, "en")
    session.story.open_chapter("fortress")
    session.story.go_to_step(2)
    positions: list[Position] = []
    languages: list[str] = []
    session.on_position(positions.append)
    session.on_language(languages.append)
    session.reset()
    assert session.language == "vi"
    assert session.story.position == TITLE
    assert positions == [TITLE] and languages == ["vi"]
    assert exhibit.title.get(session.language) == "Điện\u00a0Biên\u00a0Phủ 1954"
    assert session.text("home") == exhibit.strings["home"].get("vi")


# ---------------------------------------------------------------------------
# Story navigation.


def test_parse_open_spec(exhibit: Exhibit) -> None:
    assert parse_open_spec("fortress", exhibit) == Position("fortress", 0)
    assert parse_open_spec("fortress/2", exhibit) == Position("fortress", 1)
    last = len(exhibit.chapters[-1].steps)
    assert parse_open_spec(f"final-day/{last}", exhibit) == Position("final-day", last - 1)
    for bad in ("nowhere/1", "fortress/99", "fortress/0", "fortress/x", ""):
        with pytest.raises(ValueError):
            parse_open_spec(bad, exhibit)


def test_next_past_a_chapters_last_step_enters_the_next_chapter(exhibit: Exhibit) -> None:
    story = Story(exhibit)
    first, second, third = exhibit.chapters
    assert story.next() and story.position == Position(first.id, 0)
    story.go_to_step(len(first.steps) - 1)
    assert story.next() and story.position == Position(second.id, 0)
    story.go_to(Position(third.id, len(third.steps) - 1))
    assert not story.next(), "the last step of the last chapter goes nowhere"
    assert story.position == Position(third.id, len(third.steps) - 1)


def test_previous_from_the_first_step_goes_to_the_title(exhibit: Exhibit) -> None:
    story = Story(exhibit)
    first, second, _ = exhibit.chapters
    story.open_chapter(second.id)
    assert story.previous() and story.position == Position(first.id, len(first.steps) - 1)
    story.go_to_step(0)
    assert story.previous() and story.position == TITLE
    assert not story.previous() and story.position == TITLE


def test_chapters_remember_their_step_and_reset_forgets(exhibit: Exhibit) -> None:
    story = Story(exhibit)
    story.open_chapter("fortress")
    story.go_to_step(3)
    story.home()
    story.open_chapter("offensive")
    assert story.position == Position("offensive", 0)
    story.open_chapter("fortress")
    assert story.position == Position("fortress", 3)
    story.reset()
    assert story.position == TITLE
    story.open_chapter("fortress")
    assert story.position == Position("fortress", 0)
