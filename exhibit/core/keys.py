"""Which key does what in each mode, and which keys a kiosk swallows.

Kept as data, apart from Qt, so the bindings can be listed on a help screen,
checked in tests and changed in one place.

Key names are Qt's ``Qt.Key`` member names without the ``Key_`` prefix
("Right", "PageDown", "Space", "Period", "Escape", "F11", "1", "B", ...);
the Qt layer passes ``Qt.Key(event.key()).name.removeprefix("Key_")``. A few
common spellings ("Esc", "PgDown", ".", lower-case letters) are accepted
too. Modifiers are "Ctrl", "Alt", "Shift" and "Meta" (the Windows / Super /
Command key); Qt's names ("ControlModifier", ...) are accepted, and the
keypad modifier is ignored so keypad digits work like the others.

Actions:

``next`` / ``previous``
    one step along the story (title, then every step of every chapter)
``home``
    the title screen
``chapter:N``
    the first (or remembered) step of chapter N, counting from 1
``back``
    close what is open on top (a detail, the glossary); if nothing is,
    return to the title screen
``blank``
    black out the projection and back (so the audience looks at the speaker)
``language``
    switch to the next language
``play_pause``
    start or pause the current animation or the self-running tour
``toggle_fullscreen``
    full screen on or off
``quit``
    close the window and end the program (Ctrl+Q; never in a kiosk, whose
    way out is the staff PIN)
``handout``
    save the printed handout (classroom only: Ctrl+P, as printing is elsewhere)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, NamedTuple

from exhibit.core.settings import CLASSROOM, KIOSK, MODES, PRESENTATION

NEXT: Final = "next"
PREVIOUS: Final = "previous"
HOME: Final = "home"
BACK: Final = "back"
BLANK: Final = "blank"
LANGUAGE: Final = "language"
PLAY_PAUSE: Final = "play_pause"
TOGGLE_FULLSCREEN: Final = "toggle_fullscreen"
QUIT: Final = "quit"
HANDOUT: Final = "handout"
CHAPTER_COUNT: Final = 3


def chapter_action(number: int) -> str:
    """The action for chapter ``number`` (from 1), e.g. ``chapter:2``."""
    return f"chapter:{number}"


def chapter_number(action: str) -> int | None:
    """The chapter number of a ``chapter:N`` action, or None for any other action."""
    prefix, _, number = action.partition(":")
    if prefix != "chapter" or not number.isascii() or not number.isdecimal():
        return None
    return int(number)


CTRL: Final = "Ctrl"
ALT: Final = "Alt"
SHIFT: Final = "Shift"
META: Final = "Meta"

_MODIFIER_NAMES: Final = {
    "ctrl": CTRL,
    "control": CTRL,
    "controlmodifier": CTRL,
    "alt": ALT,
    "altmodifier": ALT,
    "option": ALT,
    "shift": SHIFT,
    "shiftmodifier": SHIFT,
    "meta": META,
    "metamodifier": META,
    "super": META,
    "win": META,
    "windows": META,
    "cmd": META,
    "command": META,
}
# Keypad and group-switch state say where a key is, not what it means.
_IGNORED_MODIFIERS: Final = frozenset({"keypad", "keypadmodifier", "groupswitchmodifier"})

_KEY_ALIASES: Final = {
    "esc": "Escape",
    "escape": "Escape",
    "pgdown": "PageDown",
    "pgdn": "PageDown",
    "pagedown": "PageDown",
    "pgup": "PageUp",
    "pageup": "PageUp",
    ".": "Period",
    "period": "Period",
    " ": "Space",
    "space": "Space",
    "return": "Return",
    "enter": "Enter",
    "del": "Delete",
    "delete": "Delete",
}


def normalize_key(key: str) -> str:
    """The canonical name of ``key``: Qt's name without ``Key_``, letters upper-case."""
    name = key.removeprefix("Key_")
    alias = _KEY_ALIASES.get(name.lower())
    if alias is not None:
        return alias
    if len(name) == 1 and name.isalpha():
        return name.upper()
    if len(name) >= 2 and name[0] in "fF" and name[1:].isdecimal():
        return "F" + name[1:]
    return name[:1].upper() + name[1:]


def normalize_modifiers(modifiers: Iterable[str]) -> frozenset[str]:
    """The canonical modifier set; keypad and unknown names are dropped."""
    result: set[str] = set()
    for modifier in modifiers:
        name = modifier.strip().lower()
        if name in _IGNORED_MODIFIERS:
            continue
        canonical = _MODIFIER_NAMES.get(name)
        if canonical is not None:
            result.add(canonical)
    return frozenset(result)


class Binding(NamedTuple):
    """One key (with exactly these modifiers) bound to one action."""

    key: str
    modifiers: frozenset[str]
    action: str


def _plain(action: str, *keys: str) -> list[Binding]:
    return [Binding(key, frozenset(), action) for key in keys]


# Space and Return are left unbound outside presentation mode: there they
# must keep pressing the focused button for people who use the keyboard
# instead of a mouse or touch.
_CLASSROOM: Final = (
    *_plain(NEXT, "Right", "PageDown"),
    *_plain(PREVIOUS, "Left", "PageUp"),
    *_plain(HOME, "Home"),
    *_plain(BACK, "Escape"),
    *_plain(TOGGLE_FULLSCREEN, "F11"),
    Binding("Q", frozenset({CTRL}), QUIT),
    Binding("P", frozenset({CTRL}), HANDOUT),
)

