"""The final day as a clock: where each event sits, and what the clock shows between them.

The "final-day" chapter tells 7 May 1954 hour by hour. The UI draws an analog
clock, a sky and a timeline bar, and lets a visitor scrub through the day or
let it play. Everything it needs to know about *time* is decided here, in plain
Python, so it can be tested without a window:

* where each event sits on the day (:meth:`Timeline.from_chapter`), including
  the events the source gives no hour for, which get a place for the clock's
  hands but never an invented displayed time;
* the hand angles, and how the hands travel from one event to the next
  (:func:`hand_angles`, :func:`unwrapped_angles`, :func:`sweep`);
* the colour of the sky at any minute (:func:`sky_at`, :func:`sky_colors`);
* the state of every stronghold and which escape paths are drawn at any minute
  (:meth:`Timeline.states_at`, :meth:`Timeline.paths_at`);
* the mapping between the timeline bar and the clock, and the autoplay pacing.

Minutes are minutes after midnight on 7 May 1954, local time, from 0 to 1440.
Functions that take a minute accept floats so an animation can ask about any
instant between two events.
"""

from __future__ import annotations

import itertools
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
NOON = 12 * 60

NIGHT = "night"
DAWN = "dawn"
MORNING = "morning"
AFTERNOON = "afternoon"
DUSK = "dusk"

_NIGHT_TOP, _NIGHT_BOTTOM = "#0b1026", "#1c2541"
_DAWN_TOP, _DAWN_BOTTOM = "#34406b", "#d9936a"
_DAY_TOP, _DAY_BOTTOM = "#5f97c9", "#c9dfee"
_NOON_TOP, _NOON_BOTTOM = "#5590c6", "#bcd7ec"
_SUNSET_TOP, _SUNSET_BOTTOM = "#3a3d68", "#d47a52"

