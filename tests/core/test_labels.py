"""Where the maps write their names (no Qt): never over another name or a marker it
does not name, with a leader line or a short form when there is no room beside."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exhibit.core.labels import (
    CENTRE,
    SIDES,
    LabelRequest,
    Placement,
    boxes_overlap,
    label_rect,
    layout_labels,
    place_labels,
    segment_hits_rect,
    segments_cross,
)
from exhibit.core.maps import MapData, Rect, build_exhibit_map
from exhibit.core.model import Exhibit

# -- the rule ---------------------------------------------------------------------


def test_label_boxes_sit_on_their_side_of_the_point():
    for side in SIDES:
        box = label_rect(100, 100, 40, 10, side, gap=5)
        cx, cy = box.center
        if "right" in side:
            assert box.x > 100
        if "left" in side:
            assert box.right < 100
        if side.startswith("above"):
            assert box.bottom < 100
        if side.startswith("below"):
            assert box.y > 100
        assert not box.contains_point(100, 100)
        assert math.dist((cx, cy), (100, 100)) < 40
    assert label_rect(100, 100, 40, 10, CENTRE, gap=5).center == pytest.approx((100, 100))


def test_a_label_goes_around_an_area_when_given_one():
    area = Rect(50, 50, 40, 20)
    for side in SIDES:
        box = label_rect(70, 60, 30, 10, side, gap=4, around=area)
        assert not box.intersects(area), side


def test_segment_geometry():
    box = Rect(10, 10, 10, 10)
    assert segment_hits_rect(((0, 15), (30, 15)), box)
    assert not segment_hits_rect(((0, 0), (30, 0)), box)
    assert not segment_hits_rect(((0, 10), (30, 10)), box)  # along an edge: not inside
    assert segments_cross(((0, 0), (10, 10)), ((0, 10), (10, 0)))
    assert not segments_cross(((0, 0), (10, 0)), ((0, 1), (10, 1)))


def test_a_highlighted_label_wins_over_a_plain_one():
    plain = LabelRequest("plain", 100, 100, 60, 12, priority=0)
    lit = LabelRequest("lit", 100, 100, 60, 12, priority=5, highlighted=True)
    result = place_labels([plain, lit], gap=4, bounds=Rect(0, 0, 230, 200))
    assert result["lit"] is not None
    assert not boxes_overlap(result)


def test_a_plain_label_with_no_room_is_hidden():
    crowd = [LabelRequest(f"p{i}", 50, 50, 100, 20) for i in range(20)]
    result = place_labels(crowd, gap=2, bounds=Rect(0, 0, 100, 100))
    assert any(p is None for p in result.values())


def test_a_label_takes_its_short_form_before_it_is_hidden():
    # Markers left and right, and a narrow map, leave room for a short label only.
    markers = {"a": Rect(97, 97, 6, 6), "b": Rect(76, 97, 6, 6), "c": Rect(118, 97, 6, 6)}
    request = LabelRequest("a", 100, 100, 70, 10, short_width=20)
    result = place_labels([request], gap=5, obstacles=markers, bounds=Rect(75, 80, 50, 40))
    assert result["a"] is not None and result["a"].short
    assert result["a"].box.width == 20


def test_a_key_label_with_no_room_beside_goes_out_with_a_leader():
    # Markers on every spot beside the place (a 30 x 8 label, 6 from it), and on
    # the way out to the right, left, above and below: the label goes out
    # diagonally, between them, with a leader line.
    d = 6 * math.sqrt(0.5)
    spots = [(121, 100), (79, 100), (100, 90), (100, 110)]
    spots += [(100 + d + 15, 100 - d - 4), (100 + d + 15, 100 + d + 4)]
    spots += [(100 - d - 15, 100 - d - 4), (100 - d - 15, 100 + d + 4)]
    markers = {f"m{i}": Rect(x - 3, y - 3, 6, 6) for i, (x, y) in enumerate(spots)}
    plain = LabelRequest("plain", 100, 100, 30, 8)
    key = LabelRequest("key", 100, 100, 30, 8, must=True)
    result = place_labels([plain, key], gap=6, obstacles=markers, bounds=Rect(0, 0, 300, 300))
    placement = result["key"]
    assert placement is not None and placement.leader is not None
    start, end = placement.leader
    assert start == (100, 100)
    assert placement.box.contains_point(*end)
    for name, marker in markers.items():
        assert not placement.box.intersects(marker), name
        assert not segment_hits_rect(placement.leader, marker), name
    assert result["plain"] is None  # a plain label does not go out on a leader


def test_an_area_name_is_written_across_its_first_free_spot():
    blocker = {"town": Rect(95, 95, 10, 10)}
    sea = LabelRequest("sea", 100, 100, 60, 12, centred=((100, 100), (200, 200)), beside=False)
    result = place_labels([sea], gap=4, obstacles=blocker, bounds=Rect(0, 0, 400, 400))
    assert result["sea"] == Placement(CENTRE, Rect(170, 194, 60, 12))


label_requests = st.lists(
    st.builds(
        LabelRequest,
        id=st.uuids().map(str),
        x=st.floats(0, 500),
        y=st.floats(0, 500),
        width=st.floats(5, 150),
        height=st.floats(5, 40),
        priority=st.integers(0, 3),
        highlighted=st.booleans(),
        must=st.booleans(),
        short_width=st.one_of(st.none(), st.floats(5, 40)),
    ),
    max_size=40,
    unique_by=lambda r: r.id,
)


@settings(max_examples=150, deadline=None)
@given(requests=label_requests, gap=st.floats(4.25, 20), bounded=st.booleans())
def test_labels_never_overlap_each_other_markers_or_leaders(requests, gap, bounded):
    bounds = Rect(0, 0, 500, 500) if bounded else None
    # Markers 6 wide; a gap of 3 * sqrt(2) keeps even a diagonal label off its own.
    markers = {r.id: Rect(r.x - 3, r.y - 3, 6, 6) for r in requests}
    result = place_labels(requests, gap=gap, obstacles=markers, bounds=bounds)
    assert not boxes_overlap(result)
    leaders = [(key, p.leader) for key, p in result.items() if p is not None and p.leader]
    for key, placement in result.items():
        if placement is None:
            continue
        if bounds is not None:
            assert bounds.contains(placement.box)
        for other, marker in markers.items():
            # No label covers a marker, its own or another's.
            assert not placement.box.intersects(marker), (key, other)
        for other, leader in leaders:
            if other != key:
                assert not segment_hits_rect(leader, placement.box), (key, other)
    for i, (key, leader) in enumerate(leaders):
        for _, other in leaders[i + 1 :]:
            assert not segments_cross(leader, other)
        for other, marker in markers.items():
            if other != key and not marker.contains_point(*leader[0]):
                assert not segment_hits_rect(leader, marker), (key, other)


# -- the real maps ----------------------------------------------------------------


def _widths(exhibit: Exhibit, data: MapData, language: str) -> dict[str, float]:
    # A generous 0.6 em a character: the UI measures the real text.
    widths = {p.id: 0.6 * len(exhibit.places[p.id].name.get(language)) for p in data.places}
    for label in exhibit.maps[data.id].labels:
        widths[label.id] = 0.6 * len(label.name.get(language))
    return widths


def _short(exhibit: Exhibit, data: MapData, language: str) -> dict[str, float]:
    places = (exhibit.places[p.id] for p in data.places)
    return {p.id: 0.6 * len(p.short_name.get(language)) for p in places if p.short_name}


@pytest.mark.parametrize("em", [4.0, 8.0, 16.0, 30.0])
def test_real_labels_never_collide_at_any_zoom(exhibit, em):
    for chapter in exhibit.chapters:
        data = build_exhibit_map(exhibit, chapter.map)
        for step in chapter.steps:
            result = layout_labels(
                data,
                _widths(exhibit, data, "vi"),
                em=em,
                highlighted=step.places,
                short_widths=_short(exhibit, data, "vi"),
            )
            assert set(result) == {p.id for p in data.places} | {a.id for a in data.areas}
            assert not boxes_overlap(result), (chapter.id, step.id)
            for placement in result.values():
                if placement is not None:
                    assert data.bounds.contains(placement.box)


# Stages of the chapter maps (landscape, portrait) and of the final day's plan,
# at a 1080-pixel short side: the font and the stage shrink alike at 720. The
# chapter maps write labels at Theme.labelSize, the day's smaller plan at
# Theme.smallSize.
PORTS = {
    "offensive": [(1065, 878), (998, 800)],
    "fortress": [(1065, 878), (998, 800)],
    "final-day": [(490, 740), (980, 760)],
}
FONT_PIXELS = {"offensive": 24.0, "fortress": 24.0, "final-day": 20.0}


def _widened(rect: Rect, aspect: float) -> Rect:
    """``rect`` grown about its centre to a screen's shape (the least a view of it shows)."""
    width, height = max(rect.width, rect.height * aspect), max(rect.height, rect.width / aspect)
    cx, cy = rect.center
    return Rect(cx - width / 2, cy - height / 2, width, height)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_highlighted_and_key_places_are_labelled_in_every_steps_view(exhibit, language):
    for chapter in exhibit.chapters:
        font_pixels = FONT_PIXELS[chapter.id]
        data = build_exhibit_map(exhibit, chapter.map)
        for port in PORTS[chapter.id]:
            for step in chapter.steps:
                # The final day's plan never zooms: the whole plan, fitted.
                focus = data.bounds if chapter.told_on_clock else data.focus(step.places)
                shown = _widened(focus, port[0] / port[1])
                scale = port[0] / shown.width
                result = layout_labels(
                    data,
                    _widths(exhibit, data, language),
                    em=font_pixels / scale,
                    highlighted=step.places,
                    viewport=shown,
                    short_widths=_short(exhibit, data, language),
                )
                on_screen = [
                    k
                    for k in data.always_labelled
                    if shown.contains_point(data.place(k).x, data.place(k).y)
                ]
                named = [*step.places, *on_screen]
                missing = [p for p in named if result[p] is None]
                assert not missing, (chapter.id, port, step.id, missing)
                assert not boxes_overlap(result)


