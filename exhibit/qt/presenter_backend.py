"""What the presenter's own screen shows, for QML: ``PresenterBackend``.

The step the audience sees now and the one the next press brings, each as
``{context, title, notes, body}`` in the current language. The labels in
``context`` are the session's, the same the audience's screen shows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from exhibit.core.session import Session
from exhibit.core.story import Position
from exhibit.qt import registry
from exhibit.qt.published import Published, published

QML_IMPORT_NAME = "Exhibit.Backend"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlSingleton
class PresenterBackend(Published):
    """The current and the next step, with the presenter's notes."""

    currentChanged = Signal()
    upcomingChanged = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.guarded(self._refresh)()
        session.on_position(self.guarded(lambda _position: self._refresh()))
        session.on_language(self.guarded(lambda _code: self._refresh()))
        session.on_content(self.guarded(lambda _exhibit: self._refresh()))

    @staticmethod
    def create(engine: QQmlEngine) -> PresenterBackend:
        return registry.singleton(PresenterBackend)

    def _refresh(self) -> None:
        story = self._session.story
        self.publish(
            current=self._describe(story.position),
            upcoming=self._describe(story.following(story.position)),
        )

    def _describe(self, position: Position | None) -> dict[str, str]:
        session = self._session
        exhibit = session.exhibit
        if position is None:
            return {"context": "", "title": session.text("presenter_end"), "notes": "", "body": ""}
        chapter = exhibit.chapter(position.chapter or "")
        if chapter is None:
            return {
                "context": "",
                "title": session.local(exhibit.title),
                "notes": "",
                "body": session.local(exhibit.subtitle),
            }
        step = chapter.steps[position.step]
        return {
            "context": session.context(position),
            "title": session.local(step.title),
            "notes": session.local(step.notes),
            "body": session.local(step.body),
        }

    #: {context, title, notes, body} of what the audience sees.
    current = published("QVariantMap", "current", currentChanged)
    #: The same for what the next press shows (the end of the talk: only a title).
    upcoming = published("QVariantMap", "upcoming", upcomingChanged)
