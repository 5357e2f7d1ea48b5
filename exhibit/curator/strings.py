"""Translation sheets: every text of the exhibit out to a spreadsheet, and back.

    exhibit strings export texts.xlsx     one row a text: file, id, field, a column
                                          per language, the source it rests on
    exhibit strings import texts.xlsx     the edited words back into the YAML files

A translator or a reviewer works in the spreadsheet program they know; the
curator takes the sheet back. Import changes only the words of the texts
that differ (every comment, key order and line of layout in the files stays
as it was, see :mod:`exhibit.curator.texts`), then validates the whole
content as ``--check`` does. A sheet with a missing column, an unknown file,
id or field, an empty cell or a text listed twice is refused with the row
and column named, and so is a sheet whose words would make the content
invalid: in every refusal nothing is written.

The sheet may hold only some of the rows, and in any order; extra columns
(a translator's remarks) are ignored, and so is the source column.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exhibit.core.content import load_content
from exhibit.core.model import Exhibit
from exhibit.core.yamlsource import ContentError
from exhibit.curator import add_content_option, parse_and_load
from exhibit.curator.texts import EditError, TextEntry, YamlPath, collect_texts, replace_texts
from exhibit.paths import ASSETS_DIR

SHEET_TITLE = "texts"
KEY_COLUMNS = ("file", "id", "field")
SOURCE_COLUMN = "source"

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class SheetError(Exception):
    """The sheet cannot be taken back; ``problems`` says every reason, row and column."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def columns(exhibit: Exhibit) -> tuple[str, ...]:
    """The header row: the keys, one column per declared language, the source."""
    return (*KEY_COLUMNS, *exhibit.language_codes, SOURCE_COLUMN)


def entries_of(exhibit: Exhibit) -> list[TextEntry]:
    return collect_texts(
        exhibit.content_dir, exhibit.language_codes, [c.id for c in exhibit.chapters]
    )


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a dependency of the package
        raise SystemExit(
            "exhibit strings needs the openpyxl package: pip install openpyxl"
        ) from None
    return openpyxl


# -- export --------------------------------------------------------------------


