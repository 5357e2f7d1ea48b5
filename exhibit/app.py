"""Start the exhibit: parse the command line, validate content, open the window."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from exhibit.cli import DEFAULT_SIZE, parse_args
from exhibit.core import content_cache
from exhibit.core.model import Exhibit
from exhibit.core.story import parse_open_spec
from exhibit.paths import ASSETS_DIR, FONTS_DIR, QML_IMPORT_DIR

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


def load_or_report(content_dir: Path, *, use_cache: bool = True) -> Exhibit | None:
    """Load the content, or print every problem to stderr and return None.

    Unchanged content comes from the cache of the last validation; the YAML
    reader is only imported when something must be read.
    """
    key = content_cache.content_key(content_dir, ASSETS_DIR) if use_cache else ""
    if use_cache:
        cached = content_cache.load_cached(key, content_cache.default_cache_dir())
        if cached is not None:
            return cached
    from exhibit.core.content import load_content
    from exhibit.core.yamlsource import ContentError

    try:
        exhibit = load_content(content_dir, ASSETS_DIR)
    except ContentError as error:
        print(
            f"The content in {content_dir} has {len(error.problems)} problem(s):", file=sys.stderr
        )
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return None
    if use_cache:
        content_cache.store(key, content_cache.default_cache_dir(), exhibit)
    return exhibit


def prepare_qt_environment(offscreen: bool) -> None:
    """Settings Qt reads once, before the application object exists."""
    os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
    if offscreen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass
class ExhibitWindow:
    """The running UI: keep a reference to it for as long as the window lives."""

    engine: object
    window: object
    backends: object

    def close(self) -> None:
        self.window.close()  # type: ignore[attr-defined]
        self.engine.deleteLater()  # type: ignore[attr-defined]


def open_window(
    exhibit: Exhibit,
    *,
    language: str | None = None,
    open_spec: str | None = None,
    size: tuple[int, int] | None = None,
) -> ExhibitWindow:
    """Build the engine and the window for a new session (used by main, tests, benchmarks).

    A QGuiApplication must exist. The window is created hidden; call ``show()``.
    """
    from PySide6.QtGui import QFont, QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine
    from PySide6.QtQuick import QQuickWindow  # noqa: F401  (so the root is typed as one)

    from exhibit.core.session import Session
    from exhibit.qt import backends
    from exhibit.qt.fonts import register_fonts

    family = register_fonts(FONTS_DIR)
    QGuiApplication.setFont(QFont(family))

    session = Session(exhibit, language)
    if open_spec:
        session.story.go_to(parse_open_spec(open_spec, exhibit))
    installed = backends.install_session(session, family)

    engine = QQmlApplicationEngine()
    engine.addImportPath(str(QML_IMPORT_DIR))
    width, height = size or DEFAULT_SIZE
    engine.setInitialProperties({"width": width, "height": height})
    engine.loadFromModule("Exhibit", "Main")
    roots = engine.rootObjects()
    if not roots:
        raise RuntimeError("the QML user interface failed to load")
    return ExhibitWindow(engine, roots[0], installed)


def save_screenshot_when_drawn(window: object, path: Path, settle_ms: int = 600) -> None:
    """Grab the window once its first frames are drawn and transitions have settled."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    def grab() -> None:
        image = window.grabWindow()  # type: ignore[attr-defined]
        path.parent.mkdir(parents=True, exist_ok=True)
        ok = image.save(str(path))
        if not ok:
            print(f"Could not write {path}", file=sys.stderr)
        QGuiApplication.exit(EXIT_OK if ok else EXIT_FAILED)

    def first_frame() -> None:
        window.frameSwapped.disconnect(first_frame)  # type: ignore[attr-defined]
        QTimer.singleShot(settle_ms, grab)

    window.frameSwapped.connect(first_frame)  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    exhibit = load_or_report(options.content, use_cache=not options.check)
    if exhibit is None:
        return EXIT_BAD_INPUT
    if options.check:
        steps = sum(len(chapter.steps) for chapter in exhibit.chapters)
        print(
            f"The content in {options.content} is valid: {len(exhibit.chapters)} chapters, "
            f"{steps} steps, {len(exhibit.places)} places, "
            f"languages {', '.join(exhibit.language_codes)}."
        )
        return EXIT_OK
    if options.open:
        try:
            parse_open_spec(options.open, exhibit)
        except ValueError as error:
            print(f"exhibit: --open: {error}", file=sys.stderr)
            return EXIT_BAD_INPUT

    prepare_qt_environment(offscreen=options.screenshot is not None)
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("Dien Bien Phu 1954")
    app.setOrganizationName("exhibit")
    try:
        running = open_window(
            exhibit, language=options.lang, open_spec=options.open, size=options.size
        )
    except RuntimeError as error:
        print(f"exhibit: {error}", file=sys.stderr)
        return EXIT_FAILED
    if options.screenshot is not None:
        save_screenshot_when_drawn(running.window, options.screenshot)
    running.window.show()  # type: ignore[attr-defined]
    status = app.exec()
    running.close()
    return status
