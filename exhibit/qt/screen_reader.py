"""What assistive technology hears besides the item tree: the language, and the changes.

Qt tells a screen reader (AT-SPI on Linux, UI Automation on Windows) each
item's role and name; two things it cannot learn from the items:

- the language: the application's locale and every text's locale are
  Qt's default locale, which follows the visitor's language here, so a
  screen reader switches to a Vietnamese or an English voice with the toggle;
- that the screen changed: a step or language change posts one polite
  announcement (Qt's ``QAccessibleAnnouncementEvent``; an ``announcement``
  event on AT-SPI), worded by :mod:`exhibit.core.announcements`.

While the kiosk's attract loop runs the story by itself (``quiet``), moves
are not announced: nobody asked for them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

from exhibit.core import announcements
from exhibit.core.session import Session
from exhibit.core.story import Position


def locale_for(language: str) -> QLocale:
    """The locale a screen reader is given for a content language code ("vi" is vi_VN)."""
    return QLocale(language)


class ScreenReaderBridge(QObject):
    """Keeps Qt's default locale on the visitor's language and announces changes."""

    def __init__(
        self,
        session: Session,
        quiet: Callable[[], bool] = lambda: False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._quiet = quiet
        self._target: QObject | None = None
        self._position = session.story.position
        #: What was announced, oldest first (for the record; the screen reader has its own).
        self.said: list[str] = []
        QLocale.setDefault(locale_for(session.language))
        session.on_language(self._on_language)
        session.on_position(self._on_position)

    def attach(self, window: QObject) -> None:
        """Announce from ``window`` (the exhibit's window) until it closes or is gone."""
        self._target = window
        window.destroyed.connect(self.detach)

    def detach(self) -> None:
        """Announce nothing more (the window is closing)."""
        self._target = None

    def _on_language(self, language: str) -> None:
        QLocale.setDefault(locale_for(language))
        exhibit = self._session.exhibit
        self._announce(announcements.after_language_change(exhibit, self._position, language))

    def _on_position(self, position: Position) -> None:
        before, self._position = self._position, position
        exhibit = self._session.exhibit
        self._announce(announcements.after_move(exhibit, before, position, self._session.language))

    def _announce(self, message: str) -> None:
        if not message or self._target is None or self._quiet():
            return
        self.said.append(message)
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self._target, message))
