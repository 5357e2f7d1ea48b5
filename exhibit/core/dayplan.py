"""What the plan of the valley draws through the final day: arrows, the flag, the totals.

The final day's steps say who moved where (``arrows``), where a flag was
raised (``flag``) and, at the end, the campaign's totals (``figures``). This
module turns them into geometry and numbers the clock stage can draw, in the
plan's view units, without Qt:

* :func:`plan_arrows` gives every arrow of the day as a polyline from tail to
  head, with the step it belongs to, so the stage can draw the current step's
  arrows and leave the earlier ones as a faint trace;
* :func:`arrows_shown` and :func:`flags_shown` say what is on the plan once a
  given step has happened;
* :func:`day_view` is the part of the plan the day happens in, so the plan can
  show it as large as the stage allows (:func:`view_at`: the whole plan at the
  totals);
* :func:`figure_count` reads a figure's number, so the finale can count up to
  exactly the text the content gives.

Where an arrow starts: the content names the place it comes from (``from``),
or follows a line place (``along``). Where the sources name no starting
place, the arrow shows only a direction, which follows from the places: a
stronghold (a place inside a sub-sector) is approached from outside the
fortress, along the line from its sub-sector outline's middle out through it; a place
outside the fortress (a road's end, a direction) is approached from the
valley, along the line from the plan's centre towards it. No route is drawn
that the content does not give.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from exhibit.core.maps import DrawnPlace, MapData, Rect, focus_rect
from exhibit.core.model import Arrow, Chapter, Flag, Text

Point = tuple[float, float]

#: An arrow without a starting place is this long, as a share of the plan's
#: shorter side.
APPROACH_SHARE = 0.14
#: The head stops this short of its place's anchor, and a tail this far from
#: the place it leaves (share of the shorter side), so markers stay readable.
GAP_SHARE = 0.025
#: How far a two-point arrow bows to its left, as a share of its length, so
#: arrows read as movements rather than as lines of the plan.
BOW_SHARE = 0.12
#: The radius of an ``encircle`` ring, as a share of the shorter side.
RING_SHARE = 0.045
#: Points per curved stretch: enough for a smooth curve at any screen size.
CURVE_SAMPLES = 12
#: Steps of a figure's count-up: about one a frame over its second and a half.
COUNT_UP_FRAMES = 60


@dataclass(frozen=True)
class DrawnArrow:
    """One arrow in view units, tail to head, and the step it is drawn at.

    ``points`` runs from the tail to the head (for ``encircle``, round a
    closed ring starting and ending at the top). ``label_at`` is where the
    unit's name sits (the tail; the ring's top), ``heading`` the unit vector
    the tail points along (for placing the name behind it). ``labelled`` is
    False for a second arrow of the same unit at the same step, whose name is
    already on the plan.
    """

    step: int
    kind: str
    unit: Text
    points: tuple[Point, ...]
    label_at: Point
    heading: Point
    labelled: bool = True

    @property
    def length(self) -> float:
        return sum(math.dist(a, b) for a, b in pairwise(self.points))


def _unit(dx: float, dy: float) -> Point:
    norm = math.hypot(dx, dy)
    return (0.0, -1.0) if norm < 1e-9 else (dx / norm, dy / norm)


def _clamp(point: Point, data: MapData, margin: float) -> Point:
    x = min(max(point[0], margin), data.view_width - margin)
    y = min(max(point[1], margin), data.view_height - margin)
    return (x, y)


def _trim(points: list[Point], start: float, end: float) -> list[Point]:
    """``points`` without ``start`` units of length at the tail and ``end`` at the head."""
    total = sum(math.dist(a, b) for a, b in pairwise(points))
    if len(points) < 2 or total <= start + end:
        return points

    def cut(line: list[Point], length: float) -> list[Point]:
        remaining = length
        for n, (a, b) in enumerate(pairwise(line)):
            step = math.dist(a, b)
            if remaining < step:
                t = remaining / step
                first = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
                return [first, *line[n + 1 :]]
            remaining -= step
        return line[-1:]

    trimmed = cut(points, start)
    return list(reversed(cut(list(reversed(trimmed)), end)))


def _bowed(a: Point, b: Point, bow: float) -> list[Point]:
    """A gentle quadratic curve from ``a`` to ``b``, bowing left by ``bow`` of its length."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    mid = ((a[0] + b[0]) / 2 + dy * bow, (a[1] + b[1]) / 2 - dx * bow)
    curve = []
    for n in range(CURVE_SAMPLES + 1):
        t = n / CURVE_SAMPLES
        u = 1 - t
        curve.append(
            (
                u * u * a[0] + 2 * u * t * mid[0] + t * t * b[0],
                u * u * a[1] + 2 * u * t * mid[1] + t * t * b[1],
            )
        )
    return curve


