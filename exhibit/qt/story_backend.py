"""Where the visitor is in the story, for QML: ``StoryBackend``.

The story decides where each move leads (:mod:`exhibit.core.story`) and the
session writes the labels (:class:`~exhibit.core.session.Session`); this
backend publishes the current place and its texts in the current language,
each property with its own signal, emitted only when its value changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtGui import QImageReader
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from exhibit.core.kicker import kicker_places
from exhibit.core.model import Chapter
from exhibit.core.session import Session
from exhibit.core.story import Position
from exhibit.qt import registry
from exhibit.qt.published import Published, published

QML_IMPORT_NAME = "Exhibit.Backend"
QML_IMPORT_MAJOR_VERSION = 1


def _image_size(file: Path) -> dict[str, int]:
    """An image's own size (from its header), so a screen keeps its shape before it loads."""
    size = QImageReader(str(file)).size()
    return {"width": max(1, size.width()), "height": max(1, size.height())}


def _file_url(file: Path | None) -> str:
    """A content file as a URL for QML, versioned by the file's size and time.

    Qt keeps the images it has decoded by URL: an image a curator saves again
    under the same name (the live preview) gets a new URL, so it is read
    again rather than taken from that cache; an unchanged file keeps its URL.
    """
    if not file:
        return ""
    url = QUrl.fromLocalFile(str(file))
    try:
        status = file.stat()
    except OSError:
        return url.toString()
    url.setQuery(f"v={status.st_mtime_ns:x}-{status.st_size:x}")
    return url.toString()


