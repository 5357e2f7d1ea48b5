"""The final day on the clock: time, hands, sky and strongholds, as a visitor meets them."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QColor
from PySide6.QtQuick import QQuickItem

from exhibit.core import timeline as timeline_module
from exhibit.core.model import Exhibit
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
    """Wait until the sweep has brought the hands to ``minute``."""

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


def _fraction(timeline: Timeline, minute: float) -> float:
    """How far along the bar a visitor puts a finger for ``minute``: by proportion."""
    return (minute - timeline.start_minute) / (timeline.end_minute - timeline.start_minute)


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


@pytest.mark.parametrize("language", LANGUAGES)
def test_stepping_through_the_day_shows_each_events_time_and_what_has_fallen(
    open_exhibit, exhibit_content, language
):
    visitor = open_exhibit(language=language, open_spec=f"{CHAPTER}/1")
    # With reduced motion the clock cross-fades from one event to the next
    # instead of sweeping, so the walk through the day is quick.
    visitor.backends.session.reduced_motion = True
    timeline = _timeline(exhibit_content)
    date = exhibit_content.string("clock_date", language)
    approx = exhibit_content.string("time_approx", language)
    for event in timeline.events:
        _wait_for_hands(visitor, event.minute)
        assert visitor.text("clockTime") == _expected_time(exhibit_content, event.index, language)
        assert visitor.text("clockDate") == date
        if event.exact:
            assert visitor.text("clockTime") == format_clock(event.minute)
        approx_shown = visitor.is_shown(visitor.find("clockApprox"))
        assert approx_shown == (not event.exact and not event.is_totals)
        if approx_shown:
            assert visitor.text("clockApprox") == approx
        expected = _expected_states(exhibit_content, event.index)
        visitor.qtbot.waitUntil(
            lambda expected=expected: _shown_states(visitor, timeline.strongholds) == expected
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


def test_windowed_events_show_their_label_never_an_invented_time(open_exhibit, exhibit_content):
    visitor = open_exhibit(language="en", open_spec=f"{CHAPTER}/1")
    timeline = _timeline(exhibit_content)
    windowed = [e for e in timeline.events if not e.exact and not e.is_totals]
    assert windowed, "the final day has events the source gives no hour for"
    for event in windowed:
        visitor.backends.story.goToStep(event.index)
        visitor.settle()
        shown = visitor.text("clockTime")
        assert event.label is not None
        assert shown == event.label.get("en")
        assert format_clock(event.minute) not in visitor.visible_texts()


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
    visitor = open_exhibit(language="en", open_spec=f"{CHAPTER}/4")  # 09:00
    visitor.backends.session.reduced_motion = True
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


def test_dragging_the_timeline_moves_the_day_and_dragging_back_restores_it(
    open_exhibit, exhibit_content
):
    language = "vi"
    visitor = open_exhibit(language=language, open_spec=f"{CHAPTER}/1")
    timeline = _timeline(exhibit_content)
    afternoon = _fraction(timeline, 17 * 60 + 30)  # after the command post fell
    visitor.press_at(_bar_point(visitor, 0.0))
    for step in range(1, 6):
        visitor.move_to(_bar_point(visitor, afternoon * step / 5))
    # The finger is still down: the hands are under it, the story followed.
    scrub = visitor.backends.clock.property("scrubMinute")
    assert scrub == pytest.approx(17 * 60 + 30, abs=2)
    assert _hands(visitor)[1] == pytest.approx(scrub * 6, abs=0.5)
    command_post = timeline.event_index_at(17 * 60 + 30)
    assert visitor.text("clockTime") == "17:15"
    assert visitor.text("stepTitle") == exhibit_content.chapter(CHAPTER).steps[
        command_post
    ].title.get(language)
    assert _marker_state(visitor, "command-post") == "taken"
    assert _shown_states(visitor, timeline.strongholds) == _expected_states(
        exhibit_content, command_post
    )
    assert _sky_is_between(visitor, scrub)

    # Back to the morning, still dragging: the afternoon's losses are undone.
    morning = _fraction(timeline, 9 * 60 + 10)
    for step in range(1, 6):
        visitor.move_to(_bar_point(visitor, afternoon + (morning - afternoon) * step / 5))
    assert visitor.text("clockTime") == "09:00"
    assert _marker_state(visitor, "command-post") == "holding"
    assert _marker_state(visitor, "base-507") == "holding"
    assert _marker_state(visitor, "c2") == "taken"
    visitor.release_at(_bar_point(visitor, morning))
    # Lifted: the hands settle on the event's own minute.
    _wait_for_hands(visitor, 9 * 60)
    assert not visitor.backends.clock.property("scrubbing")


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
    assert visitor.text("clockTime") == exhibit_content.string("totals_title", "en")
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
    assert visitor.text("clockDate") == exhibit_content.string("clock_date", "en")
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
    for name in ("playButton", "timelineArea", "clockFace", "clockTime", "clockPlan"):
        item = visitor.find(name)
        assert visitor.is_shown(item), name
        box = item.mapRectToScene(item.boundingRect())
        assert visitor.window.contentItem().boundingRect().contains(box), name
    for name in ("playButton", "timelineArea"):
        item = visitor.find(name)
        assert item.width() >= minimum and item.height() >= minimum, name
    face = visitor.find("clockFace")
    plan = visitor.find("clockPlan")
    face_box = face.mapRectToScene(face.boundingRect())
    plan_box = plan.mapRectToScene(plan.boundingRect())
    assert not face_box.intersects(plan_box)
    assert _marker_state(visitor, "hong-cum") == "attacked"
    path = "hong-cum-escape"
    assert path in visitor.backends.clock.property("planPaths")


def test_the_sky_is_night_before_dawn_and_day_in_the_afternoon(open_exhibit):
    # 04:00 lies between two night keyframes: exactly the night colour, with stars.
    visitor = open_exhibit(language="en", open_spec=f"{CHAPTER}/1")
    sky = visitor.find("clockSky")
    assert QColor(sky.property("topColor")) == _theme_colour(visitor, "skyNightTop")
    assert QColor(sky.property("bottomColor")) == _theme_colour(visitor, "skyNightBottom")
    assert sky.property("darkness") > 0.9
    night = QColor(sky.property("topColor")).lightness()
    # The command post falls at 17:15, in daylight: a lighter sky, no stars.
    visitor.backends.story.goToStep(_timeline_index(visitor, 17 * 60 + 15))
    _wait_for_hands(visitor, 17 * 60 + 15)
    assert _sky_is_between(visitor, 17 * 60 + 15)
    assert QColor(sky.property("topColor")).lightness() > night
    assert sky.property("darkness") == 0


def _timeline_index(visitor: Visitor, minute: int) -> int:
    return _timeline(visitor.backends.session.exhibit).event_index_at(minute)
