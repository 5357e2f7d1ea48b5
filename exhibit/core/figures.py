"""Anonymous visitor figures, kept on the kiosk in a local SQLite database.

A museum has to tell its funders how many people used an exhibit, in which
language and how far they got. This module records what a visit does, and
nothing about who made it:

- a visit begins (the first touch after the attract loop) and ends (the idle
  reset, the end of the program, or an error that sent the kiosk back to its
  attract loop), with its length;
- the language it began in, and each switch;
- each step viewed, with how long it stayed on screen;
- each place tapped on a map, each chapter read to its last step, each time
  the clock was set playing.

A row holds a time (whole seconds, UTC), a visit number counted on this
kiosk, what happened, and ids from the content (chapter, step, place,
language). No name, no address, no device or network identifier, no
free text: nothing to tell one visitor from another, and nothing that ever
leaves the machine except through the staff's own ``exhibit stats --export``.

:class:`VisitTracker` listens to a :class:`~exhibit.core.session.Session`
and turns its events into :class:`Row` values; :class:`FiguresWriter`
writes them on a thread of its own, so recording never holds up a frame.
A disk that is full or read-only costs the figures, never the visit: the
writer logs one warning and drops what it cannot write. Rows older than the
retention period are deleted when the writer starts and every few hours.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import astuple, dataclass, fields, replace
from pathlib import Path
from typing import Final

from exhibit.core.session import (
    CLOCK_PLAYED,
    END_EXIT,
    END_IDLE,
    PLACE_TAPPED,
    TOUCHED,
    VISIT_BEGAN,
    VISIT_ENDED,
    Activity,
    Session,
)
from exhibit.core.story import Position

logger = logging.getLogger("exhibit.figures")

SCHEMA_VERSION: Final = 1
FILE_NAME: Final = "figures.sqlite"

# What a row records (the ``kind`` column).
VISIT_START: Final = "visit_start"  # language: the language the visit began in
VISIT_END: Final = "visit_end"  # seconds: the visit's length; reason: why it ended
LANGUAGE: Final = "language"  # language: switched to; chapter/step: where
STEP: Final = "step"  # chapter, step, language; seconds: how long it was on screen
PLACE: Final = "place"  # place tapped; chapter/step: where
CHAPTER_END: Final = "chapter_end"  # chapter: its last step was reached
CLOCK_PLAY: Final = "clock_play"  # chapter/step: where the clock was started
KINDS: Final = (VISIT_START, VISIT_END, LANGUAGE, STEP, PLACE, CHAPTER_END, CLOCK_PLAY)

_COLUMNS_SQL: Final = """
    id       INTEGER PRIMARY KEY,
    at       INTEGER NOT NULL,
    visit    INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    chapter  TEXT,
    step     INTEGER,
    place    TEXT,
    language TEXT,
    seconds  REAL,
    reason   TEXT
"""
SCHEMA_SQL: Final = f"""
CREATE TABLE IF NOT EXISTS events ({_COLUMNS_SQL});
CREATE INDEX IF NOT EXISTS events_at ON events (at);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

#: How often the writer deletes rows past the retention period, besides at start.
PRUNE_EVERY_S: Final = 6 * 3600
_PAGE_SIZE: Final = 4096


