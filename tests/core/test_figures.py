"""Visitor figures without Qt: what a visit records, what the database keeps, what fails safely."""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path

import pytest

from exhibit.core.content import load_content
from exhibit.core.figures import (
    CHAPTER_END,
    CLOCK_PLAY,
    KINDS,
    LANGUAGE,
    PLACE,
    ROW_COLUMNS,
    STEP,
    VISIT_END,
    VISIT_START,
    FiguresWriter,
    Row,
    VisitTracker,
    connect,
    default_path,
    prune,
)
from exhibit.core.figures_summary import export_csv, open_read_only, summarise
from exhibit.core.model import Exhibit
from exhibit.core.session import (
    CLOCK_PLAYED,
    END_IDLE,
    PLACE_TAPPED,
    TOUCHED,
    VISIT_BEGAN,
    VISIT_ENDED,
    Session,
)
from exhibit.core.story import Position
from exhibit.paths import ASSETS_DIR, CONTENT_DIR


class FakeClock:
    def __init__(self, start: float = 1_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def exhibit() -> Exhibit:
    return load_content(CONTENT_DIR, ASSETS_DIR)


def tracked(exhibit: Exhibit, **kwargs: object) -> tuple[Session, list[Row], FakeClock]:
    session = Session(exhibit, exhibit.default_language)
    rows: list[Row] = []
    clock = FakeClock()
    wall = lambda: 1_700_000_000 + clock.now  # noqa: E731
    VisitTracker(session, rows.append, wall=wall, clock=clock, **kwargs)  # type: ignore[arg-type]
    return session, rows, clock


def kinds(rows: list[Row]) -> list[str]:
    return [row.kind for row in rows]


def test_nothing_is_recorded_before_a_visit_begins(exhibit: Exhibit) -> None:
    session, rows, _clock = tracked(exhibit)
    # What the attract loop does: move, switch language.
    session.story.go_to(Position(exhibit.chapters[0].id, 1))
    session.toggle_language()
    session.report(PLACE_TAPPED, "hanoi")
    assert rows == []


def test_a_visit_records_its_steps_dwell_languages_places_and_end(exhibit: Exhibit) -> None:
    session, rows, clock = tracked(exhibit)
    first = exhibit.chapters[0]
    other = exhibit.language_codes[1]
    session.report(VISIT_BEGAN)
    clock.now += 2
    session.story.open_chapter(first.id)
    clock.now += 7.25
    session.report(TOUCHED)
    session.story.next()
    session.toggle_language()
    place = next(p for step in first.steps for p in step.places)
    session.report(PLACE_TAPPED, place)
    clock.now += 3
    session.report(TOUCHED)
    clock.now += 120  # walks away: nobody touches the screen until the reset
    session.report(VISIT_ENDED, END_IDLE)

    assert kinds(rows) == [VISIT_START, STEP, LANGUAGE, PLACE, STEP, VISIT_END]
    start, step0, switch, tap, step1, end = rows
    assert start.language == exhibit.default_language and start.visit == 1
    assert (step0.chapter, step0.step, step0.seconds) == (first.id, 0, 7.3)
    assert step0.language == exhibit.default_language
    assert (switch.language, switch.chapter, switch.step) == (other, first.id, 1)
    assert (tap.place, tap.chapter, tap.step) == (place, first.id, 1)
    # The idle wait after the last touch is not reading time.
    assert (step1.step, step1.seconds, step1.language) == (1, 3.0, other)
    assert (end.seconds, end.reason) == (12.3, END_IDLE)
    assert {row.visit for row in rows} == {1}


def test_reaching_a_chapters_last_step_counts_once_per_visit(exhibit: Exhibit) -> None:
    session, rows, _clock = tracked(exhibit)
    chapter = exhibit.chapters[1]
    last = len(chapter.steps) - 1
    session.report(VISIT_BEGAN)
    session.story.go_to(Position(chapter.id, last))
    session.story.previous()
    session.story.next()
    session.report(CLOCK_PLAYED)
    assert kinds(rows).count(CHAPTER_END) == 1
    assert next(r for r in rows if r.kind == CHAPTER_END).chapter == chapter.id
    assert rows[-1].kind == CLOCK_PLAY and rows[-1].step == last
    session.report(VISIT_ENDED, "exit")
    session.report(VISIT_BEGAN)
    session.story.go_to(Position(chapter.id, last))
    assert [r.visit for r in rows if r.kind == CHAPTER_END] == [1, 2]


def test_a_classroom_run_that_asked_for_figures_is_one_visit(exhibit: Exhibit) -> None:
    session, rows, _clock = tracked(exhibit, begin_now=True)
    session.story.next()
    session.report(VISIT_ENDED, "exit")
    assert kinds(rows) == [VISIT_START, STEP, VISIT_END]


# -- the database -------------------------------------------------------------


def written(tmp_path: Path, rows: list[Row], **kwargs: object) -> Path:
    path = tmp_path / "figures.sqlite"
    writer = FiguresWriter(path, **kwargs)  # type: ignore[arg-type]
    for row in rows:
        writer.put(row)
    writer.close()
    assert not writer.failed
    return path


def test_rows_reach_a_wal_database_and_visits_keep_counting_across_runs(tmp_path: Path) -> None:
    now = int(time.time())
    path = written(tmp_path, [Row(now, 1, VISIT_START, language="vi"), Row(now, 1, VISIT_END)])
    written(tmp_path, [Row(now, 1, VISIT_START, language="en"), Row(now, 2, VISIT_START)])
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        got = db.execute("SELECT visit, kind, language FROM events ORDER BY id").fetchall()
    assert got == [
        (1, VISIT_START, "vi"),
        (1, VISIT_END, None),
        (2, VISIT_START, "en"),
        (3, VISIT_START, None),
    ]


def test_the_schema_stores_nothing_personal(tmp_path: Path) -> None:
    db = connect(tmp_path / "figures.sqlite")
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"events", "meta"}
    columns = {row[1]: row[2] for row in db.execute("PRAGMA table_info(events)")}
    # Exactly these: a time, a per-kiosk visit counter, and ids from the content.
    assert columns == {
        "id": "INTEGER",
        "at": "INTEGER",
        "visit": "INTEGER",
        "kind": "TEXT",
        "chapter": "TEXT",
        "step": "INTEGER",
        "place": "TEXT",
        "language": "TEXT",
        "seconds": "REAL",
        "reason": "TEXT",
    }
    assert tuple(columns)[1:] == ROW_COLUMNS
    assert [row[1] for row in db.execute("PRAGMA table_info(meta)")] == ["key", "value"]
    assert db.execute("SELECT key FROM meta").fetchall() == [("schema",)]


