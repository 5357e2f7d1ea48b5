"""The mode the exhibit runs in, for QML: ``ModeBackend``: keys, blanking, the window's shape.

:mod:`exhibit.core.keys` says what a key does in each mode; this backend
performs it. Keys that no item took are forwarded by Main.qml (and the
presenter view) to :meth:`ModeBackend.handleKey`; a key typed on the open
staff keypad goes to the keypad first (``admin_key``, the kiosk's).

It also keeps the window in its mode's shape: a kiosk stays full screen
whatever takes it out, and cannot be closed until the program is shutting
down (``allowClose``); F11 toggles full screen elsewhere, and Ctrl+Q closes
a window that is not a kiosk's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QObject, QRect, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QScreen, QWindow
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from exhibit.core import keys
from exhibit.core.session import Session
from exhibit.core.settings import Settings
from exhibit.qt import registry
from exhibit.qt.published import Published, constant, published

QML_IMPORT_NAME = "Exhibit.Backend"
QML_IMPORT_MAJOR_VERSION = 1

# How soon a kiosk takes its screen back after another program moved or resized it.
KIOSK_REASSERT_MS: Final = 250
# Qt's modifier codes as plain numbers: importing the ``Qt`` namespace builds
# all its enums, some 30 ms of start-up before the first frame.
_MODIFIERS: Final = (
    (0x04000000, keys.CTRL),  # Qt.ControlModifier
    (0x08000000, keys.ALT),  # Qt.AltModifier
    (0x02000000, keys.SHIFT),  # Qt.ShiftModifier
    (0x10000000, keys.META),  # Qt.MetaModifier
)


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


@QmlElement
@QmlSingleton
class ModeBackend(Published):
    """The mode, what its keys do, blanking, and the window's shape."""

    blankedChanged = Signal()
    allowCloseChanged = Signal()

    def __init__(
        self,
        session: Session,
        settings: Settings,
        *,
        admin_key: Callable[[int], bool] = lambda _key: False,
        play_pause: Callable[[], None] = lambda: None,
        handout: Callable[[], None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._settings = settings
        self._admin_key = admin_key
        self._play_pause = play_pause
        self._handout = handout
        self._window: QWindow | None = None
        self._keep_window = False
        self._values.update(
            mode=settings.mode, kiosk=settings.is_kiosk, presentation=settings.is_presentation
        )
        self._geometry_timer = QTimer(self)
        self._geometry_timer.setSingleShot(True)
        self._geometry_timer.timeout.connect(self._restore_full_screen)
        self.publish(blanked=False, allowClose=not settings.is_kiosk)

    @staticmethod
    def create(engine: QQmlEngine) -> ModeBackend:
        return registry.singleton(ModeBackend)

    # -- the window ---------------------------------------------------------

    def attach(self, window: QWindow) -> None:
        """Keep ``window`` in its mode's shape."""
        self._window = window
        window.visibilityChanged.connect(self._on_visibility)
        for signal in (window.xChanged, window.yChanged, window.widthChanged, window.heightChanged):
            signal.connect(self._on_geometry)

    def release(self) -> None:
        """Let the window close (the program is shutting down)."""
        self._geometry_timer.stop()
        self.publish(allowClose=True)

    def keep_window(self) -> None:
        """Leave the window at the size it was given (a screenshot), even in kiosk mode."""
        self._keep_window = True

    @property
    def _exiting(self) -> bool:
        return self._settings.is_kiosk and self._values["allowClose"]

    @property
    def _guarding(self) -> bool:
        """Whether the window is a kiosk's to keep full screen just now."""
        return self._settings.is_kiosk and not self._exiting and not self._keep_window

    def _on_visibility(self, visibility: QWindow.Visibility) -> None:
        # A kiosk stays full screen even if a window manager or a stray key
        # takes it out; hidden is left alone (that is shutting down).
        if not self._guarding or self._window is None:
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
        if not self._guarding or self._window is None:
            return
        if self._window.geometry() != self.kiosk_geometry():
            self._geometry_timer.start(KIOSK_REASSERT_MS)

    def kiosk_geometry(self) -> QRect:
        return find_screen(self._settings.screen).geometry()

    def _restore_full_screen(self) -> None:
        window = self._window
        if window is None or not self._guarding or not window.isVisible():
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

    # -- keys -----------------------------------------------------------------

    @Slot(int, int, result=bool)
    def handleKey(self, key: int, modifiers: int) -> bool:
        """Act on a key no item took; True if it was used or must be swallowed."""
        name = key_name(key)
        if name is None:
            return self._settings.is_kiosk
        if self._admin_key(key):
            return True
        mods = modifier_names(modifiers)
        mode = self._settings.mode
        if mode == keys.KIOSK and keys.is_blocked_in_kiosk(name, mods):
            return True
        action = keys.action_for(mode, name, mods)
        if action is None:
            return False
        self.perform(action)
        return True

    def perform(self, action: str) -> None:
        """Do what a key's action (see :mod:`exhibit.core.keys`) asks."""
        if self._values["blanked"] and action not in (keys.TOGGLE_FULLSCREEN, keys.QUIT):
            # Like a slide show: any key brings the picture back, and nothing
            # moves while the audience cannot see it.
            self.publish(blanked=False)
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
            self.publish(blanked=True)
        elif action == keys.PLAY_PAUSE:
            self._play_pause()
        elif action == keys.TOGGLE_FULLSCREEN:
            self._toggle_full_screen()
        elif action == keys.QUIT and not self._settings.is_kiosk and self._window is not None:
            self._window.close()
        elif action == keys.HANDOUT:
            self._handout()

    @Slot()
    def toggleBlank(self) -> None:
        self.publish(blanked=not self._values["blanked"])

    mode = constant(str, "mode")
    kiosk = constant(bool, "kiosk")
    presentation = constant(bool, "presentation")
    #: Presentation: the projection is blacked out (B or .), until the next key.
    blanked = published(bool, "blanked", blankedChanged)
    #: Whether the window may close: always, except a kiosk that is not shutting down.
    allowClose = published(bool, "allowClose", allowCloseChanged)
