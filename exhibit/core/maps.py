"""What a map draws and how its view moves, in plain Python (no Qt).

:func:`build_map` turns a map of the content (:class:`~exhibit.core.model.MapDef`)
and its places into :class:`MapData`: the asset's shapes as SVG path strings and
every place as a point and/or a line in the asset's ``view_box`` units. A
geographic map goes through the projection recorded in its asset
(:func:`~exhibit.core.projection.load_geo_frame`); a plan puts ``x, y`` (0..1)
at ``(x * view_width, y * view_height)``. Nothing here depends on the language:
names are looked up when shown, so a map's geometry is built once.

The view functions are pure: :func:`focus_rect` frames a step's places,
:func:`clamp_view` keeps zoom and pan inside the map, :func:`place_labels`
puts each label beside its place so that no two labels overlap. The QML maps
apply the same rules while a finger moves (Python never runs per frame); the
tests here pin the rules down.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from types import MappingProxyType
from typing import Any

from exhibit.core.model import Exhibit, MapDef, MapKind, Place
from exhibit.core.projection import MapFrame, load_geo_frame

MAX_ZOOM = 8.0
"""How far a visitor may zoom in, relative to the whole map fitting the stage."""

PLAN_SHAPE_GROUPS = ("mountains", "hills", "airfields", "sectors")
"""The lists of shapes a plan asset carries, besides its ``floor`` and ``river``."""


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
class MapData:
    """Everything a map draws, in its asset's view-box units."""

    id: str
    kind: MapKind
    view_width: float
    view_height: float
    shapes: Mapping[str, Any]
    places: tuple[DrawnPlace, ...]

    @property
    def bounds(self) -> Rect:
        return Rect(0.0, 0.0, self.view_width, self.view_height)

    def place(self, place_id: str) -> DrawnPlace | None:
        return next((p for p in self.places if p.id == place_id), None)

    def points_of(self, place_ids: Iterable[str]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for place_id in place_ids:
            place = self.place(place_id)
            if place is not None:
                points.extend(place.points)
        return points

    def focus(self, place_ids: Iterable[str], aspect: float | None = None) -> Rect:
        """The part of the map a step with these places shows (see :func:`focus_rect`)."""
        longest = max(self.view_width, self.view_height)
        return focus_rect(
            self.points_of(place_ids),
            bounds=self.bounds,
            padding=0.07 * longest,
            min_size=(0.24 if self.kind is MapKind.GEO else 0.4) * longest,
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
                {"id": str(c["id"]), "focus": bool(c.get("focus")), "path": str(c["path"])}
                for c in asset.get("countries", ())
            ]
        }
    shapes: dict[str, Any] = {
        "floor": str(asset.get("floor", {}).get("path", "")),
        "river": str(asset.get("river", {}).get("path", "")),
        "riverId": str(asset.get("river", {}).get("id", "")),
    }
    for group in PLAN_SHAPE_GROUPS:
        shapes[group] = [{"id": str(s["id"]), "path": str(s["path"])} for s in asset.get(group, ())]
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
    )


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


# -- labels -------------------------------------------------------------------

SIDES = (
    "right",
    "left",
    "above",
    "below",
    "above-right",
    "below-right",
    "above-left",
    "below-left",
)
"""Where a label may sit around its place, in the order they are tried."""


@dataclass(frozen=True)
class LabelRequest:
    """A label to place: its anchor, its size (view units) and how much it matters.

    Highlighted labels are placed first; then lower ``priority`` first; then
    in the order given.
    """

    id: str
    x: float
    y: float
    width: float
    height: float
    priority: int = 0
    highlighted: bool = False
    alternates: tuple[tuple[float, float], ...] = ()
    """Other points the label may sit beside when there is no room at ``x, y`` (along a line)."""