def default_path(environ: dict[str, str] | None = None) -> Path:
    """``$XDG_STATE_HOME/dbp-exhibit/figures.sqlite`` (``~/.local/state`` without it)."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "dbp-exhibit" / FILE_NAME


@dataclass(frozen=True)
class Row:
    """One recorded event; the fields are the table's columns after ``id``.

    ``visit`` counts visits within one run of the program from 1; the
    writer turns it into a number that keeps counting across runs.
    """

    at: int
    visit: int
    kind: str
    chapter: str | None = None
    step: int | None = None
    place: str | None = None
    language: str | None = None
    seconds: float | None = None
    reason: str | None = None


ROW_COLUMNS: Final = tuple(f.name for f in fields(Row))


class VisitTracker:
    """Turns a session's events into rows, while a visit is open.

    In kiosk mode a visit opens when the kiosk reports :data:`VISIT_BEGAN`
    (the first touch after the attract loop) and closes at
    :data:`VISIT_ENDED`; what the attract loop shows in between is nobody's
    visit and is not recorded. With ``begin_now`` (a classroom or a
    presentation that asked for figures) the visit is the whole run.

    A visit that ends because nobody touched the screen for the idle timeout
    is taken to have ended at its last touch, and its last step's time on
    screen ends there too: the minutes the kiosk waited before resetting are
    not reading time.
    """

    def __init__(
        self,
        session: Session,
        sink: Callable[[Row], None],
        *,
        begin_now: bool = False,
        wall: Callable[[], float] = time.time,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._session = session
        self._sink = sink
        self._wall = wall
        self._clock = clock
        self._visit = 0
        self._open = False
        self._began = 0.0
        self._last_touch = 0.0
        self._shown: Position | None = None
        self._shown_since = 0.0
        self._finished: set[str] = set()
        session.on_position(self._on_position)
        session.on_language(self._on_language)
        session.on_activity(self._on_activity)
        if begin_now:
            self.begin()

    @property
    def visit_open(self) -> bool:
        return self._open

    # -- visits ---------------------------------------------------------------

    def begin(self) -> None:
        """Open a visit at the session's current place (ending one still open)."""
        if self._open:
            self.end(END_EXIT)
        now = self._clock()
        self._visit += 1
        self._open = True
        self._began = now
        self._last_touch = now
        self._finished.clear()
        self._emit(VISIT_START, language=self._session.language)
        self._enter(self._session.story.position, now)

    def end(self, reason: str) -> None:
        """Close the open visit, if any, with its length and why it ended."""
        if not self._open:
            return
        now = self._clock()
        end = self._last_touch if reason == END_IDLE else now
        self._leave(end)
        self._emit(VISIT_END, seconds=_tenths(max(0.0, end - self._began)), reason=reason)
        self._open = False

    # -- the session's events ---------------------------------------------------

    def _on_activity(self, activity: Activity) -> None:
        kind = activity.kind
        if kind == VISIT_BEGAN:
            self.begin()
        elif kind == VISIT_ENDED:
            self.end(activity.detail or END_EXIT)
        elif not self._open:
            return
        elif kind == TOUCHED:
            self._last_touch = self._clock()
        elif kind == PLACE_TAPPED:
            self._emit(PLACE, place=activity.detail, **self._where())
        elif kind == CLOCK_PLAYED:
            self._emit(CLOCK_PLAY, **self._where())

    def _on_position(self, position: Position) -> None:
        if not self._open:
            return
        now = self._clock()
        self._leave(now)
        self._enter(position, now)

    def _on_language(self, language: str) -> None:
        if self._open:
            self._emit(LANGUAGE, language=language, **self._where())

    # -- steps ------------------------------------------------------------------

    def _enter(self, position: Position, now: float) -> None:
        self._shown = None if position.on_title else position
        self._shown_since = now
        chapter = self._session.story.chapter if self._shown else None
        last = chapter is not None and position.step == len(chapter.steps) - 1
        if chapter is not None and last and chapter.id not in self._finished:
            self._finished.add(chapter.id)
            self._emit(CHAPTER_END, chapter=chapter.id)

    def _leave(self, now: float) -> None:
        shown = self._shown
        if shown is None:
            return
        self._emit(
            STEP,
            chapter=shown.chapter,
            step=shown.step,
            language=self._session.language,
            seconds=_tenths(max(0.0, now - self._shown_since)),
        )
        self._shown = None

    def _where(self) -> dict[str, object]:
        position = self._session.story.position
        if position.on_title:
            return {}
        return {"chapter": position.chapter, "step": position.step}

    def _emit(self, kind: str, **values: object) -> None:
        row = Row(at=int(self._wall()), visit=self._visit, kind=kind, **values)  # type: ignore[arg-type]
        self._sink(row)


def _tenths(seconds: float) -> float:
    return math.floor(seconds * 10 + 0.5) / 10


# ---------------------------------------------------------------------------
# The database.


