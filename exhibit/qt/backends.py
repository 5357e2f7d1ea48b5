"""QObject views of the core session, registered as QML singletons.

Each backend turns core state into properties QML can bind to. They decide
nothing themselves: the story decides where a move leads, the content says
what a label reads. A language change or a move emits one ``changed`` signal
per backend, so every binding updates in the same frame.

The engine asks for the singletons through ``create(engine)``; the session
they show is the one :func:`install_session` made current before the QML was
loaded (one exhibit window per process).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot
from PySide6.QtGui import QImageReader
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from exhibit.core.kicker import kicker_places
from exhibit.core.model import Chapter, Step
from exhibit.core.session import Session
from exhibit.core.settings import Settings
from exhibit.core.story import Position

QML_IMPORT_NAME = "Exhibit.Backend"
QML_IMPORT_MAJOR_VERSION = 1


class _Backends:
    """The backends of the current session, created once per window."""

    def __init__(
        self,
        session: Session,
        font_family: str,
        settings: Settings | None = None,
        time_scale: float = 1.0,
        opened: bool = False,
    ) -> None:
        self.session = session
        self._font_family = font_family
        self.ui = UiBackend(session, font_family, self.ensure_chapter_backends)
        self.story = StoryBackend(session)
        # Imported here, before any QML loads, so their singleton types are
        # registered; Qt does not see types registered after a module is imported.
        import exhibit.qt.clock_backend
        import exhibit.qt.dayplan_backend
        import exhibit.qt.map_backend  # noqa: F401
        from exhibit.qt.mode_backend import ModeBackend

        self.mode = ModeBackend(
            session,
            settings if settings is not None else Settings(),
            time_scale=time_scale,
            play_pause=lambda: self.clock.togglePlay(),
            play_clock=lambda: self.clock.play(),
            opened=opened,
        )
        self._clock: Any = None
        self._maps: Any = None
        self._dayplan: Any = None
        if not session.story.position.on_title:
            self.ui.prepareChapters()
        session.on_position(lambda p: None if p.on_title else self.ui.prepareChapters())

    def ensure_chapter_backends(self) -> None:
        """Create the map and clock backends (and register their QML types).

        Only the chapters use them, and the chapters are compiled after the
        title screen's first frame, so importing them is left until then:
        that keeps start-up close to a bare Qt Quick window's.
        """
        if self._clock is None:
            from exhibit.qt.clock_backend import ClockBackend

            self._clock = ClockBackend(self.session)
        if self._maps is None:
            from exhibit.qt.map_backend import MapBackend

            self._maps = MapBackend(self.session, self._font_family)
        if self._dayplan is None:
            from exhibit.qt.dayplan_backend import DayPlanBackend

            self._dayplan = DayPlanBackend(self.session)

    @property
    def clock(self) -> Any:
        self.ensure_chapter_backends()
        return self._clock

    @property
    def maps(self) -> Any:
        self.ensure_chapter_backends()
        return self._maps

    @property
    def dayplan(self) -> Any:
        self.ensure_chapter_backends()
        return self._dayplan


_current: _Backends | None = None


def install_session(
    session: Session,
    font_family: str,
    settings: Settings | None = None,
    *,
    time_scale: float = 1.0,
    opened: bool = False,
) -> _Backends:
    """Make ``session`` the one the QML singletons show; call before loading QML.

    ``settings`` (default: all defaults) choose the mode; ``time_scale``
    speeds up the mode's clock for tests (see :mod:`exhibit.qt.mode_backend`);
    ``opened``: the session was opened on a chosen step (a kiosk then shows
    it instead of starting with its attract loop).
    """
    global _current
    _current = _Backends(session, font_family, settings, time_scale, opened)
    return _current


def current_backends() -> _Backends:
    if _current is None:
        raise RuntimeError("install_session() must be called before the QML is loaded")
    return _current


def _keep_in_python(obj: QObject) -> QObject:
    QQmlEngine.setObjectOwnership(obj, QQmlEngine.ObjectOwnership.CppOwnership)
    return obj


@QmlElement
@QmlSingleton
class UiBackend(QObject):
    """The language, the UI strings in it, and the exhibit's title."""

    changed = Signal()

    def __init__(
        self,
        session: Session,
        font_family: str,
        prepare_chapters: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._font_family = font_family
        self._prepare_chapters = prepare_chapters
        self._chapters_ready = False
        self._strings: dict[str, str] = {}
        self._rebuild()
        session.on_language(lambda _code: self._on_language())

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return _keep_in_python(current_backends().ui)

    def _rebuild(self) -> None:
        exhibit = self._session.exhibit
        self._strings = {key: self._session.local(text) for key, text in exhibit.strings.items()}

    def _on_language(self) -> None:
        self._rebuild()
        self.changed.emit()

    def _language(self) -> str:
        return self._session.language

    def _toggle_label(self) -> str:
        code = self._session.next_language
        return next(lang.name for lang in self._session.exhibit.languages if lang.code == code)

    def _toggle_language_code(self) -> str:
        return self._session.next_language

    def _strings_map(self) -> dict[str, str]:
        return self._strings

    def _title(self) -> str:
        return self._session.local(self._session.exhibit.title)

    def _subtitle(self) -> str:
        return self._session.local(self._session.exhibit.subtitle)

    def _font(self) -> str:
        return self._font_family

    def _reduced_motion(self) -> bool:
        return self._session.reduced_motion

    language = Property(str, _language, notify=changed, final=True)
    toggleLabel = Property(str, _toggle_label, notify=changed, final=True)
    toggleLanguageCode = Property(str, _toggle_language_code, notify=changed, final=True)
    strings = Property("QVariantMap", _strings_map, notify=changed, final=True)
    title = Property(str, _title, notify=changed, final=True)
    subtitle = Property(str, _subtitle, notify=changed, final=True)
    fontFamily = Property(str, _font, constant=True, final=True)
    reducedMotion = Property(bool, _reduced_motion, notify=changed, final=True)

    chaptersReadyChanged = Signal()

    def _ready(self) -> bool:
        return self._chapters_ready

    #: True once the chapters' backends exist; the chapters' QML waits for it.
    chaptersReady = Property(bool, _ready, notify=chaptersReadyChanged, final=True)

    @Slot()
    def prepareChapters(self) -> None:
        """Create what the chapters need; called after the first frame, or on opening one."""
        if not self._chapters_ready:
            self._prepare_chapters()
            self._chapters_ready = True
            self.chaptersReadyChanged.emit()

    @Slot()
    def toggleLanguage(self) -> None:
        self._session.toggle_language()

    @Slot(str)
    def setLanguage(self, code: str) -> None:
        self._session.set_language(code)

    @Slot(str, int, int, result=str)
    def format(self, key: str, n: int, total: int) -> str:
        """A string with its {n} and {total} fields filled in."""
        return self._session.text(key, n=n, total=total)


def _image_size(file: Path) -> dict[str, int]:
    """An image's own size (from its header), so a screen keeps its shape before it loads."""
    size = QImageReader(str(file)).size()
    return {"width": max(1, size.width()), "height": max(1, size.height())}


@QmlElement
@QmlSingleton
class StoryBackend(QObject):
    """Where the visitor is, and the texts of that place in the current language."""

    changed = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._direction = 0
        self._last: Position = session.story.position
        session.on_position(self._on_position)
        session.on_language(lambda _code: self.changed.emit())

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return _keep_in_python(current_backends().story)

    # -- core state ---------------------------------------------------------

    def _on_position(self, position: Position) -> None:
        self._direction = self._compare(self._last, position)
        self._last = position
        self.changed.emit()

    def _compare(self, before: Position, after: Position) -> int:
        order = {None: -1, **{c.id: i for i, c in enumerate(self._session.exhibit.chapters)}}
        return (
            1 if (order[after.chapter], after.step) >= (order[before.chapter], before.step) else -1
        )

    @property
    def _chapter(self) -> Chapter | None:
        return self._session.story.chapter

    @property
    def _step(self) -> Step | None:
        chapter = self._chapter
        return chapter.steps[self._session.story.position.step] if chapter else None

    def _lang(self) -> tuple[str, str]:
        return self._session.language, self._session.exhibit.default_language

    # -- properties ---------------------------------------------------------

    def _on_title(self) -> bool:
        return self._session.story.position.on_title

    def _chapter_id(self) -> str:
        return self._session.story.position.chapter or ""

    def _chapter_number(self) -> int:
        chapter = self._chapter
        return self._session.exhibit.chapters.index(chapter) + 1 if chapter else 0

    def _chapter_label(self) -> str:
        number = self._chapter_number()
        return self._session.text("chapter_label", n=number) if number else ""

    def _chapter_title(self) -> str:
        return self._session.local(self._chapter.title if self._chapter else None)

    def _map_id(self) -> str:
        return self._chapter.map if self._chapter else ""

    def _stage_kind(self) -> str:
        return self._stage_kind_of(self._chapter)

    def _stage_kind_of(self, chapter: Chapter | None) -> str:
        """What a chapter's picture side shows: "clock", "geo" or "plan" (a map)."""
        if chapter is None:
            return ""
        if chapter.told_on_clock:
            return "clock"
        return self._session.exhibit.maps[chapter.map].kind.value

    def _step_index(self) -> int:
        return self._session.story.position.step

    def _step_count(self) -> int:
        return len(self._chapter.steps) if self._chapter else 0

    def _step_label(self) -> str:
        if self._chapter is None:
            return ""
        return self._session.text("step_of", n=self._step_index() + 1, total=self._step_count())

    def _step_map(self) -> dict[str, Any]:
        step = self._step
        if step is None:
            return {}
        local = self._session.local
        exhibit = self._session.exhibit
        source = exhibit.sources.get(step.source)
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
                    "source": QUrl.fromLocalFile(str(image.file)).toString(),
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
        local = self._session.local
        return [
            {
                "id": chapter.id,
                "number": index + 1,
                "label": self._session.text("chapter_label", n=index + 1),
                "title": local(chapter.title),
                "intro": local(chapter.intro),
                "emblem": QUrl.fromLocalFile(str(chapter.emblem)).toString()
                if chapter.emblem
                else "",
                "stage": self._stage_kind_of(chapter),
                # What the card's preview lights, in the chapter's order.
                "placeIds": list(dict.fromkeys(p for step in chapter.steps for p in step.places)),
                # The arrows of the chapter's ending, if it has them (the title's picture).
                "convergeTo": next((s.converge.target for s in chapter.steps if s.converge), ""),
                "convergeFrom": next(
                    (list(s.converge.origins) for s in chapter.steps if s.converge), []
                ),
            }
            for index, chapter in enumerate(self._session.exhibit.chapters)
        ]

    def _can_next(self) -> bool:
        return self._session.story.following(self._session.story.position) is not None

    def _can_previous(self) -> bool:
        return self._session.story.preceding(self._session.story.position) is not None

    def _direction_value(self) -> int:
        return self._direction

    onTitle = Property(bool, _on_title, notify=changed, final=True)
    chapterId = Property(str, _chapter_id, notify=changed, final=True)
    chapterNumber = Property(int, _chapter_number, notify=changed, final=True)
    chapterLabel = Property(str, _chapter_label, notify=changed, final=True)
    chapterTitle = Property(str, _chapter_title, notify=changed, final=True)
    mapId = Property(str, _map_id, notify=changed, final=True)
    stageKind = Property(str, _stage_kind, notify=changed, final=True)
    stepIndex = Property(int, _step_index, notify=changed, final=True)
    stepCount = Property(int, _step_count, notify=changed, final=True)
    stepLabel = Property(str, _step_label, notify=changed, final=True)
    step = Property("QVariantMap", _step_map, notify=changed, final=True)
    chapters = Property("QVariantList", _chapters, notify=changed, final=True)
    canGoNext = Property(bool, _can_next, notify=changed, final=True)
    canGoPrevious = Property(bool, _can_previous, notify=changed, final=True)
    direction = Property(int, _direction_value, notify=changed, final=True)

    # -- moves --------------------------------------------------------------

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
