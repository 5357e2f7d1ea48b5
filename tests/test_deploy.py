"""The deployment files: the Ansible playbooks pass Ansible's checks and lay out a kiosk.

The playbooks are checked by ``ansible-playbook --syntax-check`` and by
``ansible-lint`` (production profile), then the kiosk role is run for real
against a throwaway target: this machine, through a local connection, into
a temporary root, with ``exhibit_manage_system`` false so that no package,
user or systemd state is touched and without the slow pip install (the
role's checks use this checkout's ``exhibit``).
"""

from __future__ import annotations

import configparser
import getpass
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from exhibit.core.pin import hash_pin
from exhibit.core.settings import load_settings
from tests.conftest import PROJECT_DIR

ANSIBLE_DIR = PROJECT_DIR / "deploy" / "ansible"
BIN = Path(sys.executable).parent
PLAYBOOKS = ("site.yml", "collect-figures.yml")


def ansible(tool: str, *args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "ANSIBLE_NOCOLOR": "1",
        "ANSIBLE_LOCAL_TEMP": os.environ.get("TMPDIR", "/tmp"),
    }
    return subprocess.run(
        [str(BIN / tool), *args],
        cwd=ANSIBLE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_the_playbooks_pass_the_syntax_check() -> None:
    result = ansible(
        "ansible-playbook", "--syntax-check", "-i", "inventory.example.yml", *PLAYBOOKS
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_playbooks_pass_ansible_lint() -> None:
    result = ansible("ansible-lint", "--offline", "--nocolor")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Profile 'production' was required, and it passed" in result.stdout + result.stderr


def test_the_kiosk_role_lays_out_a_kiosk_in_a_throwaway_root(tmp_path: Path) -> None:
    root = tmp_path / "root"
    home = root / "home" / "kiosk"
    master = tmp_path / "museum-content"
    subprocess.run(["cp", "-r", str(PROJECT_DIR / "content"), str(master)], check=True)
    pin_hash = hash_pin("2468", iterations=1_000)
    variables = {
        "exhibit_manage_system": False,
        "exhibit_pip_install": False,
        "exhibit_bin": str(BIN / "exhibit"),
        "exhibit_root": str(root),
        "exhibit_home": str(home),
        "exhibit_user": getpass.getuser(),
        "exhibit_archive": str(tmp_path / "exhibit.tar.gz"),
        "exhibit_content_master": str(master),
        "exhibit_admin_pin_hash": pin_hash,
        "exhibit_language": "en",
        "ansible_become": False,
        "ansible_python_interpreter": sys.executable,
    }
    (tmp_path / "vars.json").write_text(json.dumps(variables))
    inventory = tmp_path / "inventory.yml"
    inventory.write_text(
        "all:\n  children:\n    kiosks:\n      hosts:\n"
        "        localhost:\n          ansible_connection: local\n"
    )
    result = ansible(
        "ansible-playbook", "-i", str(inventory), "site.yml", "-e", f"@{tmp_path / 'vars.json'}"
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "failed=0" in result.stdout

    # The program, from the checkout's HEAD.
    assert (home / "dbp-exhibit" / "exhibit" / "app.py").is_file()
    assert (home / "dbp-exhibit" / "deploy" / "dbp-exhibit-cage.service").is_file()
    # The content, from the museum's master folder.
    assert (home / "dbp-exhibit-content" / "exhibit.yaml").read_bytes() == (
        master / "exhibit.yaml"
    ).read_bytes()
    # The settings, with the PIN's hash, valid for a kiosk.
    settings = load_settings(home / ".config" / "dbp-exhibit" / "settings.yaml")
    assert settings.is_kiosk and settings.admin_pin_hash == pin_hash
    assert settings.language == "en" and settings.keeps_figures
    assert settings.metrics_file == str(root / "var/lib/prometheus/node-exporter/dbp-exhibit.prom")
    # The session script and the unit, with this kiosk's paths in a drop-in.
    session = root / "usr/local/bin/dbp-exhibit-session"
    assert os.access(session, os.X_OK)
    unit = root / "etc/systemd/system/dbp-exhibit-cage.service"
    assert unit.read_text() == (PROJECT_DIR / "deploy/dbp-exhibit-cage.service").read_text()
    drop_in = configparser.ConfigParser(strict=False, interpolation=None)
    drop_in.optionxform = str  # type: ignore[assignment,method-assign]
    drop_in.read(unit.parent / "dbp-exhibit-cage.service.d" / "override.conf")
    service = drop_in["Service"]
    assert service["User"] == getpass.getuser()
    assert service["ExecStart"].split("\n")[-1].split() == [
        str(session),
        str(home / "dbp-exhibit/.venv/bin/exhibit"),
        "--kiosk",
        "--content",
        str(home / "dbp-exhibit-content"),
    ]


@pytest.mark.parametrize("unit", ["dbp-exhibit-cage.service", "dbp-exhibit.service"])
def test_the_units_restart_a_crashed_or_frozen_exhibit_but_not_a_staff_exit(unit: str) -> None:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(PROJECT_DIR / "deploy" / unit)
    service = parser["Service"]
    assert service["Type"] == "notify" and service["NotifyAccess"] == "all"
    assert int(service["WatchdogSec"]) > 0
    assert service["Restart"] == "always" and service["RestartPreventExitStatus"] == "0"


@pytest.mark.parametrize("unit", ["dbp-exhibit-cage.service", "dbp-exhibit.service"])
def test_the_units_never_give_up_wait_longer_each_time_and_cap_memory(unit: str) -> None:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(PROJECT_DIR / "deploy" / unit)
    assert parser["Unit"]["StartLimitIntervalSec"] == "0"  # no burst limit that gives up
    assert "StartLimitBurst" not in parser["Unit"]
    service = parser["Service"]
    assert int(service["RestartSteps"]) > 0
    assert int(service["RestartMaxDelaySec"]) > int(service["RestartSec"])
    assert service["MemoryMax"].endswith("M") and int(service["MemoryMax"][:-1]) >= 400
