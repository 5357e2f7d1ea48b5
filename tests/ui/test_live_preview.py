"""A curator's live preview (--watch) in the real window, offscreen.

A saved edit shows up where the curator is, in their language; a broken
file keeps the last good text on screen under a panel that lists every
problem as file:line; fixing it takes the panel away. A kiosk never shows
the panel. Files are saved as editors do: a temporary file renamed over
the old one.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF

from exhibit import app
from exhibit.core.livepreview import LivePreview, read_with_files
from exhibit.core.settings import Settings
from exhibit.paths import ASSETS_DIR, CONTENT_DIR

TITLE_EN = "The strongest entrenched camp in Indochina"
EDITED = "The strongest camp of all, as the curator wrote it"
WAIT_MS = 5000  # how long a test waits for the watcher (a ceiling, never a measured time)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    return folder


def save(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def open_preview(open_exhibit, content: Path, **kwargs):
    exhibit, files = read_with_files(content, ASSETS_DIR)
    preview = LivePreview(content, ASSETS_DIR, exhibit, files)
    return open_exhibit(exhibit=exhibit, preview=preview, **kwargs)


def wait_for_check(visitor, change) -> None:
    """Make ``change`` on disk and wait until the preview has read it."""
    with visitor.qtbot.waitSignal(visitor.backends.preview.checked, timeout=WAIT_MS):
        change()
    visitor.settle(100)


def overlay_lines(visitor) -> list[str]:
    return [
        str(item.property("text"))
        for item in visitor.items()
        if item.objectName() == "previewProblem" and visitor.is_shown(item)
    ]


def test_a_saved_title_shows_where_the_curator_is(open_exhibit, content) -> None:
    visitor = open_preview(open_exhibit, content, language="en", open_spec="fortress/2")
    visitor.tap("languageToggle")  # the curator reads in Vietnamese, then back in English
    visitor.tap("languageToggle")
    assert visitor.text("stepTitle") == TITLE_EN
    chapter = content / "chapters" / "fortress.yaml"
    text = chapter.read_text(encoding="utf-8")

    wait_for_check(visitor, lambda: save(chapter, text.replace(TITLE_EN, EDITED)))

    visitor.qtbot.waitUntil(lambda: visitor.text("stepTitle") == EDITED, timeout=WAIT_MS)
    assert visitor.is_shown(visitor.find("stepTitle"))
    assert visitor.text("stepLabel") == "Step 2 of 7"
    assert visitor.text("chapterLabel") == "Chapter 2"
    assert visitor.backends.ui.language == "en"
    assert visitor.maybe_find("previewPanel") is None
    # The file was replaced by a rename; the watcher follows the new one.
    files, folders = visitor.backends.preview.watched()
    assert str(chapter.resolve()) in files and str(chapter.parent.resolve()) in folders


def test_a_broken_file_keeps_the_last_good_text_under_a_list_of_problems(
    open_exhibit, content
) -> None:
    visitor = open_preview(open_exhibit, content, language="vi", open_spec="final-day/3")
    good_title = visitor.text("stepTitle")
    chapter = content / "chapters" / "final-day.yaml"
    text = chapter.read_text(encoding="utf-8")
    broken = text.replace("    source:", "    sourc:", 1).replace("title:", "titel:", 1)

    wait_for_check(visitor, lambda: save(chapter, broken))

    panel = visitor.find("previewPanel")
    assert visitor.is_shown(panel)
    lines = overlay_lines(visitor)
    assert len(lines) >= 2
    for line in lines:  # file:line: field: what, as --check prints them
        where, number, _rest = line.split(":", 2)
        assert where.endswith("chapters/final-day.yaml") and number.isdigit(), line
    assert any("sourc" in line for line in lines) and any("titel" in line for line in lines)
    heading = visitor.text("previewHeading")
    assert str(len(visitor.backends.preview.problems)) in heading
    assert heading in visitor.visible_texts()
    # The last good version is still there, in the curator's place and language.
    assert visitor.text("stepTitle") == good_title
    assert visitor.is_shown(visitor.find("stepTitle"))
    assert visitor.text("chapterLabel") == "Chương 3"

    wait_for_check(visitor, lambda: save(chapter, text))

    assert visitor.maybe_find("previewPanel") is None
    assert overlay_lines(visitor) == []
    assert visitor.text("stepTitle") == good_title


def test_the_panel_speaks_the_curators_language(open_exhibit, content) -> None:
    visitor = open_preview(open_exhibit, content, language="en", open_spec="offensive/1")
    ui = content / "ui.yaml"
    text = ui.read_text(encoding="utf-8")
    wait_for_check(visitor, lambda: save(ui, text.replace("  home:", "  hom:", 1)))
    english = visitor.text("previewHeading")
    visitor.tap("languageToggle")
    vietnamese = visitor.text("previewHeading")
    assert english != vietnamese and english and vietnamese
    assert overlay_lines(visitor)  # the problems themselves are the loader's, in one form


def test_a_kiosk_never_shows_the_problems(open_exhibit, content) -> None:
    visitor = open_preview(
        open_exhibit,
        content,
        language="en",
        open_spec="fortress/2",
        settings=Settings(mode="kiosk"),
    )
    chapter = content / "chapters" / "fortress.yaml"
    text = chapter.read_text(encoding="utf-8")

    wait_for_check(visitor, lambda: save(chapter, text.replace("    source:", "    sourc:", 1)))

    assert visitor.backends.preview.problems == []
    assert visitor.maybe_find("previewPanel") is None
    assert not any("problem" in line for line in visitor.visible_texts())
    assert visitor.backends.preview.watching  # it did read the broken file, and said nothing


def test_watch_is_refused_in_kiosk_mode(capsys) -> None:
    assert app.main(["--watch", "--kiosk"]) == app.EXIT_BAD_INPUT
    assert "--watch" in capsys.readouterr().err


def test_an_image_saved_again_is_drawn_again(open_exhibit, content) -> None:
    """Qt keeps decoded images by their address: a changed file must not come from there."""
    visitor = open_preview(open_exhibit, content, language="en")

    def emblem():  # the first chapter's, found again each time
        return next(
            item
            for item in visitor.items()
            if item.objectName() == "chapterEmblem"
            and "emblem-offensive" in item.property("source").toString()
        )

    def loaded() -> bool:
        return emblem().property("progress") == 1.0

    def middle_colour() -> tuple[int, int, int]:
        item = emblem()
        point = item.mapToScene(QPointF(item.width() / 2, item.height() * 0.2)).toPoint()
        colour = visitor.window.grabWindow().pixelColor(point)
        return colour.red(), colour.green(), colour.blue()

    visitor.qtbot.waitUntil(loaded, timeout=WAIT_MS)
    before_source, before_colour = emblem().property("source"), middle_colour()
    drawing = content / "images" / "emblem-offensive.svg"
    text = drawing.read_text(encoding="utf-8")
    # The disc behind the arrows turns white.
    wait_for_check(visitor, lambda: save(drawing, text.replace('fill="#221d17"', 'fill="#ffffff"')))

    visitor.qtbot.waitUntil(
        lambda: emblem().property("source") != before_source and loaded(), timeout=WAIT_MS
    )
    visitor.settle(100)
    after = middle_colour()
    assert after != before_colour and min(after) > 200, (before_colour, after)
