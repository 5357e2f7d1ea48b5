"""Build ``assets/maps/indochina.json``, the exhibit's base map, from Natural Earth data.

Sources, all in the npm package ``world-atlas`` (ISC licence) as TopoJSON, Natural Earth
data being in the public domain:

- the countries: Natural Earth 1:50m Admin 0 countries, ``countries-50m.json``;
- the islands of Việt Nam's two archipelagos in the Biển Đông, Quần đảo Hoàng Sa and
  Quần đảo Trường Sa, which the 1:50m data leaves out: every polygon of Natural Earth
  1:10m Admin 0 countries (``countries-10m.json``) inside each archipelago's area
  (:data:`ARCHIPELAGOS`), leaving out the coastal islands of the states around the sea
  that the area's corners reach (:data:`COASTAL_STATES`), plus the islands
  :data:`PUBLISHED_ISLANDS` lists from their published coordinates, which the 1:10m
  data leaves out. Only the shapes are taken, not Natural Earth's attribution of them.

By default the script installs ``world-atlas@2`` into a temporary folder with npm;
``--world-atlas PATH`` uses an existing copy of the package folder.

Steps, and why:

1. Decode the TopoJSON arcs (quantized, delta-encoded) to longitude/latitude.
2. Project every arc with ``exhibit.core.projection`` (Lambert Conformal Conic for
   Indochina), so the app can place towns with the very same formulas.
3. Simplify each *arc* (Douglas-Peucker, ~1.5 km) before assembling countries: arcs are
   shared by neighbouring countries, so borders stay gap-free after simplification.
4. Clip each ring to the map's rectangle in projected km (Sutherland-Hodgman), so the land
   fills the whole rectangular frame instead of a curved lon/lat trapezoid.
5. Write SVG path data (M/L/Z only, one decimal) in a view box 1000 units wide, which QML
   draws with Shape + PathSvg, and record the projection, bounds and reference points.
6. Record each archipelago's islands: their outlines (SVG path data, two decimals, as most
   are under a kilometre across) and their centres, where the map draws each island at a
   size it can be seen at (a true-size islet is a fraction of a pixel), and the area that
   holds them all.

Standard library only. Run: ``python tools/build_map.py``.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

# Run as a script from anywhere: make the repository's ``exhibit`` package importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from exhibit.core.projection import (
    INDOCHINA,
    VIEW_WIDTH,
    Bounds,
    LambertConformalConic,
    MapFrame,
)

REPO = Path(__file__).resolve().parent.parent

Point = tuple[float, float]
Ring = list[Point]

DEFAULT_OUT = REPO / "assets" / "maps" / "indochina.json"
WORLD_ATLAS_SPEC = "world-atlas@2"

# The area the map shows, in degrees. The frame is the rectangle in projected km spanning
# these longitudes at mid-latitude and these latitudes on the central meridian. It reaches
# east and south far enough to hold both archipelagos at their real places.
LON_WEST, LON_EAST = 97.0, 118.0
LAT_SOUTH, LAT_NORTH = 6.0, 24.5
# Countries whose lon/lat box misses this padded box cannot reach the frame: skip them.
PAD_DEG = 4.0

FOCUS = {"704": "Vietnam", "418": "Laos", "116": "Cambodia"}
HOME = "704"
"""Việt Nam: the country the map is about, drawn apart from its neighbours."""

# Việt Nam's archipelagos in the Biển Đông: id, name, and the area (lon west, lon east,
# lat south, lat north) in degrees that holds every island of each. Hoàng Sa lies about
# 15.7-17.1 N, 111-113 E; Trường Sa about 6.5-11.5 N, 111.5-117.5 E.
ARCHIPELAGOS = (
    ("hoang-sa", "Quần đảo Hoàng Sa", (111.0, 113.0, 15.7, 17.1)),
    ("truong-sa", "Quần đảo Trường Sa", (111.5, 117.5, 6.5, 11.5)),
)

# Natural Earth ids of the states whose own coastal islands (off Sabah and Palawan) fall
# inside the corners of the Trường Sa area: Malaysia, the Philippines, Brunei, Indonesia.
COASTAL_STATES = frozenset({"458", "608", "096", "360"})

# Islands of Trường Sa missing from Natural Earth 1:10m land, from their published
# coordinates (degrees): archipelago id, name, lat, lon.
PUBLISHED_ISLANDS = (
    ("truong-sa", "Đảo Trường Sa (Trường Sa Lớn)", 8.6453, 111.9203),
    ("truong-sa", "Đảo Song Tử Tây", 11.4297, 114.3314),
    ("truong-sa", "Đảo Sinh Tồn", 9.8850, 114.3292),
    ("truong-sa", "Đảo An Bang", 7.8919, 112.9150),
)
PUBLISHED_ISLAND_RADIUS_KM = 0.4
"""The outline given to an island placed from its coordinates: a small circle."""

TOLERANCE_KM = 1.5
# Islands smaller than this (after simplification) are under a view-box unit across.
MIN_AREA_KM2 = 4.0

# Known places recorded with their drawn position, so tests and the app can check that
# they project a place exactly where this asset draws it.
REFERENCE_POINTS = (
    ("Hà Nội", 21.0285, 105.8542),
    ("Điện Biên Phủ", 21.3860, 103.0230),
    ("Huế", 16.4637, 107.5909),
    ("Sài Gòn", 10.7769, 106.7009),
    ("Luang Prabang", 19.8856, 102.1347),
)


def map_bounds(proj: LambertConformalConic) -> Bounds:
    """The frame rectangle in km, rounded outwards to whole kilometres."""
    mid_lat = (LAT_SOUTH + LAT_NORTH) / 2.0
    x_min = proj.project(mid_lat, LON_WEST)[0]
    x_max = proj.project(mid_lat, LON_EAST)[0]
    y_min = proj.project(LAT_SOUTH, proj.lon_0)[1]
    y_max = proj.project(LAT_NORTH, proj.lon_0)[1]
    return Bounds(
        float(math.floor(x_min)),
        float(math.ceil(x_max)),
        float(math.floor(y_min)),
        float(math.ceil(y_max)),
    )


# --- source data -------------------------------------------------------------------------


def fetch_world_atlas(dest: Path) -> Path:
    """``npm install`` world-atlas into ``dest``; return the package folder."""
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm not found: install Node.js, or pass --world-atlas PATH")
    cmd = [npm, "install", "--prefix", str(dest), "--no-audit", "--no-fund", WORLD_ATLAS_SPEC]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return dest / "node_modules" / "world-atlas"


def load_topology(path: Path, name: str = "countries-50m.json") -> tuple[dict, str]:
    """Read one TopoJSON file of a world-atlas package folder; return it and the version."""
    version = "unknown"
    if path.is_dir():
        pkg = path / "package.json"
        if pkg.is_file():
            version = json.loads(pkg.read_text(encoding="utf-8"))["version"]
        path = path / name
    return json.loads(path.read_text(encoding="utf-8")), version


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Absolute (lon, lat) points of every arc: undo the delta encoding and quantization."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        qx = qy = 0
        points = []
        for dx, dy, *_ in arc:
            qx += dx
            qy += dy
            points.append((qx * sx + tx, qy * sy + ty))
        arcs.append(points)
    return arcs


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    """A geometry's polygons, each a list of rings, each a list of arc indices."""
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return geometry["arcs"]
    return []


