"""Check the files the exhibit draws with: map assets and fonts.

A map asset that is not what it claims draws an empty map, and a broken
font draws no Vietnamese, so both are checked when the content is loaded
(and by ``--check``), with the file, line and field of each problem:

- a map asset (JSON) is read with the bounded reader of
  :mod:`exhibit.core.yamlsource` under JSON's rules, then checked for what the
  drawing needs: its ``view_box``; for a geographic map a ``projection`` and
  ``bounds`` that rebuild its frame; for a plan its ``floor`` and ``river``;
  and every ``path``, wherever it is in the file, must be SVG path data whose
  points lie in the view box; a geographic map's archipelagos must give
  their islands' points, a plan's hills their centres as [x, y] from 0 to 1.
  Other fields are allowed, so a map can gain features without this module
  knowing them;
- a font file must be an OpenType/TrueType file whose tables lie inside it.

Nothing here needs Qt.
"""

from __future__ import annotations

import json
import math
import re
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from exhibit.core.model import MapKind
from exhibit.core.projection import Bounds, LambertConformalConic, load_geo_frame
from exhibit.core.yamlsource import (
    Problems,
    YNode,
    decode_text,
    json_scalar,
    parse_yaml,
    read_file,
)

MAX_MAP_BYTES = 2_000_000
"""A map asset's size limit (the shipped ones are 21 KB and 5 KB)."""

MAX_VIEW_SIZE = 1_000_000.0
PATH_MARGIN = 0.05
"""How far (a fraction of the view box) a path's points may stray outside it."""

# The shapes each kind of map draws, as (field, is a list of shapes).
_GEO_SHAPES = (("countries", True),)
_PLAN_SHAPES = (
    ("floor", False),
    ("river", False),
    ("mountains", True),
    ("hills", True),
    ("airfields", True),
    ("sectors", True),
)
_REQUIRED = {
    MapKind.GEO: ("projection", "bounds", "view_box", "countries"),
    MapKind.PLAN: ("view_box", "floor", "river"),
}


def map_asset_data(raw: bytes, display: str, kind: MapKind, problems: Problems) -> Any | None:
    """The parsed JSON of a map asset's bytes if a map of ``kind`` can draw it.

    Problems are recorded as ``display:line: field: what``. The result is
    plain JSON data (dicts, lists, text, numbers), read once: the running
    exhibit draws from it and never reads the file again.
    """
    # Counted from the start: a value the reader refused (a number too long)
    # is a problem of the file too, and the file is then not drawn.
    before = len(problems.items)
    text = decode_text(raw, display, problems)
    if text is None:
        return None
    root = parse_yaml(text, display, problems, scalar=json_scalar)
    if root is None or not _is_strict_json(text, display, problems):
        return None
    check_map(root, kind, problems)
    return root.plain() if len(problems.items) == before else None


def _is_strict_json(text: str, display: str, problems: Problems) -> bool:
    """Whether ``text`` is JSON itself, not only YAML that reads the same (comments ...)."""

    def no_constant(name: str) -> Any:
        raise ValueError(f"{name} is not a number JSON allows")

    try:
        json.loads(text, parse_constant=no_constant)
    except json.JSONDecodeError as error:
        problems.add(display, error.lineno, "", f"is not valid JSON: {error.msg}")
        return False
    except (ValueError, RecursionError) as error:
        problems.add(display, 1, "", f"is not valid JSON: {error}")
        return False
    return True


