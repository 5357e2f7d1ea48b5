"""``--check`` names every asset problem and warns about a settings file others can read."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from exhibit.app import fonts_are_loadable
from exhibit.core.pin import hash_pin
from exhibit.paths import FONTS_DIR
from tests.conftest import PROJECT_DIR


def _check(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "EXHIBIT_SETTINGS"}
    return subprocess.run(
        [sys.executable, "main.py", "--check", *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _settings(tmp_path: Path, mode: int, *, pin: bool = True) -> Path:
    path = tmp_path / "settings.yaml"
    line = f'admin_pin_hash: "{hash_pin("2468", iterations=1_000)}"\n' if pin else ""
    path.write_text("mode: kiosk\n" + line, encoding="utf-8")
    path.chmod(mode)
    return path


def test_check_warns_when_others_can_read_the_pin_hash(tmp_path):
    path = _settings(tmp_path, 0o644)
    result = _check("--settings", str(path))

    assert result.returncode == 0, result.stderr
    assert f"exhibit: warning: {path}: every user of this machine can read" in result.stderr
    assert f"chmod 600 {path}" in result.stderr


@pytest.mark.parametrize(("mode", "pin"), [(0o600, True), (0o640, True), (0o644, False)])
def test_check_is_quiet_when_the_hash_is_the_kiosk_users_own(tmp_path, mode, pin):
    result = _check("--settings", str(_settings(tmp_path, mode, pin=pin)))

    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr


def test_check_warns_when_anyone_can_change_the_settings(tmp_path):
    path = _settings(tmp_path, 0o666, pin=False)
    result = _check("--settings", str(path))

    assert result.returncode == 0
    assert f"{path}: every user of this machine can change it" in result.stderr


def test_a_damaged_font_is_named_by_file(tmp_path, capsys):
    fonts = tmp_path / "fonts"
    shutil.copytree(FONTS_DIR, fonts)
    regular = fonts / "BeVietnamPro-Regular.ttf"
    regular.write_bytes(regular.read_bytes()[:5000])

    assert not fonts_are_loadable(fonts)
    err = capsys.readouterr().err
    assert f"{fonts}/BeVietnamPro-Regular.ttf:1: is cut short" in err
    assert err.count("\n") == 2  # the heading and the one font

    assert fonts_are_loadable(FONTS_DIR)
