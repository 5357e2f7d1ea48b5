"""The final day on the clock: time, hands, sky and strongholds, as a visitor meets them."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtQuick import QQuickItem

from exhibit.core import timeline as timeline_module
from exhibit.core.model import Exhibit
from exhibit.core.settings import Settings
from exhibit.core.timeline import SKY_KEYFRAMES, Timeline, format_clock
from tests.ui.harness import Visitor

LANGUAGES = ("vi", "en")
CHAPTER = "final-day"
#: Longer than any sweep (exhibit.core.timeline.SWEEP_MAX_MS) plus a few frames.
SWEEP_WAIT_MS = 5000


def _timeline(exhibit: Exhibit) -> Timeline:
    chapter = exhibit.chapter(CHAPTER)
    assert chapter is not None
    return Timeline.from_chapter(chapter)


def _expected_time(exhibit: Exhibit, index: int, language: str) -> str:
    event = _timeline(exhibit).events[index]
    if event.is_totals:
        return exhibit.string("totals_title", language)
    return event.display_time(language)


def _hands(visitor: Visitor) -> tuple[float, float]:
    hour = visitor.find("hourHand").rotation()
    minute = visitor.find("minuteHand").rotation()
    return hour, minute


def _wait_for_hands(visitor: Visitor, minute: float) -> None:
    """Wait until the sweep has brought the hands to ``minute`` (where they rest for an event)."""

    def arrived() -> None:
        hour_deg, minute_deg = _hands(visitor)
        assert hour_deg == pytest.approx(minute / 2, abs=0.01)
        assert minute_deg == pytest.approx(minute * 6, abs=0.1)

    visitor.qtbot.waitUntil(arrived, timeout=SWEEP_WAIT_MS)


def _marker_state(visitor: Visitor, place: str) -> str:
    marker = visitor.find(f"place-{place}")
    assert visitor.is_shown(marker), f"the marker of {place} is not on screen"
    return str(marker.property("placeState"))


def _shown_states(visitor: Visitor, strongholds: tuple[str, ...]) -> dict[str, str]:
    return {place: _marker_state(visitor, place) for place in strongholds}


def _expected_states(exhibit: Exhibit, index: int) -> dict[str, str]:
    states = _timeline(exhibit).states_after_event(index)
    return {place: state.value for place, state in states.items()}


def _bar_point(visitor: Visitor, fraction: float) -> QPoint:
    """Where a finger touches the timeline bar ``fraction`` of the way along."""
    bar = visitor.find("timelineBar")
    inset = float(bar.property("inset"))
    track = float(bar.property("trackWidth"))
    area: QQuickItem = visitor.find("timelineArea")
    x = inset + fraction * track
    return bar.mapToScene(QPointF(x, area.height() / 2)).toPoint()


def _theme_colour(visitor: Visitor, token: str) -> QColor:
    theme = visitor.running.engine.singletonInstance("Exhibit", "Theme")
    return QColor(theme.property(token))


def _sky_between(visitor: Visitor, minute: float) -> tuple[QColor, QColor]:
    """The Theme colours of the sky's keyframes either side of ``minute`` (tops)."""
    for (m0, phase0), (m1, phase1) in itertools.pairwise(SKY_KEYFRAMES):
        if m0 <= minute <= m1:
            return (
                _theme_colour(visitor, f"sky{phase0.title()}Top"),
                _theme_colour(visitor, f"sky{phase1.title()}Top"),
            )
    raise AssertionError(f"no keyframes around {minute}")


def _sky_is_between(visitor: Visitor, minute: float) -> bool:
    """Whether the sky's top colour lies between its two keyframes' colours, channel by channel."""
    top = QColor(visitor.find("clockSky").property("topColor"))
    a, b = _sky_between(visitor, minute)
    return all(
        min(x, y) - 1 <= value <= max(x, y) + 1
        for value, x, y in (
            (top.red(), a.red(), b.red()),
            (top.green(), a.green(), b.green()),
            (top.blue(), a.blue(), b.blue()),
        )
    )


def _is_playing(visitor: Visitor) -> bool:
    return bool(visitor.backends.clock.property("playing"))


