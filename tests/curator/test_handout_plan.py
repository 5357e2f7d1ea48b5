"""What the printed handout says and where it goes, checked without Qt."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from exhibit.core.content import load_content
from exhibit.core.maps import build_exhibit_map
from exhibit.core.model import Exhibit
from exhibit.core.projection import load_geo_frame
from exhibit.curator import handout_plan as plan

PROJECT = Path(__file__).resolve().parents[2]
ASSETS = PROJECT / "assets"


@pytest.fixture(scope="module")
def exhibit() -> Exhibit:
    return load_content(PROJECT / "content", ASSETS)


def fake_measure(block: plan.Block, width: float) -> float:
    """A stand-in for the renderer's measure: 5 mm a line of 90 characters."""
    if isinstance(block, plan.Cover):
        return plan.CONTENT.height
    if isinstance(block, plan.MapFigure):
        return block.height_mm + 10
    if isinstance(block, plan.DayAxis):
        return block.height_mm
    words = " ".join(str(v) for v in vars(block).values())
    return 5.0 * (1 + len(words) // 90)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_blocks_tell_every_step_in_order(exhibit: Exhibit, language: str) -> None:
    blocks = plan.handout_blocks(exhibit, language)
    assert isinstance(blocks[0], plan.Cover)
    assert blocks[0].title == exhibit.title.get(language)
    assert isinstance(blocks[-1], plan.SourceList)
    titles = [b.title for b in blocks if isinstance(b, plan.Paragraph)]
    expected = [s.title.get(language) for c in exhibit.chapters for s in c.steps]
    assert sorted(titles) == sorted(expected)
    headings = [b.title for b in blocks if isinstance(b, plan.Heading)]
    assert headings == [c.title.get(language) for c in exhibit.chapters]
    maps = [b for b in blocks if isinstance(b, plan.MapFigure)]
    assert [m.map_id for m in maps] == [c.map for c in exhibit.chapters]
    sources = blocks[-1]
    assert list(sources.items) == [s.title.get(language) for s in exhibit.sources.values()]


def test_the_final_day_shows_times_and_windows_never_an_invented_minute(exhibit: Exhibit) -> None:
    chapter = next(c for c in exhibit.chapters if c.told_on_clock)
    blocks = plan.handout_blocks(exhibit, "en")
    axis = next(b for b in blocks if isinstance(b, plan.DayAxis))
    timed = [s for s in chapter.steps if s.time is not None]
    assert [(e[1], e[2], e[3]) for e in axis.events] == [
        (s.time.earliest, s.time.latest, s.time.exact) for s in timed
    ]
    assert any(not exact for *_, exact in axis.events)
    by_title = {b.title: b for b in blocks if isinstance(b, plan.Paragraph)}
    for step in timed:
        when = by_title[step.title.get("en")].when
        if step.time.exact:
            assert when == f"{step.time.earliest // 60:02d}:{step.time.earliest % 60:02d}"
        else:
            assert when == step.time.label.get("en")
            assert not re.search(r"\d\d:\d\d", when)
    totals = next(b for b in blocks if isinstance(b, plan.Figures))
    # The totals' figures (an event may have a key figure of its own, e.g. C2's 600).
    figures = next(s for s in chapter.steps if s.figures and s.time is None).figures
    assert totals.items == tuple((f.value.get("en"), f.label.get("en")) for f in figures)


def test_the_axis_draws_a_window_as_a_bar_and_keeps_rows_apart(exhibit: Exhibit) -> None:
    axis = next(b for b in plan.handout_blocks(exhibit, "vi") if isinstance(b, plan.DayAxis))
    layout = plan.day_axis(axis, 20.0, 170.0)
    assert layout.start <= min(e[1] for e in axis.events)
    assert layout.end >= max(e[2] for e in axis.events)
    assert all(20.0 <= x <= 190.0 for x, _ in layout.ticks)
    for event, (_, earliest, latest, exact) in zip(layout.events, axis.events, strict=True):
        assert event.exact == exact
        assert (event.x_end > event.x) == (latest > earliest)
    by_row: dict[int, list[plan.AxisEvent]] = {}
    for event in layout.events:
        by_row.setdefault(event.row, []).append(event)
    for events in by_row.values():
        for a, b in itertools.pairwise(events):
            assert b.x - 2.5 >= a.x_end + 2.5, (a, b)


def test_pages_cover_alone_each_chapter_on_a_new_page(exhibit: Exhibit) -> None:
    blocks = plan.handout_blocks(exhibit, "vi")
    pages = plan.paginate(blocks, "vi", fake_measure)
    assert pages[0].kind == "cover" and len(pages[0].items) == 1
    starts = [p.chapter for p in pages if p.kind == "chapter"]
    assert starts == [c.title.get("vi") for c in exhibit.chapters]
    for page in pages:
        bottom = max(i.y_mm + i.height_mm for i in page.items)
        assert bottom <= plan.CONTENT.bottom + 0.01 or len(page.items) == 1
    placed = [i.block for p in pages for i in p.items]
    assert len(placed) == len(blocks)


def test_a_map_gives_up_height_so_a_chapter_fits_its_page() -> None:
    heading = plan.Heading("Chapter 1", "A chapter", "")
    figure = plan.MapFigure("c", "m", (), {}, (), "caption", ())
    filler = plan.Paragraph("x", "y")

    def measure(block: plan.Block, width: float) -> float:
        if isinstance(block, plan.MapFigure):
            return block.height_mm + 10
        return 20.0 if isinstance(block, plan.Heading) else 30.0

    def total(paragraphs: int) -> float:
        return 20 + plan.MAP_HEIGHT_MM + 10 + 30 * paragraphs + plan.GAP_MM * (paragraphs + 1)

    spare = plan.MAP_HEIGHT_MM - plan.MAP_MIN_HEIGHT_MM
    assert 0 < total(4) - plan.CONTENT.height < spare  # a little too long
    pages = plan.paginate([heading, figure, *[filler] * 4], "en", measure)
    assert len(pages) == 1
    shrunk = pages[0].items[1].block
    assert plan.MAP_MIN_HEIGHT_MM <= shrunk.height_mm < plan.MAP_HEIGHT_MM
    assert pages[0].items[-1].y_mm + 30 <= plan.CONTENT.bottom
    assert total(7) - plan.CONTENT.height > spare  # far too long: the map keeps its size
    pages = plan.paginate([heading, figure, *[filler] * 7], "en", measure)
    assert len(pages) == 2 and pages[1].kind == "more"
    assert pages[0].items[1].block.height_mm == plan.MAP_HEIGHT_MM


def test_every_map_path_parses() -> None:
    for name in ("indochina.json", "valley.json"):
        text = (ASSETS / "maps" / name).read_text(encoding="utf-8")
        paths = re.findall(r'"path": "([^"]+)"', text)
        assert paths
        for path in paths:
            commands = plan.parse_path(path)
            assert commands[0][0] == "M"
            assert {op for op, _ in commands} <= {"M", "L", "C", "Z"}
    assert plan.parse_path("M0 0L1 2 3 4Z") == [
        ("M", ((0.0, 0.0),)),
        ("L", ((1.0, 2.0),)),
        ("L", ((3.0, 4.0),)),
        ("Z", ()),
    ]
    with pytest.raises(ValueError):
        plan.parse_path("M0 0C1 1")


def test_a_map_figure_uses_the_screens_projection_and_labels_never_collide(
    exhibit: Exhibit,
) -> None:
    blocks = plan.handout_blocks(exhibit, "vi")
    frame = plan.Rect(18.0, 40.0, 174.0, plan.MAP_HEIGHT_MM)
    for figure in (b for b in blocks if isinstance(b, plan.MapFigure)):
        drawing = plan.map_drawing(
            exhibit, figure, frame, "vi", lambda t: 0.6 * plan.LABEL_FONT_MM * len(t)
        )
        assert drawing.shapes and drawing.markers
        lit = [m for m in drawing.markers if m.id in figure.highlighted]
        assert lit and all(frame.contains_point(m.x, m.y, 0.5) for m in lit)
        boxes = [label.box for label in drawing.labels]
        assert len(boxes) >= len(lit) // 2
        for i, a in enumerate(boxes):
            assert frame.contains(a, 0.01)
            assert not any(a.intersects(b) for b in boxes[i + 1 :])
        data = build_exhibit_map(exhibit, figure.map_id)
        if data.kind.value == "geo":
            # A place is where the asset's own projection puts its latitude and longitude.
            asset = json.loads(exhibit.maps[figure.map_id].asset.read_text(encoding="utf-8"))
            geo = load_geo_frame(asset)
            place = exhibit.places[lit[0].id]
            vx, vy = geo.to_view(*place.point)
            view = data.focus(figure.highlighted, aspect=frame.width / frame.height)
            scale = frame.width / view.width
            assert lit[0].x == pytest.approx(frame.x + (vx - view.x) * scale)
            assert lit[0].y == pytest.approx(frame.y + (vy - view.y) * scale)
            assert drawing.scale_bar is not None
            length, km = drawing.scale_bar
            assert km > 0 and frame.width / 8 < length < frame.width / 2
        else:
            assert drawing.scale_bar is None and figure.note
