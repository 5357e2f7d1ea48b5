"""What the printed handout says and where it goes, without Qt.

:func:`handout_blocks` turns the content into a list of blocks for one
language: a cover, then for each chapter a heading, its map, its steps as
short paragraphs (the clock's chapter as a timeline with its times, the
totals as figures), and the sources. :func:`paginate` flows the blocks onto
A4 pages with the heights a renderer measures; :func:`map_drawing` and
:func:`day_axis` work out a map figure and the day's time axis in page
millimetres, from the same map data, projection, focus and label rules as
the screen (:mod:`exhibit.core.maps`, :mod:`exhibit.core.timeline`).

Every word comes from the content; nothing here depends on Qt. The renderer
(:mod:`exhibit.curator.handout`) only measures text and draws.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from exhibit.core.labels import layout_labels
from exhibit.core.maps import MapData, Rect, build_exhibit_map
from exhibit.core.model import Chapter, Exhibit, MapKind, Step, StrongholdState
from exhibit.core.projection import load_geo_frame
from exhibit.core.timeline import Timeline, format_clock

# -- the page ------------------------------------------------------------------

PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_MM = 18.0
FOOTER_MM = 10.0
CONTENT = Rect(
    MARGIN_MM,
    MARGIN_MM,
    PAGE_WIDTH_MM - 2 * MARGIN_MM,
    PAGE_HEIGHT_MM - 2 * MARGIN_MM - FOOTER_MM,
)
MAP_HEIGHT_MM = 100.0
AXIS_HEIGHT_MM = 34.0
LABEL_FONT_MM = 2.9
"""A map label's type size: about 8 pt."""


# -- blocks ----------------------------------------------------------------------


@dataclass(frozen=True)
class Cover:
    title: str
    subtitle: str
    chapters: tuple[tuple[str, str, str], ...]
    """Each chapter's label ("Chapter 1"), title and one-line intro."""
    language_name: str


@dataclass(frozen=True)
class Heading:
    kicker: str
    title: str
    intro: str


@dataclass(frozen=True)
class MapFigure:
    chapter_id: str
    map_id: str
    highlighted: tuple[str, ...]
    states: Mapping[str, StrongholdState]
    paths: tuple[str, ...]
    caption: str
    legend: tuple[tuple[str, str], ...]
    """``(symbol, words)``: symbols are ``highlight``, ``holding`` and ``taken``."""
    note: str = ""
    """Printed in the map's corner: a plan says it is not to scale."""
    height_mm: float = MAP_HEIGHT_MM


@dataclass(frozen=True)
class DayAxis:
    """The day's time line: each timed event at its time, or across its window."""

    title: str
    events: tuple[tuple[int, int, int, bool], ...]
    """``(number, earliest, latest, exact)`` in minutes after midnight."""
    height_mm: float = AXIS_HEIGHT_MM


@dataclass(frozen=True)
class Paragraph:
    title: str
    body: str
    number: str = ""
    when: str = ""
    """The event's time: "04:00", or its window's label; never an invented minute."""
    who: str = ""


@dataclass(frozen=True)
class Figures:
    title: str
    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SourceList:
    title: str
    items: tuple[str, ...]
    outside_title: str
    outside: tuple[str, ...]


Block = Cover | Heading | MapFigure | DayAxis | Paragraph | Figures | SourceList


def _string(exhibit: Exhibit, key: str, language: str, **fields: object) -> str:
    return exhibit.string(key, language, **fields)