def _fast_day(exhibit: Exhibit, monkeypatch: pytest.MonkeyPatch, dwell: float = 0.05) -> Exhibit:
    """The exhibit with a final day that plays in seconds: ``dwell`` on each event."""
    monkeypatch.setattr(timeline_module, "MIN_DWELL_SECONDS", dwell)
    chapters = tuple(
        dataclasses.replace(c, play_seconds=0.1) if c.id == CHAPTER else c for c in exhibit.chapters
    )
    return dataclasses.replace(exhibit, chapters=chapters)


def _content_minutes(exhibit: Exhibit) -> set[int]:
    """Every minute the content gives: the exact times and the ends of the windows."""
    minutes: set[int] = set()
    for step in exhibit.chapter(CHAPTER).steps:  # type: ignore[union-attr]
        if step.time is not None:
            minutes |= {step.time.earliest, step.time.latest}
    return minutes


def _readout_on_one_line(visitor: Visitor) -> bool:
    readout = visitor.find("clockTime")
    return int(readout.property("lineCount")) == 1 and not readout.property("truncated")


@pytest.mark.parametrize("language", LANGUAGES)
def test_stepping_through_the_day_shows_each_events_time_and_what_has_fallen(
    open_exhibit, exhibit_content, language
):
    # With reduced motion the clock cross-fades from one event to the next
    # instead of sweeping, so the walk through the day is quick.
    visitor = open_exhibit(
        language=language, open_spec=f"{CHAPTER}/1", settings=Settings(reduced_motion=True)
    )
    timeline = _timeline(exhibit_content)
    for event in timeline.events:
        _wait_for_hands(visitor, event.hand_minute)
        if event.is_totals:
            assert not visitor.is_shown(visitor.find("clockTime"))
        else:
            assert visitor.text("clockTime") == _expected_time(
                exhibit_content, event.index, language
            )
            assert _readout_on_one_line(visitor)
        if event.exact:
            assert visitor.text("clockTime") == format_clock(event.hand_minute)
        expected = _expected_states(exhibit_content, event.index)
        visitor.qtbot.waitUntil(
            lambda expected=expected: _shown_states(visitor, tuple(expected)) == expected
        )
        if event.index + 1 < len(timeline.events):
            visitor.tap("nextButton")


def test_a_stronghold_falls_when_the_clock_reaches_its_hour(open_exhibit):
    visitor = open_exhibit(language="en", open_spec=f"{CHAPTER}/4")  # 09:00
    assert _marker_state(visitor, "base-507") == "holding"
    visitor.tap("nextButton")  # 14:00: Base 507 raises the white flag
    assert visitor.text("clockTime") == "14:00"
    assert _hands(visitor)[0] < 14 * 60 / 2, "the hands have not arrived yet"
    assert _marker_state(visitor, "base-507") == "holding"
    _wait_for_hands(visitor, 14 * 60)
    visitor.qtbot.waitUntil(lambda: _marker_state(visitor, "base-507") == "taken")
    visitor.tap("previousButton")  # back before 14:00: it holds again at once
    assert _marker_state(visitor, "base-507") == "holding"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_windowed_event_is_drawn_as_its_window_and_named_in_words(
    open_exhibit, exhibit_content, language
):
    visitor = open_exhibit(language=language, open_spec=f"{CHAPTER}/1")
    timeline = _timeline(exhibit_content)
    windowed = [e for e in timeline.events if e.window is not None]
    assert len(windowed) >= 4, "the final day has events the source gives no hour for"
    for event in timeline.events:
        visitor.backends.story.goToStep(event.index)
        _wait_for_hands(visitor, event.hand_minute)
        arc = visitor.find("dialWindow")
        hands = [visitor.find("hourHand"), visitor.find("minuteHand")]
        if event.window is None:
            assert not visitor.is_shown(arc), event.step_id
            assert all(hand.opacity() == 1 for hand in hands)
            continue
        start, end = event.window
        # The arc runs on the dial from the window's start to its end...
        assert visitor.is_shown(arc), event.step_id
        assert arc.property("startMinute") == start
        assert arc.property("endMinute") == end
        # ...the hands rest, faded, at its end...
        visitor.qtbot.waitUntil(lambda end=end: _hands(visitor)[0] == end / 2)
        assert all(hand.opacity() < 0.5 for hand in hands)
        # ...and the readout says the window in the content's words, on one line.
        assert event.label is not None
        assert visitor.text("clockTime") == event.label.get(language)
        assert _readout_on_one_line(visitor)
        assert format_clock(event.minute) not in visitor.visible_texts()


