"""A desktop as a blind visitor's laptop has it: a session bus, the AT-SPI bus,
an X server, the exhibit's real window with accessibility on, and a screen
reader's view of it (``walker.py``, run by Debian's Python with pyatspi).

Every process is private to one test: the session bus and the X display are
new (``Xvfb -displayfd`` picks a free display), and the exhibit keeps its
user-level state under the test's temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from tests.conftest import PROJECT_DIR

SYSTEM_PYTHON = Path("/usr/bin/python3")
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
WALKER = Path(__file__).with_name("walker.py")
APP_NAME = "Dien Bien Phu 1954"  # QGuiApplication.applicationName(), in exhibit/app.py

#: The one Qt warning a screen reader's queries cause that says nothing about
#: the exhibit: pyatspi asks every application for a private bus address,
#: which Qt does not offer (the reader then uses the shared bus).
EXPECTED_QT_NOISE = (
    'AtSpiAdaptor::applicationInterface does not implement "GetApplicationBusAddress"',
)


def missing_tools() -> list[str]:
    """What this machine lacks to run the screen-reader tests (.ci/run installs it)."""
    missing = [str(tool) for tool in (BUS_LAUNCHER, SYSTEM_PYTHON) if not tool.exists()]
    missing += [tool for tool in ("dbus-daemon", "Xvfb") if shutil.which(tool) is None]
    if SYSTEM_PYTHON.exists():
        probe = subprocess.run(
            [str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True, check=False
        )
        if probe.returncode != 0:
            missing.append("python3-pyatspi")
    return missing


@dataclass
class Node:
    """One accessible object, as the screen reader got it."""

    path: tuple[int, ...]
    role: str
    name: str
    description: str
    states: frozenset[str]
    text: str | None
    actions: tuple[str, ...]
    locale: str | None = None
    value: float | None = None

    @property
    def showing(self) -> bool:
        return "showing" in self.states

    @property
    def words(self) -> str:
        """What is spoken for it: its text if it has one, else its name."""
        return self.text if self.text else self.name

    def inside(self, other: Node) -> bool:
        return self.path[: len(other.path)] == other.path and self.path != other.path


@dataclass
class Snapshot:
    """The whole tree once: the application's locale and every node in reading order."""

    locale: str
    nodes: list[Node]

    def showing(self) -> list[Node]:
        """The nodes reported as showing, and whose every ancestor is showing."""
        shown: list[Node] = []
        hidden: list[tuple[int, ...]] = []
        for node in self.nodes:
            if any(node.path[: len(h)] == h for h in hidden):
                continue
            if node.path and not node.showing:
                hidden.append(node.path)
                continue
            shown.append(node)
        return shown

    def heard(self) -> list[str]:
        """What a screen reader reading the window from the top says, line by line.

        Texts are read as they are; a control is read as its name and role
        ("Next, push button"), as Orca does when it passes over one.
        """
        lines = []
        for node in self.showing():
            if node.role in ("application", "frame", "filler", "panel", "unknown"):
                continue
            words = node.words.strip()
            if not words:
                continue
            if node.role in TEXT_ROLES:
                lines.append(words)
            else:
                lines.append(f"{words}, {node.role}")
        return lines

    def find(self, name: str, role: str | None = None) -> Node | None:
        for node in self.showing():
            if node.name == name and (role is None or node.role == role):
                return node
        return None


TEXT_ROLES = frozenset({"label", "heading", "paragraph", "static", "text"})


