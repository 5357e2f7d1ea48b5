"""Which backend talks to which: the backends of one exhibit window, made and connected.

:func:`install` makes the backends for a session and puts them in the
registry QML's singletons come from. The map, clock and day-plan backends
are made only when the chapters are first needed (after the title screen's
first frame, or at once when the exhibit opens on a chapter), which keeps
start-up close to a bare Qt Quick window's; every backend module is imported
here, before any QML loads, because Qt does not see a type registered after
its QML module was imported.

A newcomer looking for a concern finds it by file name: ``ui_backend``
(language, UI words), ``story_backend`` (where the visitor is),
``map_backend``, ``clock_backend`` (the final day's clock),
``dayplan_backend`` (the final day's arrows, flags and totals),
``mode_backend`` (keys, blanking, the window's shape), ``kiosk_backend``
(idle notice, attract loop, staff PIN), ``presenter_backend`` (current and
next step, notes) and ``input_filter`` (every press and key, before any
item), ``preview_backend`` (a curator's live preview: reloads and the
problems overlay) and ``handout_backend`` (Ctrl+P saves the printed handout).
"""

from __future__ import annotations

from PySide6.QtGui import QWindow

from exhibit.core.livepreview import LivePreview
from exhibit.core.session import Session
from exhibit.core.settings import Settings
from exhibit.qt import registry
from exhibit.qt.clock_backend import ClockBackend
from exhibit.qt.dayplan_backend import DayPlanBackend
from exhibit.qt.handout_backend import HandoutBackend, Writer
from exhibit.qt.input_filter import InputFilter
from exhibit.qt.kiosk_backend import KioskBackend
from exhibit.qt.map_backend import MapBackend
from exhibit.qt.mode_backend import ModeBackend
from exhibit.qt.presenter_backend import PresenterBackend
from exhibit.qt.preview_backend import PreviewBackend
from exhibit.qt.story_backend import StoryBackend
from exhibit.qt.ui_backend import UiBackend


class Backends:
    """The backends of one session, typed, and what connects them."""

    def __init__(
        self,
        session: Session,
        font_family: str,
        settings: Settings,
        *,
        time_scale: float = 1.0,
        opened: bool = False,
        preview: LivePreview | None = None,
        write_handout: Writer | None = None,
    ) -> None:
        self.session = session
        self.settings = settings
        self.registry = registry.Registry()
        self.registry.add_lazy(ClockBackend, lambda: ClockBackend(session))
        self.registry.add_lazy(MapBackend, lambda: MapBackend(session, font_family))
        self.registry.add_lazy(DayPlanBackend, lambda: DayPlanBackend(session, self.maps.plan_data))
        self.ui = UiBackend(session, font_family, self.prepare_chapters)
        self.story = StoryBackend(session)
        self.presenter = PresenterBackend(session)
        self.kiosk = KioskBackend(
            session,
            settings,
            time_scale=time_scale,
            opened=opened,
            play_clock=lambda: self.clock.play(),
        )
        self.handout = HandoutBackend(session, settings, write_handout)
        self.mode = ModeBackend(
            session,
            settings,
            admin_key=self.kiosk.admin_key,
            play_pause=lambda: self.clock.togglePlay(),
            handout=self.handout.request,
        )
        self.preview = PreviewBackend(session, settings, preview)
        self.input = InputFilter(self.kiosk, settings.admin_corner_px)
        self.kiosk.exitRequested.connect(lambda _status: self.mode.release())
        backends = (self.ui, self.story, self.presenter, self.kiosk, self.mode)
        for backend in (*backends, self.handout, self.preview):
            self.registry.add(backend)
        if not session.story.position.on_title:
            self.ui.prepareChapters()
        session.on_position(lambda p: None if p.on_title else self.ui.prepareChapters())

    def prepare_chapters(self) -> None:
        """Make the backends only the chapters use.

        The clock is made before the day's plan, so it hears of a move first:
        it holds the plan as it was (``planHeld``) before the arrows change.
        """
        self.registry.get(ClockBackend)
        self.registry.get(MapBackend)
        self.registry.get(DayPlanBackend)

    @property
    def clock(self) -> ClockBackend:
        return self.registry.get(ClockBackend)

    @property
    def maps(self) -> MapBackend:
        return self.registry.get(MapBackend)

    @property
    def dayplan(self) -> DayPlanBackend:
        return self.registry.get(DayPlanBackend)

    def attach(self, window: QWindow) -> None:
        """The exhibit's window: its input, its shape."""
        self.input.watch(window)
        self.mode.attach(window)

    def attach_presenter(self, window: QWindow) -> None:
        """The presenter's window: its input counts as activity too."""
        self.input.watch(window, main=False)

    def release(self) -> None:
        """The program is shutting down: stop the timers, let the window close."""
        self.kiosk.stop()
        self.preview.stop()
        self.mode.release()
        clock = self.registry.made(ClockBackend)
        if clock is not None:
            clock.pause()


def install(
    session: Session,
    font_family: str,
    settings: Settings | None = None,
    *,
    time_scale: float = 1.0,
    opened: bool = False,
    preview: LivePreview | None = None,
    write_handout: Writer | None = None,
) -> Backends:
    """Make ``session``'s backends the ones QML's singletons show; call before loading QML.

    ``settings`` (default: all defaults) choose the mode; ``time_scale`` speeds
    up the kiosk's clock for tests (see :mod:`exhibit.qt.kiosk_backend`);
    ``opened``: the session was opened on a chosen step (a kiosk then shows
    it instead of starting with its attract loop). ``preview`` reloads the
    content when a curator saves a file (``--watch``); ``write_handout``
    writes the printed handout (Ctrl+P; none: not offered).
    """
    chosen = settings if settings is not None else Settings()
    backends = Backends(
        session,
        font_family,
        chosen,
        time_scale=time_scale,
        opened=opened,
        preview=preview,
        write_handout=write_handout,
    )
    registry.install(backends.registry)
    return backends
