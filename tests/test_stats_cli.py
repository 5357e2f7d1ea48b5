"""``exhibit stats``: summary, CSV export, report, and many kiosks combined in DuckDB."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pytest

from exhibit.app import main as app_main
from exhibit.core.figures import FiguresWriter, Row
from tests.conftest import PROJECT_DIR

DAY = 1_717_243_200  # 2024-06-01 12:00 UTC


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


def visit(n: int, at: int, language: str, *, finished: tuple[str, ...] = (), places=()) -> list:
    rows = [Row(at, n, "visit_start", language="vi")]
    if language != "vi":
        rows.append(Row(at + 1, n, "language", language=language, chapter="offensive", step=0))
    rows.append(Row(at + 2, n, "step", chapter="offensive", step=0, language=language, seconds=40))
    rows += [Row(at + 3, n, "place", place=p, chapter="offensive", step=0) for p in places]
    rows += [Row(at + 4, n, "chapter_end", chapter=c) for c in finished]
    rows.append(Row(at + 60, n, "visit_end", seconds=60 + n, reason="idle"))
    return rows


def kiosk_database(path: Path, visits: list[list[Row]]) -> Path:
    writer = FiguresWriter(path, retention_days=3650)
    for rows in visits:
        for row in rows:
            writer.put(row)
    writer.close()
    assert not writer.failed
    return path


def run_stats(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = app_main(["stats", *map(str, args)])
    return status, capsys.readouterr().out


def test_the_summary_names_chapters_and_places_from_the_content(tmp_path, capsys):
    db = kiosk_database(
        tmp_path / "a.sqlite",
        [
            visit(1, DAY, "vi", finished=("offensive",), places=("kon-tum", "playku")),
            visit(2, DAY + 600, "en", places=("kon-tum",)),
            visit(3, DAY + 86400, "vi"),
        ],
    )
    status, out = run_stats(capsys, "--figures", db, "--lang", "en")
    assert status == 0
    assert "2024-06-01 to 2024-06-02: 3 visits on 2 days" in out
    assert "Median visit length: 1 min 02 s" in out
    assert "  2024-06-01       2  " in out
    assert "Tiếng Việt (vi)               2   67%" in out
    assert "English (en)                  1   33%" in out
    assert "switched language during the visit: 1 (33%)" in out
    assert "1. The Winter–Spring offensive" in out
    # The content writes names with no-break spaces, so a line never splits one.
    assert "Kon\u00a0Tum" in out.split("Most tapped places")[1].splitlines()[1]


def test_export_and_report_write_their_files(tmp_path, capsys, qapp):
    # qapp: the report draws in the tests' own Qt application, as later tests expect one.
    db = kiosk_database(tmp_path / "a.sqlite", [visit(1, DAY, "vi", places=("kon-tum",))])
    out_dir = tmp_path / "export"
    report = tmp_path / "report.pdf"
    status, _ = run_stats(capsys, "--figures", db, "--export", out_dir, "--report", report)
    assert status == 0
    assert (out_dir / "events.csv").read_text().count("\n") == 1 + 4
    assert (
        (out_dir / "visits.csv")
        .read_text()
        .splitlines()[1]
        .startswith("1,2024-06-01T12:00:00Z,2024-06-01,61.0,idle,vi,0,1,1,")
    )
    assert report.read_bytes().startswith(b"%PDF")
    png = tmp_path / "report.png"
    assert run_stats(capsys, "--figures", db, "--report", png)[0] == 0
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert (image.width(), image.height()) == (1600, 1131)


def test_without_a_database_stats_says_so(tmp_path, capsys):
    assert app_main(["stats", "--figures", str(tmp_path / "none.sqlite")]) == 1
    assert "no visitor figures" in capsys.readouterr().err


def test_duckdb_combines_two_kiosks_exports_with_the_readmes_query(tmp_path, capsys, monkeypatch):
    exports = tmp_path / "exports"
    a = kiosk_database(
        tmp_path / "a.sqlite",
        [
            visit(1, DAY, "vi", finished=("offensive",), places=("kon-tum",)),
            visit(2, DAY + 60, "en", finished=("offensive", "fortress"), places=("kon-tum",)),
        ],
    )
    b = kiosk_database(
        tmp_path / "b.sqlite",
        [
            visit(1, DAY + 30 * 86400, "en", finished=("final-day",), places=("playku",)),
            visit(2, DAY + 120, "vi"),
        ],
    )
    for name, db in (("hall-a", a), ("hall-b", b)):
        assert run_stats(capsys, "--figures", db, "--export", exports / name)[0] == 0

    query = (PROJECT_DIR / "deploy" / "combine-figures.sql").read_text()
    assert query.strip() in (PROJECT_DIR / "deploy" / "README.md").read_text()
    monkeypatch.chdir(tmp_path)
    connection = duckdb.connect()
    *setup, places_sql, monthly_sql = [s for s in query.split(";") if s.strip()]
    for statement in setup:
        connection.execute(statement)
    assert connection.execute(places_sql).fetchall() == [("kon-tum", 2), ("playku", 1)]
    rows = connection.execute(monthly_sql).fetchall()
    assert rows == [
        # kiosk, month, visits, median s, vi, en, chapter 1, 2, 3
        ("hall-a", "2024-06", 2, 62.0, 1, 1, 2, 1, 0),
        ("hall-b", "2024-06", 1, 62.0, 1, 0, 0, 0, 0),
        ("", "2024-06", 3, 62.0, 2, 1, 2, 1, 0),
        ("hall-b", "2024-07", 1, 61.0, 0, 1, 0, 0, 1),
        ("", "2024-07", 1, 61.0, 0, 1, 0, 0, 1),
    ]