def handout_blocks(exhibit: Exhibit, language: str) -> list[Block]:
    """Everything the handout prints in ``language``, in order."""
    text = _texts(exhibit, language)
    blocks: list[Block] = [
        Cover(
            title=text(exhibit.title),
            subtitle=text(exhibit.subtitle),
            chapters=tuple(
                (
                    _string(exhibit, "chapter_label", language, n=number),
                    text(chapter.title),
                    text(chapter.intro),
                )
                for number, chapter in enumerate(exhibit.chapters, start=1)
            ),
            language_name=next(lang.name for lang in exhibit.languages if lang.code == language),
        )
    ]
    for number, chapter in enumerate(exhibit.chapters, start=1):
        blocks.append(
            Heading(
                _string(exhibit, "chapter_label", language, n=number),
                text(chapter.title),
                text(chapter.intro),
            )
        )
        blocks.extend(_chapter_blocks(exhibit, chapter, language))
    blocks.append(_sources(exhibit, language))
    return blocks


def _texts(exhibit: Exhibit, language: str) -> Callable[[Any], str]:
    def text(value: Any) -> str:
        return value.get(language, exhibit.default_language) if value is not None else ""

    return text


def _chapter_blocks(exhibit: Exhibit, chapter: Chapter, language: str) -> list[Block]:
    text = _texts(exhibit, language)
    highlighted = tuple(dict.fromkeys(p for step in chapter.steps for p in step.places))
    map_def = exhibit.maps[chapter.map]
    blocks: list[Block] = []
    states: Mapping[str, StrongholdState] = {}
    paths: tuple[str, ...] = ()
    timeline = Timeline.from_chapter(chapter) if chapter.told_on_clock else None
    if timeline is not None:
        last = len(timeline.events) - 1
        states = timeline.states_after_event(last)
        paths = tuple(sorted(timeline.paths_after_event(last)))
    caption = text(map_def.title)
    note = ""
    if map_def.kind is MapKind.PLAN:
        note = _string(exhibit, "map_schematic", language)  # where a scale bar would be
    legend: list[tuple[str, str]] = [("highlight", _string(exhibit, "places_label", language))]
    if map_def.kind is MapKind.PLAN:
        legend.append(("holding", _string(exhibit, "state_holding", language)))
    if timeline is not None:
        legend = [
            ("taken", _string(exhibit, "state_taken", language)),
            ("holding", _string(exhibit, "state_holding", language)),
        ]
    blocks.append(
        MapFigure(chapter.id, chapter.map, highlighted, states, paths, caption, tuple(legend), note)
    )
    if timeline is None:
        blocks.extend(_paragraph(exhibit, step, language) for step in chapter.steps)
        return blocks
    numbered = [
        (number, step, event)
        for number, (step, event) in enumerate(
            zip(chapter.steps, timeline.events, strict=True), start=1
        )
        if not event.is_totals
    ]
    blocks.append(
        DayAxis(
            title=f"{_string(exhibit, 'timeline', language)} · "
            f"{_string(exhibit, 'clock_date', language)}",
            events=tuple(
                (
                    number,
                    step.time.earliest if step.time else event.minute,
                    step.time.latest if step.time else event.minute,
                    event.exact,
                )
                for number, step, event in numbered
            ),
        )
    )
    for number, step, event in numbered:
        blocks.append(
            Paragraph(
                title=text(step.title),
                body=text(step.body),
                number=str(number),
                when=event.display_time(language, exhibit.default_language),
                who=text(step.who),
            )
        )
    for step in chapter.steps:
        if step.time is None:
            blocks.append(_paragraph(exhibit, step, language))
            if step.figures:
                blocks.append(
                    Figures(
                        _string(exhibit, "totals_title", language),
                        tuple((text(f.value), text(f.label)) for f in step.figures),
                    )
                )
    return blocks


def _paragraph(exhibit: Exhibit, step: Step, language: str) -> Paragraph:
    text = _texts(exhibit, language)
    return Paragraph(title=text(step.title), body=text(step.body), who=text(step.who))


