"""What a screen reader is told: when the screen changes, and what the clock says.

A sighted visitor sees at once that Next brought a new step or that the
toggle changed the language; a blind visitor hears it from one short
announcement, said once, in the new words: where they are now, not the
whole screen again (the screen reader reads the rest when asked). The
announcement is built from the content's own words (the chapter label, the
"step n of total" string, the titles, the languages' names), so it is
always in the language on screen.

The clock of 7 May 1954 is read as words too: the time as a person says it
("17 giờ 30 phút", "4:00", "22 giờ"; never "04:00", which a voice reads as
"zero four") or, for an event the sources give no hour for, the window's own
label, then the date.
"""

from __future__ import annotations

from exhibit.core.model import EventTime, Exhibit
from exhibit.core.story import Position


def where(exhibit: Exhibit, position: Position, language: str, *, with_chapter: bool) -> str:
    """The screen at ``position`` in a few words: the title screen, or a step of a chapter."""
    fallback = exhibit.default_language
    if position.chapter is None:
        title = exhibit.title.get(language, fallback)
        return f"{title}. {exhibit.string('choose_chapter', language)}"
    chapter = exhibit.chapter(position.chapter)
    if chapter is None:
        return ""
    step = chapter.steps[position.step]
    said = (
        f"{exhibit.string('step_of', language, n=position.step + 1, total=len(chapter.steps))}: "
        f"{step.title.get(language, fallback)}"
    )
    if not with_chapter:
        return said
    number = exhibit.chapters.index(chapter) + 1
    label = exhibit.string("chapter_label", language, n=number)
    return f"{label}: {chapter.title.get(language, fallback)}. {said}"


def after_move(exhibit: Exhibit, before: Position, after: Position, language: str) -> str:
    """Said when the visitor moves: the step, and the chapter if it is a new one."""
    if after == before:
        return ""
    return where(exhibit, after, language, with_chapter=after.chapter != before.chapter)


def after_language_change(exhibit: Exhibit, position: Position, language: str) -> str:
    """Said when the language changes: the language's own name, then where the visitor is."""
    name = next((lang.name for lang in exhibit.languages if lang.code == language), language)
    return f"{name}. {where(exhibit, position, language, with_chapter=True)}"


def clock_words(exhibit: Exhibit, time: EventTime | None, language: str) -> str:
    """The clock's time for a screen reader: the hour in words, or the window's label; the date.

    ``time`` None is the chapter's closing step (the totals), read by its title.
    """
    date = exhibit.string("clock_date", language)
    if time is None:
        return f"{exhibit.string('totals_title', language)}, {date}"
    if not time.exact:
        assert time.label is not None
        return f"{time.label.get(language, exhibit.default_language)}, {date}"
    hour, minute = divmod(time.earliest, 60)
    if minute == 0:
        said = exhibit.string("clock_spoken_hour", language, hour=hour)
    else:
        said = exhibit.string("clock_spoken_time", language, hour=hour, minute=f"{minute:02d}")
    return f"{said}, {date}"