def test_no_hand_ever_shows_a_minute_the_content_does_not_give(open_exhibit, exhibit_content):
    visitor = open_exhibit(language="en", open_spec=f"{CHAPTER}/1")
    given = _content_minutes(exhibit_content)
    timeline = _timeline(exhibit_content)
    seen = []
    for index in [*range(len(timeline.events)), *reversed(range(len(timeline.events)))]:
        visitor.backends.story.goToStep(index)
        rest = timeline.events[index].hand_minute
        visitor.qtbot.waitUntil(lambda rest=rest: _hands(visitor)[1] == rest * 6)
        hour_deg, minute_deg = _hands(visitor)
        shown = minute_deg / 6
        assert hour_deg == pytest.approx(shown / 2)
        assert round(shown) in given and shown == pytest.approx(round(shown))
        seen.append(round(shown))
    assert set(seen) == {e.hand_minute for e in timeline.events}


def test_the_hands_sweep_forward_to_the_next_event(open_exhibit, exhibit_content):
    visitor = open_exhibit(language="en", open_spec=f"{CHAPTER}/4")  # 09:00
    visitor.tap("nextButton")  # 14:00: the minute hand turns five times forward
    midway = []
    visitor.qtbot.waitUntil(lambda: midway.append(_hands(visitor)) or len(midway) > 3)
    for hour_deg, minute_deg in midway:
        assert 270 <= hour_deg <= 420
        assert 9 * 60 * 6 <= minute_deg <= 14 * 60 * 6
    assert [m for _, m in midway] == sorted(m for _, m in midway)
    _wait_for_hands(visitor, 14 * 60)
    visitor.tap("previousButton")  # and back, turning backwards
    _wait_for_hands(visitor, 9 * 60)


def test_with_reduced_motion_the_clock_fades_to_the_new_time_instead_of_sweeping(open_exhibit):
    visitor = open_exhibit(
        language="en", open_spec=f"{CHAPTER}/4", settings=Settings(reduced_motion=True)
    )  # 09:00
    visitor.tap("nextButton")  # 14:00
    assert visitor.backends.clock.property("sweepKind") == "fade"
    seen = []

    def arrived() -> None:
        seen.append(_hands(visitor))
        assert seen[-1][0] == pytest.approx(14 * 60 / 2)

    visitor.qtbot.waitUntil(arrived, timeout=SWEEP_WAIT_MS)
    # The hands jump, hidden by the fade: never anywhere between the two times.
    assert {round(hour) for hour, _ in seen} <= {9 * 30, 14 * 30}


def test_opening_at_an_event_puts_the_hands_at_its_time_at_once(open_exhibit):
    visitor = open_exhibit(language="en", open_spec=f"{CHAPTER}/4")
    assert visitor.text("clockTime") == "09:00"
    assert _hands(visitor) == (pytest.approx(270.0), pytest.approx(9 * 60 * 6.0))
    assert _sky_is_between(visitor, 9 * 60)


def _ticks(visitor: Visitor) -> list[tuple[int, float]]:
    """``(event index, fraction along the bar)`` of every tick a visitor sees, where it is drawn."""
    bar = visitor.find("timelineBar")
    inset = float(bar.property("inset"))
    track = float(bar.property("trackWidth"))
    ticks = []
    for mark in visitor.backends.clock.property("eventMarks"):
        tick = visitor.find(f"timelineMark-{mark['index']}")
        assert visitor.is_shown(tick)
        centre = bar.mapFromItem(tick, QPointF(tick.width() / 2, 0)).x()
        ticks.append((int(mark["index"]), (centre - inset) / track))
    return ticks


def _title(exhibit: Exhibit, index: int, language: str) -> str:
    return exhibit.chapter(CHAPTER).steps[index].title.get(language)  # type: ignore[union-attr]


