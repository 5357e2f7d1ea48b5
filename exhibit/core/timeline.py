"""The final day as a clock: where each event sits, and what the clock shows between them.

The "final-day" chapter tells 7 May 1954 hour by hour. The UI draws an analog
clock, a sky and a timeline bar, and lets a visitor scrub through the day or
let it play. Everything it needs to know about *time* is decided here, in plain
Python, so it can be tested without a window:

* where each event sits on the day (:meth:`Timeline.from_chapter`), including
  the events the source gives no hour for, which get a tick on the timeline
  bar but never an invented time: the clock shows their window, with the
  hands at its end (:attr:`TimelineEvent.window`,
  :attr:`TimelineEvent.hand_minute`);
* how long the hands take from one event to the next
  (:func:`sweep_duration_ms`, :func:`move_duration_ms`);
* when the sky is night, dawn, day, noon and sunset (:data:`SKY_KEYFRAMES`;
  the colours of each, and the blend between them, are the UI's);
* the state of every stronghold and which escape paths are drawn at any minute
  (:meth:`Timeline.states_at`, :meth:`Timeline.paths_at`);
* the timeline bar's span, the event a finger on it lands on
  (:meth:`Timeline.nearest_event_index`), and the autoplay pacing.

Minutes are minutes after midnight on 7 May 1954, local time, from 0 to 1440.
Functions that take a minute accept floats so an animation can ask about any
instant between two events.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from exhibit.core.model import Chapter, EventTime, StrongholdState, Text

DAY_MINUTES = 1440

# -- the clock's sweep -------------------------------------------------------

#: A sweep between two different minutes never takes less than this, so even a
#: one-minute step is seen to happen.
SWEEP_MIN_MS = 900
#: Nor more than this: a visitor waits about a second whatever the gap, because
#: a long sweep for a long gap would make the afternoon feel slower than the
#: morning for no reason the visitor can see.
SWEEP_MAX_MS = 1200
#: Extra milliseconds per minute of clock time, so a five-hour gap is felt as a
#: slightly longer sweep than a five-minute one (then capped at SWEEP_MAX_MS).
SWEEP_MS_PER_MINUTE = 0.5
#: With reduced motion the hands do not travel; the clock cross-fades this long.
FADE_MS = 250

SWEEP = "sweep"
FADE = "fade"

# -- the sky -----------------------------------------------------------------

#: Sunrise and sunset at Điện Biên Phủ (about 21.4° N, 103.0° E, UTC+7) in early
#: May, to the nearest five minutes. They only set the sky's colour; they are
#: never shown to a visitor.
SUNRISE_MINUTE = 5 * 60 + 25
SUNSET_MINUTE = 18 * 60 + 35

#: Daylight rises from 0 to 1 over this stretch around sunrise: the sky starts
#: to pale about three quarters of an hour before the sun is up, and is full day
#: a little over an hour after.
DAWN_START = SUNRISE_MINUTE - 45
DAWN_END = SUNRISE_MINUTE + 75
#: And falls from 1 to 0 over the mirror stretch around sunset, so the night
#: retreat from Hồng Cúm ("taking advantage of the darkness") happens under a
#: night sky.
DUSK_START = SUNSET_MINUTE - 75
DUSK_END = SUNSET_MINUTE + 45
NOON_MINUTE = 12 * 60

#: The sky's phases: each has a top and a bottom colour in the UI's theme.
NIGHT = "night"
DAWN = "dawn"
DAY = "day"
NOON = "noon"
SUNSET = "sunset"

#: The sky through the day as ``(minute, phase)``, sorted by minute, from 0 to
#: 1440, night at both ends so the sky is continuous across midnight. Between
#: two keyframes the UI blends the two phases' colours in proportion to the
#: minute.
SKY_KEYFRAMES: tuple[tuple[int, str], ...] = (
    (0, NIGHT),
    (DAWN_START, NIGHT),
    (SUNRISE_MINUTE, DAWN),
    (DAWN_END, DAY),
    (NOON_MINUTE, NOON),
    (DUSK_START, DAY),
    (SUNSET_MINUTE, SUNSET),
    (DUSK_END, NIGHT),
    (DAY_MINUTES, NIGHT),
)

# -- autoplay ----------------------------------------------------------------

#: How long the whole day plays when the chapter does not say.
DEFAULT_PLAY_SECONDS = 60.0
#: No event is shown for less than this in autoplay, however many there are:
#: a visitor needs time to read at least the title.
MIN_DWELL_SECONDS = 3.0

#: The timeline bar starts this long before the first event's hour and ends
#: this long after the last event, so neither sits at the very edge of the bar
#: where a finger cannot quite reach it.
BAR_MARGIN_MINUTES = 60


# -- the events --------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEvent:
    """One step of the chapter: where it sits on the timeline bar, and what the clock shows.

    ``minute`` is where the timeline bar puts the event's tick. For an exact
    event it is the event's own time; for an event the source gives no hour
    for (``exact`` is False) it is only a place inside the event's window,
    chosen so that the ticks run forward through the day, and is never shown
    as a time: the clock shows the window (:attr:`window`) as an arc with the
    hands at its end (:attr:`hand_minute`), and the readout its label
    (:meth:`display_time`).

    A step without a time (the campaign's totals) is kept so that indexes
    match the chapter's steps; it has ``is_totals`` set and sits at the minute
    of the last event, the end of the day.
    """

    index: int
    step_id: str
    minute: int
    exact: bool
    label: Text | None = None
    is_totals: bool = False
    earliest: int | None = None
    latest: int | None = None

    @property
    def window(self) -> tuple[int, int] | None:
        """``(start, end)`` minutes of the window the source gives, or None for an exact time."""
        if self.exact or self.is_totals or self.earliest is None or self.latest is None:
            return None
        return (self.earliest, self.latest)

    @property
    def hand_minute(self) -> int:
        """Where the clock's hands rest for this event: always a minute the content gives.

        An exact event's own time; for a window, its end ("by 9 am" puts the
        hands at nine, the window drawn behind them); the totals keep the
        minute of the day's last event.
        """
        window = self.window
        if window is not None:
            return window[1]
        if self.exact and self.earliest is not None:
            return self.earliest
        return self.minute

    def display_time(self, language: str, fallback: str | None = None) -> str:
        """What to print next to the clock: "HH:MM", the window's label, or "".

        Only exact events get digits, and those are the source's own time,
        not the placed minute. An event with a window shows its label ("The
        night of 7 May") in ``language``; the totals step shows nothing.
        """
        if self.exact and self.earliest is not None:
            return format_clock(self.earliest)
        if self.label is not None:
            return self.label.get(language, fallback)
        return ""


def format_clock(minute: int) -> str:
    """``"HH:MM"`` for a whole minute after midnight (1440 is ``"24:00"``)."""
    hours, minutes = divmod(int(minute), 60)
    return f"{hours:02d}:{minutes:02d}"


def _round_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded to the nearest integer, halves up.

    Integer arithmetic keeps placements identical on every machine, and halves
    going up (19:37.5 becomes 19:38) is what a visitor reading a clock expects.
    """
    return (2 * numerator + denominator) // (2 * denominator)


def _fit(
    targets: Sequence[int],
    lows: Sequence[int],
    highs: Sequence[int],
    floor: int | None,
    ceiling: int | None,
) -> list[int] | None:
    """Non-decreasing minutes near ``targets``, each in its ``[low, high]``, or None.

    The first is also at least ``floor`` and the last at most ``ceiling``.
    Each minute's true bounds are narrowed by its neighbours' (no minute may
    be below an earlier event's low, nor above a later event's high); the
    targets, clamped into those, then only need a running maximum.
    """
    count = len(targets)
    low_bounds: list[int] = []
    current = floor
    for low in lows:
        current = low if current is None else max(current, low)
        low_bounds.append(current)
    high_bounds = [0] * count
    current = ceiling
    for n in range(count - 1, -1, -1):
        current = highs[n] if current is None else min(current, highs[n])
        high_bounds[n] = current
    if any(low > high for low, high in zip(low_bounds, high_bounds, strict=True)):
        return None
    placed: list[int] = []
    for target, low, high in zip(targets, low_bounds, high_bounds, strict=True):
        minute = min(max(target, low), high)
        placed.append(minute if not placed else max(minute, placed[-1]))
    return placed


def _fit_strictly(
    targets: Sequence[int],
    lows: Sequence[int],
    highs: Sequence[int],
    floor: int | None,
    ceiling: int | None,
) -> list[int] | None:
    """Like :func:`_fit`, but each minute at least one after the one before.

    Whole minutes ``x[n]`` increase strictly exactly when ``x[n] - n`` does
    not decrease, so this is :func:`_fit` on minutes shifted by their index.
    """
    last = len(targets) - 1
    shifted = _fit(
        [t - n for n, t in enumerate(targets)],
        [low - n for n, low in enumerate(lows)],
        [high - n for n, high in enumerate(highs)],
        floor,
        None if ceiling is None else ceiling - last,
    )
    return None if shifted is None else [m + n for n, m in enumerate(shifted)]


def _place_run(
    windows: Sequence[tuple[int, int]], left: int | None, right: int | None
) -> list[int]:
    """Minutes for a run of consecutive windowed events between exact neighbours.

    The run is spread evenly across the open interval between its neighbours
    (or, where it has none, the run's own outer window edges), so the clock
    visibly moves between each pair of events. Each minute is then kept
    inside its own window and the run in order: strictly between the
    neighbours and strictly increasing if the windows leave room, else
    strictly increasing but level with a neighbour, else merely in order.
    """
    lows = [min(a, b) for a, b in windows]
    highs = [max(a, b) for a, b in windows]
    lo = min(lows) if left is None else max(left, min(lows))
    hi = max(highs) if right is None else min(right, max(highs))
    hi = max(hi, lo)
    count = len(windows)
    targets = [lo + _round_half_up((hi - lo) * (n + 1), count + 1) for n in range(count)]
    after = None if left is None else left + 1
    before = None if right is None else right - 1
    attempts = (
        (_fit_strictly, after, before),
        (_fit_strictly, after, right),
        (_fit_strictly, left, before),
        (_fit_strictly, left, right),
        (_fit, left, right),
        (_fit, None, None),
    )
    for fit, floor, ceiling in attempts:
        placed = fit(targets, lows, highs, floor, ceiling)
        if placed is not None:
            return placed
    # Only content that was never validated (windows out of order) gets here.
    return [min(max(t, low), high) for t, low, high in zip(targets, lows, highs, strict=True)]


def place_minutes(times: Sequence[EventTime]) -> list[int]:
    """The clock minute for each of a day's event times, given in time order.

    Exact times stay where they are. Each run of consecutive windowed times is
    placed by :func:`_place_run` between the exact times either side of it:
    exact 04:00, two events windowed 04:00-09:00, exact 09:00 gives 05:40 and
    07:20.
    """
    placed: list[int] = [t.earliest for t in times]
    n = 0
    while n < len(times):
        if times[n].exact:
            n += 1
            continue
        end = n
        while end < len(times) and not times[end].exact:
            end += 1
        left = placed[n - 1] if n > 0 else None
        right = times[end].earliest if end < len(times) else None
        windows = [(t.earliest, t.latest) for t in times[n:end]]
        placed[n:end] = _place_run(windows, left, right)
        n = end
    return placed


# -- the timeline ------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Timeline:
    """The final day's events on the clock, and what is true at any minute.

    Built once per chapter with :meth:`from_chapter`. ``events`` has one entry
    per step of the chapter, in the chapter's order, so ``events[i].index ==
    i`` and an event index is a step index; ``changes[i]`` and ``paths[i]``
    are that step's stronghold state changes and the line places it draws.
    ``strongholds`` lists every place the timed events change, in order of
    first mention (the totals may name more, shown from the totals on);
    ``path_ids`` every line place the steps draw.

    Everything that depends on the clock is a pure function of the minute, so
    scrubbing backwards restores exactly what was shown before.
    """

    events: tuple[TimelineEvent, ...]
    changes: tuple[Mapping[str, StrongholdState], ...] = ()
    paths: tuple[tuple[str, ...], ...] = ()
    play_seconds: float = DEFAULT_PLAY_SECONDS
    strongholds: tuple[str, ...] = field(init=False)
    path_ids: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        # A place the day's events name is holding until its event; one first
        # named by the totals (a stronghold that fell before this day) is not
        # shown holding through the day, only taken at the end.
        timed_changes = (
            change
            for event, change in zip(self.events, self.changes, strict=False)
            if not event.is_totals
        )
        strongholds = dict.fromkeys(place for change in timed_changes for place in change)
        path_ids = dict.fromkeys(place for drawn in self.paths for place in drawn)
        object.__setattr__(self, "strongholds", tuple(strongholds))
        object.__setattr__(self, "path_ids", tuple(path_ids))

    @classmethod
    def from_chapter(cls, chapter: Chapter) -> Timeline:
        """The chapter's steps as events on the clock (see :func:`place_minutes`).

        The content loader has already checked that events are in time order
        and that untimed steps come last. An untimed step sits at the minute
        of the timed event before it (or of the first event, if none is
        before it), so the clock stands still on it.
        """
        timed = [(n, step.time) for n, step in enumerate(chapter.steps) if step.time is not None]
        placed = dict(
            zip(
                (n for n, _ in timed),
                place_minutes([time for _, time in timed]),
                strict=True,
            )
        )
        events: list[TimelineEvent] = []
        current = placed[timed[0][0]] if timed else 0
        for n, step in enumerate(chapter.steps):
            time = step.time
            if time is None:
                events.append(TimelineEvent(n, step.id, current, exact=False, is_totals=True))
                continue
            current = placed[n]
            events.append(
                TimelineEvent(
                    index=n,
                    step_id=step.id,
                    minute=current,
                    exact=time.exact,
                    label=time.label,
                    earliest=time.earliest,
                    latest=time.latest,
                )
            )
        play_seconds = chapter.play_seconds
        return cls(
            events=tuple(events),
            changes=tuple(step.states for step in chapter.steps),
            paths=tuple(step.paths for step in chapter.steps),
            play_seconds=DEFAULT_PLAY_SECONDS if play_seconds is None else float(play_seconds),
        )

    # -- the day's span and the timeline bar --

    @property
    def timed_events(self) -> tuple[TimelineEvent, ...]:
        """The events with a time, i.e. every event but the totals."""
        return tuple(event for event in self.events if not event.is_totals)

    @property
    def first_minute(self) -> int:
        """The placed minute of the day's first event (0 if there is none)."""
        timed = self.timed_events
        return timed[0].minute if timed else 0

    @property
    def last_minute(self) -> int:
        """The placed minute of the day's last event: the end of the day."""
        timed = self.timed_events
        return timed[-1].minute if timed else 0

    @property
    def start_minute(self) -> int:
        """Where the timeline bar starts: an hour before the first event's hour."""
        if not self.timed_events:
            return 0
        hour = self.first_minute // 60 * 60
        return max(0, min(DAY_MINUTES, hour - BAR_MARGIN_MINUTES))

    @property
    def end_minute(self) -> int:
        """Where the timeline bar ends: an hour after the last event."""
        if not self.timed_events:
            return DAY_MINUTES
        return max(0, min(DAY_MINUTES, self.last_minute + BAR_MARGIN_MINUTES))

    def event_index_at(self, minute: float) -> int:
        """The event a scrubbing finger at ``minute`` is on: the last one at or before it.

        Before the first event, the first event. The totals step is never
        chosen: it shares the last event's minute and would hide it; the
        totals are reached by "next" or by autoplay. Of two events at the same
        minute the later one is chosen, since at that minute both have
        happened.
        """
        chosen: int | None = None
        for event in self.timed_events:
            if event.minute <= minute or chosen is None:
                chosen = event.index
            if event.minute > minute:
                break
        return 0 if chosen is None else chosen

    def nearest_event_index(self, minute: float) -> int:
        """The event whose tick on the timeline bar is nearest to ``minute``.

        What a finger lands on when it taps or lets go of the bar, and what
        the clock, the plan and the text follow while it drags: the event
        whose tick the handle is over. Of two ticks equally near, the later
        one. The totals step has no tick and is never chosen.
        """
        chosen: int | None = None
        best = math.inf
        for event in self.timed_events:
            distance = abs(event.minute - minute)
            if distance <= best:
                chosen, best = event.index, distance
        return 0 if chosen is None else chosen

    # -- what the map shows --

    def states_at(self, minute: float) -> dict[str, StrongholdState]:
        """Every stronghold any event names, as it stands at ``minute``.

        A stronghold is holding until its first event; after that it is what
        the latest event at or before ``minute`` made it. The totals have no
        time: what they change is shown only at the totals
        (:meth:`states_after_event`).
        """
        states = dict.fromkeys(self.strongholds, StrongholdState.HOLDING)
        for event, change in zip(self.events, self.changes, strict=False):
            if event.minute <= minute and not event.is_totals:
                states.update(change)
        return states

    def states_after_event(self, index: int) -> dict[str, StrongholdState]:
        """Every stronghold as it stands once event ``index`` has happened.

        Unlike :meth:`states_at` this counts events, not minutes, so of two
        events at the same minute the first is shown without the second.
        """
        states = dict.fromkeys(self.strongholds, StrongholdState.HOLDING)
        for change in self.changes[: max(0, index + 1)]:
            states.update(change)
        return states

    def paths_at(self, minute: float) -> frozenset[str]:
        """The line places (escape routes) drawn at ``minute``: each from its event on."""
        return frozenset(
            place
            for event, drawn in zip(self.events, self.paths, strict=False)
            if event.minute <= minute
            for place in drawn
        )

    def paths_after_event(self, index: int) -> frozenset[str]:
        """The line places drawn once event ``index`` has happened."""
        return frozenset(place for drawn in self.paths[: max(0, index + 1)] for place in drawn)

    # -- autoplay --

    def play_schedule(
        self, total_seconds: float | None = None, *, reduced_motion: bool = False
    ) -> list[float]:
        """How many seconds to stay on each event when the day plays by itself.

        One entry per event (totals included). Entry ``i`` is the time event
        ``i`` stays on screen once the clock has arrived there, before the
        clock moves on to event ``i + 1``. The sweeps between events (see
        :func:`sweep_duration_ms`) come out of ``total_seconds`` (by default
        the chapter's ``play_seconds``) first; what is left is shared equally,
        because every card is a short label of about the same length, with at
        least :data:`MIN_DWELL_SECONDS` each, so with many events the day may
        play longer than asked rather than too fast to read.
        """
        if not self.events:
            return []
        total = self.play_seconds if total_seconds is None else float(total_seconds)
        moving = (
            sum(
                sweep_duration_ms(a.minute, b.minute, reduced_motion=reduced_motion)
                for a, b in zip(self.events, self.events[1:], strict=False)
            )
            / 1000.0
        )
        share = (total - moving) / len(self.events)
        return [max(MIN_DWELL_SECONDS, share)] * len(self.events)


# -- the clock's hands -------------------------------------------------------


def sweep_duration_ms(from_minute: float, to_minute: float, reduced_motion: bool = False) -> int:
    """How long the clock takes to go from one minute to another, in milliseconds.

    About a second whatever the gap (:data:`SWEEP_MIN_MS` plus a little for a
    longer gap, capped at :data:`SWEEP_MAX_MS`), so stepping through the day
    has a steady rhythm. With reduced motion it is a short fade. Nothing to do
    is 0.
    """
    if from_minute == to_minute:
        return 0
    if reduced_motion:
        return FADE_MS
    gap = abs(to_minute - from_minute)
    return int(min(SWEEP_MAX_MS, SWEEP_MIN_MS + round(gap * SWEEP_MS_PER_MINUTE)))


def move_duration_ms(from_minute: float, to_minute: float, reduced_motion: bool = False) -> int:
    """How long a move from one event to another takes on the clock stage.

    The hands' sweep (:func:`sweep_duration_ms`); when they have nowhere to go
    (two events of the same window, or a window ending at the next event's
    hour) the move still takes :data:`SWEEP_MIN_MS`, so what the new event
    draws on the plan is seen to happen. With reduced motion, a short fade.
    """
    if reduced_motion:
        return FADE_MS
    return sweep_duration_ms(from_minute, to_minute) or SWEEP_MIN_MS
