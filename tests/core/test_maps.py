"""The maps' data and view rules (no Qt): where places land, focus, zoom bounds, labels."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exhibit.core.content import load_content
from exhibit.core.maps import (
    SIDES,
    LabelRequest,
    MapData,
    Rect,
    build_exhibit_map,
    focus_rect,
    halfway,
    label_rect,
    layout_labels,
    place_labels,
    svg_polyline,
    whole_map_rect,
)
from exhibit.core.model import Exhibit, MapKind
from exhibit.paths import ASSETS_DIR, CONTENT_DIR

INDOCHINA_ASSET = ASSETS_DIR / "maps" / "indochina.json"


@pytest.fixture(scope="module")
def exhibit() -> Exhibit:
    return load_content(CONTENT_DIR, ASSETS_DIR)


@pytest.fixture(scope="module")
def indochina(exhibit: Exhibit) -> MapData:
    return build_exhibit_map(exhibit, "indochina")


@pytest.fixture(scope="module")
def valley(exhibit: Exhibit) -> MapData:
    return build_exhibit_map(exhibit, "valley")


def _reference(name: str) -> dict:
    asset = json.loads(INDOCHINA_ASSET.read_text(encoding="utf-8"))
    return next(p for p in asset["reference_points"] if p["name"] == name)


def _at(data: MapData, place_id: str) -> tuple[float, float]:
    place = data.place(place_id)
    assert place is not None, place_id
    return place.x, place.y


# -- the data -------------------------------------------------------------


def test_every_map_asset_exists_and_loads(exhibit):
    for map_def in exhibit.maps.values():
        assert map_def.asset.is_file(), map_def.asset
        data = build_exhibit_map(exhibit, map_def.id)
        assert data.view_width > 0 and data.view_height > 0
        assert data.places, f"map {map_def.id} has no places"
    assert {m.kind for m in exhibit.maps.values()} == {MapKind.GEO, MapKind.PLAN}


def test_a_map_is_drawn_from_the_data_read_with_the_content(tmp_path):
    """Deleting or damaging an asset on disk cannot change a running exhibit's map."""
    content, assets = tmp_path / "content", tmp_path / "assets"
    shutil.copytree(CONTENT_DIR, content)
    shutil.copytree(ASSETS_DIR / "maps", assets / "maps")
    exhibit = load_content(content, assets)
    before = build_exhibit_map(exhibit, "indochina")
    (assets / "maps" / "indochina.json").write_text("garbage", encoding="utf-8")
    (assets / "maps" / "valley.json").unlink()

    assert build_exhibit_map(exhibit, "indochina") == before
    assert build_exhibit_map(exhibit, "valley").places


def test_geo_shapes_are_the_assets_countries_with_the_focus_countries(indochina):
    countries = indochina.shapes["countries"]
    assert len(countries) >= 5
    assert all(c["path"].startswith("M") for c in countries)
    assert {c["id"] for c in countries if c["focus"]} == {"704", "418", "116"}  # VN, LA, KH


def test_plan_shapes_carry_everything_the_plan_draws(valley):
    shapes = valley.shapes
    assert shapes["floor"].startswith("M") and shapes["river"].startswith("M")
    assert shapes["riverId"] == "nam-rom"
    assert {s["id"] for s in shapes["sectors"]} == {"sector-north", "sector-centre", "sector-south"}
    assert {s["id"] for s in shapes["airfields"]} == {"airfield-centre", "airfield-south"}
    assert shapes["mountains"] and shapes["hills"]


@pytest.mark.parametrize(
    ("place_id", "reference"), [("ha-noi", "Hà Nội"), ("dien-bien-phu", "Điện Biên Phủ")]
)
def test_towns_land_where_the_asset_drew_them(indochina, place_id, reference):
    point = _reference(reference)
    x, y = _at(indochina, place_id)
    # The content's coordinates are rounded to about a kilometre: well under 2 view units.
    assert math.dist((x, y), (point["x"], point["y"])) < 2.0


def test_places_keep_their_geography(indochina):
    hanoi, dbp = _at(indochina, "ha-noi"), _at(indochina, "dien-bien-phu")
    # Hà Nội lies about 300 km east of Điện Biên Phủ and a little south of it
    # (21.03 N against 21.39 N; view y grows southwards).
    assert hanoi[0] - dbp[0] > 100
    assert 0 < hanoi[1] - dbp[1] < 40
    hue = _reference("Huế")
    nam_bo = _at(indochina, "nam-bo")
    assert hanoi[1] < hue["y"] < nam_bo[1]  # Huế lies between the north and the south
    # The railway and Route 1 run through Huế, as the source's Bình–Trị–Thiên front says.
    for line_id in ("railway", "route-1"):
        line = indochina.place(line_id).line
        nearest = min(math.dist(p, (hue["x"], hue["y"])) for p in line)
        assert nearest < 8.0, line_id
    cat_bi, hai_phong = _at(indochina, "cat-bi"), _at(indochina, "hai-phong")
    gia_lam = _at(indochina, "gia-lam")
    assert math.dist(cat_bi, hai_phong) < 5 and math.dist(gia_lam, hanoi) < 5
    for place in indochina.places:
        assert 0 <= place.x <= indochina.view_width and 0 <= place.y <= indochina.view_height