def arc_indices(geometry: dict) -> set[int]:
    """Every arc a geometry uses (``~i`` marks an arc used backwards)."""
    return {i if i >= 0 else ~i for poly in polygons_of(geometry) for ring in poly for i in ring}


def near_map(geometry: dict, arcs: list[list[Point]]) -> bool:
    """Whether the geometry's lon/lat box meets the padded map area."""
    points = [p for i in arc_indices(geometry) for p in arcs[i]]
    if not points:
        return False
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return (
        min(lons) <= LON_EAST + PAD_DEG
        and max(lons) >= LON_WEST - PAD_DEG
        and min(lats) <= LAT_NORTH + PAD_DEG
        and max(lats) >= LAT_SOUTH - PAD_DEG
    )


# --- geometry ----------------------------------------------------------------------------


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    """Distance from ``p`` to the segment ``a``-``b``."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    if length2 == 0.0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def douglas_peucker(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Simplify an open polyline, keeping both ends (iterative, so no recursion limit)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = _segment_distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify_arc(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Simplify an arc; a closed arc (an island) is split at its far point first.

    Douglas-Peucker measures against the chord from first to last point, which is a single
    point for a closed ring, so a ring is simplified as two halves.
    """
    if len(points) > 3 and points[0] == points[-1]:
        start = points[0]
        far = max(range(len(points)), key=lambda i: math.dist(points[i], start))
        head = douglas_peucker(points[: far + 1], tolerance)
        tail = douglas_peucker(points[far:], tolerance)
        return head + tail[1:]
    return douglas_peucker(points, tolerance)


def assemble_ring(indices: Iterable[int], arcs: list[list[Point]]) -> Ring:
    """Join a ring's arcs end to end (each arc starts where the previous one ended)."""
    ring: Ring = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


