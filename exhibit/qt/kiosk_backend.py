"""The unattended kiosk, for QML: ``KioskBackend``: idle notice, attract loop, staff PIN.

The decisions live in the core: :class:`~exhibit.core.idle.IdlePolicy` says
when an unattended kiosk warns and resets, :class:`~exhibit.core.idle.AttractLoop`
what its self-running tour shows, :class:`~exhibit.core.pin.PinGate` whether a
staff PIN opens the way out, and the settings how long staff hold the hidden
corner. This backend feeds them input and time and publishes their answers.

Input comes from :class:`~exhibit.qt.input_filter.InputFilter` (every press,
touch, wheel turn and key, before any item sees it) through :meth:`activity`
and :meth:`corner`; keys typed on the open keypad through :meth:`admin_key`.
On the attract loop the first touch also picks the visitor's language: the
filter names the language of the choice under the finger (``choosing``).

Time is read from one clock and every wait is a single-shot timer armed for
the next deadline the policy names: nothing here runs once per frame or
polls. ``time_scale`` makes that clock run faster than real time (exhibit
seconds per real second) so tests can watch a 20-second countdown in half a
second; it is 1 in real use. In classroom and presentation modes the policy
is disabled and nothing here ever fires.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from exhibit.core.idle import AttractLoop, IdlePolicy, IdleState, attract_scenes
from exhibit.core.pin import MAX_PIN_LENGTH, Outcome, PinGate, default_backoff_file
from exhibit.core.session import END_ERROR, END_IDLE, TOUCHED, VISIT_BEGAN, VISIT_ENDED, Session
from exhibit.core.settings import Settings
from exhibit.core.story import TITLE, Position, resolve_language
from exhibit.qt import registry
from exhibit.qt.published import Published, constant, published

QML_IMPORT_NAME = "Exhibit.Backend"
QML_IMPORT_MAJOR_VERSION = 1

# Qt's key codes as plain numbers (importing the ``Qt`` namespace costs start-up time).
_DIGIT_KEYS: Final = {0x30 + n: n for n in range(10)}  # Qt.Key_0 ... Qt.Key_9
_KEY_BACKSPACE: Final = 0x01000003
_KEY_RETURN: Final = 0x01000004
_KEY_ENTER: Final = 0x01000005


@QmlElement
@QmlSingleton
class KioskBackend(Published):
    """The idle notice, the attract loop and the staff keypad of a kiosk."""

    #: The right staff PIN was entered: the application should exit with this status.
    exitRequested = Signal(int)

    idleStateChanged = Signal()
    secondsLeftChanged = Signal()
    noticeTextsChanged = Signal()
    beginTextsChanged = Signal()
    beginChoicesChanged = Signal()
    titleTextsChanged = Signal()
    adminOpenChanged = Signal()
    pinLengthChanged = Signal()
    pinLockedChanged = Signal()
    pinMessageChanged = Signal()

    def __init__(
        self,
        session: Session,
        settings: Settings,
        *,
        time_scale: float = 1.0,
        opened: bool = False,
        play_clock: Callable[[], None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        """``opened``: the exhibit was opened on a chosen step, which a kiosk then
        shows instead of starting with its attract loop; ``play_clock`` starts
        the final day's clock (the attract loop sweeps through the day)."""
        super().__init__(parent)
        if not (time_scale > 0 and math.isfinite(time_scale)):
            raise ValueError("time_scale must be a positive number")
        self._session = session
        self._settings = settings
        self._scale = float(time_scale)
        self._stopped = False
        self._play_clock = play_clock

        self._policy = IdlePolicy.from_settings(settings, self._now(), opened=opened)
        self._attract = self._attract_loop()
        self._attract_index = 0

        self._idle_timer = self._timer(self._on_idle_timer)
        self._attract_timer = self._timer(self._on_attract_timer)
        self._hold_timer = self._timer(self._open_admin)
        self._pin_timer = self._timer(self._on_pin_timer)

        self._admin_open = False
        self._pin: list[str] = []
        self._pin_wrong = False
        self._gate = PinGate(settings.admin_pin_hash, now=self._now, backoff=default_backoff_file())

        self._values.update(
            warningSeconds=settings.idle_warning_s,
            timeScale=self._scale,
            pinMaxLength=MAX_PIN_LENGTH,
        )
        if self._policy.state is IdleState.ATTRACT:
            self._start_attract()
        self._arm()
        self.guarded(self._refresh)()
        session.on_language(self.guarded(lambda _code: self._refresh()))
        session.on_content(self.guarded(self._on_content))

    def _attract_loop(self) -> AttractLoop:
        exhibit = self._session.exhibit
        shown, played = attract_scenes(exhibit)
        return AttractLoop(
            [(chapter.id, len(chapter.steps)) for chapter in exhibit.chapters],
            exhibit.language_codes,
            steps=shown,
            played=played,
        )

    def _on_content(self, _exhibit: object) -> None:
        self._attract = self._attract_loop()
        self._attract_index = 0
        self._refresh()

    @staticmethod
    def create(engine: QQmlEngine) -> KioskBackend:
        return registry.singleton(KioskBackend)

    # -- time -----------------------------------------------------------------

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

    def stop(self) -> None:
        """Stop every timer for good (the program is shutting down)."""
        self._stopped = True
        for timer in (self._idle_timer, self._attract_timer, self._hold_timer, self._pin_timer):
            timer.stop()

    # -- input ----------------------------------------------------------------

    @property
    def choosing(self) -> bool:
        """Whether a touch now picks a language too (the attract loop is showing)."""
        return self._policy.state is IdleState.ATTRACT

    def activity(self, language: str = "") -> bool:
        """A visitor did something; True if it only dismissed the notice or the attract loop.

        ``language``: on the attract loop, the language of the choice touched
        ("" for none, or one the content does not have: the home language).
        """
        before = self._policy.state
        consumed = self._policy.touch(self._now())
        self._session.report(TOUCHED)
        if consumed:
            if before is IdleState.ATTRACT:
                self._attract_timer.stop()
                self._reset_session()
                if language in self._session.exhibit.language_codes:
                    self._session.set_language(language)
                self._session.report(VISIT_BEGAN)
            self._arm()
            self._refresh()
        return consumed

    def corner(self, inside: bool, *, pressed: bool) -> None:
        """A finger in the hidden corner (``inside``) or out of it; ``pressed``: it just came down.

        A press inside starts the staff hold; leaving the corner stops it.
        """
        if not self._settings.is_kiosk or self._admin_open:
            return
        if not inside:
            self._hold_timer.stop()
        elif pressed and not self._hold_timer.isActive():
            self._start_in(self._hold_timer, self._settings.admin_hold_s)

    def corner_released(self) -> None:
        self._hold_timer.stop()

    def admin_key(self, key: int) -> bool:
        """A key typed while the keypad is open: True if the keypad used it."""
        if not self._admin_open:
            return False
        if key in _DIGIT_KEYS:
            self.pinDigit(_DIGIT_KEYS[key])
        elif key == _KEY_BACKSPACE:
            self.pinDelete()
        elif key in (_KEY_RETURN, _KEY_ENTER):
            self.pinSubmit()
        else:
            return False
        return True

    # -- idle cycle -------------------------------------------------------------

    def _arm(self) -> None:
        if self._stopped:
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
            self._start_attract()
        self._arm()
        self._refresh()

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
        self._start_attract()
        self._arm()
        self._refresh()

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
        if self._policy.state is not IdleState.ATTRACT or self._stopped:
            return
        self._attract_index += 1
        # Each pass opens on the title screen, then shows the chapters.
        n = self._attract_index % (len(self._attract) + 1)
        if n == 0:
            self._session.set_language(self._home_language())
            self._session.story.go_to(TITLE)
        else:
            slide = self._attract.slide_at(n - 1)
            self._session.set_language(slide.language)
            self._session.story.go_to(Position(slide.chapter_id, slide.step_index))
            if slide.play_s > 0:
                # The clock sweeps through the day, then rests on its end a moment.
                self._play_clock()
                self._start_in(self._attract_timer, slide.play_s + self._settings.attract_step_s)
                return
        self._start_in(self._attract_timer, self._settings.attract_step_s)

    # -- staff keypad -------------------------------------------------------------

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
        self._refresh()

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
            self._refresh()

    @Slot()
    def pinDelete(self) -> None:
        if self._admin_open and self._pin:
            self._pin.pop()
            self._refresh()

    @Slot()
    def adminCancel(self) -> None:
        if self._admin_open:
            self._close_admin()
            self._refresh()

    @Slot()
    def pinSubmit(self) -> None:
        if not self._admin_open or not self._pin:
            return
        result = self._gate.attempt("".join(self._pin))
        self._pin.clear()
        if result.outcome is Outcome.ACCEPTED:
            self._close_admin()
            self.stop()
            self._refresh()
            self.exitRequested.emit(0)
            return
        if result.outcome is Outcome.REJECTED:
            self._pin_wrong = True
        self._refresh_pin_timer()
        self._refresh()

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
        self._refresh()

    # -- what QML shows -------------------------------------------------------------

    def _refresh(self) -> None:
        seconds = self._policy.seconds_left(self._now())
        locked_for = self._gate.locked_for()
        self.publish(
            idleState=self._policy.state.value,
            secondsLeft=seconds,
            noticeTexts=self._notice_texts(seconds),
            beginTexts=self._begin_texts(),
            beginChoices=self._begin_choices(),
            titleTexts=self._title_texts(),
            adminOpen=self._admin_open,
            pinLength=len(self._pin),
            pinLocked=locked_for > 0,
            pinMessage=self._pin_message(locked_for),
        )

    def _notice_texts(self, seconds: int) -> list[dict[str, str]]:
        exhibit = self._session.exhibit
        current = self._session.language
        codes = [current, *(c for c in exhibit.language_codes if c != current)]
        return [
            {
                "language": code,
                "title": exhibit.string("idle_title", code),
                "body": exhibit.string("idle_body", code, seconds=seconds),
                "action": exhibit.string("idle_continue", code),
            }
            for code in codes
        ]

    def _languages_home_first(self) -> list[str]:
        home = self._home_language()
        return [home, *(c for c in self._session.exhibit.language_codes if c != home)]

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

    def _pin_message(self, locked_for: float) -> str:
        session = self._session
        parts = []
        if self._pin_wrong:
            parts.append(session.text("admin_wrong_pin"))
        if locked_for > 0:
            parts.append(session.text("admin_wait", seconds=math.ceil(locked_for)))
        return " · ".join(parts)

    #: "active", "warning" (the notice counts down) or "attract" (the self-running tour).
    idleState = published(str, "idleState", idleStateChanged)
    secondsLeft = published(int, "secondsLeft", secondsLeftChanged)
    #: [{language, title, body, action}], the current language first.
    noticeTexts = published("QVariantList", "noticeTexts", noticeTextsChanged)
    #: "Touch to begin" in every language, the kiosk's home language first.
    beginTexts = published("QVariantList", "beginTexts", beginTextsChanged)
    #: [{code, name, begin}]: a choice per language on the attract screen, the home one first.
    beginChoices = published("QVariantList", "beginChoices", beginChoicesChanged)
    #: The exhibit's title in every language, the home language first.
    titleTexts = published("QVariantList", "titleTexts", titleTextsChanged)
    warningSeconds = constant(float, "warningSeconds")
    timeScale = constant(float, "timeScale")
    adminOpen = published(bool, "adminOpen", adminOpenChanged)
    pinLength = published(int, "pinLength", pinLengthChanged)
    pinMaxLength = constant(int, "pinMaxLength")
    pinLocked = published(bool, "pinLocked", pinLockedChanged)
    pinMessage = published(str, "pinMessage", pinMessageChanged)
