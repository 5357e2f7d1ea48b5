"""Key bindings per mode and the keys a kiosk swallows."""

from __future__ import annotations

import pytest

from exhibit.core.keys import (
    BINDINGS,
    action_for,
    bindings,
    chapter_action,
    chapter_number,
    is_blocked_in_kiosk,
    normalize_key,
    normalize_modifiers,
)
from exhibit.core.settings import MODES


@pytest.mark.parametrize(
    ("key", "action"),
    [
        ("Right", "next"),
        ("Down", "next"),
        ("PageDown", "next"),
        ("Space", "next"),
        ("Left", "previous"),
        ("Up", "previous"),
        ("PageUp", "previous"),
        ("Home", "home"),
        ("1", "chapter:1"),
        ("2", "chapter:2"),
        ("3", "chapter:3"),
        ("B", "blank"),
        ("Period", "blank"),
        ("L", "language"),
        ("P", "play_pause"),
        ("F11", "toggle_fullscreen"),
    ],
)
def test_presentation(key: str, action: str) -> None:
    assert action_for("presentation", key) == action


def test_presentation_unbound_keys() -> None:
    for key in ("4", "0", "Escape", "F5", "Q", "Tab", "Return"):
        assert action_for("presentation", key) is None, key


@pytest.mark.parametrize(
    ("key", "action"),
    [
        ("Right", "next"),
        ("PageDown", "next"),
        ("Left", "previous"),
        ("PageUp", "previous"),
        ("Home", "home"),
        ("Escape", "back"),
        ("F11", "toggle_fullscreen"),
    ],
)
def test_classroom(key: str, action: str) -> None:
    assert action_for("classroom", key) == action


def test_classroom_leaves_activation_keys_to_focused_controls() -> None:
    for key in ("Space", "Return", "Enter", "Tab", "B", "1"):
        assert action_for("classroom", key) is None, key


def test_kiosk_navigation_but_no_way_out() -> None:
    assert action_for("kiosk", "Right") == "next"
    assert action_for("kiosk", "Left") == "previous"
    assert action_for("kiosk", "Home") == "home"
    for key in ("Escape", "F11", "B", "L"):
        assert action_for("kiosk", key) is None, key


def test_no_kiosk_binding_is_blocked() -> None:
    for binding in bindings("kiosk"):
        assert not is_blocked_in_kiosk(binding.key, binding.modifiers)


def test_modifiers_must_match() -> None:
    assert action_for("presentation", "Right", ["Ctrl"]) is None
    assert action_for("presentation", "Right", ["Alt"]) is None
    assert action_for("classroom", "Left", ["Meta"]) is None
    assert action_for("presentation", "Space", ["Shift"]) == "previous"
    # Shift falls back to the plain binding when there is no Shift binding.
    assert action_for("presentation", "B", ["Shift"]) == "blank"
    assert action_for("presentation", "Right", ["Shift", "Ctrl"]) is None


def test_keypad_digits_work() -> None:
    assert action_for("presentation", "2", ["KeypadModifier"]) == "chapter:2"


def test_qt_and_common_spellings() -> None:
    assert normalize_key("Key_PageDown") == "PageDown"
    assert normalize_key("PgDown") == "PageDown"
    assert normalize_key("Esc") == "Escape"
    assert normalize_key(".") == "Period"
    assert normalize_key("b") == "B"
    assert normalize_key("f11") == "F11"
    assert normalize_key("Key_1") == "1"
    assert normalize_modifiers(["ControlModifier", "shift", "Super", "KeypadModifier"]) == {
        "Ctrl",
        "Shift",
        "Meta",
    }
    assert action_for("presentation", "Key_Period") == "blank"
    assert action_for("classroom", "Esc") == "back"


def test_unknown_mode() -> None:
    with pytest.raises(ValueError):
        action_for("museum", "Right")
    with pytest.raises(ValueError):
        bindings("museum")


def test_every_mode_has_bindings_and_no_duplicates() -> None:
    assert set(BINDINGS) == set(MODES)
    for mode in MODES:
        keys = [(b.key, b.modifiers) for b in bindings(mode)]
        assert len(keys) == len(set(keys)), mode
        for binding in bindings(mode):
            assert action_for(mode, binding.key, binding.modifiers) == binding.action


def test_chapter_actions() -> None:
    assert chapter_action(2) == "chapter:2"
    assert chapter_number("chapter:3") == 3
    assert chapter_number("next") is None
    assert chapter_number("chapter:x") is None


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        ("Escape", ()),
        ("F11", ()),
        ("F4", ("Alt",)),
        ("F1", ()),
        ("F24", ()),
        ("Tab", ("Alt",)),
        ("Q", ("Ctrl",)),
        ("W", ("Ctrl",)),
        ("Delete", ("Ctrl", "Alt")),
        ("Meta", ()),
        ("Super_L", ()),
        ("Super_R", ()),
        ("D", ("Meta",)),
        ("Menu", ()),
        ("Escape", ("Ctrl", "Shift")),
        ("Space", ("Alt",)),
        ("PowerOff", ()),
        ("Sleep", ()),
        ("LaunchMail", ()),
        ("Launch0", ()),
        ("Close", ()),
        ("Esc", ()),
        ("Right", ("ControlModifier",)),
    ],
)
def test_blocked_in_kiosk(key: str, modifiers: tuple[str, ...]) -> None:
    assert is_blocked_in_kiosk(key, modifiers)


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        ("Right", ()),
        ("Left", ()),
        ("1", ()),
        ("9", ("KeypadModifier",)),
        ("A", ("Shift",)),
        ("Tab", ()),
        ("Tab", ("Shift",)),
        ("Space", ()),
        ("Return", ()),
        ("Enter", ()),
        ("Backspace", ()),
        ("Shift", ()),
        ("F", ()),
    ],
)
def test_allowed_in_kiosk(key: str, modifiers: tuple[str, ...]) -> None:
    assert not is_blocked_in_kiosk(key, modifiers)


def test_ctrl_p_saves_the_handout_in_a_classroom_only() -> None:
    assert action_for("classroom", "P", ["Ctrl"]) == "handout"
    assert action_for("classroom", "P") is None
    assert action_for("presentation", "P", ["Ctrl"]) is None  # P alone is the clicker's play
    assert action_for("kiosk", "P", ["Ctrl"]) is None