#: The sky's colours through the day as ``(minute, top, bottom)``, sorted by
#: minute, from 0 to 1440, with the same colours at both ends so the sky is
#: continuous across midnight. Between two keyframes each colour is a straight
#: line per sRGB channel (see :func:`sky_colors`); the QML side should
#: interpolate the same way so both agree.
SKY_KEYFRAMES: tuple[tuple[int, str, str], ...] = (
    (0, _NIGHT_TOP, _NIGHT_BOTTOM),
    (DAWN_START, _NIGHT_TOP, _NIGHT_BOTTOM),
    (SUNRISE_MINUTE, _DAWN_TOP, _DAWN_BOTTOM),
    (DAWN_END, _DAY_TOP, _DAY_BOTTOM),
    (NOON, _NOON_TOP, _NOON_BOTTOM),
    (DUSK_START, _DAY_TOP, _DAY_BOTTOM),
    (SUNSET_MINUTE, _SUNSET_TOP, _SUNSET_BOTTOM),
    (DUSK_END, _NIGHT_TOP, _NIGHT_BOTTOM),
    (DAY_MINUTES, _NIGHT_TOP, _NIGHT_BOTTOM),
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

    def minute_for_fraction(self, fraction: float) -> float:
        """The clock minute at ``fraction`` (0..1, clamped) along the timeline bar."""
        fraction = min(1.0, max(0.0, fraction))
        return self.start_minute + fraction * (self.end_minute - self.start_minute)

    def fraction_for_minute(self, minute: float) -> float:
        """Where ``minute`` falls along the timeline bar, from 0 to 1 (clamped)."""
        span = self.end_minute - self.start_minute
        if span <= 0:
            return 0.0
        return min(1.0, max(0.0, (minute - self.start_minute) / span))

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


def hand_angles(minute: float) -> tuple[float, float]:
    """``(hour_deg, minute_deg)`` on a 12-hour face, clockwise from 12, each in [0, 360).

    04:00 is (120, 0); 17:15 is (157.5, 90).
    """
    hour = (minute % 720.0) / 2.0
    hand = (minute % 60.0) * 6.0
    # A tiny negative minute makes % return the modulus itself.
    return (hour - 360.0 if hour >= 360.0 else hour, hand - 360.0 if hand >= 360.0 else hand)


def unwrapped_angles(minute: float) -> tuple[float, float]:
    """``(hour_deg, minute_deg)`` as total rotations since midnight: ``(m / 2, m * 6)``.

    Modulo 360 these are :func:`hand_angles`. Animating these values (or
    animating the minute and binding ``rotation: minute * 6``) never shows
    the 360→0 jump a wrapped angle would, and the hands turn backwards when
    the visitor goes back in time, never forwards round the dial.
    """
    return (minute / 2.0, minute * 6.0)


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


@dataclass(frozen=True)
class Sweep:
    """How the clock gets from one minute to another.

    The clock runs through the minutes between, forwards or backwards, never
    round through midnight and never jumping: animate a minute value from
    ``from_minute`` to ``to_minute`` over ``duration_ms`` and derive the hands
    from it (:func:`unwrapped_angles`). ``kind`` is ``"sweep"``, or ``"fade"``
    with reduced motion, when the UI should cross-fade to the new time instead.
    """

    from_minute: float
    to_minute: float
    duration_ms: int
    kind: str = SWEEP

    @property
    def direction(self) -> int:
        """+1 forward in time, -1 backward, 0 when there is nowhere to go."""
        return (self.to_minute > self.from_minute) - (self.to_minute < self.from_minute)

    @property
    def from_angles(self) -> tuple[float, float]:
        """Unwrapped ``(hour_deg, minute_deg)`` at the start."""
        return unwrapped_angles(self.from_minute)

    @property
    def to_angles(self) -> tuple[float, float]:
        """Unwrapped ``(hour_deg, minute_deg)`` at the end."""
        return unwrapped_angles(self.to_minute)

    @property
    def rotation(self) -> tuple[float, float]:
        """How far each hand turns, in degrees, negative when going back."""
        (h0, m0), (h1, m1) = self.from_angles, self.to_angles
        return (h1 - h0, m1 - m0)

    def minute_at(self, progress: float) -> float:
        """The minute at ``progress`` (0..1, clamped) through the sweep, linearly.

        The UI may ease the progress; the minute stays between the two ends.
        """
        progress = min(1.0, max(0.0, progress))
        return self.from_minute + (self.to_minute - self.from_minute) * progress


def sweep(from_minute: float, to_minute: float, reduced_motion: bool = False) -> Sweep:
    """The clock's move from ``from_minute`` to ``to_minute`` (see :class:`Sweep`)."""
    return Sweep(
        from_minute=from_minute,
        to_minute=to_minute,
        duration_ms=sweep_duration_ms(from_minute, to_minute, reduced_motion),
        kind=FADE if reduced_motion else SWEEP,
    )


# -- the sky -----------------------------------------------------------------


@dataclass(frozen=True)
class SkyPhase:
    """The sky behind the clock at some minute.

    ``name`` is for the UI's own use (a class of styling, an accessible
    description), ``daylight`` goes continuously from 0 (night) to 1 (day),
    ``top`` and ``bottom`` are the gradient's colours as ``"#rrggbb"``.
    """

    name: str
    daylight: float
    top: str
    bottom: str


def _ramp(minute: float, start: float, end: float) -> float:
    """0 before ``start``, 1 after ``end``, a half-cosine in between.

    A cosine eases in and out, so the light never visibly starts or stops
    changing at the ramp's ends.
    """
    if minute <= start:
        return 0.0
    if minute >= end:
        return 1.0
    return (1.0 - math.cos(math.pi * (minute - start) / (end - start))) / 2.0


def daylight_at(minute: float) -> float:
    """How light the sky is at ``minute``, from 0 (night) to 1 (full day), continuously."""
    minute = minute % DAY_MINUTES
    return _ramp(minute, DAWN_START, DAWN_END) * (1.0 - _ramp(minute, DUSK_START, DUSK_END))


def _parse_hex(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _mix(a: str, b: str, t: float) -> str:
    ca, cb = _parse_hex(a), _parse_hex(b)
    channels = (round(x + (y - x) * t) for x, y in zip(ca, cb, strict=True))
    return "#" + "".join(f"{min(255, max(0, c)):02x}" for c in channels)


def sky_colors(minute: float) -> tuple[str, str]:
    """``(top, bottom)`` sky colours at ``minute``, interpolated from :data:`SKY_KEYFRAMES`.

    Linear per sRGB channel between the two keyframes around the minute, so a
    small change of minute is a small change of colour. Minutes outside the
    day wrap round it.
    """
    minute = minute % DAY_MINUTES
    for (m0, top0, bottom0), (m1, top1, bottom1) in itertools.pairwise(SKY_KEYFRAMES):
        if m0 <= minute <= m1:
            t = 0.0 if m1 == m0 else (minute - m0) / (m1 - m0)
            return (_mix(top0, top1, t), _mix(bottom0, bottom1, t))
    _, top, bottom = SKY_KEYFRAMES[-1]
    return (top, bottom)


def sky_at(minute: float) -> SkyPhase:
    """The sky at ``minute``: its phase name, daylight and colours."""
    wrapped = minute % DAY_MINUTES
    daylight = daylight_at(wrapped)
    if wrapped <= DAWN_START or wrapped >= DUSK_END:
        name = NIGHT
    elif wrapped < DAWN_END:
        name = DAWN
    elif wrapped > DUSK_START:
        name = DUSK
    elif wrapped < NOON:
        name = MORNING
    else:
        name = AFTERNOON
    top, bottom = sky_colors(wrapped)
    return SkyPhase(name, daylight, top, bottom)
