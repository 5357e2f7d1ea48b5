"""Files made to hurt: none makes the exhibit hang, spin, fill memory or crash.

Each class of attack found against the exhibit's inputs is generated here
with hypothesis, in many shapes, and every example is loaded in a child
process limited to :data:`tests.bounded.CPU_SECONDS` of CPU and
:data:`tests.bounded.MEMORY_MB` of new memory (resource limits, not timing):

- alias trees ("billion laughs"), in content and settings;
- explicit tags and numbers too long to read;
- special files (FIFOs, devices, sockets, folders, links) where a file belongs;
- damaged and replaced map assets;
- damaged content-cache entries.

The property is always the same: the answer is a list of problems, each
``file:line: field: what`` at a line that exists, naming what was refused
(or, for the cache, the files' own content or nothing), within the limits.
The figures of the costliest example are printed with ``-s``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exhibit.core import content_cache
from exhibit.core.assets import font_problem
from exhibit.core.content import read_content
from exhibit.core.files import UnreadableFileError, read_regular_file
from exhibit.core.settings import FIELDS
from exhibit.core.yamlsource import MAX_FILE_BYTES
from tests import bounded
from tests.bounded import load_content_problems, load_settings_problems, run_bounded

PROJECT = Path(__file__).resolve().parents[2]
SHIPPED = PROJECT / "content"
ASSETS = PROJECT / "assets"
PROBLEM = re.compile(r"^(.+?):(\d+): (?:([^:]*): )?(.*)$")
SCALE = max(1, int(os.environ.get("EXHIBIT_FUZZ_SCALE", "1")))
COSTLIEST: dict[str, tuple[float, float]] = {}


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def _record(kind: str, outcome: bounded.Outcome) -> None:
    cpu, memory = COSTLIEST.get(kind, (0.0, 0.0))
    COSTLIEST[kind] = (max(cpu, outcome.cpu_s), max(memory, outcome.memory_mb))


@pytest.fixture(scope="module", autouse=True)
def _report_costs() -> Iterator[None]:
    yield
    for kind, (cpu, memory) in sorted(COSTLIEST.items()):
        print(f"\n  costliest {kind}: {cpu:.3f} s CPU, {memory:.1f} MB")


def _lines(path: Path) -> int:
    """Lines in the file a problem names (1 for what is no regular file: never open a FIFO)."""
    try:
        data = read_regular_file(path, MAX_FILE_BYTES)
    except UnreadableFileError:
        return 1
    return len(re.findall(r"\r\n|[\r\n\x85\u2028\u2029]", data.decode("utf-8", "replace"))) + 1


def checked(kind: str, outcome: bounded.Outcome, base: Path) -> list[str]:
    """The problems of a bounded load, each well formed at a line that exists."""
    assert outcome.error is None, outcome.error
    _record(kind, outcome)
    problems = outcome.value
    assert problems, "accepted"
    for problem in problems:
        match = PROBLEM.match(problem)
        assert match, f"not 'file:line: ...': {problem!r}"
        assert "\n" not in problem
        file, line = Path(match.group(1)), int(match.group(2))
        path = file if file.is_absolute() else base / file
        assert 1 <= line <= _lines(path), problem
    return problems


@contextmanager
def content_copy(changes: dict[str, bytes | None] | None = None) -> Iterator[Path]:
    """A copy of the shipped content (``changes``: file -> bytes, None removes)."""
    with tempfile.TemporaryDirectory(prefix="hostile-") as temp:
        root = Path(temp) / "content"
        shutil.copytree(SHIPPED, root)
        for name, data in (changes or {}).items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.unlink(missing_ok=True)
            if data is not None:
                path.write_bytes(data)
        yield root


def load_copy(kind: str, changes: dict[str, bytes | None]) -> list[str]:
    with content_copy(changes) as root:
        outcome = run_bounded(load_content_problems, str(root), str(ASSETS))
        return checked(kind, outcome, root.parent)


def load_settings_text(kind: str, data: bytes) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="hostile-") as temp:
        path = Path(temp) / "settings.yaml"
        path.write_bytes(data)
        return checked(kind, run_bounded(load_settings_problems, str(path)), path.parent)


# -- aliases ------------------------------------------------------------------------

SCALARS = st.sampled_from(["lol", "'x'", '"ha"', "1", "true", "~", "[]", "{}"])


@st.composite
def alias_tree(draw: st.DrawFn) -> tuple[str, int]:
    """A document of anchors, each made of many aliases of the ones before; its first alias line."""
    levels = draw(st.integers(1, 14))
    flow = draw(st.booleans())
    lines = [f"a0: &a0 [{', '.join(draw(st.lists(SCALARS, min_size=1, max_size=9)))}]"]
    for level in range(1, levels + 1):
        refs = draw(st.lists(st.integers(0, level - 1), min_size=1, max_size=12))
        aliases = [f"*a{ref}" for ref in refs]
        if flow:
            lines.append(f"a{level}: &a{level} [{', '.join(aliases)}]")
        else:
            lines.append(f"a{level}: &a{level}")
            lines.extend(f"  - {alias}" for alias in aliases)
    if draw(st.booleans()):
        lines.append("loop: &loop [*loop, *loop]")  # an alias of the list it is in
    first = next(i for i, line in enumerate(lines) if "*" in line) + 1
    return "\n".join(lines) + "\n", first


@fuzz(25)
@given(
    tree=alias_tree(),
    where=st.sampled_from(["exhibit.yaml", "places.yaml", "chapters/fortress.yaml"]),
)
def test_alias_trees_in_content_are_refused_at_their_line(tree, where) -> None:
    document, first = tree
    original = (SHIPPED / where).read_bytes()
    offset = original.count(b"\n") + (0 if original.endswith(b"\n") else 1)
    problems = load_copy("aliases", {where: original + document.encode()})
    assert any(
        "alias" in p and p.startswith(f"content/{where}:{offset + first}:") for p in problems
    ), problems


@fuzz(25)
@given(tree=alias_tree())
def test_alias_trees_in_settings_are_refused_at_their_line(tree) -> None:
    document, first = tree
    problems = load_settings_text("aliases", document.encode())
    assert any("alias" in p and f".yaml:{first}:" in p for p in problems), problems


# -- tags and numbers ---------------------------------------------------------------

TAGS = st.sampled_from(
    [
        "!!bool",
        "!!timestamp",
        "!!float",
        "!!int",
        "!!str",
        "!!null",
        "!!binary",
        "!!set",
        "!!omap",
        "!!pairs",
        "!!map",
        "!!seq",
        "!!merge",
        "!!python/object:os.system",
        "!!python/name:builtins.eval",
        "!custom",
        "!",
        "!<tag:yaml.org,2002:int>",
    ]
)
TAG_VALUES = st.sampled_from(["maybe", "soon", "abc", "0b2", "''", "[1, 2]", "{a: 1}", "12", "x"])


@fuzz(30)
@given(tag=TAGS, value=TAG_VALUES, key=st.sampled_from(FIELDS))
def test_tags_in_settings_are_refused_at_their_line(tag, value, key) -> None:
    problems = load_settings_text("tags", f"mode: kiosk\n{key}: {tag} {value}\n".encode())
    assert any(":2: " in p and "tag" in p for p in problems), problems


@fuzz(30)
@given(tag=TAGS, value=TAG_VALUES)
def test_tags_in_content_are_refused_at_their_line(tag, value) -> None:
    text = (SHIPPED / "chapters/final-day.yaml").read_text(encoding="utf-8")
    line = text.splitlines().index("play_seconds: 60") + 1
    changed = text.replace("play_seconds: 60", f"play_seconds: {tag} {value}")
    problems = load_copy("tags", {"chapters/final-day.yaml": changed.encode()})
    assert any(f"final-day.yaml:{line}: " in p and "tag" in p for p in problems), problems


@st.composite
def long_number(draw: st.DrawFn) -> str:
    digits = "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=33, max_size=20_000)))
    shape = draw(st.sampled_from(["int", "signed", "underscores", "float", "exponent", "base60"]))
    if shape == "signed":
        return "-" + digits
    if shape == "underscores":
        return "1_" + "_".join(digits[i : i + 3] for i in range(0, len(digits), 3))
    if shape == "float":
        return f"{digits}.{digits[:5]}"
    if shape == "exponent":
        return f"1.5e+{digits}"
    if shape == "base60":
        return "1" + ":30" * (len(digits) // 3)
    return "9" + digits


@fuzz(30)
@given(number=long_number(), in_settings=st.booleans())
def test_numbers_too_long_to_read_are_refused_at_their_line(number, in_settings) -> None:
    if in_settings:
        problems = load_settings_text("numbers", f"idle_timeout_s: {number}\n".encode())
        assert any(":1: idle_timeout_s:" in p for p in problems), problems
        return
    text = (SHIPPED / "chapters/final-day.yaml").read_text(encoding="utf-8")
    line = text.splitlines().index("play_seconds: 60") + 1
    changed = text.replace("play_seconds: 60", f"play_seconds: {number}")
    problems = load_copy("numbers", {"chapters/final-day.yaml": changed.encode()})
    assert any(f"final-day.yaml:{line}: play_seconds:" in p for p in problems), problems


# -- special files ------------------------------------------------------------------


def make_special(path: Path, kind: str) -> socket.socket | None:
    """Put a ``kind`` of non-file at ``path``; a socket is returned to be closed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(path))
        server.listen(1)
        return server
    elif kind == "loop":
        path.symlink_to(path.name)
    elif kind == "dangling":
        path.symlink_to(path.parent / "nowhere")
    else:  # a device, through a link: /dev/zero never ends, /dev/urandom neither
        path.symlink_to(f"/dev/{kind}")
    return None


