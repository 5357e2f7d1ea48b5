"""What a map's legend explains, and how each stronghold is drawn, in plain Python (no Qt).

A legend lists the symbols and colours a visitor can see on the map as it is
shown: :func:`legend_entries` looks at what lies in the view (places, the
plan's hills and mountains, the countries and islands of a geographic map)
and returns the entries in a fixed order. Each entry has a UI string
(``legend_<id>``, dashes as underscores) and a :class:`Symbol` the map draws
the same way beside the entry as on the map, so one thing has one symbol and
one colour in every chapter.

:func:`stronghold_looks` says how each stronghold is drawn: held, under
attack, taken, or, on a day's plan, "not told here" for a stronghold the day's
story does not name (so none is ever shown held when the story has it gone).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from types import MappingProxyType

from exhibit.core.labels import segment_hits_rect
from exhibit.core.maps import DrawnPlace, MapData, Rect, path_extent
from exhibit.core.model import MapKind

HOLDING, ATTACKED, TAKEN, UNTOLD = "holding", "attacked", "taken", "untold"
LOOKS = (HOLDING, ATTACKED, TAKEN, UNTOLD)
"""How a stronghold may be drawn."""

STRONGHOLD_KINDS = frozenset({"stronghold", "command-post"})
"""The kinds of place drawn in a stronghold's state."""


@dataclass(frozen=True)
class Symbol:
    """How a legend entry is drawn: a place's marker, a line, an area's fill, or a label.

    ``kind`` is the place kind (or area) it stands for, ``look`` a stronghold's state.
    """

    shape: str  # "marker", "line", "fill", "islands", "label"
    kind: str
    look: str = ""


LEGEND: Mapping[str, Symbol] = MappingProxyType(
    {
        "highlight": Symbol("label", "highlight"),
        "vietnam": Symbol("fill", "home"),
        "neighbour": Symbol("fill", "neighbour"),
        "archipelago": Symbol("islands", "archipelago"),
        "stronghold": Symbol("marker", "stronghold", HOLDING),
        "stronghold-attacked": Symbol("marker", "stronghold", ATTACKED),
        "stronghold-taken": Symbol("marker", "stronghold", TAKEN),
        "stronghold-untold": Symbol("marker", "stronghold", UNTOLD),
        "command-post": Symbol("marker", "command-post", HOLDING),
        "sector": Symbol("fill", "sector"),
        "town": Symbol("marker", "town"),
        "region": Symbol("marker", "region"),
        "airfield": Symbol("marker", "airfield"),
        "bridge": Symbol("marker", "bridge"),
        "road": Symbol("line", "road"),
        "railway": Symbol("line", "railway"),
        "river": Symbol("line", "river"),
        "escape": Symbol("line", "path"),
        "direction": Symbol("marker", "border"),
        "hill": Symbol("fill", "hill"),
        "mountains": Symbol("fill", "mountains"),
    }
)
"""Every legend entry, in the order a legend lists them, and its symbol."""

ENTRY_OF_KIND: Mapping[str, str] = MappingProxyType(
    {
        "town": "town",
        "region": "region",
        "front": "region",
        "airfield": "airfield",
        "road": "road",
        "railway": "railway",
        "command-post": "command-post",
        "sector": "sector",
        "bridge": "bridge",
        "river": "river",
        "path": "escape",
        "border": "direction",
    }
)
"""The entry that explains a place's symbol (a stronghold's depends on its look)."""

STRONGHOLD_ENTRY: Mapping[str, str] = MappingProxyType(
    {
        HOLDING: "stronghold",
        ATTACKED: "stronghold-attacked",
        TAKEN: "stronghold-taken",
        UNTOLD: "stronghold-untold",
    }
)


def string_key(entry: str) -> str:
    """The UI string that names a legend entry."""
    return "legend_" + entry.replace("-", "_")


def stronghold_looks(data: MapData, told: Mapping[str, str] | None) -> dict[str, str]:
    """How each stronghold and command post of a plan is drawn.

    ``told`` is the state of each stronghold the story names at this moment
    (a day's events); ``None`` where no story of states is told (the fortress
    as it was built), and then every stronghold is held. On a told day, a
    stronghold the day does not name is :data:`UNTOLD`.
    """
    ids = [p.id for p in data.places if p.kind in STRONGHOLD_KINDS]
    if told is None:
        return dict.fromkeys(ids, HOLDING)
    return {place_id: told.get(place_id, UNTOLD) for place_id in ids}


def _place_in(place: DrawnPlace, view: Rect) -> bool:
    if view.contains_point(place.x, place.y):
        return True
    if place.extent is not None and place.extent.intersects(view):
        return True
    line = place.line
    if any(view.contains_point(x, y) for x, y in line):
        return True
    return any(segment_hits_rect((a, b), view) for a, b in pairwise(line))


def _any_shape_in(shapes: Iterable[Mapping[str, object]], view: Rect) -> bool:
    for shape in shapes:
        extent = path_extent(str(shape.get("path", "")))
        if extent is not None and extent.intersects(view):
            return True
    return False


def legend_entries(
    data: MapData,
    *,
    viewport: Rect | None = None,
    hidden: Iterable[str] = (),
    highlighted: Iterable[str] = (),
    looks: Mapping[str, str] | None = None,
) -> list[str]:
    """The legend entries for what lies in ``viewport`` (view units; ``None``: the whole map).

    Places in ``hidden`` are not drawn, so not explained. ``looks`` is each
    stronghold's look (see :func:`stronghold_looks`); a stronghold without one
    is explained as held. A highlighted place in view adds the highlight.
    """
    view = viewport if viewport is not None else data.bounds
    looks = looks or {}
    hidden_ids = set(hidden)
    lit = set(highlighted)
    found: set[str] = set()
    for place in data.places:
        if place.id in hidden_ids or not _place_in(place, view):
            continue
        if place.id in lit:
            found.add("highlight")
        if place.kind in STRONGHOLD_KINDS:
            found.add(STRONGHOLD_ENTRY.get(looks.get(place.id, HOLDING), "stronghold"))
        entry = ENTRY_OF_KIND.get(place.kind)
        if entry is not None:
            found.add(entry)
    shapes = data.shapes
    if data.kind is MapKind.GEO:
        countries = list(shapes.get("countries", ()))
        if _any_shape_in((c for c in countries if c.get("home")), view):
            found.add("vietnam")
        if _any_shape_in((c for c in countries if not c.get("home")), view):
            found.add("neighbour")
        if any(view.contains_point(*island) for area in data.areas for island in area.islands):
            found.add("archipelago")
    else:
        if _any_shape_in(shapes.get("hills", ()), view):
            found.add("hill")
        if _any_shape_in(shapes.get("mountains", ()), view):
            found.add("mountains")
    return [entry for entry in LEGEND if entry in found]


def possible_entries(data: MapData) -> list[str]:
    """Every entry a legend of this map may list, on any step and view: so a legend
    can take the room of the longest from the start and keep it."""
    every = legend_entries(data, highlighted=[p.id for p in data.places])
    if any(p.kind in STRONGHOLD_KINDS for p in data.places):
        every += list(STRONGHOLD_ENTRY.values())
    return [entry for entry in LEGEND if entry in every]