def _sources(exhibit: Exhibit, language: str) -> SourceList:
    text = _texts(exhibit, language)
    # One line for each outside source, after the names of what rests on it.
    outside: dict[str, list[str]] = {}
    named = [(text(s.title), s.extra_source) for c in exhibit.chapters for s in c.steps]
    named += [(text(p.name), p.extra_source) for p in exhibit.places.values()]
    for name, notes in named:
        for note in notes:
            outside.setdefault(" ".join(note.split()), []).append(name)
    return SourceList(
        title=_string(exhibit, "handout_sources", language),
        items=tuple(text(source.title) for source in exhibit.sources.values()),
        outside_title=_string(exhibit, "handout_outside_sources", language),
        outside=tuple(f"{', '.join(names)}: {note}" for note, names in outside.items()),
    )


# -- pages -----------------------------------------------------------------------


@dataclass(frozen=True)
class Placed:
    block: Block
    y_mm: float
    height_mm: float


@dataclass
class Page:
    language: str
    kind: str
    """``cover``, ``chapter`` (the first page of a chapter), ``more`` (its next pages)."""
    chapter: str = ""
    items: list[Placed] = field(default_factory=list)


GAP_MM = 3.2


MAP_MIN_HEIGHT_MM = 72.0
"""A map gives up height, down to this, so that its chapter fits on one page."""


def paginate(
    blocks: Sequence[Block], language: str, measure: Callable[[Block, float], float]
) -> list[Page]:
    """Flow ``blocks`` onto pages; ``measure(block, width_mm)`` is its printed height.

    The cover has a page of its own and each chapter starts a page. A chapter
    a little too long for its page takes the difference from its map (down
    to :data:`MAP_MIN_HEIGHT_MM`); otherwise a block that does not fit on
    what is left of a page starts the next one.
    """
    pages: list[Page] = []
    for group in _chapters(blocks):
        heights = [measure(block, CONTENT.width) for block in group]
        over = sum(heights) + GAP_MM * (len(heights) - 1) - CONTENT.height
        for index, block in enumerate(group):
            spare = block.height_mm - MAP_MIN_HEIGHT_MM if isinstance(block, MapFigure) else 0
            if isinstance(block, MapFigure) and 0 < over <= spare - 0.5:
                group[index] = replace(block, height_mm=block.height_mm - over - 0.5)
                heights[index] = measure(group[index], CONTENT.width)
        first = group[0]
        kind = "cover" if isinstance(first, Cover) else "chapter"
        chapter = first.title if isinstance(first, Heading) else ""
        page = Page(language, kind, chapter)
        pages.append(page)
        y = 0.0
        for block, height in zip(group, heights, strict=True):
            if page.items and y + height > CONTENT.height:
                page = Page(language, "more", chapter)
                pages.append(page)
                y = 0.0
            page.items.append(Placed(block, CONTENT.y + y, height))
            y += height + GAP_MM
    return pages


def _chapters(blocks: Sequence[Block]) -> list[list[Block]]:
    """The blocks in groups that each start a page: the cover, then each chapter."""
    groups: list[list[Block]] = []
    for block in blocks:
        if not groups or isinstance(block, Cover | Heading):
            groups.append([])
        groups[-1].append(block)
    return groups


# -- a map figure ----------------------------------------------------------------------


PathCommand = tuple[str, tuple[tuple[float, float], ...]]
_TOKEN = re.compile(r"[MLCZ]|-?\d+(?:\.\d+)?")


def parse_path(path: str) -> list[PathCommand]:
    """SVG path data with absolute M, L, C and Z (what the map assets use)."""
    commands: list[PathCommand] = []
    tokens = _TOKEN.findall(path)
    index = 0
    command = ""
    sizes = {"M": 1, "L": 1, "C": 3, "Z": 0}
    while index < len(tokens):
        token = tokens[index]
        if token in sizes:
            command = token
            index += 1
            if command == "Z":
                commands.append(("Z", ()))
                continue
        elif not command or command == "Z":
            raise ValueError(f"path data without a command at {token!r}")
        count = sizes[command]
        numbers = [float(n) for n in tokens[index : index + 2 * count]]
        if len(numbers) < 2 * count:
            raise ValueError("path data ends inside a command")
        points = tuple(zip(numbers[0::2], numbers[1::2], strict=True))
        commands.append((command, points))
        index += 2 * count
        if command == "M":
            command = "L"  # further pairs after M are lines
    return commands