def test_plan_places_sit_at_their_unit_coordinates(exhibit, valley):
    for place in valley.places:
        source = exhibit.places[place.id]
        if source.point is not None:
            assert (place.x, place.y) == pytest.approx(
                (source.point[0] * 1000.0, source.point[1] * 1300.0)
            )
    a1, command_post = _at(valley, "a1"), _at(valley, "command-post")
    assert a1[0] > command_post[0]  # A1 is east of the command post, across the river


def test_the_plan_has_what_the_fortress_story_needs(valley):
    ids = {p.id for p in valley.places}
    needed = {"nam-rom", "muong-thanh-bridge", "airfield-centre", "airfield-south", "a1", "c2"}
    needed |= {"base-506", "base-310", "base-507", "base-508", "base-509", "command-post"}
    needed |= {"sector-north", "sector-centre", "sector-south", "laos-border"}
    assert needed <= ids


def test_every_front_the_source_names_is_on_the_indochina_map(indochina):
    ids = {p.id for p in indochina.places}
    fronts = {"bac-tay-nguyen", "kon-tum", "playku", "tuy-hoa", "nam-bo", "nam-trung-bo"}
    fronts |= {"dien-ban", "binh-tri-thien", "railway", "route-1", "bac-bo-delta"}
    fronts |= {"hanoi-haiphong-road", "cat-bi", "gia-lam", "dien-bien-phu"}
    assert fronts <= ids
    for line_id in ("railway", "route-1", "hanoi-haiphong-road"):
        assert indochina.place(line_id).line_path.startswith("M")


def test_every_place_a_step_names_is_on_its_chapters_map_with_every_text(exhibit):
    for chapter in exhibit.chapters:
        data = build_exhibit_map(exhibit, chapter.map)
        for step in chapter.steps:
            for place_id in (*step.places, *step.paths, *step.states):
                assert data.place(place_id) is not None, (chapter.id, step.id, place_id)
                place = exhibit.places[place_id]
                for language in exhibit.language_codes:
                    assert place.name.values.get(language, "").strip(), (place_id, language)
                    assert place.info.values.get(language, "").strip(), (place_id, language)
                assert place.source in exhibit.sources


def test_a_line_only_place_is_anchored_halfway_along_it():
    assert halfway([(0, 0), (10, 0), (10, 10)]) == pytest.approx((10, 0))
    assert halfway([(0, 0), (4, 0)]) == pytest.approx((2, 0))
    assert svg_polyline([(0, 0), (1.26, 2)]) == "M0.0 0.0L1.3 2.0"
    assert svg_polyline([(1, 1)]) == ""


# -- focus and view ---------------------------------------------------------


def test_each_steps_focus_holds_its_places(exhibit):
    for chapter in exhibit.chapters:
        data = build_exhibit_map(exhibit, chapter.map)
        for step in chapter.steps:
            for aspect in (None, 16 / 9, 9 / 16, 1.0):
                rect = data.focus(step.places, aspect=aspect)
                for x, y in data.points_of(step.places):
                    assert rect.contains_point(x, y, tolerance=1e-6), (step.id, aspect)
                if aspect is not None:
                    assert rect.width / rect.height == pytest.approx(aspect)


def test_the_focus_of_one_town_is_not_a_close_up(indochina):
    rect = indochina.focus(["dien-bien-phu"])
    assert rect.width >= 0.24 * indochina.view_height - 1e-6
    assert indochina.bounds.contains(rect)


def test_no_places_means_the_whole_map(indochina):
    assert indochina.focus([]) == indochina.bounds
    whole = indochina.focus([], aspect=2.0)
    assert whole.contains(indochina.bounds) and whole.width / whole.height == pytest.approx(2.0)


