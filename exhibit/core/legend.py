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

What a step draws over the map is explained too (:func:`step_marks`): the
arrows converging on the decisive battle, and on the final day's plan the
attacks, the encirclement, the retreat and the flags.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from types import MappingProxyType

from exhibit.core.labels import segment_hits_rect
from exhibit.core.maps import DrawnPlace, MapData, Rect, path_extent
from exhibit.core.model import ARROW_KINDS, FLAG_KINDS, Exhibit, MapKind

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
        "converge": Symbol("arrow", "converge"),
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
        "advance": Symbol("arrow", "advance"),
        "encircle": Symbol("arrow", "encircle"),
        "flag-victory": Symbol("flag", "victory"),
        "flag-white": Symbol("flag", "white"),
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


MARK_ENTRY: Mapping[str, str] = MappingProxyType(
    {
        "converge": "converge",
        "advance": "advance",
        "encircle": "encircle",
        # The enemy's retreat, drawn as an arrow along its line, is the line of retreat.
        "retreat": "escape",
        "victory": "flag-victory",
        "white": "flag-white",
    }
)
"""The entry that explains a mark drawn over the map at a step: a chapter's
converging arrows, a day's arrows (by kind) and flags (by kind)."""


def step_marks(exhibit: Exhibit, chapter_id: str, step: int, data: MapData) -> list[str]:
    """The marks a step draws over its chapter's map (see :data:`MARK_ENTRY`):
    ``converge`` for arrows converging on a place, and on a day told on the
    clock the kinds of the arrows and flags on the plan once the step has
    happened (the earlier steps' stay as a trace)."""
    chapter = exhibit.chapter(chapter_id)
    if chapter is None or not 0 <= step < len(chapter.steps):
        return []
    marks: list[str] = []
    if chapter.steps[step].converge is not None:
        marks.append("converge")
    if chapter.told_on_clock:
        from exhibit.core.dayplan import arrows_shown, flags_shown, plan_arrows

        marks += [arrow.kind for arrow, _ in arrows_shown(plan_arrows(chapter, data), step)]
        marks += [flag.kind for _, flag in flags_shown(chapter, step)]
    return list(dict.fromkeys(marks))


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
    marks: Iterable[str] = (),
) -> list[str]:
    """The legend entries for what lies in ``viewport`` (view units; ``None``: the whole map).

    Places in ``hidden`` are not drawn, so not explained. ``looks`` is each
    stronghold's look (see :func:`stronghold_looks`); a stronghold without one
    is explained as held. A highlighted place in view adds the highlight.
    ``marks`` are what the step draws over the map (:func:`step_marks`).
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
    found |= {MARK_ENTRY[mark] for mark in marks if mark in MARK_ENTRY}
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
    converge = ["converge"] if data.kind is MapKind.GEO else []
    every = legend_entries(data, highlighted=[p.id for p in data.places], marks=converge)
    if any(p.kind in STRONGHOLD_KINDS for p in data.places):
        every += list(STRONGHOLD_ENTRY.values())
        every += [MARK_ENTRY[kind] for kind in (*ARROW_KINDS, *FLAG_KINDS)]
    return [entry for entry in LEGEND if entry in every]
