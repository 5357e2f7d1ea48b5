"""What the plan draws on the final day, as properties QML can bind to.

The arrows of every step so far (the current step's to be drawn, the earlier
ones as a trace), the flags raised so far, and the current step's figures
with the texts of their count-up. :mod:`exhibit.core.dayplan` decides all of
it; this backend only looks up the words in the current language and says
so when the step or the language changes. Geometry is in the plan's view
units (MapBackend.planViewBox); QML maps it to the screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from exhibit.core.dayplan import (
    DrawnArrow,
    arrows_shown,
    figure_count,
    flags_shown,
    plan_arrows,
    view_at,
)
from exhibit.core.maps import MapData, build_exhibit_map
from exhibit.core.model import Chapter, MapKind
from exhibit.core.session import Session
from exhibit.core.story import Position

QML_IMPORT_NAME = "Exhibit.Backend"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlSingleton
class DayPlanBackend(QObject):
    """The final day's arrows, flags and figures at the current step."""

    arrowsChanged = Signal()
    flagsChanged = Signal()
    figuresChanged = Signal()
    viewChanged = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._plan: MapData | None = None
        self._arrows: dict[str, tuple[DrawnArrow, ...]] = {}
        self._step = self._step_index()
        session.on_position(self._on_position)
        session.on_language(lambda _code: self._announce())

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        from exhibit.qt.backends import _keep_in_python, current_backends

        return _keep_in_python(current_backends().dayplan)

    # -- core state ---------------------------------------------------------

    def _chapter(self) -> Chapter | None:
        chapter = self._session.story.chapter
        return chapter if chapter is not None and chapter.told_on_clock else None

    def _step_index(self) -> int | None:
        return self._session.story.position.step if self._chapter() is not None else None

    def _plan_data(self) -> MapData | None:
        if self._plan is None:
            exhibit = self._session.exhibit
            plan = next((m.id for m in exhibit.maps.values() if m.kind is MapKind.PLAN), None)
            self._plan = build_exhibit_map(exhibit, plan) if plan else None
        return self._plan

    def _day_arrows(self, chapter: Chapter) -> tuple[DrawnArrow, ...]:
        arrows = self._arrows.get(chapter.id)
        if arrows is None:
            data = self._plan_data()
            arrows = plan_arrows(chapter, data) if data is not None else ()
            self._arrows[chapter.id] = arrows
        return arrows

    def _on_position(self, _position: Position) -> None:
        step = self._step_index()
        if step != self._step:
            self._step = step
            self._announce()
            self.viewChanged.emit()

    def _announce(self) -> None:
        self.arrowsChanged.emit()
        self.flagsChanged.emit()
        self.figuresChanged.emit()

    def _lang(self) -> tuple[str, str]:
        return self._session.language, self._session.exhibit.default_language

    # -- properties ---------------------------------------------------------

    def _arrows_value(self) -> list[dict[str, Any]]:
        chapter, step = self._chapter(), self._step_index()
        if chapter is None or step is None:
            return []
        language, fallback = self._lang()
        return [
            {
                "step": arrow.step,
                "kind": arrow.kind,
                "current": current,
                "unit": arrow.unit.get(language, fallback) if arrow.labelled else "",
                "points": [[x, y] for x, y in arrow.points],
                "labelX": arrow.label_at[0],
                "labelY": arrow.label_at[1],
                "headingX": arrow.heading[0],
                "headingY": arrow.heading[1],
            }
            for arrow, current in arrows_shown(self._day_arrows(chapter), step)
        ]

    def _flags_value(self) -> list[dict[str, Any]]:
        chapter, step, data = self._chapter(), self._step_index(), self._plan_data()
        if chapter is None or step is None or data is None:
            return []
        language, fallback = self._lang()
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
                    "words": flag.words.get(language, fallback) if flag.words else "",
                    "x": place.x,
                    "y": place.y,
                }
            )
        return flags

    def _figures_value(self) -> list[dict[str, Any]]:
        chapter, step = self._chapter(), self._step_index()
        if chapter is None or step is None:
            return []
        language, fallback = self._lang()
        figures = []
        for figure in chapter.steps[step].figures:
            value = figure.value.get(language, fallback)
            count = figure_count(value)
            figures.append(
                {
                    "value": value,
                    "label": figure.label.get(language, fallback),
                    # The texts a count-up shows, ending on ``value``; [value]
                    # for a figure that is no number ("All").
                    "countUp": count.count_up() if count is not None else [value],
                }
            )
        return figures

    def _view_value(self) -> dict[str, float]:
        """The part of the plan to show (view units): the day's, the whole plan at the totals."""
        chapter, step, data = self._chapter(), self._step_index(), self._plan_data()
        if chapter is None or step is None or data is None:
            return {}
        return view_at(chapter, data, self._day_arrows(chapter), step).to_dict()

    arrows = Property("QVariantList", _arrows_value, notify=arrowsChanged, final=True)
    view = Property("QVariantMap", _view_value, notify=viewChanged, final=True)
    flags = Property("QVariantList", _flags_value, notify=flagsChanged, final=True)
    figures = Property("QVariantList", _figures_value, notify=figuresChanged, final=True)
