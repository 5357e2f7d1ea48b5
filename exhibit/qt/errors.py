"""Keep a running exhibit alive through unexpected errors, and write them down.

In PySide6 an exception raised in a slot, a timer callback or Python code
called from QML does not stop the program: it is handed to
``sys.excepthook`` and the event loop carries on. By default that prints a
traceback to a console nobody reads and leaves the screen in whatever state
the failed handler left it. On a kiosk that runs for months, the
:class:`ErrorGuard` instead

- writes each traceback, timestamped, to a rotating log file (at most
  ``MAX_LOG_BYTES`` x (1 + ``LOG_BACKUPS``)) in the installation's ``log_dir``
  or the platform's application-data folder,
- logs Qt's own warnings (QML binding errors and the like) to the same file,
- and asks a *recovery* callback to put the exhibit back in a safe state,
  once the failed handler has unwound. The kiosk sets it to "back to the
  attract screen" (:func:`set_recovery`); without one the exhibit stays where
  it is, which suits a classroom or a presentation.

Nothing here ever raises: failing to open the log falls back to stderr, and
an error in the recovery itself is logged, not retried.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
import threading
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QStandardPaths,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)

from exhibit.core.logfile import QuietRotatingFileHandler

LOG_NAME = "exhibit.log"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
#: Tracebacks logged in full per distinct error; after that one line every
#: ``REPEAT_NOTE_EVERY`` occurrences, so an error raised once a second does
#: not rotate the history away.
FULL_REPEATS = 5
REPEAT_NOTE_EVERY = 100
LOGGER_NAME = "exhibit"

Recovery = Callable[[], None]
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

_current: ErrorGuard | None = None
_registered_recovery: Recovery | None = None


def default_log_dir() -> Path:
    """The platform's per-user application data folder (set the app name first)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".exhibit"


