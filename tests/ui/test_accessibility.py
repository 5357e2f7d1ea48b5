"""Everything a visitor can act on is named for assistive technology, in the
language on screen, and big enough for a finger.

The walk covers the title screen and every step of every chapter, first in
Vietnamese and then, in the same window after tapping the language toggle, in
English, at 1920x1080 (where Theme.scale is 1, so 48 px is Theme.minimumTarget).

How the role and name are read: ``QAccessible.queryAccessibleInterface(item)``
on each QQuickItem gives the interface a screen reader would get, with the
``Accessible.role`` and ``Accessible.name`` the QML attached (an item that
declared nothing reports Client or NoRole). It works offscreen without a
screen reader running. See tests/ui/screens.py for what counts as interactive.

Composite controls: a gesture area inside a named control (the MouseArea that
scrubs the timeline inside the TimelineBar slider, the canvas and place layer
inside a named map) is part of that control, so it is enough that its nearest
ancestor with a declared role has a name.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtQuick import QQuickItem

from exhibit.core.model import Exhibit, Text
from exhibit.core.settings import Settings
from tests.ui import screens, test_layout
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

MIN_TARGET = 48.0
SHORTEST_CHECKED = 5  # shorter texts (numbers, "OK") may well be the same in both languages


def _texts(exhibit: Exhibit) -> list[Text]:
    found: list[Text] = [exhibit.title, exhibit.subtitle]
    found += [source.title for source in exhibit.sources.values()]
    found += [map_def.title for map_def in exhibit.maps.values()]
    found += list(exhibit.strings.values())
    for place in exhibit.places.values():
        found += [place.name, place.info]
    for chapter in exhibit.chapters:
        found += [chapter.title, chapter.intro]
        for step in chapter.steps:
            found += [step.title, step.body]
            found += [t for t in (step.who, step.notes) if t is not None]
            if step.time is not None and step.time.label is not None:
                found.append(step.time.label)
            for figure in step.figures:
                found += [figure.value, figure.label]
    return found


def other_language_only(exhibit: Exhibit, language: str) -> set[str]:
    """Texts that exist in another language but not in ``language`` (names must not hold them)."""
    texts = _texts(exhibit)
    mine = {text.get(language) for text in texts}
    others = {
        value
        for text in texts
        for code, value in text.values.items()
        if code != language and "{" not in value and len(value) >= SHORTEST_CHECKED
    }
    return others - mine


def _named_ancestor(item: QQuickItem) -> screens.Accessible | None:
    node = item.parentItem()
    while node is not None:
        found = screens.accessible(node)
        if found.role not in screens.NO_ROLE:
            return found
        node = node.parentItem()
    return None


def check_screen(
    visitor: Visitor, screen: str, names: dict[str, str], *, sizes: bool = True
) -> list[str]:
    """Problems with the interactive items on screen; ``names`` collects their names.

    ``sizes``: also check 48 px targets (meant at 1920x1080, where Theme.scale is 1).
    """
    problems = []
    for item in visitor.items():
        if not visitor.is_shown(item) or not screens.is_interactive(item):
            continue
        own = screens.accessible(item)
        where = f"{screen}: {screens.label(item)}"
        if own.role in screens.NO_ROLE:
            part_of = _named_ancestor(item)
            if part_of is None or not part_of.name.strip():
                problems.append(f"{where}: interactive, but has no accessible role and name")
            else:
                names.setdefault(part_of.name, where)
        elif not own.name.strip():
            problems.append(f"{where}: role {own.role.name} but an empty accessible name")
        else:
            names.setdefault(own.name, where)
        if sizes and screens.is_tappable(item):
            box = screens.scene_rect(item)
            if box.width() < MIN_TARGET - 0.5 or box.height() < MIN_TARGET - 0.5:
                size = f"{box.width():.0f}x{box.height():.0f}"
                problems.append(f"{where}: a {size} px target; at least 48x48 is needed")
    return problems


def test_every_control_is_named_in_the_current_language_and_big_enough(
    open_exhibit: OpenExhibit, exhibit_content: Exhibit
) -> None:
    visitor = open_exhibit(language="vi", size=(1920, 1080), settings=Settings(reduced_motion=True))
    problems: list[str] = []
    checked = 0
    for language in ("vi", "en"):
        if visitor.backends.session.language != language:
            visitor.backends.session.story.home()
            visitor.settle(40)
            visitor.tap("languageToggle")
        assert visitor.backends.session.language == language
        names: dict[str, str] = {}
        for screen in screens.every_screen(visitor):
            problems += check_screen(visitor, screen, names)
        foreign = other_language_only(exhibit_content, language)
        for name, where in names.items():
            # The whole name, or a phrase of it (a one-word place name may
            # rightly appear inside the other language's name of the place).
            stale = sorted(t for t in foreign if t == name or (" " in t.strip() and t in name))
            if stale:
                problems.append(f"{where}: name {name!r} is in another language ({stale[0]!r})")
        checked += len(names)
    assert checked > 40, "the walk found almost nothing interactive"
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(dict.fromkeys(problems))


def test_the_kiosk_overlays_are_named_in_the_current_language(open_mode) -> None:  # noqa: F811
    """The attract loop, the idle notice and the staff keypad, as a kiosk shows them
    (with the layout checks of tests/ui/test_layout.py for their texts)."""
    visitor = open_mode(kiosk_settings(), time_scale=TIME_SCALE)
    # A kiosk fills the (offscreen) screen, whatever its size: names only here;
    # the keypad's keys are measured in tests/ui/test_modes.py.
    sizes = (visitor.window.width(), visitor.window.height()) == (1920, 1080)
    problems: list[str] = []
    names: dict[str, str] = {}

    def check(screen: str, overlay: str) -> None:
        problems.extend(check_screen(visitor, screen, names, sizes=sizes))
        # And the overlay's own texts fit (it covers the screen under it). The
        # notice's countdown changes every few milliseconds at this time scale,
        # and its columns are laid out again on the frame after each change:
        # a layout caught between the two is looked at again a frame later.
        found: list[str] = []
        for _ in range(5):
            found = test_layout.check_screen(visitor, screen, visitor.find(overlay))
            if not found:
                break
            visitor.settle(20)
        problems.extend(found)

    check("kiosk attract", "attractOverlay")
    start_kiosk(visitor)
    visitor.qtbot.waitUntil(lambda: shown(visitor, "idleNotice"), timeout=3000)
    check("kiosk idle notice", "idleNotice")
    visitor.tap_at(visitor.center_of(visitor.find("titleScreen")))
    finger_tap(visitor, QPoint(6, 6), hold_ms=400)
    assert shown(visitor, "adminKeypad")
    check("kiosk keypad", "adminKeypad")
    assert len(names) > 10
    assert not problems, "\n".join(problems)
