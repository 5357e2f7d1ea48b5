"""Start the exhibit: parse the command line, validate content, open the window."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from exhibit.cli import DEFAULT_SIZE, Options, parse_args, run_subcommand, settings_path
from exhibit.core import content_cache
from exhibit.core.model import Exhibit
from exhibit.core.story import parse_open_spec
from exhibit.paths import ASSETS_DIR, FONTS_DIR, PROJECT_DIR, QML_IMPORT_DIR

if TYPE_CHECKING:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen
    from PySide6.QtQml import QQmlApplicationEngine
    from PySide6.QtQuick import QQuickWindow

    from exhibit.core.content import LoadedContent
    from exhibit.core.figures import FiguresWriter, VisitTracker
    from exhibit.core.livepreview import LivePreview
    from exhibit.core.settings import Settings
    from exhibit.qt.errors import ErrorGuard
    from exhibit.qt.heartbeat import Heartbeat
    from exhibit.qt.window_memory import WindowMemory
    from exhibit.qt.wiring import Backends

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


def load_or_report(content_dir: Path, *, use_cache: bool = True) -> Exhibit | None:
    """Load the content, or print every problem to stderr and return None.

    Unchanged content comes from the cache of the last validation; the YAML
    reader is only imported when something must be read.
    """
    cache_dir = content_cache.default_cache_dir()
    if use_cache:
        cached = content_cache.load_cached(content_dir, ASSETS_DIR, cache_dir)
        if cached is not None:
            return cached
    loaded = read_or_report(content_dir)
    if loaded is None:
        return None
    if use_cache:
        content_cache.store(loaded, content_dir, ASSETS_DIR, cache_dir)
    return loaded.exhibit


def read_or_report(content_dir: Path) -> LoadedContent | None:
    """Read the content from its files (no cache), or print every problem and return None."""
    from exhibit.core.content import read_content
    from exhibit.core.yamlsource import ContentError

    try:
        return read_content(content_dir, ASSETS_DIR)
    except ContentError as error:
        print(
            f"The content in {content_dir} has {len(error.problems)} problem(s):", file=sys.stderr
        )
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return None


def start_preview(content_dir: Path) -> tuple[Exhibit, LivePreview] | None:
    """The content read for ``--watch``, and the preview that follows its files; None if invalid."""
    from exhibit.core.livepreview import LivePreview

    loaded = read_or_report(content_dir)
    if loaded is None:
        return None
    files = tuple(path for path, _digest in loaded.files)
    return loaded.exhibit, LivePreview(content_dir, ASSETS_DIR, loaded.exhibit, files)


def fonts_are_loadable(font_dir: Path = FONTS_DIR) -> bool:
    """Whether every bundled font can be loaded; print each problem to stderr if not."""
    from exhibit.core.assets import read_fonts
    from exhibit.core.yamlsource import Problems

    problems = Problems()
    shown = font_dir.relative_to(PROJECT_DIR) if font_dir.is_relative_to(PROJECT_DIR) else font_dir
    read_fonts(font_dir, shown.as_posix(), problems)
    if problems:
        print(f"The fonts in {font_dir} have {len(problems.items)} problem(s):", file=sys.stderr)
    for problem in problems.items:
        print(f"  {problem}", file=sys.stderr)
    return not problems


def prepare_qt_environment(offscreen: bool) -> None:
    """Settings Qt reads once, before the application object exists."""
    os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
    if offscreen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def load_settings_or_report(options: Options) -> Settings | None:
    """The settings file (if any) with the command line's overrides, or None after
    printing every problem as ``file:line: setting: message``."""
    from exhibit.core.settings import (
        DEFAULT_SETTINGS,
        apply_overrides,
        load_settings,
        permission_warnings,
    )
    from exhibit.core.yamlsource import ContentError

    path = settings_path(options)
    settings = DEFAULT_SETTINGS
    if path is not None:
        try:
            settings = load_settings(path)
        except ContentError as error:
            print(f"The settings in {path} have {len(error.problems)} problem(s):", file=sys.stderr)
            for problem in error.problems:
                print(f"  {problem}", file=sys.stderr)
            return None
        except (OSError, ValueError) as error:  # e.g. a name the system cannot open at all
            print(f"exhibit: --settings: cannot read {str(path)!r}: {error}", file=sys.stderr)
            return None
        for warning in permission_warnings(path, settings):
            print(f"exhibit: warning: {warning}", file=sys.stderr)
    try:
        return apply_overrides(settings, **options.overrides())
    except ValueError as error:
        for line in str(error).splitlines():
            print(f"exhibit: command line: {line}", file=sys.stderr)
        return None


def languages_are_declared(options: Options, settings: Settings, exhibit: Exhibit) -> bool:
    """Whether ``--lang`` and the settings' language name languages of the content.

    A language the content does not declare is a mistake to report, not to
    hide behind the default: a kiosk set to "fr" would greet every visitor
    in a language nobody chose. Prints the problems and returns False.
    """
    from exhibit.core.story import match_language

    codes = exhibit.language_codes
    known = ", ".join(codes)
    wrong = []
    if options.lang is not None and match_language(options.lang, codes) is None:
        wrong.append(f"exhibit: --lang: '{options.lang}' is not a language of the content")
    if settings.language is not None and match_language(settings.language, codes) is None:
        where = settings_path(options) or "settings"
        wrong.append(f"{where}: language: '{settings.language}' is not a language of the content")
    for line in wrong:
        print(f"{line} (languages: {known})", file=sys.stderr)
    return not wrong


@dataclass
class ExhibitWindow:
    """The running UI: keep a reference to it for as long as the window lives.

    ``presenter`` is the presenter view's window in presentation mode, if one
    was opened. :meth:`show` shows the windows the way the mode wants them.
    """

    engine: QQmlApplicationEngine
    window: QQuickWindow
    backends: Backends
    settings: Settings
    presenter: QQuickWindow | None = None
    memory: WindowMemory | None = None
    remembered: QRect | None = None
    tracker: VisitTracker | None = None
    _cursor_hidden: bool = field(default=False, repr=False)

    def show(self, *, windowed: bool = False) -> None:
        """Show the exhibit for its mode; ``windowed`` keeps the given size (screenshots)."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication

        from exhibit.qt.mode_backend import find_screen

        settings = self.settings
        window = self.window
        if self.tracker is not None and not self.tracker.visit_open and not settings.is_kiosk:
            # Outside kiosk mode a run that keeps figures is one visit.
            from exhibit.core.session import VISIT_BEGAN

            self.backends.session.report(VISIT_BEGAN)
        if windowed:
            self.backends.mode.keep_window()
            window.show()
            if self.presenter is not None:
                self.presenter.resize(window.size())
                self.presenter.show()
            return
        screen = find_screen(settings.screen)
        if settings.is_kiosk:
            # Explicit geometry and no frame, so the kiosk fills the screen
            # even on a bare X server with no window manager to obey
            # "full screen", and on eglfs.
            window.setFlags(window.flags() | Qt.WindowType.FramelessWindowHint)
            window.setScreen(screen)
            window.setGeometry(screen.geometry())
            window.showFullScreen()
            if not self._cursor_hidden:
                QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
                self._cursor_hidden = True
            return
        if settings.is_presentation:
            window.setScreen(screen)
            window.setGeometry(screen.geometry())
            window.showFullScreen()
            if self.presenter is not None:
                self._show_presenter(screen)
            return
        self._show_classroom(screen)

    def _show_classroom(self, screen: QScreen) -> None:
        """A window that fits its screen, frame included: where it was, else centred.

        The remembered geometry (already fitted to its screen by the window
        memory) and the default 1920x1080 alike go through the one rule,
        :func:`exhibit.core.geometry.fit_rect`, so a 1366x768 laptop shows the
        whole exhibit.
        """
        from PySide6.QtGui import QGuiApplication

        from exhibit.core.geometry import fit_rect

        window = self.window
        remembered = self.remembered
        on_screen = (
            remembered is not None
            and self.memory is not None
            and self.memory.position_is_on_screen(remembered)
        )
        if on_screen and self.settings.screen is None:
            screen = QGuiApplication.screenAt(remembered.center()) or screen
        window.setScreen(screen)
        window.create()  # so the window manager's frame is known
        area = screen.availableGeometry()
        frame = window.frameMargins()
        width = window.width() + frame.left() + frame.right()
        height = window.height() + frame.top() + frame.bottom()
        if on_screen:  # remembered as the content's corner: the frame's is outside it
            x, y = remembered.x() - frame.left(), remembered.y() - frame.top()
        else:
            x = area.x() + (area.width() - width) // 2
            y = area.y() + (area.height() - height) // 2
        x, y, width, height = fit_rect(
            (x, y, width, height), (area.x(), area.y(), area.width(), area.height())
        )
        window.setGeometry(
            x + frame.left(),
            y + frame.top(),
            width - frame.left() - frame.right(),
            height - frame.top() - frame.bottom(),
        )
        if self.memory is not None:
            self.memory.watch(window)
            if self.memory.full_screen():
                window.showFullScreen()
                return
        window.show()

    def _show_presenter(self, audience: QScreen) -> None:
        from PySide6.QtGui import QGuiApplication

        presenter = self.presenter
        assert presenter is not None
        others = [s for s in QGuiApplication.screens() if s is not audience]
        if others:
            presenter.setScreen(others[0])
            presenter.setGeometry(others[0].geometry())
            presenter.showFullScreen()
        else:
            presenter.show()

    def close(self) -> None:
        from PySide6.QtGui import QGuiApplication

        from exhibit.core.session import END_EXIT, VISIT_ENDED

        self.backends.session.report(VISIT_ENDED, END_EXIT)
        self.backends.release()
        if self._cursor_hidden:
            QGuiApplication.restoreOverrideCursor()
            self._cursor_hidden = False
        if self.presenter is not None:
            self.presenter.close()
        self.window.close()
        self.engine.deleteLater()


