"""The clock of 7 May 1954, for QML: ``ClockBackend``.

The chapter whose steps carry times (``final-day``) is told on a clock: each
step is an event, and the step index is the event index. This backend
translates the story's position into what the clock shows (the minute the
hands go to, how long they take, the readout, the strongholds' states, the
escape paths) using :mod:`exhibit.core.timeline`, which decides all of it.

The hands' motion lives in QML: ``minute`` is where they rest (always a
minute the content gives: an exact time, or the end of the event's window,
drawn as ``window``), and ``sweepMs`` how long the move there takes (a move
between two events takes time even when the hands stay put, so what the new
event draws on the plan is seen to happen). Python runs once per event, never
once per frame. Autoplay is one single-shot timer per event, paced by
:meth:`Timeline.play_schedule`.

While the hands travel forward to an event, the plan beside them still shows
the day as it was (``planStates``, ``planPaths``, ``planHighlighted``, and
``planHeld`` is true): each stronghold falls, and the event's places light
up, as the clock reaches its hour. QML says when the hands arrive
(:meth:`handsArrived`); at the latest the plan catches up when the move would
have ended.

While a visitor drags the timeline bar, ``scrubbing`` is true and the story
moves to the event whose tick is nearest the finger, so the hands, the plan
and the step panel follow event by event, with no sweep; letting go leaves
the visitor on that event. The bar's proportion (minutes to pixels) is
QML's: this backend gives minutes (``barStart``, ``barEnd``, ``tickMinute``,
``eventMarks``) and takes the minute under the finger.

Every property has its own signal, emitted only when its value changes.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from exhibit.core.session import CLOCK_PLAYED, Session
from exhibit.core.story import Position
from exhibit.qt import registry
from exhibit.qt.published import Published, constant, published

if TYPE_CHECKING:
    from exhibit.core.timeline import Timeline, TimelineEvent


def _day() -> ModuleType:
    """exhibit.core.timeline, imported when the clock is first made (after the
    title's first frame), not with this module (before it)."""
    from exhibit.core import timeline

    return timeline


QML_IMPORT_NAME = "Exhibit.Backend"
QML_IMPORT_MAJOR_VERSION = 1

#: After a sweep's nominal end, how long the plan waits for QML to say the
#: hands arrived before it catches up by itself.
_ARRIVAL_GRACE_MS = 250


@QmlElement
@QmlSingleton
class ClockBackend(Published):
    """The final day's clock: where the hands go, what the readout says, what has fallen."""

    activeChanged = Signal()
    eventIndexChanged = Signal()
    minuteChanged = Signal()
    windowChanged = Signal()
    tickMinuteChanged = Signal()
    sweepMsChanged = Signal()
    sweepKindChanged = Signal()
    displayTimeChanged = Signal()
    exactChanged = Signal()
    isTotalsChanged = Signal()
    playingChanged = Signal()
    dateTextChanged = Signal()
    barStartChanged = Signal()
    barEndChanged = Signal()
    eventMarksChanged = Signal()
    planStatesChanged = Signal()
    planPathsChanged = Signal()
    planHighlightedChanged = Signal()
    planHeldChanged = Signal()
    scrubbingChanged = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._timelines: dict[str, Timeline] = {}
        self._marks: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self._sweep_ms = 0
        self._playing = False
        self._auto_move = False
        self._scrubbing = False
        self._last_minute: float | None = self._current_minute()
        # While the hands travel forward, the plan shows the event before.
        self._shown_index: int | None = self._current_index()
        self._plan_index: int | None = self._shown_index
        self._timer = self._single_shot(self._advance)
        self._arrival = self._single_shot(self.handsArrived)
        self._values["skyKeyframes"] = [
            {"minute": minute, "phase": phase} for minute, phase in _day().SKY_KEYFRAMES
        ]
        self.guarded(self._refresh)()
        session.on_position(self.guarded(self._on_position))
        session.on_language(self.guarded(lambda _code: self._refresh()))
        session.on_content(self.guarded(self._on_content))

    @staticmethod
    def create(engine: QQmlEngine) -> ClockBackend:
        return registry.singleton(ClockBackend)

    def _single_shot(self, slot: Any) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        return timer

    # -- core state ---------------------------------------------------------

    @property
    def timeline(self) -> Timeline | None:
        """The current chapter's timeline, if the chapter is told on the clock."""
        chapter = self._session.story.chapter
        if chapter is None or not chapter.told_on_clock:
            return None
        if chapter.id not in self._timelines:
            self._timelines[chapter.id] = _day().Timeline.from_chapter(chapter)
        return self._timelines[chapter.id]

    def _event(self) -> TimelineEvent | None:
        timeline = self.timeline
        if timeline is None or not timeline.events:
            return None
        index = min(self._session.story.position.step, len(timeline.events) - 1)
        return timeline.events[index]

    def _current_minute(self) -> float | None:
        """Where the hands rest for the current event (a minute the content gives)."""
        event = self._event()
        return None if event is None else float(event.hand_minute)

    def _current_index(self) -> int | None:
        event = self._event()
        return None if event is None else event.index

    def _on_position(self, _position: Position) -> None:
        minute = self._current_minute()
        previous = self._last_minute
        current = self._current_index()
        if minute is None:
            self._scrubbing = False
        if minute is None or self._scrubbing or previous is None or current == self._shown_index:
            # Scrubbing, arriving from another chapter, or staying: no move.
            self._sweep_ms = 0
        else:
            reduced = self._session.reduced_motion
            self._sweep_ms = _day().move_duration_ms(previous, minute, reduced)
        self._last_minute = minute
        shown = self._shown_index
        if current is not None and shown is not None and current > shown and self._sweep_ms > 0:
            self._plan_index = shown
            self._arrival.start(self._sweep_ms + _ARRIVAL_GRACE_MS)
        else:
            self._plan_index = current
            self._arrival.stop()
        self._shown_index = current
        if not self._auto_move:
            self._stop_playing()
        self._refresh()

    def _on_content(self, _exhibit: object) -> None:
        """New content: the hands and the plan stand at the current event, without a sweep."""
        self._timelines.clear()
        self._marks.clear()
        self._stop_playing()
        self._arrival.stop()
        self._scrubbing = False
        self._sweep_ms = 0
        self._last_minute = self._current_minute()
        self._shown_index = self._plan_index = self._current_index()
        self._refresh()

    def _stop_playing(self) -> None:
        self._timer.stop()
        self._playing = False

    def _schedule(self, arrival_ms: int) -> None:
        """Wait for the sweep to arrive, then the event's dwell, then move on."""
        timeline, event = self.timeline, self._event()
        if timeline is None or event is None:
            self._stop_playing()
            return
        dwell = timeline.play_schedule(reduced_motion=self._session.reduced_motion)[event.index]
        self._timer.start(arrival_ms + round(dwell * 1000))

    def _auto_go(self, index: int) -> None:
        self._auto_move = True
        try:
            self._session.story.go_to_step(index)
        finally:
            self._auto_move = False

    def _advance(self) -> None:
        timeline, event = self.timeline, self._event()
        if not self._playing or timeline is None or event is None:
            self._stop_playing()
            self._refresh()
            return
        if event.index + 1 >= len(timeline.events):
            self._stop_playing()
            self._refresh()
            return
        following = timeline.events[event.index + 1]
        if following.is_totals:
            self._playing = False  # the day ends on the totals
        self._auto_go(following.index)
        if self._playing:
            self._schedule(self._sweep_ms)

    # -- what QML shows -------------------------------------------------------

    def _refresh(self) -> None:
        session = self._session
        timeline = self.timeline
        event = self._event()
        language = session.language
        fallback = session.exhibit.default_language
        self.publish(
            planStates=self._states_after(self._plan_index),
            planPaths=self._paths_after(self._plan_index),
            planHighlighted=self._place_ids_of(self._plan_index),
            planHeld=self._plan_index != self._shown_index,
            active=event is not None,
            eventIndex=event.index if event else 0,
            sweepMs=self._sweep_ms,
            sweepKind=_day().FADE if session.reduced_motion else _day().SWEEP,
            minute=float(event.hand_minute) if event else 0.0,
            window=self._window(event),
            tickMinute=float(event.minute) if event else 0.0,
            displayTime=event.display_time(language, fallback) if event else "",
            exact=bool(event and event.exact),
            isTotals=bool(event and event.is_totals),
            playing=self._playing,
            dateText=session.text("clock_date"),
            barStart=timeline.start_minute if timeline else 0,
            barEnd=timeline.end_minute if timeline else 0,
            eventMarks=self._event_marks(timeline),
            scrubbing=self._scrubbing,
        )

    @staticmethod
    def _window(event: TimelineEvent | None) -> dict[str, int]:
        """``{start, end}`` minutes of the event's window, or ``{}`` for an exact time."""
        window = event.window if event else None
        return {"start": window[0], "end": window[1]} if window else {}

    def _states_after(self, index: int | None) -> dict[str, str]:
        timeline = self.timeline
        if timeline is None or index is None:
            return {}
        return {place: state.value for place, state in timeline.states_after_event(index).items()}

    def _paths_after(self, index: int | None) -> list[str]:
        timeline = self.timeline
        if timeline is None or index is None:
            return []
        drawn = timeline.paths_after_event(index)
        return [place for place in timeline.path_ids if place in drawn]

    def _place_ids_of(self, index: int | None) -> list[str]:
        chapter = self._session.story.chapter
        if index is None or chapter is None or self.timeline is None:
            return []
        return list(chapter.steps[index].places)

    def _event_marks(self, timeline: Timeline | None) -> list[dict[str, Any]]:
        chapter = self._session.story.chapter
        if timeline is None or chapter is None:
            return []
        session = self._session
        language, fallback = session.language, session.exhibit.default_language
        key = (chapter.id, language)
        if key not in self._marks:
            self._marks[key] = self._marks_of(timeline, language, fallback)
        return self._marks[key]

    @staticmethod
    def _marks_of(timeline: Timeline, language: str, fallback: str) -> list[dict[str, Any]]:
        return [
            {
                "index": event.index,
                "minute": event.minute,
                "label": event.display_time(language, fallback),
                "exact": event.exact,
                # The window's span on the bar (an exact event's is its tick).
                "from": (event.window or (event.minute,))[0],
                "to": (event.window or (event.minute,))[-1],
            }
            for event in timeline.timed_events
        ]

    #: Whether the visitor is in a chapter told on the clock.
    active = published(bool, "active", activeChanged)
    eventIndex = published(int, "eventIndex", eventIndexChanged)
    #: Where the hands rest for the current event: minutes after midnight,
    #: always a minute the content gives (for a window, its end).
    minute = published(float, "minute", minuteChanged)
    #: ``{start, end}`` minutes of the event's window, drawn on the dial; ``{}`` if exact.
    window = published("QVariantMap", "window", windowChanged)
    #: Where the current event's tick is on the timeline bar (its placed minute).
    tickMinute = published(float, "tickMinute", tickMinuteChanged)
    #: How long the hands take to get there (0: no sweep, jump).
    sweepMs = published(int, "sweepMs", sweepMsChanged)
    #: "sweep", or "fade" with reduced motion.
    sweepKind = published(str, "sweepKind", sweepKindChanged)
    displayTime = published(str, "displayTime", displayTimeChanged)
    exact = published(bool, "exact", exactChanged)
    isTotals = published(bool, "isTotals", isTotalsChanged)
    playing = published(bool, "playing", playingChanged)
    dateText = published(str, "dateText", dateTextChanged)
    barStart = published(int, "barStart", barStartChanged)
    barEnd = published(int, "barEnd", barEndChanged)
    #: [{index, minute, label, exact, from, to}]: the day's events, for the timeline bar.
    eventMarks = published("QVariantList", "eventMarks", eventMarksChanged)
    #: [{minute, phase}]: the sky's keyframes; Theme gives each phase its colours.
    skyKeyframes = constant("QVariantList", "skyKeyframes")
    #: What the plan shows: {place id: "holding" | "attacked" | "taken"}.
    planStates = published("QVariantMap", "planStates", planStatesChanged)
    #: The escape paths the plan draws.
    planPaths = published("QVariantList", "planPaths", planPathsChanged)
    #: The places the plan lights.
    planHighlighted = published("QVariantList", "planHighlighted", planHighlightedChanged)
    #: Whether the plan still shows the event before, while the hands travel.
    planHeld = published(bool, "planHeld", planHeldChanged)
    #: Whether a finger is on the timeline bar.
    scrubbing = published(bool, "scrubbing", scrubbingChanged)

    # -- moves --------------------------------------------------------------

    @Slot()
    def handsArrived(self) -> None:
        """The hands reached the current event: the plan shows it now."""
        self._arrival.stop()
        if self._plan_index != self._shown_index:
            self._plan_index = self._shown_index
            self._refresh()

    @Slot()
    def play(self) -> None:
        """Play the day from the current event; from the totals, from the start."""
        event = self._event()
        if event is None or self._playing:
            return
        if event.is_totals:
            self._auto_go(0)
            arrival = self._sweep_ms
        else:
            arrival = 0
        self._playing = True
        self._schedule(arrival)
        self._refresh()
        self._session.report(CLOCK_PLAYED)

    @Slot()
    def pause(self) -> None:
        if self._playing:
            self._stop_playing()
            self._refresh()

    @Slot()
    def togglePlay(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    @Slot(float)
    def scrubToMinute(self, minute: float) -> None:
        """The finger on the timeline bar is at ``minute``: to the event whose tick is nearest."""
        timeline = self.timeline
        if timeline is None:
            return
        self.pause()
        self._scrubbing = True
        index = timeline.nearest_event_index(minute)
        if index != self._session.story.position.step:
            self._session.story.go_to_step(index)  # refreshes
        else:
            self._refresh()

    @Slot()
    def endScrub(self) -> None:
        """The finger is lifted: the visitor stays on the event whose tick was nearest it."""
        if not self._scrubbing:
            return
        self._scrubbing = False
        self._sweep_ms = 0
        self._refresh()
