"""A log file that degrades quietly when it cannot be written (a full disk).

Python's logging prints a "--- Logging error ---" traceback to stderr for
every line it fails to write; on a kiosk whose disk has filled up that is a
flood in the journal for every Qt warning. :class:`QuietRotatingFileHandler`
says once, in one line, that the log cannot be written, then drops lines
until writing works again.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys


class QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file that reports a failure to write it once, not per line."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.failures = 0
        self._said = False

    def emit(self, record: logging.LogRecord) -> None:
        failures = self.failures
        super().emit(record)  # on failure the handler calls handleError and carries on
        if self.failures == failures:
            self._said = False  # writing works (again); a new failure is told again

    def handleError(self, record: logging.LogRecord) -> None:
        del record
        self.failures += 1
        # Drop what could not be written: kept, it would fail again at every flush
        # and at close. The next line opens the file afresh.
        stream, self.stream = self.stream, None  # type: ignore[assignment]
        if stream is not None:
            with contextlib.suppress(Exception):
                stream.close()
        if self._said:
            return
        self._said = True
        error = sys.exc_info()[1]
        reason = getattr(error, "strerror", None) or error or "unknown error"
        try:
            sys.stderr.write(
                f"exhibit: cannot write the log {self.baseFilename} ({reason}); "
                "log lines are dropped until it can be written again\n"
            )
        except Exception:  # stderr itself may be gone; nothing more to do
            return

    def close(self) -> None:
        with contextlib.suppress(OSError):  # lines still buffered for a full disk are lost
            super().close()