def wants_presenter_view(settings: Settings) -> bool:
    """Presentation mode opens the presenter view when asked, or when a second screen is there."""
    from PySide6.QtGui import QGuiApplication

    if not settings.is_presentation:
        return False
    return settings.presenter_view or len(QGuiApplication.screens()) > 1


def open_window(
    exhibit: Exhibit,
    *,
    language: str | None = None,
    open_spec: str | None = None,
    size: tuple[int, int] | None = None,
    settings: Settings | None = None,
    memory: WindowMemory | None = None,
    time_scale: float = 1.0,
    figures: FiguresWriter | None = None,
    preview: LivePreview | None = None,
) -> ExhibitWindow:
    """Build the engine and the window for a new session (used by main, tests, benchmarks).

    A QGuiApplication must exist. The window is created hidden; call
    ``show()`` on the result (or on its ``window`` for a plain window).
    ``settings`` choose the mode (default: a classroom window). In classroom
    mode ``memory`` supplies the remembered language (unless ``language`` is
    given) and window geometry (its size unless ``size`` is given).
    ``time_scale`` speeds up the idle and staff timers, for tests.
    ``figures`` records the visits' anonymous figures (see
    :mod:`exhibit.core.figures`). ``preview`` reloads the content when a
    curator saves a file (``--watch``; see :mod:`exhibit.core.livepreview`).
    """
    from PySide6.QtCore import QRect, QSize
    from PySide6.QtGui import QFont, QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine
    from PySide6.QtQuick import QQuickWindow  # noqa: F401  (so the root is typed as one)

    from exhibit.core.session import Session
    from exhibit.core.settings import DEFAULT_SETTINGS
    from exhibit.qt import wiring
    from exhibit.qt.fonts import register_fonts
    from exhibit.qt.refcounts import protect_singletons

    protect_singletons()  # before any backend emits a signal (see refcounts.py)

    settings = settings if settings is not None else DEFAULT_SETTINGS
    if settings.is_kiosk or settings.is_presentation:
        memory = None
    remembered = memory.geometry() if memory is not None else None
    if language is None and memory is not None:
        language = memory.language()
    if language is None:
        language = settings.language

    family = register_fonts(FONTS_DIR)
    QGuiApplication.setFont(QFont(family))

    session = Session(exhibit, language, reduced_motion=settings.reduced_motion)
    if open_spec:
        session.story.go_to(parse_open_spec(open_spec, exhibit))
    tracker = None
    if figures is not None:
        from exhibit.core.figures import VisitTracker

        tracker = VisitTracker(session, figures.put)
    installed = wiring.install(
        session,
        family,
        settings,
        time_scale=time_scale,
        opened=bool(open_spec),
        preview=preview,
        write_handout=write_handout,
    )

    engine = QQmlApplicationEngine()
    engine.addImportPath(str(QML_IMPORT_DIR))
    if remembered is not None:
        if size is None:
            size = (remembered.width(), remembered.height())
        else:  # an explicit size wins; only the remembered place is kept
            remembered = QRect(remembered.topLeft(), QSize(*size))
    width, height = size or DEFAULT_SIZE
    engine.setInitialProperties({"width": width, "height": height})
    engine.loadFromModule("Exhibit", "Main")
    roots = engine.rootObjects()
    if not roots:
        raise RuntimeError("the QML user interface failed to load")
    window = roots[0]
    installed.attach(window)
    presenter = None
    if wants_presenter_view(settings):
        engine.setInitialProperties({})
        engine.loadFromModule("Exhibit", "PresenterView")
        roots = engine.rootObjects()
        if len(roots) < 2:
            raise RuntimeError("the presenter view failed to load")
        presenter = roots[-1]
        installed.attach_presenter(presenter)
    return ExhibitWindow(
        engine,
        window,
        installed,
        settings=settings,
        presenter=presenter,
        memory=memory,
        remembered=remembered,
        tracker=tracker,
    )


