"""Tests for the map projection and the map assets drawn with it (no Qt needed)."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from exhibit.core.projection import (
    INDOCHINA,
    Bounds,
    LambertConformalConic,
    MapFrame,
    load_geo_frame,
    project,
    unproject,
)

REPO = Path(__file__).resolve().parents[2]
MAPS = REPO / "assets" / "maps"

HANOI = (21.0285, 105.8542)
HUE = (16.4637, 107.5909)
DIEN_BIEN_PHU = (21.3860, 103.0230)
SAIGON = (10.7769, 106.7009)

GRID = [
    (lat, lon)
    for lat in (5.0, 7.0, 11.0, 16.0, 21.0, 24.5, 30.0)
    for lon in (95, 101, 106, 113.5, 120)
]


def great_circle_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Haversine distance on the projection's sphere."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * INDOCHINA.radius_km * math.asin(math.sqrt(h))


# --- the projection ----------------------------------------------------------------------


def test_origin_projects_to_zero() -> None:
    x, y = project(16.0, 106.0)
    assert x == pytest.approx(0.0, abs=1e-9)
    assert y == pytest.approx(0.0, abs=1e-9)


@pytest.mark.parametrize(("lat", "lon"), GRID)
def test_round_trip(lat: float, lon: float) -> None:
    back = unproject(*project(lat, lon))
    assert back == pytest.approx((lat, lon), abs=1e-9)


def test_round_trip_from_plane() -> None:
    for x in (-1200.0, -300.0, 0.0, 450.0, 900.0):
        for y in (-1100.0, 0.0, 700.0, 1000.0):
            assert project(*unproject(x, y)) == pytest.approx((x, y), abs=1e-6)


def test_directions_between_known_places() -> None:
    hanoi, hue, dbp, saigon = (project(*p) for p in (HANOI, HUE, DIEN_BIEN_PHU, SAIGON))
    assert hanoi[1] > hue[1] > saigon[1], "Hà Nội north of Huế north of Sài Gòn"
    assert hanoi[0] > dbp[0], "Hà Nội east of Điện Biên Phủ"
    assert hue[0] > hanoi[0], "Huế lies east of Hà Nội's meridian"


def test_distances_close_to_great_circle() -> None:
    # Scale stays within about 1 % over Indochina: that is why the parallels are 11 and 21 N.
    for a, b in ((HANOI, HUE), (HANOI, DIEN_BIEN_PHU), (HUE, SAIGON), (HANOI, SAIGON)):
        on_map = math.dist(project(*a), project(*b))
        assert on_map == pytest.approx(great_circle_km(a, b), rel=0.01)
    assert great_circle_km(HANOI, DIEN_BIEN_PHU) == pytest.approx(300, abs=10)


@pytest.mark.parametrize("lat", [11.0, 21.0])
def test_true_scale_on_standard_parallels(lat: float) -> None:
    assert INDOCHINA.scale_factor(lat) == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize("lat", [7.0, 16.0, 24.5])
def test_scale_error_small_across_the_map(lat: float) -> None:
    assert abs(INDOCHINA.scale_factor(lat) - 1.0) < 0.01


@pytest.mark.parametrize(("lat", "lon"), [(7.5, 98.0), (16.0, 106.0), (21.39, 103.02), (24.0, 113)])
def test_conformal_local_scale_equal_in_both_directions(lat: float, lon: float) -> None:
    """A tiny step north and a tiny step east of the same ground length come out equally
    long and at right angles: the definition of a conformal map."""
    step_km = 0.01
    d_lat = math.degrees(step_km / INDOCHINA.radius_km)
    d_lon = d_lat / math.cos(math.radians(lat))
    x0, y0 = project(lat, lon)
    xn, yn = project(lat + d_lat, lon)
    xe, ye = project(lat, lon + d_lon)
    north = (xn - x0, yn - y0)
    east = (xe - x0, ye - y0)
    k_north = math.hypot(*north) / step_km
    k_east = math.hypot(*east) / step_km
    assert k_north == pytest.approx(k_east, rel=1e-6)
    assert k_north == pytest.approx(INDOCHINA.scale_factor(lat), rel=1e-6)
    cos_angle = (north[0] * east[0] + north[1] * east[1]) / (k_north * k_east * step_km**2)
    assert cos_angle == pytest.approx(0.0, abs=1e-6)


def test_meridians_converge_northwards() -> None:
    # On a conic map meridians fan out from an apex to the north.
    west_south, west_north = project(8.0, 98.0), project(24.0, 98.0)
    east_south, east_north = project(8.0, 113.0), project(24.0, 113.0)
    assert east_north[0] - west_north[0] < east_south[0] - west_south[0]


def test_southern_cone_round_trip() -> None:
    proj = LambertConformalConic(lat_1=-11.0, lat_2=-21.0, lat_0=-16.0, lon_0=130.0)
    assert proj.n < 0
    for lat, lon in ((-12.0, 125.0), (-25.0, 140.0), (-16.0, 130.0)):
        assert proj.unproject(*proj.project(lat, lon)) == pytest.approx((lat, lon), abs=1e-9)


def test_rejects_a_pole_and_bad_parameters() -> None:
    with pytest.raises(ValueError):
        project(-90.0, 106.0)
    with pytest.raises(ValueError):
        LambertConformalConic(lat_1=20.0, lat_2=-20.0)
    with pytest.raises(ValueError):
        LambertConformalConic.from_dict({"name": "mercator"})
    with pytest.raises(ValueError, match="lat_0"):
        LambertConformalConic.from_dict({"lat_1": 11, "lat_2": 21, "lon_0": 106})


def test_projection_parameters_round_trip_through_dict() -> None:
    assert LambertConformalConic.from_dict(INDOCHINA.to_dict()) == INDOCHINA


# --- the frame ---------------------------------------------------------------------------


def _frame() -> MapFrame:
    return MapFrame(INDOCHINA, Bounds(-1000.0, 1000.0, -500.0, 1500.0), view_width=1000.0)


def test_frame_unit_coordinates_put_north_at_the_top() -> None:
    frame = _frame()
    assert frame.xy_to_unit(-1000.0, 1500.0) == (0.0, 0.0)
    assert frame.xy_to_unit(1000.0, -500.0) == (1.0, 1.0)
    u_hanoi, v_hanoi = frame.to_unit(*HANOI)
    _, v_hue = frame.to_unit(*HUE)
    assert v_hanoi < v_hue
    assert 0 < u_hanoi < 1 and 0 < v_hanoi < 1


def test_frame_view_box_and_inverse() -> None:
    frame = _frame()
    assert frame.aspect == 1.0
    assert frame.view_box == (0.0, 0.0, 1000.0, 1000.0)
    x, y = frame.to_view(*DIEN_BIEN_PHU)
    assert frame.from_view(x, y) == pytest.approx(DIEN_BIEN_PHU, abs=1e-9)
    assert frame.contains(*DIEN_BIEN_PHU)
    assert not frame.contains(40.0, 106.0)


def test_empty_bounds_rejected() -> None:
    with pytest.raises(ValueError):
        Bounds(10.0, 10.0, 0.0, 5.0)


# --- the Indochina asset -----------------------------------------------------------------


@pytest.fixture(scope="module")
def indochina() -> dict:
    return json.loads((MAPS / "indochina.json").read_text(encoding="utf-8"))


def test_asset_records_this_projection(indochina: dict) -> None:
    frame = load_geo_frame(indochina)
    assert frame.projection == INDOCHINA
    assert frame.aspect == pytest.approx(indochina["aspect"], abs=1e-6)
    assert frame.view_box == pytest.approx(tuple(indochina["view_box"]), abs=1e-3)


def test_reference_points_land_where_the_asset_drew_them(indochina: dict) -> None:
    frame = load_geo_frame(indochina)
    points = indochina["reference_points"]
    assert {p["name"] for p in points} >= {"Hà Nội", "Điện Biên Phủ", "Huế", "Sài Gòn"}
    for p in points:
        assert project(p["lat"], p["lon"]) == pytest.approx((p["x_km"], p["y_km"]), abs=1e-3)
        assert frame.to_unit(p["lat"], p["lon"]) == pytest.approx((p["u"], p["v"]), abs=1e-6)
        assert frame.to_view(p["lat"], p["lon"]) == pytest.approx((p["x"], p["y"]), abs=0.01)


def test_places_fall_inside_their_country_outline(indochina: dict) -> None:
    """The drawn outlines and the projected towns agree: each town is inside its country."""
    frame = load_geo_frame(indochina)
    paths = {c["name"]: c["path"] for c in indochina["countries"]}
    for name, place in (("Vietnam", HANOI), ("Vietnam", DIEN_BIEN_PHU), ("Vietnam", HUE)):
        assert _inside_path(frame.to_view(*place), paths[name]), name
    assert _inside_path(frame.to_view(19.8856, 102.1347), paths["Laos"])
    assert _inside_path(frame.to_view(11.5564, 104.9282), paths["Cambodia"])  # Phnom Penh
    assert not _inside_path(frame.to_view(*HANOI), paths["Laos"])


def test_asset_paths_are_simple_svg_inside_the_view_box(indochina: dict) -> None:
    _, _, width, height = indochina["view_box"]
    focus = {c["name"] for c in indochina["countries"] if c["focus"]}
    assert focus == {"Vietnam", "Laos", "Cambodia"}
    for country in indochina["countries"]:
        path = country["path"]
        assert set(re.findall(r"[A-Za-z]", path)) <= {"M", "L", "Z"}
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]
        assert numbers and len(numbers) % 2 == 0
        assert all(re.fullmatch(r"-?\d+(\.\d)?", n) for n in re.findall(r"-?[\d.]+", path))
        assert all(0 <= x <= width for x in numbers[0::2])
        assert all(0 <= y <= height for y in numbers[1::2])
    assert (MAPS / "indochina.json").stat().st_size < 300_000


def test_load_geo_frame_rejects_inconsistent_assets(indochina: dict) -> None:
    with pytest.raises(ValueError, match="projection"):
        load_geo_frame({"bounds": indochina["bounds"], "view_box": indochina["view_box"]})
    bad = dict(indochina, view_box=[0, 0, 1000, 500])
    with pytest.raises(ValueError, match="view_box"):
        load_geo_frame(bad)


def _rings(path: str) -> list[list[tuple[float, float]]]:
    rings = []
    for part in path.split("M")[1:]:
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", part)]
        rings.append(list(zip(numbers[0::2], numbers[1::2], strict=True)))
    return rings


def _inside_path(point: tuple[float, float], path: str) -> bool:
    """Even-odd point-in-polygon over all rings of an SVG path."""
    x, y = point
    inside = False
    for ring in _rings(path):
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


# --- the valley plan ---------------------------------------------------------------------


def test_valley_plan_is_a_schematic_in_its_view_box() -> None:
    valley = json.loads((MAPS / "valley.json").read_text(encoding="utf-8"))
    assert valley["schematic"] is True
    assert valley["view_box"] == [0, 0, 1000, 1300]
    assert [s["id"] for s in valley["sectors"]] == ["sector-north", "sector-centre", "sector-south"]
    paths = [valley["floor"]["path"], valley["river"]["path"]]
    paths += [
        item["path"]
        for key in ("hills", "mountains", "airfields", "sectors")
        for item in valley[key]
    ]
    for path in paths:
        assert set(re.findall(r"[A-Za-z]", path)) <= {"M", "L", "C", "Q", "Z"}
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]
        assert all(-1 <= x <= 1001 for x in numbers[0::2])
        assert all(-1 <= y <= 1301 for y in numbers[1::2])
