"""The clock of 7 May 1954 as properties QML can bind to.

The chapter whose steps carry times (``final-day``) is told on a clock: each
step is an event, and the step index is the event index. This backend
translates the story's position into what the clock shows (the minute the
hands go to, how long they take, the readout, the strongholds' states, the
escape paths) using :mod:`exhibit.core.timeline`, which decides all of it.

The hands' motion lives in QML: ``minute`` is where they rest (always a
minute the content gives: an exact time, or the end of the event's window,
drawn as ``window``), and ``sweepMs`` how long the move there takes. Python
runs once per event, never once per frame. Autoplay is one single-shot timer
per event, paced by :meth:`Timeline.play_schedule`.

While a visitor drags the timeline bar, ``scrubbing`` is true and the story
moves to the event whose tick is nearest the finger, so the hands, the plan
and the step panel follow event by event, with no sweep; letting go leaves
the visitor on that event. Those drag updates notify through
``scrubChanged`` only, so bindings to the rest of the clock are not disturbed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from exhibit.core import announcements
from exhibit.core.model import Chapter
from exhibit.core.session import CLOCK_PLAYED, Session
from exhibit.core.story import Position
from exhibit.core.timeline import (
    FADE,
    SKY_KEYFRAMES,
    SWEEP,
    Timeline,
    TimelineEvent,
    move_duration_ms,
)

QML_IMPORT_NAME = "Exhibit.Backend"
QML_IMPORT_MAJOR_VERSION = 1

_STATES = ("holding", "attacked", "taken")


def is_clock_chapter(chapter: Chapter | None) -> bool:
    """Whether a chapter is told on the clock: any of its steps has a time."""
    return chapter is not None and chapter.told_on_clock


@QmlElement
@QmlSingleton
class ClockBackend(QObject):
    """The final day's clock: where the hands go, what the readout says, what has fallen."""

    #: The event, the language, or the play state changed.
    changed = Signal()
    #: The finger on the timeline bar moved (``scrubbing``, ``scrubMinute``).
    scrubChanged = Signal()
    #: What is the same for every event of the day changed: the language, or
    #: the chapter (the bar's span and marks, the date, the state names).
    dayChanged = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._timelines: dict[str, Timeline] = {}
        self._sweep_ms = 0
        self._playing = False
        self._auto_move = False
        self._scrubbing = False
        self._scrub_minute = 0.0
        self._last_minute: float | None = self._current_minute()
        # The event shown before the latest move: its states stay on the plan
        # until the hands arrive at the new event's time.
        self._before_index: int | None = self._current_index()
        self._shown_index: int | None = self._before_index
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._advance)
        session.on_position(self._on_position)
        self._day_id: str | None = self._timeline_id()
        session.on_language(lambda _code: self._on_language())

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        from exhibit.qt.backends import _keep_in_python, current_backends

        return _keep_in_python(current_backends().clock)

    # -- core state ---------------------------------------------------------

    @property
    def timeline(self) -> Timeline | None:
        """The current chapter's timeline, if the chapter is told on the clock."""
        chapter = self._session.story.chapter
        if not is_clock_chapter(chapter):
            return None
        assert chapter is not None
        if chapter.id not in self._timelines:
            self._timelines[chapter.id] = Timeline.from_chapter(chapter)
        return self._timelines[chapter.id]

    def _timeline_id(self) -> str | None:
        """The id of the chapter told on the clock, if the visitor is in it."""
        chapter = self._session.story.chapter
        return chapter.id if chapter is not None and is_clock_chapter(chapter) else None

    def _on_language(self) -> None:
        self.dayChanged.emit()
        self.changed.emit()

    def _event(self) -> TimelineEvent | None:
        timeline = self.timeline
        if timeline is None or not timeline.events:
            return None
        index = min(self._session.story.position.step, len(timeline.events) - 1)
        return timeline.events[index]

    def _current_minute(self) -> float | None:
        event = self._event()
        return None if event is None else float(event.hand_minute)

    def _current_index(self) -> int | None:
        event = self._event()
        return None if event is None else event.index

    def _on_position(self, _position: Position) -> None:
        minute = self._current_minute()
        current = self._current_index()
        left_mid_scrub = minute is None and self._scrubbing
        if minute is None:
            self._sweep_ms = 0
            self._scrubbing = False
        elif self._scrubbing or current == self._shown_index:
            self._sweep_ms = 0
        elif self._last_minute is None:
            self._sweep_ms = 0  # arriving from another chapter: no sweep
        else:
            self._sweep_ms = move_duration_ms(
                self._last_minute, minute, self._session.reduced_motion
            )
        self._last_minute = minute
        self._before_index = (
            current if self._scrubbing or self._shown_index is None else self._shown_index
        )
        self._shown_index = current
        if not self._auto_move:
            self._stop_playing()
        if left_mid_scrub:
            self.scrubChanged.emit()
        day_id = self._timeline_id()
        if day_id != self._day_id:
            self._day_id = day_id
            self.dayChanged.emit()
        self.changed.emit()

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
            return
        if event.index + 1 >= len(timeline.events):
            self._stop_playing()
            self.changed.emit()
            return
        following = timeline.events[event.index + 1]
        if following.is_totals:
            self._playing = False  # the day ends on the totals
        self._auto_go(following.index)
        if self._playing:
            self._schedule(self._sweep_ms)

    # -- properties ---------------------------------------------------------

    def _lang(self) -> tuple[str, str]:
        return self._session.language, self._session.exhibit.default_language

    def _active(self) -> bool:
        return self._event() is not None

    def _event_index(self) -> int:
        event = self._event()
        return event.index if event else 0

    def _minute(self) -> float:
        event = self._event()
        return float(event.hand_minute) if event else 0.0

    def _window(self) -> dict[str, int]:
        """``{start, end}`` minutes of the event's window, or ``{}`` for an exact time."""
        event = self._event()
        window = event.window if event else None
        return {"start": window[0], "end": window[1]} if window else {}

    def _bar_fraction(self) -> float:
        """Where the current event's tick is on the timeline bar, from 0 to 1."""
        timeline, event = self.timeline, self._event()
        if timeline is None or event is None:
            return 0.0
        return timeline.fraction_for_minute(event.minute)

    def _sweep_ms_value(self) -> int:
        return self._sweep_ms

    def _sweep_kind(self) -> str:
        return FADE if self._session.reduced_motion else SWEEP

    def _display_time(self) -> str:
        event = self._event()
        return event.display_time(*self._lang()) if event else ""

    def _exact(self) -> bool:
        event = self._event()
        return bool(event and event.exact)

    def _date_text(self) -> str:
        return self._session.text("clock_date")

    def _spoken_time(self) -> str:
        """The clock's time and date as a screen reader says them (see core.announcements)."""
        chapter = self._session.story.chapter
        if self.timeline is None or chapter is None:
            return ""
        step = chapter.steps[self._session.story.position.step]
        return announcements.clock_words(self._session.exhibit, step.time, self._session.language)

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

    def _states(self) -> dict[str, str]:
        return self._states_after(self._current_index())

    def _paths(self) -> list[str]:
        return self._paths_after(self._current_index())

    def _place_ids_of(self, index: int | None) -> list[str]:
        chapter = self._session.story.chapter
        if index is None or chapter is None or self.timeline is None:
            return []
        return list(chapter.steps[index].places)

    def _place_ids(self) -> list[str]:
        return self._place_ids_of(self._current_index())

    def _place_ids_before(self) -> list[str]:
        return self._place_ids_of(self._before_index)

    def _states_before(self) -> dict[str, str]:
        """The states before the latest move, shown while the hands travel forward."""
        return self._states_after(self._before_index)

    def _paths_before(self) -> list[str]:
        return self._paths_after(self._before_index)

    def _state_names(self) -> dict[str, str]:
        return {state: self._session.text(f"state_{state}") for state in _STATES}

    def _sky_keyframes(self) -> list[dict[str, Any]]:
        return [
            {"minute": minute, "top": top, "bottom": bottom}
            for minute, top, bottom in SKY_KEYFRAMES
        ]

    def _bar_start(self) -> int:
        timeline = self.timeline
        return timeline.start_minute if timeline else 0

    def _bar_end(self) -> int:
        timeline = self.timeline
        return timeline.end_minute if timeline else 0

    def _event_marks(self) -> list[dict[str, Any]]:
        timeline = self.timeline
        if timeline is None:
            return []
        language, fallback = self._lang()
        return [
            {
                "index": event.index,
                "fraction": timeline.fraction_for_minute(event.minute),
                "label": event.display_time(language, fallback),
                "exact": event.exact,
                # A window's span on the bar (an exact event's is its tick).
                "from": timeline.fraction_for_minute((event.window or (event.minute,))[0]),
                "to": timeline.fraction_for_minute((event.window or (0, event.minute))[1]),
            }
            for event in timeline.timed_events
        ]

    def _is_totals(self) -> bool:
        event = self._event()
        return bool(event and event.is_totals)

    def _playing_value(self) -> bool:
        return self._playing

    def _card(self) -> dict[str, Any]:
        """What the clock stage says about the event; the step panel has the rest."""
        event = self._event()
        chapter = self._session.story.chapter
        if event is None or chapter is None:
            return {}
        language, fallback = self._lang()
        step = chapter.steps[event.index]
        return {
            "time": event.display_time(language, fallback),
            "exact": event.exact,
            "title": step.title.get(language, fallback),
            "who": step.who.get(language, fallback) if step.who else "",
            "isTotals": event.is_totals,
        }

    def _scrubbing_value(self) -> bool:
        return self._scrubbing

    def _scrub_minute_value(self) -> float:
        return self._scrub_minute

    active = Property(bool, _active, notify=changed, final=True)
    eventIndex = Property(int, _event_index, notify=changed, final=True)
    minute = Property(float, _minute, notify=changed, final=True)
    window = Property("QVariantMap", _window, notify=changed, final=True)
    barFraction = Property(float, _bar_fraction, notify=changed, final=True)
    sweepMs = Property(int, _sweep_ms_value, notify=changed, final=True)
    sweepKind = Property(str, _sweep_kind, notify=changed, final=True)
    displayTime = Property(str, _display_time, notify=changed, final=True)
    exact = Property(bool, _exact, notify=changed, final=True)
    dateText = Property(str, _date_text, notify=dayChanged, final=True)
    spokenTime = Property(str, _spoken_time, notify=changed, final=True)
    states = Property("QVariantMap", _states, notify=changed, final=True)
    paths = Property("QVariantList", _paths, notify=changed, final=True)
    placeIds = Property("QVariantList", _place_ids, notify=changed, final=True)
    placeIdsBefore = Property("QVariantList", _place_ids_before, notify=changed, final=True)
    statesBefore = Property("QVariantMap", _states_before, notify=changed, final=True)
    pathsBefore = Property("QVariantList", _paths_before, notify=changed, final=True)
    stateNames = Property("QVariantMap", _state_names, notify=dayChanged, final=True)
    skyKeyframes = Property("QVariantList", _sky_keyframes, constant=True, final=True)
    barStart = Property(int, _bar_start, notify=dayChanged, final=True)
    barEnd = Property(int, _bar_end, notify=dayChanged, final=True)
    eventMarks = Property("QVariantList", _event_marks, notify=dayChanged, final=True)
    isTotals = Property(bool, _is_totals, notify=changed, final=True)
    playing = Property(bool, _playing_value, notify=changed, final=True)
    card = Property("QVariantMap", _card, notify=changed, final=True)
    scrubbing = Property(bool, _scrubbing_value, notify=scrubChanged, final=True)
    scrubMinute = Property(float, _scrub_minute_value, notify=scrubChanged, final=True)

    # -- moves --------------------------------------------------------------

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
        self.changed.emit()
        self._session.report(CLOCK_PLAYED)

    @Slot()
    def pause(self) -> None:
        if self._playing:
            self._stop_playing()
            self.changed.emit()

    @Slot()
    def togglePlay(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    @Slot(float)
    def scrubToFraction(self, fraction: float) -> None:
        """The finger is at ``fraction`` (0..1) along the timeline bar."""
        timeline = self.timeline
        if timeline is None:
            return
        self.pause()
        self._scrubbing = True
        self._scrub_minute = timeline.minute_for_fraction(fraction)
        self.scrubChanged.emit()
        index = timeline.nearest_event_index(self._scrub_minute)
        if index != self._session.story.position.step:
            self._session.story.go_to_step(index)

    @Slot()
    def endScrub(self) -> None:
        """The finger is lifted: the visitor stays on the event whose tick was nearest it."""
        if not self._scrubbing:
            return
        self._scrubbing = False
        self._before_index = self._current_index()
        self._sweep_ms = 0
        self.scrubChanged.emit()
        self.changed.emit()