def write_handout(exhibit: Exhibit, path: Path, languages: Sequence[str]) -> object:
    """The ``exhibit handout`` command's writer, for the classroom window's Ctrl+P."""
    from exhibit.curator.handout import write_handout as write

    return write(exhibit, path, languages)


def save_screenshot_when_drawn(window: object, path: Path, settle_ms: int = 600) -> None:
    """Grab the window once its first frames are drawn and transitions have settled."""
    save_screenshots_when_drawn([(window, path)], settle_ms)


def save_screenshots_when_drawn(shots: list[tuple[object, Path]], settle_ms: int = 600) -> None:
    """Grab each window once drawn and settled; exit once all are saved (1 if one failed)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    waiting = {id(window) for window, _ in shots}
    failed: list[Path] = []

    def grab(window: object, path: Path) -> None:
        ok = False
        try:  # whatever goes wrong, the program ends: a screenshot run must never hang
            image = window.grabWindow()  # type: ignore[attr-defined]
            path.parent.mkdir(parents=True, exist_ok=True)
            ok = image.save(str(path))
            reason = "the image could not be saved"
        except Exception as error:
            reason = str(error)
        if not ok:
            print(f"exhibit: --screenshot: cannot write {path}: {reason}", file=sys.stderr)
            failed.append(path)
        waiting.discard(id(window))
        if not waiting:
            QGuiApplication.exit(EXIT_FAILED if failed else EXIT_OK)

    def when_drawn(window: object, path: Path) -> None:
        def first_frame() -> None:
            window.frameSwapped.disconnect(first_frame)  # type: ignore[attr-defined]
            QTimer.singleShot(settle_ms, lambda: grab(window, path))

        window.frameSwapped.connect(first_frame)  # type: ignore[attr-defined]

    for window, path in shots:
        when_drawn(window, path)


def open_figures(settings: Settings) -> FiguresWriter | None:
    """The writer of this run's visitor figures, if the settings keep them."""
    if not settings.keeps_figures:
        return None
    from exhibit.core.figures import FiguresWriter, default_path

    path = Path(settings.figures_file) if settings.figures_file else default_path()
    return FiguresWriter(
        path, retention_days=settings.figures_retention_days, max_mb=settings.figures_max_mb
    )


