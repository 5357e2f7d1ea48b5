"""The maps' data and view rules (no Qt): where places land, focus, zoom bounds, labels."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exhibit.core.assets import map_asset_data
from exhibit.core.content import load_content
from exhibit.core.maps import (
    MapData,
    Rect,
    build_exhibit_map,
    focus_rect,
    halfway,
    svg_polyline,
    whole_map_rect,
)
from exhibit.core.model import MapKind
from exhibit.core.yamlsource import Problems
from exhibit.paths import ASSETS_DIR, CONTENT_DIR

INDOCHINA_ASSET = ASSETS_DIR / "maps" / "indochina.json"


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


def _compass(frm: tuple[float, float], to: tuple[float, float]) -> float:
    """The compass bearing (0 north, 90 east) from one plan point to another (y down)."""
    return math.degrees(math.atan2(to[0] - frm[0], frm[1] - to[1])) % 360


def test_tay_trang_lies_west_south_west_beyond_hong_cum_where_the_retreat_heads(exhibit, valley):
    # West-south-west is the compass point 247.5°, from 236.25° to 258.75°.
    wsw = (236.25, 258.75)
    hong_cum, tay_trang = _at(valley, "hong-cum"), _at(valley, "tay-trang")
    assert wsw[0] <= _compass(hong_cum, tay_trang) <= wsw[1]
    arrow = exhibit.places["tay-trang"].bearing
    assert arrow is not None and wsw[0] <= arrow <= wsw[1]
    # Beyond Hồng Cúm, seen from the heart of the camp.
    centre = _at(valley, "command-post")
    assert math.dist(centre, tay_trang) > math.dist(centre, hong_cum)
    # The retreat leaves Hồng Cúm and heads the same way, ending nearer Tây Trang
    # than any other place on the plan.
    line = valley.place("hong-cum-escape").line
    assert math.dist(line[0], hong_cum) < 1.0
    assert abs(_compass(line[0], line[-1]) - _compass(hong_cum, tay_trang)) < 15
    candidates = [p for p in valley.places if p.id != "hong-cum-escape"]
    nearest = min(candidates, key=lambda p: math.dist((p.x, p.y), line[-1]))
    assert nearest.id == "tay-trang"
    # The other direction off the plan, Laos, is due west: not where Tây Trang is.
    assert _compass(hong_cum, _at(valley, "laos-border")) > wsw[1]


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


@pytest.mark.parametrize("aspect", [None, 16 / 9, 1.2, 9 / 16])
def test_a_one_town_step_still_shows_a_coast_and_a_neighbour(indochina, aspect):
    # Điện Biên Phủ alone: the view reaches Hà Nội and the Gulf of Tonkin's coast
    # (Hải Phòng), and the border with Laos, so the place can be placed.
    rect = indochina.focus(["dien-bien-phu"], aspect=aspect)
    for place_id in ("ha-noi", "hai-phong"):
        assert rect.contains_point(*_at(indochina, place_id)), place_id
    laos = indochina.frame.to_view(20.5, 102.5)  # northern Laos, west of the valley
    assert rect.contains_point(*laos)


def test_a_view_of_most_of_vietnam_holds_both_archipelagos(exhibit, indochina):
    overview = exhibit.chapter("offensive").steps[0]
    rect = indochina.focus(overview.places)
    for area_id in ("hoang-sa", "truong-sa"):
        for island in indochina.area(area_id).islands:
            assert rect.contains_point(*island), area_id
    # A step on one front zooms in without them.
    delta = indochina.focus(["bac-bo-delta", "ha-noi", "hai-phong"])
    assert not any(delta.contains_point(*i) for i in indochina.area("truong-sa").islands)


# -- the archipelagos ---------------------------------------------------------

# Where Việt Nam's archipelagos lie: Hoàng Sa about 15.7-17.1 N, 111-113 E;
# Trường Sa about 6.5-11.5 N, 111.5-117.5 E.
ARCHIPELAGO_AREAS = {
    "hoang-sa": ((15.7, 17.1), (111.0, 113.0)),
    "truong-sa": ((6.5, 11.5), (111.5, 117.5)),
}
ARCHIPELAGO_NAMES = {
    "hoang-sa": {"vi": "Quần đảo Hoàng Sa", "en": "Hoang Sa (Paracel) Islands"},
    "truong-sa": {"vi": "Quần đảo Trường Sa", "en": "Truong Sa (Spratly) Islands"},
}


@pytest.mark.parametrize("area_id", sorted(ARCHIPELAGO_AREAS))
def test_both_archipelagos_are_on_the_map_at_their_real_places(indochina, area_id):
    asset = json.loads(INDOCHINA_ASSET.read_text(encoding="utf-8"))
    archipelago = next(a for a in asset["archipelagos"] if a["id"] == area_id)
    (south, north), (west, east) = ARCHIPELAGO_AREAS[area_id]
    frame = indochina.frame
    assert len(archipelago["islands"]) >= 5
    for island in archipelago["islands"]:
        assert south <= island["lat"] <= north and west <= island["lon"] <= east, island
        # Drawn where the projection puts that latitude and longitude, inside the frame.
        x, y = frame.to_view(island["lat"], island["lon"])
        assert (island["x"], island["y"]) == pytest.approx((x, y), abs=0.01)
        assert frame.contains(island["lat"], island["lon"])
    # The map draws them (in view units, through the projection) and names them.
    drawn = indochina.area(area_id)
    assert drawn is not None and drawn.kind == "archipelago"
    assert len(drawn.islands) == len(archipelago["islands"])
    shapes = {i["id"]: i["points"] for i in indochina.shapes["islands"]}
    assert shapes[area_id] == [list(p) for p in drawn.islands]
    # Their outlines are there too, inside the map.
    assert archipelago["path"].startswith("M")
    # Hoàng Sa lies east of Huế, Trường Sa south-east of Nha Trang (the view's y grows south).
    hue = frame.to_view(16.46, 107.59)
    nha_trang = frame.to_view(12.24, 109.19)
    centre = drawn.extent.center
    if area_id == "hoang-sa":
        assert centre[0] - hue[0] > 150 and abs(centre[1] - hue[1]) < 40
    else:
        assert centre[0] > nha_trang[0] + 100 and centre[1] > nha_trang[1]


@pytest.mark.parametrize("area_id", sorted(ARCHIPELAGO_NAMES))
def test_both_archipelagos_are_named_in_both_languages(exhibit, area_id):
    label = next(a for a in exhibit.maps["indochina"].labels if a.id == area_id)
    assert label.kind == "archipelago"
    # Written with no-break spaces, so a line never splits the name.
    assert {k: v.replace("\u00a0", " ") for k, v in label.name.values.items()} == (
        ARCHIPELAGO_NAMES[area_id]
    )
    # Written among or just beside its islands (within half a degree of their area).
    (south, north), (west, east) = ARCHIPELAGO_AREAS[area_id]
    for lat, lon in label.at:
        assert south - 0.5 <= lat <= north + 0.5 and west - 0.5 <= lon <= east + 0.5


def test_the_seas_and_neighbours_are_named_in_both_languages(exhibit):
    labels = {a.id: a for a in exhibit.maps["indochina"].labels}
    expected = {
        "bien-dong": ("sea", "Biển Đông", "East Sea"),
        "vinh-bac-bo": ("gulf", "Vịnh Bắc Bộ", "Gulf of Tonkin"),
        "lao": ("country", "Lào", "Laos"),
        "campuchia": ("country", "Campuchia", "Cambodia"),
        "thai-lan": ("country", "Thái Lan", "Thailand"),
        "trung-quoc": ("country", "Trung Quốc", "China"),
    }
    for area_id, (kind, vi, en) in expected.items():
        assert labels[area_id].kind == kind
        names = {k: v.replace("\u00a0", " ") for k, v in labels[area_id].name.values.items()}
        assert names == {"vi": vi, "en": en}


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


def test_assets_are_under_the_assets_folder(exhibit):
    for map_def in exhibit.maps.values():
        assert Path(map_def.asset).resolve().is_relative_to(ASSETS_DIR.resolve())


@pytest.mark.parametrize(
    ("name", "kind", "damage", "said"),
    [
        (
            "indochina.json",
            MapKind.GEO,
            lambda a: a["archipelagos"][0].update(islands=None),
            "islands",
        ),
        (
            "indochina.json",
            MapKind.GEO,
            lambda a: a["archipelagos"][1]["islands"][0].pop("x"),
            "x and y",
        ),
        ("valley.json", MapKind.PLAN, lambda a: a["hills"][0].update(centre="middle"), "[x, y]"),
    ],
)
def test_a_damaged_archipelago_or_hill_is_refused_with_where_it_is(name, kind, damage, said):
    asset = json.loads((ASSETS_DIR / "maps" / name).read_text(encoding="utf-8"))
    damage(asset)
    problems = Problems()
    raw = json.dumps(asset, ensure_ascii=False, indent=1).encode()
    assert map_asset_data(raw, name, kind, problems) is None
    assert any(said in str(p) and str(p).startswith(f"{name}:") for p in problems.items), [
        str(p) for p in problems.items
    ]