def clip_ring(ring: Ring, bounds: Bounds) -> Ring:
    """Sutherland-Hodgman clip of a closed ring to the rectangle ``bounds``."""
    edges = (
        (lambda p: p[0] >= bounds.x_min, lambda a, b: _cross_x(a, b, bounds.x_min)),
        (lambda p: p[0] <= bounds.x_max, lambda a, b: _cross_x(a, b, bounds.x_max)),
        (lambda p: p[1] >= bounds.y_min, lambda a, b: _cross_y(a, b, bounds.y_min)),
        (lambda p: p[1] <= bounds.y_max, lambda a, b: _cross_y(a, b, bounds.y_max)),
    )
    output = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else list(ring)
    for inside, cross in edges:
        if not output:
            break
        source, output = output, []
        prev = source[-1]
        for cur in source:
            if inside(cur):
                if not inside(prev):
                    output.append(cross(prev, cur))
                output.append(cur)
            elif inside(prev):
                output.append(cross(prev, cur))
            prev = cur
    return output


def _cross_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + t * (b[1] - a[1])


def _cross_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), y


def ring_area(ring: Sequence[Point]) -> float:
    """Absolute area of a ring (shoelace formula)."""
    total = 0.0
    for i, (x1, y1) in enumerate(ring):
        x2, y2 = ring[(i + 1) % len(ring)]
        total += x1 * y2 - x2 * y1
    return abs(total) / 2.0


# --- output ------------------------------------------------------------------------------


def _num(value: float) -> str:
    """One decimal, without a trailing ``.0`` or a ``-0``, to keep the file small."""
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def svg_path(rings: Iterable[Ring], frame: MapFrame) -> str:
    """SVG path data (M/L/Z) of rings in km, in the frame's view-box coordinates."""
    parts = []
    height = frame.view_height
    for ring in rings:
        coords: list[str] = []
        for x, y in ring:
            u, v = frame.xy_to_unit(x, y)
            pair = f"{_num(u * frame.view_width)} {_num(v * height)}"
            if not coords or coords[-1] != pair:
                coords.append(pair)
        if len(coords) > 1 and coords[0] == coords[-1]:
            coords.pop()
        if len(coords) >= 3:
            parts.append("M" + coords[0] + "L" + " ".join(coords[1:]) + "Z")
    return "".join(parts)


def _in_area(lon: float, lat: float, area: tuple[float, float, float, float]) -> bool:
    west, east, south, north = area
    return west <= lon <= east and south <= lat <= north


def island_rings(countries: dict) -> list[list[Point]]:
    """The outer ring (lon, lat) of every polygon of a countries topology, except those
    of :data:`COASTAL_STATES`."""
    arcs = decode_arcs(countries)
    rings = []
    for geometry in countries["objects"]["countries"]["geometries"]:
        if str(geometry.get("id", "")) in COASTAL_STATES:
            continue
        for polygon in polygons_of(geometry):
            rings.append(assemble_ring(polygon[0], arcs))
    return rings


def _circle(lat: float, lon: float, radius_km: float, proj: LambertConformalConic) -> Ring:
    x, y = proj.project(lat, lon)
    return [
        (x + radius_km * math.cos(a), y + radius_km * math.sin(a))
        for a in (2 * math.pi * k / 12 for k in range(12))
    ]


def _fine_path(rings: Iterable[Ring], frame: MapFrame) -> str:
    """SVG path data (M/L/Z) of small rings in km, two decimals (islets under a km)."""
    parts = []
    for ring in rings:
        coords = []
        for x, y in ring:
            u, v = frame.xy_to_unit(x, y)
            pair = f"{u * frame.view_width:.2f} {v * frame.view_height:.2f}"
            if not coords or coords[-1] != pair:
                coords.append(pair)
        if len(coords) >= 3:
            parts.append("M" + coords[0] + "L" + " ".join(coords[1:]) + "Z")
    return "".join(parts)


def archipelagos(countries: dict, frame: MapFrame) -> list[dict]:
    """Each archipelago's islands from 1:10m countries and published coordinates, projected."""
    proj = frame.projection
    rings = island_rings(countries)
    result = []
    for arch_id, name, area in ARCHIPELAGOS:
        islands = []
        outlines: list[Ring] = []
        for ring in rings:
            lon = sum(p[0] for p in ring) / len(ring)
            lat = sum(p[1] for p in ring) / len(ring)
            if _in_area(lon, lat, area):
                islands.append((lat, lon, "Natural Earth 1:10m"))
                outlines.append([proj.project(p_lat, p_lon) for p_lon, p_lat in ring])
        for island_arch, island_name, lat, lon in PUBLISHED_ISLANDS:
            if island_arch == arch_id:
                islands.append((lat, lon, f"published coordinates: {island_name}"))
                outlines.append(_circle(lat, lon, PUBLISHED_ISLAND_RADIUS_KM, proj))
        if not islands:
            raise SystemExit(f"no island of {name} in the source")
        points = []
        for lat, lon, source in sorted(islands):
            if not frame.contains(lat, lon):
                raise SystemExit(f"an island of {name} at {lat}, {lon} is outside the frame")
            x, y = frame.to_view(lat, lon)
            points.append(
                {
                    "lat": round(lat, 4),
                    "lon": round(lon, 4),
                    "x": round(x, 2),
                    "y": round(y, 2),
                    "source": source,
                }
            )
        west, east, south, north = area
        result.append(
            {
                "id": arch_id,
                "name": name,
                "area": {"lon": [west, east], "lat": [south, north]},
                "islands": points,
                "path": _fine_path(outlines, frame),
            }
        )
    return result