def _through(points: Sequence[Point]) -> list[Point]:
    """A smooth curve through every point (Catmull-Rom), for an arrow with ``via`` places."""
    if len(points) < 3:
        return list(points)
    padded = [points[0], *points, points[-1]]
    curve: list[Point] = [points[0]]
    for p0, p1, p2, p3 in zip(padded, padded[1:], padded[2:], padded[3:], strict=False):
        for n in range(1, CURVE_SAMPLES + 1):
            t = n / CURVE_SAMPLES
            t2, t3 = t * t, t * t * t
            curve.append(
                tuple(  # type: ignore[arg-type]
                    0.5
                    * (
                        2 * p1[i]
                        + (-p0[i] + p2[i]) * t
                        + (2 * p0[i] - 5 * p1[i] + 4 * p2[i] - p3[i]) * t2
                        + (-p0[i] + 3 * p1[i] - 3 * p2[i] + p3[i]) * t3
                    )
                    for i in (0, 1)
                )
            )
    return curve


def approach_start(target: DrawnPlace, data: MapData) -> Point:
    """Where an arrow to ``target`` starts when the sources name no starting place.

    From outside the fortress for a place in a sub-sector (along the line
    from the middle of the sub-sector's outline through it); from the valley for any other
    place (along the line from the plan's centre towards it).
    """
    short = min(data.view_width, data.view_height)
    length = APPROACH_SHARE * short
    centre = (data.view_width / 2, data.view_height / 2)
    sector = data.place(target.sector) if target.sector else None
    # A sub-sector's heart is the middle of its drawn outline (its name may sit aside).
    heart = None
    if sector is not None:
        heart = sector.extent.center if sector.extent is not None else (sector.x, sector.y)
    if heart is not None and math.dist(heart, (target.x, target.y)) > 1e-6:
        out = _unit(target.x - heart[0], target.y - heart[1])
        start = (target.x + out[0] * length, target.y + out[1] * length)
    else:
        towards = _unit(target.x - centre[0], target.y - centre[1])
        start = (target.x - towards[0] * length, target.y - towards[1] * length)
    return _clamp(start, data, GAP_SHARE * short)


def _ring(centre: Point, radius: float) -> list[Point]:
    samples = 4 * CURVE_SAMPLES
    return [
        (
            centre[0] + radius * math.sin(2 * math.pi * n / samples),
            centre[1] - radius * math.cos(2 * math.pi * n / samples),
        )
        for n in range(samples + 1)
    ]


def arrow_points(arrow: Arrow, data: MapData) -> tuple[Point, ...]:
    """The arrow's line in view units, tail to head (empty if a place is not on the plan)."""
    short = min(data.view_width, data.view_height)
    gap = GAP_SHARE * short
    if arrow.along is not None:
        place = data.place(arrow.along)
        if place is None or len(place.line) < 2:
            return ()
        return tuple(_trim(list(place.line), gap, 0.0))
    target = data.place(arrow.target) if arrow.target else None
    if target is None:
        return ()
    end = (target.x, target.y)
    if arrow.kind == "encircle":
        return tuple(_ring(end, RING_SHARE * short))
    origin = data.place(arrow.origin) if arrow.origin else None
    via = [data.place(v) for v in arrow.via]
    if (origin is None and arrow.origin is not None) or any(v is None for v in via):
        return ()
    start = (origin.x, origin.y) if origin is not None else approach_start(target, data)
    stops = [start, *((v.x, v.y) for v in via if v is not None), end]
    line = _bowed(start, end, BOW_SHARE) if len(stops) == 2 else _through(stops)
    return tuple(_trim(line, gap if origin is not None else 0.0, gap))


def plan_arrows(chapter: Chapter, data: MapData) -> tuple[DrawnArrow, ...]:
    """Every arrow of the chapter, in step order, as the plan draws it."""
    drawn: list[DrawnArrow] = []
    for index, step in enumerate(chapter.steps):
        named: set[tuple[tuple[str, str], ...]] = set()
        for arrow in step.arrows:
            points = arrow_points(arrow, data)
            if len(points) < 2:
                continue
            key = tuple(sorted(arrow.unit.values.items()))
            labelled = key not in named
            named.add(key)
            if arrow.kind == "encircle":
                label_at, heading = points[0], (0.0, 1.0)
            else:
                label_at = points[0]
                heading = _unit(points[1][0] - points[0][0], points[1][1] - points[0][1])
            drawn.append(
                DrawnArrow(index, arrow.kind, arrow.unit, points, label_at, heading, labelled)
            )
    return tuple(drawn)


