"""One visitor's session: the content, the place in the story, the language.

The Qt backends are views of a :class:`Session`; tests can drive a session
directly without Qt.

Besides the story and the language, the session carries the few things a
visitor does that neither of them sees (:class:`Activity`): a visit begins
or ends, a place on a map is tapped, the clock is played, the screen is
touched. Whoever notices one reports it here (:meth:`Session.report`) and
whoever counts them listens here (:meth:`Session.on_activity`), so the
visitor figures and the health file never reach into the user interface.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from exhibit.core.model import Exhibit, Text
from exhibit.core.story import Position, Story, resolve_language
from exhibit.core.typography import keep_words_whole

#: The first touch after the kiosk's attract loop (or the start, outside kiosk mode).
VISIT_BEGAN: Final = "visit_began"
#: The visit is over; ``detail`` says why: :data:`END_IDLE`, :data:`END_EXIT` or :data:`END_ERROR`.
VISIT_ENDED: Final = "visit_ended"
#: A place on a map was tapped; ``detail`` is its id.
PLACE_TAPPED: Final = "place_tapped"
#: The clock was set playing.
CLOCK_PLAYED: Final = "clock_played"
#: Any touch, click, key or wheel turn.
TOUCHED: Final = "touched"
ACTIVITIES: Final = (VISIT_BEGAN, VISIT_ENDED, PLACE_TAPPED, CLOCK_PLAYED, TOUCHED)

END_IDLE: Final = "idle"  # the kiosk's idle reset
END_EXIT: Final = "exit"  # the program ended
END_ERROR: Final = "error"  # an unexpected error sent the kiosk back to its attract loop


@dataclass(frozen=True)
class Activity:
    """Something a visitor did that the story and the language do not show."""

    kind: str
    detail: str = ""

    def __post_init__(self) -> None:
        if self.kind not in ACTIVITIES:
            raise ValueError(f"unknown activity {self.kind!r}")


class Session:
    def __init__(
        self, exhibit: Exhibit, language: str | None = None, *, reduced_motion: bool = False
    ) -> None:
        self.exhibit = exhibit
        #: Replace sweeps and slides with short fades (a visitor or museum setting).
        self.reduced_motion = reduced_motion
        self.story = Story(exhibit)
        self._language = resolve_language(
            language, exhibit.language_codes, exhibit.default_language
        )
        self._language_listeners: list[Callable[[str], None]] = []
        self._content_listeners: list[Callable[[Exhibit], None]] = []
        self._activity_listeners: list[Callable[[Activity], None]] = []

    @property
    def language(self) -> str:
        return self._language

    def on_language(self, listener: Callable[[str], None]) -> None:
        self._language_listeners.append(listener)

    def on_position(self, listener: Callable[[Position], None]) -> None:
        self.story.subscribe(listener)

    def on_content(self, listener: Callable[[Exhibit], None]) -> None:
        """``listener(exhibit)`` after the content is replaced (see :meth:`replace_exhibit`)."""
        self._content_listeners.append(listener)

    def replace_exhibit(self, exhibit: Exhibit) -> None:
        """Show new content (a curator's saved edit) in the same place and language.

        The place in the story is kept as far as the new content allows (see
        :meth:`Story.replace_exhibit`), and the language too while the
        content still declares it. The content listeners then hear of it
        once; they recompute everything they show, since the place and the
        language may have changed with it.
        """
        self.exhibit = exhibit
        self.story.replace_exhibit(exhibit)
        self._language = resolve_language(
            self._language, exhibit.language_codes, exhibit.default_language
        )
        for listener in list(self._content_listeners):
            listener(exhibit)

    def on_activity(self, listener: Callable[[Activity], None]) -> None:
        self._activity_listeners.append(listener)

    def report(self, kind: str, detail: str = "") -> None:
        """Tell the listeners that a visitor did ``kind`` (one of :data:`ACTIVITIES`)."""
        activity = Activity(kind, detail)
        for listener in list(self._activity_listeners):
            listener(activity)

    def set_language(self, code: str) -> None:
        language = resolve_language(code, self.exhibit.language_codes, self._language)
        if language != self._language:
            self._language = language
            for listener in list(self._language_listeners):
                listener(language)

    @property
    def next_language(self) -> str:
        """The language the toggle switches to: the next one in declared order."""
        codes = self.exhibit.language_codes
        return codes[(codes.index(self._language) + 1) % len(codes)]

    def toggle_language(self) -> None:
        self.set_language(self.next_language)

    def reset(self) -> None:
        """What the kiosk's idle reset does: title screen, default language."""
        self.story.reset()
        self.set_language(self.exhibit.default_language)

    def text(self, key: str, **fields: object) -> str:
        """A UI string in the current language with its fields filled, set for the screen."""
        return keep_words_whole(self.exhibit.string(key, self._language, **fields))

    def local(self, text: Text | None) -> str:
        """A content text in the current language, set for the screen ("" for none).

        Set for the screen: a hyphenated name never breaks across two lines
        (:mod:`exhibit.core.typography`).
        """
        return keep_words_whole(self.written(text))

    def written(self, text: Text | None) -> str:
        """A content text in the current language as written ("" for none): for a
        line that never wraps (a map's label), and for what leaves the screen."""
        return text.get(self._language, self.exhibit.default_language) if text else ""

    # -- the labels of a place in the story, as every screen writes them --

    def chapter_number(self, position: Position) -> int:
        """The 1-based number of the position's chapter; 0 on the title screen."""
        chapter = self.exhibit.chapter(position.chapter or "")
        return self.exhibit.chapters.index(chapter) + 1 if chapter else 0

    def chapter_label(self, position: Position) -> str:
        """ "Chapter 2" in the current language; "" on the title screen."""
        number = self.chapter_number(position)
        return self.text("chapter_label", n=number) if number else ""

    def step_label(self, position: Position) -> str:
        """ "Step 3 of 9" in the current language; "" on the title screen."""
        chapter = self.exhibit.chapter(position.chapter or "")
        if chapter is None:
            return ""
        return self.text("step_of", n=position.step + 1, total=len(chapter.steps))

    def context(self, position: Position) -> str:
        """Chapter label, chapter title and step label in one line ("" on the title)."""
        chapter = self.exhibit.chapter(position.chapter or "")
        if chapter is None:
            return ""
        parts = (self.chapter_label(position), self.local(chapter.title))
        return " · ".join((*parts, self.step_label(position)))