@pytest.mark.parametrize("language", LANGUAGES)
def test_releasing_on_each_tick_opens_that_ticks_event(open_exhibit, exhibit_content, language):
    visitor = open_exhibit(language=language, open_spec=f"{CHAPTER}/11")
    ticks = _ticks(visitor)
    assert len(ticks) == len(_timeline(exhibit_content).timed_events)
    for index, fraction in ticks:
        visitor.tap_at(_bar_point(visitor, fraction))
        assert visitor.backends.clock.property("eventIndex") == index
        assert visitor.text("stepTitle") == _title(exhibit_content, index, language)
        assert not visitor.backends.clock.property("scrubbing")
    # A finger a little off a tick still lands on the nearest one.
    (first, a), (second, b) = ticks[3], ticks[4]
    visitor.tap_at(_bar_point(visitor, a + (b - a) * 0.4))
    assert visitor.backends.clock.property("eventIndex") == first
    visitor.tap_at(_bar_point(visitor, a + (b - a) * 0.6))
    assert visitor.backends.clock.property("eventIndex") == second


def test_dragging_across_the_ticks_tells_each_event_as_the_handle_reaches_it(
    open_exhibit, exhibit_content
):
    language = "vi"
    visitor = open_exhibit(language=language, open_spec=f"{CHAPTER}/1")
    timeline = _timeline(exhibit_content)
    ticks = _ticks(visitor)
    visitor.press_at(_bar_point(visitor, 0.0))
    for index, fraction in ticks:
        visitor.move_to(_bar_point(visitor, fraction))
        # The finger is still down, on this tick: the text, the clock and the
        # plan tell its event, and the hands are on its minute already.
        assert visitor.text("stepTitle") == _title(exhibit_content, index, language)
        assert visitor.text("clockTime") == _expected_time(exhibit_content, index, language)
        event = timeline.events[index]
        assert _hands(visitor)[1] == pytest.approx(event.hand_minute * 6)
        assert _shown_states(visitor, timeline.strongholds) == _expected_states(
            exhibit_content, index
        )
        handle = visitor.find("timelineHandle")
        centre = handle.mapToScene(QPointF(handle.width() / 2, 0)).x()
        assert centre == pytest.approx(_bar_point(visitor, fraction).x(), abs=2)
    # Back to the morning, still dragging: the afternoon's losses are undone.
    morning = dict(ticks)[_step_index(exhibit_content, "c2")]
    visitor.move_to(_bar_point(visitor, morning))
    assert visitor.text("clockTime") == "09:00"
    assert _marker_state(visitor, "command-post") == "holding"
    assert _marker_state(visitor, "base-507") == "holding"
    assert _marker_state(visitor, "c2") == "taken"
    visitor.release_at(_bar_point(visitor, morning))
    assert not visitor.backends.clock.property("scrubbing")
    assert visitor.text("stepTitle") == _title(
        exhibit_content, _step_index(exhibit_content, "c2"), language
    )
    _wait_for_hands(visitor, 9 * 60)


def test_left_and_right_on_the_focused_bar_move_event_by_event(open_exhibit, exhibit_content):
    visitor = open_exhibit(language="en", open_spec=f"{CHAPTER}/2")
    bar = visitor.find("timelineBar")
    for _ in range(30):
        if bar.hasActiveFocus():
            break
        visitor.key(Qt.Key.Key_Tab)
    assert bar.hasActiveFocus(), "Tab reaches the timeline bar"
    visitor.key(Qt.Key.Key_Right)
    assert visitor.backends.clock.property("eventIndex") == 2
    visitor.key(Qt.Key.Key_Right)
    assert visitor.backends.clock.property("eventIndex") == 3
    visitor.key(Qt.Key.Key_Left)
    visitor.key(Qt.Key.Key_Left)
    visitor.key(Qt.Key.Key_Left)
    assert visitor.backends.clock.property("eventIndex") == 0
    visitor.key(Qt.Key.Key_Left)  # never out of the chapter
    assert visitor.backends.clock.property("eventIndex") == 0
    assert visitor.text("stepTitle") == _title(exhibit_content, 0, "en")
    assert bar.hasActiveFocus()


def _step_index(exhibit: Exhibit, step_id: str) -> int:
    index = exhibit.chapter(CHAPTER).step_index(step_id)  # type: ignore[union-attr]
    assert index is not None
    return index


def _shown_words(visitor: Visitor) -> list[str]:
    """The texts a visitor sees, with names' no-break spaces read as spaces."""
    return [text.replace("\u00a0", " ") for text in visitor.visible_texts()]