class ReaderSession:
    """The processes of one screen-reader test, started by :meth:`start`."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.env: dict[str, str] = {}
        self.processes: list[subprocess.Popen[bytes]] = []
        self.app: subprocess.Popen[bytes] | None = None
        self.app_log = workdir / "exhibit.log"
        self._walker: subprocess.Popen[str] | None = None
        self._logs: list[IO[Any]] = []

    # -- the desktop --------------------------------------------------------

    def start(self, size: tuple[int, int] = (1280, 720)) -> None:
        home = self.workdir / "home"
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_RUNTIME_DIR": str(self.workdir / "run"),
        }
        (self.workdir / "run").mkdir(mode=0o700, exist_ok=True)
        bus = self._spawn(["dbus-daemon", "--session", "--nofork", "--print-address=1"], env)
        env["DBUS_SESSION_BUS_ADDRESS"] = _first_line(bus.stdout, "dbus-daemon")
        x_server = self._spawn(
            [
                "Xvfb",
                "-displayfd",
                "1",
                "-screen",
                "0",
                f"{size[0]}x{size[1]}x24",
                "-nolisten",
                "tcp",
            ],
            env,
        )
        env["DISPLAY"] = ":" + _first_line(x_server.stdout, "Xvfb")
        self._spawn([str(BUS_LAUNCHER), "--launch-immediately"], env, stdout=subprocess.DEVNULL)
        self.env = env

    def open_exhibit(self, *args: str) -> None:
        """Start the exhibit's real window (xcb) with accessibility on.

        ``args`` are the exhibit's command-line options.
        """
        env = {
            **self.env,
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_QUICK_CONTROLS_STYLE": "Basic",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        log = self.app_log.open("wb")
        self._logs.append(log)
        self.app = subprocess.Popen(
            [sys.executable, str(PROJECT_DIR / "main.py"), *args],
            env=env,
            cwd=PROJECT_DIR,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(self.app)

    # -- the screen reader --------------------------------------------------

    def ask(self, command: str, **arguments: Any) -> dict[str, Any]:
        walker = self._reader()
        assert walker.stdin is not None and walker.stdout is not None
        walker.stdin.write(json.dumps({"cmd": command, **arguments}) + "\n")
        walker.stdin.flush()
        line = walker.stdout.readline()
        if not line:
            raise RuntimeError(f"the walker stopped; see {self.workdir / 'walker.log'}")
        answer = json.loads(line)
        if not answer.pop("ok"):
            raise AssertionError(f"screen reader: {command}: {answer['error']}")
        return answer

    def connect(self, timeout: float = 30.0) -> dict[str, Any]:
        """Wait for the exhibit on the accessibility bus (failing at once if it stopped)."""
        deadline = time.monotonic() + timeout
        while True:
            if self.app is not None and self.app.poll() is not None:
                raise AssertionError(f"the exhibit stopped:\n{self.app_log.read_text()}")
            try:
                return self.ask("find_app", name=APP_NAME, timeout=1.0)
            except AssertionError:
                if time.monotonic() > deadline:
                    raise

    def read(self) -> Snapshot:
        answer = self.ask("read")
        nodes = [
            Node(
                path=tuple(raw["path"]),
                role=raw["role"],
                name=raw["name"],
                description=raw["description"],
                states=frozenset(raw["states"]),
                text=raw["text"],
                actions=tuple(raw["actions"]),
                locale=raw.get("locale"),
                value=raw.get("value"),
            )
            for raw in answer["nodes"]
        ]
        return Snapshot(answer["locale"], nodes)

    def act(self, name: str, role: str | None = "push button", action: str = "Press") -> None:
        assert self.ask("act", name=name, role=role, action=action)["done"]

    def read_until(
        self, condition: Callable[[Snapshot], bool], timeout: float = 10.0, what: str = ""
    ) -> Snapshot:
        """Read the tree again until ``condition`` holds (the window answers asynchronously)."""
        deadline = time.monotonic() + timeout
        while True:
            snapshot = self.read()
            if condition(snapshot):
                return snapshot
            if time.monotonic() > deadline:
                heard = "\n".join(snapshot.heard())
                raise AssertionError(f"waited {timeout} s for {what or condition}; heard:\n{heard}")
            time.sleep(0.1)

    def _reader(self) -> subprocess.Popen[str]:
        if self._walker is None:
            log = (self.workdir / "walker.log").open("w", encoding="utf-8")
            self._logs.append(log)
            self._walker = subprocess.Popen(
                [str(SYSTEM_PYTHON), "-u", str(WALKER)],
                env={**self.env, "PYTHONDONTWRITEBYTECODE": "1"},
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                encoding="utf-8",
            )
        return self._walker

    # -- the end ------------------------------------------------------------

    def close_exhibit(self) -> str:
        """Stop the exhibit as a session ends (SIGTERM); return what it printed."""
        if self.app is not None and self.app.poll() is None:
            self.app.send_signal(signal.SIGTERM)
            try:
                self.app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.app.kill()
                self.app.wait()
        return self.app_log.read_text(encoding="utf-8", errors="replace")

    def warnings(self) -> list[str]:
        """The exhibit's warnings and errors, less the known reader noise."""
        found = []
        for line in self.app_log.read_text(encoding="utf-8", errors="replace").splitlines():
            if not any(level in line for level in ("WARNING", "ERROR", "CRITICAL", "Traceback")):
                continue
            if any(noise in line for noise in EXPECTED_QT_NOISE):
                continue
            found.append(line)
        return found

    def stop(self) -> None:
        if self._walker is not None:
            try:
                if self._walker.stdin is not None:
                    self._walker.stdin.write(json.dumps({"cmd": "quit"}) + "\n")
                    self._walker.stdin.close()
                self._walker.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                self._walker.kill()
                self._walker.wait()
        self.close_exhibit()
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    stream.close()
        if self._walker is not None and self._walker.stdout is not None:
            self._walker.stdout.close()
        for log in self._logs:
            log.close()

    def _spawn(
        self, command: list[str], env: dict[str, str], stdout: int = subprocess.PIPE
    ) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            command,
            env=env,
            stdout=stdout,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.processes.append(process)
        return process


def _first_line(stream: IO[bytes] | None, what: str) -> str:
    assert stream is not None
    line = stream.readline().decode().strip()
    if not line:
        raise RuntimeError(f"{what} did not start")
    return line


def main(argv: list[str]) -> int:
    """Print what a screen reader hears on a screen: ``python -m tests.screen_reader.session
    --lang vi --open final-day/3`` (the exhibit's own options; needs the desktop tools)."""
    import tempfile

    missing = missing_tools()
    if missing:
        print(f"needs {', '.join(missing)}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="screen-reader-") as folder:
        session = ReaderSession(Path(folder))
        try:
            session.start()
            session.open_exhibit("--size", "1280x720", "--reduced-motion", *argv)
            session.connect()
            time.sleep(1.0)  # let the first frames settle
            snapshot = session.read()
            print(f"[locale {snapshot.locale}]")
            for node in snapshot.showing():
                words = node.words.strip()
                if words and node.role not in ("application", "frame", "filler"):
                    print(f"{node.role}: {words}")
        finally:
            session.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