def build(topology: dict, fine: dict, version: str, tolerance: float) -> dict:
    """The asset's JSON content for world-atlas's 1:50m and 1:10m countries."""
    proj = INDOCHINA
    frame = MapFrame(proj, map_bounds(proj), VIEW_WIDTH)
    arcs = decode_arcs(topology)
    geometries = [g for g in topology["objects"]["countries"]["geometries"] if near_map(g, arcs)]
    simplified: dict[int, list[Point]] = {}
    countries = []
    for geometry in geometries:
        for i in arc_indices(geometry):
            if i not in simplified:
                projected = [proj.project(lat, lon) for lon, lat in arcs[i]]
                simplified[i] = simplify_arc(projected, tolerance)
        rings = []
        for polygon in polygons_of(geometry):
            for ring_arcs in polygon:
                ring = clip_ring(assemble_ring(ring_arcs, simplified), frame.bounds)
                if len(ring) >= 3 and ring_area(ring) >= MIN_AREA_KM2:
                    rings.append(ring)
        if not rings:
            continue
        country_id = str(geometry.get("id", ""))
        countries.append(
            {
                "id": country_id,
                "name": geometry.get("properties", {}).get("name", country_id),
                "focus": country_id in FOCUS,
                "home": country_id == HOME,
                "path": svg_path(rings, frame),
            }
        )
    missing = set(FOCUS) - {c["id"] for c in countries}
    if missing:
        raise SystemExit(f"focus countries missing from the source: {sorted(missing)}")
    # Neighbours first, focus countries last, so drawing in order puts the focus on top.
    countries.sort(key=lambda c: (c["focus"], c["name"]))

    reference_points = []
    for name, lat, lon in REFERENCE_POINTS:
        x_km, y_km = proj.project(lat, lon)
        u, v = frame.xy_to_unit(x_km, y_km)
        reference_points.append(
            {
                "name": name,
                "lat": lat,
                "lon": lon,
                "x": round(u * frame.view_width, 2),
                "y": round(v * frame.view_height, 2),
                "u": round(u, 6),
                "v": round(v, 6),
                "x_km": round(x_km, 3),
                "y_km": round(y_km, 3),
            }
        )

    bounds = frame.bounds
    return {
        "kind": "geo",
        "source": {
            "data": "Natural Earth 1:50m Admin 0 countries (public domain)",
            "package": f"world-atlas {version} (npm, ISC licence), countries-50m.json",
            "islands": (
                "Natural Earth 1:10m Admin 0 countries (public domain), world-atlas "
                "countries-10m.json, and published coordinates for the islands it leaves out"
            ),
            "generated_by": "tools/build_map.py",
            "simplify_tolerance_km": tolerance,
            "area": {
                "lon": [LON_WEST, LON_EAST],
                "lat": [LAT_SOUTH, LAT_NORTH],
            },
        },
        "projection": proj.to_dict(),
        "bounds": bounds.to_dict(),
        "aspect": round(frame.aspect, 6),
        "view_box": [0, 0, frame.view_width, round(frame.view_height, 3)],
        "countries": countries,
        "archipelagos": archipelagos(fine, frame),
        "reference_points": reference_points,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--world-atlas",
        type=Path,
        help="world-atlas package folder (default: npm install it)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--tolerance", type=float, default=TOLERANCE_KM, help="km")
    args = parser.parse_args(argv)

    def from_package(folder: Path) -> dict:
        topology, version = load_topology(folder)
        fine, _ = load_topology(folder, "countries-10m.json")
        return build(topology, fine, version, args.tolerance)

    if args.world_atlas is not None:
        asset = from_package(args.world_atlas)
    else:
        with tempfile.TemporaryDirectory(prefix="world-atlas-") as tmp:
            asset = from_package(fetch_world_atlas(Path(tmp)))

    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asset, ensure_ascii=False, indent=1)
    args.out.write_text(text + "\n", encoding="utf-8")
    names = ", ".join(c["name"] for c in asset["countries"])
    print(f"wrote {args.out} ({len(text.encode()) // 1024} KB): {names}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