class ErrorGuard:
    """Hooks that log unexpected errors and run the recovery callback."""

    def __init__(
        self,
        log_dir: Path | str | None = None,
        *,
        recovery: Recovery | None = None,
        echo: bool = True,
        qt_messages: bool = True,
    ) -> None:
        self.log_dir = Path(log_dir).expanduser() if log_dir else default_log_dir()
        self.log_path = self.log_dir / LOG_NAME
        self.recovery = recovery
        self.echo = echo
        self.qt_messages = qt_messages
        #: Unexpected Python errors seen since install().
        self.count = 0
        self.recoveries = 0
        self._seen: Counter[str] = Counter()
        self._recovery_pending = False
        self._handlers: list[logging.Handler] = []
        self._previous: dict[str, Any] = {}
        self.logger = logging.getLogger(LOGGER_NAME)

    # -- installing ---------------------------------------------------------

    def install(self) -> ErrorGuard:
        global _current
        self._open_log()
        self._previous = {
            "excepthook": sys.excepthook,
            "unraisablehook": sys.unraisablehook,
            "threading": threading.excepthook,
        }
        sys.excepthook = self.handle_exception
        sys.unraisablehook = self._handle_unraisable
        threading.excepthook = self._handle_thread_exception
        if self.qt_messages:
            self._previous["qt"] = qInstallMessageHandler(self._handle_qt_message)
        _current = self
        return self

    def uninstall(self) -> None:
        global _current
        if not self._previous:
            return
        sys.excepthook = self._previous["excepthook"]
        sys.unraisablehook = self._previous["unraisablehook"]
        threading.excepthook = self._previous["threading"]
        if "qt" in self._previous:
            qInstallMessageHandler(self._previous["qt"])
        self._previous = {}
        for handler in self._handlers:
            self.logger.removeHandler(handler)
            handler.close()
        self._handlers = []
        if _current is self:
            _current = None

    def _open_log(self) -> None:
        self.logger.setLevel(logging.INFO)
        formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        try:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = QuietRotatingFileHandler(
                self.log_path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
            )
        except OSError as error:
            print(f"exhibit: cannot write the log in {self.log_dir}: {error}", file=sys.stderr)
            handler = logging.StreamHandler(sys.stderr)
            self.echo = False
        handler.setFormatter(formatter)
        self._handlers.append(handler)
        if self.echo:
            echo = logging.StreamHandler(sys.stderr)
            echo.setFormatter(formatter)
            self._handlers.append(echo)
        for each in self._handlers:
            self.logger.addHandler(each)

    # -- the hooks ----------------------------------------------------------

    def handle_exception(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        """``sys.excepthook``: log the error and recover; never raises."""
        if issubclass(exc_type, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        try:
            self.count += 1
            self._log_error("Unexpected error", (exc_type, exc, tb))
        finally:
            self._schedule_recovery()

    def _handle_unraisable(self, unraisable: Any) -> None:
        exc = unraisable.exc_value
        if exc is None:
            return
        self.count += 1
        where = f" in {unraisable.object!r}" if unraisable.object is not None else ""
        message = unraisable.err_msg or "Exception ignored"
        self._log_error(f"{message}{where}", (type(exc), exc, unraisable.exc_traceback))

    def _handle_thread_exception(self, args: Any) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        self.count += 1
        name = args.thread.name if args.thread is not None else "a thread"
        self._log_error(
            f"Unexpected error in {name}", (args.exc_type, args.exc_value, args.exc_traceback)
        )

    def _handle_qt_message(
        self, kind: QtMsgType, context: QMessageLogContext, message: str
    ) -> None:
        level = {
            QtMsgType.QtDebugMsg: logging.DEBUG,
            QtMsgType.QtInfoMsg: logging.INFO,
            QtMsgType.QtWarningMsg: logging.WARNING,
            QtMsgType.QtCriticalMsg: logging.ERROR,
            QtMsgType.QtFatalMsg: logging.CRITICAL,
        }.get(kind, logging.WARNING)
        if level < logging.WARNING:
            return
        where = f" ({context.file}:{context.line})" if context.file else ""
        with contextlib.suppress(Exception):  # a log must never take the exhibit down
            self.logger.log(level, "Qt: %s%s", message, where)

    def _log_error(self, headline: str, info: ExcInfo) -> None:
        try:
            exc_type, exc, tb = info
            frames = traceback.extract_tb(tb)
            last = frames[-1] if frames else None
            key = f"{exc_type.__qualname__}@{last.filename}:{last.lineno}" if last else str(exc)
            self._seen[key] += 1
            seen = self._seen[key]
            if seen <= FULL_REPEATS:
                self.logger.error("%s: %s", headline, exc, exc_info=info)
            elif seen % REPEAT_NOTE_EVERY == 0:
                self.logger.error("%s (seen %d times): %s: %s", headline, seen, key, exc)
        except Exception:  # a log must never take the exhibit down
            pass

    # -- recovery -----------------------------------------------------------

    def _schedule_recovery(self) -> None:
        """Recover once the failed handler has unwound (one run for a burst of errors)."""
        if self.recovery is None or self._recovery_pending:
            return
        self._recovery_pending = True
        if QCoreApplication.instance() is None:
            self._recover()
        else:
            QTimer.singleShot(0, self._recover)

    def _recover(self) -> None:
        self._recovery_pending = False
        recovery = self.recovery
        if recovery is None:
            return
        try:
            recovery()
            self.recoveries += 1
            self.logger.info("Recovered: the exhibit is back in a safe state")
        except Exception as error:  # logged, not retried: retrying could loop
            self._log_error("The recovery itself failed", (type(error), error, error.__traceback__))


def install(
    log_dir: Path | str | None = None,
    *,
    recovery: Recovery | None = None,
    echo: bool = True,
    qt_messages: bool = True,
) -> ErrorGuard:
    """Install the error hooks for this process (replacing an earlier guard).

    Without ``recovery``, the one registered with :func:`set_recovery` is used.
    """
    if _current is not None:
        _current.uninstall()
    chosen = recovery if recovery is not None else _registered_recovery
    return ErrorGuard(log_dir, recovery=chosen, echo=echo, qt_messages=qt_messages).install()


def current() -> ErrorGuard | None:
    return _current


def set_recovery(callback: Recovery | None) -> None:
    """What brings the exhibit back to a safe state after an error (None: stay put).

    The kiosk registers "return to the attract screen" here; it may be set
    before or after :func:`install`.
    """
    global _registered_recovery
    _registered_recovery = callback
    if _current is not None:
        _current.recovery = callback
