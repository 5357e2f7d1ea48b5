"""Visitor figures and the heartbeat, through the real kiosk window.

A scripted visit (the first touch on the attract loop, a chapter, a language
switch, a place, a step, then walking away until the idle reset) must leave
exactly the expected rows; a database that cannot be written must leave the
exhibit running with one warning.
"""

from __future__ import annotations

import logging
import socket
import sqlite3
import time
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from exhibit.core.figures import FiguresWriter, connect
from exhibit.core.health import Health
from exhibit.core.settings import Settings
from exhibit.qt.heartbeat import Heartbeat
from tests.ui.harness import Visitor
from tests.ui.test_modes import shown, start_kiosk

TIME_SCALE = 40.0  # the 20 s idle timeout and 20 s notice pass in one real second
CHAPTER = "offensive"
PLACE = "bac-tay-nguyen"


def kiosk() -> Settings:
    # Reduced motion: at this time scale the idle timeout is half a real second,
    # shorter than the map's flight to a chapter's first step, so a visit that
    # waits for the map to be still would be taken for a visitor who left.
    return Settings(
        mode="kiosk",
        idle_timeout_s=20,
        idle_warning_s=20,
        attract_step_s=120,
        reduced_motion=True,
    )


def tap_place(visitor: Visitor, place_id: str) -> None:
    canvas = visitor.find("mapCanvas")
    visitor.qtbot.waitUntil(lambda: not canvas.property("moving"), timeout=3000)
    visitor.settle(60)
    visitor.tap(visitor.find(f"place-{place_id}"))
    visitor.settle(400)


def walk_away(visitor: Visitor) -> None:
    visitor.qtbot.waitUntil(lambda: shown(visitor, "idleNotice"), timeout=3000)
    visitor.qtbot.waitUntil(lambda: shown(visitor, "attractOverlay"), timeout=3000)


def stored(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(
            "SELECT visit, kind, chapter, step, place, language, reason FROM events ORDER BY id"
        ).fetchall()


def test_a_scripted_kiosk_visit_leaves_exactly_the_expected_rows(open_exhibit, tmp_path):
    path = tmp_path / "figures.sqlite"
    writer = FiguresWriter(path)
    visitor = open_exhibit(settings=kiosk(), time_scale=TIME_SCALE, figures=writer)
    visitor.settle(200)  # the attract loop is nobody's visit
    start_kiosk(visitor)
    visitor.tap(f"chapterCard-{CHAPTER}")
    visitor.tap("languageToggle")
    tap_place(visitor, PLACE)
    visitor.tap("nextButton")
    walk_away(visitor)
    start_kiosk(visitor)  # the next visitor, who leaves when the exhibit is closed
    visitor.running.close()
    writer.close()

    assert not writer.failed
    assert stored(path) == [
        (1, "visit_start", None, None, None, "vi", None),
        (1, "language", CHAPTER, 0, None, "en", None),
        (1, "place", CHAPTER, 0, PLACE, None, None),
        (1, "step", CHAPTER, 0, None, "en", None),
        (1, "step", CHAPTER, 1, None, "en", None),
        (1, "visit_end", None, None, None, None, "idle"),
        (2, "visit_start", None, None, None, "vi", None),
        (2, "visit_end", None, None, None, None, "exit"),
    ]
    with sqlite3.connect(path) as db:
        seconds = dict(db.execute("SELECT kind, seconds FROM events WHERE visit = 1").fetchall())
    # The idle wait (40 s of exhibit time) is not counted in the visit's length.
    assert 0 < seconds["visit_end"] < 30


def test_a_classroom_keeps_no_figures_unless_asked(open_exhibit, tmp_path):
    from exhibit.app import open_figures

    assert open_figures(Settings(mode="classroom")) is None
    assert open_figures(Settings(mode="presentation")) is None
    writer = FiguresWriter(tmp_path / "figures.sqlite")
    visitor = open_exhibit(settings=Settings(figures="always"), figures=writer)
    visitor.tap(f"chapterCard-{CHAPTER}")
    visitor.running.close()
    writer.close()
    assert [row[1] for row in stored(tmp_path / "figures.sqlite")] == [
        "visit_start",
        "step",
        "visit_end",
    ]


def full_database(tmp_path: Path) -> FiguresWriter:
    """A database already at its size limit: the next row finds the disk full."""
    path = tmp_path / "figures.sqlite"
    db = connect(path)
    now = int(time.time())
    with db:
        db.executemany(
            "INSERT INTO events (at, visit, kind, reason) VALUES (?, ?, 'visit_start', ?)",
            [(now, n, "x" * 300) for n in range(300)],
        )
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return FiguresWriter(path, max_mb=pages * 4096 / 1_000_000)


def unwritable_database(tmp_path: Path) -> FiguresWriter:
    """A database on a file system nobody may write, not even root."""
    return FiguresWriter(Path("/proc/exhibit-figures/figures.sqlite"))


@pytest.mark.parametrize("make", [full_database, unwritable_database], ids=["full", "read-only"])
def test_a_database_that_cannot_be_written_leaves_the_exhibit_running(
    open_exhibit, tmp_path, caplog, make
):
    writer = make(tmp_path)
    with caplog.at_level(logging.WARNING, logger="exhibit.figures"):
        visitor = open_exhibit(settings=kiosk(), time_scale=TIME_SCALE, figures=writer)
        for _ in range(2):
            start_kiosk(visitor)
            visitor.tap(f"chapterCard-{CHAPTER}")
            visitor.tap("languageToggle")
            visitor.tap("nextButton")
            assert writer.flush()
            walk_away(visitor)
        start_kiosk(visitor)
        visitor.tap(f"chapterCard-{CHAPTER}")
        assert shown(visitor, "stepTitle")  # the visit goes on
        visitor.running.close()
        writer.close()
    assert writer.failed
    warnings = [r for r in caplog.records if r.name == "exhibit.figures"]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]


def test_the_heartbeat_says_ready_after_the_first_frame_and_pings_the_watchdog(
    open_exhibit, tmp_path, monkeypatch
):
    address = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(address)
        sock.settimeout(0)
        monkeypatch.setenv("NOTIFY_SOCKET", address)
        monkeypatch.setenv("WATCHDOG_USEC", "400000")  # a ping every 0.2 s
        monkeypatch.delenv("WATCHDOG_PID", raising=False)
        received: list[bytes] = []

        def drain() -> list[bytes]:
            try:
                while True:
                    received.append(sock.recv(4096))
            except BlockingIOError:
                pass
            return received

        visitor = open_exhibit(settings=kiosk(), time_scale=TIME_SCALE)
        metrics = tmp_path / "exhibit.prom"
        health = Health(visitor.backends.session, content_version="v1")
        heartbeat = Heartbeat(health, metrics)
        heartbeat.watch(visitor.window)
        visitor.window.update()
        visitor.qtbot.waitUntil(
            lambda: any(m.startswith(b"READY=1") for m in drain()), timeout=3000
        )
        visitor.qtbot.waitUntil(lambda: drain().count(b"WATCHDOG=1") >= 2, timeout=3000)
        start_kiosk(visitor)
        heartbeat.write_metrics()
        found = {
            s.name: s.value
            for family in text_string_to_metric_families(metrics.read_text())
            for s in family.samples
        }
        assert found["exhibit_up"] == 1 and found["exhibit_visits_total"] == 1
        assert found["exhibit_last_touch_time_seconds"] == pytest.approx(time.time(), abs=30)
        heartbeat.stop()
        assert b"STOPPING=1" in drain()
        assert "exhibit_up 0" in metrics.read_text()