def check_map(root: YNode, kind: MapKind, problems: Problems) -> None:
    """Record every way ``root`` (a parsed map asset) falls short of a map of ``kind``."""
    if not root.is_mapping:
        problems.at(root, f"should be a JSON object describing a {kind.value} map")
        return
    fields = root.value
    for key in _REQUIRED[kind]:
        if key not in fields:
            problems.at(root, f"is missing '{key}', which a {kind.value} map needs")
    declared = fields.get("kind")
    if declared is not None and declared.value != kind.value:
        problems.at(
            declared, f"says {declared.value!r}, but the content uses it as a '{kind.value}' map"
        )
    view = _view_box(fields.get("view_box"), problems)
    if kind is MapKind.GEO:
        _check_frame(root, problems)
    for name, is_list in _GEO_SHAPES if kind is MapKind.GEO else _PLAN_SHAPES:
        node = fields.get(name)
        if node is None:
            continue
        shapes = node.value if is_list and node.is_sequence else [node]
        if is_list and not node.is_sequence:
            problems.at(node, "should be a list of shapes, each with an id and a path")
            continue
        for shape in shapes:
            _check_shape(shape, problems)
    if kind is MapKind.GEO:
        _check_archipelagos(fields.get("archipelagos"), problems)
    else:
        _check_hill_centres(fields.get("hills"), problems)
    if view is not None:
        for node in _paths(root):
            check_svg_path(node, view, problems)


def _check_archipelagos(node: YNode | None, problems: Problems) -> None:
    """Việt Nam's archipelagos, if the map has them: each an id and islands at x, y."""
    if node is None:
        return
    if not node.is_sequence:
        problems.at(node, "should be a list of archipelagos, each with an id and its islands")
        return
    for archipelago in node.value:
        fields = archipelago.value if archipelago.is_mapping else {}
        ident = fields.get("id")
        if ident is None or not isinstance(ident.value, str):
            problems.at(ident or archipelago, "needs an id (text)")
        islands = fields.get("islands")
        if islands is None or not islands.is_sequence:
            problems.at(islands or archipelago, "needs its islands: a list of points with x and y")
            continue
        for island in islands.value:
            point = island.value if island.is_mapping else {}
            if not all(k in point and _is_number(point[k].value) for k in ("x", "y")):
                problems.at(island, "should be a point with numbers x and y")


def _check_hill_centres(node: YNode | None, problems: Problems) -> None:
    """A hill's centre, where its contours shrink to: [x, y] from 0 to 1."""
    if node is None or not node.is_sequence:
        return
    for hill in node.value:
        centre = hill.value.get("centre") if hill.is_mapping else None
        if centre is None:
            continue
        numbers = [item.value for item in centre.value] if centre.is_sequence else []
        if len(numbers) != 2 or not all(_is_number(n) and 0 <= n <= 1 for n in numbers):
            problems.at(centre, "should be [x, y], each from 0 to 1")


def _view_box(node: YNode | None, problems: Problems) -> tuple[float, float] | None:
    if node is None:
        return None
    numbers = [item.value for item in node.value] if node.is_sequence else []
    if len(numbers) != 4 or not all(_is_number(n) for n in numbers):
        problems.at(node, "should be [0, 0, width, height]")
        return None
    x, y, width, height = (float(n) for n in numbers)
    if x != 0 or y != 0 or not (0 < width <= MAX_VIEW_SIZE and 0 < height <= MAX_VIEW_SIZE):
        problems.at(node, f"should be [0, 0, width, height] with sizes up to {MAX_VIEW_SIZE:g}")
        return None
    return width, height


def _check_frame(root: YNode, problems: Problems) -> None:
    """The projection and bounds must rebuild the frame the paths were drawn in."""
    fields = root.value
    checked = True
    for key, build in (
        ("projection", LambertConformalConic.from_dict),
        ("bounds", Bounds.from_dict),
    ):
        node = fields.get(key)
        if node is None:
            checked = False
            continue
        if not node.is_mapping:
            problems.at(node, "should be a JSON object")
            checked = False
            continue
        try:
            build(node.plain())
        except (ValueError, TypeError) as error:
            problems.at(node, str(error))
            checked = False
    if checked and "view_box" in fields:
        try:
            load_geo_frame(root.plain())
        except (ValueError, TypeError) as error:
            problems.at(fields["view_box"], str(error))


