"""The exhibit's pulse, from the Qt event loop: systemd's watchdog and the Prometheus file.

The decisions and formats live in :mod:`exhibit.core.health`; this object
only supplies the timing. ``READY=1`` goes to systemd once the window has
drawn its first frame. ``WATCHDOG=1`` goes every half ``WatchdogSec`` from a
timer on the GUI thread: if the event loop stops turning (a frozen window),
the pings stop and systemd restarts the exhibit. The textfile is rewritten
every :data:`TEXTFILE_EVERY_S` seconds; a folder that cannot be written is
logged once and the exhibit carries on.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import QObject, QTimer

from exhibit.core.health import Health, sd_notify, watchdog_interval_s, write_textfile

TEXTFILE_EVERY_S: Final = 15.0

logger = logging.getLogger("exhibit.health")


class Heartbeat(QObject):
    """Pings systemd's watchdog and rewrites the metrics file while the event loop runs."""

    def __init__(
        self, health: Health, metrics_file: Path | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._health = health
        self._metrics_file = metrics_file
        self._textfile_failed = False
        self._watchdog = QTimer(self)
        self._watchdog.timeout.connect(lambda: sd_notify("WATCHDOG=1"))
        interval = watchdog_interval_s()
        if interval is not None:
            self._watchdog.start(max(100, round(interval * 1000)))
        self._textfile = QTimer(self)
        self._textfile.timeout.connect(self.write_metrics)
        if metrics_file is not None:
            self._textfile.start(round(TEXTFILE_EVERY_S * 1000))
            self.write_metrics()

    def watch(self, window: Any) -> None:
        """Tell systemd the exhibit is ready once ``window`` has drawn its first frame."""

        def first_frame() -> None:
            window.frameSwapped.disconnect(first_frame)
            sd_notify("READY=1\nSTATUS=showing the exhibit")

        window.frameSwapped.connect(first_frame)

    def write_metrics(self, *, up: bool = True) -> None:
        if self._metrics_file is None:
            return
        try:
            write_textfile(self._metrics_file, self._health.metrics(up=up))
        except OSError as error:
            if not self._textfile_failed:
                self._textfile_failed = True
                logger.warning("Cannot write the metrics file %s: %s", self._metrics_file, error)

    def stop(self) -> None:
        """The exhibit is ending: say so to systemd and in the metrics file."""
        self._watchdog.stop()
        self._textfile.stop()
        sd_notify("STOPPING=1")
        self.write_metrics(up=False)