def test_labels_stay_in_the_viewport_and_off_reserved_rects(indochina):
    widths = {p.id: 6.0 for p in indochina.places}
    viewport = Rect(400, 100, 300, 250)
    button = Rect(600, 100, 100, 40)
    result = layout_labels(indochina, widths, em=6.0, viewport=viewport, reserved=[button])
    placed = {k: p for k, p in result.items() if p is not None}
    assert placed, "some places of the delta are in the viewport"
    for key, placement in placed.items():
        assert viewport.contains(placement.box)
        assert not placement.box.intersects(button)
        place = indochina.place(key)
        if place is not None:
            assert viewport.contains_point(place.x, place.y)


def test_no_label_covers_a_line_drawn_over_the_map_but_a_key_place_is_still_named(valley):
    widths = {p.id: 5.0 for p in valley.places}
    a1 = valley.place("a1")
    # A line drawn over the plan right across Hill A1, from west to east.
    line = ((a1.x - 300, a1.y), (a1.x + 300, a1.y))
    free = layout_labels(valley, widths, em=18.0)
    assert free["a1"] is not None and free["a1"].box.contains_point(
        free["a1"].box.center[0], a1.y
    ), "beside A1 on the line's height, without the line"
    crossed = layout_labels(valley, widths, em=18.0, lines=[line])
    rl = 0.3 * 18.0
    for key, placement in crossed.items():
        if placement is None:
            continue
        band = Rect(line[0][0], a1.y - rl, 600, 2 * rl)
        assert not placement.box.intersects(band), key
    assert crossed["a1"] is not None  # a key place: named above or below it instead
    # Boxed in by lines on every side, a key place is still named (over a line).
    ring = [
        ((a1.x - 60, a1.y - 60), (a1.x + 60, a1.y - 60)),
        ((a1.x + 60, a1.y - 60), (a1.x + 60, a1.y + 60)),
        ((a1.x + 60, a1.y + 60), (a1.x - 60, a1.y + 60)),
        ((a1.x - 60, a1.y + 60), (a1.x - 60, a1.y - 60)),
    ]
    walled = layout_labels(valley, widths, em=18.0, lines=ring)
    assert walled["a1"] is not None