def _check_shape(shape: YNode, problems: Problems) -> None:
    if not shape.is_mapping:
        problems.at(shape, "should be a shape: an object with an id and a path")
        return
    ident = shape.value.get("id")
    if ident is None or not isinstance(ident.value, str | int) or isinstance(ident.value, bool):
        problems.at(ident or shape, "needs an id (text or a whole number)")
    if "path" not in shape.value:
        problems.at(shape, "needs a path")


def _paths(node: YNode) -> Iterator[YNode]:
    """Every value of a field named ``path``, anywhere in the asset."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.is_mapping:
            for key, child in current.items():
                if key == "path":
                    yield child
                else:
                    stack.append(child)
        elif current.is_sequence:
            stack.extend(current.value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


# -- SVG path data -------------------------------------------------------------

_COMMAND = re.compile(r"([MmZzLlHhVvCcSsQqTtAa])")
_NUMBER = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_SEPARATORS = " \t\n\r\f,"
_ARITY = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7, "z": 0}


def svg_path_extent(data: str) -> tuple[float, float, float, float]:
    """``(min x, min y, max x, max y)`` of the absolute points of SVG path data.

    End and control points count (a curve stays inside its control points).
    Raises ValueError saying what is wrong: text that is neither a command
    nor a number, a command with the wrong count of numbers, no initial
    moveto. Arc flags must be separated from the numbers around them.
    """
    parts = _COMMAND.split(data)
    if parts[0].strip(_SEPARATORS):
        raise ValueError("starts with a number, not a command")
    if len(parts) < 3:
        raise ValueError("is empty" if not data.strip() else "has no command")
    if parts[1] not in "Mm":
        raise ValueError(f"starts with '{parts[1]}', not a moveto (M)")
    xs: list[float] = []
    ys: list[float] = []
    x = y = start_x = start_y = 0.0
    for command, arguments in zip(parts[1::2], parts[2::2], strict=True):
        texts = _NUMBER.findall(arguments)
        if _NUMBER.sub("", arguments).strip(_SEPARATORS):
            stray = _NUMBER.sub(" ", arguments).strip(_SEPARATORS).split()[0]
            raise ValueError(f"has {stray[:10]!r} where a command or a number belongs")
        kind = command.lower()
        arity = _ARITY[kind]
        if arity == 0 and texts:
            raise ValueError(f"has numbers after '{command}', which takes none")
        if arity and (not texts or len(texts) % arity):
            raise ValueError(f"has {len(texts)} numbers after '{command}' (groups of {arity})")
        numbers = [float(text) for text in texts]
        first = len(xs)
        if kind == "z":
            x, y = start_x, start_y
        elif command in "MLCSQT":  # absolute points only: read them all at once
            xs.extend(numbers[0::2])
            ys.extend(numbers[1::2])
            x, y = numbers[-2], numbers[-1]
        else:
            x, y = _follow(kind, command.islower(), numbers, arity, x, y, xs, ys)
        if kind == "m":  # where a Z goes back to
            start_x, start_y = xs[first], ys[first]
    return min(xs), min(ys), max(xs), max(ys)


def _follow(
    kind: str,
    relative: bool,
    numbers: list[float],
    arity: int,
    x: float,
    y: float,
    xs: list[float],
    ys: list[float],
) -> tuple[float, float]:
    """The points of a relative command, or of H, V or A, one group at a time."""
    for index in range(0, len(numbers), arity):
        group = numbers[index : index + arity]
        base_x, base_y = (x, y) if relative else (0.0, 0.0)
        if kind == "h":
            x = base_x + group[0]
        elif kind == "v":
            y = base_y + group[0]
        elif kind == "a":
            x, y = base_x + group[5], base_y + group[6]
        else:
            xs.extend(base_x + px for px in group[0::2])
            ys.extend(base_y + py for py in group[1::2])
            x, y = base_x + group[-2], base_y + group[-1]
        if kind in "hva":
            xs.append(x)
            ys.append(y)
    return x, y


def check_svg_path(node: YNode, view: tuple[float, float], problems: Problems) -> None:
    """``node`` must hold path data whose points lie in the view box (give or take a margin)."""
    if not isinstance(node.value, str):
        problems.at(node, "should be SVG path data (text)")
        return
    try:
        low_x, low_y, high_x, high_y = svg_path_extent(node.value)
    except ValueError as error:
        problems.at(node, f"is not SVG path data: it {error}")
        return
    width, height = view
    inside = (
        low_x >= -PATH_MARGIN * width
        and low_y >= -PATH_MARGIN * height
        and high_x <= (1 + PATH_MARGIN) * width
        and high_y <= (1 + PATH_MARGIN) * height
    )
    if not inside:  # a number too large to draw (inf) is outside too
        problems.at(
            node,
            f"reaches {low_x:g},{low_y:g} to {high_x:g},{high_y:g}, outside the view box "
            f"0,0 to {width:g},{height:g}",
        )


# -- fonts ---------------------------------------------------------------------

FONT_SUFFIXES = (".ttf", ".otf")
MAX_FONT_BYTES = 16_000_000
_SFNT_VERSIONS = (b"\x00\x01\x00\x00", b"OTTO", b"true")
_HEAD_MAGIC = 0x5F0F3CF5
_REQUIRED_TABLES = (b"cmap", b"head", b"hhea", b"hmtx", b"maxp", b"name")


def font_problem(data: bytes) -> str | None:
    """Why ``data`` is not a font the exhibit can load, or None if it is one.

    Checks the OpenType table directory: a known version, every table inside
    the file, the tables every font needs, outlines (``glyf`` with ``loca``,
    or ``CFF``) and the ``head`` table's magic number. A file cut short fails
    here, before a font engine ever reads past its end.
    """
    if len(data) < 12 or data[:4] not in _SFNT_VERSIONS:
        return "is not a TrueType or OpenType font"
    (count,) = struct.unpack(">H", data[4:6])
    if not 1 <= count <= 256 or len(data) < 12 + 16 * count:
        return "is cut short: its table directory is incomplete"
    tables: dict[bytes, tuple[int, int]] = {}
    for index in range(count):
        tag, _checksum, offset, length = struct.unpack(
            ">4sIII", data[12 + 16 * index : 28 + 16 * index]
        )
        if offset + length > len(data):
            return f"is cut short: its table '{tag.decode('latin-1').strip()}' runs past the end"
        tables[tag] = (offset, length)
    missing = [tag.decode() for tag in _REQUIRED_TABLES if tag not in tables]
    if not ((b"glyf" in tables and b"loca" in tables) or b"CFF " in tables or b"CFF2" in tables):
        missing.append("glyf or CFF")
    if missing:
        return f"lacks the table(s) {', '.join(missing)}"
    offset, length = tables[b"head"]
    if length < 16 or struct.unpack(">I", data[offset + 12 : offset + 16])[0] != _HEAD_MAGIC:
        return "has a damaged 'head' table"
    return None


def font_files(font_dir: Path) -> list[Path]:
    """The font files the exhibit registers: every .ttf and .otf in ``font_dir``, by name."""
    try:
        return sorted(path for path in font_dir.iterdir() if path.suffix.lower() in FONT_SUFFIXES)
    except OSError:
        return []


def read_fonts(font_dir: Path, display_dir: str, problems: Problems) -> list[tuple[Path, bytes]]:
    """Every font in ``font_dir`` that can be loaded, read into memory once.

    A font kept in memory cannot be changed under a running exhibit (a font
    file truncated while it is mapped kills the program with SIGBUS).
    """
    fonts: list[tuple[Path, bytes]] = []
    files = font_files(font_dir)
    if not files:
        problems.add(display_dir, 1, "", "holds no font file (.ttf or .otf)")
    for path in files:
        display = f"{display_dir}/{path.name}"
        data = read_file(path, display, problems, MAX_FONT_BYTES)
        if data is None:
            continue
        problem = font_problem(data)
        if problem is not None:
            problems.add(display, 1, "", problem)
            continue
        fonts.append((path, data))
    return fonts
