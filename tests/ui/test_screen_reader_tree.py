"""The story as Qt hands it to a screen reader, read in-process through QAccessible.

The same tree reaches Orca over AT-SPI (tests/screen_reader/ reads it there,
through the real bus); here it is read from the window's
``QAccessibleInterface`` downwards, which is faster and needs no bus: the
roles and names of every text, their reading order, what an overlay leaves
in reach, the locale, and what is announced.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QLocale, QObject, QPoint, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QRawFont
from PySide6.QtQuick import QQuickItem

from exhibit.core.model import Exhibit
from exhibit.core.settings import Settings
from exhibit.core.story import Position
from exhibit.core.typography import WORD_JOINER
from exhibit.paths import FONTS_DIR
from tests.reading import Line, step_reading
from tests.ui import screens
from tests.ui.conftest import OpenExhibit
from tests.ui.harness import Visitor
from tests.ui.test_modes import (  # the kiosk's own fixture and helpers
    TIME_SCALE,
    finger_tap,
    kiosk_settings,
    open_mode,  # noqa: F401  (a fixture)
    shown,
    start_kiosk,
)

Role = QAccessible.Role
TEXT_ROLES = {Role.StaticText, Role.Heading, Role.Paragraph}


@dataclass(frozen=True)
class Exposed:
    role: QAccessible.Role
    name: str
    invisible: bool
    item: QObject | None


def exposed(visitor: Visitor) -> list[Exposed]:
    """Every node of the window's accessibility tree, depth first (a screen reader's order)."""
    found: list[Exposed] = []

    def walk(face: QAccessibleInterface, hidden: bool) -> None:
        for index in range(face.childCount()):
            child = face.child(index)
            if child is None or not child.isValid():
                continue
            invisible = hidden or bool(child.state().invisible)
            found.append(
                Exposed(
                    child.role(), child.text(QAccessible.Text.Name) or "", invisible, child.object()
                )
            )
            walk(child, invisible)

    root = QAccessible.queryAccessibleInterface(visitor.window)
    assert root is not None and root.isValid()
    walk(root, False)
    return found


def heard(visitor: Visitor) -> list[Exposed]:
    """The texts, pictures and buttons a screen reader reads on this screen, in order."""
    return [
        node
        for node in exposed(visitor)
        if not node.invisible and node.role in TEXT_ROLES | {Role.Graphic, Role.Button}
    ]


def _index(nodes: list[Exposed], words: str, role: QAccessible.Role | None = None) -> int:
    for index, node in enumerate(nodes):
        if node.name == words and (role is None or node.role == role):
            return index
    lines = "\n".join(f"  {node.role.name}: {node.name}" for node in nodes)
    raise AssertionError(
        f"not read: {words!r} ({role.name if role else 'any role'}); read:\n{lines}"
    )


ROLES = {
    "heading": Role.Heading,
    "text": Role.StaticText,
    "clock": Role.Graphic,
    "button": Role.Button,
}


@pytest.mark.parametrize(("language", "backwards"), [("vi", False), ("en", True)])
def test_every_step_is_read_in_order_with_fitting_roles(
    open_exhibit: OpenExhibit, exhibit_content: Exhibit, language: str, backwards: bool
) -> None:
    """Forwards in one language, backwards in the other (a step must read the same
    whichever step came before it)."""
    visitor = open_exhibit(
        language=language, size=(1280, 720), settings=Settings(reduced_motion=True)
    )
    story = visitor.backends.session.story
    problems: list[str] = []
    steps = [
        (chapter, index, step)
        for chapter in exhibit_content.chapters
        for index, step in enumerate(chapter.steps)
    ]
    for chapter, index, step in reversed(steps) if backwards else steps:
        story.go_to(Position(chapter.id, index))
        lines = step_reading(exhibit_content, chapter, step, language)
        # The day's totals are counted once the hands have arrived: wait for them.
        for _attempt in range(40):
            visitor.settle(40)
            problem = _out_of_order(heard(visitor), lines)
            if problem is None:
                break
        if problem is not None:
            problems.append(f"{chapter.id}/{index + 1}: {problem}")
    assert not problems, "\n".join(problems)


def _out_of_order(nodes: list[Exposed], lines: list[Line]) -> str | None:
    """What is wrong with the reading of ``lines`` in ``nodes``, or None."""
    try:
        order = [_index(nodes, line.words, ROLES[line.kind]) for line in lines]
    except AssertionError as missing:
        return str(missing)
    return None if order == sorted(order) else "read out of order"


def test_the_title_screen_reads_the_exhibits_name_as_a_heading(
    open_exhibit: OpenExhibit, exhibit_content: Exhibit
) -> None:
    visitor = open_exhibit(language="en", size=(1280, 720))
    nodes = heard(visitor)
    title = _index(nodes, exhibit_content.title.get("en"), Role.Heading)
    subtitle = _index(nodes, exhibit_content.subtitle.get("en"), Role.StaticText)
    assert title < subtitle


def test_an_opened_place_card_is_read_in_place_of_the_step(
    open_exhibit: OpenExhibit, exhibit_content: Exhibit
) -> None:
    """A tapped place is told in the text column, where the step was: the chapter, then
    the way back, the place's name as a heading, what happened there."""
    visitor = open_exhibit(language="vi", open_spec="fortress/2", size=(1280, 720))
    markers = [
        item
        for item in visitor.items()
        if item.objectName().startswith("place-") and visitor.is_shown(item)
    ]
    assert markers, "no place marker on the plan"
    _act(visitor, markers[0])  # as a screen reader presses it
    place_id = markers[0].objectName().removeprefix("place-")
    place = exhibit_content.places[place_id]
    chapter = exhibit_content.chapters[1]
    nodes = heard(visitor)
    heading = _index(nodes, chapter.title.get("vi"), Role.Heading)
    back = _index(nodes, exhibit_content.string("back_to_step", "vi"), Role.Button)
    name = _index(nodes, place.name.get("vi"), Role.Heading)
    info = _index(nodes, place.info.get("vi"), Role.StaticText)
    assert heading < back < name < info
    # The step it covers is not read meanwhile...
    assert chapter.steps[1].body.get("vi") not in [node.name for node in nodes]
    # ...and is again once the way back is pressed.
    _press(visitor, "placeCardClose")
    nodes = heard(visitor)
    assert _index(nodes, chapter.steps[1].body.get("vi"), Role.StaticText) > heading
    assert place.info.get("vi") not in [node.name for node in nodes]


