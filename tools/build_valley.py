"""Build ``assets/maps/valley.json``, the schematic plan of the Điện Biên Phủ valley.

This is not a survey: it is a plan drawn for the exhibit, not to scale, north up, so that
strongholds, the airfields and the river can be shown in a clear layout. Shapes are given
here as a few control points in unit coordinates (x and y from 0 to 1, y down) and turned
into smooth SVG curves, which is easier to adjust than hand-written Bézier path data.

The view box is 1000 x 1300; a content place at ``(x, y)`` in 0..1 sits at
``(x * 1000, y * 1300)``. The asset carries no text: names come from the content files.

Run: ``python tools/build_valley.py``.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "assets" / "maps" / "valley.json"

WIDTH, HEIGHT = 1000.0, 1300.0

Point = tuple[float, float]

# fmt: off
# Valley floor: the flat ground along the Nậm Rốm, elongated north-south.
FLOOR = [
    (0.27, 0.00), (0.54, 0.00), (0.66, 0.09), (0.74, 0.24), (0.81, 0.42), (0.79, 0.60),
    (0.74, 0.76), (0.80, 0.90), (0.74, 1.00), (0.34, 1.00), (0.24, 0.88), (0.20, 0.70),
    (0.18, 0.50), (0.19, 0.32), (0.20, 0.15),
]

# The river, through the points agreed for the plan (north to south).
RIVER = [
    (0.40, 0.00), (0.45, 0.15), (0.50, 0.30), (0.52, 0.44), (0.53, 0.60), (0.51, 0.75),
    (0.52, 0.90), (0.55, 1.00),
]

# Inner edges of the mountain ranges that close the valley on the west and east.
MOUNTAINS_WEST = [
    (0.19, 0.00), (0.12, 0.10), (0.15, 0.22), (0.09, 0.36), (0.11, 0.50), (0.07, 0.63),
    (0.12, 0.77), (0.10, 0.90), (0.16, 1.00),
]
MOUNTAINS_EAST = [
    (0.80, 0.00), (0.86, 0.12), (0.83, 0.26), (0.91, 0.40), (0.88, 0.55), (0.93, 0.68),
    (0.87, 0.82), (0.90, 1.00),
]

# The hills east of the river (A1, C1, C2, D and E groups): (centre, radii, id).
HILLS = [
    ((0.660, 0.375), (0.040, 0.026), "hill-d"),
    ((0.635, 0.425), (0.030, 0.020), "hill-c1"),
    ((0.620, 0.480), (0.034, 0.024), "hill-a1"),
    ((0.675, 0.510), (0.030, 0.022), "hill-c2"),
    ((0.720, 0.580), (0.030, 0.024), "hill-e"),
]

# Runways: thin north-south rectangles (x_min, x_max, y_min, y_max).
AIRFIELDS = [
    ("airfield-centre", (0.405, 0.435, 0.30, 0.56)),
    ("airfield-south", (0.425, 0.455, 0.82, 0.95)),
]

# Soft outlines of the three sectors of the fortified camp, with their centres.
SECTORS = [
    (
        "sector-north",
        (0.42, 0.12),
        [
            (0.42, 0.01), (0.52, 0.02), (0.55, 0.08), (0.50, 0.16), (0.41, 0.215),
            (0.29, 0.225), (0.23, 0.18), (0.26, 0.10), (0.33, 0.04),
        ],
    ),
    (
        "sector-centre",
        (0.32, 0.40),
        [
            (0.50, 0.265), (0.66, 0.29), (0.745, 0.39), (0.76, 0.52), (0.72, 0.63),
            (0.58, 0.675), (0.42, 0.675), (0.295, 0.62), (0.265, 0.47), (0.30, 0.33),
            (0.38, 0.28),
        ],
    ),
    (
        "sector-south",
        (0.565, 0.815),
        [
            (0.50, 0.77), (0.60, 0.79), (0.645, 0.86), (0.61, 0.94), (0.50, 0.97),
            (0.39, 0.955), (0.36, 0.87), (0.40, 0.79),
        ],
    ),
]


# fmt: on


def _xy(p: Point) -> Point:
    """Unit coordinates to view-box coordinates, kept inside the view box."""
    return min(max(p[0], 0.0), 1.0) * WIDTH, min(max(p[1], 0.0), 1.0) * HEIGHT


def _fmt(p: Point) -> str:
    def num(v: float) -> str:
        return f"{v:.1f}".removesuffix(".0")

    return f"{num(p[0])} {num(p[1])}"


def _clamp_view(p: Point) -> Point:
    return min(max(p[0], 0.0), WIDTH), min(max(p[1], 0.0), HEIGHT)


def smooth(points: Sequence[Point], closed: bool) -> str:
    """A Catmull-Rom curve through ``points`` (unit coords) as SVG cubic Béziers.

    Control points are clamped to the view box; a Bézier stays inside the hull of its
    control points, so the curve never leaves the plan.
    """
    pts = [_xy(p) for p in points]
    n = len(pts)
    segments = n if closed else n - 1
    out = ["M" + _fmt(pts[0])]
    for i in range(segments):
        p0 = pts[(i - 1) % n] if closed or i > 0 else pts[0]
        p1, p2 = pts[i], pts[(i + 1) % n]
        p3 = pts[(i + 2) % n] if closed or i + 2 < n else pts[-1]
        c1 = _clamp_view((p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6))
        c2 = _clamp_view((p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6))
        out.append(f"C{_fmt(c1)} {_fmt(c2)} {_fmt(p2)}")
    return "".join(out) + ("Z" if closed else "")


def band(edge: Sequence[Point], side: str) -> str:
    """A mountain range: the view box edge on ``side`` plus a smooth inner edge."""
    inner = smooth(edge, closed=False)
    x = 0.0 if side == "west" else WIDTH
    return f"{inner}L{_fmt((x, HEIGHT))}L{_fmt((x, 0.0))}Z"


def blob(centre: Point, radii: Point, wobble: float = 0.12, count: int = 8) -> str:
    """A soft, slightly irregular closed shape, for a hill."""
    points = []
    for k in range(count):
        angle = 2 * math.pi * k / count
        r = 1.0 + wobble * math.sin(3 * angle + centre[0] * 10)
        points.append(
            (centre[0] + radii[0] * r * math.cos(angle), centre[1] + radii[1] * r * math.sin(angle))
        )
    return smooth(points, closed=True)


def rectangle(box: tuple[float, float, float, float]) -> str:
    x0, x1, y0, y1 = box
    corners = [_xy((x0, y0)), _xy((x1, y0)), _xy((x1, y1)), _xy((x0, y1))]
    return "M" + _fmt(corners[0]) + "".join("L" + _fmt(c) for c in corners[1:]) + "Z"


def build() -> dict:
    return {
        "kind": "plan",
        "schematic": True,
        "generated_by": "tools/build_valley.py",
        "view_box": [0, 0, int(WIDTH), int(HEIGHT)],
        "floor": {"id": "valley-floor", "path": smooth(FLOOR, closed=True)},
        "mountains": [
            {"id": "mountains-west", "path": band(MOUNTAINS_WEST, "west")},
            {"id": "mountains-east", "path": band(MOUNTAINS_EAST, "east")},
        ],
        "hills": [{"id": hid, "centre": list(c), "path": blob(c, r)} for c, r, hid in HILLS],
        "river": {"id": "nam-rom", "path": smooth(RIVER, closed=False)},
        "airfields": [{"id": aid, "path": rectangle(box)} for aid, box in AIRFIELDS],
        "sectors": [
            {"id": sid, "centre": list(centre), "path": smooth(points, closed=True)}
            for sid, centre, points in SECTORS
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(build(), ensure_ascii=False, indent=1)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode())} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