@dataclass(frozen=True)
class Shape:
    role: str
    """``focus``, ``neighbour`` (geo); ``floor``, ``mountains``, ``hills``, ``river``,
    ``airfields``, ``sectors`` (plan)."""
    commands: tuple[PathCommand, ...]


@dataclass(frozen=True)
class Marker:
    id: str
    kind: str
    x: float
    y: float
    highlighted: bool
    state: str
    line: tuple[tuple[float, float], ...] = ()
    extent: Rect | None = None


@dataclass(frozen=True)
class Label:
    id: str
    text: str
    box: Rect
    highlighted: bool


@dataclass(frozen=True)
class MapDrawing:
    frame: Rect
    kind: MapKind
    shapes: tuple[Shape, ...]
    markers: tuple[Marker, ...]
    labels: tuple[Label, ...]
    scale_bar: tuple[float, int] | None
    """Length in mm and the kilometres it stands for (geographic maps)."""
    label_font_mm: float = LABEL_FONT_MM


def map_drawing(
    exhibit: Exhibit,
    figure: MapFigure,
    frame: Rect,
    language: str,
    text_width_mm: Callable[[str], float],
) -> MapDrawing:
    """The figure's map in page millimetres: the chapter's places framed as on screen,
    labels placed so that none collides (:func:`~exhibit.core.labels.layout_labels`)."""
    data = build_exhibit_map(exhibit, figure.map_id)
    view = data.focus(figure.highlighted, aspect=frame.width / frame.height)
    scale = frame.width / view.width

    def page(point: tuple[float, float]) -> tuple[float, float]:
        return frame.x + (point[0] - view.x) * scale, frame.y + (point[1] - view.y) * scale

    shapes = tuple(_shapes(data, page))
    hidden = {p.id for p in data.places if p.kind == "path" and p.id not in figure.paths}
    lit = set(figure.highlighted)
    markers = tuple(
        Marker(
            id=p.id,
            kind=p.kind,
            x=page((p.x, p.y))[0],
            y=page((p.x, p.y))[1],
            highlighted=p.id in lit or p.id in figure.paths,
            state=figure.states.get(p.id, StrongholdState.HOLDING).value
            if p.kind == "stronghold" and figure.states
            else "",
            line=tuple(page(point) for point in p.line),
            extent=_scaled(p.extent, page, scale),
        )
        for p in data.places
        if p.id not in hidden
    )
    em = LABEL_FONT_MM / scale  # a label's em in view units
    names = {p.id: exhibit.places[p.id].name.get(language) for p in data.places}
    # The seas, countries and archipelagos are named too (Hoàng Sa and Trường Sa
    # on every printed map that shows them).
    names |= {a.id: a.name.get(language) for a in exhibit.maps[figure.map_id].labels}
    widths = {pid: text_width_mm(name) / LABEL_FONT_MM for pid, name in names.items()}
    placements = layout_labels(
        data, widths, em=em, highlighted=figure.highlighted, hidden=hidden, viewport=view
    )
    labels = tuple(
        Label(pid, names[pid], _scaled(placement.box, page, scale), pid in lit)
        for pid, placement in placements.items()
        if placement is not None
    )
    return MapDrawing(
        frame, data.kind, shapes, markers, labels, _scale_bar(exhibit, figure, scale, frame)
    )


def _scaled(rect: Rect | None, page: Callable[..., tuple[float, float]], scale: float) -> Any:
    if rect is None:
        return None
    x, y = page((rect.x, rect.y))
    return Rect(x, y, rect.width * scale, rect.height * scale)