def test_an_image_opens_over_the_story_and_alone_is_read(
    open_exhibit: OpenExhibit, exhibit_content: Exhibit
) -> None:
    chapter, number, step = next(
        (chapter, number, step)
        for chapter in exhibit_content.chapters
        for number, step in enumerate(chapter.steps, start=1)
        if step.images
    )
    image = step.images[0]
    visitor = open_exhibit(language="en", open_spec=f"{chapter.id}/{number}", size=(1280, 720))
    card = next(item for item in visitor.items() if item.objectName() == "imageCard")
    _act(visitor, card)  # as a screen reader presses it
    viewer = visitor.find("imageViewer")
    assert visitor.is_shown(viewer)
    reachable = [node for node in exposed(visitor) if not node.invisible]
    # The picture's alt text names the viewer; its caption and the way back are in it...
    assert reachable[0].role == Role.Dialog and reachable[0].name == image.alt.get("en")
    names = [node.name for node in reachable]
    assert image.caption.get("en") in names
    assert exhibit_content.string("back_to_step", "en") in names
    # ...and nothing of the story it covers, not even the top bar.
    outside = [
        f"{node.role.name}: {node.name}"
        for node in reachable
        if not screens.inside(node.item, viewer)
    ]
    assert outside == []
    _press(visitor, "imageViewerClose")
    assert not visitor.is_shown(viewer)
    assert _index(heard(visitor), step.body.get("en"), Role.StaticText) >= 0


def test_the_locale_and_the_announcements_follow_the_visitor(
    open_exhibit: OpenExhibit, exhibit_content: Exhibit
) -> None:
    visitor = open_exhibit(language="vi", open_spec="offensive/1", size=(1280, 720))
    said = visitor.backends.reader.said
    assert QLocale().name() == "vi_VN"
    said.clear()

    visitor.tap("nextButton")
    chapter = exhibit_content.chapters[0]
    assert said == [f"Bước 2/{len(chapter.steps)}: {chapter.steps[1].title.get('vi')}"]

    visitor.tap("languageToggle")
    assert QLocale().name() == "en_US"
    assert len(said) == 2, said
    assert said[1].startswith("English. ")
    assert said[1].endswith(chapter.steps[1].title.get("en"))


def _reachable_outside(visitor: Visitor, overlay: str) -> list[str]:
    covering = visitor.find(overlay)
    return [
        f"{node.role.name}: {node.name}"
        for node in exposed(visitor)
        if not node.invisible and not screens.inside(node.item, covering)
    ]


def test_what_a_kiosk_overlay_covers_leaves_the_tree(open_mode) -> None:  # noqa: F811
    visitor = open_mode(kiosk_settings(), time_scale=TIME_SCALE)
    assert _reachable_outside(visitor, "attractOverlay") == []
    start_kiosk(visitor)
    # The story is back within reach once the attract loop is gone.
    assert any(node.role == Role.Heading and not node.invisible for node in exposed(visitor))
    visitor.qtbot.waitUntil(lambda: shown(visitor, "idleNotice"), timeout=3000)
    assert _reachable_outside(visitor, "idleNotice") == []
    visitor.tap_at(visitor.center_of(visitor.find("titleScreen")))
    finger_tap(visitor, QPoint(6, 6), hold_ms=400)
    assert shown(visitor, "adminKeypad")
    assert _reachable_outside(visitor, "adminKeypad") == []