def export_sheet(exhibit: Exhibit, path: Path) -> int:
    """Write every text of ``exhibit`` to the workbook ``path``; the number of rows."""
    openpyxl = _openpyxl()
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    header = columns(exhibit)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    entries = entries_of(exhibit)
    for entry in entries:
        row = [
            entry.file,
            entry.id,
            entry.field,
            *(entry.values[c] for c in exhibit.language_codes),
            entry.source,
        ]
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"  # words, never a formula or a number
    wrap = Alignment(wrap_text=True, vertical="top")
    widths = {"file": 24, "id": 24, "field": 16, SOURCE_COLUMN: 36}
    for index, name in enumerate(header, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = widths.get(name, 60)
        if name in exhibit.language_codes:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.alignment = wrap
    sheet.freeze_panes = sheet.cell(row=2, column=len(KEY_COLUMNS) + 1)
    sheet.auto_filter.ref = sheet.dimensions
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return len(entries)


# -- import --------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One language of one text, changed by the sheet."""

    entry: TextEntry
    language: str
    old: str
    new: str
    row: int


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").strip()


def read_sheet(exhibit: Exhibit, path: Path) -> list[Change]:
    """The changes the workbook ``path`` asks for; SheetError lists every problem."""
    openpyxl = _openpyxl()
    from openpyxl.utils import get_column_letter

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is no workbook
        raise SheetError([f"{path}: cannot be read as an .xlsx workbook ({error})"]) from None
    try:
        sheet = workbook[SHEET_TITLE] if SHEET_TITLE in workbook.sheetnames else workbook.active
        rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    languages = exhibit.language_codes
    if not rows:
        raise SheetError([f"{path}: row 1: the sheet is empty"])
    header = [_cell_text(value) for value in rows[0]]
    where: dict[str, int] = {}
    for index, name in enumerate(header):
        where.setdefault(name, index)
    missing = [name for name in (*KEY_COLUMNS, *languages) if name not in where]
    if missing:
        raise SheetError(
            [
                f"{path}: row 1: no column '{name}' (the header row needs "
                f"{', '.join((*KEY_COLUMNS, *languages))})"
                for name in missing
            ]
        )

    def cell(row: int, name: str) -> str:
        return f"row {row}, column {get_column_letter(where[name] + 1)} ({name})"

    entries = entries_of(exhibit)
    by_key = {entry.key: entry for entry in entries}
    files = {entry.file for entry in entries}
    ids = {(entry.file, entry.id) for entry in entries}
    problems: list[str] = []
    changes: list[Change] = []
    seen: dict[tuple[str, str, str], int] = {}
    for number, values in enumerate(rows[1:], start=2):
        texts = {
            name: _cell_text(values[i] if i < len(values) else None) for name, i in where.items()
        }
        if not any(texts.values()):
            continue  # a blank row
        empty = [name for name in (*KEY_COLUMNS, *languages) if not texts[name]]
        problems += [f"{path}: {cell(number, name)}: is empty" for name in empty]
        if any(name in KEY_COLUMNS for name in empty):
            continue
        key = (texts["file"], texts["id"], texts["field"])
        if key[0] not in files:
            problems.append(f"{path}: {cell(number, 'file')}: '{key[0]}' is not a content file")
            continue
        if key[:2] not in ids:
            problems.append(f"{path}: {cell(number, 'id')}: '{key[1]}' has no text in {key[0]}")
            continue
        entry = by_key.get(key)
        if entry is None:
            problems.append(
                f"{path}: {cell(number, 'field')}: '{key[2]}' is not a text of '{key[1]}'"
            )
            continue
        if key in seen:
            problems.append(f"{path}: row {number}: the same text as row {seen[key]}")
            continue
        seen[key] = number
        for language in languages:
            new = texts[language]
            if new and new != entry.values[language]:
                changes.append(Change(entry, language, entry.values[language], new, number))
    if problems:
        raise SheetError(problems)
    return changes


def apply_changes(exhibit: Exhibit, changes: Sequence[Change]) -> dict[str, str]:
    """The new text of every file the changes touch, validated; nothing is written.

    Raises SheetError naming the rows whose words make the content invalid.
    """
    root = exhibit.content_dir
    by_file: dict[str, dict[YamlPath, str]] = {}
    rows: dict[tuple[str, YamlPath], int] = {}
    for change in changes:
        path = (*change.entry.path, change.language)
        by_file.setdefault(change.entry.file, {})[path] = change.new
        rows[(change.entry.file, change.entry.path)] = change.row
    new_texts: dict[str, str] = {}
    try:
        for relative, edits in by_file.items():
            old = (root / relative).read_bytes().decode("utf-8")
            new_texts[relative] = replace_texts(old, edits, relative)
    except EditError as error:
        raise SheetError([str(error)]) from None
    _validate(root, new_texts, rows)
    return new_texts


def _validate(root: Path, new_texts: Mapping[str, str], rows: Mapping[Any, int]) -> None:
    import shutil

    with tempfile.TemporaryDirectory(prefix="exhibit-strings-") as temp:
        copy = Path(temp) / root.name
        shutil.copytree(root, copy)
        for relative, text in new_texts.items():
            (copy / relative).write_bytes(text.encode("utf-8"))
        try:
            load_content(copy, ASSETS_DIR)
        except ContentError as error:
            raise SheetError(
                ["the new texts would make the content invalid:"]
                + [f"  {p}{_row_of(p.file, p.field, root, rows)}" for p in error.problems]
            ) from None


def _row_of(file: str, field: str, root: Path, rows: Mapping[Any, int]) -> str:
    relative = file.removeprefix(f"{root.name}/")
    for (row_file, path), row in rows.items():
        if row_file != relative:
            continue
        dotted = ""
        for part in path:
            dotted += f"[{part}]" if isinstance(part, int) else (f".{part}" if dotted else part)
        if field == dotted or field.startswith(f"{dotted}."):
            return f" (sheet row {row})"
    return ""


def write_files(root: Path, new_texts: Mapping[str, str]) -> None:
    """Replace each file whole (a new file moved over the old), so none is left half-written."""
    for relative, text in new_texts.items():
        target = root / relative
        temp = target.with_name(f".{target.name}.new")
        temp.write_bytes(text.encode("utf-8"))
        os.replace(temp, target)


def import_sheet(exhibit: Exhibit, path: Path) -> list[Change]:
    """Take the sheet back into the content folder; the changes made (SheetError: none)."""
    changes = read_sheet(exhibit, path)
    new_texts = apply_changes(exhibit, changes)
    write_files(exhibit.content_dir, new_texts)
    return changes


# -- command line ----------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="exhibit strings",
        description="Send the exhibit's texts to a translator as a spreadsheet, and take "
        "the edited sheet back into the content files.",
    )
    parser.add_argument("action", choices=("export", "import"))
    parser.add_argument("sheet", metavar="FILE.xlsx", type=Path)
    add_content_option(parser)
    return parser


def main(argv: Iterable[str]) -> int:
    started = parse_and_load(build_parser(), list(argv), "sheet", ".xlsx")
    if isinstance(started, int):
        return started
    options, exhibit = started
    sheet: Path = options.sheet
    if options.action == "export":
        try:
            count = export_sheet(exhibit, sheet)
        except OSError as error:
            print(f"exhibit strings: cannot write {sheet}: {error}", file=sys.stderr)
            return EXIT_BAD_INPUT
        languages = ", ".join(exhibit.language_codes)
        print(f"Wrote {count} texts ({languages}) to {sheet}.")
        return EXIT_OK
    if not sheet.is_file():
        print(f"exhibit strings: no file {sheet}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        changes = import_sheet(exhibit, sheet)
    except SheetError as error:
        print(f"The sheet was not taken in; nothing was written ({sheet}):", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not changes:
        print(f"No text in {sheet} differs from the content; nothing was written.")
        return EXIT_OK
    files = sorted({change.entry.file for change in changes})
    print(f"Took {len(changes)} changed text(s) from {sheet} into {', '.join(files)}:")
    for change in changes:
        entry = change.entry
        print(f"  {entry.file}: {entry.id} {entry.field} [{change.language}] (row {change.row})")
    print("The content is valid.")
    return EXIT_OK