def arrows_shown(arrows: Sequence[DrawnArrow], step: int) -> list[tuple[DrawnArrow, bool]]:
    """The arrows on the plan once step ``step`` has happened, each with whether it is current.

    The current step's arrows are drawn in full; every earlier step's stay as
    a trace, so the day builds up; later steps' are not drawn yet.
    """
    return [(arrow, arrow.step == step) for arrow in arrows if arrow.step <= step]


def flags_shown(chapter: Chapter, step: int) -> list[tuple[int, Flag]]:
    """``(step index, flag)`` of every flag raised by step ``step``, in order."""
    return [
        (index, s.flag)
        for index, s in enumerate(chapter.steps[: max(0, step + 1)])
        if s.flag is not None
    ]


#: Room round the day's view, as a share of the plan's longer side.
VIEW_PADDING_SHARE = 0.06


def day_view(chapter: Chapter, data: MapData, arrows: Sequence[DrawnArrow]) -> Rect:
    """The part of the plan the day happens in: every event's places, arrows and flags.

    The totals' places (the three sub-sectors, the whole fortress) are left
    out: the view is the day's, and the fortress's far corners where nothing
    happened on 7 May give way to a larger view of what did.
    """
    points: list[Point] = [p for arrow in arrows for p in arrow.points]
    for step in chapter.steps:
        if step.time is None:
            continue
        points += data.points_of(place for place in step.places if _is_spot(data, place))
        if step.flag is not None:
            points += data.points_of([step.flag.at])
    longest = max(data.view_width, data.view_height)
    return focus_rect(
        points,
        bounds=data.bounds,
        padding=VIEW_PADDING_SHARE * longest,
        min_size=0.4 * longest,
    )


def view_at(chapter: Chapter, data: MapData, arrows: Sequence[DrawnArrow], step: int) -> Rect:
    """What the plan shows at ``step``: the day's view, and the whole plan at the totals.

    The totals are the fortress destroyed: every stronghold of the plan, so
    the view opens out to all of it.
    """
    if 0 <= step < len(chapter.steps) and chapter.steps[step].time is None:
        return data.bounds
    return day_view(chapter, data, arrows)


def _is_spot(data: MapData, place_id: str) -> bool:
    """Whether a place is a spot to keep in view (not an area, nor a long line)."""
    place = data.place(place_id)
    return place is not None and place.extent is None and not place.line


@dataclass(frozen=True)
class FigureCount:
    """A figure's number and how it is written, so a count-up ends on the content's text.

    ``group`` is the thousands separator the text uses ("," in "16,200", a
    no-break space in "16 200"), or "" if it has none.
    """

    number: int
    group: str

    def text(self, value: int) -> str:
        """``value`` written the way the figure writes its number."""
        digits = str(max(0, int(value)))
        if not self.group:
            return digits
        parts = []
        while len(digits) > 3:
            parts.insert(0, digits[-3:])
            digits = digits[:-3]
        parts.insert(0, digits)
        return self.group.join(parts)

    def count_up(self, frames: int = COUNT_UP_FRAMES) -> list[str]:
        """The texts a count-up from 0 shows, evenly spaced in value, ending on the figure.

        Given once, so a view animates an index into them and never formats
        a number per frame; repeated texts (a small number) are left out.
        """
        texts: list[str] = []
        for n in range(max(1, frames) + 1):
            text = self.text(round(self.number * n / max(1, frames)))
            if not texts or texts[-1] != text:
                texts.append(text)
        return texts


_GROUPED = re.compile(r"\d{1,3}(?:([,.\u00a0\u202f ])\d{3})(?:\1\d{3})*")


def figure_count(value: str) -> FigureCount | None:
    """The number a figure's text is, or None if it is not one ("All").

    Whole numbers only, with or without a thousands separator; the result
    writes the number back exactly as given (``figure_count(v).text(n) == v``).
    """
    text = value.strip()
    if text.isdigit():
        return FigureCount(int(text), "")
    match = _GROUPED.fullmatch(text)
    if match is None:
        return None
    group = match.group(1)
    count = FigureCount(int(text.replace(group, "")), group)
    return count if count.text(count.number) == text else None
