"""The curator's live preview, for QML: ``PreviewBackend``.

:class:`~exhibit.core.livepreview.LivePreview` decides what to watch, when
to read and what changed; this backend follows the files with a
``QFileSystemWatcher``, waits out a save's burst of events with one timer,
hands valid content to the session (which keeps the place and the
language) and publishes the problems of invalid content for the overlay.

The overlay is the curator's: in kiosk mode ``shown`` is never true, even if
a preview was started (the command line refuses ``--watch --kiosk``).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from exhibit.core.livepreview import Debounce, LivePreview
from exhibit.core.session import Session
from exhibit.core.settings import Settings
from exhibit.qt import registry
from exhibit.qt.published import Published, published

QML_IMPORT_NAME = "Exhibit.Backend"
QML_IMPORT_MAJOR_VERSION = 1

logger = logging.getLogger("exhibit.preview")


@QmlElement
@QmlSingleton
class PreviewBackend(Published):
    """Whether the content on screen is the last good version, and why."""

    shownChanged = Signal()
    headingChanged = Signal()
    hintChanged = Signal()
    problemsChanged = Signal()
    #: After each check that found a change: valid content shown, or problems.
    checked = Signal()

    def __init__(
        self,
        session: Session,
        settings: Settings,
        preview: LivePreview | None,
        *,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._preview = preview
        self._allowed = preview is not None and not settings.is_kiosk
        self._clock = clock
        self._debounce = Debounce()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.guarded(self._on_timer))
        self._watcher: QFileSystemWatcher | None = None
        if preview is not None:
            self._watcher = QFileSystemWatcher(self)
            self._watcher.fileChanged.connect(self.guarded(self._on_event))
            self._watcher.directoryChanged.connect(self.guarded(self._on_event))
            self._follow()
        self._publish()
        session.on_language(self.guarded(lambda _code: self._publish()))
        session.on_content(self.guarded(lambda _exhibit: self._publish()))

    @staticmethod
    def create(engine: QQmlEngine) -> PreviewBackend:
        return registry.singleton(PreviewBackend)

    @property
    def watching(self) -> bool:
        return self._preview is not None

    def watched(self) -> tuple[list[str], list[str]]:
        """The files and folders the watcher follows now."""
        if self._watcher is None:
            return [], []
        return sorted(self._watcher.files()), sorted(self._watcher.directories())

    def stop(self) -> None:
        """Stop watching (the window is closing)."""
        self._timer.stop()
        if self._watcher is not None:
            paths = self._watcher.files() + self._watcher.directories()
            if paths:
                self._watcher.removePaths(paths)
            self._watcher = None
            self._preview = None

    def _follow(self) -> None:
        """Watch what the preview names now: a file replaced by a rename is followed again."""
        assert self._preview is not None and self._watcher is not None
        wanted = self._preview.watched()
        paths = set(wanted.files) | set(wanted.folders)
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        gone = sorted(watched - paths)
        new = sorted(paths - watched)
        if gone:
            self._watcher.removePaths(gone)
        if new:
            self._watcher.addPaths(new)

    def _on_event(self, _path: str) -> None:
        self._debounce.poke(self._clock())
        self._arm()

    def _arm(self) -> None:
        due = self._debounce.due_at()
        if due is None:
            return
        wait_ms = max(0, math.ceil((due - self._clock()) * 1000))
        self._timer.start(wait_ms)

    def _on_timer(self) -> None:
        if not self._debounce.take(self._clock()):
            self._arm()  # woken early: wait for the rest of the quiet time
            return
        self.check_now()

    def check_now(self) -> None:
        """Read the content again if a file changed (the watcher's timer calls this)."""
        if self._preview is None or self._watcher is None:
            return
        outcome = self._preview.check()
        self._follow()
        if outcome is None:
            return
        logger.info("Content changed: %s", ", ".join(outcome.changed))
        if outcome.exhibit is not None:
            self._session.replace_exhibit(outcome.exhibit)
        else:
            logger.info(
                "Content invalid, %d problem(s); keeping the last good", len(outcome.problems)
            )
        self._publish()
        self.checked.emit()

    def _publish(self) -> None:
        problems = list(self._preview.problems) if self._preview is not None else []
        shown = self._allowed and bool(problems)
        session = self._session
        self.publish(
            shown=shown,
            heading=session.text("preview_problems", count=len(problems)) if shown else "",
            hint=session.text("preview_hint") if shown else "",
            problems=problems if shown else [],
        )

    #: True while the curator's overlay is up: the content on disk is invalid.
    shown = published(bool, "shown", shownChanged)
    heading = published(str, "heading", headingChanged)
    hint = published(str, "hint", hintChanged)
    #: Every problem, ``file:line: field: what``, as ``--check`` prints them.
    problems = published("QVariantList", "problems", problemsChanged)
