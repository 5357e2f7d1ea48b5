"""The maps of the chapters, as QML sees them: shapes, places, focus, the tapped place.

``MapBackend`` shows the map of the current chapter (``viewBox``, ``shapes``,
``places``, ``focus``) and, whatever the chapter, the valley plan
(``planViewBox``, ``planShapes``, ``planPlaces``), which the final-day clock
draws too. The geometry comes from :mod:`exhibit.core.maps`, built once per map;
a language change only looks the names up again.

Three signals, by how often what they announce changes, so that a step does
not make QML rebuild what the step leaves alone:

- ``changed``: the map itself or the language (``mapId``, ``title``,
  ``viewBox``, ``shapes``, ``places``, ``planPlaces``). The lists of
  shapes and places drive Repeaters; announcing them on every step made QML
  recreate every marker, label and shape of the map at each move.
- ``stepChanged``: what the step shows (``focus``, ``highlightedIds``); delegates
  bind their own highlight to ``highlightedIds`` and update in place.
- ``selectionChanged``: the tapped place (``selectedPlace``, ``selectedCard``).

Whatever triggers them is one core event, and they are emitted together in
its handler, so every binding still updates in the same frame.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from exhibit.core.labels import AREA_FONT_SCALE, layout_labels
from exhibit.core.legend import (
    LEGEND,
    legend_entries,
    possible_entries,
    string_key,
    stronghold_looks,
)
from exhibit.core.maps import MapData, Rect, build_exhibit_map
from exhibit.core.model import MapKind
from exhibit.core.projection import nice_length
from exhibit.core.session import PLACE_TAPPED, Session
from exhibit.core.story import Position

QML_IMPORT_NAME = "Exhibit.Backend"
QML_IMPORT_MAJOR_VERSION = 1

_MEASURE_PIXELS = 100.0
"""The font size label widths are measured at; they are handed on in ems."""

_LIST = "QVariantList"

_LAYOUTS_KEPT = 64
"""Label layouts remembered (the oldest goes first); each is a few kilobytes."""


AREA_LETTER_SPACING = {"country": 0.18, "sea": 0.12, "gulf": 0.04, "archipelago": 0.0}
"""Extra space between the letters of an area's name, in ems of its font."""


class _Names:
    """Label texts and their widths in ems, per language, measured once each.

    A place's label is set semibold; an area's name as the map writes it: a
    country in spaced capitals, a sea and an archipelago in italics.
    """

    def __init__(self, font_family: str) -> None:
        self._metrics: dict[str, QFontMetricsF] = {}
        for style in ("place", "country", "sea", "gulf", "archipelago"):
            font = QFont(font_family)
            font.setPixelSize(int(_MEASURE_PIXELS))
            font.setWeight(QFont.Weight.DemiBold)
            font.setItalic(style in ("sea", "gulf", "archipelago"))
            if style == "country":
                font.setCapitalization(QFont.Capitalization.AllUppercase)
            spacing = AREA_LETTER_SPACING.get(style, 0.0) * _MEASURE_PIXELS
            font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
            self._metrics[style] = QFontMetricsF(font)
        self._widths: dict[tuple[str, str], float] = {}

    def width_em(self, text: str, style: str = "place") -> float:
        key = (style, text)
        width = self._widths.get(key)
        if width is None:
            metrics = self._metrics.get(style, self._metrics["place"])
            width = metrics.horizontalAdvance(text) / _MEASURE_PIXELS
            self._widths[key] = width
        return width


