"""The live preview's decisions, without Qt: what to watch, when to read, what changed.

And what the session does with new content: the place and the language
stay, the listeners hear of it once.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pytest

from exhibit.core.content import load_content
from exhibit.core.livepreview import Debounce, LivePreview, read_with_files
from exhibit.core.session import Session
from exhibit.core.story import TITLE, Position
from exhibit.paths import ASSETS_DIR, CONTENT_DIR

TITLE_EN = "The strongest entrenched camp in Indochina"


def preview_of(folder: Path) -> LivePreview:
    exhibit, files = read_with_files(folder, ASSETS_DIR)
    return LivePreview(folder, ASSETS_DIR, exhibit, files)


def save(path: Path, text: str) -> None:
    """As many editors save: a temporary file beside it, renamed over it."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def step_title(session_or_exhibit, chapter: str = "fortress", step: int = 1) -> str:
    exhibit = getattr(session_or_exhibit, "exhibit", session_or_exhibit)
    found = exhibit.chapter(chapter)
    assert found is not None
    return found.steps[step].title.get("en")


# -- the debounce -----------------------------------------------------------------


def test_a_burst_is_read_once_it_has_been_quiet() -> None:
    debounce = Debounce(quiet_s=0.1, longest_s=0.3)
    assert debounce.due_at() is None and not debounce.take(5.0)
    for moment in (10.0, 10.02, 10.05):  # write the temporary file, rename it, set its mode
        debounce.poke(moment)
    assert debounce.due_at() == pytest.approx(10.15)
    assert not debounce.take(10.1)
    assert debounce.take(10.15)
    assert not debounce.pending and not debounce.take(10.2)  # one read per burst


def test_a_burst_that_goes_on_is_read_at_the_latest_after_the_longest_wait() -> None:
    debounce = Debounce(quiet_s=0.1, longest_s=0.3)
    moment = 20.0
    while moment < 20.5:  # a save every 50 ms: never quiet for 100 ms
        debounce.poke(moment)
        moment += 0.05
    assert debounce.due_at() == pytest.approx(20.3)
    assert debounce.take(20.55)


def test_the_debounce_refuses_a_longest_wait_shorter_than_the_quiet_time() -> None:
    with pytest.raises(ValueError):
        Debounce(quiet_s=0.5, longest_s=0.2)


# -- what to watch, what changed ---------------------------------------------------


def test_the_content_files_and_their_folders_are_watched(content: Path) -> None:
    watched = preview_of(content).watched()
    inside = [Path(path) for path in watched.files if content in Path(path).parents]
    names = {path.relative_to(content).as_posix() for path in inside}
    assert {"exhibit.yaml", "ui.yaml", "places.yaml", "chapters/fortress.yaml"} <= names
    assert str(ASSETS_DIR / "maps" / "valley.json") in watched.files  # the map assets too
    # Folders: a file renamed over another, or a new chapter file, is seen there.
    assert {str(content), str(content / "chapters")} <= set(watched.folders)


def test_nothing_is_read_again_while_no_file_changed(content: Path) -> None:
    calls = []

    def load(folder, assets):
        calls.append(folder)
        return read_with_files(folder, assets)

    exhibit, files = read_with_files(content, ASSETS_DIR)
    preview = LivePreview(content, ASSETS_DIR, exhibit, files, load=load)
    chapter = content / "chapters" / "fortress.yaml"
    save(chapter, chapter.read_text(encoding="utf-8"))  # saved without a change
    (content / "chapters" / ".fortress.yaml.swp").write_bytes(b"swap")  # an editor's swap file
    (content / "notes.md").write_text("a curator's notes", encoding="utf-8")
    assert preview.check() is None
    assert calls == []


