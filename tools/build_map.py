"""Build ``assets/maps/indochina.json``, the exhibit's base map, from Natural Earth data.

Source: Natural Earth 1:50m Admin 0 countries (public domain), as the TopoJSON file
``countries-50m.json`` of the npm package ``world-atlas`` (ISC licence). By default the
script installs ``world-atlas@2`` into a temporary folder with npm; ``--world-atlas PATH``
uses an existing copy (the package folder or the JSON file itself).

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
# these longitudes at mid-latitude and these latitudes on the central meridian.
LON_WEST, LON_EAST = 97.0, 113.5
LAT_SOUTH, LAT_NORTH = 7.0, 24.5
# Countries whose lon/lat box misses this padded box cannot reach the frame: skip them.
PAD_DEG = 4.0

FOCUS = {"704": "Vietnam", "418": "Laos", "116": "Cambodia"}

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


def load_topology(path: Path) -> tuple[dict, str]:
    """Read countries-50m.json from a package folder or file; return it and the version."""
    version = "unknown"
    if path.is_dir():
        pkg = path / "package.json"
        if pkg.is_file():
            version = json.loads(pkg.read_text(encoding="utf-8"))["version"]
        path = path / "countries-50m.json"
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


def build(topology: dict, version: str, tolerance: float) -> dict:
    """The asset's JSON content for a decoded world-atlas topology."""
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
        "reference_points": reference_points,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--world-atlas",
        type=Path,
        help="world-atlas package folder or countries-50m.json (default: npm install it)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--tolerance", type=float, default=TOLERANCE_KM, help="km")
    args = parser.parse_args(argv)

    if args.world_atlas is not None:
        topology, version = load_topology(args.world_atlas)
        asset = build(topology, version, args.tolerance)
    else:
        with tempfile.TemporaryDirectory(prefix="world-atlas-") as tmp:
            topology, version = load_topology(fetch_world_atlas(Path(tmp)))
            asset = build(topology, version, args.tolerance)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asset, ensure_ascii=False, indent=1)
    args.out.write_text(text + "\n", encoding="utf-8")
    names = ", ".join(c["name"] for c in asset["countries"])
    print(f"wrote {args.out} ({len(text.encode()) // 1024} KB): {names}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
