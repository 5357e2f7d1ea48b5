"""The curator's review sheet: what a curator must confirm, and every outside fact.

Steps and places record what a curator must still confirm (``to_confirm``)
and each fact taken from outside the source texts, with what it rests on
(``extra_source``). :func:`review_sheet` gathers them into one Markdown sheet,
``content/REVIEW.md``, to be signed off item by item. An entry written the
same way on several steps or places is listed once, with every place it
applies to. A box a curator has ticked ("- [x]") stays ticked when the sheet
is built again, as long as the item's words are unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from exhibit.core.content import CHAPTERS_DIR, PLACES_FILE
from exhibit.core.model import Exhibit

SHEET_FILE = "REVIEW.md"
_TICKED = re.compile(r"^- \[[xX]\] (.+)$", re.MULTILINE)


@dataclass
class Item:
    """One entry to sign off and where the content records it."""

    text: str
    #: (file in the content folder, step or place id), in content order
    where: list[tuple[str, str]] = field(default_factory=list)

    def where_text(self) -> str:
        """The places it applies to, by file: "`places.yaml`: `a1`, `c2`"."""
        by_file: dict[str, list[str]] = {}
        for file, ident in self.where:
            by_file.setdefault(file, []).append(f"`{ident}`")
        return "; ".join(f"`{file}`: {', '.join(ids)}" for file, ids in by_file.items())


def review_items(exhibit: Exhibit) -> tuple[list[Item], list[Item]]:
    """(to confirm, outside facts), each in content order, identical entries merged."""
    to_confirm: dict[str, Item] = {}
    outside: dict[str, Item] = {}

    def note(items: dict[str, Item], texts: tuple[str, ...], where: tuple[str, str]) -> None:
        for text in texts:
            items.setdefault(text, Item(text)).where.append(where)

    for chapter in exhibit.chapters:
        for step in chapter.steps:
            where = (f"{CHAPTERS_DIR}/{chapter.id}.yaml", step.id)
            note(to_confirm, step.to_confirm, where)
            note(outside, step.extra_source, where)
    for place in exhibit.places.values():
        where = (PLACES_FILE, place.id)
        note(to_confirm, place.to_confirm, where)
        note(outside, place.extra_source, where)
    return list(to_confirm.values()), list(outside.values())


def review_sheet(exhibit: Exhibit, previous: str = "") -> str:
    """The sheet as Markdown; ``previous`` is the last sheet, whose ticks are kept."""
    ticked = {match.group(1).strip() for match in _TICKED.finditer(previous)}
    to_confirm, outside = review_items(exhibit)
    lines = [
        "# Review sheet",
        "",
        "What a curator must confirm before the exhibit's texts are signed off, and",
        "every fact the texts take from outside their two sources. Built from the",
        "content (`to_confirm` and `extra_source` on steps and places, see README.md)",
        "by `python tools/review_sheet.py --write`: change the content, not this",
        "sheet, except to tick a box once an item is confirmed.",
        "",
        "The sources (copies in `sources/`):",
        "",
    ]
    for source in exhibit.sources.values():
        titles = " / ".join(source.title.get(code) for code in exhibit.language_codes)
        lines.append(f"- `sources/{source.id}`: {titles}")
    sections = (
        ("To confirm", to_confirm, "none: nothing is waiting for a curator."),
        ("Outside facts", outside, "none: every fact comes from the sources."),
    )
    for heading, items, empty in sections:
        lines += ["", f"## {heading} ({len(items)})", ""]
        if not items:
            lines.append(f"_{empty}_")
        for item in items:
            box = "x" if item.text in ticked else " "
            lines.append(f"- [{box}] {item.text}")
            lines.append(f"  - in {item.where_text()}")
    lines += ["", "Signed off by: ____________________  Date: ____________", ""]
    return "\n".join(lines)
