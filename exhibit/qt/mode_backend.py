"""The mode the exhibit runs in, seen from QML: keys, idle cycle, staff exit, blanking.

The decisions live in the core: :mod:`exhibit.core.keys` says what a key
does in each mode, :class:`~exhibit.core.idle.IdlePolicy` when an unattended
kiosk warns and resets, :class:`~exhibit.core.idle.AttractLoop` what its
self-running tour shows, :class:`~exhibit.core.pin.PinGate` whether a staff
PIN opens the way out. This backend feeds them input and time and shows
their answers as properties.

Input reaches it two ways. An event filter on the exhibit's window sees
every press, touch, wheel turn and key before any item does, so one place
records visitor activity and can swallow the touch that only meant "I'm
here" (on the idle notice or the attract loop) before it presses whatever is
under the finger. Keys that no item took are forwarded by Main.qml to
:meth:`ModeBackend.handleKey`.

Time is read from one clock and every wait is a single-shot timer armed for
the next deadline the policy names: nothing here runs once per frame or
polls. ``time_scale`` makes that clock run faster than real time (exhibit
seconds per real second) so tests can watch a 20-second countdown in half a
second; it is 1 in real use.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any, Final

from PySide6.QtCore import (
    Property,
    QEvent,
    QObject,
    QPointF,
    QRect,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QGuiApplication, QInputEvent, QScreen, QWindow
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from exhibit.core import keys
from exhibit.core.idle import AttractLoop, IdlePolicy, IdleState, attract_scenes
from exhibit.core.pin import MAX_PIN_LENGTH, Outcome, PinGate, default_backoff_file
from exhibit.core.session import END_ERROR, END_IDLE, TOUCHED, VISIT_BEGAN, VISIT_ENDED, Session
from exhibit.core.settings import Settings
from exhibit.core.story import TITLE, Position, resolve_language

QML_IMPORT_NAME = "Exhibit.Backend"
QML_IMPORT_MAJOR_VERSION = 1

#: How long staff hold the hidden top-left corner to open the PIN keypad.
ADMIN_HOLD_S: Final = 5.0
#: The hidden corner's side, in pixels at a 1080-pixel short side.
ADMIN_CORNER_PX: Final = 64
# How soon a kiosk takes its screen back after another program moved or resized it.
KIOSK_REASSERT_MS: Final = 250

_PRESSES: Final = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
_MOVES: Final = frozenset({QEvent.Type.MouseMove, QEvent.Type.TouchUpdate, QEvent.Type.TabletMove})
_RELEASES: Final = frozenset(
    {
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchEnd,
        QEvent.Type.TouchCancel,
        QEvent.Type.TabletRelease,
    }
)
# Qt's key and modifier codes as plain numbers: importing the ``Qt`` namespace
# builds all its enums, some 30 ms of start-up before the first frame.
_MODIFIERS: Final = (
    (0x04000000, keys.CTRL),  # Qt.ControlModifier
    (0x08000000, keys.ALT),  # Qt.AltModifier
    (0x02000000, keys.SHIFT),  # Qt.ShiftModifier
    (0x10000000, keys.META),  # Qt.MetaModifier
)
_DIGIT_KEYS: Final = {0x30 + n: n for n in range(10)}  # Qt.Key_0 ... Qt.Key_9
_KEY_BACKSPACE: Final = 0x01000003
_KEY_RETURN: Final = 0x01000004
_KEY_ENTER: Final = 0x01000005


def key_name(key: int) -> str | None:
    """The core's name for a Qt key code ("Right", "F11", "B", "1"), or None if unknown."""
    from PySide6.QtCore import Qt  # not at import: it costs start-up time

    try:
        return Qt.Key(key).name.removeprefix("Key_")
    except ValueError:
        return None


def modifier_names(modifiers: int) -> list[str]:
    """The core's names for the modifiers held in a Qt modifier mask."""
    return [name for flag, name in _MODIFIERS if modifiers & flag]


def find_screen(wanted: int | str | None) -> QScreen:
    """The screen a setting names (index from 0, or a name); the primary one if none match."""
    screens = QGuiApplication.screens()
    if isinstance(wanted, int) and 0 <= wanted < len(screens):
        return screens[wanted]
    if isinstance(wanted, str):
        for screen in screens:
            if screen.name() == wanted:
                return screen
    return QGuiApplication.primaryScreen()


