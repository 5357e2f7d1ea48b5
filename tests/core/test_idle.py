"""The kiosk idle policy and the attract loop, driven by explicit times."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exhibit.core.idle import AttractLoop, IdlePolicy, IdleState, Slide, attract_scenes
from exhibit.core.settings import Settings

TIMEOUT = 90.0
WARNING = 30.0


def policy(now: float = 0.0, **kwargs: object) -> IdlePolicy:
    return IdlePolicy(TIMEOUT, WARNING, now=now, **kwargs)  # type: ignore[arg-type]


def test_stays_active_before_timeout() -> None:
    idle = policy()
    assert idle.tick(TIMEOUT - 0.001) is IdleState.ACTIVE
    assert idle.next_deadline(10) == TIMEOUT


def test_full_cycle() -> None:
    idle = policy()
    assert idle.tick(TIMEOUT) is IdleState.WARNING
    assert idle.state is IdleState.WARNING
    assert idle.seconds_left(TIMEOUT) == 30
    assert idle.seconds_left(TIMEOUT + 0.5) == 30
    assert idle.seconds_left(TIMEOUT + 1) == 29
    assert idle.tick(TIMEOUT + WARNING - 0.01) is IdleState.WARNING
    assert idle.seconds_left(TIMEOUT + WARNING - 0.01) == 1
    assert idle.tick(TIMEOUT + WARNING) is IdleState.RESET
    assert idle.state is IdleState.ATTRACT
    assert idle.tick(TIMEOUT + WARNING + 1000) is IdleState.ATTRACT  # RESET only once
    assert idle.next_deadline(TIMEOUT + WARNING) == math.inf


def test_input_postpones_the_warning() -> None:
    idle = policy()
    assert idle.touch(60) is False  # passed on as usual
    assert idle.tick(TIMEOUT) is IdleState.ACTIVE
    assert idle.next_deadline(TIMEOUT) == 60 + TIMEOUT
    assert idle.tick(60 + TIMEOUT) is IdleState.WARNING


def test_touch_dismisses_warning_and_is_consumed() -> None:
    idle = policy()
    idle.tick(TIMEOUT)
    assert idle.touch(TIMEOUT + 10) is True
    assert idle.state is IdleState.ACTIVE
    assert idle.seconds_left(TIMEOUT + 10) == 0
    assert idle.tick(TIMEOUT + WARNING + 1) is IdleState.ACTIVE
    assert idle.next_deadline(TIMEOUT + 11) == TIMEOUT + 10 + TIMEOUT
    assert idle.touch(TIMEOUT + 12) is False


def test_first_touch_in_attract_is_consumed_and_starts() -> None:
    idle = policy()
    idle.tick(TIMEOUT)
    assert idle.tick(TIMEOUT + WARNING) is IdleState.RESET
    assert idle.touch(500) is True
    assert idle.state is IdleState.ACTIVE
    assert idle.touch(501) is False
    assert idle.tick(501 + TIMEOUT - 1) is IdleState.ACTIVE
    assert idle.tick(501 + TIMEOUT) is IdleState.WARNING


def test_late_timer_never_shortens_the_countdown() -> None:
    idle = policy()
    # The timer fired long after the deadline (e.g. the machine was busy).
    assert idle.tick(TIMEOUT + WARNING + 100) is IdleState.WARNING
    assert idle.seconds_left(TIMEOUT + WARNING + 100) == 30
    assert idle.tick(TIMEOUT + WARNING + 129) is IdleState.WARNING
    assert idle.tick(TIMEOUT + WARNING + 130) is IdleState.RESET


def test_deadlines_follow_the_countdown_each_second() -> None:
    idle = policy(now=0.3)
    start = 0.3 + TIMEOUT
    assert idle.next_deadline(0.3) == pytest.approx(start)
    assert idle.tick(start) is IdleState.WARNING
    now = start
    shown = [idle.seconds_left(now)]
    ticks = 0
    while True:
        deadline = idle.next_deadline(now)
        assert deadline > now
        now = deadline
        ticks += 1
        state = idle.tick(now)
        if state is IdleState.RESET:
            break
        shown.append(idle.seconds_left(now))
    assert shown == list(range(30, 0, -1))
    assert ticks == 30
    assert now == pytest.approx(start + WARNING)


@given(
    start=st.floats(min_value=0, max_value=1e6, allow_nan=False),
    timeout=st.floats(min_value=1, max_value=3600),
    warning=st.floats(min_value=1, max_value=600),
)
def test_deadline_always_changes_the_countdown(
    start: float, timeout: float, warning: float
) -> None:
    idle = IdlePolicy(timeout, warning, now=start)
    now = idle.next_deadline(start)
    assert idle.tick(now) is IdleState.WARNING
    steps = 0
    while idle.state is IdleState.WARNING:
        before = idle.seconds_left(now)
        deadline = idle.next_deadline(now)
        assert deadline > now
        now = deadline
        if idle.tick(now) is IdleState.WARNING:
            assert idle.seconds_left(now) == before - 1
        steps += 1
        assert steps <= math.ceil(warning) + 1


def test_early_timer_just_rearms() -> None:
    idle = policy()
    idle.touch(50)
    assert idle.tick(TIMEOUT) is IdleState.ACTIVE  # armed for 90, input at 50 moved it
    assert idle.next_deadline(TIMEOUT) == 140


def test_disabled_policy_never_warns() -> None:
    idle = policy(enabled=False)
    assert not idle.enabled
    for now in (0, TIMEOUT, TIMEOUT + WARNING, 10_000):
        assert idle.tick(now) is IdleState.ACTIVE
        assert idle.next_deadline(now) == math.inf
        assert idle.touch(now) is False
        assert idle.seconds_left(now) == 0


def test_start_in_attract() -> None:
    idle = policy(start_in_attract=True)
    assert idle.state is IdleState.ATTRACT
    assert idle.tick(10_000) is IdleState.ATTRACT
    assert idle.touch(10_001) is True
    assert idle.state is IdleState.ACTIVE


@pytest.mark.parametrize(
    ("mode", "enabled", "state"),
    [
        ("kiosk", True, IdleState.ATTRACT),
        ("classroom", False, IdleState.ACTIVE),
        ("presentation", False, IdleState.ACTIVE),
    ],
)
def test_from_settings(mode: str, enabled: bool, state: IdleState) -> None:
    settings = Settings(mode=mode, idle_timeout_s=60, idle_warning_s=25)
    idle = IdlePolicy.from_settings(settings, now=5.0)
    assert idle.enabled is enabled
    assert idle.state is state
    assert idle.timeout_s == 60
    assert idle.warning_s == 25


def test_a_kiosk_opened_on_a_step_shows_it_instead_of_the_attract_loop() -> None:
    idle = IdlePolicy.from_settings(Settings(mode="kiosk"), now=5.0, opened=True)
    assert idle.enabled and idle.state is IdleState.ACTIVE


@pytest.mark.parametrize(("timeout", "warning"), [(0, 30), (90, 0), (-1, 30), (math.inf, 30)])
def test_invalid_durations(timeout: float, warning: float) -> None:
    with pytest.raises(ValueError):
        IdlePolicy(timeout, warning)


# ---------------------------------------------------------------------------
# Attract loop

CHAPTERS = [("prelude", 5), ("siege", 7), ("aftermath", 2)]
LANGUAGES = ("vi", "en")


def test_attract_cycle() -> None:
    loop = AttractLoop(CHAPTERS, LANGUAGES)
    assert loop.slides == (
        Slide("prelude", 0, "vi"),
        Slide("prelude", 1, "vi"),
        Slide("prelude", 2, "vi"),
        Slide("siege", 0, "en"),
        Slide("siege", 1, "en"),
        Slide("siege", 2, "en"),
        Slide("aftermath", 0, "vi"),
        Slide("aftermath", 1, "vi"),
        Slide("prelude", 0, "en"),
        Slide("prelude", 1, "en"),
        Slide("prelude", 2, "en"),
        Slide("siege", 0, "vi"),
        Slide("siege", 1, "vi"),
        Slide("siege", 2, "vi"),
        Slide("aftermath", 0, "en"),
        Slide("aftermath", 1, "en"),
    )
    assert len(loop) == 16


def test_every_chapter_in_every_language() -> None:
    loop = AttractLoop(CHAPTERS, LANGUAGES, steps_per_chapter=1)
    pairs = {(s.chapter_id, s.language) for s in loop.slides}
    assert pairs == {(c, lang) for c, _ in CHAPTERS for lang in LANGUAGES}


def test_slide_at_cycles_forever() -> None:
    loop = AttractLoop(CHAPTERS, LANGUAGES)
    assert loop.slide_at(0) == loop.slide_at(len(loop)) == loop.slide_at(-len(loop))
    assert loop.slide_at(len(loop) * 1000 + 3) == loop.slides[3]
    first = list(itertools.islice(loop, len(loop) * 2 + 1))
    assert first == [loop.slide_at(n) for n in range(len(loop) * 2 + 1)]
    chapter_id, step_index, language, play_s = loop.slide_at(0)
    assert (chapter_id, step_index, language, play_s) == ("prelude", 0, "vi", 0.0)


def test_chosen_steps_and_a_played_clock() -> None:
    loop = AttractLoop(
        CHAPTERS, ("vi",), steps={"prelude": [0, 4], "siege": [6, 99]}, played={"aftermath": 45.0}
    )
    assert loop.slides == (
        Slide("prelude", 0, "vi"),
        Slide("prelude", 4, "vi"),
        Slide("siege", 6, "vi"),  # a step the chapter does not have is left out
        Slide("aftermath", 0, "vi", 45.0),  # the clock plays from the first shown step
        Slide("aftermath", 1, "vi"),
    )


def test_the_shipped_loop_shows_the_openings_the_endings_and_the_whole_day() -> None:
    from exhibit.core.content import load_content
    from exhibit.paths import ASSETS_DIR, CONTENT_DIR

    exhibit = load_content(CONTENT_DIR, ASSETS_DIR)
    steps, played = attract_scenes(exhibit)
    offensive, fortress, final_day = exhibit.chapters
    assert steps[offensive.id] == [0, len(offensive.steps) - 1], "the fronts, then the arrows"
    assert steps[fortress.id] == [0, len(fortress.steps) - 1], "the valley, then the claim"
    assert steps[final_day.id] == [0] and played[final_day.id] == final_day.play_seconds
    assert offensive.steps[-1].converge is not None and fortress.steps[-1].quote is not None


def test_empty_chapters_are_skipped() -> None:
    loop = AttractLoop([("empty", 0), ("siege", 2)], ("vi",))
    assert loop.slides == (Slide("siege", 0, "vi"), Slide("siege", 1, "vi"))


def test_attract_needs_something_to_show() -> None:
    with pytest.raises(ValueError):
        AttractLoop([], LANGUAGES)
    with pytest.raises(ValueError):
        AttractLoop([("a", 0)], LANGUAGES)
    with pytest.raises(ValueError):
        AttractLoop(CHAPTERS, ())
    with pytest.raises(ValueError):
        AttractLoop(CHAPTERS, LANGUAGES, steps_per_chapter=0)


def test_enter_attract_goes_to_the_resting_state_and_a_touch_leaves_it():
    policy = IdlePolicy(90, 30, now=0.0)
    policy.touch(1.0)
    assert policy.state is IdleState.ACTIVE

    policy.enter_attract(5.0)

    assert policy.state is IdleState.ATTRACT
    assert policy.touch(6.0) is True  # the first touch only starts the exhibit
    assert policy.state is IdleState.ACTIVE


def test_enter_attract_does_nothing_outside_kiosk():
    policy = IdlePolicy(90, 30, now=0.0, enabled=False)

    policy.enter_attract(5.0)

    assert policy.state is IdleState.ACTIVE
