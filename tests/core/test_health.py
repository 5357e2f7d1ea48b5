"""systemd notifications and the Prometheus textfile, without Qt."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from exhibit.core.content import load_content
from exhibit.core.health import Health, sd_notify, watchdog_interval_s, write_textfile
from exhibit.core.session import END_EXIT, END_IDLE, TOUCHED, VISIT_BEGAN, VISIT_ENDED, Session
from exhibit.paths import ASSETS_DIR, CONTENT_DIR


@pytest.fixture(scope="module")
def session() -> Session:
    return Session(load_content(CONTENT_DIR, ASSETS_DIR))


def receiver(tmp_path: Path) -> tuple[socket.socket, str]:
    path = str(tmp_path / "notify.sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(5)
    return sock, path


def test_sd_notify_sends_a_datagram_to_the_notify_socket(tmp_path: Path) -> None:
    sock, path = receiver(tmp_path)
    with sock:
        assert sd_notify("READY=1\nSTATUS=attract loop", {"NOTIFY_SOCKET": path})
        assert sock.recv(4096) == b"READY=1\nSTATUS=attract loop"


def test_sd_notify_reaches_an_abstract_socket() -> None:
    name = f"exhibit-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        sock.settimeout(5)
        assert sd_notify("WATCHDOG=1", {"NOTIFY_SOCKET": "@" + name})
        assert sock.recv(64) == b"WATCHDOG=1"


def test_without_systemd_nothing_is_sent_and_nothing_fails(tmp_path: Path) -> None:
    assert not sd_notify("READY=1", {})
    assert not sd_notify("READY=1", {"NOTIFY_SOCKET": "relative"})
    assert not sd_notify("READY=1", {"NOTIFY_SOCKET": str(tmp_path / "gone.sock")})


def test_the_watchdog_is_pinged_at_half_its_timeout() -> None:
    assert watchdog_interval_s({"WATCHDOG_USEC": "30000000"}) == 15.0
    assert watchdog_interval_s({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}) is None
    mine = {"WATCHDOG_USEC": "4000000", "WATCHDOG_PID": str(os.getpid())}
    assert watchdog_interval_s(mine) == 2.0
    assert watchdog_interval_s({}) is None
    assert watchdog_interval_s({"WATCHDOG_USEC": "x"}) is None


def samples(text: str) -> dict[str, tuple[dict[str, str], float]]:
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[sample.name] = (sample.labels, sample.value)
    return found


def test_the_textfile_parses_as_prometheus_text_and_counts_the_sessions_events(
    tmp_path: Path, session: Session
) -> None:
    errors = [0]
    clock = [1_700_000_000.5]
    health = Health(
        session, content_version='ab"12', errors=lambda: errors[0], wall=lambda: clock[0]
    )
    before = samples(health.metrics())
    assert before["exhibit_up"] == ({}, 1.0)
    assert before["exhibit_last_touch_time_seconds"][1] == 0
    assert before["exhibit_visits_total"][1] == 0

    session.report(VISIT_BEGAN)
    clock[0] += 60
    session.report(TOUCHED)
    session.report(VISIT_ENDED, END_IDLE)
    session.report(VISIT_BEGAN)
    session.report(VISIT_ENDED, END_EXIT)
    errors[0] = 3
    path = tmp_path / "textfile" / "exhibit.prom"
    write_textfile(path, health.metrics())
    after = samples(path.read_text())
    assert after["exhibit_visits_total"][1] == 2
    assert after["exhibit_idle_resets_total"][1] == 1
    assert after["exhibit_errors_total"][1] == 3
    assert after["exhibit_last_touch_time_seconds"][1] == 1_700_000_060.5
    assert after["exhibit_start_time_seconds"][1] == 1_700_000_000.5
    assert after["exhibit_content_info"] == ({"version": 'ab"12'}, 1.0)
    assert [p.name for p in path.parent.iterdir()] == ["exhibit.prom"]  # no temporary left


def test_the_textfile_is_replaced_whole(tmp_path: Path) -> None:
    path = tmp_path / "exhibit.prom"
    path.write_text("old\n")
    inode = path.stat().st_ino
    write_textfile(path, "exhibit_up 1\n")
    assert path.read_text() == "exhibit_up 1\n"
    assert path.stat().st_ino != inode  # a rename, not a rewrite in place
    assert oct(path.stat().st_mode & 0o777) == "0o644"
