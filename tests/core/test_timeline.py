"""The final day's clock: event placement, sweeps, the sky's phases, strongholds and pacing."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exhibit.core.model import Chapter, EventTime, Step, StrongholdState, Text
from exhibit.core.timeline import (
    DAWN,
    DAY,
    DAY_MINUTES,
    DEFAULT_PLAY_SECONDS,
    FADE_MS,
    MIN_DWELL_SECONDS,
    NIGHT,
    NOON,
    SKY_KEYFRAMES,
    SUNRISE_MINUTE,
    SUNSET,
    SUNSET_MINUTE,
    SWEEP_MAX_MS,
    SWEEP_MIN_MS,
    Timeline,
    format_clock,
    move_duration_ms,
    place_minutes,
    sweep_duration_ms,
)

HOLDING, ATTACKED, TAKEN = StrongholdState.HOLDING, StrongholdState.ATTACKED, StrongholdState.TAKEN
ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
FINAL_DAY = CONTENT / "chapters" / "final-day.yaml"


def hm(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def text(value: str) -> Text:
    return Text(MappingProxyType({"vi": f"{value} (vi)", "en": value}))


def exact(clock: str) -> EventTime:
    return EventTime(hm(clock), hm(clock))


def window(after: str, before: str, label: str = "some time") -> EventTime:
    return EventTime(hm(after), hm(before), text(label))


def step(
    step_id: str,
    time: EventTime | None,
    states: dict[str, StrongholdState] | None = None,
    paths: tuple[str, ...] = (),
) -> Step:
    return Step(
        id=step_id,
        title=text(step_id),
        body=text(step_id),
        source="may-7-1954.en.txt",
        time=time,
        states=MappingProxyType(dict(states or {})),
        paths=paths,
    )


def chapter(*steps: Step, play_seconds: float | None = None) -> Chapter:
    return Chapter("final-day", text("day"), text("intro"), "valley", steps, play_seconds)


def day_of(times: list[EventTime], totals: bool = False) -> Chapter:
    """A chapter of one step per time, and the totals after them if asked."""
    steps = [step(f"e{n}", time) for n, time in enumerate(times)]
    return chapter(*steps, *([step("totals", None)] if totals else []))


def synthetic_day() -> Chapter:
    """A small day shaped like 7 May: exact events, windows, a night path, totals."""
    return chapter(
        step("a1", exact("04:00"), {"a1": TAKEN}),
        step("506", window("04:00", "09:00", "that morning"), {"e10": TAKEN}),
        step("claudine", window("04:00", "09:00", "by 9 am"), {"c4": ATTACKED}),
        step("c2", exact("09:00"), {"c2": TAKEN, "c4": TAKEN}),
        step("507", exact("14:00"), {"b507": TAKEN}),
        step("castries", exact("17:15"), {"cp": TAKEN}),
        step("retreat", window("17:15", "22:00", "the night"), {"hc": ATTACKED}, ("escape",)),
        step("hong-cum", exact("22:00"), {"hc": TAKEN}),
        step("totals", None),
        play_seconds=60,
    )


# -- placement ---------------------------------------------------------------


def test_windowed_run_is_spread_evenly_between_its_exact_neighbours() -> None:
    minutes = [e.minute for e in Timeline.from_chapter(synthetic_day()).events]
    assert minutes[:4] == [hm("04:00"), hm("05:40"), hm("07:20"), hm("09:00")]


def test_a_half_minute_placement_rounds_to_the_next_whole_minute() -> None:
    # 17:15 .. 22:00 has its middle at 19:37.5.
    assert Timeline.from_chapter(synthetic_day()).events[6].minute == hm("19:38")


def test_exact_events_sit_at_their_minute_and_are_flagged_exact() -> None:
    events = Timeline.from_chapter(synthetic_day()).events
    assert [(e.step_id, e.minute, e.exact) for e in events if e.exact] == [
        ("a1", hm("04:00"), True),
        ("c2", hm("09:00"), True),
        ("507", hm("14:00"), True),
        ("castries", hm("17:15"), True),
        ("hong-cum", hm("22:00"), True),
    ]


def test_a_lone_window_without_neighbours_sits_in_its_middle() -> None:
    assert place_minutes([window("17:15", "22:00")]) == [hm("19:38")]


def test_windowed_runs_at_the_edges_of_the_day_stay_inside_their_windows() -> None:
    placed = place_minutes([window("00:00", "04:00"), exact("04:00"), window("22:00", "23:00")])
    assert placed == [hm("02:00"), hm("04:00"), hm("22:30")]


def test_a_window_narrower_than_the_spread_is_respected_and_order_kept() -> None:
    placed = place_minutes(
        [exact("04:00"), window("04:00", "09:00"), window("04:00", "04:30"), exact("09:00")]
    )
    assert placed[0] < placed[1] < placed[2] < placed[3]
    assert placed[2] <= hm("04:30")


def test_a_window_that_allows_only_the_neighbours_minute_takes_it() -> None:
    assert place_minutes([exact("04:00"), window("04:00", "04:00"), exact("09:00")]) == [
        hm("04:00"),
        hm("04:00"),
        hm("09:00"),
    ]


def test_more_windowed_events_than_free_minutes_stay_in_order() -> None:
    placed = place_minutes([exact("04:00")] + [window("04:00", "04:02")] * 4 + [exact("04:02")])
    assert placed == sorted(placed)
    assert all(hm("04:00") <= m <= hm("04:02") for m in placed)


@st.composite
def validated_times(draw: st.DrawFn) -> list[EventTime]:
    """Event times as the content loader accepts them.

    Each event's latest minute is not before the earliest minute of any event before it.
    """
    count = draw(st.integers(1, 12))
    times: list[EventTime] = []
    floor = 0
    for _ in range(count):
        if draw(st.booleans()):
            minute = draw(st.integers(floor, DAY_MINUTES - 1))
            times.append(EventTime(minute, minute))
            floor = minute
        else:
            earliest = draw(st.integers(0, DAY_MINUTES - 1))
            latest = draw(st.integers(max(earliest, floor), DAY_MINUTES - 1))
            times.append(EventTime(earliest, latest, text("window")))
            floor = max(floor, earliest)
    return times


@given(validated_times())
@settings(max_examples=300)
def test_placed_minutes_keep_order_windows_and_exact_times(times: list[EventTime]) -> None:
    placed = place_minutes(times)
    assert len(placed) == len(times)
    for time, minute in zip(times, placed, strict=True):
        assert time.earliest <= minute <= time.latest
        if time.exact:
            assert minute == time.earliest
    assert placed == sorted(placed)


@given(
    left=st.integers(0, 1000),
    gap=st.integers(2, 400),
    count=st.integers(1, 6),
    data=st.data(),
)
def test_windowed_events_fall_strictly_between_neighbours_when_there_is_room(
    left: int, gap: int, count: int, data: st.DataObject
) -> None:
    right = left + max(gap, count + 1)
    windows = [
        EventTime(
            data.draw(st.integers(0, left)),
            data.draw(st.integers(right, DAY_MINUTES)),
            text("window"),
        )
        for _ in range(count)
    ]
    placed = place_minutes([EventTime(left, left), *windows, EventTime(right, right)])
    assert all(a < b for a, b in itertools.pairwise(placed))


@given(
    left=st.integers(0, 4),
    right=st.integers(4, 9),
    windows=st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), min_size=1, max_size=3),
)
def test_placement_is_strict_whenever_the_windows_allow(
    left: int, right: int, windows: list[tuple[int, int]]
) -> None:
    """Checked against every possible placement on a tiny day."""
    runs = [(min(a, b), max(a, b)) for a, b in windows]
    runs = [(a, max(b, left)) for a, b in runs]  # as validated: no window ends before `left`
    runs = [(min(a, right), b) for a, b in runs]  # nor starts after `right`
    times = [EventTime(left, left)]
    times += [EventTime(a, b, text("window")) for a, b in runs]
    times += [EventTime(right, right)]
    placed = place_minutes(times)
    choices = itertools.product(*(range(a, b + 1) for a, b in runs))
    possible = [(left, *c, right) for c in choices]
    if any(all(x < y for x, y in itertools.pairwise(p)) for p in possible):
        assert all(x < y for x, y in itertools.pairwise(placed))
    inner = [p[1:-1] for p in possible if list(p) == sorted(p)]
    if any(all(x < y for x, y in itertools.pairwise(c)) for c in inner):
        inside = placed[1:-1]
        assert all(x < y for x, y in itertools.pairwise(inside))


def test_totals_step_is_last_at_the_end_of_the_day() -> None:
    events = Timeline.from_chapter(synthetic_day()).events
    totals = events[-1]
    assert totals.is_totals and totals.step_id == "totals" and totals.index == 8
    assert totals.minute == events[-2].minute == hm("22:00")
    assert not any(e.is_totals for e in events[:-1])
    assert [e.index for e in events] == list(range(len(events)))


def test_display_time_shows_digits_only_for_exact_events() -> None:
    events = Timeline.from_chapter(synthetic_day()).events
    assert events[0].display_time("en") == "04:00"
    assert events[5].display_time("vi") == "17:15"
    assert events[6].display_time("en") == "the night"
    assert events[6].display_time("vi") == "the night (vi)"
    assert not re.search(r"\d:\d\d", events[6].display_time("en"))
    assert events[-1].display_time("en") == ""


def test_the_hands_rest_on_a_minute_the_content_gives() -> None:
    times = [exact("04:00"), window("04:00", "09:00"), window("14:00", "17:15"), exact("17:15")]
    timeline = Timeline.from_chapter(day_of(times, totals=True))
    hands = [e.hand_minute for e in timeline.events]
    assert hands == [hm("04:00"), hm("09:00"), hm("17:15"), hm("17:15"), hm("17:15")]
    assert [e.window for e in timeline.events] == [
        None,
        (hm("04:00"), hm("09:00")),
        (hm("14:00"), hm("17:15")),
        None,
        None,
    ]
    # The tick on the bar is inside the window, but the hands never go there.
    assert timeline.events[1].minute not in (hm("04:00"), hm("09:00"))


def test_a_finger_lands_on_the_nearest_tick() -> None:
    timeline = Timeline.from_chapter(
        day_of([exact("04:00"), window("04:00", "09:00"), exact("09:00"), exact("17:15")])
    )
    ticks = [e.minute for e in timeline.events]
    assert ticks == [hm("04:00"), hm("06:30"), hm("09:00"), hm("17:15")]
    for index, tick in enumerate(ticks):
        assert timeline.nearest_event_index(tick) == index
        assert timeline.nearest_event_index(tick - 0.01) == index
        assert timeline.nearest_event_index(tick + 0.01) == index
    assert timeline.nearest_event_index(hm("07:44")) == 1
    assert timeline.nearest_event_index(hm("07:46")) == 2
    assert timeline.nearest_event_index(hm("07:45")) == 2  # halfway: the later
    assert timeline.nearest_event_index(0) == 0
    assert timeline.nearest_event_index(DAY_MINUTES) == 3


@given(st.floats(min_value=0, max_value=DAY_MINUTES))
def test_the_nearest_tick_is_never_farther_than_another(minute: float) -> None:
    timeline = Timeline.from_chapter(
        day_of([exact("04:00"), window("04:00", "09:00"), exact("09:00"), exact("22:00")])
    )
    chosen = timeline.events[timeline.nearest_event_index(minute)]
    assert all(abs(chosen.minute - minute) <= abs(e.minute - minute) for e in timeline.events)


def test_a_move_takes_time_even_when_the_hands_stay() -> None:
    assert move_duration_ms(hm("09:00"), hm("09:00")) == SWEEP_MIN_MS
    assert move_duration_ms(hm("04:00"), hm("09:00")) == sweep_duration_ms(hm("04:00"), hm("09:00"))
    assert move_duration_ms(hm("09:00"), hm("09:00"), reduced_motion=True) == FADE_MS
    assert move_duration_ms(hm("04:00"), hm("22:00"), reduced_motion=True) == FADE_MS


def test_format_clock() -> None:
    assert format_clock(0) == "00:00"
    assert format_clock(hm("17:15")) == "17:15"


def test_a_chapter_without_timed_events_does_not_break() -> None:
    timeline = Timeline.from_chapter(chapter(step("totals", None)))
    assert timeline.events[0].is_totals
    assert timeline.event_index_at(600) == 0
    assert timeline.states_at(600) == {}
    assert (timeline.start_minute, timeline.end_minute) == (0, DAY_MINUTES)


# -- hands and sweeps ---------------------------------------------------------


def test_sweep_duration_is_about_a_second_whatever_the_gap() -> None:
    assert sweep_duration_ms(300, 300) == 0
    short = sweep_duration_ms(hm("04:00"), hm("04:01"))
    long = sweep_duration_ms(hm("03:00"), hm("23:00"))
    assert SWEEP_MIN_MS <= short <= long <= SWEEP_MAX_MS == 1200
    assert short >= 900
    assert sweep_duration_ms(hm("09:00"), hm("04:00")) == sweep_duration_ms(
        hm("04:00"), hm("09:00")
    )


def test_reduced_motion_fades_instead_of_sweeping() -> None:
    assert FADE_MS == 250
    assert sweep_duration_ms(hm("04:00"), hm("09:00"), reduced_motion=True) == 250
    assert sweep_duration_ms(600, 600, reduced_motion=True) == 0


@given(
    st.floats(0, DAY_MINUTES, allow_nan=False),
    st.floats(0, DAY_MINUTES, allow_nan=False),
)
def test_sweep_duration_is_bounded(start: float, end: float) -> None:
    duration = sweep_duration_ms(start, end)
    assert duration == 0 if start == end else SWEEP_MIN_MS <= duration <= SWEEP_MAX_MS


# -- the sky -------------------------------------------------------------------


def _phase_at(minute: float) -> tuple[str, str]:
    """The phases of the keyframes either side of ``minute``."""
    for (m0, phase0), (m1, phase1) in itertools.pairwise(SKY_KEYFRAMES):
        if m0 <= minute <= m1:
            return phase0, phase1
    raise AssertionError(minute)


def test_sky_keyframes_cover_the_day_in_order_night_at_both_ends() -> None:
    minutes = [m for m, _ in SKY_KEYFRAMES]
    assert minutes[0] == 0 and minutes[-1] == DAY_MINUTES
    assert minutes == sorted(minutes) and len(set(minutes)) == len(minutes)
    assert SKY_KEYFRAMES[0][1] == SKY_KEYFRAMES[-1][1] == NIGHT
    assert {phase for _, phase in SKY_KEYFRAMES} == {NIGHT, DAWN, DAY, NOON, SUNSET}


def test_the_day_s_events_fall_under_the_right_sky() -> None:
    assert _phase_at(hm("04:00")) == (NIGHT, NIGHT)  # Hill A1, before dawn
    assert DAWN in _phase_at(SUNRISE_MINUTE)
    assert NIGHT not in _phase_at(hm("09:00"))
    assert NIGHT not in _phase_at(hm("17:15"))  # the command post falls in daylight
    assert SUNSET in _phase_at(SUNSET_MINUTE)
    assert _phase_at(hm("22:00")) == (NIGHT, NIGHT)  # the night retreat from Hồng Cúm


# -- strongholds and paths -----------------------------------------------------


def test_every_named_stronghold_is_holding_before_its_first_event() -> None:
    timeline = Timeline.from_chapter(synthetic_day())
    assert set(timeline.strongholds) == {"a1", "e10", "c4", "c2", "b507", "cp", "hc"}
    assert timeline.states_at(hm("03:59")) == dict.fromkeys(timeline.strongholds, HOLDING)


def test_states_accumulate_through_the_day() -> None:
    timeline = Timeline.from_chapter(synthetic_day())
    at_four = timeline.states_at(hm("04:00"))
    assert at_four["a1"] is TAKEN and at_four["c2"] is HOLDING
    morning = timeline.states_at(hm("08:00"))
    assert morning["c4"] is ATTACKED and morning["e10"] is TAKEN
    nine = timeline.states_at(hm("09:00"))
    assert nine["c2"] is TAKEN and nine["c4"] is TAKEN
    assert timeline.states_at(hm("17:14"))["cp"] is HOLDING
    assert timeline.states_at(hm("17:15"))["cp"] is TAKEN
    assert timeline.states_at(hm("21:59"))["hc"] is ATTACKED
    assert timeline.states_at(DAY_MINUTES) == dict.fromkeys(timeline.strongholds, TAKEN)


def test_states_follow_the_minute_between_events() -> None:
    timeline = Timeline.from_chapter(synthetic_day())
    assert timeline.states_at(hm("04:00") + 0.5)["a1"] is TAKEN
    assert timeline.states_at(hm("08:59") + 0.99)["c2"] is HOLDING


def test_scrubbing_backwards_restores_earlier_states() -> None:
    timeline = Timeline.from_chapter(synthetic_day())
    minutes = range(0, DAY_MINUTES + 1, 15)
    fresh = {m: (timeline.states_at(m), timeline.paths_at(m)) for m in minutes}
    timeline.states_at(DAY_MINUTES)
    for minute in reversed(minutes):
        assert (timeline.states_at(minute), timeline.paths_at(minute)) == fresh[minute]
    assert fresh[hm("22:00")] != fresh[hm("03:00")]


def test_states_after_event_counts_events() -> None:
    timeline = Timeline.from_chapter(synthetic_day())
    assert timeline.states_after_event(-1) == dict.fromkeys(timeline.strongholds, HOLDING)
    assert timeline.states_after_event(0)["a1"] is TAKEN
    assert timeline.states_after_event(0)["e10"] is HOLDING
    for event in timeline.events:
        assert timeline.states_after_event(event.index) == timeline.states_at(event.minute)
        assert timeline.paths_after_event(event.index) == timeline.paths_at(event.minute)


def test_events_at_the_same_minute_are_told_apart_by_index() -> None:
    timeline = Timeline.from_chapter(
        chapter(
            step("first", exact("09:00"), {"c2": TAKEN}),
            step("second", exact("09:00"), {"c4": TAKEN}),
        )
    )
    assert timeline.states_after_event(0) == {"c2": TAKEN, "c4": HOLDING}
    assert timeline.states_at(hm("09:00")) == {"c2": TAKEN, "c4": TAKEN}
    assert timeline.event_index_at(hm("09:00")) == 1


def test_paths_appear_from_their_event_on() -> None:
    timeline = Timeline.from_chapter(synthetic_day())
    retreat = timeline.events[6].minute
    assert timeline.path_ids == ("escape",)
    assert timeline.paths_at(retreat - 1) == frozenset()
    assert timeline.paths_at(retreat) == {"escape"}
    assert timeline.paths_at(DAY_MINUTES) == {"escape"}
    assert timeline.paths_after_event(5) == frozenset()
    assert timeline.paths_after_event(6) == {"escape"}


PLACE_IDS = ("p1", "p2", "p3")


@st.composite
def day_of_events(draw: st.DrawFn) -> Chapter:
    """A validated-like day whose events never call a taken place merely attacked."""
    times = draw(validated_times())
    taken: set[str] = set()
    steps = []
    for n, time in enumerate(times):
        change = draw(
            st.dictionaries(st.sampled_from(PLACE_IDS), st.sampled_from([ATTACKED, TAKEN]))
        )
        change = {place: state for place, state in change.items() if place not in taken}
        taken.update(place for place, state in change.items() if state is TAKEN)
        steps.append(step(f"e{n}", time, change))
    return chapter(*steps, step("totals", None))


SEVERITY = {HOLDING: 0, ATTACKED: 1, TAKEN: 2}


@given(day_of_events(), st.lists(st.floats(0, DAY_MINUTES, allow_nan=False), min_size=2))
@settings(max_examples=200)
def test_going_forward_a_stronghold_never_reverts(day: Chapter, minutes: list[float]) -> None:
    timeline = Timeline.from_chapter(day)
    minutes.sort()
    states = [timeline.states_at(m) for m in minutes]
    for earlier, later in itertools.pairwise(states):
        assert earlier.keys() == later.keys() == set(timeline.strongholds)
        for place, state in earlier.items():
            assert SEVERITY[later[place]] >= SEVERITY[state]
    # A pure function of the minute: asking in reverse order gives the same answers.
    assert [timeline.states_at(m) for m in reversed(minutes)] == list(reversed(states))


@given(day_of_events(), st.floats(0, DAY_MINUTES, allow_nan=False))
def test_states_at_an_event_s_minute_include_that_event(day: Chapter, minute: float) -> None:
    timeline = Timeline.from_chapter(day)
    index = timeline.event_index_at(minute)
    if timeline.events[index].minute <= minute:
        assert timeline.states_at(minute) == timeline.states_after_event(index)


# -- scrubbing and the bar -------------------------------------------------------


def test_event_index_follows_the_finger() -> None:
    timeline = Timeline.from_chapter(synthetic_day())
    assert timeline.event_index_at(0) == 0
    assert timeline.event_index_at(hm("03:00")) == 0
    assert timeline.event_index_at(hm("04:00")) == 0
    assert timeline.event_index_at(hm("05:39")) == 0
    assert timeline.event_index_at(hm("05:40")) == 1
    assert timeline.event_index_at(hm("08:59") + 0.9) == 2
    assert timeline.event_index_at(hm("09:00")) == 3
    assert timeline.event_index_at(hm("23:00")) == 7
    assert timeline.event_index_at(DAY_MINUTES) == 7


def test_the_bar_runs_from_an_hour_before_to_an_hour_after() -> None:
    timeline = Timeline.from_chapter(synthetic_day())
    assert (timeline.start_minute, timeline.end_minute) == (hm("03:00"), hm("23:00"))


def test_the_bar_rounds_its_start_down_to_the_hour_and_stays_within_the_day() -> None:
    early = Timeline.from_chapter(chapter(step("a", exact("00:20")), step("b", exact("23:30"))))
    assert (early.start_minute, early.end_minute) == (0, DAY_MINUTES)
    late = Timeline.from_chapter(chapter(step("a", exact("04:45")), step("b", exact("10:10"))))
    assert (late.start_minute, late.end_minute) == (hm("03:00"), hm("11:10"))


# -- autoplay ------------------------------------------------------------------


def total_play(timeline: Timeline, schedule: list[float], reduced: bool = False) -> float:
    sweeps = sum(
        sweep_duration_ms(a.minute, b.minute, reduced_motion=reduced)
        for a, b in zip(timeline.events, timeline.events[1:], strict=False)
    )
    return sum(schedule) + sweeps / 1000


def test_the_day_plays_in_the_chapter_s_time() -> None:
    timeline = Timeline.from_chapter(synthetic_day())
    schedule = timeline.play_schedule()
    assert len(schedule) == len(timeline.events)
    assert total_play(timeline, schedule) == pytest.approx(60)
    assert len(set(schedule)) == 1
    reduced = timeline.play_schedule(reduced_motion=True)
    assert total_play(timeline, reduced, reduced=True) == pytest.approx(60)


def test_play_time_defaults_to_a_minute_and_can_be_overridden() -> None:
    day = synthetic_day()
    timeline = Timeline.from_chapter(chapter(*day.steps, play_seconds=None))
    assert timeline.play_seconds == DEFAULT_PLAY_SECONDS == 60
    assert total_play(timeline, timeline.play_schedule(120)) == pytest.approx(120)


def test_no_event_is_shown_too_briefly_to_read() -> None:
    timeline = Timeline.from_chapter(synthetic_day())
    assert timeline.play_schedule(10) == [MIN_DWELL_SECONDS] * len(timeline.events)


# -- the real day ----------------------------------------------------------------


@pytest.fixture(scope="module")
def real_day() -> Timeline:
    if not FINAL_DAY.is_file():
        pytest.skip("content/chapters/final-day.yaml is not written yet")
    from exhibit.core.content import load_content

    exhibit = load_content(CONTENT, ROOT / "assets")
    found = exhibit.chapter("final-day")
    assert found is not None
    return Timeline.from_chapter(found)


def test_real_day_states_before_dawn_are_all_holding(real_day: Timeline) -> None:
    states = real_day.states_at(hm("03:59"))
    assert {"a1", "c2", "command-post", "hong-cum"} <= states.keys()
    assert set(states.values()) == {HOLDING}
    assert real_day.paths_at(hm("03:59")) == frozenset()


def test_real_day_hill_a1_is_taken_from_four(real_day: Timeline) -> None:
    assert real_day.states_at(hm("04:00"))["a1"] is TAKEN
    assert real_day.states_at(hm("04:00"))["c2"] is HOLDING
    assert all(real_day.states_at(m)["a1"] is TAKEN for m in range(hm("04:00"), DAY_MINUTES))


def test_real_day_c2_is_taken_at_nine(real_day: Timeline) -> None:
    assert real_day.states_at(hm("08:59"))["c2"] is HOLDING
    assert real_day.states_at(hm("09:00"))["c2"] is TAKEN


def test_real_day_command_post_is_taken_at_a_quarter_past_five(real_day: Timeline) -> None:
    assert real_day.states_at(hm("16:59"))["command-post"] is HOLDING
    assert real_day.states_at(hm("17:15"))["command-post"] is TAKEN
    cp = next(e for e in real_day.events if e.step_id == "command-post")
    assert cp.exact and cp.minute == hm("17:15") and cp.display_time("vi") == "17:15"


def test_real_day_night_retreat_is_a_window_under_a_night_sky(real_day: Timeline) -> None:
    night = next(e for e in real_day.events if e.step_id == "night-retreat")
    assert night.window == (hm("17:15"), hm("22:00"))
    assert hm("17:15") < night.minute < hm("22:00")
    assert night.hand_minute == hm("22:00")
    assert _phase_at(night.minute) == (NIGHT, NIGHT)  # "taking advantage of the darkness"


def test_real_day_strongholds_that_fell_before_the_day_are_not_shown_holding(
    real_day: Timeline,
) -> None:
    totals = real_day.events[-1]
    assert "doc-lap" not in real_day.strongholds
    assert all("doc-lap" not in real_day.states_after_event(e.index) for e in real_day.timed_events)
    assert "doc-lap" not in real_day.states_at(DAY_MINUTES)
    final = real_day.states_after_event(totals.index)
    assert final["doc-lap"] is TAKEN
    assert set(final.values()) == {TAKEN}


def test_real_day_events_keep_their_windows_and_order(real_day: Timeline) -> None:
    timed = real_day.timed_events
    minutes = [e.minute for e in timed]
    assert minutes == sorted(minutes)
    for event in timed:
        assert event.earliest is not None and event.latest is not None
        assert event.earliest <= event.minute <= event.latest
        if event.exact:
            assert event.display_time("en") == format_clock(event.minute)
        else:
            assert event.label is not None
            assert event.display_time("en") == event.label.get("en")
            assert format_clock(event.minute) not in event.display_time("en")
    windowed = [i for i, e in enumerate(timed) if not e.exact and 0 < i < len(timed) - 1]
    assert windowed
    for i in windowed:
        assert timed[i - 1].minute < timed[i].minute < timed[i + 1].minute


def test_real_day_ends_with_the_totals(real_day: Timeline) -> None:
    assert real_day.events[-1].is_totals
    assert real_day.events[-1].minute == real_day.last_minute
    assert real_day.event_index_at(DAY_MINUTES) == real_day.events[-2].index
    assert real_day.start_minute == hm("03:00")
    assert real_day.end_minute == real_day.last_minute + 60


def test_real_day_plays_in_about_its_play_seconds(real_day: Timeline) -> None:
    schedule = real_day.play_schedule()
    assert min(schedule) >= MIN_DWELL_SECONDS
    assert total_play(real_day, schedule) == pytest.approx(real_day.play_seconds)