@QmlElement
@QmlSingleton
class StoryBackend(Published):
    """Where the visitor is, and the texts of that place in the current language."""

    onTitleChanged = Signal()
    chapterIdChanged = Signal()
    chapterNumberChanged = Signal()
    chapterLabelChanged = Signal()
    chapterTitleChanged = Signal()
    stageKindChanged = Signal()
    stepIndexChanged = Signal()
    stepCountChanged = Signal()
    stepLabelChanged = Signal()
    stepChanged = Signal()
    chaptersChanged = Signal()
    canGoNextChanged = Signal()
    canGoPreviousChanged = Signal()
    directionChanged = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._last: Position = session.story.position
        self.publish(direction=0)
        self.guarded(self._on_language)()
        session.on_position(self.guarded(self._on_position))
        session.on_language(self.guarded(lambda _code: self._on_language()))
        session.on_content(self.guarded(lambda _exhibit: self._on_content()))

    @staticmethod
    def create(engine: QQmlEngine) -> StoryBackend:
        return registry.singleton(StoryBackend)

    def _on_position(self, position: Position) -> None:
        order = {None: -1, **{c.id: i for i, c in enumerate(self._session.exhibit.chapters)}}
        before = (order[self._last.chapter], self._last.step)
        after = (order[position.chapter], position.step)
        self._last = position
        self.publish(direction=1 if after >= before else -1)
        self._refresh()

    def _on_content(self) -> None:
        self._last = self._session.story.position
        self._on_language()

    def _on_language(self) -> None:
        self.publish(chapters=self._chapters())
        self._refresh()

    def _refresh(self) -> None:
        """What changes with the place in the story (and with the language)."""
        session = self._session
        story = session.story
        position = story.position
        chapter = story.chapter
        self.publish(
            onTitle=position.on_title,
            chapterId=position.chapter or "",
            chapterNumber=session.chapter_number(position),
            chapterLabel=session.chapter_label(position),
            chapterTitle=session.local(chapter.title if chapter else None),
            stageKind=self._stage_kind(chapter),
            stepIndex=position.step,
            stepCount=len(chapter.steps) if chapter else 0,
            stepLabel=session.step_label(position),
            step=self._step_texts(),
            canGoNext=story.following(position) is not None,
            canGoPrevious=story.preceding(position) is not None,
        )

    def _stage_kind(self, chapter: Chapter | None) -> str:
        """What a chapter's picture side shows: "clock", "geo" or "plan" (a map)."""
        if chapter is None:
            return ""
        if chapter.told_on_clock:
            return "clock"
        return self._session.exhibit.maps[chapter.map].kind.value

    def _step_texts(self) -> dict[str, Any]:
        session = self._session
        chapter = session.story.chapter
        if chapter is None:
            return {}
        step = chapter.steps[session.story.position.step]
        exhibit = session.exhibit
        source = exhibit.sources.get(step.source)
        local = session.local
        quote = step.quote
        return {
            "id": step.id,
            "title": local(step.title),
            "body": local(step.body),
            "who": local(step.who),
            "source": local(source.title if source else None),
            "places": [local(exhibit.places[p].name) for p in step.places],
            "placeIds": list(step.places),
            # The names over the title: only places the text does not name.
            "kicker": [local(exhibit.places[p].name) for p in kicker_places(step, exhibit.places)],
            "figures": [{"value": local(f.value), "label": local(f.label)} for f in step.figures],
            "images": [
                {
                    "source": _file_url(image.file),
                    **_image_size(image.file),
                    "caption": local(image.caption),
                    "alt": local(image.alt),
                    "credit": local(image.credit),
                    "licence": image.licence,
                }
                for image in step.images
            ],
            "quote": local(quote.text) if quote else "",
            "quoteBy": local(quote.by) if quote else "",
            "convergeTo": step.converge.target if step.converge else "",
            "convergeFrom": list(step.converge.origins) if step.converge else [],
            # A chapter's ending: the map shows it too (arrows, the fortress lit).
            "climax": step.is_climax,
        }

    def _chapters(self) -> list[dict[str, Any]]:
        session = self._session
        return [
            {
                "id": chapter.id,
                "number": index + 1,
                "label": session.text("chapter_label", n=index + 1),
                "title": session.local(chapter.title),
                "intro": session.local(chapter.intro),
                "emblem": _file_url(chapter.emblem),
                "stage": self._stage_kind(chapter),
                # What the card's preview lights, in the chapter's order.
                "placeIds": list(dict.fromkeys(p for step in chapter.steps for p in step.places)),
                # The arrows of the chapter's ending, if it has them (the title's picture).
                "convergeTo": next((s.converge.target for s in chapter.steps if s.converge), ""),
                "convergeFrom": next(
                    (list(s.converge.origins) for s in chapter.steps if s.converge), []
                ),
            }
            for index, chapter in enumerate(session.exhibit.chapters)
        ]

    onTitle = published(bool, "onTitle", onTitleChanged)
    chapterId = published(str, "chapterId", chapterIdChanged)
    chapterNumber = published(int, "chapterNumber", chapterNumberChanged)
    chapterLabel = published(str, "chapterLabel", chapterLabelChanged)
    chapterTitle = published(str, "chapterTitle", chapterTitleChanged)
    #: What the chapter's picture side shows: "clock", "geo" or "plan" (a map); "" on the title.
    stageKind = published(str, "stageKind", stageKindChanged)
    stepIndex = published(int, "stepIndex", stepIndexChanged)
    stepCount = published(int, "stepCount", stepCountChanged)
    stepLabel = published(str, "stepLabel", stepLabelChanged)
    #: {id, title, body, who, source, places, placeIds, kicker, figures, images, quote,
    #: quoteBy, convergeTo, convergeFrom, climax} of the current step.
    step = published("QVariantMap", "step", stepChanged)
    chapters = published("QVariantList", "chapters", chaptersChanged)
    canGoNext = published(bool, "canGoNext", canGoNextChanged)
    canGoPrevious = published(bool, "canGoPrevious", canGoPreviousChanged)
    #: +1 after a move forward in the story, -1 after a move back.
    direction = published(int, "direction", directionChanged)

    @Slot()
    def next(self) -> None:
        self._session.story.next()

    @Slot()
    def previous(self) -> None:
        self._session.story.previous()

    @Slot()
    def home(self) -> None:
        self._session.story.home()

    @Slot(str)
    def openChapter(self, chapter_id: str) -> None:
        if self._session.exhibit.chapter(chapter_id) is not None:
            self._session.story.open_chapter(chapter_id)

    @Slot(int)
    def openChapterNumber(self, number: int) -> None:
        self._session.story.open_chapter_number(number)

    @Slot(int)
    def goToStep(self, index: int) -> None:
        self._session.story.go_to_step(index)
