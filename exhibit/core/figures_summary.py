"""What a kiosk's visitor figures add up to, and the same figures as CSV files.

:func:`summarise` answers a manager's questions from one kiosk's database
(see :mod:`exhibit.core.figures`): visits per day, how long a visit lasts,
in which language, how many reached the end of each chapter, which places
were tapped most. :func:`export_csv` writes the rows and one line per visit
as CSV for the museum's own tools; many kiosks' exports are read together
with DuckDB (``deploy/README.md``).

Days are the kiosk's local days: a museum counts the visitors of its own
opening hours.
"""

from __future__ import annotations

import csv
import sqlite3
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from exhibit.core.figures import (
    CHAPTER_END,
    CLOCK_PLAY,
    LANGUAGE,
    PLACE,
    ROW_COLUMNS,
    STEP,
    VISIT_END,
    VISIT_START,
)

EVENTS_CSV: Final = "events.csv"
VISITS_CSV: Final = "visits.csv"
VISIT_COLUMNS: Final = (
    "visit",
    "began",
    "day",
    "seconds",
    "reason",
    "language",
    "switched_language",
    "steps",
    "places",
    "chapters_finished",
    "clock_played",
)


def open_read_only(path: Path) -> sqlite3.Connection:
    """Open a figures database for reading; raises sqlite3.Error if it is not one."""
    if not path.is_file():
        raise sqlite3.OperationalError(f"no figures database at {path}")
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    connection.execute("SELECT COUNT(*) FROM events").fetchone()
    return connection


@dataclass(frozen=True)
class Visit:
    """One visit, put together from its rows."""

    visit: int
    began: int
    day: str
    seconds: float | None
    reason: str | None
    language: str | None
    switched_language: bool
    steps: int
    places: int
    chapters_finished: tuple[str, ...]
    clock_played: bool


@dataclass(frozen=True)
class Summary:
    visits: int
    visits_per_day: tuple[tuple[str, int], ...]
    median_visit_s: float | None
    #: Visits by the language they spent most of their time in (their first if they saw no step).
    languages: tuple[tuple[str, int], ...]
    switched_language: int
    #: Per chapter id, visits that reached its last step.
    chapter_ends: dict[str, int]
    #: The most tapped places and their taps, most first.
    places: tuple[tuple[str, int], ...]
    clock_played: int


def visits(connection: sqlite3.Connection, since: int | None = None) -> list[Visit]:
    """Every visit begun at or after ``since`` (Unix time; None: all), oldest first."""
    rows = connection.execute(
        "SELECT visit, at, kind, chapter, step, place, language, seconds, reason,"
        " date(at, 'unixepoch', 'localtime') FROM events"
        " WHERE visit IN (SELECT visit FROM events WHERE kind = ? AND at >= ?)"
        " ORDER BY visit, id",
        (VISIT_START, _floor(since)),
    ).fetchall()
    grouped: dict[int, list[tuple]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row)
    result = []
    for number, items in grouped.items():
        start = next(r for r in items if r[2] == VISIT_START)
        end = next((r for r in items if r[2] == VISIT_END), None)
        seen: Counter[str] = Counter()
        for r in items:
            if r[2] == STEP and r[6]:
                seen[r[6]] += r[7] or 0.0
        language = max(seen, key=lambda code: seen[code]) if seen else start[6]
        result.append(
            Visit(
                visit=number,
                began=start[1],
                day=start[9],
                seconds=end[7] if end else None,
                reason=end[8] if end else None,
                language=language,
                switched_language=any(r[2] == LANGUAGE for r in items),
                steps=sum(1 for r in items if r[2] == STEP),
                places=sum(1 for r in items if r[2] == PLACE),
                chapters_finished=tuple(r[3] for r in items if r[2] == CHAPTER_END and r[3]),
                clock_played=any(r[2] == CLOCK_PLAY for r in items),
            )
        )
    return result


def summarise(
    connection: sqlite3.Connection, *, since: int | None = None, top: int = 10
) -> Summary:
    """The figures of the visits begun at or after ``since`` (Unix time; None: all)."""
    all_visits = visits(connection, since)
    per_day = Counter(v.day for v in all_visits)
    lengths = [v.seconds for v in all_visits if v.seconds is not None]
    languages = Counter(v.language for v in all_visits if v.language)
    chapter_ends: Counter[str] = Counter()
    for v in all_visits:
        chapter_ends.update(set(v.chapters_finished))
    places = connection.execute(
        "SELECT place, COUNT(*) AS taps FROM events WHERE kind = ? AND place IS NOT NULL"
        " AND visit IN (SELECT visit FROM events WHERE kind = ? AND at >= ?)"
        " GROUP BY place ORDER BY taps DESC, place LIMIT ?",
        (PLACE, VISIT_START, _floor(since), top),
    ).fetchall()
    return Summary(
        visits=len(all_visits),
        visits_per_day=tuple(sorted(per_day.items())),
        median_visit_s=statistics.median(lengths) if lengths else None,
        languages=tuple(languages.most_common()),
        switched_language=sum(1 for v in all_visits if v.switched_language),
        chapter_ends=dict(chapter_ends),
        places=tuple((str(place), int(taps)) for place, taps in places),
        clock_played=sum(1 for v in all_visits if v.clock_played),
    )


def export_csv(
    connection: sqlite3.Connection, directory: Path, *, since: int | None = None
) -> list[Path]:
    """Write ``events.csv`` (every row) and ``visits.csv`` (one line a visit); their paths.

    Times are written as ISO 8601 in UTC (``began``, ``time``) besides the
    kiosk's local ``day``, so files from kiosks in different time zones
    still line up.
    """
    directory.mkdir(parents=True, exist_ok=True)
    events_path = directory / EVENTS_CSV
    visits_path = directory / VISITS_CSV
    cursor = connection.execute(
        f"SELECT id, {', '.join(ROW_COLUMNS)} FROM events WHERE visit IN"
        " (SELECT visit FROM events WHERE kind = ? AND at >= ?) ORDER BY id",
        (VISIT_START, _floor(since)),
    )
    with events_path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(("id", "time", *ROW_COLUMNS))
        for row in cursor:
            writer.writerow((row[0], _iso(row[1]), *(_cell(value) for value in row[1:])))
    with visits_path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(VISIT_COLUMNS)
        for v in visits(connection, since):
            writer.writerow(
                (
                    v.visit,
                    _iso(v.began),
                    v.day,
                    _cell(v.seconds),
                    _cell(v.reason),
                    _cell(v.language),
                    int(v.switched_language),
                    v.steps,
                    v.places,
                    " ".join(v.chapters_finished),
                    int(v.clock_played),
                )
            )
    return [events_path, visits_path]


def _floor(since: int | None) -> int:
    return since if since is not None else -(2**62)


def _iso(at: int) -> str:
    return datetime.fromtimestamp(at, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _cell(value: object) -> object:
    return "" if value is None else value


def chapter_order(summary: Summary, chapter_ids: Sequence[str]) -> list[tuple[str, int]]:
    """The chapters' end counts in the content's order, zeros included."""
    return [(chapter_id, summary.chapter_ends.get(chapter_id, 0)) for chapter_id in chapter_ids]
