"""One visitor's session: the content, the place in the story, the language.

The Qt backends are views of a :class:`Session`; tests can drive a session
directly without Qt.
"""

from __future__ import annotations

from collections.abc import Callable

from exhibit.core.model import Exhibit
from exhibit.core.story import Position, Story, resolve_language


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

    @property
    def language(self) -> str:
        return self._language

    def on_language(self, listener: Callable[[str], None]) -> None:
        self._language_listeners.append(listener)

    def on_position(self, listener: Callable[[Position], None]) -> None:
        self.story.subscribe(listener)

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
        return self.exhibit.string(key, self._language, **fields)