@QmlElement
@QmlSingleton
class MapBackend(QObject):
    """The current chapter's map and the valley plan, in the current language."""

    changed = Signal()
    stepChanged = Signal()
    selectionChanged = Signal()

    def __init__(self, session: Session, font_family: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._names = _Names(font_family)
        self._maps: dict[str, MapData] = {}
        self._shapes_of: dict[str, dict[str, Any]] = {}
        self._places_of: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self._layouts: dict[tuple[Any, ...], dict[str, dict[str, Any]]] = {}
        self._shown_map = self._current_map_id
        self._selected = ""
        session.on_position(self._on_position)
        session.on_language(self._on_language)

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        from exhibit.qt.backends import current_backends

        backend = current_backends().maps
        QQmlEngine.setObjectOwnership(backend, QQmlEngine.ObjectOwnership.CppOwnership)
        return backend

    # -- core state ---------------------------------------------------------

    def map_data(self, map_id: str) -> MapData | None:
        """The drawable data of a map, built on first use."""
        if not map_id or map_id not in self._session.exhibit.maps:
            return None
        data = self._maps.get(map_id)
        if data is None:
            data = build_exhibit_map(self._session.exhibit, map_id)
            self._maps[map_id] = data
        return data

    def _on_position(self, _position: Position) -> None:
        # A card belongs to the step it was opened in.
        had_card = bool(self._selected)
        self._selected = ""
        map_id = self._current_map_id
        if map_id != self._shown_map:
            self._shown_map = map_id
            self.changed.emit()
        self.stepChanged.emit()
        if had_card:
            self.selectionChanged.emit()

    def _on_language(self, _code: str) -> None:
        self.changed.emit()
        if self._selected:
            self.selectionChanged.emit()  # the card's texts

    def _lang(self) -> tuple[str, str]:
        return self._session.language, self._session.exhibit.default_language

    @property
    def _current_map_id(self) -> str:
        chapter = self._session.story.chapter
        return chapter.map if chapter else ""

    @property
    def _plan_map_id(self) -> str:
        return next(
            (m.id for m in self._session.exhibit.maps.values() if m.kind is MapKind.PLAN), ""
        )

    def _step_place_ids(self) -> tuple[str, ...]:
        story = self._session.story
        chapter = story.chapter
        return chapter.steps[story.position.step].places if chapter else ()

    def label_text(self, place_id: str) -> str:
        """What the map writes beside a place: its name."""
        return self._session.exhibit.places[place_id].name.get(*self._lang())

    def short_text(self, place_id: str) -> str:
        """The short form of a place's label, or "" if it has none."""
        short = self._session.exhibit.places[place_id].short_name
        return short.get(*self._lang()) if short is not None else ""

    def area_text(self, map_id: str, area_id: str) -> str:
        map_def = self._session.exhibit.maps[map_id]
        label = next(a for a in map_def.labels if a.id == area_id)
        return label.name.get(*self._lang())

    def label_widths(self, data: MapData) -> dict[str, float]:
        """Each label's width in ems of its own font, the widest of its languages.

        The layout is then the same in every language: a visitor who switches
        sees the same names in the same places, and a toggle lays out nothing.
        """
        widths: dict[str, float] = {}
        exhibit = self._session.exhibit
        for code in exhibit.language_codes:
            for p in data.places:
                width = self._names.width_em(exhibit.places[p.id].name.get(code))
                widths[p.id] = max(widths.get(p.id, 0.0), width)
            for area in data.areas:
                label = next(a for a in exhibit.maps[data.id].labels if a.id == area.id)
                width = self._names.width_em(label.name.get(code), area.kind)
                widths[area.id] = max(widths.get(area.id, 0.0), width)
        return widths

    def short_widths(self, data: MapData) -> dict[str, float]:
        """The width of each short name, the widest of its languages."""
        widths: dict[str, float] = {}
        exhibit = self._session.exhibit
        for p in data.places:
            short = exhibit.places[p.id].short_name
            if short is not None:
                widths[p.id] = max(
                    self._names.width_em(short.get(c)) for c in exhibit.language_codes
                )
        return widths

    # -- building the QML values ----------------------------------------------

    def _view_box(self, map_id: str) -> list[float]:
        data = self.map_data(map_id)
        return [0.0, 0.0, data.view_width, data.view_height] if data else [0.0, 0.0, 1.0, 1.0]

    def _shapes(self, map_id: str) -> dict[str, Any]:
        shapes = self._shapes_of.get(map_id)
        if shapes is None:
            data = self.map_data(map_id)
            shapes = {**data.shapes, "viewBox": self._view_box(map_id)} if data else {}
            self._shapes_of[map_id] = shapes
        return shapes

    def _places(self, map_id: str) -> list[dict[str, Any]]:
        """The places of a map in the current language: nothing that changes with the step.

        What the step highlights is ``highlightedIds``, where labels go is
        ``labelLayout``; keeping both out of this list keeps it the same from
        step to step, so QML does not recreate a marker or label per move.
        """
        language, fallback = self._lang()
        places = self._places_of.get((map_id, language))
        if places is not None:
            return places
        data = self.map_data(map_id)
        if data is None:
            return []
        exhibit = self._session.exhibit
        places = [
            {
                "id": p.id,
                "kind": p.kind,
                "name": exhibit.places[p.id].name.get(language, fallback),
                "label": self.label_text(p.id),
                "short": self.short_text(p.id),
                "x": p.x,
                "y": p.y,
                "line": p.line_path,
                "sector": p.sector or "",
                "bearing": exhibit.places[p.id].bearing or 270.0,
            }
            for p in data.places
        ]
        self._places_of[(map_id, language)] = places
        return places

    def _areas(self, map_id: str) -> list[dict[str, Any]]:
        """A map's area names in the current language, with how the map writes them."""
        data = self.map_data(map_id)
        if data is None:
            return []
        return [
            {
                "id": area.id,
                "kind": area.kind,
                "label": self.area_text(map_id, area.id),
                "fontScale": AREA_FONT_SCALE.get(area.kind, 1.0),
                "letterSpacing": AREA_LETTER_SPACING.get(area.kind, 0.0),
            }
            for area in data.areas
        ]

    def _focus_of(self, map_id: str) -> dict[str, float]:
        data = self.map_data(map_id)
        if data is None:
            return {"x": 0.0, "y": 0.0, "width": 1.0, "height": 1.0}
        ids = self._step_place_ids() if map_id == self._current_map_id else ()
        return data.focus(ids).to_dict()

    # -- properties ---------------------------------------------------------

    def _map_id(self) -> str:
        return self._current_map_id

    def _kind(self) -> str:
        data = self.map_data(self._current_map_id)
        return data.kind.value if data else ""

    def _title(self) -> str:
        map_def = self._session.exhibit.maps.get(self._current_map_id)
        return map_def.title.get(*self._lang()) if map_def else ""

    def _selected_place(self) -> str:
        return self._selected

    def _selected_card(self) -> dict[str, str]:
        place = self._session.exhibit.places.get(self._selected)
        if place is None:
            return {}
        language, fallback = self._lang()
        source = self._session.exhibit.sources.get(place.source)
        return {
            "id": place.id,
            "name": place.name.get(language, fallback),
            "info": place.info.get(language, fallback),
            "source": source.title.get(language, fallback) if source else place.source,
            "kind": place.kind,
        }

    def _current_view_box(self) -> list[float]:
        return self._view_box(self._current_map_id)

    def _current_shapes(self) -> dict[str, Any]:
        return self._shapes(self._current_map_id)

    def _current_places(self) -> list[dict[str, Any]]:
        return self._places(self._current_map_id)

    def _current_focus(self) -> dict[str, float]:
        return self._focus_of(self._current_map_id)

    def _highlighted_ids(self) -> list[str]:
        return list(self._step_place_ids())

    def _current_areas(self) -> list[dict[str, Any]]:
        return self._areas(self._current_map_id)

    def _plan_id(self) -> str:
        return self._plan_map_id

    def _plan_view_box(self) -> list[float]:
        return self._view_box(self._plan_map_id)

    def _plan_shapes(self) -> dict[str, Any]:
        return self._shapes(self._plan_map_id)

    def _plan_places(self) -> list[dict[str, Any]]:
        return self._places(self._plan_map_id)

    # The map and the language: the drawing, the places and their names.
    mapId = Property(str, _map_id, notify=changed, final=True)
    kind = Property(str, _kind, notify=changed, final=True)
    title = Property(str, _title, notify=changed, final=True)
    viewBox = Property("QVariantList", _current_view_box, notify=changed, final=True)
    shapes = Property("QVariantMap", _current_shapes, notify=changed, final=True)
    places = Property("QVariantList", _current_places, notify=changed, final=True)
    areas = Property("QVariantList", _current_areas, notify=changed, final=True)
    planMapId = Property(str, _plan_id, constant=True, final=True)
    # The plan's drawing never changes: a clock that binds to it is not rebuilt per move.
    planViewBox = Property("QVariantList", _plan_view_box, constant=True, final=True)
    planShapes = Property("QVariantMap", _plan_shapes, constant=True, final=True)
    planPlaces = Property("QVariantList", _plan_places, notify=changed, final=True)
    # The step: where the view goes and which places it lights (ids on the current map).
    focus = Property("QVariantMap", _current_focus, notify=stepChanged, final=True)
    highlightedIds = Property("QVariantList", _highlighted_ids, notify=stepChanged, final=True)
    # The tapped place and its card (the card's texts follow the language).
    selectedPlace = Property(str, _selected_place, notify=selectionChanged, final=True)
    selectedCard = Property("QVariantMap", _selected_card, notify=selectionChanged, final=True)

    # -- slots --------------------------------------------------------------

    @Slot(str)
    def selectPlace(self, place_id: str) -> None:
        if place_id in self._session.exhibit.places and place_id != self._selected:
            self._selected = place_id
            self.selectionChanged.emit()
            self._session.report(PLACE_TAPPED, place_id)

    @Slot()
    def clearSelection(self) -> None:
        if self._selected:
            self._selected = ""
            self.selectionChanged.emit()

    @Slot(str, float, float, _LIST, _LIST, _LIST, _LIST, result="QVariantMap")
    def labelLayout(
        self,
        map_id: str,
        em: float,
        marker_em: float,
        highlighted: list[Any],
        hidden: list[Any],
        viewport: list[Any],
        reserved: list[Any],
    ) -> dict[str, dict[str, Any]]:
        """Where each shown label goes, for a label font ``em`` view units tall
        and symbols drawn for a ``marker_em`` (Theme.labelSize) font.

        ``viewport`` is ``[x, y, width, height]`` of the map on screen (view
        units; ``[]`` for the whole map) and ``reserved`` a list of such
        rectangles the labels keep off (buttons). Returns ``{place id: {side,
        x, y, width, height}}``: the side of its place and the box (view units)
        the label may fill; a place missing from the result has no label.

        The QML maps call this when the zoom crosses a step, the view settles,
        the highlighted places change or the language changes; never per frame.
        """
        data = self.map_data(map_id)
        if data is None or em <= 0:
            return {}
        lit = tuple(str(i) for i in highlighted)
        off = tuple(str(i) for i in hidden)
        area = _rect(viewport)
        keep_off = tuple(r for r in map(_rect, reserved) if r is not None)
        # Going back a step asks for a layout already made; the layout is the
        # same in every language (see label_widths), so a toggle does too.
        key = (map_id, em, marker_em, lit, off, area, keep_off)
        layout = self._layouts.get(key)
        if layout is None:
            sides = layout_labels(
                data,
                self.label_widths(data),
                em=em,
                highlighted=lit,
                hidden=off,
                viewport=area,
                reserved=keep_off,
                short_widths=self.short_widths(data),
                marker_em=marker_em if marker_em > 0 else em,
            )
            layout = {
                place_id: {
                    "side": placement.side,
                    **placement.box.to_dict(),
                    "short": placement.short,
                    "leader": [c for point in placement.leader for c in point]
                    if placement.leader
                    else [],
                }
                for place_id, placement in sides.items()
                if placement is not None
            }
            if len(self._layouts) >= _LAYOUTS_KEPT:
                self._layouts.pop(next(iter(self._layouts)))
            self._layouts[key] = layout
        return layout

    @Slot("QVariantMap", bool, result="QVariantMap")
    def strongholdLooks(self, told: dict[str, Any], day: bool) -> dict[str, str]:
        """How each stronghold of a map is drawn: the ``told`` states of a day
        (``day``), the others "untold"; or, with no day told, every one held."""
        data = self.map_data(self._plan_map_id)
        if data is None:
            return {}
        return stronghold_looks(data, {str(k): str(v) for k, v in told.items()} if day else None)

    @Slot(str, _LIST, _LIST, _LIST, "QVariantMap", result=_LIST)
    def legendEntries(
        self,
        map_id: str,
        viewport: list[Any],
        highlighted: list[Any],
        hidden: list[Any],
        looks: dict[str, Any],
    ) -> list[dict[str, str]]:
        """The legend for the part of a map on screen (``viewport``, view units;
        ``[]`` for all): each entry's ``id``, ``label`` in the current language,
        the label in ``all`` languages, and its symbol (``shape``, ``kind``,
        ``look``), in the legend's order."""
        data = self.map_data(map_id)
        if data is None:
            return []
        entries = legend_entries(
            data,
            viewport=_rect(viewport),
            hidden=[str(i) for i in hidden],
            highlighted=[str(i) for i in highlighted],
            looks={str(k): str(v) for k, v in looks.items()},
        )
        exhibit = self._session.exhibit
        return [
            {
                "id": entry,
                "label": self._session.text(string_key(entry)),
                # In every language: the legend takes the room of the widest, so
                # it covers the same part of the map whatever the language.
                "all": list(exhibit.strings[string_key(entry)].values.values()),
                "shape": LEGEND[entry].shape,
                "kind": LEGEND[entry].kind,
                "look": LEGEND[entry].look,
            }
            for entry in entries
        ]

    @Slot(str, result=_LIST)
    def legendWords(self, map_id: str) -> list[str]:
        """The words of every entry a legend of the map may list, in every language:
        the legend keeps the room of the longest, so it never changes size with
        the step or the language (and neither does the part of the map it leaves)."""
        data = self.map_data(map_id)
        if data is None:
            return []
        strings = self._session.exhibit.strings
        return [
            text
            for entry in possible_entries(data)
            for text in strings[string_key(entry)].values.values()
        ]

    @Slot(str, result=_LIST)
    def stringInAll(self, key: str) -> list[str]:
        """A UI string in every language (to make room for the longest)."""
        text = self._session.exhibit.strings.get(key)
        return list(text.values.values()) if text is not None else []

    @Slot(str, _LIST, float, result="QVariantMap")
    def scaleBar(self, map_id: str, viewport: list[Any], longest_units: float) -> dict[str, Any]:
        """A true scale bar for a geographic map's view (``viewport``, view
        units): the round length in km that fits in ``longest_units`` view
        units at the view's centre, km per view unit there, and its label;
        ``{}`` for a plan, which has no scale."""
        data = self.map_data(map_id)
        view = _rect(viewport)
        if data is None or data.frame is None or view is None or longest_units <= 0:
            return {}
        km_per_unit = data.frame.km_per_view_unit(*view.center)
        km = nice_length(longest_units * km_per_unit)
        number = f"{km:g}"
        return {
            "km": km,
            "kmPerUnit": km_per_unit,
            "label": self._session.text("map_scale", km=number),
        }

    @Slot(str, _LIST, result=float)
    def northAngle(self, map_id: str, viewport: list[Any]) -> float:
        """Which way north points at the centre of a map's view, in degrees
        clockwise from straight up (0 on a plan, which is drawn north up)."""
        data = self.map_data(map_id)
        view = _rect(viewport)
        if data is None or data.frame is None or view is None:
            return 0.0
        return data.frame.north_angle(*view.center)


def _rect(values: Any) -> Rect | None:
    """A rectangle from QML's ``[x, y, width, height]``, or None if it is not one."""
    try:
        x, y, width, height = (float(v) for v in values)
    except (TypeError, ValueError):
        return None
    return Rect(x, y, width, height) if width > 0 and height > 0 else None