def test_hidden_places_get_no_label(valley):
    result = layout_labels(valley, {}, em=10.0, hidden=["hong-cum-escape"])
    assert result["hong-cum-escape"] is None


def test_an_archipelago_is_named_only_where_its_islands_are_seen(indochina):
    whole = layout_labels(indochina, {}, em=8.0, viewport=indochina.bounds)
    for area_id in ("hoang-sa", "truong-sa"):
        placement = whole[area_id]
        assert placement is not None, area_id
        # Near its islands: the box touches their area, or a leader reaches it.
        extent = indochina.area(area_id).extent
        gap = math.dist(placement.box.center, extent.center)
        assert gap < extent.width + placement.box.width, area_id
        for island in indochina.area(area_id).islands:
            assert not placement.box.contains_point(*island), area_id
    north = Rect(0, 0, indochina.view_width, 300)  # the north only: no island in view
    result = layout_labels(indochina, {}, em=8.0, viewport=north)
    assert result["hoang-sa"] is None and result["truong-sa"] is None


def test_area_names_sit_on_their_spots_and_give_way(indochina):
    result = layout_labels(indochina, {}, em=8.0)
    sea = result["bien-dong"]
    assert sea is not None and sea.side == CENTRE
    spots = indochina.area("bien-dong").points
    assert any(sea.box.center == pytest.approx(spot) for spot in spots)
