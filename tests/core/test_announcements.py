"""What a screen reader is told when the screen changes: short, once, in the new words."""

from __future__ import annotations

from pathlib import Path

import pytest

from exhibit.core import announcements
from exhibit.core.content import load_content
from exhibit.core.model import Exhibit
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
