"""Where a map writes its names, in plain Python (no Qt).

:func:`place_labels` is the rule: every label gets a box that overlaps no
other label, no marker or island it does not name, and no rectangle reserved
for the map's own furniture (buttons, legend, scale bar); a label that cannot
sit beside its place goes further out with a leader line, or takes its
short form. :func:`layout_labels` applies it to a map: its places and its
area names (seas, countries, archipelagos), for a label font of a given size
in view units. The UI measures the texts and draws the boxes; nothing here
depends on the language.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from types import MappingProxyType

from exhibit.core.maps import MapData, Rect, point_along

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

CENTRE = "centre"
"""The side of a label written across its spot (an area's name), not beside it."""

FAR_GAPS = (2.0, 3.0, 4.5, 6.5, 9.0, 12.0)
"""How much further out than beside it a label that must be shown may go, with a leader."""

Point = tuple[float, float]
Segment = tuple[Point, Point]


@dataclass(frozen=True)
class LabelRequest:
    """A label to place: its anchor, its size (view units) and how much it matters.

    Highlighted labels are placed first, then those that ``must`` be shown
    (a key place, an archipelago), then the rest by lower ``priority``, then
    in the order given. Highlighted and ``must`` labels may take their short
    form and go further out with a leader line; the others are hidden when
    there is no room beside their place.
    """

    id: str
    x: float
    y: float
    width: float
    height: float
    priority: int = 0
    highlighted: bool = False
    alternates: tuple[Point, ...] = ()
    """Other points the label may sit beside when there is no room at ``x, y`` (along a line)."""
    short_width: float | None = None
    """The width of the short form of the label, if it has one."""
    must: bool = False
    around: Rect | None = None
    """An area the label goes around instead of the point (an archipelago's islands)."""
    centred: tuple[Point, ...] = ()
    """Spots where the label may be written across, centred, before anywhere beside."""
    beside: bool = True
    """Whether the label may sit beside its anchor (an area's name only goes on its spots)."""
    clearance: float = 0.0
    """How far its own symbol reaches from its point: the label sits ``gap`` beyond it."""
    first: bool = False
    """Placed before every other label, highlighted ones too (an archipelago's name)."""

    @property
    def firm(self) -> bool:
        """Shown whatever it takes: highlighted, or a label that must be shown."""
        return self.highlighted or self.must


@dataclass(frozen=True)
class Placement:
    """Where a label went: its side of the place, its box, its form and its leader line."""

    side: str
    box: Rect
    short: bool = False
    leader: Segment | None = None
    """From the place to the box, when the label sits away from its place."""


def label_rect(
    x: float,
    y: float,
    width: float,
    height: float,
    side: str,
    gap: float,
    around: Rect | None = None,
) -> Rect:
    """The box of a ``width`` x ``height`` label on ``side`` of the point ``(x, y)``.

    With ``around``, the label sits on that side of the rectangle instead.
    """
    r = around if around is not None else Rect(x, y, 0.0, 0.0)
    cx, cy = r.center
    d = gap * math.sqrt(0.5)  # the diagonal sides keep the same distance from the point
    if side == CENTRE:
        return Rect(cx - width / 2.0, cy - height / 2.0, width, height)
    if side == "right":
        return Rect(r.right + gap, cy - height / 2.0, width, height)
    if side == "left":
        return Rect(r.x - gap - width, cy - height / 2.0, width, height)
    if side == "above":
        return Rect(cx - width / 2.0, r.y - gap - height, width, height)
    if side == "below":
        return Rect(cx - width / 2.0, r.bottom + gap, width, height)
    if side == "above-right":
        return Rect(r.right + d, r.y - d - height, width, height)
    if side == "below-right":
        return Rect(r.right + d, r.bottom + d, width, height)
    if side == "above-left":
        return Rect(r.x - d - width, r.y - d - height, width, height)
    if side == "below-left":
        return Rect(r.x - d - width, r.bottom + d, width, height)
    raise ValueError(f"unknown label side {side!r}")


def nearest_point(point: Point, rect: Rect) -> Point:
    """The point of ``rect`` nearest to ``point``."""
    return min(max(point[0], rect.x), rect.right), min(max(point[1], rect.y), rect.bottom)


def _distance(point: Point, rect: Rect) -> float:
    return math.dist(point, nearest_point(point, rect))


def segment_hits_rect(segment: Segment, rect: Rect) -> bool:
    """Whether a segment passes through the interior of ``rect`` (Liang-Barsky clipping)."""
    (x0, y0), (x1, y1) = segment
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in (
        (-dx, x0 - rect.x),
        (dx, rect.right - x0),
        (-dy, y0 - rect.y),
        (dy, rect.bottom - y0),
    ):
        if p == 0.0:
            if q <= 0.0:
                return False
            continue
        t = q / p
        if p < 0.0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low >= high:
            return False
    return high - low > 1e-9


def _orientation(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def segments_cross(first: Segment, second: Segment) -> bool:
    """Whether two segments cross at a point inside both (touching ends do not count)."""
    a, b = first
    c, d = second
    o1, o2 = _orientation(a, b, c), _orientation(a, b, d)
    o3, o4 = _orientation(c, d, a), _orientation(c, d, b)
    return o1 * o2 < 0.0 and o3 * o4 < 0.0


@dataclass(frozen=True)
class _Round:
    """One round of candidate boxes for a label."""

    gap: float
    short: bool
    nearest_own: bool
    leader: bool


def _rounds(request: LabelRequest, gap: float) -> list[_Round]:
    gap += request.clearance
    forms = [False] + ([True] if request.short_width is not None else [])
    rounds = [_Round(gap, short, True, False) for short in forms]
    if request.firm:
        rounds += [_Round(gap, short, False, False) for short in forms]
        rounds += [
            _Round(gap * factor, short, False, True) for factor in FAR_GAPS for short in forms
        ]
    return rounds


def _owns(request_id: str, key: str) -> bool:
    """Whether an obstacle is the request's own (its marker, or one of its islands)."""
    return key == request_id or key.startswith(request_id + "#")


def place_labels(
    requests: Sequence[LabelRequest],
    *,
    gap: float,
    obstacles: Mapping[str, Rect] | None = None,
    bounds: Rect | None = None,
    markers: Mapping[str, Point] | None = None,
    crossable: Sequence[Rect] = (),
    soft: Sequence[Rect] = (),
) -> dict[str, Placement | None]:
    """Choose a box for every label so that none overlaps another; ``None`` hides it.

    Greedy, in order (see :class:`LabelRequest`; those marked ``first`` before
    all): each label takes the first
    free box of its rounds. A box is free if it stays inside ``bounds`` (if
    given) and overlaps no label or leader already placed and no obstacle
    (markers, islands, reserved rectangles) except its own (an obstacle keyed
    by its id, or by its id and ``#``). An area's name tries its centred spots
    first. Beside its place, a label first looks only for a box whose nearest
    marker (of ``markers``, each place's point) is its own, so it cannot be
    read as another place's name; then its short form. A highlighted or
    ``must`` label then gives up that rule, then goes out to :data:`FAR_GAPS`
    times the gap with a leader line from its place, which crosses no label,
    leader or obstacle but its own. No box covers a ``crossable`` rectangle
    either (what is drawn over the map), but a leader may cross one; nor a
    ``soft`` one (a line drawn over the map), unless a highlighted or key
    label finds no room otherwise.
    """
    obstacles = obstacles or {}
    markers = markers or {}
    # Greedy, then repaired: a highlighted or key label that found no room is
    # placed first in another round, a few times, and the round that names
    # the most of them wins.
    ahead: set[str] = set()
    best: dict[str, Placement | None] | None = None
    best_missing = len(requests) + 1
    for _ in range(REPAIR_ROUNDS):
        result = _place_in_order(requests, gap, obstacles, markers, bounds, ahead, crossable, soft)
        missing = {r.id for r in requests if r.firm and result.get(r.id) is None}
        if len(missing) < best_missing:
            best, best_missing = result, len(missing)
        if not missing or missing <= ahead:
            break
        ahead |= missing
    assert best is not None
    return best


REPAIR_ROUNDS = 4
"""How many times the layout is tried again with the labels that must be shown first."""


def _place_in_order(
    requests: Sequence[LabelRequest],
    gap: float,
    obstacles: Mapping[str, Rect],
    markers: Mapping[str, Point],
    bounds: Rect | None,
    ahead: Collection[str],
    crossable: Sequence[Rect] = (),
    soft: Sequence[Rect] = (),
) -> dict[str, Placement | None]:
    order = sorted(
        range(len(requests)),
        key=lambda i: (
            not requests[i].first,
            requests[i].id not in ahead,
            not requests[i].highlighted,
            not requests[i].firm,
            requests[i].priority,
            i,
        ),
    )
    placed: list[Rect] = []
    leaders: list[Segment] = []
    result: dict[str, Placement | None] = {}
    for index in order:
        request = requests[index]
        blocking = [rect for key, rect in obstacles.items() if not _owns(request.id, key)]
        others = [point for key, point in markers.items() if key != request.id]
        args = (request, gap, blocking, others, placed, leaders, bounds)
        placement = _first_free(*args, [*crossable, *soft])
        if placement is None and request.firm and soft:
            placement = _first_free(*args, crossable)
        result[request.id] = placement
        if placement is not None:
            placed.append(placement.box)
            if placement.leader is not None:
                leaders.append(placement.leader)
    return result


def _candidates(request: LabelRequest, gap: float) -> Iterable[tuple[_Round | None, Rect, Point]]:
    """Every box a label may take, best first, with its round and the point it names."""
    for spot in request.centred:
        box = label_rect(*spot, request.width, request.height, CENTRE, 0.0)
        yield None, box, spot
    if not request.beside:
        return
    anchors = ((request.x, request.y), *request.alternates)
    for round_ in _rounds(request, gap):
        width = request.short_width if round_.short and request.short_width else request.width
        for x, y in anchors:
            around = request.around if (x, y) == (request.x, request.y) else None
            for side in SIDES:
                box = label_rect(x, y, width, request.height, side, round_.gap, around)
                yield round_, box, (x, y)
            if round_.leader and around is None:
                # Out on a leader, in between the eight sides as well.
                for side, angle in _BETWEEN:
                    tx = x + round_.gap * math.cos(angle)
                    ty = y + round_.gap * math.sin(angle)
                    yield round_, label_rect(tx, ty, width, request.height, side, 0.0), (x, y)


# Directions between the eight sides (angles clockwise from east, y down) and
# the side of its end point a label takes there.
_BETWEEN = tuple(
    (side, math.radians(degrees))
    for side, degrees in (
        ("below-right", 22.5),
        ("below-right", 67.5),
        ("below-left", 112.5),
        ("below-left", 157.5),
        ("above-left", 202.5),
        ("above-left", 247.5),
        ("above-right", 292.5),
        ("above-right", 337.5),
    )
)


def _first_free(
    request: LabelRequest,
    gap: float,
    blocking: Sequence[Rect],
    others: Sequence[Point],
    placed: Sequence[Rect],
    leaders: Sequence[Segment],
    bounds: Rect | None,
    crossable: Sequence[Rect] = (),
) -> Placement | None:
    for round_, box, anchor in _candidates(request, gap):
        if bounds is not None and not bounds.contains(box):
            continue
        if any(box.intersects(r) for r in placed) or any(box.intersects(r) for r in blocking):
            continue
        if any(box.intersects(r) for r in crossable):
            continue
        if any(segment_hits_rect(leader, box) for leader in leaders):
            continue
        if round_ is None:
            return Placement(CENTRE, box)
        if round_.nearest_own:
            own = _distance(anchor, box)
            if any(_distance(point, box) < own - 1e-9 for point in others):
                continue
        leader: Segment | None = None
        if round_.leader:
            leader = (anchor, nearest_point(anchor, box))
            if any(segment_hits_rect(leader, r) for r in placed):
                continue
            if any(
                segment_hits_rect(leader, r) and not r.contains_point(*anchor) for r in blocking
            ):
                continue
            if any(segments_cross(leader, other) for other in leaders):
                continue
        return Placement(_side_of(box, anchor, request), box, round_.short, leader)
    return None


def _side_of(box: Rect, anchor: Point, request: LabelRequest) -> str:
    """Which side of its anchor a box lies on (the UI aligns the text towards the anchor)."""
    around = request.around if anchor == (request.x, request.y) else None
    target = around if around is not None else Rect(anchor[0], anchor[1], 0.0, 0.0)
    horizontal = (
        "right" if box.x >= target.right - 1e-9 else "left" if box.right <= target.x + 1e-9 else ""
    )
    vertical = (
        "below"
        if box.y >= target.bottom - 1e-9
        else "above"
        if box.bottom <= target.y + 1e-9
        else ""
    )
    if horizontal and vertical:
        return f"{vertical}-{horizontal}"
    return horizontal or vertical or CENTRE


KIND_PRIORITY: Mapping[str, int] = MappingProxyType(
    {
        "archipelago": -1,
        "region": 0,
        "front": 0,
        "sector": 0,
        "sea": 1,
        "gulf": 1,
        "country": 1,
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

MARKER_RADIUS: Mapping[str, float] = MappingProxyType(
    {
        "region": 0.6,
        "front": 0.6,
        "sector": 0.6,
        "stronghold": 0.5,
        "command-post": 0.5,
        "airfield": 0.6,
        "bridge": 0.65,
        "border": 0.72,
    }
)
"""Half the width of each kind's symbol, highlighted, in ems of the map's label font
(Theme.labelSize), as MapSymbol draws it with its outline; other kinds draw a dot."""
DOT_RADIUS = 0.5

AREA_FONT_SCALE: Mapping[str, float] = MappingProxyType(
    {"sea": 1.3, "gulf": 0.85, "country": 0.85, "archipelago": 0.9}
)
"""The size of an area's name, relative to a place's label."""

AREA_LINE_HEIGHT = 1.25
"""An area's name (no pill around it) is this many of its ems tall."""


def layout_labels(
    data: MapData,
    label_widths: Mapping[str, float],
    *,
    em: float,
    highlighted: Iterable[str] = (),
    hidden: Iterable[str] = (),
    viewport: Rect | None = None,
    reserved: Sequence[Rect] = (),
    short_widths: Mapping[str, float] | None = None,
    marker_em: float | None = None,
    island_radius: float = 0.3,
    gap: float = 0.6,
    line_height: float = 1.4,
    lines: Sequence[Sequence[Point]] = (),
    line_radius: float = 0.3,
) -> dict[str, Placement | None]:
    """Lay out the labels of a map drawn with a label font of ``em`` view units.

    ``label_widths`` gives each label's text width in ems of its own font
    (measured by the UI in the current language, area names as the map writes
    them; a missing one is guessed from the id) and ``short_widths`` the width
    of a place's short form. A place's label is a pill ``line_height`` ems
    tall with half an em of padding. Each place's symbol (:data:`MARKER_RADIUS`
    ems of a ``marker_em`` font, by default ``em``) and each island
    (``island_radius`` ems) is an obstacle; a label sits ``gap`` ems beyond
    its own symbol. Places in ``hidden`` are neither labelled nor
    obstacles. The map's key places (``data.always_labelled``) are labelled
    like highlighted ones. Labels stay inside ``viewport`` (the part of the
    view box on screen, if given; a plan's margins beside it too), else inside
    the map, and off the ``reserved`` rectangles (the map's buttons, legend
    and scale); a place off the map or off screen has no label, nor has one
    under one of those rectangles unless it is a key or highlighted place.
    ``lines`` are drawn over the map (a day's arrows, view units): no label
    covers them, as if a chain of obstacles ``line_radius`` ems round lay
    along each, but a leader line may cross them. Every place and area gets
    an entry, ``None`` if unlabelled.
    """
    # Labels go anywhere on screen (a plan's margins too); the places they name are on the map.
    bounds = viewport if viewport is not None else data.bounds
    inside = data.bounds
    if viewport is not None:
        x0, y0 = max(inside.x, viewport.x), max(inside.y, viewport.y)
        x1, y1 = min(inside.right, viewport.right), min(inside.bottom, viewport.bottom)
        inside = Rect(x0, y0, max(0.0, x1 - x0), max(0.0, y1 - y0))
    short_widths = short_widths or {}
    hidden_ids = set(hidden)
    highlighted_ids = set(highlighted)
    always = set(data.always_labelled)
    shown = [p for p in data.places if p.id not in hidden_ids]
    marker = marker_em if marker_em is not None else em
    radius = {p.id: MARKER_RADIUS.get(p.kind, DOT_RADIUS) * marker for p in shown}
    obstacles = {
        p.id: Rect(p.x - radius[p.id], p.y - radius[p.id], 2 * radius[p.id], 2 * radius[p.id])
        for p in shown
    }
    ri = island_radius * em
    for area in data.areas:
        for i, (x, y) in enumerate(area.islands):
            obstacles[f"{area.id}#{i}"] = Rect(x - ri, y - ri, 2 * ri, 2 * ri)
    # What is drawn over the map (its buttons and legend, a day's flags and
    # arrows) no label covers; a leader line may pass over it to a free spot.
    rl = line_radius * em
    beads = [Rect(x - rl, y - rl, 2 * rl, 2 * rl) for line in lines for x, y in _beads(line, rl)]

    def pill(width_em: float) -> float:
        return width_em * em + 0.5 * em

    requests = [
        LabelRequest(
            id=p.id,
            x=p.x,
            y=p.y,
            width=pill(label_widths.get(p.id) or estimate_width_em(p.id)),
            height=line_height * em,
            priority=KIND_PRIORITY.get(p.kind, 3),
            highlighted=p.id in highlighted_ids,
            alternates=_along(p.line) if p.line else (),
            short_width=pill(short_widths[p.id]) if p.id in short_widths else None,
            must=p.id in always,
            clearance=radius[p.id],
        )
        for p in shown
        if inside.contains_point(p.x, p.y)
        # A key or highlighted place under something drawn over the map (a
        # flag) is still named, on a leader line if need be.
        and (
            p.id in always
            or p.id in highlighted_ids
            or not any(rect.contains_point(p.x, p.y) for rect in reserved)
        )
    ]
    for area in data.areas:
        scale = AREA_FONT_SCALE.get(area.kind, 1.0)
        width_em = (label_widths.get(area.id) or estimate_width_em(area.id)) * scale
        spots = tuple(spot for spot in area.points if inside.contains_point(*spot))
        if area.kind == "archipelago":
            # Named only where a visitor can see at least one of its islands.
            extent = area.extent
            seen = [
                island
                for island in area.islands
                if inside.contains_point(*island)
                and not any(rect.contains_point(*island) for rect in reserved)
            ]
            if extent is None or not seen:
                continue
            requests.append(
                LabelRequest(
                    id=area.id,
                    x=extent.center[0],
                    y=extent.center[1],
                    width=pill(width_em),
                    height=line_height * em * scale,
                    priority=KIND_PRIORITY["archipelago"],
                    must=True,
                    first=True,
                    around=extent,
                    centred=spots,
                )
            )
        elif spots:
            requests.append(
                LabelRequest(
                    id=area.id,
                    x=spots[0][0],
                    y=spots[0][1],
                    width=width_em * em,
                    height=AREA_LINE_HEIGHT * em * scale,
                    priority=KIND_PRIORITY.get(area.kind, 1),
                    centred=spots,
                    beside=False,
                )
            )
    placements: dict[str, Placement | None] = dict.fromkeys(p.id for p in data.places)
    placements.update(dict.fromkeys(a.id for a in data.areas))
    placements.update(
        place_labels(
            requests,
            gap=gap * em,
            obstacles=obstacles,
            bounds=bounds,
            markers={p.id: (p.x, p.y) for p in shown},
            crossable=reserved,
            soft=beads,
        )
    )
    return placements


def _beads(line: Sequence[Point], radius: float) -> list[Point]:
    """Points along ``line`` close enough that squares ``radius`` round cover it."""
    if radius <= 0:
        return list(line)
    beads: list[Point] = []
    for (ax, ay), (bx, by) in pairwise(line):
        steps = max(1, math.ceil(math.dist((ax, ay), (bx, by)) / radius))
        beads += [(ax + (bx - ax) * k / steps, ay + (by - ay) * k / steps) for k in range(steps)]
    if line:
        beads.append(line[-1])
    return beads


def _along(line: Sequence[Point]) -> tuple[Point, ...]:
    """Points a quarter and three quarters along a line: other spots for its label."""
    return tuple(point_along(line, f) for f in (0.25, 0.75))


def estimate_width_em(text: str) -> float:
    """A generous guess of a text's width in ems when it cannot be measured."""
    return 0.62 * len(text)


def boxes_overlap(placements: Mapping[str, Placement | None]) -> list[tuple[str, str]]:
    """Pairs of labels whose boxes overlap (none, if the layout holds)."""
    boxes = [(key, p.box) for key, p in placements.items() if p is not None]
    return [
        (a_key, b_key)
        for i, (a_key, a) in enumerate(boxes)
        for b_key, b in boxes[i + 1 :]
        if a.intersects(b)
    ]