def connect(path: Path, *, max_mb: float | None = None) -> sqlite3.Connection:
    """Open (creating if need be) the figures database in WAL mode, with its tables.

    ``max_mb`` caps the file's size: past it a write fails as on a full disk.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=5.0, check_same_thread=False)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    if max_mb is not None:
        pages = max(8, int(max_mb * 1_000_000 // _PAGE_SIZE))
        connection.execute(f"PRAGMA page_size={_PAGE_SIZE}")
        connection.execute(f"PRAGMA max_page_count={pages}")
    with connection:
        connection.executescript(SCHEMA_SQL)
        connection.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
        )
    return connection


def prune(connection: sqlite3.Connection, retention_days: float, now: float) -> int:
    """Delete the rows older than ``retention_days``; how many went."""
    cutoff = int(now - retention_days * 86400)
    with connection:
        cursor = connection.execute("DELETE FROM events WHERE at < ?", (cutoff,))
    return cursor.rowcount


_INSERT: Final = (
    f"INSERT INTO events ({', '.join(ROW_COLUMNS)}) VALUES ({', '.join('?' * len(ROW_COLUMNS))})"
)
_STOP: Final = object()


class FiguresWriter:
    """Writes rows to the database on its own thread; :meth:`put` never waits.

    Any failure to open or write the database (a full or read-only disk, a
    broken file) is logged once as a warning; from then on rows are
    dropped and the exhibit carries on. :attr:`failed` says whether that
    happened; :attr:`written` counts the rows that reached the database.
    """

    def __init__(
        self,
        path: Path,
        *,
        retention_days: float = 400.0,
        max_mb: float | None = None,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path)
        self.retention_days = retention_days
        self.max_mb = max_mb
        self._wall = wall
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._idle = threading.Event()
        self._idle.set()
        self.failed = False
        self.written = 0
        self._thread = threading.Thread(target=self._run, name="figures-writer", daemon=True)
        self._thread.start()

    def put(self, row: Row) -> None:
        """Queue ``row`` for writing (dropped if the database has failed)."""
        if not self.failed:
            self._idle.clear()
            self._queue.put(row)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every queued row is written (or dropped); False on timeout."""
        self._queue.put(None)  # wakes the writer, so a drained queue sets idle
        return self._idle.wait(timeout)

    def close(self, timeout: float = 10.0) -> None:
        """Write what is queued and stop the thread."""
        self._queue.put(_STOP)
        self._thread.join(timeout)

    # -- the thread ---------------------------------------------------------

    def _run(self) -> None:
        connection = None
        try:
            connection = connect(self.path, max_mb=self.max_mb)
            offset = connection.execute("SELECT COALESCE(MAX(visit), 0) FROM events").fetchone()[0]
            prune(connection, self.retention_days, self._wall())
        except Exception as error:  # a broken database must never reach the exhibit
            self._fail(error)
            offset = 0
        pruned_at = time.monotonic()
        while True:
            item = self._queue.get()
            batch: list[Row] = []
            stop = False
            while True:
                if item is _STOP:
                    stop = True
                elif isinstance(item, Row):
                    batch.append(item)
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
            if batch and connection is not None and not self.failed:
                try:
                    with connection:
                        connection.executemany(
                            _INSERT, [astuple(_renumber(row, offset)) for row in batch]
                        )
                    self.written += len(batch)
                    if time.monotonic() - pruned_at > PRUNE_EVERY_S:
                        prune(connection, self.retention_days, self._wall())
                        pruned_at = time.monotonic()
                except Exception as error:  # a broken database must never reach the exhibit
                    self._fail(error)
            if self._queue.empty():
                self._idle.set()
            if stop:
                break
        if connection is not None:
            with contextlib.suppress(sqlite3.Error):
                connection.close()
        self._idle.set()

    def _fail(self, error: BaseException) -> None:
        if not self.failed:
            self.failed = True
            logger.warning(
                "Visitor figures cannot be written to %s (%s); the exhibit carries on "
                "without them until it is restarted",
                self.path,
                error,
            )


def _renumber(row: Row, offset: int) -> Row:
    return replace(row, visit=row.visit + offset) if offset else row
