"""What a screen reader must read on each step of the story, in order.

Shared by the in-process tests (tests/ui/test_screen_reader_tree.py) and the
AT-SPI tests (tests/screen_reader/), which each map a line's kind to the
roles their side reports. Lines may have others between them (a step's
places, a caption, the map's markers): only their order is prescribed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from exhibit.core.announcements import clock_words
from exhibit.core.model import Chapter, Exhibit, Figure, Step

Kind = Literal["heading", "text", "clock", "button"]


@dataclass(frozen=True)
class Line:
    words: str
    kind: Kind


def step_reading(exhibit: Exhibit, chapter: Chapter, step: Step, language: str) -> list[Line]:
    """The chapter, the step's title, who, a quotation, its text, figures, images (each a
    button that opens it, named by its alt text) and source; on the final day then the
    clock's time in words, or at the day's end the totals counted on the stage.

    A key figure is one line, the number then what it counts ("16 200 enemy troops").
    """
    lines = [
        Line(chapter.title.get(language), "heading"),
        Line(step.title.get(language), "heading"),
    ]
    if step.who is not None:
        lines.append(Line(step.who.get(language), "text"))
    if step.quote is not None:
        quote, by = step.quote.text.get(language), step.quote.by.get(language)
        lines.append(Line(f"{quote} – {by}", "text"))
    lines.append(Line(step.body.get(language), "text"))
    totals = chapter.told_on_clock and step.time is None
    if not totals:
        lines += [Line(_figure(figure, language), "text") for figure in step.figures]
        lines += [Line(image.alt.get(language), "button") for image in step.images]
    source = exhibit.sources[step.source].title.get(language)
    lines.append(Line(f"{exhibit.string('source_label', language)}: {source}", "text"))
    if chapter.told_on_clock and not totals:
        lines.append(Line(clock_words(exhibit, step.time, language), "clock"))
    if totals:
        lines += [Line(_figure(figure, language), "text") for figure in step.figures]
    return lines


def _figure(figure: Figure, language: str) -> str:
    return f"{figure.value.get(language)} {figure.label.get(language)}"