SPECIAL = st.sampled_from(
    ["fifo", "folder", "socket", "loop", "dangling", "zero", "urandom", "null", "full"]
)
CONTENT_FILES = st.sampled_from(
    ["exhibit.yaml", "ui.yaml", "places.yaml", "chapters/offensive.yaml", "maps/valley.json"]
)


@fuzz(25)
@given(kind=SPECIAL, name=CONTENT_FILES)
def test_a_special_file_in_the_content_is_refused_without_blocking(kind, name) -> None:
    with content_copy() as root:
        server = make_special(root / name, kind)
        try:
            outcome = run_bounded(load_content_problems, str(root), str(ASSETS))
        finally:
            if server is not None:
                server.close()
        problems = checked("special files", outcome, root.parent)
    assert any(p.startswith(f"content/{name}:1: ") for p in problems), problems


@fuzz(20)
@given(kind=SPECIAL)
def test_a_special_file_as_settings_is_refused_without_blocking(kind) -> None:
    with tempfile.TemporaryDirectory(prefix="hostile-") as temp:
        path = Path(temp) / "settings.yaml"
        server = make_special(path, kind)
        try:
            outcome = run_bounded(load_settings_problems, str(path))
        finally:
            if server is not None:
                server.close()
        problems = checked("special files", outcome, path.parent)
    assert len(problems) == 1 and problems[0].startswith(f"{path}:1: "), problems


