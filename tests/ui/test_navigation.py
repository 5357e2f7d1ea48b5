"""A visitor moves through every chapter by tap, swipe and key, in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from exhibit.core.model import Exhibit

LANGUAGES = ("vi", "en")


def _expected_title(exhibit: Exhibit, chapter_id: str, step: int, language: str) -> str:
    chapter = exhibit.chapter(chapter_id)
    assert chapter is not None
    return chapter.steps[step].title.get(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_title_screen_offers_every_chapter_in_the_language(open_exhibit, exhibit_content, language):
    visitor = open_exhibit(language=language)
    texts = visitor.visible_texts()
    assert exhibit_content.title.get(language) in texts
    for chapter in exhibit_content.chapters:
        assert chapter.title.get(language) in texts
        assert visitor.is_shown(visitor.find(f"chapterCard-{chapter.id}"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_tapping_next_walks_every_step_of_every_chapter(open_exhibit, exhibit_content, language):
    visitor = open_exhibit(language=language)
    for chapter in exhibit_content.chapters:
        visitor.tap("homeButton") if visitor.maybe_find("homeButton") and visitor.is_shown(
            visitor.find("homeButton")
        ) else None
        visitor.tap(f"chapterCard-{chapter.id}")
        for index, step in enumerate(chapter.steps):
            assert visitor.text("stepTitle") == step.title.get(language)
            assert visitor.text("chapterTitle") == chapter.title.get(language)
            label = exhibit_content.string(
                "step_of", language, n=index + 1, total=len(chapter.steps)
            )
            assert visitor.text("stepLabel") == label
            if index + 1 < len(chapter.steps):
                visitor.tap("nextButton")


def test_swipes_move_forward_and_back(open_exhibit, exhibit_content):
    visitor = open_exhibit(open_spec="offensive")
    visitor.swipe("labelArea", -300)
    assert visitor.text("stepTitle") == _expected_title(exhibit_content, "offensive", 1, "vi")
    visitor.swipe("labelArea", -300)
    assert visitor.text("stepTitle") == _expected_title(exhibit_content, "offensive", 2, "vi")
    visitor.swipe("labelArea", 300)
    assert visitor.text("stepTitle") == _expected_title(exhibit_content, "offensive", 1, "vi")
    visitor.swipe("labelArea", 10)  # a small drag is not a swipe
    assert visitor.text("stepTitle") == _expected_title(exhibit_content, "offensive", 1, "vi")


@pytest.mark.parametrize("language", LANGUAGES)
def test_keys_walk_the_whole_story_and_back_home(open_exhibit, exhibit_content, language):
    visitor = open_exhibit(language=language)
    for chapter in exhibit_content.chapters:
        for step in chapter.steps:
            visitor.key(Qt.Key.Key_Right)
            assert visitor.text("stepTitle") == step.title.get(language)
    last = exhibit_content.chapters[-1]
    visitor.key(Qt.Key.Key_PageUp)
    assert visitor.text("stepTitle") == last.steps[-2].title.get(language)
    visitor.key(Qt.Key.Key_PageDown)
    assert visitor.text("stepTitle") == last.steps[-1].title.get(language)
    visitor.key(Qt.Key.Key_Home)
    assert visitor.is_shown(visitor.find("titleScreen"))


def test_language_toggle_changes_every_word_and_keeps_the_place(open_exhibit, exhibit_content):
    visitor = open_exhibit(language="vi", open_spec="fortress/3")
    before = set(visitor.visible_texts())
    toggle = visitor.find("languageToggle")
    assert toggle.property("text") == "English"

    visitor.tap("languageToggle")

    after = set(visitor.visible_texts())
    chapter = exhibit_content.chapter("fortress")
    assert visitor.text("stepTitle") == chapter.steps[2].title.get("en")
    assert visitor.text("stepLabel") == exhibit_content.string(
        "step_of", "en", n=3, total=len(chapter.steps)
    )
    assert toggle.property("text") == "Tiếng Việt"
    # Every visible Vietnamese text is gone (numbers and names may be shared).
    vietnamese_only = {
        t for t in before if t not in after and any(ch in t for ch in "ăâđêôơưạảấầẩẫậ")
    }
    assert vietnamese_only, "the screen showed Vietnamese text before the toggle"
    assert not vietnamese_only & after

    visitor.tap("languageToggle")
    assert visitor.text("stepTitle") == chapter.steps[2].title.get("vi")