def _arrows(visitor: Visitor) -> list[QQuickItem]:
    return [i for i in visitor.items() if i.objectName() == "planArrow" and visitor.is_shown(i)]


def _arrow_steps(visitor: Visitor) -> list[int]:
    return sorted(int(a.property("modelData")["step"]) for a in _arrows(visitor))


def test_arrows_draw_at_their_event_stay_as_a_trace_and_go_when_going_back(
    open_exhibit, exhibit_content
):
    visitor = open_exhibit(language="en", open_spec=f"{CHAPTER}/4")  # C2, 09:00
    chapter = exhibit_content.chapter(CHAPTER)
    c2 = _step_index(exhibit_content, "c2")

    def drawn_by(step: int) -> list[int]:
        return sorted(n for n, s in enumerate(chapter.steps[: step + 1]) for _ in s.arrows)

    assert _arrow_steps(visitor) == drawn_by(c2)
    visitor.tap("nextButton")  # 14:00: Regiment 209 on Base 507
    arrows = _arrows(visitor)
    new = [a for a in arrows if a.property("current")]
    assert [int(a.property("modelData")["step"]) for a in new] == [c2 + 1]
    # The new arrow draws itself as the hands go: part-way, then whole.
    visitor.qtbot.waitUntil(lambda: 0 < new[0].property("shown") < 1, timeout=SWEEP_WAIT_MS)
    _wait_for_hands(visitor, 14 * 60)
    visitor.qtbot.waitUntil(lambda: new[0].property("shown") == 1)
    label = next(i for i in new[0].childItems() if i.objectName() == "arrowLabel")
    visitor.qtbot.waitUntil(lambda: visitor.is_shown(label))
    assert "Regiment 209" in _shown_words(visitor)
    # Earlier arrows stay, faint, without their names.
    traces = [a for a in _arrows(visitor) if not a.property("current")]
    assert len(traces) == len(drawn_by(c2))
    assert all(a.opacity() < 0.6 for a in traces)
    assert "Regiment 174" not in _shown_words(visitor)
    visitor.tap("previousButton")
    assert _arrow_steps(visitor) == drawn_by(c2)
    assert "Regiment 209" not in _shown_words(visitor)


def test_the_flag_rises_over_the_command_post_at_17_15_and_is_gone_before(
    open_exhibit, exhibit_content
):
    visitor = open_exhibit(language="vi", open_spec=f"{CHAPTER}/7")
    assert visitor.maybe_find("planFlag-command-post") is None
    assert visitor.is_shown(visitor.find("planFlag-base-507"))  # the white flag, from 14:00
    assert not visitor.is_shown(visitor.find("flagBanner"))
    visitor.tap("nextButton")  # 17:15
    flag = visitor.find("planFlag-command-post")
    assert visitor.is_shown(flag)
    banner = visitor.find("flagBanner")
    assert visitor.is_shown(banner)
    words = exhibit_content.chapter(CHAPTER).steps[7].flag.words.get("vi")  # type: ignore[union-attr]
    assert banner.property("words") == words
    cloth = visitor.find("flagBannerCloth")
    # It climbs the pole once the hands are there.
    low = cloth.y()
    visitor.qtbot.waitUntil(lambda: banner.property("raised") == 1, timeout=SWEEP_WAIT_MS)
    assert cloth.y() < low
    assert flag.property("lift") == pytest.approx(1)
    visitor.tap("nextButton")  # the night: the flag still flies, no longer the step's
    assert visitor.is_shown(visitor.find("planFlag-command-post"))
    assert not visitor.is_shown(visitor.find("flagBanner"))
    visitor.tap("previousButton")
    visitor.tap("previousButton")  # back before 17:15
    assert visitor.maybe_find("planFlag-command-post") is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_finale_counts_up_to_the_contents_totals_then_stands_still(
    open_exhibit, exhibit_content, language
):
    visitor = open_exhibit(language=language, open_spec=f"{CHAPTER}/10")
    visitor.tap("nextButton")
    totals = exhibit_content.chapter(CHAPTER).steps[-1]
    expected = [(f.value.get(language), f.label.get(language)) for f in totals.figures]

    def values() -> list[tuple[str, str]]:
        return [_finale_row(visitor, n) for n in range(len(expected))]

    seen: list[list[tuple[str, str]]] = []
    visitor.qtbot.waitUntil(lambda: seen.append(values()) or values() == expected, timeout=10000)
    # It counted: on the way, the large numbers showed less than the totals.
    assert any(row != expected for row in seen)
    assert not visitor.is_shown(visitor.find("clockFace"))
    # Then still: nothing changes any more.
    visitor.settle(300)
    assert values() == expected
    assert visitor.find("finale").property("counted") == visitor.find("finale").property("totalMs")
    # The whole plan is taken.
    states = _expected_states(exhibit_content, len(_timeline(exhibit_content).events) - 1)
    assert set(states.values()) == {"taken"}
    assert _shown_states(visitor, tuple(states)) == states


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 720)])
def test_the_totals_words_are_read_whole_at_every_size(
    open_exhibit, exhibit_content, language, size
):
    visitor = open_exhibit(
        language=language,
        open_spec=f"{CHAPTER}/11",
        size=size,
        settings=Settings(reduced_motion=True),
    )
    count = len(exhibit_content.chapter(CHAPTER).steps[-1].figures)
    visitor.qtbot.waitUntil(
        lambda: all(_finale_row(visitor, n)[0] for n in range(count)), timeout=10000
    )
    cut = [
        str(label.property("text"))
        for n in range(count)
        for label in visitor.find(f"finaleFigure{n}").childItems()
        if label.objectName() == "finaleLabel" and label.property("truncated")
    ]
    assert not cut, f"cut short at {size}: {cut}"