# -- map assets -------------------------------------------------------------------

MAPS = {name: (ASSETS / "maps" / name).read_bytes() for name in ("indochina.json", "valley.json")}
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=30,
)


def _replace_subtree(data: object, path: list[int], value: object) -> object:
    """``data`` with the node reached by following ``path`` (indices mod size) replaced."""
    if not path or not isinstance(data, dict | list) or not data:
        return value
    keys = list(data) if isinstance(data, dict) else list(range(len(data)))
    key = keys[path[0] % len(keys)]
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[key] = _replace_subtree(copy[key], path[1:], value)  # type: ignore[index]
    return copy


@st.composite
def damaged_map(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(MAPS)))
    good = MAPS[name]
    damage = draw(
        st.sampled_from(
            ["flip", "cut", "splice", "subtree", "garbage", "json", "deep", "wide", "path", "nan"]
        )
    )
    where = draw(st.integers(0, len(good) - 1))
    junk = draw(st.binary(min_size=1, max_size=30))
    if damage == "flip":
        return name, good[:where] + bytes([good[where] ^ (junk[0] or 1)]) + good[where + 1 :]
    if damage == "cut":
        return name, good[:where]
    if damage == "splice":
        return name, good[:where] + junk + good[where:]
    if damage == "garbage":
        return name, junk * draw(st.integers(1, 5000))
    if damage == "json":
        return name, json.dumps(draw(JSON_VALUES)).encode()
    if damage == "deep":
        depth = draw(st.integers(30, 100_000))
        return name, b"[" * depth + b"]" * depth
    if damage == "wide":
        return name, b"[" + b"{}," * draw(st.integers(20_000, 600_000)) + b"{}]"
    data = json.loads(good)
    if damage == "path":
        text = draw(st.text(alphabet="MLCZmlcz0123456789.-, eE", max_size=60))
        shapes = data.get("countries") or data.get("hills")
        shapes[draw(st.integers(0, len(shapes) - 1))]["path"] = text
        return name, json.dumps(data).encode()
    if damage == "nan":
        return name, json.dumps(data).replace(
            "1000", draw(st.sampled_from(["NaN", "Infinity", "1e999", "-1e400"])), 1
        ).encode()
    path = draw(st.lists(st.integers(0, 50), min_size=1, max_size=4))
    return name, json.dumps(_replace_subtree(data, path, draw(JSON_VALUES))).encode()


