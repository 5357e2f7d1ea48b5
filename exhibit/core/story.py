"""Where the visitor is in the story, and where each move takes them.

The UI never decides which step follows which: it asks a :class:`Story`.
The story reads as one continuous sequence (title, then every step of every
chapter in order), which is what a presenter's clicker expects, while each
chapter remembers its own step so that a visitor who goes home and comes back
finds their place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from exhibit.core.model import Chapter, Exhibit


@dataclass(frozen=True)
class Position:
    """A place in the story: the title screen (``chapter is None``) or a step."""

    chapter: str | None = None
    step: int = 0

    @property
    def on_title(self) -> bool:
        return self.chapter is None


TITLE = Position()


class Story:
    """The visitor's position, with the moves a tap, swipe or key can make."""

    def __init__(self, exhibit: Exhibit) -> None:
        self.exhibit = exhibit
        self._position = TITLE
        self._remembered: dict[str, int] = {}
        self._listeners: list[Callable[[Position], None]] = []

    @property
    def position(self) -> Position:
        return self._position

    @property
    def chapter(self) -> Chapter | None:
        if self._position.chapter is None:
            return None
        return self.exhibit.chapter(self._position.chapter)

    def subscribe(self, listener: Callable[[Position], None]) -> None:
        self._listeners.append(listener)

    def go_to(self, position: Position) -> None:
        if position.chapter is not None:
            chapter = self.exhibit.chapter(position.chapter)
            if chapter is None:
                raise ValueError(f"no chapter {position.chapter!r}")
            step = max(0, min(position.step, len(chapter.steps) - 1))
            position = Position(chapter.id, step)
            self._remembered[chapter.id] = step
        if position != self._position:
            self._position = position
            for listener in list(self._listeners):
                listener(position)

    def replace_exhibit(self, exhibit: Exhibit) -> None:
        """Tell the same story from new content (a curator's edit), keeping the place.

        The visitor stays on the same chapter and step; a step past the
        chapter's new end becomes its last, a chapter that is gone sends
        them to the title. The listeners are not told: whoever replaces the
        content tells everyone at once (see :meth:`Session.replace_exhibit`).
        """
        self.exhibit = exhibit
        steps = {chapter.id: len(chapter.steps) for chapter in exhibit.chapters}
        self._remembered = {
            cid: min(step, steps[cid] - 1)
            for cid, step in self._remembered.items()
            if steps.get(cid, 0) > 0
        }
        position = self._position
        if position.chapter is not None:
            count = steps.get(position.chapter, 0)
            position = Position(position.chapter, min(position.step, count - 1)) if count else TITLE
        self._position = position

    def open_chapter(self, chapter_id: str) -> None:
        """Open a chapter where the visitor last left it."""
        self.go_to(Position(chapter_id, self._remembered.get(chapter_id, 0)))

    def open_chapter_number(self, number: int) -> None:
        """Open the n-th chapter (1-based), as a presenter's number keys do."""
        if 1 <= number <= len(self.exhibit.chapters):
            self.open_chapter(self.exhibit.chapters[number - 1].id)

    def go_to_step(self, index: int) -> None:
        if self._position.chapter is not None:
            self.go_to(Position(self._position.chapter, index))

    def home(self) -> None:
        self.go_to(TITLE)

    def reset(self) -> None:
        """Back to the title with every chapter at its start (the idle reset)."""
        self._remembered.clear()
        self.go_to(TITLE)

    def next(self) -> bool:
        """One step on; past a chapter's last step into the next chapter."""
        target = self.following(self._position)
        if target is None:
            return False
        self.go_to(target)
        return True

    def previous(self) -> bool:
        target = self.preceding(self._position)
        if target is None:
            return False
        self.go_to(target)
        return True

    def following(self, position: Position) -> Position | None:
        chapters = self.exhibit.chapters
        if position.chapter is None:
            return Position(chapters[0].id, 0) if chapters else None
        index = self._chapter_index(position.chapter)
        chapter = chapters[index]
        if position.step + 1 < len(chapter.steps):
            return Position(chapter.id, position.step + 1)
        if index + 1 < len(chapters):
            return Position(chapters[index + 1].id, 0)
        return None

    def preceding(self, position: Position) -> Position | None:
        chapters = self.exhibit.chapters
        if position.chapter is None:
            return None
        if position.step > 0:
            return Position(position.chapter, position.step - 1)
        index = self._chapter_index(position.chapter)
        if index == 0:
            return TITLE
        previous = chapters[index - 1]
        return Position(previous.id, len(previous.steps) - 1)

    def _chapter_index(self, chapter_id: str) -> int:
        for index, chapter in enumerate(self.exhibit.chapters):
            if chapter.id == chapter_id:
                return index
        raise ValueError(f"no chapter {chapter_id!r}")


def parse_open_spec(spec: str, exhibit: Exhibit) -> Position:
    """Turn ``CHAPTER[/STEP]`` (1-based step) into a position, or raise ValueError."""
    chapter_id, _, step_text = spec.strip().partition("/")
    chapter = exhibit.chapter(chapter_id)
    if chapter is None:
        known = ", ".join(c.id for c in exhibit.chapters)
        raise ValueError(f"unknown chapter '{chapter_id}' (chapters: {known})")
    if not step_text:
        return Position(chapter.id, 0)
    if not step_text.isdigit() or not 1 <= int(step_text) <= len(chapter.steps):
        raise ValueError(
            f"step '{step_text}' is not a number from 1 to {len(chapter.steps)} in '{chapter.id}'"
        )
    return Position(chapter.id, int(step_text) - 1)


def match_language(requested: str, available: tuple[str, ...]) -> str | None:
    """The declared language ``requested`` names, or None if it names none.

    The exact code, or the primary subtag of a locale name ("en_GB", "vi-VN").
    """
    wanted = requested.strip().lower().replace("_", "-")
    if wanted in available:
        return wanted
    primary = wanted.split("-", 1)[0]
    return primary if primary in available else None


def resolve_language(requested: str | None, available: tuple[str, ...], default: str) -> str:
    """The declared language that best matches ``requested``, else the content's default."""
    if requested:
        return match_language(requested, available) or default
    return default