def test_a_saved_edit_is_read_and_named(content: Path) -> None:
    preview = preview_of(content)
    chapter = content / "chapters" / "fortress.yaml"
    save(chapter, chapter.read_text(encoding="utf-8").replace(TITLE_EN, "An edited title"))
    outcome = preview.check()
    assert outcome is not None and outcome.valid
    assert outcome.changed == (str(chapter.resolve()),)
    assert outcome.exhibit is preview.exhibit
    assert step_title(outcome.exhibit) == "An edited title"
    assert preview.check() is None  # and only once


def test_invalid_content_keeps_the_last_good_and_names_every_problem(content: Path) -> None:
    preview = preview_of(content)
    good = preview.exhibit
    chapter = content / "chapters" / "fortress.yaml"
    text = chapter.read_text(encoding="utf-8")
    broken = text.replace("    source:", "    sourc:", 1).replace("map: valley", "map: vally", 1)
    save(chapter, broken)
    outcome = preview.check()
    assert outcome is not None and not outcome.valid and outcome.exhibit is None
    assert preview.exhibit is good
    # Every problem at once, as --check prints them: file:line: field: what.
    assert len(outcome.problems) >= 2
    for problem in outcome.problems:
        where, line, _rest = problem.split(":", 2)
        assert where.endswith("chapters/fortress.yaml") and line.isdigit(), problem
    assert any("sourc" in problem for problem in outcome.problems)
    assert any("vally" in problem for problem in outcome.problems)
    assert preview.problems == outcome.problems

    save(chapter, text)  # fixed
    outcome = preview.check()
    assert outcome is not None and outcome.valid and outcome.exhibit is not None
    assert preview.problems == ()


def test_a_new_file_the_content_then_names_is_read(content: Path) -> None:
    preview = preview_of(content)
    exhibit_file = content / "exhibit.yaml"
    text = exhibit_file.read_text(encoding="utf-8")
    save(exhibit_file, text.replace("final-day]", "final-day, epilogue]", 1))
    outcome = preview.check()
    assert outcome is not None and not outcome.valid
    assert any("epilogue" in problem for problem in outcome.problems)
    # The missing chapter file appears: its folder is watched, so it counts as a change.
    shutil.copy(content / "chapters" / "fortress.yaml", content / "chapters" / "epilogue.yaml")
    epilogue = content / "chapters" / "epilogue.yaml"
    save(epilogue, epilogue.read_text(encoding="utf-8").replace("id: fortress", "id: epilogue", 1))
    outcome = preview.check()
    assert outcome is not None
    assert str(epilogue) in outcome.changed


# -- the session with new content ----------------------------------------------------


def test_new_content_keeps_the_place_and_the_language(content: Path) -> None:
    session = Session(load_content(content, ASSETS_DIR), "en")
    session.story.go_to(Position("fortress", 1))
    heard = []
    session.on_content(heard.append)
    positions = []
    session.on_position(positions.append)
    chapter = content / "chapters" / "fortress.yaml"
    save(chapter, chapter.read_text(encoding="utf-8").replace(TITLE_EN, "An edited title"))
    new = load_content(content, ASSETS_DIR)
    session.replace_exhibit(new)
    assert heard == [new] and positions == []  # one announcement, not a move
    assert session.story.position == Position("fortress", 1)
    assert session.language == "en"
    assert session.local(session.story.chapter.steps[1].title) == "An edited title"


def test_a_shorter_chapter_keeps_its_last_step_and_a_removed_one_sends_home() -> None:
    exhibit = load_content(CONTENT_DIR, ASSETS_DIR)
    session = Session(exhibit, "vi")
    session.story.go_to(Position("fortress", 6))
    chapters = list(exhibit.chapters)
    fortress = chapters[1]
    chapters[1] = dataclasses.replace(fortress, steps=fortress.steps[:3])
    session.replace_exhibit(dataclasses.replace(exhibit, chapters=tuple(chapters)))
    assert session.story.position == Position("fortress", 2)
    del chapters[1]
    session.replace_exhibit(dataclasses.replace(exhibit, chapters=tuple(chapters)))
    assert session.story.position == TITLE
    assert session.language == "vi"
