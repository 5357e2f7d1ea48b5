"""What a map draws and how its view moves, in plain Python (no Qt).

:func:`build_map` turns a map of the content (:class:`~exhibit.core.model.MapDef`)
and its places into :class:`MapData`: the asset's shapes as SVG path strings and
every place as a point and/or a line in the asset's ``view_box`` units. A
geographic map goes through the projection recorded in its asset
(:func:`~exhibit.core.projection.load_geo_frame`); a plan puts ``x, y`` (0..1)
at ``(x * view_width, y * view_height)``. Nothing here depends on the language:
names are looked up when shown, so a map's geometry is built once.

:func:`focus_rect` frames a step's places; how zoom and pan stay inside the
map is the QML canvas's rule alone (Python never runs per frame). Where the
names go is :mod:`exhibit.core.labels`; what the legend explains,
:mod:`exhibit.core.legend`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from types import MappingProxyType
from typing import Any

from exhibit.core.model import AreaLabel, Exhibit, MapDef, MapKind, Place
from exhibit.core.projection import MapFrame, load_geo_frame

MAX_ZOOM = 8.0
"""How far a visitor may zoom in, relative to the whole map fitting the stage."""

PLAN_SHAPE_GROUPS = ("mountains", "hills", "airfields", "sectors")
"""The lists of shapes a plan asset carries, besides its ``floor`` and ``river``."""

GEO_MIN_FOCUS = 0.42
"""The least part of a geographic map a step shows, as a fraction of its longer side:
enough for a coast, a border and a neighbouring town to place a single town."""
PLAN_MIN_FOCUS = 0.4
"""The same for a plan."""
HOME_WHOLE = 0.5
"""A step whose places span more than this part of the home country's length shows it whole,
islands included."""


# -- rectangles ---------------------------------------------------------------


@dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle in view units, ``y`` down."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center(self) -> tuple[float, float]:
        return self.x + self.width / 2.0, self.y + self.height / 2.0

    def contains_point(self, x: float, y: float, tolerance: float = 1e-9) -> bool:
        return (
            self.x - tolerance <= x <= self.right + tolerance
            and self.y - tolerance <= y <= self.bottom + tolerance
        )

    def contains(self, other: Rect, tolerance: float = 1e-9) -> bool:
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.bottom <= self.bottom + tolerance
        )

    def intersects(self, other: Rect) -> bool:
        """Whether the interiors overlap (touching edges do not count)."""
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )

    def to_dict(self) -> dict[str, float]:
        return {"x": self.x, "y": self.y, "width": self.width, "height": self.height}


def bounding_rect(points: Iterable[tuple[float, float]]) -> Rect | None:
    xs, ys = [], []
    for x, y in points:
        xs.append(x)
        ys.append(y)
    if not xs:
        return None
    return Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


# -- drawable map data --------------------------------------------------------


@dataclass(frozen=True)
class DrawnPlace:
    """A place in view units: where its marker and label go, and its line if any.

    ``x, y`` is the marker's anchor: the place's point, or for a place that is
    only a line (a road), the point halfway along the line.
    """

    id: str
    kind: str
    x: float
    y: float
    line: tuple[tuple[float, float], ...] = ()
    sector: str | None = None
    extent: Rect | None = None
    """The area the place covers on the map (a sub-sector's outline), if drawn as a shape."""

    @property
    def line_path(self) -> str:
        """The line as SVG path data (``M x y L x y ...``), or ``""``."""
        return svg_polyline(self.line)

    @property
    def points(self) -> tuple[tuple[float, float], ...]:
        """Every point the place covers: its anchor, its line and its area's corners."""
        corners: tuple[tuple[float, float], ...] = ()
        if self.extent is not None:
            e = self.extent
            corners = ((e.x, e.y), (e.right, e.bottom))
        return ((self.x, self.y), *self.line, *corners)


@dataclass(frozen=True)
class DrawnArea:
    """An area's name in view units: the spots it may be written at, best first.

    An archipelago also has its islands (each drawn as a dot) and their extent.
    """

    id: str
    kind: str
    points: tuple[tuple[float, float], ...]
    islands: tuple[tuple[float, float], ...] = ()

    @property
    def extent(self) -> Rect | None:
        return bounding_rect(self.islands)


@dataclass(frozen=True)
class MapData:
    """Everything a map draws, in its asset's view-box units."""

    id: str
    kind: MapKind
    view_width: float
    view_height: float
    shapes: Mapping[str, Any]
    places: tuple[DrawnPlace, ...]
    areas: tuple[DrawnArea, ...] = ()
    always_labelled: tuple[str, ...] = ()
    frame: MapFrame | None = None
    """The projection and frame of a geographic map (``None`` for a plan)."""

    @property
    def bounds(self) -> Rect:
        return Rect(0.0, 0.0, self.view_width, self.view_height)

    def place(self, place_id: str) -> DrawnPlace | None:
        return next((p for p in self.places if p.id == place_id), None)

    def area(self, area_id: str) -> DrawnArea | None:
        return next((a for a in self.areas if a.id == area_id), None)

    @property
    def home_extent(self) -> Rect | None:
        """The bounding box of the home country (Việt Nam) on a geographic map."""
        homes = [c for c in self.shapes.get("countries", ()) if c.get("home")]
        return path_extent(homes[0]["path"]) if homes else None

    def points_of(self, place_ids: Iterable[str]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for place_id in place_ids:
            place = self.place(place_id)
            if place is not None:
                points.extend(place.points)
        return points

    def focus(self, place_ids: Iterable[str], aspect: float | None = None) -> Rect:
        """The part of the map a step with these places shows (see :func:`focus_rect`).

        A view of most of the home country (more than half its length) holds
        its islands too: Việt Nam is never shown whole without Hoàng Sa and
        Trường Sa.
        """
        longest = max(self.view_width, self.view_height)
        points = self.points_of(place_ids)
        home = self.home_extent
        box = bounding_rect(points)
        if home is not None and box is not None and box.height > HOME_WHOLE * home.height:
            points += [island for area in self.areas for island in area.islands]
        return focus_rect(
            points,
            bounds=self.bounds,
            padding=0.07 * longest,
            min_size=(GEO_MIN_FOCUS if self.kind is MapKind.GEO else PLAN_MIN_FOCUS) * longest,
            aspect=aspect,
        )


def svg_polyline(points: Sequence[tuple[float, float]]) -> str:
    """SVG path data through ``points``, one decimal (a tenth of a view unit)."""
    if len(points) < 2:
        return ""
    head, *rest = points
    return f"M{head[0]:.1f} {head[1]:.1f}" + "".join(f"L{x:.1f} {y:.1f}" for x, y in rest)


def point_along(points: Sequence[tuple[float, float]], fraction: float) -> tuple[float, float]:
    """The point ``fraction`` (0..1) of the way along a polyline, measured along its length."""
    if len(points) == 1:
        return points[0]
    segments = list(pairwise(points))
    lengths = [math.dist(a, b) for a, b in segments]
    remaining = sum(lengths) * min(max(fraction, 0.0), 1.0)
    for (a, b), length in zip(segments, lengths, strict=True):
        if remaining <= length and length > 0:
            t = remaining / length
            return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        remaining -= length
    return points[-1]


def halfway(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """The point halfway along a polyline, measured along its length."""
    return point_along(points, 0.5)


def _shapes(kind: MapKind, asset: Mapping[str, Any]) -> dict[str, Any]:
    if kind is MapKind.GEO:
        return {
            "countries": [
                {
                    "id": str(c["id"]),
                    "focus": bool(c.get("focus")),
                    "home": bool(c.get("home")),
                    "path": str(c["path"]),
                }
                for c in asset.get("countries", ())
            ],
            "islands": [
                {"id": str(a["id"]), "points": [[i["x"], i["y"]] for i in a.get("islands", ())]}
                for a in asset.get("archipelagos", ())
            ],
        }
    shapes: dict[str, Any] = {
        "floor": str(asset.get("floor", {}).get("path", "")),
        "river": str(asset.get("river", {}).get("path", "")),
        "riverId": str(asset.get("river", {}).get("id", "")),
    }
    _, _, width, height = (float(n) for n in asset.get("view_box", (0, 0, 1, 1)))
    for group in PLAN_SHAPE_GROUPS:
        shapes[group] = [{"id": str(s["id"]), "path": str(s["path"])} for s in asset.get(group, ())]
    # A hill's centre (0..1 in the asset) in view units: its contours shrink towards it.
    for shape, source in zip(shapes["hills"], asset.get("hills", ()), strict=True):
        cx, cy = source.get("centre", (0.5, 0.5))
        shape["centre"] = [float(cx) * width, float(cy) * height]
    return shapes


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def path_extent(path: str) -> Rect | None:
    """The bounding box of an SVG path's points, control points included (absolute commands)."""
    numbers = [float(n) for n in _NUMBER.findall(path)]
    return bounding_rect(zip(numbers[0::2], numbers[1::2], strict=False))


def _shape_extents(shapes: Mapping[str, Any]) -> dict[str, Rect]:
    extents: dict[str, Rect] = {}
    for group in PLAN_SHAPE_GROUPS:
        for shape in shapes.get(group, ()):
            extent = path_extent(shape["path"])
            if extent is not None:
                extents[shape["id"]] = extent
    return extents


def _view_size(kind: MapKind, asset: Mapping[str, Any]) -> tuple[float, float, MapFrame | None]:
    if kind is MapKind.GEO:
        frame = load_geo_frame(asset)
        return frame.view_width, frame.view_height, frame
    view_box = [float(n) for n in asset["view_box"]]
    if len(view_box) != 4 or view_box[2] <= 0 or view_box[3] <= 0:
        raise ValueError(f"view_box must be [0, 0, width, height], got {asset['view_box']}")
    return view_box[2], view_box[3], None


def build_map(map_def: MapDef, places: Iterable[Place]) -> MapData:
    """The drawable data of one map: its asset's shapes and its places in view units.

    ``places`` may hold places of other maps; only this map's are kept, in order.
    """
    asset = map_def.data  # read and checked with the content; never read from disk again
    width, height, frame = _view_size(map_def.kind, asset)

    def to_view(pair: tuple[float, float]) -> tuple[float, float]:
        if frame is not None:
            return frame.to_view(*pair)
        return pair[0] * width, pair[1] * height

    shapes = _shapes(map_def.kind, asset)
    extents = _shape_extents(shapes)
    drawn = []
    for place in places:
        if place.map != map_def.id:
            continue
        line = tuple(to_view(p) for p in place.line)
        if place.point is not None:
            x, y = to_view(place.point)
        elif line:
            x, y = halfway(line)
        else:  # validated content always has one or the other
            continue
        extent = extents.get(place.id)
        drawn.append(DrawnPlace(place.id, place.kind, x, y, line, place.sector, extent))
    return MapData(
        id=map_def.id,
        kind=map_def.kind,
        view_width=width,
        view_height=height,
        shapes=MappingProxyType(shapes),
        places=tuple(drawn),
        areas=tuple(_area(label, asset, to_view) for label in map_def.labels),
        always_labelled=map_def.always_labelled,
        frame=frame,
    )


def _area(label: AreaLabel, asset: Mapping[str, Any], to_view: Any) -> DrawnArea:
    """An area label in view units; an archipelago takes its islands from the asset."""
    islands: tuple[tuple[float, float], ...] = ()
    if label.kind == "archipelago":
        found = next((a for a in asset.get("archipelagos", ()) if a.get("id") == label.id), None)
        if found is not None:
            islands = tuple((float(i["x"]), float(i["y"])) for i in found.get("islands", ()))
    return DrawnArea(label.id, label.kind, tuple(to_view(p) for p in label.at), islands)


def build_exhibit_map(exhibit: Exhibit, map_id: str) -> MapData:
    """:func:`build_map` for one of the exhibit's maps, by id."""
    return build_map(exhibit.maps[map_id], exhibit.places.values())


# -- the view -----------------------------------------------------------------


def whole_map_rect(bounds: Rect, aspect: float) -> Rect:
    """The smallest rectangle of ``aspect`` (width / height) centred on the map that holds it."""
    if bounds.width / bounds.height >= aspect:
        width, height = bounds.width, bounds.width / aspect
    else:
        width, height = bounds.height * aspect, bounds.height
    cx, cy = bounds.center
    return Rect(cx - width / 2.0, cy - height / 2.0, width, height)


def _clamp_span(start: float, size: float, lo: float, hi: float) -> float:
    """Where a span of ``size`` starts once moved inside ``lo..hi`` (centred if it cannot fit)."""
    if size >= hi - lo:
        return (lo + hi) / 2.0 - size / 2.0
    return min(max(start, lo), hi - size)


def focus_rect(
    points: Sequence[tuple[float, float]],
    *,
    bounds: Rect,
    padding: float,
    min_size: float,
    aspect: float | None = None,
) -> Rect:
    """The part of the map to show for a step: its places with room around them.

    The bounding box of ``points`` grows by ``padding`` on every side and to at
    least ``min_size`` across and down (so one town does not fill the screen),
    then, if ``aspect`` (width / height of the stage) is given, to that aspect.
    It is moved inside ``bounds`` where it fits, and never exceeds the whole
    map fitted at that aspect. No points: the whole map.
    """
    box = bounding_rect(points)
    if box is None:
        return whole_map_rect(bounds, aspect) if aspect else bounds
    width = max(box.width + 2.0 * padding, min_size)
    height = max(box.height + 2.0 * padding, min_size)
    if aspect is not None:
        if width / height < aspect:
            width = height * aspect
        else:
            height = width / aspect
        whole = whole_map_rect(bounds, aspect)
        if width >= whole.width:
            return whole
    else:
        width, height = min(width, bounds.width), min(height, bounds.height)
    cx, cy = box.center
    x = _clamp_span(cx - width / 2.0, width, bounds.x, bounds.right)
    y = _clamp_span(cy - height / 2.0, height, bounds.y, bounds.bottom)
    return Rect(x, y, width, height)
