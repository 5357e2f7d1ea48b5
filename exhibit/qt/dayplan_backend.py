"""What the plan draws on the final day, for QML: ``DayPlanBackend``.

The arrows of every step so far (the current step's to be drawn, the earlier
ones as a trace), the flags raised so far, the current step's figures with
the texts of their count-up, and the part of the plan to show.
:mod:`exhibit.core.dayplan` decides all of it; this backend only looks up the
words in the current language. Geometry is in the plan's view units
(``MapBackend.planViewBox``); QML maps it to the screen.

Each property has its own signal, emitted only when its value changes: a
step that adds no flag leaves the flags alone, and the view moves only when
the part of the plan to show does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from exhibit.core.model import Chapter
from exhibit.core.session import Session
from exhibit.qt import registry
from exhibit.qt.published import Published, published

if TYPE_CHECKING:
    from exhibit.core.dayplan import DrawnArrow
    from exhibit.core.maps import MapData

# exhibit.core.dayplan (and the map geometry it uses) is imported where it is
# used, not here: this module loads before the title's first frame, the
# chapters after.

QML_IMPORT_NAME = "Exhibit.Backend"
QML_IMPORT_MAJOR_VERSION = 1

_LIST = "QVariantList"


@QmlElement
@QmlSingleton
class DayPlanBackend(Published):
    """The final day's arrows, flags and figures at the current step."""

    arrowsChanged = Signal()
    dayArrowsChanged = Signal()
    tracedChanged = Signal()
    flagsChanged = Signal()
    figuresChanged = Signal()
    viewChanged = Signal()

    def __init__(
        self,
        session: Session,
        plan: Callable[[], MapData | None],
        parent: QObject | None = None,
    ) -> None:
        """``plan`` gives the valley plan's drawable data (the map backend builds it)."""
        super().__init__(parent)
        self._session = session
        self._plan = plan
        self._arrows: dict[str, tuple[DrawnArrow, ...]] = {}
        self.guarded(self._refresh)()
        session.on_position(self.guarded(lambda _position: self._refresh()))
        session.on_language(self.guarded(lambda _code: self._refresh()))
        session.on_content(self.guarded(self._on_content))

    @staticmethod
    def create(engine: QQmlEngine) -> DayPlanBackend:
        return registry.singleton(DayPlanBackend)

    # -- core state ---------------------------------------------------------

    def _chapter(self) -> Chapter | None:
        chapter = self._session.story.chapter
        return chapter if chapter is not None and chapter.told_on_clock else None

    def _day_arrows(self, chapter: Chapter, data: MapData) -> tuple[DrawnArrow, ...]:
        arrows = self._arrows.get(chapter.id)
        if arrows is None:
            from exhibit.core.dayplan import plan_arrows

            arrows = plan_arrows(chapter, data)
            self._arrows[chapter.id] = arrows
        return arrows

    def _on_content(self, _exhibit: object) -> None:
        self._arrows.clear()  # drawn from the old content's arrows and plan
        self._refresh()

    # -- what QML shows -------------------------------------------------------

    def _refresh(self) -> None:
        chapter, data = self._chapter(), self._plan()
        if chapter is None or data is None:
            self.publish(arrows=[], dayArrows=[], traced=[], flags=[], figures=[], view={})
            return
        from exhibit.core.dayplan import arrows_shown, view_at

        step = self._session.story.position.step
        arrows = self._day_arrows(chapter, data)
        shown = arrows_shown(arrows, step)
        trace = {id(arrow) for arrow, current in shown if not current}
        self.publish(
            arrows=[self._arrow(arrow, current) for arrow, current in shown],
            dayArrows=[self._arrow(arrow, False) for arrow in arrows],
            traced=[id(arrow) in trace for arrow in arrows],
            flags=self._flags_at(chapter, data, step),
            figures=self._figures_at(chapter, step),
            view=view_at(chapter, data, arrows, step).to_dict(),
        )

    def _arrow(self, arrow: DrawnArrow, current: bool) -> dict[str, Any]:
        written = self._session.written  # a label on the plan, on one line
        return {
            "step": arrow.step,
            "kind": arrow.kind,
            "current": current,
            "unit": written(arrow.unit) if arrow.labelled else "",
            "points": [[x, y] for x, y in arrow.points],
            "labelX": arrow.label_at[0],
            "labelY": arrow.label_at[1],
            "headingX": arrow.heading[0],
            "headingY": arrow.heading[1],
        }

    def _flags_at(self, chapter: Chapter, data: MapData, step: int) -> list[dict[str, Any]]:
        from exhibit.core.dayplan import flags_shown

        flags = []
        for index, flag in flags_shown(chapter, step):
            place = data.place(flag.at)
            if place is None:
                continue
            flags.append(
                {
                    "kind": flag.kind,
                    "place": flag.at,
                    "current": index == step,
                    "words": self._session.local(flag.words) if flag.words else "",
                    "x": place.x,
                    "y": place.y,
                }
            )
        return flags

    def _figures_at(self, chapter: Chapter, step: int) -> list[dict[str, Any]]:
        from exhibit.core.dayplan import figure_count

        figures = []
        for figure in chapter.steps[step].figures:
            value = self._session.written(figure.value)  # read as a number, below
            count = figure_count(value)
            figures.append(
                {
                    "value": value,
                    "label": self._session.local(figure.label),
                    # The texts a count-up shows, ending on ``value``; [value]
                    # for a figure that is no number ("All").
                    "countUp": count.count_up() if count is not None else [value],
                }
            )
        return figures

    #: [{step, kind, current, unit, points, labelX, labelY, headingX, headingY}]:
    #: every arrow drawn so far, the current step's with ``current`` set.
    arrows = published(_LIST, "arrows", arrowsChanged)
    #: Every arrow of the day, in the same form (none ``current``), and for
    #: each whether it is drawn as a trace now: a step changes ``traced``
    #: alone, so the plan keeps its trace's items instead of making them anew.
    dayArrows = published(_LIST, "dayArrows", dayArrowsChanged)
    traced = published(_LIST, "traced", tracedChanged)
    #: [{kind, place, current, words, x, y}]: the flags raised so far.
    flags = published(_LIST, "flags", flagsChanged)
    #: [{value, label, countUp}]: the current step's key figures.
    figures = published(_LIST, "figures", figuresChanged)
    #: The part of the plan to show (view units): the day's, the whole plan at the totals.
    view = published("QVariantMap", "view", viewChanged)
