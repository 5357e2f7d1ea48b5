"""The language and the words of the interface, for QML: ``UiBackend``.

Everything here changes with the language only, so one signal,
``languageChanged``, announces the whole group. Whether the chapters'
backends exist yet (``chaptersReady``) has its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from exhibit.core.session import Session
from exhibit.qt import registry
from exhibit.qt.published import Published, constant, published

QML_IMPORT_NAME = "Exhibit.Backend"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlSingleton
class UiBackend(Published):
    """The language, the UI strings in it, and the exhibit's title."""

    GROUPS: ClassVar[dict[str, str]] = dict.fromkeys(
        ("language", "toggleLabel", "toggleLanguageCode", "strings", "title", "subtitle"),
        "languageChanged",
    )
    languageChanged = Signal()
    chaptersReadyChanged = Signal()

    def __init__(
        self,
        session: Session,
        font_family: str,
        prepare_chapters: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._prepare_chapters = prepare_chapters
        self._values.update(fontFamily=font_family, reducedMotion=session.reduced_motion)
        self.publish(chaptersReady=False)
        self.guarded(self._refresh)()
        session.on_language(self.guarded(lambda _code: self._refresh()))
        session.on_content(self.guarded(lambda _exhibit: self._refresh()))

    @staticmethod
    def create(engine: QQmlEngine) -> UiBackend:
        return registry.singleton(UiBackend)

    def _refresh(self) -> None:
        session = self._session
        exhibit = session.exhibit
        code = session.next_language
        self.publish(
            language=session.language,
            toggleLabel=next(lang.name for lang in exhibit.languages if lang.code == code),
            toggleLanguageCode=code,
            strings={key: session.local(text) for key, text in exhibit.strings.items()},
            title=session.local(exhibit.title),
            subtitle=session.local(exhibit.subtitle),
        )

    language = published(str, "language", languageChanged)
    #: The other language's name, in that language: what the toggle says.
    toggleLabel = published(str, "toggleLabel", languageChanged)
    toggleLanguageCode = published(str, "toggleLanguageCode", languageChanged)
    strings = published("QVariantMap", "strings", languageChanged)
    title = published(str, "title", languageChanged)
    subtitle = published(str, "subtitle", languageChanged)
    fontFamily = constant(str, "fontFamily")
    reducedMotion = constant(bool, "reducedMotion")
    #: True once the chapters' backends exist; the chapters' QML waits for it.
    chaptersReady = published(bool, "chaptersReady", chaptersReadyChanged)

    @Slot()
    def prepareChapters(self) -> None:
        """Create what the chapters need; called after the first frame, or on opening one."""
        if not self._values["chaptersReady"]:
            self._prepare_chapters()
            self.publish(chaptersReady=True)

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