# Clickers send PageDown/PageUp (some Right/Left, B or Period for blank).
# Their "start/stop show" button sends F5, Shift+F5 or Escape; those are left
# unbound so it cannot throw the exhibit out of its show mid-talk.
_PRESENTATION: Final = (
    *_plain(NEXT, "Right", "Down", "PageDown", "Space"),
    *_plain(PREVIOUS, "Left", "Up", "PageUp"),
    Binding("Space", frozenset({SHIFT}), PREVIOUS),
    *_plain(HOME, "Home"),
    *(Binding(str(n), frozenset(), chapter_action(n)) for n in range(1, CHAPTER_COUNT + 1)),
    *_plain(BLANK, "B", "Period"),
    *_plain(LANGUAGE, "L"),
    *_plain(PLAY_PAUSE, "P"),
    *_plain(TOGGLE_FULLSCREEN, "F11"),
    Binding("Q", frozenset({CTRL}), QUIT),
)

# A kiosk is used by touch; these serve an accessible keypad or a staff
# keyboard plugged in for maintenance. Nothing here can leave the exhibit.
_KIOSK: Final = (
    *_plain(NEXT, "Right", "PageDown"),
    *_plain(PREVIOUS, "Left", "PageUp"),
    *_plain(HOME, "Home"),
)

BINDINGS: Final[dict[str, tuple[Binding, ...]]] = {
    CLASSROOM: tuple(_CLASSROOM),
    PRESENTATION: tuple(_PRESENTATION),
    KIOSK: tuple(_KIOSK),
}
_LOOKUP: Final = {
    mode: {(b.key, b.modifiers): b.action for b in bindings} for mode, bindings in BINDINGS.items()
}


def bindings(mode: str) -> tuple[Binding, ...]:
    """Every binding of ``mode``, in a stable order (for help screens)."""
    _check_mode(mode)
    return BINDINGS[mode]


def _check_mode(mode: str) -> None:
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r} (modes: {', '.join(MODES)})")


def action_for(mode: str, key: str, modifiers: Iterable[str] = ()) -> str | None:
    """The action ``key`` with ``modifiers`` triggers in ``mode``, or None.

    Modifiers must match exactly, except that Shift falls back to the
    unshifted binding when there is no Shift binding (Shift+B still blanks,
    whatever the keyboard layout does with Shift). Ctrl, Alt and Meta never
    fall back: those combinations belong to the system and to text editing.
    In kiosk mode blocked keys have no action (see :func:`is_blocked_in_kiosk`).
    """
    _check_mode(mode)
    name = normalize_key(key)
    mods = normalize_modifiers(modifiers)
    if mode == KIOSK and is_blocked_in_kiosk(name, mods):
        return None
    table = _LOOKUP[mode]
    action = table.get((name, mods))
    if action is None and SHIFT in mods:
        action = table.get((name, mods - {SHIFT}))
    return action


# Keys that ask the window manager or the desktop to do something (leave full
# screen, close, quit, switch, search, sleep), including the extra hardware
# keys of some keyboards. A kiosk has no use for any of them. Tab is not here:
# it moves focus inside the exhibit.
_BLOCKED_KEYS: Final = frozenset(
    {
        "Escape",
        "Meta",
        "Super_L",
        "Super_R",
        "Hyper_L",
        "Hyper_R",
        "Alt",
        "AltGr",
        "Menu",
        "Help",
        "Print",
        "SysReq",
        "Cancel",
        "Close",
        "Exit",
        "Quit",
        "Back",
        "Forward",
        "Stop",
        "Refresh",
        "Reload",
        "HomePage",
        "Search",
        "Find",
        "Explorer",
        "Favorites",
        "OpenUrl",
        "Execute",
        "LaunchMail",
        "LaunchMedia",
        "Calculator",
        "Terminal",
        "TaskPane",
        "ApplicationLeft",
        "ApplicationRight",
        "PowerOff",
        "PowerDown",
        "Sleep",
        "Suspend",
        "Hibernate",
        "Standby",
        "WakeUp",
        "LogOff",
        "ScreenSaver",
        "TopMenu",
        "Memo",
        "ToDoList",
        "Calendar",
        "Settings",
    }
)


def is_blocked_in_kiosk(key: str, modifiers: Iterable[str] = ()) -> bool:
    """Whether a kiosk must swallow this key instead of acting on it or passing it on.

    Blocked: Escape, every function key (F11 full screen, F4, F5 ...), the
    Meta/Super and Menu keys, system and launcher keys, and any combination
    with Ctrl, Alt or Meta (Alt+F4, Alt+Tab, Ctrl+Q, Ctrl+W, Ctrl+Alt+Del
    ...), since the exhibit needs none of them. Plain keys, Shift, digits,
    arrows, Tab, Space, Return and Backspace stay usable.

    Swallowing only covers keys that reach the window. Combinations the
    operating system handles first (Ctrl+Alt+Del, Alt+Tab on most desktops,
    the Windows key) must be disabled in the kiosk's system configuration.
    """
    name = normalize_key(key)
    mods = normalize_modifiers(modifiers)
    if mods & {CTRL, ALT, META}:
        return True
    if name in _BLOCKED_KEYS or name.startswith("Launch"):
        return True
    return len(name) >= 2 and name[0] == "F" and name[1:].isdecimal()