def _act(visitor: Visitor, item: QQuickItem, action: str | None = None) -> None:
    """Do an accessible action (by default "press") on ``item``, as a screen reader does."""
    face = QAccessible.queryAccessibleInterface(item)
    assert face is not None and face.actionInterface() is not None
    actions = face.actionInterface()
    wanted = action or actions.pressAction()
    assert wanted in actions.actionNames(), f"{item.objectName()}: {actions.actionNames()}"
    actions.doAction(wanted)
    visitor.settle()


def _press(visitor: Visitor, name: str) -> None:
    _act(visitor, visitor.find(name))


def test_accessible_presses_do_what_a_touch_does_in_a_kiosk(open_mode) -> None:  # noqa: F811
    visitor = open_mode(kiosk_settings(), time_scale=TIME_SCALE)
    home = visitor.backends.session.language
    other = next(code for code in ("vi", "en") if code != home)
    # The attract loop's choice of the other language starts the exhibit in it.
    _press(visitor, f"attractLanguage-{other}")
    assert not shown(visitor, "attractOverlay")
    assert shown(visitor, "titleScreen")
    assert visitor.backends.session.language == other
    visitor.qtbot.waitUntil(lambda: shown(visitor, "idleNotice"), timeout=3000)
    _press(visitor, "idleContinue")
    assert not shown(visitor, "idleNotice")
    assert shown(visitor, "titleScreen")  # kept, not reset
    finger_tap(visitor, QPoint(6, 6), hold_ms=400)
    assert shown(visitor, "adminKeypad")
    _press(visitor, "pinKey-2")
    _press(visitor, "pinKey-4")
    assert visitor.backends.kiosk.pinLength == 2


def test_the_timelines_accessible_actions_step_through_the_day(
    open_exhibit: OpenExhibit,
) -> None:
    visitor = open_exhibit(
        language="en", open_spec="final-day/2", settings=Settings(reduced_motion=True)
    )
    story = visitor.backends.session.story
    bar = visitor.find("timelineBar")
    actions = QAccessible.queryAccessibleInterface(bar).actionInterface()
    _act(visitor, bar, actions.increaseAction())
    assert story.position.step == 2
    _act(visitor, bar, actions.decreaseAction())
    _act(visitor, bar, actions.decreaseAction())
    assert story.position.step == 0


def test_every_character_shown_is_in_the_bundled_typeface(
    open_exhibit: OpenExhibit,
) -> None:
    """A kiosk has no other fonts: a glyph missing from Be Vietnam Pro draws nothing there."""
    fonts = [QRawFont(str(path), 20) for path in sorted(FONTS_DIR.glob("*.ttf"))]
    assert fonts and all(font.isValid() for font in fonts)
    visitor = open_exhibit(language="vi", size=(1280, 720), settings=Settings(reduced_motion=True))
    missing: dict[str, str] = {}
    for language in ("vi", "en"):
        if visitor.backends.session.language != language:
            visitor.backends.session.set_language(language)
        for screen in screens.every_screen(visitor):
            for text in visitor.visible_texts():
                for char in text:
                    if char.isspace() or char in missing:
                        continue
                    if not all(font.supportsCharacter(ord(char)) for font in fonts):
                        missing[char] = f"{screen}: {text!r}"
    assert not missing, "\n".join(
        f"U+{ord(c):04X} {c!r} in {where}" for c, where in missing.items()
    )


def test_nothing_hidden_is_exposed_as_showing(open_exhibit: OpenExhibit) -> None:
    """A node a screen reader is told is showing is one a visitor can see: no ancestor
    hides it (invisible, or faded out), and it lies in the window. Its name is the
    words alone, without the marks that keep a name whole on a line."""
    visitor = open_exhibit(language="en", size=(1280, 720), settings=Settings(reduced_motion=True))
    problems: list[str] = []
    for language in ("en", "vi"):
        visitor.backends.session.set_language(language)
        for screen in screens.every_screen(visitor):
            for node in exposed(visitor):
                item = node.item
                if node.invisible or not isinstance(item, QQuickItem):
                    continue
                if WORD_JOINER in node.name:  # a mark for the screen's line breaks only
                    problems.append(f"{screen}: {node.role.name} {node.name!r} has a word joiner")
                if not visitor.is_shown(item):
                    problems.append(
                        f"{screen}: {node.role.name} {node.name!r} ({screens.label(item)})"
                    )
    assert not problems, "\n".join(dict.fromkeys(problems))


def test_a_blanked_projection_leaves_nothing_to_read(open_exhibit: OpenExhibit) -> None:
    visitor = open_exhibit(open_spec="fortress/2", settings=Settings(mode="presentation"))
    assert any(not node.invisible for node in exposed(visitor))
    visitor.key(Qt.Key.Key_B)
    assert [node.name for node in exposed(visitor) if not node.invisible] == []
    visitor.key(Qt.Key.Key_B)
    assert any(not node.invisible for node in exposed(visitor))