def _finale_row(visitor: Visitor, n: int) -> tuple[str, str]:
    row = visitor.find(f"finaleFigure{n}")
    texts = {c.objectName(): str(c.property("text")) for c in row.childItems()}
    return (texts["finaleValue"], texts["finaleLabel"]) if row.opacity() > 0.99 else ("", "")


def test_with_reduced_motion_arrows_flag_and_totals_appear_whole_with_a_fade(
    open_exhibit, exhibit_content
):
    visitor = open_exhibit(
        language="en", open_spec=f"{CHAPTER}/7", settings=Settings(reduced_motion=True)
    )
    visitor.tap("nextButton")  # 17:15
    new = [i for i in visitor.items() if i.objectName() == "planArrow" and i.property("current")]
    assert new
    opacities = []
    for _ in range(20):
        assert all(a.property("shown") == 1 for a in new), "no arrow travels"
        assert visitor.find("planFlag-command-post").property("lift") == 1
        opacities.append(new[0].opacity())
        visitor.settle(20)
    assert min(opacities) < 1 and opacities[-1] == 1, "it fades in"
    visitor.backends.story.goToStep(len(_timeline(exhibit_content).events) - 1)
    visitor.settle(400)
    totals = exhibit_content.chapter(CHAPTER).steps[-1]
    assert [_finale_row(visitor, n)[0] for n in range(len(totals.figures))] == [
        f.value.get("en") for f in totals.figures
    ]


def test_an_events_key_figure_is_set_large(open_exhibit, exhibit_content):
    visitor = open_exhibit(language="vi", open_spec=f"{CHAPTER}/4")  # C2: 600 prisoners
    value = visitor.find("keyFigureValue")
    assert visitor.is_shown(value)
    step = exhibit_content.chapter(CHAPTER).steps[3]
    assert value.property("text") == step.figures[0].value.get("vi")
    body = visitor.find("stepBody")
    assert value.property("font").pixelSize() >= 2 * body.property("font").pixelSize()
    visitor.tap("nextButton")
    assert visitor.maybe_find("keyFigureValue") is None or not visitor.is_shown(
        visitor.find("keyFigureValue")
    )


def test_play_runs_the_day_by_itself_and_pause_holds_it(open_exhibit, exhibit_content, monkeypatch):
    visitor = open_exhibit(
        language="en", open_spec=f"{CHAPTER}/1", exhibit=_fast_day(exhibit_content, monkeypatch)
    )
    play = exhibit_content.string("play", "en")
    pause = exhibit_content.string("pause", "en")
    assert visitor.text("playButton") == play
    visitor.tap("playButton")
    assert visitor.find("playButton").property("text") == pause
    visitor.qtbot.waitUntil(
        lambda: visitor.backends.clock.property("eventIndex") >= 2, timeout=SWEEP_WAIT_MS
    )
    visitor.tap("playButton")
    assert visitor.text("playButton") == play
    held = visitor.backends.clock.property("eventIndex")
    visitor.settle(1300)  # longer than a sweep and a dwell
    assert visitor.backends.clock.property("eventIndex") == held
    assert visitor.text("clockTime") == _expected_time(exhibit_content, held, "en")


