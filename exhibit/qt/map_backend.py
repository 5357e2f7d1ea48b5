"""The maps of the chapters, for QML: ``MapBackend``: shapes, places, focus, the tapped place.

``MapBackend`` shows the map of the current chapter (``viewBox``, ``shapes``,
``places``, ``areas``, ``focus``) and, whatever the chapter, the valley plan
(``planViewBox``, ``planShapes``, ``planPlaces``), which the final-day clock
draws too, and the geographic map (``geoViewBox``, ``geoShapes``,
``geoPlaces``, ``geoAreas``), which the title screen draws. The geometry
comes from :mod:`exhibit.core.maps`, built once per map; a language change
only looks the names up again. Where the names go, what a legend explains,
the scale and north of a view are answered by slots, from the core's rules
(:mod:`exhibit.core.labels`, :mod:`exhibit.core.legend`,
:mod:`exhibit.core.projection`).

Each property has its own signal, emitted only when its value changes: a
step changes ``focus`` and ``highlightedIds`` and leaves the lists of shapes
and places (which drive Repeaters) alone, so QML recreates no marker, label
or shape of the map at a move; a language change renames the places.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from exhibit.core.model import MapKind
from exhibit.core.session import PLACE_TAPPED, Session
from exhibit.core.story import Position
from exhibit.qt import registry
from exhibit.qt.published import Published, constant, published

if TYPE_CHECKING:
    from exhibit.core.maps import MapData, Rect

# exhibit.core.maps (and the projection, labels and legend it goes with) is
# imported where it is used, not here: this module loads before the title's
# first frame, the maps after.

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
class MapBackend(Published):
    """The current chapter's map, the valley plan and the geographic map, in the
    current language."""

    mapIdChanged = Signal()
    kindChanged = Signal()
    titleChanged = Signal()
    viewBoxChanged = Signal()
    shapesChanged = Signal()
    placesChanged = Signal()
    areasChanged = Signal()
    planPlacesChanged = Signal()
    geoPlacesChanged = Signal()
    geoAreasChanged = Signal()
    focusChanged = Signal()
    highlightedIdsChanged = Signal()
    selectedPlaceChanged = Signal()
    selectedCardChanged = Signal()
    planMapIdChanged = Signal()
    planViewBoxChanged = Signal()
    planShapesChanged = Signal()
    geoMapIdChanged = Signal()
    geoViewBoxChanged = Signal()
    geoShapesChanged = Signal()

    def __init__(self, session: Session, font_family: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._names = _Names(font_family)
        self._maps: dict[str, MapData] = {}
        self._shapes_of: dict[str, dict[str, Any]] = {}
        self._places_of: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self._layouts: dict[tuple[Any, ...], dict[str, dict[str, Any]]] = {}
        self._day_arrows: dict[tuple[str, str], tuple[Any, ...]] = {}
        self._selected = ""
        self._values.update(maxZoom=_max_zoom())
        self._publish_whole_maps()
        self.guarded(self._refresh)()
        session.on_position(self.guarded(self._on_position))
        session.on_language(self.guarded(lambda _code: self._refresh()))
        session.on_content(self.guarded(self._on_content))

    @staticmethod
    def create(engine: QQmlEngine) -> MapBackend:
        return registry.singleton(MapBackend)

    # -- core state ---------------------------------------------------------

    def map_data(self, map_id: str) -> MapData | None:
        """The drawable data of a map, built on first use."""
        if not map_id or map_id not in self._session.exhibit.maps:
            return None
        data = self._maps.get(map_id)
        if data is None:
            from exhibit.core.maps import build_exhibit_map

            data = build_exhibit_map(self._session.exhibit, map_id)
            self._maps[map_id] = data
        return data

    def _publish_whole_maps(self) -> None:
        """The plan and the geographic map, whatever the chapter (they change with the content)."""
        plan, geo = self._plan_map_id, self._first_map_of(MapKind.GEO)
        self.publish(
            planMapId=plan,
            planViewBox=self._view_box(plan),
            planShapes=self._shapes(plan),
            geoMapId=geo,
            geoViewBox=self._view_box(geo),
            geoShapes=self._shapes(geo),
        )

    def _on_content(self, _exhibit: object) -> None:
        """New content: every map is built again from it (its places, names, shapes)."""
        for cache in (
            self._maps,
            self._shapes_of,
            self._places_of,
            self._layouts,
            self._day_arrows,
        ):
            cache.clear()
        if self._selected not in self._session.exhibit.places:
            self._selected = ""
        self._publish_whole_maps()
        self._refresh()

    def _on_position(self, _position: Position) -> None:
        self._selected = ""  # a card belongs to the step it was opened in
        self._refresh()

    def plan_data(self) -> MapData | None:
        """The valley plan's drawable data (the final day draws on it too)."""
        return self.map_data(self._plan_map_id)

    @property
    def _current_map_id(self) -> str:
        chapter = self._session.story.chapter
        return chapter.map if chapter else ""

    @property
    def _plan_map_id(self) -> str:
        return self._first_map_of(MapKind.PLAN)

    def _first_map_of(self, kind: MapKind) -> str:
        return next((m.id for m in self._session.exhibit.maps.values() if m.kind is kind), "")

    def _step_place_ids(self) -> tuple[str, ...]:
        story = self._session.story
        chapter = story.chapter
        return chapter.steps[story.position.step].places if chapter else ()

    def label_text(self, place_id: str) -> str:
        """What the map writes beside a place: its name as written (a label is one line)."""
        return self._session.written(self._session.exhibit.places[place_id].name)

    def short_text(self, place_id: str) -> str:
        """The short form of a place's label, or "" if it has none."""
        return self._session.written(self._session.exhibit.places[place_id].short_name)

    def label_widths(self, data: MapData) -> dict[str, float]:
        """Each label's width in ems of its own font, the widest of its languages.

        The layout is then the same in every language: a visitor who switches
        sees the same names in the same places, and a toggle lays out nothing.
        """
        widths: dict[str, float] = {}
        exhibit = self._session.exhibit
        labels = {a.id: a for a in exhibit.maps[data.id].labels}
        for code in exhibit.language_codes:
            for p in data.places:
                width = self._names.width_em(exhibit.places[p.id].name.get(code))
                widths[p.id] = max(widths.get(p.id, 0.0), width)
            for area in data.areas:
                width = self._names.width_em(labels[area.id].name.get(code), area.kind)
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

    def _refresh(self) -> None:
        map_id = self._current_map_id
        data = self.map_data(map_id)
        map_def = self._session.exhibit.maps.get(map_id)
        ids = self._step_place_ids()
        whole = {"x": 0.0, "y": 0.0, "width": 1.0, "height": 1.0}
        focus = data.focus(ids).to_dict() if data else whole
        geo = self._values["geoMapId"]
        self.publish(
            mapId=map_id,
            kind=data.kind.value if data else "",
            title=self._session.local(map_def.title if map_def else None),
            viewBox=self._view_box(map_id),
            shapes=self._shapes(map_id),
            places=self._places(map_id),
            areas=self._areas(map_id),
            planPlaces=self._places(self._plan_map_id),
            geoPlaces=self._places(geo),
            geoAreas=self._areas(geo),
            focus=focus,
            highlightedIds=list(ids),
            selectedPlace=self._selected,
            selectedCard=self._card(),
        )

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
        language = self._session.language
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
                "name": self.label_text(p.id),
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
        from exhibit.core.labels import AREA_FONT_SCALE

        labels = {a.id: a for a in self._session.exhibit.maps[map_id].labels}
        return [
            {
                "id": area.id,
                "kind": area.kind,
                "label": self._session.written(labels[area.id].name),
                "fontScale": AREA_FONT_SCALE.get(area.kind, 1.0),
                "letterSpacing": AREA_LETTER_SPACING.get(area.kind, 0.0),
            }
            for area in data.areas
        ]

    def _card(self) -> dict[str, str]:
        place = self._session.exhibit.places.get(self._selected)
        if place is None:
            return {}
        session = self._session
        source = session.exhibit.sources.get(place.source)
        return {
            "id": place.id,
            "name": session.local(place.name),
            "info": session.local(place.info),
            "source": session.local(source.title) if source else place.source,
            "kind": place.kind,
        }

    # The map and the language: the drawing, the places and their names.
    mapId = published(str, "mapId", mapIdChanged)
    kind = published(str, "kind", kindChanged)
    title = published(str, "title", titleChanged)
    viewBox = published("QVariantList", "viewBox", viewBoxChanged)
    shapes = published("QVariantMap", "shapes", shapesChanged)
    places = published("QVariantList", "places", placesChanged)
    # The names of the map's seas, countries and archipelagos.
    areas = published("QVariantList", "areas", areasChanged)
    #: How far a visitor may zoom in, from the whole map (1).
    maxZoom = constant(float, "maxZoom")
    planMapId = published(str, "planMapId", planMapIdChanged)
    # The plan's drawing changes only with the content (a curator's live preview):
    # a clock that binds to it is not rebuilt per move.
    planViewBox = published("QVariantList", "planViewBox", planViewBoxChanged)
    planShapes = published("QVariantMap", "planShapes", planShapesChanged)
    planPlaces = published("QVariantList", "planPlaces", planPlacesChanged)
    # The geographic map, whatever the chapter: the title screen draws it (it
    # changes only with the content, like the plan).
    geoMapId = published(str, "geoMapId", geoMapIdChanged)
    geoViewBox = published("QVariantList", "geoViewBox", geoViewBoxChanged)
    geoShapes = published("QVariantMap", "geoShapes", geoShapesChanged)
    geoPlaces = published("QVariantList", "geoPlaces", geoPlacesChanged)
    geoAreas = published("QVariantList", "geoAreas", geoAreasChanged)
    # The step: where the view goes and which places it lights (ids on the current map).
    focus = published("QVariantMap", "focus", focusChanged)
    highlightedIds = published("QVariantList", "highlightedIds", highlightedIdsChanged)
    # The tapped place and its card (the card's texts follow the language).
    selectedPlace = published(str, "selectedPlace", selectedPlaceChanged)
    selectedCard = published("QVariantMap", "selectedCard", selectedCardChanged)

    # -- slots --------------------------------------------------------------

    @Slot(str)
    def selectPlace(self, place_id: str) -> None:
        if place_id in self._session.exhibit.places and place_id != self._selected:
            self._selected = place_id
            self.publish(selectedPlace=place_id, selectedCard=self._card())
            self._session.report(PLACE_TAPPED, place_id)

    @Slot()
    def clearSelection(self) -> None:
        self._selected = ""
        self.publish(selectedPlace="", selectedCard={})

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
        x, y, width, height, short, leader}}``: the side of its place, the box
        (view units) the label may fill, whether it takes its short form and
        its leader line; a place missing from the result has no label.

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
        lines = self._day_lines(map_id, data)
        key = (map_id, em, marker_em, lit, off, area, keep_off, lines)
        layout = self._layouts.get(key)
        if layout is None:
            from exhibit.core.labels import layout_labels

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
                lines=lines,
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

    def _day_lines(self, map_id: str, data: MapData) -> tuple[tuple[tuple[float, float], ...], ...]:
        """The arrows a day told on the clock has drawn on ``map_id`` by the current
        step (the earlier steps' as a trace): the labels keep off them."""
        story = self._session.story
        chapter = story.chapter
        if chapter is None or chapter.map != map_id or not chapter.told_on_clock:
            return ()
        from exhibit.core.dayplan import arrows_shown, plan_arrows

        key = (chapter.id, map_id)
        arrows = self._day_arrows.get(key)
        if arrows is None:
            arrows = self._day_arrows[key] = plan_arrows(chapter, data)
        return tuple(arrow.points for arrow, _ in arrows_shown(arrows, story.position.step))

    @Slot("QVariantMap", bool, result="QVariantMap")
    def strongholdLooks(self, told: dict[str, Any], day: bool) -> dict[str, str]:
        """How each stronghold of a map is drawn: the ``told`` states of a day
        (``day``), the others "untold"; or, with no day told, every one held."""
        data = self.map_data(self._plan_map_id)
        if data is None:
            return {}
        from exhibit.core.legend import stronghold_looks

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
        from exhibit.core.legend import LEGEND, legend_entries, string_key

        entries = legend_entries(
            data,
            viewport=_rect(viewport),
            hidden=[str(i) for i in hidden],
            highlighted=[str(i) for i in highlighted],
            looks={str(k): str(v) for k, v in looks.items()},
            marks=self._marks(map_id, data),
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

    def _marks(self, map_id: str, data: MapData) -> list[str]:
        """What the current step draws over ``map_id`` (arrows, flags), if it is its map."""
        story = self._session.story
        chapter = story.chapter
        if chapter is None or chapter.map != map_id:
            return []
        from exhibit.core.legend import step_marks

        return step_marks(self._session.exhibit, chapter.id, story.position.step, data)

    @Slot(str, result=_LIST)
    def legendWords(self, map_id: str) -> list[str]:
        """The words of every entry a legend of the map may list, in every language:
        the legend keeps the room of the longest, so it never changes size with
        the step or the language (and neither does the part of the map it leaves)."""
        data = self.map_data(map_id)
        if data is None:
            return []
        from exhibit.core.legend import possible_entries, string_key

        strings = self._session.exhibit.strings
        return [
            text
            for entry in possible_entries(data)
            for text in strings[string_key(entry)].values.values()
        ]

    @Slot(str, _LIST, float, result="QVariantMap")
    def focusOf(self, map_id: str, place_ids: list[Any], aspect: float) -> dict[str, float]:
        """The part of a map that frames ``place_ids`` as a step would (view units),
        of the shape ``aspect`` (width / height; 0 for any): for a picture of the
        map outside the chapters, framed by the same rule."""
        data = self.map_data(map_id)
        if data is None:
            return {"x": 0.0, "y": 0.0, "width": 1.0, "height": 1.0}
        ids = [str(i) for i in place_ids]
        return data.focus(ids, aspect if aspect > 0 else None).to_dict()

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
        from exhibit.core.projection import nice_length

        km_per_unit = data.frame.km_per_view_unit(*view.center)
        km = nice_length(longest_units * km_per_unit)
        return {
            "km": km,
            "kmPerUnit": km_per_unit,
            "label": self._session.text("map_scale", km=f"{km:g}"),
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


def _max_zoom() -> float:
    from exhibit.core.maps import MAX_ZOOM

    return MAX_ZOOM


def _rect(values: Any) -> Rect | None:
    """A rectangle from QML's ``[x, y, width, height]``, or None if it is not one."""
    try:
        x, y, width, height = (float(v) for v in values)
    except (TypeError, ValueError):
        return None
    from exhibit.core.maps import Rect

    return Rect(x, y, width, height) if width > 0 and height > 0 else None