def test_every_recorded_value_comes_from_the_content_or_a_fixed_list(exhibit: Exhibit) -> None:
    session, rows, clock = tracked(exhibit)
    session.report(VISIT_BEGAN)
    for chapter in exhibit.chapters:
        session.story.open_chapter(chapter.id)
        for step in chapter.steps:
            for place in step.places:
                session.report(PLACE_TAPPED, place)
            session.report(CLOCK_PLAYED)
            session.toggle_language()
            clock.now += 1
            session.story.next()
    session.report(VISIT_ENDED, END_IDLE)
    chapters = {c.id for c in exhibit.chapters}
    for row in rows:
        assert row.kind in KINDS
        assert row.chapter is None or row.chapter in chapters
        assert row.place is None or row.place in exhibit.places
        assert row.language is None or row.language in exhibit.language_codes
        assert row.reason in (None, "idle", "exit", "error")


def test_retention_deletes_rows_older_than_its_days(tmp_path: Path) -> None:
    now = 1_800_000_000
    db = connect(tmp_path / "figures.sqlite")
    with db:
        for age_days in (500, 401, 399, 0):
            db.execute(
                "INSERT INTO events (at, visit, kind) VALUES (?, 1, ?)",
                (now - age_days * 86400, VISIT_START),
            )
    assert prune(db, 400, now) == 2
    ages = [(now - at) // 86400 for (at,) in db.execute("SELECT at FROM events ORDER BY at")]
    assert ages == [399, 0]


def test_the_writer_prunes_at_start(tmp_path: Path) -> None:
    path = tmp_path / "figures.sqlite"
    with connect(path) as db:
        db.execute("INSERT INTO events (at, visit, kind) VALUES (0, 1, 'visit_start')")
    db.close()
    written(tmp_path, [], retention_days=400)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0


def test_a_full_database_drops_the_figures_with_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    writer = FiguresWriter(tmp_path / "figures.sqlite", max_mb=0.05)
    now = int(time.time())
    with caplog.at_level(logging.WARNING, logger="exhibit.figures"):
        for visit in range(1, 3000):
            writer.put(Row(now, visit, VISIT_START, language="vi", reason="x" * 200))
            if visit % 500 == 0:
                writer.flush()
        writer.close()
    assert writer.failed
    warnings = [r for r in caplog.records if r.name == "exhibit.figures"]
    assert len(warnings) == 1
    assert "full" in warnings[0].getMessage()


def test_a_database_that_cannot_be_created_drops_the_figures_with_one_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # /proc cannot be written, not even by root.
    writer = FiguresWriter(Path("/proc/exhibit-figures/figures.sqlite"))
    with caplog.at_level(logging.WARNING, logger="exhibit.figures"):
        writer.put(Row(0, 1, VISIT_START))
        writer.flush()
        writer.put(Row(0, 1, VISIT_END))
        writer.close()
    assert writer.failed and writer.written == 0
    assert len([r for r in caplog.records if r.name == "exhibit.figures"]) == 1


def test_the_default_place_is_the_users_state_folder() -> None:
    assert default_path({"XDG_STATE_HOME": "/s"}) == Path("/s/dbp-exhibit/figures.sqlite")


# -- the summary ----------------------------------------------------------------


def test_the_summary_answers_how_many_in_which_language_how_far(
    tmp_path: Path, exhibit: Exhibit, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    day = 1_717_200_000  # 2024-06-01 00:00 UTC
    vi, en = exhibit.language_codes[:2]
    chapter = exhibit.chapters[0].id
    rows = [
        Row(day + 10, 1, VISIT_START, language=vi),
        Row(day + 20, 1, STEP, chapter=chapter, step=0, language=vi, seconds=5),
        Row(day + 30, 1, PLACE, place="hanoi", chapter=chapter, step=0),
        Row(day + 40, 1, VISIT_END, seconds=30, reason="idle"),
        Row(day + 50, 2, VISIT_START, language=vi),
        Row(day + 55, 2, LANGUAGE, language=en),
        Row(day + 60, 2, STEP, chapter=chapter, step=0, language=en, seconds=50),
        Row(day + 61, 2, STEP, chapter=chapter, step=1, language=vi, seconds=2),
        Row(day + 62, 2, CHAPTER_END, chapter=chapter),
        Row(day + 63, 2, PLACE, place="hanoi"),
        Row(day + 64, 2, PLACE, place="hue"),
        Row(day + 70, 2, VISIT_END, seconds=90, reason="idle"),
        Row(day + 86400, 3, VISIT_START, language=vi),
        Row(day + 86410, 3, VISIT_END, seconds=10, reason="exit"),
    ]
    path = written(tmp_path, rows)
    summary = summarise(open_read_only(path))
    assert summary.visits == 3
    assert summary.visits_per_day == (("2024-06-01", 2), ("2024-06-02", 1))
    assert summary.median_visit_s == 30
    assert dict(summary.languages) == {vi: 2, en: 1}
    assert summary.switched_language == 1
    assert summary.chapter_ends == {chapter: 1}
    assert summary.places == (("hanoi", 2), ("hue", 1))
    later = summarise(open_read_only(path), since=day + 86400)
    assert later.visits == 1 and later.places == ()

    events, visits_csv = export_csv(open_read_only(path), tmp_path / "export")
    lines = visits_csv.read_text().splitlines()
    assert lines[0].startswith("visit,began,day,seconds,reason,language")
    assert lines[2].startswith(f"2,2024-06-01T00:00:50Z,2024-06-01,90.0,idle,{en},1,2,2,{chapter}")
    assert len(events.read_text().splitlines()) == 1 + len(rows)


# -- settings -------------------------------------------------------------------


def test_only_kiosks_keep_figures_unless_asked() -> None:
    from exhibit.core.settings import Settings

    assert Settings(mode="kiosk").keeps_figures
    assert not Settings(mode="classroom").keeps_figures
    assert not Settings(mode="presentation").keeps_figures
    assert Settings(mode="presentation", figures="always").keeps_figures
    assert not Settings(mode="kiosk", figures="off").keeps_figures


def test_figure_settings_are_checked_and_paths_follow_the_settings_file(tmp_path: Path) -> None:
    from exhibit.core.settings import load_settings
    from exhibit.core.yamlsource import ContentError

    path = tmp_path / "settings.yaml"
    path.write_text(
        "figures: always\nfigures_retention_days: 30\nfigures_file: data/f.sqlite\n"
        "metrics_file: /var/lib/prom/exhibit.prom\n"
    )
    settings = load_settings(path)
    assert settings.figures == "always" and settings.figures_retention_days == 30
    assert settings.figures_file == str(tmp_path / "data" / "f.sqlite")
    assert settings.metrics_file == "/var/lib/prom/exhibit.prom"
    path.write_text("figures: sometimes\nfigures_retention_days: 0\nfigures_max_mb: -1\n")
    with pytest.raises(ContentError) as error:
        load_settings(path)
    assert [(p.line, p.field) for p in error.value.problems] == [
        (1, "figures"),
        (2, "figures_retention_days"),
        (3, "figures_max_mb"),
    ]