def _event_position(event: QEvent) -> QPointF | None:
    points = getattr(event, "points", None)
    if points is not None:
        found = points()
        return found[0].position() if found else None
    position = getattr(event, "position", None)
    return position() if position is not None else None


@QmlElement
@QmlSingleton
class ModeBackend(QObject):
    """Mode, idle notice, attract loop, staff keypad and blanking, for QML."""

    changed = Signal()
    #: The right staff PIN was entered: the application should exit with this status.
    exitRequested = Signal(int)
    #: The play/pause key was pressed (the clock also gets ``togglePlay()``).
    playPauseRequested = Signal()

    def __init__(
        self,
        session: Session,
        settings: Settings,
        *,
        time_scale: float = 1.0,
        play_pause: Callable[[], None] | None = None,
        play_clock: Callable[[], None] | None = None,
        opened: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if not (time_scale > 0 and math.isfinite(time_scale)):
            raise ValueError("time_scale must be a positive number")
        self._session = session
        self._settings = settings
        self._scale = float(time_scale)
        self._play_pause = play_pause
        self._play_clock = play_clock
        self._window: QWindow | None = None
        self._exiting = False
        self._blanked = False
        self._swallowing = False

        self._keep_window = False
        self._policy = IdlePolicy.from_settings(settings, self._now(), opened=opened)
        exhibit = session.exhibit
        shown, played = attract_scenes(exhibit)
        self._attract = AttractLoop(
            [(chapter.id, len(chapter.steps)) for chapter in exhibit.chapters],
            exhibit.language_codes,
            steps=shown,
            played=played,
        )
        self._attract_index = 0
        self._shown = (self._policy.state, 0)

        self._idle_timer = self._timer(self._on_idle_timer)
        self._attract_timer = self._timer(self._on_attract_timer)
        self._hold_timer = self._timer(self._open_admin)
        self._pin_timer = self._timer(self._on_pin_timer)
        self._geometry_timer = self._timer(self._restore_full_screen)

        self._admin_open = False
        self._pin: list[str] = []
        self._pin_wrong = False
        self._gate = PinGate(settings.admin_pin_hash, now=self._now, backoff=default_backoff_file())

        session.on_language(lambda _code: self.changed.emit())
        session.on_position(lambda _position: self.changed.emit())
        if self._policy.state is IdleState.ATTRACT:
            self._start_attract()
        self._arm()

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        from exhibit.qt.backends import current_backends

        backend = current_backends().mode
        QQmlEngine.setObjectOwnership(backend, QQmlEngine.ObjectOwnership.CppOwnership)
        return backend

    def _timer(self, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        return timer

    def _now(self) -> float:
        return time.monotonic() * self._scale

    def _start_in(self, timer: QTimer, seconds: float) -> None:
        """Start ``timer`` to fire ``seconds`` of exhibit time from now."""
        timer.start(max(0, math.ceil(seconds / self._scale * 1000)))

    # -- the window ---------------------------------------------------------

    def attach(self, window: QWindow) -> None:
        """Watch ``window``'s input and keep it in its mode's shape."""
        self._window = window
        window.installEventFilter(self)
        window.visibilityChanged.connect(self._on_visibility)
        for signal in (window.xChanged, window.yChanged, window.widthChanged, window.heightChanged):
            signal.connect(self._on_geometry)

    def attach_presenter(self, window: QWindow) -> None:
        """The presenter's window: its input counts as activity too."""
        window.installEventFilter(self)

    def release(self) -> None:
        """Let the window close (the program is shutting down)."""
        self._exiting = True
        for timer in (
            self._idle_timer,
            self._attract_timer,
            self._hold_timer,
            self._pin_timer,
            self._geometry_timer,
        ):
            timer.stop()

    def keep_window(self) -> None:
        """Leave the window at the size it was given (a screenshot), even in kiosk mode."""
        self._keep_window = True

    def kiosk_geometry(self) -> QRect:
        return find_screen(self._settings.screen).geometry()

    def _on_visibility(self, visibility: QWindow.Visibility) -> None:
        # A kiosk stays full screen even if a window manager or a stray key
        # takes it out; hidden is left alone (that is shutting down).
        if not self._settings.is_kiosk or self._exiting or self._keep_window:
            return
        if self._window is None:
            return
        if visibility in (
            QWindow.Visibility.Windowed,
            QWindow.Visibility.Maximized,
            QWindow.Visibility.Minimized,
        ):
            QTimer.singleShot(0, self._restore_full_screen)

    def _on_geometry(self, *_args: object) -> None:
        # Moved or resized by another program (with no window manager, nothing
        # else puts it back): take the screen back once the change has settled.
        if not self._settings.is_kiosk or self._exiting or self._keep_window:
            return
        if self._window is not None and self._window.geometry() != self.kiosk_geometry():
            self._geometry_timer.start(KIOSK_REASSERT_MS)

    def _restore_full_screen(self) -> None:
        window = self._window
        if window is None or self._exiting or not window.isVisible():
            return
        window.setGeometry(self.kiosk_geometry())
        window.showFullScreen()

    def _toggle_full_screen(self) -> None:
        window = self._window
        if window is None or self._settings.is_kiosk:
            return
        if window.visibility() == QWindow.Visibility.FullScreen:
            window.showNormal()
        else:
            window.showFullScreen()

    # -- input --------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _PRESSES:
            self._watch_corner(watched, event, pressed=True)
            chosen = self._language_at(watched, event)
            if self._activity(chosen):
                self._swallowing = True  # and the rest of this press, to its release
            return self._consume_if(self._swallowing, event)
        if kind in _MOVES:
            if self._hold_timer.isActive():
                self._watch_corner(watched, event, pressed=True)
            return self._consume_if(self._swallowing, event)
        if kind in _RELEASES:
            self._hold_timer.stop()
            swallow = self._swallowing
            # A mouse release with another button still held keeps the rest
            # of that press swallowed; a touch ends with TouchEnd.
            if kind != QEvent.Type.MouseButtonRelease or not self._buttons_down(event):
                self._swallowing = False
            return self._consume_if(swallow, event)
        if kind in (QEvent.Type.KeyPress, QEvent.Type.Wheel):
            if self._activity():
                event.accept()
                return True
            return False
        return False

    def _consume_if(self, consume: bool, event: QEvent) -> bool:
        if consume:
            event.accept()
        return consume

    @staticmethod
    def _buttons_down(event: QInputEvent) -> bool:
        buttons = getattr(event, "buttons", None)
        return buttons is not None and bool(buttons().value)

    def _watch_corner(self, watched: QObject, event: QEvent, *, pressed: bool) -> None:
        """Start the staff hold on a press in the hidden corner; stop it on leaving it."""
        if not self._settings.is_kiosk or self._admin_open or watched is not self._window:
            return
        position = _event_position(event)
        window = self._window
        inside = False
        if position is not None and window is not None:
            scale = max(0.5, min(window.width(), window.height()) / 1080)
            side = ADMIN_CORNER_PX * scale
            inside = 0 <= position.x() <= side and 0 <= position.y() <= side
        if not inside:
            self._hold_timer.stop()
        elif pressed and not self._hold_timer.isActive() and event.type() in _PRESSES:
            self._start_in(self._hold_timer, ADMIN_HOLD_S)

    @Slot(result=bool)
    def userActivity(self) -> bool:
        """A visitor did something; True if it only dismissed the notice or the attract loop."""
        return self._activity()

    def _activity(self, language: str = "") -> bool:
        """A visitor did something; on the attract loop, ``language`` is the one they touched."""
        before = self._policy.state
        consumed = self._policy.touch(self._now())
        self._session.report(TOUCHED)
        if consumed:
            if before is IdleState.ATTRACT:
                self._attract_timer.stop()
                self._reset_session()
                if language:
                    self._session.set_language(language)
                self._session.report(VISIT_BEGAN)
            self._arm()
            self._update()
        return consumed

    def _language_at(self, watched: QObject, event: QEvent) -> str:
        """On the attract loop, the language of the choice under a press, if any.

        The attract screen's language choices carry a ``languageCode``; the
        first touch both starts the exhibit and picks its language.
        """
        if self._policy.state is not IdleState.ATTRACT or watched is not self._window:
            return ""
        position = _event_position(event)
        window = self._window
        if position is None or not hasattr(window, "contentItem"):
            return ""
        item = window.contentItem()  # type: ignore[attr-defined]
        point = position
        while item is not None:
            child = item.childAt(point.x(), point.y())
            if child is None:
                break
            point = item.mapToItem(child, point)
            item = child
        while item is not None:
            code = item.property("languageCode")
            if isinstance(code, str) and code in self._session.exhibit.language_codes:
                return code
            item = item.parentItem()
        return ""

    @Slot(int, int, result=bool)
    def handleKey(self, key: int, modifiers: int) -> bool:
        """Act on a key no item took; True if it was used or must be swallowed."""
        name = key_name(key)
        if name is None:
            return self._settings.is_kiosk
        mods = modifier_names(modifiers)
        if self._admin_open and self._admin_key(key):
            return True
        mode = self._settings.mode
        if mode == keys.KIOSK and keys.is_blocked_in_kiosk(name, mods):
            return True
        action = keys.action_for(mode, name, mods)
        if action is None:
            return False
        self.perform(action)
        return True

    def _admin_key(self, key: int) -> bool:
        if key in _DIGIT_KEYS:
            self.pinDigit(_DIGIT_KEYS[key])
        elif key == _KEY_BACKSPACE:
            self.pinDelete()
        elif key in (_KEY_RETURN, _KEY_ENTER):
            self.pinSubmit()
        else:
            return False
        return True

    def perform(self, action: str) -> None:
        """Do what a key's action (see :mod:`exhibit.core.keys`) asks."""
        if self._blanked and action not in (keys.TOGGLE_FULLSCREEN, keys.QUIT):
            # Like a slide show: any key brings the picture back, and nothing
            # moves while the audience cannot see it.
            self._set_blanked(False)
            return
        story = self._session.story
        number = keys.chapter_number(action)
        if number is not None:
            story.open_chapter_number(number)
        elif action == keys.NEXT:
            story.next()
        elif action == keys.PREVIOUS:
            story.previous()
        elif action in (keys.HOME, keys.BACK):
            story.home()
        elif action == keys.LANGUAGE:
            self._session.toggle_language()
        elif action == keys.BLANK:
            self._set_blanked(True)
        elif action == keys.PLAY_PAUSE:
            if self._play_pause is not None:
                self._play_pause()
            self.playPauseRequested.emit()
        elif action == keys.TOGGLE_FULLSCREEN:
            self._toggle_full_screen()
        elif action == keys.QUIT and not self._settings.is_kiosk and self._window is not None:
            self._window.close()

    def _set_blanked(self, blanked: bool) -> None:
        if blanked != self._blanked:
            self._blanked = blanked
            self.changed.emit()

    @Slot()
    def toggleBlank(self) -> None:
        self._set_blanked(not self._blanked)

    # -- idle cycle ---------------------------------------------------------

    def _arm(self) -> None:
        if self._exiting:
            return
        now = self._now()
        deadline = self._policy.next_deadline(now)
        if math.isinf(deadline):
            self._idle_timer.stop()
        else:
            self._start_in(self._idle_timer, deadline - now)

    def _on_idle_timer(self) -> None:
        state = self._policy.tick(self._now())
        if state is IdleState.RESET:
            self._session.report(VISIT_ENDED, END_IDLE)
            self._close_admin()
            self._blanked = False
            self._start_attract()
        self._arm()
        self._update()

    def return_to_attract(self) -> None:
        """Recover to the kiosk's resting state: the attract loop in the home language.

        Used after an unexpected error in a handler, so a kiosk never stays on
        a half-updated screen. Outside kiosk mode it only resets the session.
        """
        if not self._policy.enabled:
            self._reset_session()
            return
        self._session.report(VISIT_ENDED, END_ERROR)
        self._policy.enter_attract(self._now())
        self._close_admin()
        self._blanked = False
        self._start_attract()
        self._arm()
        self._update()
        self.changed.emit()

    def _update(self) -> None:
        shown = (self._policy.state, self._policy.seconds_left(self._now()))
        if shown != self._shown:
            self._shown = shown
            self.changed.emit()

    def _home_language(self) -> str:
        """The language a kiosk starts in and returns to: the settings', else the content's."""
        exhibit = self._session.exhibit
        return resolve_language(
            self._settings.language, exhibit.language_codes, exhibit.default_language
        )

    def _reset_session(self) -> None:
        """Title screen, every chapter at its start, the home language."""
        self._session.reset()
        self._session.set_language(self._home_language())

    def _start_attract(self) -> None:
        """Back to the start in the home language, then tour the chapters."""
        self._reset_session()
        self._attract_index = 0
        self._start_in(self._attract_timer, self._settings.attract_step_s)

    def _on_attract_timer(self) -> None:
        if self._policy.state is not IdleState.ATTRACT or self._exiting:
            return
        self._attract_index += 1
        # Each pass opens on the title screen, then shows the chapters.
        cycle = len(self._attract) + 1
        n = self._attract_index % cycle
        if n == 0:
            self._session.set_language(self._home_language())
            self._session.story.go_to(TITLE)
        else:
            slide = self._attract.slide_at(n - 1)
            self._session.set_language(slide.language)
            self._session.story.go_to(Position(slide.chapter_id, slide.step_index))
            if slide.play_s > 0 and self._play_clock is not None:
                # The clock sweeps through the day, then rests on its end a moment.
                self._play_clock()
                self._start_in(self._attract_timer, slide.play_s + self._settings.attract_step_s)
                return
        self._start_in(self._attract_timer, self._settings.attract_step_s)

    # -- staff keypad ---------------------------------------------------------

    def _open_admin(self) -> None:
        if self._admin_open or not self._settings.is_kiosk:
            return
        self._policy.touch(self._now())
        self._attract_timer.stop()
        self._admin_open = True
        self._pin.clear()
        self._pin_wrong = False
        self._arm()
        self._refresh_pin_timer()
        self._update()
        self.changed.emit()

    def _close_admin(self) -> None:
        self._admin_open = False
        self._pin.clear()
        self._pin_wrong = False
        self._pin_timer.stop()

    @Slot(int)
    def pinDigit(self, digit: int) -> None:
        if not self._admin_open or self._gate.locked_for() > 0:
            return
        if 0 <= digit <= 9 and len(self._pin) < MAX_PIN_LENGTH:
            self._pin.append(str(digit))
            self._pin_wrong = False
            self.changed.emit()

    @Slot()
    def pinDelete(self) -> None:
        if self._admin_open and self._pin:
            self._pin.pop()
            self.changed.emit()

    @Slot()
    def adminCancel(self) -> None:
        if self._admin_open:
            self._close_admin()
            self.changed.emit()

    @Slot()
    def pinSubmit(self) -> None:
        if not self._admin_open or not self._pin:
            return
        result = self._gate.attempt("".join(self._pin))
        self._pin.clear()
        if result.outcome is Outcome.ACCEPTED:
            self._close_admin()
            self.release()
            self.changed.emit()
            self.exitRequested.emit(0)
            return
        if result.outcome is Outcome.REJECTED:
            self._pin_wrong = True
        self._refresh_pin_timer()
        self.changed.emit()

    def _refresh_pin_timer(self) -> None:
        """Redraw the "try again in N s" line when N changes, and once more when it ends."""
        left = self._gate.locked_for()
        if left <= 0 or not self._admin_open:
            self._pin_timer.stop()
            return
        # When the whole seconds shown (rounded up) next change.
        self._start_in(self._pin_timer, left - (math.ceil(left) - 1) + 0.001)

    def _on_pin_timer(self) -> None:
        self._refresh_pin_timer()
        self.changed.emit()

    # -- texts ----------------------------------------------------------------

    def _languages_current_first(self) -> list[str]:
        current = self._session.language
        return [current, *(c for c in self._session.exhibit.language_codes if c != current)]

    def _languages_home_first(self) -> list[str]:
        exhibit = self._session.exhibit
        default = self._home_language()
        return [default, *(c for c in exhibit.language_codes if c != default)]

    def _notice_texts(self) -> list[dict[str, str]]:
        exhibit = self._session.exhibit
        seconds = self._policy.seconds_left(self._now())
        return [
            {
                "language": code,
                "title": exhibit.string("idle_title", code),
                "body": exhibit.string("idle_body", code, seconds=seconds),
                "action": exhibit.string("idle_continue", code),
            }
            for code in self._languages_current_first()
        ]

    def _begin_texts(self) -> list[str]:
        exhibit = self._session.exhibit
        return [exhibit.string("touch_to_begin", code) for code in self._languages_home_first()]

    def _begin_choices(self) -> list[dict[str, str]]:
        """The attract loop's choices: each language by its own name, with its "touch to begin"."""
        exhibit = self._session.exhibit
        names = {language.code: language.name for language in exhibit.languages}
        return [
            {"code": code, "name": names[code], "begin": exhibit.string("touch_to_begin", code)}
            for code in self._languages_home_first()
        ]

    def _title_texts(self) -> list[str]:
        exhibit = self._session.exhibit
        return [exhibit.title.get(code) for code in self._languages_home_first()]

    def _pin_message(self) -> str:
        session = self._session
        left = self._gate.locked_for()
        parts = []
        if self._pin_wrong:
            parts.append(session.text("admin_wrong_pin"))
        if left > 0:
            parts.append(session.text("admin_wait", seconds=math.ceil(left)))
        return " · ".join(parts)

    # -- presenter ------------------------------------------------------------

    def _lang(self) -> tuple[str, str]:
        return self._session.language, self._session.exhibit.default_language

    def _describe(self, position: Position | None) -> dict[str, Any]:
        session = self._session
        exhibit = session.exhibit
        language, fallback = self._lang()
        if position is None:
            return {"context": "", "title": session.text("presenter_end"), "notes": "", "body": ""}
        if position.on_title:
            return {
                "context": "",
                "title": exhibit.title.get(language, fallback),
                "notes": "",
                "body": exhibit.subtitle.get(language, fallback),
            }
        chapter = exhibit.chapter(position.chapter or "")
        assert chapter is not None
        step = chapter.steps[position.step]
        number = exhibit.chapters.index(chapter) + 1
        context = " · ".join(
            (
                session.text("chapter_label", n=number),
                chapter.title.get(language, fallback),
                session.text("step_of", n=position.step + 1, total=len(chapter.steps)),
            )
        )
        return {
            "context": context,
            "title": step.title.get(language, fallback),
            "notes": step.notes.get(language, fallback) if step.notes else "",
            "body": step.body.get(language, fallback),
        }

    def _presenter_current(self) -> dict[str, Any]:
        return self._describe(self._session.story.position)

    def _presenter_next(self) -> dict[str, Any]:
        story = self._session.story
        return self._describe(story.following(story.position))

    # -- properties -----------------------------------------------------------

    def _mode(self) -> str:
        return self._settings.mode

    def _kiosk(self) -> bool:
        return self._settings.is_kiosk

    def _presentation(self) -> bool:
        return self._settings.is_presentation

    def _idle_state(self) -> str:
        return self._policy.state.value

    def _seconds_left(self) -> int:
        return self._policy.seconds_left(self._now())

    def _warning_seconds(self) -> float:
        return self._settings.idle_warning_s

    def _time_scale(self) -> float:
        return self._scale

    def _blanked_value(self) -> bool:
        return self._blanked

    def _admin_open_value(self) -> bool:
        return self._admin_open

    def _pin_length(self) -> int:
        return len(self._pin)

    def _pin_max(self) -> int:
        return MAX_PIN_LENGTH

    def _pin_locked(self) -> bool:
        return self._gate.locked_for() > 0

    def _allow_close(self) -> bool:
        return self._exiting or not self._settings.is_kiosk

    mode = Property(str, _mode, constant=True, final=True)
    kiosk = Property(bool, _kiosk, constant=True, final=True)
    presentation = Property(bool, _presentation, constant=True, final=True)
    idleState = Property(str, _idle_state, notify=changed, final=True)
    secondsLeft = Property(int, _seconds_left, notify=changed, final=True)
    warningSeconds = Property(float, _warning_seconds, constant=True, final=True)
    timeScale = Property(float, _time_scale, constant=True, final=True)
    noticeTexts = Property("QVariantList", _notice_texts, notify=changed, final=True)
    beginTexts = Property("QVariantList", _begin_texts, notify=changed, final=True)
    beginChoices = Property("QVariantList", _begin_choices, notify=changed, final=True)
    titleTexts = Property("QVariantList", _title_texts, notify=changed, final=True)
    blanked = Property(bool, _blanked_value, notify=changed, final=True)
    adminOpen = Property(bool, _admin_open_value, notify=changed, final=True)
    pinLength = Property(int, _pin_length, notify=changed, final=True)
    pinMaxLength = Property(int, _pin_max, constant=True, final=True)
    pinLocked = Property(bool, _pin_locked, notify=changed, final=True)
    pinMessage = Property(str, _pin_message, notify=changed, final=True)
    allowClose = Property(bool, _allow_close, notify=changed, final=True)
    presenterCurrent = Property("QVariantMap", _presenter_current, notify=changed, final=True)
    presenterNext = Property("QVariantMap", _presenter_next, notify=changed, final=True)
