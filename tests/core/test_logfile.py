"""The log says once that it cannot be written (a full disk), instead of a traceback a line."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from exhibit.core.logfile import QuietRotatingFileHandler


def _logger(path: Path) -> tuple[logging.Logger, QuietRotatingFileHandler]:
    handler = QuietRotatingFileHandler(path, maxBytes=10_000, backupCount=1, encoding="utf-8")
    logger = logging.getLogger(f"test-logfile-{path.parent.name}")
    logger.propagate = False
    logger.addHandler(handler)
    return logger, handler


def test_a_full_disk_is_one_line_on_stderr_not_a_flood(tmp_path, capsys):
    full = tmp_path / "exhibit.log"
    full.symlink_to("/dev/full")  # every write fails with "No space left on device"
    logger, handler = _logger(full)
    try:
        for index in range(200):
            logger.error("Qt: a warning %d", index)
    finally:
        logger.removeHandler(handler)
        handler.close()

    err = capsys.readouterr().err
    assert "Logging error" not in err and "Traceback" not in err
    assert err.count("\n") == 1, err
    assert "No space left on device" in err
    assert handler.failures == 200


def test_a_writable_log_says_nothing_on_stderr(tmp_path, capsys):
    logger, handler = _logger(tmp_path / "exhibit.log")
    try:
        logger.error("written")
    finally:
        logger.removeHandler(handler)
        handler.close()

    assert capsys.readouterr().err == ""
    assert "written" in (tmp_path / "exhibit.log").read_text(encoding="utf-8")


@pytest.mark.parametrize("times", [2, 3])
def test_each_new_failure_after_a_recovery_is_told_once(tmp_path, capsys, times):
    path = tmp_path / "exhibit.log"
    logger, handler = _logger(path)
    try:
        for _ in range(times):
            path.unlink(missing_ok=True)
            path.symlink_to("/dev/full")
            handler.close()  # reopen on the next line: now the full device
            for _ in range(5):
                logger.error("lost")
            path.unlink()
            handler.close()  # and now a plain file again
            logger.error("kept")
    finally:
        logger.removeHandler(handler)
        handler.close()

    assert capsys.readouterr().err.count("\n") == times