coordinates = st.floats(min_value=0, max_value=1000, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(
    points=st.lists(st.tuples(coordinates, st.floats(0, 800)), min_size=1, max_size=6),
    aspect=st.one_of(st.none(), st.floats(0.3, 3.0)),
    padding=st.floats(0, 100),
    min_size=st.floats(1, 400),
)
def test_focus_rect_contains_its_points_and_keeps_in_the_map(points, aspect, padding, min_size):
    bounds = Rect(0, 0, 1000, 800)
    rect = focus_rect(points, bounds=bounds, padding=padding, min_size=min_size, aspect=aspect)
    for x, y in points:
        assert rect.contains_point(x, y, tolerance=1e-6)
    if aspect is None:
        assert bounds.contains(rect, tolerance=1e-6)
    else:
        assert rect.width / rect.height == pytest.approx(aspect)
        whole = whole_map_rect(bounds, aspect)
        assert rect.width <= whole.width + 1e-6
        # Along each axis the rect is inside the map, or centred on it when larger.
        for lo, size, start, span in (
            (bounds.x, bounds.width, rect.x, rect.width),
            (bounds.y, bounds.height, rect.y, rect.height),
        ):
            if span <= size:
                assert lo - 1e-6 <= start and start + span <= lo + size + 1e-6
            else:
                assert start + span / 2 == pytest.approx(lo + size / 2)


# -- labels -----------------------------------------------------------------


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


def test_a_highlighted_label_wins_over_a_plain_one():
    plain = LabelRequest("plain", 100, 100, 60, 12, priority=0)
    lit = LabelRequest("lit", 100, 100, 60, 12, priority=5, highlighted=True)
    result = place_labels([plain, lit], gap=4, bounds=Rect(0, 0, 230, 200))
    assert result["lit"] is not None
    boxes = [p.box for p in result.values() if p is not None]
    assert all(not a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_a_label_with_no_room_is_hidden():
    crowd = [LabelRequest(f"p{i}", 50, 50, 100, 20) for i in range(20)]
    result = place_labels(crowd, gap=2, bounds=Rect(0, 0, 100, 100))
    assert any(p is None for p in result.values())


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
    ),
    max_size=40,
    unique_by=lambda r: r.id,
)


@settings(max_examples=200, deadline=None)
@given(requests=label_requests, gap=st.floats(4.25, 20), bounded=st.booleans())
def test_placed_labels_never_overlap_each_other_or_markers(requests, gap, bounded):
    bounds = Rect(0, 0, 500, 500) if bounded else None
    # Markers 6 wide; a gap of 3 * sqrt(2) keeps even a diagonal label off its own.
    markers = {r.id: Rect(r.x - 3, r.y - 3, 6, 6) for r in requests}
    plain = {r.id for r in requests if not r.highlighted}
    result = place_labels(requests, gap=gap, obstacles=markers, bounds=bounds, yielding=plain)
    boxes = [(key, p.box) for key, p in result.items() if p is not None]
    for i, (_, a) in enumerate(boxes):
        for _, b in boxes[i + 1 :]:
            assert not a.intersects(b)
    by_id = {r.id: r for r in requests}
    for key, box in boxes:
        # A place whose marker a highlighted label covers has no label to point at it.
        assert not any(box_.intersects(markers[key]) for other, box_ in boxes if other != key)
        if bounds is not None:
            assert bounds.contains(box)
        for other, marker in markers.items():
            # Only a highlighted label may cover a plain place's marker; never its own.
            if other != key and not (by_id[key].highlighted and other in plain):
                assert not box.intersects(marker), (key, other)
        assert not box.intersects(markers[key])


def _widths(exhibit: Exhibit, data: MapData, language: str) -> dict[str, float]:
    # A generous 0.6 em a character: the UI measures the real text.
    return {p.id: 0.6 * len(exhibit.places[p.id].name.get(language)) for p in data.places}


@pytest.mark.parametrize("em", [4.0, 8.0, 16.0, 30.0])
def test_real_labels_never_collide_at_any_zoom(exhibit, em):
    for chapter in exhibit.chapters:
        data = build_exhibit_map(exhibit, chapter.map)
        for step in chapter.steps:
            result = layout_labels(
                data, _widths(exhibit, data, "vi"), em=em, highlighted=step.places
            )
            assert set(result) == {p.id for p in data.places}
            boxes = [p.box for p in result.values() if p is not None]
            for i, a in enumerate(boxes):
                assert data.bounds.contains(a)
                for b in boxes[i + 1 :]:
                    assert not a.intersects(b)


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
        assert viewport.contains_point(place.x, place.y)


def test_hidden_places_get_no_label(valley):
    result = layout_labels(valley, {}, em=10.0, hidden=["hong-cum-escape"])
    assert result["hong-cum-escape"] is None


def test_assets_are_under_the_assets_folder(exhibit):
    for map_def in exhibit.maps.values():
        assert Path(map_def.asset).resolve().is_relative_to(ASSETS_DIR.resolve())
