"""The exhibit as a blind visitor meets it: through AT-SPI, as Orca reads it.

Each test starts its own session bus, AT-SPI bus and X server, runs the
exhibit's real window (xcb) with Qt's accessibility on, and reads it with
pyatspi under Debian's Python (walker.py), pressing buttons through their
accessible actions as a screen-reader user does. What is "heard" is what a
screen reader reading the window from the top would say: every text
reported as showing, and every control by name and role (session.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from exhibit.core.content import load_content
from exhibit.core.model import Chapter, Exhibit, Step
from exhibit.paths import ASSETS_DIR, CONTENT_DIR
from tests.reading import step_reading
from tests.screen_reader.session import ReaderSession, Snapshot

LOCALES = {"vi": "vi_VN", "en": "en_US"}
OTHER = {"vi": "en", "en": "vi"}


@pytest.fixture(scope="module")
def exhibit() -> Exhibit:
    return load_content(CONTENT_DIR, ASSETS_DIR)


def language_name(exhibit: Exhibit, code: str) -> str:
    return next(lang.name for lang in exhibit.languages if lang.code == code)


def step_lines(exhibit: Exhibit, chapter: Chapter, step: Step, language: str) -> list[str]:
    """What must be heard on a step, in order (tests/reading.py), as Snapshot.heard() says it."""
    said_as = {"clock": "{}, image", "button": "{}, push button"}
    return [
        said_as.get(line.kind, "{}").format(line.words)
        for line in step_reading(exhibit, chapter, step, language)
    ]


def in_order(heard: list[str], expected: list[str]) -> list[str]:
    """The expected lines not heard in this order (empty when all are)."""
    position = 0
    missing = []
    for line in expected:
        try:
            position = heard.index(line, position) + 1
        except ValueError:
            missing.append(line)
    return missing


def hears(*lines: str):
    return lambda snapshot: not in_order(snapshot.heard(), list(lines))


def announcements(reader: ReaderSession, wait: float = 0.4) -> list[str]:
    """The announcements heard since the last call (and within ``wait`` seconds)."""
    events = reader.ask("events", wait=wait)["events"]
    return [event["text"] for event in events if event["type"] == "object:announcement"]


def test_a_step_of_each_chapter_is_heard_and_the_toggle_switches_the_voice(
    reader: ReaderSession, exhibit: Exhibit
) -> None:
    reader.open_exhibit("--lang", "en", "--size", "1280x720", "--reduced-motion")
    assert reader.connect()["locale"] == LOCALES["en"]
    reader.ask("listen", events=["object:announcement"])
    title = reader.read_until(hears(exhibit.title.get("en")), what="the title screen")
    heading = title.find(exhibit.title.get("en"), "heading")
    assert heading is not None, "the exhibit's name is not read as a heading"

    for number, chapter in enumerate(exhibit.chapters, start=1):
        card = f"{exhibit.string('chapter_label', 'en', n=number)}: {chapter.title.get('en')}"
        reader.act(card)
        step = chapter.steps[0]
        shown = reader.read_until(
            hears(*step_lines(exhibit, chapter, step, "en")),
            what=f"chapter {number}'s first step, in order",
        )
        assert shown.find(step.title.get("en"), "heading") is not None
        body = shown.find(step.body.get("en"))
        assert body is not None and body.role == "label" and body.text == step.body.get("en")
        # The title screen's cards are hidden under the chapter: not heard.
        assert card not in " ".join(shown.heard())
        said = announcements(reader)
        assert len(said) == 1 and said[0].endswith(step.title.get("en")), said
        reader.act(exhibit.string("home", "en"))
        reader.read_until(hears(exhibit.title.get("en")), what="the title screen again")
        announcements(reader)

    # The toggle, pressed as a screen reader presses it: Vietnamese words, voice and locale.
    chapter = exhibit.chapters[1]
    reader.act(f"{exhibit.string('chapter_label', 'en', n=2)}: {chapter.title.get('en')}")
    reader.read_until(hears(chapter.steps[0].body.get("en")), what="chapter 2 in English")
    announcements(reader)
    reader.act(language_name(exhibit, "vi"))
    vietnamese = reader.read_until(
        hears(*step_lines(exhibit, chapter, chapter.steps[0], "vi")), what="the step in Vietnamese"
    )
    assert vietnamese.locale == LOCALES["vi"]
    texts = [node for node in vietnamese.showing() if node.text]
    assert texts and {node.locale for node in texts} == {LOCALES["vi"]}
    assert chapter.steps[0].body.get("en") not in vietnamese.heard()
    said = announcements(reader)
    assert len(said) == 1 and said[0].startswith(language_name(exhibit, "vi")), said
    assert reader.warnings() == []


def test_the_whole_story_is_heard_in_order_in_both_languages(
    reader: ReaderSession, exhibit: Exhibit
) -> None:
    """Every step forward in one language, then back through them all in the other."""
    first, second = exhibit.language_codes[0], exhibit.language_codes[1]
    start = exhibit.chapters[0]
    reader.open_exhibit(
        "--lang", first, "--open", f"{start.id}/1", "--size", "1280x720", "--reduced-motion"
    )
    reader.connect()
    reader.ask("listen", events=["object:announcement"])
    steps = [(chapter, step) for chapter in exhibit.chapters for step in chapter.steps]
    problems: list[str] = []

    def check(language: str, index: int, move: str | None) -> None:
        chapter, step = steps[index]
        where = f"{chapter.id}/{chapter.steps.index(step) + 1} [{language}]"
        expected = step_lines(exhibit, chapter, step, language)
        snapshot = reader.read_until(hears(*expected), what=f"{where}, in order")
        problems.extend(f"{where}: {line}" for line in _hidden_but_showing(snapshot))
        locales = {snapshot.locale} | {node.locale for node in snapshot.showing() if node.text}
        if locales != {LOCALES[language]}:
            problems.append(f"{where}: locales {sorted(map(str, locales))}")
        if move is not None:
            # Posted with the move, so already here once the screen shows the step.
            said = announcements(reader, wait=0.15)
            if len(said) != 1:
                problems.append(f"{where}: {len(said)} announcements after {move}: {said}")

    check(first, 0, None)
    for index in range(1, len(steps)):
        reader.act(exhibit.string("next", first))
        check(first, index, "Next")
    reader.act(language_name(exhibit, second))
    check(second, len(steps) - 1, "the toggle")
    for index in range(len(steps) - 2, -1, -1):
        reader.act(exhibit.string("previous", second))
        check(second, index, "Previous")
    assert not problems, "\n".join(problems)
    assert reader.warnings() == []


def _hidden_but_showing(snapshot: Snapshot) -> list[str]:
    """Nodes reported as showing with an ancestor that is not (a reader would still list them)."""
    hidden = [node.path for node in snapshot.nodes if node.path and not node.showing]
    return [
        f"{node.role} {node.words!r} is showing inside a hidden node"
        for node in snapshot.nodes
        if node.showing and any(node.path[: len(path)] == path for path in hidden)
    ]


def test_a_kiosk_overlay_alone_is_heard_and_its_actions_work(
    reader: ReaderSession, exhibit: Exhibit, tmp_path: Path
) -> None:
    settings = tmp_path / "kiosk.yaml"
    settings.write_text(
        "mode: kiosk\nlanguage: vi\nidle_timeout_s: 20\nidle_warning_s: 20\n"
        'attract_step_s: 120\nfigures: "off"\n',
        encoding="utf-8",
    )
    reader.open_exhibit("--settings", str(settings), "--reduced-motion")
    reader.connect()
    # One choice a language, the home language first: its name and "touch to begin" in it.
    choices = [
        f"{language_name(exhibit, code)} – {exhibit.string('touch_to_begin', code)}, push button"
        for code in ("vi", "en")
    ]
    attract = reader.read_until(hears(*choices), what="the attract loop")
    # Under the attract loop the story plays as a preview: none of it is in reach (its
    # buttons, its picture). Only the exhibit's name in both languages, the caption of
    # what the stage shows, and the choices are.
    heard = attract.heard()
    names = "  ·  ".join(exhibit.title.get(code) for code in ("vi", "en"))
    assert attract.find(names, "heading") is not None, heard
    assert len(heard) == 4 and heard[0] == names and heard[2:] == choices, heard

    # The English choice, pressed as a screen reader presses it: the exhibit, in English.
    reader.act(choices[1].removesuffix(", push button"))
    title = reader.read_until(hears(exhibit.title.get("en")), what="the title screen in English")
    assert title.locale == LOCALES["en"]
    assert not set(choices) & set(title.heard())

    notice_title = exhibit.string("idle_title", "en")
    notice = reader.read_until(
        lambda snapshot: snapshot.find(notice_title, "alert") is not None,
        timeout=40,
        what="the idle notice",
    )
    carry_on = exhibit.string("idle_continue", "en")
    assert notice.heard() == [f"{notice_title}, alert", f"{carry_on}, push button"]

    reader.act(carry_on)
    kept = reader.read_until(
        lambda snapshot: snapshot.find(notice_title, "alert") is None, what="the notice to go"
    )
    assert in_order(kept.heard(), [exhibit.title.get("en")]) == [], "the exhibit was reset"
    assert reader.warnings() == []
