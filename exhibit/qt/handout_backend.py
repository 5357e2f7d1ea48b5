"""The printed handout from the classroom window, for QML: ``HandoutBackend``.

Ctrl+P (see :mod:`exhibit.core.keys`) asks for the handout (``requests``
counts up); QML opens a save dialog on :attr:`HandoutBackend.suggestedFile`
(the user's Documents folder, else Downloads, else home, and a name from the
content in the current language) and hands the chosen file to
:meth:`HandoutBackend.save`, which writes the handout in the current
language with the writer it was given (the ``exhibit handout`` command's,
handed in by :mod:`exhibit.app`) and publishes a short confirmation (or what
went wrong) for a few seconds.

Only a classroom window offers it: a kiosk has no keyboard for visitors, and
a presentation's keys belong to the clicker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

from PySide6.QtCore import QDir, QObject, QStandardPaths, QTimer, QUrl, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from exhibit.core.model import Exhibit
from exhibit.core.session import Session
from exhibit.core.settings import CLASSROOM, Settings
from exhibit.qt import registry
from exhibit.qt.published import Published, constant, published

QML_IMPORT_NAME = "Exhibit.Backend"
QML_IMPORT_MAJOR_VERSION = 1

#: How long the confirmation stays on screen.
NOTICE_MS: Final = 6000
SUFFIX: Final = ".pdf"

logger = logging.getLogger("exhibit.handout")

#: Writes the handout of ``exhibit`` in ``languages`` to a PDF file (raises OSError).
Writer = Callable[[Exhibit, Path, Sequence[str]], object]


def handout_folder() -> Path:
    """Where a teacher looks for what they saved: Documents, else Downloads, else home."""
    for kind in (
        QStandardPaths.StandardLocation.DocumentsLocation,
        QStandardPaths.StandardLocation.DownloadLocation,
    ):
        location = QStandardPaths.writableLocation(kind)
        if location and Path(location).is_dir():
            return Path(location)
    return Path(QDir.homePath())


@QmlElement
@QmlSingleton
class HandoutBackend(Published):
    """Save the handout in the current language; say where it went."""

    suggestedFileChanged = Signal()
    dialogTitleChanged = Signal()
    noticeChanged = Signal()
    requestsChanged = Signal()
    #: After each save: the file written, or "" if it could not be.
    saved = Signal(str)

    def __init__(
        self,
        session: Session,
        settings: Settings,
        write: Writer | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``write`` is the handout's writer (the program hands in the ``exhibit handout``
        command's); without one, the window offers no handout."""
        super().__init__(parent)
        self._session = session
        self._write = write
        self._values["available"] = write is not None and settings.mode == CLASSROOM
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(lambda: self.publish(notice=""))
        self.publish(notice="", requests=0)
        self.guarded(self._refresh)()
        session.on_language(self.guarded(lambda _code: self._refresh()))
        session.on_content(self.guarded(lambda _exhibit: self._refresh()))

    @staticmethod
    def create(engine: QQmlEngine) -> HandoutBackend:
        return registry.singleton(HandoutBackend)

    def _refresh(self) -> None:
        session = self._session
        # As written: a file's name, not a text set for the screen.
        name = session.exhibit.string("handout_file", session.language) + SUFFIX
        self.publish(
            suggestedFile=QUrl.fromLocalFile(str(handout_folder() / name)).toString(),
            dialogTitle=session.text("handout_save_title"),
        )

    #: Whether this window offers the handout (a classroom window only).
    available = constant(bool, "available")
    #: The file the save dialog proposes, as a URL.
    suggestedFile = published(str, "suggestedFile", suggestedFileChanged)
    dialogTitle = published(str, "dialogTitle", dialogTitleChanged)
    #: "Handout saved: PATH" (or why not), for a few seconds after a save.
    notice = published(str, "notice", noticeChanged)
    #: How many times the handout was asked for: each new one opens the save dialog
    #: (and the first loads it: nothing of it is built before).
    requests = published(int, "requests", requestsChanged)

    @Slot()
    def request(self) -> None:
        """Ask QML for the save dialog (Ctrl+P); nothing outside a classroom window."""
        if self._values["available"]:
            self.publish(requests=self._values["requests"] + 1)

    @Slot(str)
    def save(self, target: str) -> None:
        """Write the handout to ``target`` (a file URL or a path; ".pdf" added if missing)."""
        if self._write is None or not self._values["available"] or not target:
            return
        url = QUrl(target)
        path = Path(url.toLocalFile() if url.isLocalFile() else target)
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        session = self._session
        try:
            self._write(session.exhibit, path, [session.language])
        except OSError as error:
            logger.warning("Cannot write the handout to %s: %s", path, error)
            self._notify(session.text("handout_failed", path=str(path)))
            self.saved.emit("")
            return
        logger.info("Handout saved to %s", path)
        self._notify(session.text("handout_saved", path=str(path)))
        self.saved.emit(str(path))

    def _notify(self, text: str) -> None:
        self.publish(notice=text)
        self._notice_timer.start(NOTICE_MS)
