"""Telling the machine that the exhibit is alive: systemd's watchdog and a Prometheus file.

A kiosk that crashed is restarted by systemd; one whose window froze is not,
unless it tells systemd that it is alive and stops telling it when it is
not. :func:`sd_notify` sends systemd's notification messages (``READY=1``,
``WATCHDOG=1``, ``STATUS=...``) over the datagram socket named by
``$NOTIFY_SOCKET``, with the standard library only. The Qt layer sends
``WATCHDOG=1`` from its event loop, so a loop that stops turning stops the
pings and systemd restarts the service after ``WatchdogSec``.

A museum with several kiosks watches them from one place. :class:`Health`
counts what a floor manager asks about (visits, idle resets, errors, the
last touch) from the session's events, and :func:`write_textfile` writes
them in Prometheus' text format, atomically (a temporary file renamed over
the old one), for node_exporter's textfile collector.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import socket
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Final

from exhibit.core.session import END_IDLE, TOUCHED, VISIT_BEGAN, VISIT_ENDED, Activity, Session

logger = logging.getLogger("exhibit.health")

NOTIFY_SOCKET: Final = "NOTIFY_SOCKET"
WATCHDOG_USEC: Final = "WATCHDOG_USEC"
WATCHDOG_PID: Final = "WATCHDOG_PID"


def sd_notify(message: str, environ: Mapping[str, str] | None = None) -> bool:
    """Send ``message`` to systemd's notification socket; False if there is none or it failed.

    Supports a socket path and Linux's abstract namespace (a name starting
    with ``@``). Never raises.
    """
    env = os.environ if environ is None else environ
    address = env.get(NOTIFY_SOCKET, "")
    if not address or address[0] not in "/@":
        return False
    target = "\0" + address[1:] if address[0] == "@" else address
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(target)
            sock.sendall(message.encode())
    except OSError:
        return False
    return True


def watchdog_interval_s(environ: Mapping[str, str] | None = None) -> float | None:
    """How often to send ``WATCHDOG=1``: half of systemd's ``WatchdogSec``, or None if unset.

    systemd sets ``WATCHDOG_USEC`` (and ``WATCHDOG_PID``, which must be this
    process, if it is set) when the unit has a watchdog.
    """
    env = os.environ if environ is None else environ
    pid = env.get(WATCHDOG_PID, "")
    if pid and pid != str(os.getpid()):
        return None
    try:
        usec = int(env.get(WATCHDOG_USEC, ""))
    except ValueError:
        return None
    return usec / 2_000_000 if usec > 0 else None


class Health:
    """What a monitor asks of a kiosk, counted from its session's events."""

    def __init__(
        self,
        session: Session,
        *,
        content_version: str = "",
        errors: Callable[[], int] = lambda: 0,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.content_version = content_version
        self.visits = 0
        self.idle_resets = 0
        self.last_touch: float | None = None
        self._errors = errors
        self._wall = wall
        self.started = wall()
        session.on_activity(self._on_activity)

    def _on_activity(self, activity: Activity) -> None:
        if activity.kind == VISIT_BEGAN:
            self.visits += 1
        elif activity.kind == VISIT_ENDED and activity.detail == END_IDLE:
            self.idle_resets += 1
        elif activity.kind == TOUCHED:
            self.last_touch = self._wall()

    def metrics(self, *, up: bool = True) -> str:
        """The figures in Prometheus' text exposition format (``up`` False: stopping)."""
        version = _label(self.content_version or "unknown")
        lines = [
            *_metric("exhibit_up", "gauge", "1 while the exhibit runs.", int(up)),
            *_metric(
                "exhibit_start_time_seconds",
                "gauge",
                "When the exhibit started, in Unix time.",
                self.started,
            ),
            *_metric(
                "exhibit_last_touch_time_seconds",
                "gauge",
                "When a visitor last touched the screen, in Unix time (0: not since the start).",
                self.last_touch or 0,
            ),
            *_metric(
                "exhibit_visits_total", "counter", "Visits begun since the start.", self.visits
            ),
            *_metric(
                "exhibit_idle_resets_total",
                "counter",
                "Returns to the attract loop after nobody touched the screen.",
                self.idle_resets,
            ),
            *_metric(
                "exhibit_errors_total",
                "counter",
                "Unexpected errors caught and logged since the start.",
                self._errors(),
            ),
            "# HELP exhibit_content_info The content the exhibit shows (a hash of its files).",
            "# TYPE exhibit_content_info gauge",
            f'exhibit_content_info{{version="{version}"}} 1',
        ]
        return "\n".join(lines) + "\n"


def _metric(name: str, kind: str, help_text: str, value: float) -> list[str]:
    return [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}", f"{name} {_number(value)}"]


def _number(value: float) -> str:
    if isinstance(value, int) or (math.isfinite(value) and value == int(value)):
        return str(int(value))
    return repr(float(value))


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def write_textfile(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` atomically: a reader sees the old file or the new one.

    The temporary file is made in the same folder (so the rename cannot
    cross file systems) with a name node_exporter ignores (not ``*.prom``).
    Raises OSError if the folder cannot be written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
