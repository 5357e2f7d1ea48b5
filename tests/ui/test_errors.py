"""An unexpected error in a handler is written down and never leaves the exhibit broken.

The guard (exhibit/qt/errors.py) replaces sys.excepthook and Qt's message
handler while it is installed, so pytest-qt's own capture of exceptions in
slots does not see these deliberate errors; the tests check the guard's log
and counters instead, and uninstall it before pytest-qt looks again.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from exhibit.qt import errors
from tests.conftest import PROJECT_DIR
from tests.ui.conftest import OpenExhibit


@pytest.fixture
def guard_factory(tmp_path: Path) -> Iterator[Callable[..., errors.ErrorGuard]]:
    installed: list[errors.ErrorGuard] = []

    def install(**kwargs: object) -> errors.ErrorGuard:
        guard = errors.install(tmp_path / "logs", echo=False, **kwargs)  # type: ignore[arg-type]
        installed.append(guard)
        return guard

    yield install
    for guard in installed:
        guard.uninstall()
    errors.set_recovery(None)


def _break(monkeypatch: pytest.MonkeyPatch, target: object, name: str) -> None:
    def boom(*_args: object) -> None:
        raise RuntimeError(f"deliberate failure in {name}")

    monkeypatch.setattr(target, name, boom)


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_the_kiosk_returns_to_a_safe_state(
    open_exhibit: OpenExhibit, guard_factory: Callable[..., errors.ErrorGuard], monkeypatch
) -> None:
    visitor = open_exhibit(language="en", open_spec="fortress/2")
    session = visitor.backends.session
    guard = guard_factory(recovery=session.reset)
    _break(monkeypatch, session.story, "next")

    visitor.tap("nextButton")
    visitor.settle(50)

    log = guard.log_path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert "RuntimeError: deliberate failure in next" in log
    assert "in next" in log  # the backend slot's frame is in the traceback
    assert guard.count == 1
    # The recovery ran: the title screen, in the default language.
    assert guard.recoveries == 1
    assert visitor.is_shown(visitor.find("titleScreen"))
    assert session.language == session.exhibit.default_language

    # And the exhibit still works.
    monkeypatch.undo()
    visitor.tap("chapterCard-offensive")
    assert visitor.backends.story.chapterId == "offensive"
    visitor.tap("nextButton")
    assert session.story.position.step == 1


@pytest.mark.qt_no_exception_capture
def test_without_a_recovery_the_exhibit_stays_where_it_is_and_keeps_working(
    open_exhibit: OpenExhibit, guard_factory: Callable[..., errors.ErrorGuard], monkeypatch
) -> None:
    visitor = open_exhibit(language="en", open_spec="offensive/3")
    session = visitor.backends.session
    guard = guard_factory()
    _break(monkeypatch, session, "toggle_language")

    visitor.tap("languageToggle")
    visitor.settle(50)

    assert guard.count == 1
    assert "deliberate failure in toggle_language" in guard.log_path.read_text(encoding="utf-8")
    assert session.story.position.chapter == "offensive"
    assert session.story.position.step == 2
    monkeypatch.undo()
    visitor.tap("languageToggle")
    assert session.language == "vi"
    visitor.tap("nextButton")
    assert session.story.position.step == 3


@pytest.mark.qt_no_exception_capture
def test_a_recovery_registered_later_is_used_and_its_own_failure_is_only_logged(
    open_exhibit: OpenExhibit, guard_factory: Callable[..., errors.ErrorGuard], monkeypatch
) -> None:
    visitor = open_exhibit(language="en", open_spec="offensive/2")
    guard = guard_factory()
    calls: list[str] = []

    def failing_recovery() -> None:
        calls.append("recover")
        raise ValueError("the recovery failed too")

    errors.set_recovery(failing_recovery)
    _break(monkeypatch, visitor.backends.session.story, "previous")
    visitor.tap("previousButton")
    visitor.settle(50)

    assert calls == ["recover"]  # once: a failing recovery is not retried in a loop
    log = guard.log_path.read_text(encoding="utf-8")
    assert "deliberate failure in previous" in log
    assert "The recovery itself failed" in log
    assert "ValueError: the recovery failed too" in log


def test_the_log_is_bounded_by_rotation_and_repeats_are_summarised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(errors, "MAX_LOG_BYTES", 4_000)
    guard = errors.ErrorGuard(tmp_path, echo=False, qt_messages=False)
    guard.install()
    try:
        for _ in range(500):  # the same error, again and again
            try:
                raise KeyError("same place every time")
            except KeyError as error:
                guard.handle_exception(KeyError, error, error.__traceback__)
        for index in range(300):  # and a flood of other lines
            guard.logger.warning("line %d %s", index, "x" * 80)
    finally:
        guard.uninstall()
    files = sorted(tmp_path.glob(errors.LOG_NAME + "*"))
    assert 1 < len(files) <= 1 + errors.LOG_BACKUPS
    assert all(f.stat().st_size <= 4_000 + 400 for f in files)
    assert guard.count == 500


def test_repeats_of_one_error_log_a_few_tracebacks_then_a_count(tmp_path: Path) -> None:
    guard = errors.ErrorGuard(tmp_path, echo=False, qt_messages=False).install()
    try:
        for _ in range(250):
            try:
                {}["missing"]
            except KeyError as error:
                guard.handle_exception(KeyError, error, error.__traceback__)
    finally:
        guard.uninstall()
    log = (tmp_path / errors.LOG_NAME).read_text(encoding="utf-8")
    assert log.count("Traceback (most recent call last)") == errors.FULL_REPEATS
    assert "seen 200 times" in log
    # Each entry starts with a timestamp.
    first = log.splitlines()[0]
    assert first[:4].isdigit() and " ERROR exhibit: " in first


def test_an_unwritable_log_folder_falls_back_to_stderr(tmp_path: Path, capsys) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    guard = errors.ErrorGuard(blocked / "logs", echo=False, qt_messages=False).install()
    try:
        try:
            raise OSError("disk trouble")
        except OSError as error:
            guard.handle_exception(OSError, error, error.__traceback__)
    finally:
        guard.uninstall()
    err = capsys.readouterr().err
    assert "cannot write the log" in err
    assert "OSError: disk trouble" in err


def test_uninstall_restores_the_previous_hooks(tmp_path: Path) -> None:
    before = sys.excepthook
    guard = errors.install(tmp_path, echo=False, qt_messages=False)
    assert sys.excepthook == guard.handle_exception
    guard.uninstall()
    assert sys.excepthook is before
    assert errors.current() is None
    assert not logging.getLogger(errors.LOGGER_NAME).handlers


_BROKEN_MAIN = """
import sys
from exhibit.core.session import Session

original = Session.text


def text(self, key, **fields):
    if key == "step_of":
        raise RuntimeError("deliberate failure in step_of")
    return original(self, key, **fields)


Session.text = text
from exhibit.app import main

sys.exit(main(sys.argv[1:]))
"""


def test_the_program_logs_to_the_settings_log_dir_and_carries_on(tmp_path: Path) -> None:
    """main() installs the guard: an error while drawing is logged, the screenshot still made."""
    script = tmp_path / "broken_main.py"
    script.write_text(_BROKEN_MAIN, encoding="utf-8")
    settings = tmp_path / "settings.yaml"
    settings.write_text("log_dir: logs\n", encoding="utf-8")  # relative to the settings file
    shot = tmp_path / "shot.png"
    env = {k: v for k, v in os.environ.items() if k != "EXHIBIT_SETTINGS"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(PROJECT_DIR))
    command = [sys.executable, str(script), "--settings", str(settings)]
    command += ["--open", "offensive/2", "--screenshot", str(shot)]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert shot.is_file()
    log = (tmp_path / "logs" / errors.LOG_NAME).read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert "RuntimeError: deliberate failure in step_of" in log
