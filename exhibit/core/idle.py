"""When an unattended kiosk warns, resets and plays its attract loop.

A gallery kiosk must return to its start after a visitor walks away, or the
next visitor meets the middle of somebody else's story in somebody else's
language. Resetting on a visitor who is still reading is worse, so there is
a notice with a countdown first, long enough to respond to (WCAG 2.2.1
asks for at least 20 seconds), and any touch dismisses it.

The policy is a plain state machine driven by explicit times, so it can be
tested without waiting and without Qt. The Qt layer feeds it input times
(:meth:`IdlePolicy.touch`) and arms one single-shot timer for
:meth:`IdlePolicy.next_deadline`; when that fires it calls
:meth:`IdlePolicy.tick` and re-arms. Input does not need to re-arm the timer:
a timer that fires early just finds the deadline moved and re-arms.

States::

    ACTIVE --no input for timeout_s--> WARNING --warning_s more--> RESET --> ATTRACT
      ^                                   |                                   |
      +------------ touch (consumed) -----+--------- touch (consumed) --------+

In classroom and presentation modes the policy is disabled: someone is
presenting or studying at their own pace, and an exhibit that resets under a
teacher mid-lesson is a bug.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from exhibit.core.model import Exhibit
    from exhibit.core.settings import Settings

# Tolerance when turning remaining time into whole seconds, so that at the
# exact deadline returned by next_deadline the countdown has already changed
# despite floating-point rounding (otherwise the timer would re-fire at once).
_EPSILON = 1e-9


class IdleState(Enum):
    """Where the kiosk is in its idle cycle."""

    ACTIVE = "active"  # a visitor is using the exhibit
    WARNING = "warning"  # the "still there?" notice is counting down
    RESET = "reset"  # returned by tick() once: reset the exhibit to its start now
    ATTRACT = "attract"  # the attract loop plays until someone touches the screen


class IdlePolicy:
    """The kiosk idle timer as a pure state machine; all times are monotonic seconds.

    ``timeout_s`` is how long without input before the notice appears;
    ``warning_s`` how long the notice counts down before the reset. The
    countdown starts when :meth:`tick` notices the timeout, not when it
    nominally expired, so a late timer never shortens the visitor's time to
    respond. RESET is an event rather than a resting state: the :meth:`tick`
    that ends the countdown returns it once and the policy moves on to
    ATTRACT, so the caller resets the exhibit exactly once.

    A touch on the notice or on the attract loop is consumed (:meth:`touch`
    returns True): the visitor meant "I'm here" or "start", not to press
    whatever button happened to be under their finger. After an attract-loop
    touch the exhibit starts at its title screen (it was reset on RESET).
    """

    def __init__(
        self,
        timeout_s: float,
        warning_s: float,
        *,
        now: float = 0.0,
        enabled: bool = True,
        start_in_attract: bool = False,
    ) -> None:
        if not (timeout_s > 0 and math.isfinite(timeout_s)):
            raise ValueError("timeout_s must be a positive number of seconds")
        if not (warning_s > 0 and math.isfinite(warning_s)):
            raise ValueError("warning_s must be a positive number of seconds")
        self.timeout_s = float(timeout_s)
        self.warning_s = float(warning_s)
        self._enabled = enabled
        self._last_input = now
        self._warning_ends = math.inf
        self._state = IdleState.ATTRACT if enabled and start_in_attract else IdleState.ACTIVE

    @classmethod
    def from_settings(cls, settings: Settings, now: float, *, opened: bool = False) -> IdlePolicy:
        """The policy for ``settings``: enabled only in kiosk mode, which starts in attract.

        A kiosk that has just been switched on has no visitor yet, so it
        starts with the attract loop rather than a notice asking whether
        anyone is there; unless it was ``opened`` on a chosen step (staff
        checking a screen), which it then shows, as if a visitor had just
        arrived there.
        """
        return cls(
            settings.idle_timeout_s,
            settings.idle_warning_s,
            now=now,
            enabled=settings.is_kiosk,
            start_in_attract=settings.is_kiosk and not opened,
        )

    @property
    def enabled(self) -> bool:
        return self._enabled

    @property
    def state(self) -> IdleState:
        """The current state; never RESET (see :meth:`tick`)."""
        return self._state

    def touch(self, now: float) -> bool:
        """Record visitor input at ``now``; True if the input must not be passed on.

        In ACTIVE the input goes on to the UI as usual. In WARNING it dismisses
        the notice; in ATTRACT it starts the exhibit; either way it is consumed.
        """
        self._last_input = now
        if not self._enabled or self._state is IdleState.ACTIVE:
            return False
        self._state = IdleState.ACTIVE
        self._warning_ends = math.inf
        return True

    def enter_attract(self, now: float) -> None:
        """Go straight to the attract loop, as after a reset (e.g. to recover from an error).

        Does nothing when the policy is disabled (outside kiosk mode).
        """
        if not self._enabled:
            return
        self._state = IdleState.ATTRACT
        self._warning_ends = math.inf
        self._last_input = now

    def tick(self, now: float) -> IdleState:
        """Advance to ``now`` and return the state, or RESET once when the countdown ends."""
        if not self._enabled:
            return IdleState.ACTIVE
        if self._state is IdleState.ACTIVE and now >= self._last_input + self.timeout_s:
            self._state = IdleState.WARNING
            self._warning_ends = now + self.warning_s
        elif self._state is IdleState.WARNING and now >= self._warning_ends:
            self._state = IdleState.ATTRACT
            self._warning_ends = math.inf
            return IdleState.RESET
        return self._state

    def seconds_left(self, now: float) -> int:
        """Whole seconds the notice still shows (rounded up); 0 outside WARNING."""
        if self._state is not IdleState.WARNING:
            return 0
        return max(0, math.ceil(self._warning_ends - now - _EPSILON))

    def next_deadline(self, now: float) -> float:
        """When :meth:`tick` should next be called; ``math.inf`` if no timer is needed.

        In ACTIVE that is when the notice is due. In WARNING it is the moment
        the countdown's number changes, so the notice can be redrawn once a
        second without polling, and finally the moment of the reset. The
        deadline may already have passed (call tick at once).
        """
        if not self._enabled:
            return math.inf
        if self._state is IdleState.ACTIVE:
            return self._last_input + self.timeout_s
        if self._state is IdleState.WARNING:
            left = self.seconds_left(now)
            return self._warning_ends - max(0, left - 1)
        return math.inf


# ---------------------------------------------------------------------------
# The attract loop.


class Slide(NamedTuple):
    """One page of the attract loop: a step of a chapter, in one language.

    ``play_s`` > 0: the chapter's clock plays from this step for that many
    seconds (the day sweeps by) before the loop moves on.
    """

    chapter_id: str
    step_index: int
    language: str
    play_s: float = 0.0


DEFAULT_STEPS_PER_CHAPTER = 3
#: How long a clock plays in the attract loop when its chapter does not say.
DEFAULT_CLOCK_PLAY_S = 60.0


class AttractLoop:
    """A self-running tour: the first few steps of each chapter, in every language.

    Passers-by see the exhibit from a distance, so the loop shows what is
    inside (each chapter's opening steps) rather than a static title, and
    shows both languages so neither audience walks past thinking the exhibit
    is not for them. Languages alternate from chapter to chapter, and each
    pass starts one language further on, so over one cycle every chapter is
    shown in every language. The cycle repeats forever; :meth:`slide_at`
    accepts any index.

    It takes plain data, ``(chapter_id, step_count)`` pairs and language
    codes, so it does not depend on how the content is modelled. ``steps``
    names, per chapter, the steps to show (by index; default: the first
    ``steps_per_chapter``), and ``played`` the chapters told on a clock, with
    how long the clock plays from their first shown step (see
    :func:`attract_scenes`).
    """

    def __init__(
        self,
        chapters: Sequence[tuple[str, int]],
        languages: Sequence[str],
        steps_per_chapter: int = DEFAULT_STEPS_PER_CHAPTER,
        *,
        steps: Mapping[str, Sequence[int]] | None = None,
        played: Mapping[str, float] | None = None,
    ) -> None:
        if steps_per_chapter < 1:
            raise ValueError("steps_per_chapter must be at least 1")
        if not languages:
            raise ValueError("the attract loop needs at least one language")
        shown = [(chapter_id, count) for chapter_id, count in chapters if count > 0]
        if not shown:
            raise ValueError("the attract loop needs at least one chapter with steps")
        played = played or {}
        slides: list[Slide] = []
        for turn in range(len(languages)):
            for position, (chapter_id, count) in enumerate(shown):
                language = languages[(turn + position) % len(languages)]
                chosen = (steps or {}).get(chapter_id) or range(min(count, steps_per_chapter))
                indexes = [i for i in chosen if 0 <= i < count]
                for order, step in enumerate(indexes):
                    play_s = played.get(chapter_id, 0.0) if order == 0 else 0.0
                    slides.append(Slide(chapter_id, step, language, play_s))
        self.slides: tuple[Slide, ...] = tuple(slides)

    def __len__(self) -> int:
        """Slides in one cycle."""
        return len(self.slides)

    def slide_at(self, n: int) -> Slide:
        """The ``n``-th slide of the endless loop (counting from 0)."""
        return self.slides[n % len(self.slides)]

    def __iter__(self) -> Iterator[Slide]:
        """The slides in order, forever."""
        return itertools.cycle(self.slides)


def attract_scenes(exhibit: Exhibit) -> tuple[dict[str, list[int]], dict[str, float]]:
    """The story's strongest moments, for :class:`AttractLoop` (``steps``, ``played``).

    Each chapter shows its opening step and its high points (a quotation
    set large, arrows converging: :attr:`~exhibit.core.model.Step.is_climax`).
    A chapter told on the clock shows its first step and plays the whole day
    from there, for as long as the chapter's ``play_seconds`` says.
    """
    steps: dict[str, list[int]] = {}
    played: dict[str, float] = {}
    for chapter in exhibit.chapters:
        if not chapter.steps:
            continue
        if chapter.told_on_clock:
            steps[chapter.id] = [0]
            played[chapter.id] = float(chapter.play_seconds or DEFAULT_CLOCK_PLAY_S)
            continue
        steps[chapter.id] = [0] + [
            index for index, step in enumerate(chapter.steps) if index > 0 and step.is_climax
        ]
    return steps, played