def main(argv: list[str] | None = None) -> int:
    status = run_subcommand(sys.argv[1:] if argv is None else argv)
    if status is not None:  # exhibit stats ..., exhibit strings ..., exhibit handout ...
        return status
    options = parse_args(argv)
    if options.hash_pin:
        from exhibit.core.pin import main_hash_pin

        return main_hash_pin([])
    settings = load_settings_or_report(options)
    if settings is None:
        return EXIT_BAD_INPUT
    preview = None
    if options.watch and settings.is_kiosk and not options.check:
        print(
            "exhibit: --watch is a curator's live preview and is refused in kiosk mode, "
            "where visitors must never see the content's problems; preview in a classroom "
            "window (without --kiosk, or with --classroom to override the settings)",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if options.watch and not options.check:
        started = start_preview(options.content)
        if started is None:
            return EXIT_BAD_INPUT
        exhibit, preview = started
    else:
        loaded = load_or_report(options.content, use_cache=not options.check)
        if loaded is None:
            return EXIT_BAD_INPUT
        exhibit = loaded
    # --check answers for the whole command: the place to open and the
    # languages asked for (on the command line or in the settings) too.
    if options.open:
        try:
            parse_open_spec(options.open, exhibit)
        except ValueError as error:
            print(f"exhibit: --open: {error}", file=sys.stderr)
            return EXIT_BAD_INPUT
    if not languages_are_declared(options, settings, exhibit):
        return EXIT_BAD_INPUT
    if options.check:
        if not fonts_are_loadable():
            return EXIT_BAD_INPUT
        steps = sum(len(chapter.steps) for chapter in exhibit.chapters)
        print(
            f"The content in {options.content} is valid: {len(exhibit.chapters)} chapters, "
            f"{steps} steps, {len(exhibit.places)} places, "
            f"languages {', '.join(exhibit.language_codes)}."
        )
        return EXIT_OK

    shot_paths = [p for p in (options.screenshot, options.screenshot_presenter) if p is not None]
    screenshot = bool(shot_paths)
    if shot_paths:
        from exhibit.core.files import output_problem

        for path in shot_paths:
            problem = output_problem(path)
            if problem is not None:
                print(f"exhibit: --screenshot: cannot write {path}: {problem}", file=sys.stderr)
                return EXIT_FAILED
        # A screenshot shows each screen as it rests: arrows grown, the clock arrived.
        settings = dataclasses.replace(settings, reduced_motion=True)
    prepare_qt_environment(offscreen=screenshot)
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QGuiApplication, QWindow

    from exhibit.qt import errors
    from exhibit.qt.window_memory import WindowMemory

    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("Dien Bien Phu 1954")
    app.setOrganizationName("exhibit")
    # Unexpected errors go to a rotating log (settings' log_dir, else the app-data
    # folder) and never leave the exhibit broken; see exhibit/qt/errors.py.
    guard = errors.install(settings.log_dir)
    # A screenshot shows exactly what was asked for, never a remembered window.
    memory = None if screenshot else WindowMemory(QSettings())
    figures = None if screenshot else open_figures(settings)
    try:
        running = open_window(
            exhibit,
            language=options.lang,
            open_spec=options.open,
            size=options.size,
            settings=settings,
            memory=memory,
            figures=figures,
            preview=preview,
        )
    except RuntimeError as error:
        print(f"exhibit: {error}", file=sys.stderr)
        guard.uninstall()
        if figures is not None:
            figures.close()
        return EXIT_FAILED
    heartbeat = None if screenshot else start_heartbeat(running, settings, options.content, guard)
    if settings.is_kiosk and guard.recovery is None:
        errors.set_recovery(running.backends.kiosk.return_to_attract)  # the resting state
    running.backends.kiosk.exitRequested.connect(app.exit)
    # Closing the exhibit's window ends the program, even with the presenter view open.
    app.setQuitOnLastWindowClosed(False)
    running.window.visibilityChanged.connect(
        lambda visibility: app.quit() if visibility == QWindow.Visibility.Hidden else None
    )
    shots = []
    if options.screenshot is not None:
        shots.append((running.window, options.screenshot))
    if options.screenshot_presenter is not None and running.presenter is not None:
        shots.append((running.presenter, options.screenshot_presenter))
    if shots:
        save_screenshots_when_drawn(shots)
    if settings.screen is not None and not screenshot:
        names = [screen.name() for screen in QGuiApplication.screens()]
        wanted = settings.screen
        if not (wanted in names or (isinstance(wanted, int) and 0 <= wanted < len(names))):
            print(
                f"exhibit: no screen {wanted!r}; using the primary one "
                f"(screens: {', '.join(f'{i}: {n}' for i, n in enumerate(names))})",
                file=sys.stderr,
            )
    running.show(windowed=screenshot)
    status = app.exec()
    if running.memory is not None:
        running.memory.remember(running.window, running.backends.session.language)
    running.close()
    if heartbeat is not None:
        heartbeat.stop()
    if figures is not None:
        figures.close()
    guard.uninstall()
    return status


def start_heartbeat(
    running: ExhibitWindow, settings: Settings, content: Path, guard: ErrorGuard
) -> Heartbeat:
    """Report to systemd and to the metrics file while the window runs (exhibit.qt.heartbeat)."""
    from exhibit.core.health import Health
    from exhibit.qt.heartbeat import Heartbeat

    metrics = Path(settings.metrics_file) if settings.metrics_file else None
    # The content's version: a hash of the files it is read from (for the metrics file).
    cache_dir = content_cache.default_cache_dir()
    version = content_cache.content_version(content, ASSETS_DIR, cache_dir) if metrics else ""
    health = Health(running.backends.session, content_version=version, errors=lambda: guard.count)
    heartbeat = Heartbeat(health, metrics)
    heartbeat.watch(running.window)
    return heartbeat
