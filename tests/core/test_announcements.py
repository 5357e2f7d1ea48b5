"""What a screen reader is told when the screen changes: short, once, in the new words."""

from __future__ import annotations

from pathlib import Path

import pytest

from exhibit.core import announcements
from exhibit.core.content import load_content
from exhibit.core.model import EventTime, Exhibit
from exhibit.core.story import TITLE, Position

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def exhibit() -> Exhibit:
    return load_content(PROJECT / "content", PROJECT / "assets")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_new_chapter_is_named_with_its_step(exhibit: Exhibit, language: str) -> None:
    chapter = exhibit.chapters[1]
    said = announcements.after_move(exhibit, TITLE, Position(chapter.id, 0), language)
    assert said == (
        f"{exhibit.string('chapter_label', language, n=2)}: {chapter.title.get(language)}. "
        f"{exhibit.string('step_of', language, n=1, total=len(chapter.steps))}: "
        f"{chapter.steps[0].title.get(language)}"
    )


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_step_in_the_same_chapter_names_only_the_step(exhibit: Exhibit, language: str) -> None:
    chapter = exhibit.chapters[0]
    before, after = Position(chapter.id, 0), Position(chapter.id, 1)
    said = announcements.after_move(exhibit, before, after, language)
    step_of = exhibit.string("step_of", language, n=2, total=len(chapter.steps))
    assert said == f"{step_of}: {chapter.steps[1].title.get(language)}"
    assert chapter.title.get(language) not in said


def test_staying_put_says_nothing(exhibit: Exhibit) -> None:
    here = Position(exhibit.chapters[2].id, 3)
    assert announcements.after_move(exhibit, here, here, "en") == ""


def test_the_title_screen_is_named_with_what_to_do_there(exhibit: Exhibit) -> None:
    said = announcements.after_move(exhibit, Position(exhibit.chapters[0].id, 2), TITLE, "vi")
    assert said == f"{exhibit.title.get('vi')}. {exhibit.string('choose_chapter', 'vi')}"


def test_a_language_change_says_the_language_then_where_the_visitor_is(exhibit: Exhibit) -> None:
    chapter = exhibit.chapters[2]
    here = Position(chapter.id, 4)
    said = announcements.after_language_change(exhibit, here, "vi")
    name = next(lang.name for lang in exhibit.languages if lang.code == "vi")
    assert said.startswith(f"{name}. {exhibit.string('chapter_label', 'vi', n=3)}: ")
    assert said.endswith(chapter.steps[4].title.get("vi"))
    # Every word in the new language: nothing of the English titles is left.
    assert chapter.title.get("en") not in said
    assert chapter.steps[4].title.get("en") not in said


def _event(exhibit: Exhibit, exact: bool) -> EventTime:
    times = [step.time for chapter in exhibit.chapters for step in chapter.steps if step.time]
    return next(time for time in times if time.exact == exact)


def test_the_clock_says_an_exact_time_as_a_person_says_it(exhibit: Exhibit) -> None:
    vi, en = exhibit.string("clock_date", "vi"), exhibit.string("clock_date", "en")
    half_past = EventTime(17 * 60 + 30, 17 * 60 + 30)
    assert announcements.clock_words(exhibit, half_past, "vi") == f"17 giờ 30 phút, {vi}"
    assert announcements.clock_words(exhibit, half_past, "en") == f"17:30, {en}"
    four = EventTime(4 * 60, 4 * 60)
    assert announcements.clock_words(exhibit, four, "vi") == f"4 giờ, {vi}"
    assert announcements.clock_words(exhibit, four, "en") == f"4:00, {en}"
    # An evening hour on the 24-hour clock, as English says it too ("22 o'clock" it does not).
    ten_pm = EventTime(22 * 60, 22 * 60)
    assert announcements.clock_words(exhibit, ten_pm, "vi") == f"22 giờ, {vi}"
    assert announcements.clock_words(exhibit, ten_pm, "en") == f"22:00, {en}"


def test_the_clock_says_a_window_by_its_own_label(exhibit: Exhibit) -> None:
    window = _event(exhibit, exact=False)
    assert window.label is not None
    for language in ("vi", "en"):
        said = announcements.clock_words(exhibit, window, language)
        assert said == f"{window.label.get(language)}, {exhibit.string('clock_date', language)}"


def test_the_closing_step_is_read_by_its_title(exhibit: Exhibit) -> None:
    said = announcements.clock_words(exhibit, None, "en")
    assert said == f"{exhibit.string('totals_title', 'en')}, {exhibit.string('clock_date', 'en')}"