def label_rect(x: float, y: float, width: float, height: float, side: str, gap: float) -> Rect:
    """The box of a ``width`` x ``height`` label on ``side`` of the point ``(x, y)``."""
    d = gap * math.sqrt(0.5)  # the diagonal sides keep the same distance from the point
    if side == "right":
        return Rect(x + gap, y - height / 2.0, width, height)
    if side == "left":
        return Rect(x - gap - width, y - height / 2.0, width, height)
    if side == "above":
        return Rect(x - width / 2.0, y - gap - height, width, height)
    if side == "below":
        return Rect(x - width / 2.0, y + gap, width, height)
    if side == "above-right":
        return Rect(x + d, y - d - height, width, height)
    if side == "below-right":
        return Rect(x + d, y + d, width, height)
    if side == "above-left":
        return Rect(x - d - width, y - d - height, width, height)
    if side == "below-left":
        return Rect(x - d - width, y + d, width, height)
    raise ValueError(f"unknown label side {side!r}")


@dataclass(frozen=True)
class Placement:
    """Where a label went: the side of its place, and the box it may fill."""

    side: str
    box: Rect


FAR_GAP = 2.5
"""How much further from its place a highlighted label may go when nothing nearer is free."""


def place_labels(
    requests: Sequence[LabelRequest],
    *,
    gap: float,
    obstacles: Mapping[str, Rect] | None = None,
    bounds: Rect | None = None,
    yielding: Collection[str] = (),
    markers: Mapping[str, tuple[float, float]] | None = None,
) -> dict[str, Placement | None]:
    """Choose a side for every label so that none overlaps another; ``None`` hides it.

    Greedy: in priority order, each label takes the first of :data:`SIDES`
    whose box stays inside ``bounds`` (if given) and overlaps neither a label
    already placed nor an obstacle (a marker), except the obstacle of its own
    id. Highlighted labels go first and, if no side is free, may cover the
    ``yielding`` obstacles (markers of places that are not highlighted), then
    go :data:`FAR_GAP` times further out; a place whose marker a label covers
    gets no label of its own. A label that finds no room is hidden. Labels
    never overlap each other.

    With ``markers`` (each place's point), a label first looks only for a box
    whose nearest marker is its own, so that it cannot be read as another
    place's name; a plain label that finds none is hidden.
    """
    obstacles = obstacles or {}
    markers = markers or {}
    yielding = set(yielding) & set(obstacles)
    order = sorted(
        range(len(requests)),
        key=lambda i: (not requests[i].highlighted, requests[i].priority, i),
    )
    placed: list[Rect] = []
    covered: set[str] = set()
    result: dict[str, Placement | None] = {}
    for index in order:
        request = requests[index]
        if request.id in covered:
            result[request.id] = None  # its marker is under a highlighted label
            continue
        blocking = [rect for key, rect in obstacles.items() if key != request.id]
        others = [point for key, point in markers.items() if key != request.id]
        attempts: list[_Attempt] = [(gap, blocking, others)]
        if request.highlighted:
            firm = [r for key, r in obstacles.items() if key != request.id and key not in yielding]
            attempts += [(gap, blocking, []), (gap, firm, []), (gap * FAR_GAP, blocking, others)]
            attempts += [(gap * FAR_GAP, firm, []), (gap * FAR_GAP * 2, firm, [])]
        placement = _first_free(request, attempts, placed, bounds)
        result[request.id] = placement
        if placement is not None:
            placed.append(placement.box)
            covered |= {key for key in yielding if placement.box.intersects(obstacles[key])}
    return result


_Attempt = tuple[float, Sequence[Rect], Sequence[tuple[float, float]]]
"""A round of candidates: the gap, the obstacles to avoid, the markers that must be further."""


def _distance(point: tuple[float, float], rect: Rect) -> float:
    dx = max(rect.x - point[0], 0.0, point[0] - rect.right)
    dy = max(rect.y - point[1], 0.0, point[1] - rect.bottom)
    return math.hypot(dx, dy)