@fuzz(60)
@given(damaged=damaged_map())
def test_a_damaged_map_asset_is_refused_or_draws(damaged) -> None:
    """Checked before use: a map asset either draws (the loader builds every map) or is refused."""
    name, data = damaged
    with content_copy({f"maps/{name}": data}) as root:
        outcome = run_bounded(load_content_problems, str(root), str(ASSETS))
        assert outcome.error is None, outcome.error
        _record("map assets", outcome)
        if outcome.value is None:
            assert json.loads(data), "accepted something that is not JSON"
            return
        problems = checked("map assets", outcome, root.parent)
    assert any(p.startswith(f"content/maps/{name}:") for p in problems), problems


@pytest.mark.parametrize("name", sorted(MAPS))
def test_garbage_in_place_of_a_map_is_named_with_file_and_field(name) -> None:
    """The issue's case: a map asset replaced by JSON that is no map passed --check."""
    problems = load_copy("map assets", {f"maps/{name}": b'{"kind": "geo", "garbage": [1, 2, 3]}\n'})
    assert any(p.startswith(f"content/maps/{name}:1: ") and "is missing" in p for p in problems)


# -- fonts ------------------------------------------------------------------------

FONT = (ASSETS / "fonts" / "BeVietnamPro-Regular.ttf").read_bytes()
FONT_TABLES_END = max(
    int.from_bytes(FONT[20 + 16 * i : 24 + 16 * i])
    + int.from_bytes(FONT[24 + 16 * i : 28 + 16 * i])
    for i in range(int.from_bytes(FONT[4:6]))
)


@fuzz(100)
@given(
    cut=st.integers(0, FONT_TABLES_END - 1),
    where=st.integers(0, 400),
    junk=st.binary(min_size=1, max_size=8),
)
def test_a_cut_or_damaged_font_is_named_not_loaded(cut, where, junk) -> None:
    assert font_problem(FONT) is None
    assert font_problem(FONT[:cut]) is not None  # every table must lie inside the file
    damaged = FONT[:where] + junk + FONT[where + len(junk) :]
    problem = font_problem(damaged)
    assert problem is None or isinstance(problem, str)


# -- the content cache ------------------------------------------------------------


@pytest.fixture(scope="module")
def cache_entry(tmp_path_factory) -> tuple[Path, Path, bytes]:
    content, cache = (
        tmp_path_factory.mktemp("cache-content") / "content",
        tmp_path_factory.mktemp("cache"),
    )
    shutil.copytree(SHIPPED, content)
    content_cache.store(read_content(content, ASSETS), content, ASSETS, cache)
    (entry,) = cache.glob("content-*.json")
    hit = run_bounded(bounded.load_from_cache, str(content), str(ASSETS), str(cache))
    assert hit.error is None and hit.value is not None, "the undamaged entry is not used"
    return content, entry, entry.read_bytes()


@fuzz(40)
@given(
    where=st.floats(0, 1, exclude_max=True),
    junk=st.binary(min_size=1, max_size=64),
    cut=st.booleans(),
)
def test_a_damaged_cache_entry_is_a_quiet_miss(cache_entry, where, junk, cut) -> None:
    content, entry, good = cache_entry
    at = int(where * len(good))
    bad = good[:at] if cut else good[:at] + junk + good[at + len(junk) :]
    try:
        entry.write_bytes(bad)
        outcome = run_bounded(bounded.load_from_cache, str(content), str(ASSETS), str(entry.parent))
    finally:
        entry.write_bytes(good)
    assert outcome.error is None, outcome.error
    _record("cache entries", outcome)
    assert outcome.value is None or bad == good


def test_a_map_cut_after_a_key_is_reported_on_its_last_line() -> None:
    """Found by the fuzzing above: the value cut off by the end was put one line past it."""
    good = MAPS["valley.json"]
    cut = good[: good.rindex(b'"centre"') + len(b'"centre"')]
    problems = load_copy("map assets", {"maps/valley.json": cut})
    assert problems  # and checked() found every line inside the file
