"""Kiosk, classroom and presentation modes, driven the way visitors, staff and presenters do.

The kiosk's clock runs ``TIME_SCALE`` times faster than real time (the
settings keep their real minimums: a 20 s idle timeout and a 20 s notice),
so a whole idle cycle takes about a second of waiting.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QWindow
from PySide6.QtQml import QQmlProperty
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from exhibit.core.model import Exhibit
from exhibit.core.pin import hash_pin
from exhibit.core.settings import Settings
from exhibit.qt.window_memory import WindowMemory
from tests.ui.harness import Visitor

PROJECT = Path(__file__).resolve().parents[2]
PIN = "2468"
PIN_HASH = hash_pin(PIN, iterations=1_000)
TIME_SCALE = 40.0  # 20 s of exhibit time pass in half a second


OpenMode = Callable[..., Visitor]


@pytest.fixture
def open_mode(open_exhibit) -> OpenMode:
    """Open the exhibit in a mode: ``open_mode(Settings(...), time_scale=..., ...)``."""
    return lambda settings, **kwargs: open_exhibit(settings=settings, **kwargs)


def kiosk_settings(**changes: object) -> Settings:
    values: dict[str, object] = {
        "mode": "kiosk",
        "idle_timeout_s": 20,
        "idle_warning_s": 20,
        "attract_step_s": 120,
        "admin_pin_hash": PIN_HASH,
    }
    values.update(changes)
    return Settings(**values)  # type: ignore[arg-type]


def step_title(exhibit: Exhibit, chapter_id: str, step: int, language: str) -> str:
    chapter = exhibit.chapter(chapter_id)
    assert chapter is not None
    return chapter.steps[step].title.get(language)


def shown(visitor: Visitor, name: str) -> bool:
    item = visitor.maybe_find(name)
    return item is not None and visitor.is_shown(item)


def start_kiosk(visitor: Visitor) -> None:
    """The first touch on the attract loop (on its stage, not on a language):
    the exhibit starts at its title screen, in the home language."""
    assert shown(visitor, "attractOverlay")
    visitor.tap_at(visitor.center_of(visitor.find("attractScene")))
    assert not shown(visitor, "attractOverlay")
    assert shown(visitor, "titleScreen")


# -- kiosk: attract loop and idle reset -------------------------------------------


def test_kiosk_opens_on_a_bilingual_attract_loop_that_tours_the_story(open_mode, exhibit_content):
    visitor = open_mode(kiosk_settings(attract_step_s=10), time_scale=TIME_SCALE)
    assert shown(visitor, "attractOverlay")
    texts = visitor.visible_texts()
    for language in exhibit_content.languages:
        assert exhibit_content.string("touch_to_begin", language.code) in texts
        assert language.name in texts, "a large choice per language, by its own name"
    # The tour moves the real story on the attract screen's own stage, and names it.
    story = visitor.backends.session.story
    visitor.qtbot.waitUntil(lambda: not story.position.on_title, timeout=2000)
    position = story.position
    title = step_title(
        exhibit_content, position.chapter, position.step, visitor.backends.ui.language
    )
    assert title in visitor.text("attractCaption")
    assert shown(visitor, "attractOverlay") and shown(visitor, "attractScene")
    assert not shown(visitor, "stepTitle"), "the chapter screen under the loop is not drawn"


def test_first_touch_on_the_attract_loop_starts_at_the_title_and_presses_nothing(
    open_mode, exhibit_content
):
    visitor = open_mode(kiosk_settings(attract_step_s=10), time_scale=TIME_SCALE)
    # Wait until the tour shows a chapter, in the other language.
    visitor.qtbot.waitUntil(
        lambda: shown(visitor, "mapReset") and visitor.backends.ui.language == "en",
        timeout=3000,
    )
    # Right on the stage's own button: the touch only starts the exhibit.
    visitor.tap_at(visitor.center_of(visitor.find("mapReset")))

    assert not shown(visitor, "attractOverlay")
    assert shown(visitor, "titleScreen")
    assert visitor.backends.ui.language == exhibit_content.default_language
    assert exhibit_content.title.get(exhibit_content.default_language) in visitor.visible_texts()
    # The next touch is an ordinary one.
    visitor.tap("chapterCard-fortress")
    assert visitor.text("stepTitle") == step_title(exhibit_content, "fortress", 0, "vi")


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_first_touch_on_a_language_starts_in_it_at_the_title(
    open_mode, exhibit_content, language
):
    visitor = open_mode(kiosk_settings(attract_step_s=10), time_scale=TIME_SCALE)
    choice = visitor.find(f"attractLanguage-{language}")
    assert visitor.is_shown(choice)
    name = next(lang.name for lang in exhibit_content.languages if lang.code == language)
    assert name in [str(t.property("text")) for t in choice.findChildren(QQuickItem)]
    visitor.tap(choice)

    assert not shown(visitor, "attractOverlay")
    assert shown(visitor, "titleScreen")
    assert visitor.backends.ui.language == language
    assert visitor.text("exhibitTitle") == exhibit_content.title.get(language)
    assert visitor.backends.kiosk.idleState == "active"


def test_idle_notice_appears_in_both_languages_and_a_touch_only_dismisses_it(
    open_mode, exhibit_content
):
    visitor = open_mode(kiosk_settings(), time_scale=TIME_SCALE)
    start_kiosk(visitor)
    visitor.tap("chapterCard-fortress")
    visitor.tap("nextButton")
    second = step_title(exhibit_content, "fortress", 1, "vi")
    assert visitor.text("stepTitle") == second

    visitor.qtbot.waitUntil(lambda: shown(visitor, "idleNotice"), timeout=2000)
    assert visitor.text("idleTitle") == exhibit_content.string("idle_title", "vi")
    assert visitor.text("idleTitleOther") == exhibit_content.string("idle_title", "en")
    seconds = int(visitor.text("idleCountdown"))
    assert 0 < seconds <= 20
    assert visitor.text("idleBody") == exhibit_content.string("idle_body", "vi", seconds=seconds)

    # A touch right on the Next button underneath dismisses the notice only.
    visitor.tap_at(visitor.center_of(visitor.find("nextButton")))
    assert not shown(visitor, "idleNotice")
    assert visitor.text("stepTitle") == second
    assert visitor.backends.kiosk.idleState == "active"


def _signals_of(backend: object) -> list[str]:
    meta = type(backend).staticMetaObject  # type: ignore[attr-defined]
    names = []
    for index in range(meta.methodOffset(), meta.methodCount()):
        method = meta.method(index)
        if method.methodType() == method.MethodType.Signal:
            names.append(method.name().data().decode())
    return names


def test_a_countdown_tick_announces_the_seconds_and_nothing_else(open_mode):
    visitor = open_mode(kiosk_settings(), time_scale=TIME_SCALE)
    start_kiosk(visitor)
    visitor.qtbot.waitUntil(lambda: shown(visitor, "idleNotice"), timeout=2000)
    backends = visitor.backends
    emitted: list[str] = []

    def recorder(label: str) -> Callable[[], None]:
        return lambda: emitted.append(label)

    for backend in (backends.kiosk, backends.mode, backends.story, backends.ui, backends.presenter):
        for name in _signals_of(backend):
            if name.endswith("Changed"):
                getattr(backend, name).connect(recorder(f"{type(backend).__name__}.{name}"))
    before = visitor.text("idleCountdown")
    visitor.qtbot.waitUntil(lambda: visitor.text("idleCountdown") != before, timeout=2000)

    assert set(emitted) == {"KioskBackend.secondsLeftChanged", "KioskBackend.noticeTextsChanged"}
    assert visitor.text("idleBody") == visitor.backends.session.exhibit.string(
        "idle_body", "vi", seconds=int(visitor.text("idleCountdown"))
    )


def test_nobody_there_resets_to_the_attract_loop_in_the_default_language(
    open_mode, exhibit_content
):
    visitor = open_mode(kiosk_settings(), time_scale=TIME_SCALE)
    start_kiosk(visitor)
    visitor.tap("languageToggle")
    visitor.tap("chapterCard-fortress")
    visitor.tap("nextButton")
    visitor.tap("nextButton")
    assert visitor.text("stepTitle") == step_title(exhibit_content, "fortress", 2, "en")

    visitor.qtbot.waitUntil(lambda: shown(visitor, "idleNotice"), timeout=2000)
    visitor.qtbot.waitUntil(lambda: shown(visitor, "attractOverlay"), timeout=2000)
    assert not shown(visitor, "idleNotice")
    assert visitor.backends.ui.language == exhibit_content.default_language
    assert visitor.backends.session.story.position.on_title

    start_kiosk(visitor)
    visitor.tap("chapterCard-fortress")  # every chapter is back at its start
    assert visitor.text("stepTitle") == step_title(exhibit_content, "fortress", 0, "vi")


def test_a_kiosk_starts_and_resets_in_the_language_its_settings_name(open_mode, exhibit_content):
    visitor = open_mode(kiosk_settings(language="en"), time_scale=TIME_SCALE)
    assert visitor.backends.kiosk.beginChoices[0]["code"] == "en", "the home language first"
    assert visitor.is_shown(visitor.find("attractLanguage-en"))
    start_kiosk(visitor)
    assert visitor.backends.ui.language == "en"
    visitor.tap("languageToggle")
    assert visitor.backends.ui.language == "vi"
    visitor.qtbot.waitUntil(lambda: shown(visitor, "attractOverlay"), timeout=2500)
    assert visitor.backends.ui.language == "en"


def finger_tap(visitor: Visitor, point: QPoint, hold_ms: int = 30) -> None:
    """A tap with a finger on a touchscreen (touch events, not a mouse click)."""
    device = QTest.createTouchDevice()
    QTest.touchEvent(visitor.window, device).press(0, point, visitor.window).commit()
    visitor.qtbot.wait(hold_ms)
    QTest.touchEvent(visitor.window, device).release(0, point, visitor.window).commit()
    visitor.settle()


def test_a_finger_on_a_touchscreen_wakes_the_kiosk_without_pressing_anything(
    open_mode, exhibit_content
):
    visitor = open_mode(kiosk_settings(), time_scale=TIME_SCALE)
    finger_tap(visitor, visitor.center_of(visitor.find("attractScene")))
    assert not shown(visitor, "attractOverlay")
    assert shown(visitor, "titleScreen")
    finger_tap(visitor, visitor.center_of(visitor.find("chapterCard-fortress")))
    assert visitor.text("stepTitle") == step_title(exhibit_content, "fortress", 0, "vi")
    next_button = visitor.center_of(visitor.find("nextButton"))

    visitor.qtbot.waitUntil(lambda: shown(visitor, "idleNotice"), timeout=2000)
    finger_tap(visitor, next_button)
    assert not shown(visitor, "idleNotice")
    assert visitor.text("stepTitle") == step_title(exhibit_content, "fortress", 0, "vi")
    finger_tap(visitor, next_button)  # the finger after that is an ordinary one
    assert visitor.text("stepTitle") == step_title(exhibit_content, "fortress", 1, "vi")


# -- kiosk: locked down, staff exit -------------------------------------------------

BLOCKED = [
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
]


def test_kiosk_fills_the_screen_and_swallows_every_way_out(open_mode, exhibit_content):
    visitor = open_mode(kiosk_settings())
    window = visitor.window
    assert window.visibility() == QWindow.Visibility.FullScreen
    assert window.flags() & Qt.WindowType.FramelessWindowHint
    assert window.geometry() == window.screen().geometry()
    start_kiosk(visitor)
    visitor.tap("chapterCard-offensive")
    first = step_title(exhibit_content, "offensive", 0, "vi")

    for key, modifiers in BLOCKED:
        visitor.key(key, modifiers)
        assert window.isVisible(), key
        assert window.visibility() == QWindow.Visibility.FullScreen, key
        assert visitor.text("stepTitle") == first, key  # Escape does not even go home

    assert not window.close()  # a close request from the system is refused too
    visitor.settle()
    assert window.isVisible()
    assert window.visibility() == QWindow.Visibility.FullScreen
    # The keys a kiosk keypad has still work.
    visitor.key(Qt.Key.Key_Right)
    assert visitor.text("stepTitle") == step_title(exhibit_content, "offensive", 1, "vi")


def hold_corner(visitor: Visitor, ms: int, point: QPoint | None = None) -> None:
    point = point or QPoint(6, 6)
    visitor.qtbot.mousePress(visitor.window, Qt.MouseButton.LeftButton, pos=point)
    visitor.qtbot.wait(ms)
    visitor.qtbot.mouseRelease(visitor.window, Qt.MouseButton.LeftButton, pos=point)
    visitor.settle()


def type_pin(visitor: Visitor, pin: str) -> None:
    for digit in pin:
        visitor.tap(f"pinKey-{digit}")
    visitor.tap("pinOk")


def test_holding_the_corner_then_the_right_pin_exits(open_mode):
    visitor = open_mode(kiosk_settings(), time_scale=TIME_SCALE)  # the 5 s hold takes 125 ms
    start_kiosk(visitor)
    hold_corner(visitor, 20)  # a brief touch is not a hold
    assert not shown(visitor, "adminKeypad")
    hold_corner(visitor, 400, QPoint(visitor.window.width() - 6, 6))  # the wrong corner
    assert not shown(visitor, "adminKeypad")

    finger_tap(visitor, QPoint(6, 6), hold_ms=400)  # staff hold it with a finger
    assert shown(visitor, "adminKeypad")
    assert visitor.text("adminHeading") == visitor.backends.ui.strings["admin_exit"]
    for name in [*(f"pinKey-{d}" for d in range(10)), "pinOk", "pinDelete", "pinCancel"]:
        key = visitor.find(name)
        assert key.width() >= 48 and key.height() >= 48, name

    for digit in "123456789":  # the keys cover the chapter cards: none opens
        visitor.tap(f"pinKey-{digit}")
    assert visitor.backends.kiosk.pinLength == 9
    assert visitor.backends.session.story.position.on_title
    for _ in range(9):
        visitor.tap("pinDelete")
    assert visitor.backends.kiosk.pinLength == 0
    with visitor.qtbot.waitSignal(visitor.backends.kiosk.exitRequested, timeout=2000) as exit_:
        type_pin(visitor, PIN)
    assert exit_.args == [0]


def test_wrong_pins_do_not_exit_and_are_slowed_down(open_mode, exhibit_content):
    visitor = open_mode(kiosk_settings())  # real time: the hold takes the full 5 s
    exits: list[int] = []
    visitor.backends.kiosk.exitRequested.connect(exits.append)
    start_kiosk(visitor)
    hold_corner(visitor, 1000)
    assert not shown(visitor, "adminKeypad")  # 1 s is not long enough
    hold_corner(visitor, 5300)
    assert shown(visitor, "adminKeypad")

    wrong = exhibit_content.string("admin_wrong_pin", "vi")
    type_pin(visitor, "1111")
    assert visitor.text("pinMessage") == wrong
    type_pin(visitor, "1112")
    assert visitor.text("pinMessage") == wrong
    type_pin(visitor, "1113")  # the third wrong PIN earns a wait
    wait = exhibit_content.string("admin_wait", "vi", seconds=5)
    assert visitor.text("pinMessage") == f"{wrong} · {wait}"
    assert not visitor.find("pinKey-2").property("enabledState")

    # While it waits, not even the right PIN is checked.
    visitor.backends.kiosk.pinDigit(2)
    assert visitor.backends.kiosk.pinLength == 0
    for key in (Qt.Key.Key_2, Qt.Key.Key_4, Qt.Key.Key_6, Qt.Key.Key_8, Qt.Key.Key_Return):
        visitor.key(key)
    assert exits == []
    assert visitor.window.isVisible()

    visitor.tap("pinCancel")
    assert not shown(visitor, "adminKeypad")
    assert exits == []


# -- presentation -------------------------------------------------------------------


def test_a_clicker_alone_can_give_the_presentation(open_mode, exhibit_content):
    visitor = open_mode(Settings(mode="presentation"))
    assert visitor.window.visibility() == QWindow.Visibility.FullScreen
    offensive = exhibit_content.chapter("offensive")
    assert offensive is not None

    forward = [Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space]
    for index, key in enumerate(forward):
        visitor.key(key)
        assert visitor.text("stepTitle") == offensive.steps[index].title.get("vi"), key
    for index, key in zip(
        (2, 1, 0), (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp), strict=True
    ):
        visitor.key(key)
        assert visitor.text("stepTitle") == offensive.steps[index].title.get("vi"), key
    visitor.key(Qt.Key.Key_Home)
    assert shown(visitor, "titleScreen")
    visitor.key(Qt.Key.Key_2)
    assert visitor.text("stepTitle") == step_title(exhibit_content, "fortress", 0, "vi")

    # B blacks out the projection; the next key only brings it back.
    visitor.key(Qt.Key.Key_B)
    assert shown(visitor, "blankOverlay")
    visitor.key(Qt.Key.Key_Right)
    assert not shown(visitor, "blankOverlay")
    assert visitor.text("stepTitle") == step_title(exhibit_content, "fortress", 0, "vi")
    visitor.key(Qt.Key.Key_Period)
    assert shown(visitor, "blankOverlay")
    visitor.key(Qt.Key.Key_B)
    assert not shown(visitor, "blankOverlay")

    visitor.key(Qt.Key.Key_L)
    assert visitor.backends.ui.language == "en"
    assert visitor.text("stepTitle") == step_title(exhibit_content, "fortress", 0, "en")

    visitor.key(Qt.Key.Key_3)
    clock = visitor.backends.clock
    assert not clock.property("playing")
    visitor.key(Qt.Key.Key_P)
    assert clock.property("playing")
    visitor.key(Qt.Key.Key_P)
    assert not clock.property("playing")
    assert visitor.window.visibility() == QWindow.Visibility.FullScreen


def test_presenter_view_and_audience_screen_follow_each_other(open_mode, exhibit_content):
    audience = open_mode(Settings(mode="presentation", presenter_view=True))
    presenter_window = audience.running.presenter
    assert presenter_window is not None
    audience.qtbot.waitExposed(presenter_window)
    presenter = Visitor(audience.qtbot, audience.running)
    presenter.window = presenter_window

    assert presenter.text("presenterCurrentTitle") == exhibit_content.title.get("vi")
    assert presenter.text("presenterNextTitle") == step_title(exhibit_content, "offensive", 0, "vi")
    assert presenter.find("presenterClock").property("text")

    presenter.key(Qt.Key.Key_PageDown)  # the presenter's keys move the audience screen
    first = step_title(exhibit_content, "offensive", 0, "vi")
    assert audience.text("stepTitle") == first
    assert presenter.text("presenterCurrentTitle") == first
    assert presenter.text("presenterNextTitle") == step_title(exhibit_content, "offensive", 1, "vi")

    audience.tap("nextButton")  # and the audience screen moves the presenter's
    assert presenter.text("presenterCurrentTitle") == step_title(
        exhibit_content, "offensive", 1, "vi"
    )
    step = exhibit_content.chapter("offensive").steps[1]  # type: ignore[union-attr]
    if step.notes is not None:
        assert presenter.text("presenterNotes") == step.notes.get("vi")

    presenter.key(Qt.Key.Key_L)
    assert audience.text("stepTitle") == step_title(exhibit_content, "offensive", 1, "en")
    assert presenter.text("presenterCurrentTitle") == step_title(
        exhibit_content, "offensive", 1, "en"
    )
    presenter.key(Qt.Key.Key_B)
    assert shown(audience, "blankOverlay")
    assert shown(presenter, "presenterBlanked")


# -- classroom --------------------------------------------------------------------------


def test_classroom_window_toggles_full_screen_and_never_resets(open_mode, exhibit_content):
    visitor = open_mode(Settings(), size=(1280, 720), time_scale=TIME_SCALE)
    window = visitor.window
    assert window.visibility() == QWindow.Visibility.Windowed
    assert (window.width(), window.height()) == (1280, 720)
    visitor.key(Qt.Key.Key_F11)
    assert window.visibility() == QWindow.Visibility.FullScreen
    visitor.key(Qt.Key.Key_F11)
    assert window.visibility() == QWindow.Visibility.Windowed

    visitor.tap("chapterCard-fortress")
    visitor.settle(800)  # 32 s of exhibit time: a kiosk would have warned by now
    assert visitor.backends.kiosk.idleState == "active"
    assert not shown(visitor, "idleNotice")
    visitor.key(Qt.Key.Key_Escape)
    assert shown(visitor, "titleScreen")
    assert window.close()


def test_tab_reaches_every_control_on_the_title_screen_in_reading_order(open_mode):
    visitor = open_mode(Settings(), size=(1920, 1080))
    order = []
    for _ in range(5):
        visitor.key(Qt.Key.Key_Tab)
        focused = visitor.window.activeFocusItem()
        assert focused is not None
        order.append(focused.objectName())
        # The focus ring is drawn.
        assert QQmlProperty.read(focused, "border.width") >= 3
    assert order == [
        "languageToggle",
        "chapterCard-offensive",
        "chapterCard-fortress",
        "chapterCard-final-day",
        "languageToggle",
    ]


def test_classroom_remembers_size_place_and_language(open_mode, tmp_path, exhibit_content):
    store = QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)
    first = open_mode(Settings(), size=(640, 480), memory=WindowMemory(store))
    first.window.setGeometry(QRect(40, 60, 700, 520))  # the offscreen screen is 800 x 800
    first.tap("languageToggle")
    first.settle()
    first.running.memory.remember(first.window, first.backends.session.language)

    again = open_mode(Settings(), memory=WindowMemory(store), fitted=True)
    assert again.backends.ui.language == "en"
    assert (again.window.width(), again.window.height()) == (700, 520)
    assert (again.window.x(), again.window.y()) == (40, 60)

    explicit = open_mode(Settings(), size=(800, 600), language="vi", memory=WindowMemory(store))
    assert (explicit.window.width(), explicit.window.height()) == (800, 600)
    assert explicit.backends.ui.language == "vi"

    kiosk = open_mode(kiosk_settings(), memory=WindowMemory(store))
    assert kiosk.backends.ui.language == exhibit_content.default_language


@pytest.mark.parametrize("remembered", [QRect(0, 0, 30000, 30000), QRect(5000, -3000, 700, 500)])
def test_a_remembered_window_is_fitted_to_the_screen(open_mode, tmp_path, remembered):
    """A window remembered larger than the screen, or on a monitor now gone, fits the screen."""
    store = QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)
    store.setValue("window/geometry", remembered)
    store.sync()

    visitor = open_mode(Settings(), memory=WindowMemory(store))
    visitor.settle()

    area = visitor.window.screen().availableGeometry()
    # (the offscreen platform draws a 2 px frame, so only the corner is compared)
    assert area.contains(visitor.window.geometry().topLeft()), (visitor.window.geometry(), area)
    expected = (min(remembered.width(), area.width()), min(remembered.height(), area.height()))
    assert (visitor.window.width(), visitor.window.height()) == expected


# -- the command line -------------------------------------------------------------------


def run_main(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(PROJECT / "main.py"), *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=60,
        cwd=PROJECT,
    )


def test_settings_mistakes_are_reported_by_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("mode: kiosk\nidle_timeout_s: 5\nlanguage: vi\n", encoding="utf-8")
    result = run_main("--settings", str(bad), "--check")
    assert result.returncode == 2
    assert f"{bad}:2: idle_timeout_s:" in result.stderr
    assert "Traceback" not in result.stderr

    good = tmp_path / "good.yaml"
    good.write_text("mode: kiosk\n", encoding="utf-8")
    result = run_main("--settings", str(good), "--idle-timeout", "5", "--check")
    assert result.returncode == 2
    assert "idle_timeout_s" in result.stderr
    assert "Traceback" not in result.stderr
    assert run_main("--settings", str(good), "--present", "--check").returncode == 0


def test_hash_pin_prints_a_settings_line(tmp_path):
    result = run_main("--hash-pin", stdin="8642\n8642\n")
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line.startswith('admin_pin_hash: "pbkdf2-sha256$')
    assert "8642" not in line


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_kiosk_handler_returns_to_the_attract_loop(open_mode, tmp_path, monkeypatch):
    from exhibit.qt import errors

    visitor = open_mode(kiosk_settings(), time_scale=TIME_SCALE)
    start_kiosk(visitor)
    visitor.tap("chapterCard-fortress")
    guard = errors.install(
        tmp_path / "logs", echo=False, recovery=visitor.backends.kiosk.return_to_attract
    )
    try:

        def boom() -> bool:
            raise RuntimeError("deliberate failure")

        monkeypatch.setattr(visitor.backends.session.story, "next", boom)
        visitor.tap("nextButton")
        visitor.settle(50)

        assert guard.recoveries == 1
        assert shown(visitor, "attractOverlay")
        assert visitor.backends.kiosk.idleState == "attract"
        monkeypatch.undo()
        start_kiosk(visitor)  # and a touch starts the exhibit again
    finally:
        guard.uninstall()
        errors.set_recovery(None)