def test_the_day_stops_playing_at_the_totals(open_exhibit, exhibit_content, monkeypatch):
    visitor = open_exhibit(
        language="en", open_spec=f"{CHAPTER}/10", exhibit=_fast_day(exhibit_content, monkeypatch)
    )
    visitor.tap("playButton")
    visitor.qtbot.waitUntil(lambda: bool(visitor.backends.clock.property("isTotals")))
    visitor.settle(100)
    assert not _is_playing(visitor)
    assert visitor.text("stepTitle") == exhibit_content.chapter(CHAPTER).steps[-1].title.get("en")
    assert visitor.text("playButton") == exhibit_content.string("play", "en")


def test_changing_language_mid_play_keeps_the_time_the_states_and_the_play(
    open_exhibit, exhibit_content, monkeypatch
):
    visitor = open_exhibit(
        language="vi",
        open_spec=f"{CHAPTER}/4",
        exhibit=_fast_day(exhibit_content, monkeypatch, dwell=1.5),
    )
    timeline = _timeline(exhibit_content)
    visitor.tap("playButton")
    assert _is_playing(visitor)
    states = _shown_states(visitor, timeline.strongholds)
    hands = _hands(visitor)
    visitor.tap("languageToggle")
    assert visitor.text("clockTime") == "09:00"
    assert visitor.text("stepTitle") == exhibit_content.chapter(CHAPTER).steps[3].title.get("en")
    assert _hands(visitor) == hands
    assert _shown_states(visitor, timeline.strongholds) == states
    assert _is_playing(visitor)
    assert visitor.text("playButton") == exhibit_content.string("pause", "en")
    # And the day plays on to the next event.
    visitor.qtbot.waitUntil(lambda: visitor.text("clockTime") == "14:00", timeout=SWEEP_WAIT_MS)
    assert _is_playing(visitor)


def test_a_visitors_own_move_or_leaving_the_chapter_pauses(open_exhibit):
    visitor = open_exhibit(language="en", open_spec=f"{CHAPTER}/3")
    visitor.tap("playButton")
    assert _is_playing(visitor)
    visitor.tap("nextButton")
    assert not _is_playing(visitor)
    visitor.tap("playButton")
    assert _is_playing(visitor)
    visitor.tap("homeButton")
    assert not _is_playing(visitor)
    assert not visitor.backends.clock.property("active")


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 720)])
def test_the_clocks_controls_are_on_screen_and_big_enough(open_exhibit, size):
    visitor = open_exhibit(language="vi", open_spec=f"{CHAPTER}/9", size=size)
    minimum = 48 * min(size) / 1080 - 0.5
    for name in ("playButton", "timelineArea", "clockFace", "clockTime", "clockPlan", "stepBody"):
        item = visitor.find(name)
        assert visitor.is_shown(item), name
        box = item.mapRectToScene(item.boundingRect())
        assert visitor.window.contentItem().boundingRect().contains(box), name
    for name in ("playButton", "timelineArea"):
        item = visitor.find(name)
        assert item.width() >= minimum and item.height() >= minimum, name
    face = visitor.find("clockFace")
    plan = visitor.find("clockPlanArea")
    face_box = face.mapRectToScene(face.boundingRect())
    plan_box = plan.mapRectToScene(plan.boundingRect())
    assert not face_box.intersects(plan_box)
    assert _marker_state(visitor, "hong-cum") == "attacked"
    kinds = [a.property("kind") for a in _arrows(visitor) if a.property("current")]
    assert sorted(kinds) == ["advance", "advance", "retreat"]


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 720)])
def test_the_clock_is_the_centrepiece_and_the_bar_the_one_progress_indicator(open_exhibit, size):
    visitor = open_exhibit(language="en", open_spec=f"{CHAPTER}/1", size=size)
    face = visitor.find("clockFace")
    face_box = face.mapRectToScene(face.boundingRect())
    scale = min(size) / 1080
    if size[0] > size[1]:
        assert min(face_box.width(), face_box.height()) >= 600 * scale - 0.5
    plan = visitor.find("clockPlanArea").mapRectToScene(
        visitor.find("clockPlanArea").boundingRect()
    )
    text = visitor.find("stepTitle").mapRectToScene(visitor.find("stepTitle").boundingRect())
    if size[0] > size[1]:
        # Clock, then the plan in the rest of the stage, then the text.
        assert face_box.right() <= plan.left() and plan.right() <= text.left()
        assert face_box.width() > 0.3 * size[0]
    else:
        # The clock leads at the top, the text follows below.
        assert face_box.top() < plan.bottom() and face_box.bottom() < text.top()
        assert face_box.top() < 0.15 * size[1]
    assert not any(
        visitor.is_shown(i) for i in visitor.items() if i.objectName().startswith("stepDot")
    )
    assert visitor.is_shown(visitor.find("timelineBar"))
    # Another chapter keeps its step dots.
    visitor.backends.story.openChapter("fortress")
    visitor.settle(100)
    assert visitor.is_shown(visitor.find("stepDot0"))


