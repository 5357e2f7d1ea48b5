"""The real kiosk session: the exhibit alone inside cage, on Qt's Wayland platform.

Starts ``deploy/dbp-exhibit-session`` (what ``dbp-exhibit-cage.service`` runs)
with cage on its headless backend, waits for the exhibit's ``READY=1`` on a
notification socket as systemd would, takes a screenshot with grim, and
checks that it shows the attract screen: it must look like the attract
screen rendered offscreen at the same size, and unlike the title screen
without it. cage refuses to run as root, so as root (CI) it runs in a user
namespace where the process is not root.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PROJECT_DIR

SESSION = PROJECT_DIR / "deploy" / "dbp-exhibit-session"
WIDTH, HEIGHT = 1280, 720  # the size of cage's headless output

pytestmark = pytest.mark.skipif(
    not (shutil.which("cage") and shutil.which("grim")),
    reason="needs cage and grim (Debian packages; .ci/run installs them)",
)


def _no_core_dumps() -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def difference(a: Path, b: Path) -> float:
    """Mean difference of two pictures' colours (0-255), compared at 64x36."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    def small(path: Path) -> QImage:
        image = QImage(str(path))
        assert not image.isNull(), path
        return image.convertToFormat(QImage.Format.Format_RGB32).scaled(
            64, 36, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )

    left, right = small(a), small(b)
    total = 0
    for y in range(36):
        for x in range(64):
            p, q = left.pixelColor(x, y), right.pixelColor(x, y)
            total += abs(p.red() - q.red()) + abs(p.green() - q.green()) + abs(p.blue() - q.blue())
    return total / (64 * 36 * 3)


def offscreen_screenshot(tmp_path: Path, name: str, *args: str) -> Path:
    """The exhibit rendered offscreen on a screen of cage's size."""
    screens = tmp_path / "screens.json"
    screen = {"name": "s", "x": 0, "y": 0, "width": WIDTH, "height": HEIGHT, "dpr": 1}
    screens.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96}]}))
    out = tmp_path / f"{name}.png"
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screens}"}
    subprocess.run(
        [sys.executable, "-m", "exhibit", *args, "--screenshot", str(out)],
        env=env,
        check=True,
        timeout=120,
        cwd=tmp_path,
    )
    return out


def test_the_exhibit_runs_in_cage_on_wayland_and_shows_the_attract_screen(tmp_path):
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    settings = tmp_path / "settings.yaml"
    settings.write_text(
        "mode: kiosk\nattract_step_s: 120\nfigures_file: figures.sqlite\n"
        "metrics_file: exhibit.prom\n"
    )
    notify = tmp_path / "notify.sock"
    receiver = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    receiver.bind(str(notify))
    receiver.settimeout(1)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "XDG_RUNTIME_DIR": str(runtime),
        **{f"XDG_{kind}_HOME": str(tmp_path / kind.lower()) for kind in ("CONFIG", "CACHE")},
        **{f"XDG_{kind}_HOME": str(tmp_path / kind.lower()) for kind in ("DATA", "STATE")},
        "WLR_BACKENDS": "headless",
        "WLR_LIBINPUT_NO_DEVICES": "1",
        "NOTIFY_SOCKET": str(notify),
        # What systemd gives the unit's main process: the session script.
        "WATCHDOG_USEC": "2000000",
        "WATCHDOG_PID": str(os.getpid()),
    }
    command = [
        str(SESSION),
        sys.executable,
        "-m",
        "exhibit",
        "--kiosk",
        "--settings",
        str(settings),
    ]
    if os.geteuid() == 0:
        command = ["unshare", "--user", *command]
    log = (tmp_path / "session.log").open("w")
    session = subprocess.Popen(
        command,
        env={**env, "PYTHONPATH": str(PROJECT_DIR)},
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
        preexec_fn=_no_core_dumps,
        start_new_session=True,
    )
    messages: list[bytes] = []
    try:
        deadline = time.monotonic() + 90
        while not any(m.startswith(b"READY=1") for m in messages):
            assert session.poll() is None, (tmp_path / "session.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "the exhibit never said READY=1"
            with contextlib.suppress(TimeoutError):
                messages.append(receiver.recv(4096))
        sockets = sorted(runtime.glob("wayland-*[0-9]"))
        assert sockets, "cage made no Wayland socket"
        grim_env = {**env, "WAYLAND_DISPLAY": sockets[0].name}
        reference = offscreen_screenshot(tmp_path, "attract", "--settings", str(settings))
        title = offscreen_screenshot(tmp_path, "title", "--classroom", "--size", "1280x720")
        shot = tmp_path / "grim.png"
        # cage shows the exhibit's own buffer on the screen; a capture taken
        # between two of its frames can be the previous frame, so try a few.
        best = float("inf")
        for _ in range(20):
            subprocess.run(["grim", str(shot)], env=grim_env, check=True, timeout=30)
            best = min(best, difference(shot, reference))
            if best < 2.5:
                break
            time.sleep(0.5)
        unlike = difference(shot, title)
        assert best < 2.5, f"the screen does not look like the attract screen ({best:.1f})"
        assert unlike > 3 * best, (unlike, best)
        # The pulse reaches systemd's watchdog, and the metrics file says the exhibit is up.
        deadline = time.monotonic() + 10
        while b"WATCHDOG=1" not in messages and time.monotonic() < deadline:
            with contextlib.suppress(TimeoutError):
                messages.append(receiver.recv(4096))
        assert b"WATCHDOG=1" in messages
        assert "exhibit_up 1" in (tmp_path / "exhibit.prom").read_text()
    finally:
        if session.poll() is None:
            os.killpg(session.pid, signal.SIGTERM)
            try:
                session.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(session.pid, signal.SIGKILL)
                session.wait(10)
        receiver.close()
        log.close()