def _shapes(data: MapData, page: Callable[..., tuple[float, float]]) -> Iterable[Shape]:
    def mapped(path: str) -> tuple[PathCommand, ...]:
        return tuple((op, tuple(page(p) for p in pts)) for op, pts in parse_path(path))

    shapes = data.shapes
    if data.kind is MapKind.GEO:
        for country in shapes["countries"]:
            yield Shape("focus" if country["focus"] else "neighbour", mapped(country["path"]))
        # Việt Nam's islands, each a dot large enough to print (a true-size islet is
        # a fraction of a millimetre), in Việt Nam's colour.
        for archipelago in shapes.get("islands", ()):
            for point in archipelago["points"]:
                yield Shape("focus", _dot(page(point), ISLAND_MM))
        return
    if shapes.get("floor"):
        yield Shape("floor", mapped(shapes["floor"]))
    for group in ("mountains", "hills", "airfields", "sectors"):
        for shape in shapes.get(group, ()):
            yield Shape(group, mapped(shape["path"]))
    if shapes.get("river"):
        yield Shape("river", mapped(shapes["river"]))


ISLAND_MM = 0.6
"""The radius an island is printed at."""


def _dot(centre: tuple[float, float], radius: float) -> tuple[PathCommand, ...]:
    """A small octagon around ``centre`` (page mm), as path commands."""
    x, y = centre
    corners = [
        (x + radius * math.cos(math.pi * k / 4), y + radius * math.sin(math.pi * k / 4))
        for k in range(8)
    ]
    return (("M", (corners[0],)), *(("L", (c,)) for c in corners[1:]), ("Z", ()))


_NICE_KM = (10, 20, 25, 50, 100, 200, 250, 500, 1000)


def _scale_bar(
    exhibit: Exhibit, figure: MapFigure, scale: float, frame: Rect
) -> tuple[float, int] | None:
    map_def = exhibit.maps[figure.map_id]
    if map_def.kind is not MapKind.GEO:
        return None  # a schematic plan has no scale
    geo = load_geo_frame(map_def.data)  # read and checked with the content
    mm_per_km = scale * geo.view_width / geo.bounds.width
    target = frame.width / 4.0 / mm_per_km
    km = min(_NICE_KM, key=lambda k: abs(math.log(k / target)))
    return km * mm_per_km, km


# -- the day's axis ----------------------------------------------------------------------


@dataclass(frozen=True)
class AxisEvent:
    number: int
    x: float
    x_end: float
    """Where a window ends; equal to ``x`` for an exact time."""
    exact: bool
    row: int


@dataclass(frozen=True)
class AxisLayout:
    start: int
    end: int
    ticks: tuple[tuple[float, str], ...]
    events: tuple[AxisEvent, ...]


def day_axis(axis: DayAxis, x0: float, width: float, marker_mm: float = 5.0) -> AxisLayout:
    """Where the axis's hours and events go between ``x0`` and ``x0 + width`` mm.

    The axis runs from the hour before the first event to the hour after the
    last; ticks every two hours. A window is a bar from its earliest to its
    latest minute (never a point at a guessed minute). Events that would
    overlap go on the next row up.
    """
    first = min(e[1] for e in axis.events)
    last = max(e[2] for e in axis.events)
    start = max(0, (first // 60 - 1) * 60)
    end = min(24 * 60, (last // 60 + 2) * 60)
    per_minute = width / (end - start)

    def at(minute: int) -> float:
        return x0 + (minute - start) * per_minute

    ticks = tuple(
        (at(minute), format_clock(minute))
        for minute in range(start, end + 1, 60)
        if (minute // 60) % 2 == 0
    )
    rows: list[float] = []  # the right end of what each row holds so far
    events = []
    for number, earliest, latest, exact in axis.events:
        left, right = at(earliest) - marker_mm / 2, max(at(latest), at(earliest)) + marker_mm / 2
        row = next((i for i, end_x in enumerate(rows) if left >= end_x + 0.8), len(rows))
        if row == len(rows):
            rows.append(right)
        else:
            rows[row] = right
        events.append(AxisEvent(number, at(earliest), at(latest), exact, row))
    return AxisLayout(start, end, ticks, tuple(events))