def _first_free(
    request: LabelRequest,
    attempts: Sequence[_Attempt],
    placed: Sequence[Rect],
    bounds: Rect | None,
) -> Placement | None:
    anchors = ((request.x, request.y), *request.alternates)
    for gap, blocking, others in attempts:
        for x, y in anchors:
            for side in SIDES:
                box = label_rect(x, y, request.width, request.height, side, gap)
                if bounds is not None and not bounds.contains(box):
                    continue
                if any(box.intersects(r) for r in placed):
                    continue
                if any(box.intersects(r) for r in blocking):
                    continue
                own = _distance((x, y), box)
                if any(_distance(point, box) < own - 1e-9 for point in others):
                    continue
                return Placement(side, box)
    return None


KIND_PRIORITY: Mapping[str, int] = MappingProxyType(
    {
        "region": 0,
        "front": 0,
        "sector": 0,
        "town": 1,
        "command-post": 1,
        "border": 1,
        "stronghold": 2,
        "airfield": 2,
        "bridge": 3,
        "road": 3,
        "railway": 3,
        "river": 3,
        "path": 3,
    }
)
"""Which labels give way first when they collide (higher gives way)."""


def layout_labels(
    data: MapData,
    label_widths: Mapping[str, float],
    *,
    em: float,
    highlighted: Iterable[str] = (),
    hidden: Iterable[str] = (),
    viewport: Rect | None = None,
    reserved: Sequence[Rect] = (),
    marker_radius: float = 0.45,
    gap: float = 0.6,
    line_height: float = 1.4,
) -> dict[str, Placement | None]:
    """Lay out the labels of a map drawn with a label font of ``em`` view units.

    ``label_widths`` gives each label's text width in ems (measured by the UI
    in the current language; a missing one is guessed from the id). Each label
    is a pill ``line_height`` ems tall with half an em of padding; markers of
    ``marker_radius`` ems are obstacles; labels sit ``gap`` ems from their
    point. Places in ``hidden`` are neither labelled nor obstacles. Labels stay
    inside the map and inside ``viewport`` (the part of the map on screen, if
    given), and off the ``reserved`` rectangles (buttons over the map); a place
    outside them has no label. Every place gets an entry, ``None`` if unlabelled.
    """
    bounds = data.bounds
    if viewport is not None:
        x0, y0 = max(bounds.x, viewport.x), max(bounds.y, viewport.y)
        x1, y1 = min(bounds.right, viewport.right), min(bounds.bottom, viewport.bottom)
        bounds = Rect(x0, y0, max(0.0, x1 - x0), max(0.0, y1 - y0))
    hidden_ids = set(hidden)
    highlighted_ids = set(highlighted)
    shown = [p for p in data.places if p.id not in hidden_ids]
    r = marker_radius * em
    obstacles = {p.id: Rect(p.x - r, p.y - r, 2 * r, 2 * r) for p in shown}
    obstacles.update({f"#reserved-{i}": rect for i, rect in enumerate(reserved)})
    labelled = [p for p in shown if bounds.contains_point(p.x, p.y)]
    requests = [
        LabelRequest(
            id=p.id,
            x=p.x,
            y=p.y,
            width=(label_widths.get(p.id) or estimate_width_em(p.id)) * em + 0.5 * em,
            height=line_height * em,
            priority=KIND_PRIORITY.get(p.kind, 3),
            highlighted=p.id in highlighted_ids,
            alternates=_along(p.line) if p.line else (),
        )
        for p in labelled
    ]
    placements: dict[str, Placement | None] = dict.fromkeys(p.id for p in data.places)
    placements.update(
        place_labels(
            requests,
            gap=(marker_radius + gap) * em,
            obstacles=obstacles,
            bounds=bounds,
            yielding=[p.id for p in shown if p.id not in highlighted_ids],
            markers={p.id: (p.x, p.y) for p in shown},
        )
    )
    return placements


def _along(line: Sequence[tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    """Points a quarter and three quarters along a line: other spots for its label."""
    return tuple(point_along(line, f) for f in (0.25, 0.75))


def estimate_width_em(text: str) -> float:
    """A generous guess of a text's width in ems when it cannot be measured."""
    return 0.62 * len(text)