def test_the_sky_is_night_before_dawn_and_day_in_the_afternoon(open_exhibit):
    # 04:00 lies between two night keyframes: exactly the night colour, with stars.
    visitor = open_exhibit(language="en", open_spec=f"{CHAPTER}/1")
    sky = visitor.find("clockSky")
    assert QColor(sky.property("topColor")) == _theme_colour(visitor, "skyNightTop")
    assert QColor(sky.property("bottomColor")) == _theme_colour(visitor, "skyNightBottom")
    assert sky.property("darkness") > 0.9
    night = QColor(sky.property("topColor")).lightness()
    # The command post falls at 17:15, in daylight: a lighter sky, no stars.
    visitor.backends.story.goToStep(_step_index(visitor.backends.session.exhibit, "command-post"))
    _wait_for_hands(visitor, 17 * 60 + 15)
    # The sky turns once the hands have arrived.
    visitor.qtbot.waitUntil(lambda: _sky_is_between(visitor, 17 * 60 + 15))
    assert QColor(sky.property("topColor")).lightness() > night
    assert sky.property("darkness") == 0


def _recorder(emitted: list[str], backend: object) -> None:
    """Record the name of every ``...Changed`` signal ``backend`` emits into ``emitted``."""
    meta = type(backend).staticMetaObject  # type: ignore[attr-defined]
    for index in range(meta.methodOffset(), meta.methodCount()):
        method = meta.method(index)
        name = method.name().data().decode()
        if method.methodType() == method.MethodType.Signal and name.endswith("Changed"):
            label = f"{type(backend).__name__}.{name}"
            getattr(backend, name).connect(lambda label=label: emitted.append(label))


def test_a_language_change_renames_the_day_and_moves_nothing(open_exhibit, exhibit_content):
    visitor = open_exhibit(language="vi", open_spec=f"{CHAPTER}/4")  # C2: arrows and a figure
    _wait_for_hands(visitor, 9 * 60)
    emitted: list[str] = []
    _recorder(emitted, visitor.backends.clock)
    _recorder(emitted, visitor.backends.dayplan)
    visitor.tap("languageToggle")
    # The words follow the language...
    assert {
        "ClockBackend.dateTextChanged",
        "DayPlanBackend.arrowsChanged",
        "DayPlanBackend.figuresChanged",
    } <= set(emitted)
    step = exhibit_content.chapter(CHAPTER).steps[3]
    assert visitor.find("keyFigureValue").property("text") == step.figures[0].value.get("en")
    # ...and nothing that moves the hands, the plan's view or its states is announced.
    assert not set(emitted) & {
        "ClockBackend.eventIndexChanged",
        "ClockBackend.minuteChanged",
        "ClockBackend.sweepMsChanged",
        "ClockBackend.windowChanged",
        "ClockBackend.planStatesChanged",
        "DayPlanBackend.viewChanged",
        "DayPlanBackend.flagsChanged",
    }
    assert _hands(visitor)[1] == pytest.approx(9 * 60 * 6)
