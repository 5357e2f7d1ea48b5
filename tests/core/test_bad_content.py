"""Curators' mistakes, generated: every broken content folder, settings file or
command line gets a ``file:line:`` list (or a usage line) and exit status 2.

tests/core/test_content.py checks hand-picked mistakes message by message.
Here hypothesis breaks a copy of the shipped content in many ways (wrong types,
unknown keys, removed translations, duplicate keys, broken YAML, control
characters, invalid UTF-8, huge or marked-up text, unknown references, missing
assets and files, random truncation and splices) and checks the one property
that matters on the gallery floor: the loader answers with well-formed
problems (``^\\S+\\.yaml:\\d+: ``, at a line that exists) and never with a
traceback. Most examples run the loader in-process; a handful run
``python main.py --check`` in a subprocess, with a timeout.

``EXHIBIT_FUZZ_SCALE=10`` multiplies the number of examples for a deeper run.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from exhibit.core.content import MAX_TEXT_LENGTH, load_content
from exhibit.core.settings import FIELDS, Settings, load_settings
from exhibit.core.yamlsource import MAX_FILE_BYTES, ContentError

PROJECT = Path(__file__).resolve().parents[2]
SHIPPED = PROJECT / "content"
ASSETS = PROJECT / "assets"
PROBLEM = re.compile(r"^(\S+\.yaml):(\d+): ")
SCALE = max(1, int(os.environ.get("EXHIBIT_FUZZ_SCALE", "1")))
LANGUAGES = ("vi", "en")


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# ---------------------------------------------------------------------------
# The shipped content, in memory; each example writes a broken copy.

FILES: dict[str, bytes] = {
    path.relative_to(SHIPPED).as_posix(): path.read_bytes()
    for path in sorted(SHIPPED.rglob("*"))
    if path.is_file()
}
YAML_NAMES = sorted(name for name in FILES if name.endswith(".yaml"))
DATA: dict[str, Any] = {name: yaml.safe_load(FILES[name]) for name in YAML_NAMES}


@contextlib.contextmanager
def content_folder(changes: dict[str, bytes | None]) -> Iterator[Path]:
    """A copy of the shipped content with ``changes`` (None: the file is removed)."""
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp) / "content"
        for name, data in {**FILES, **changes}.items():
            if data is None:
                continue
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        yield root


_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def yaml_lines(data: bytes) -> int:
    """The number of lines as YAML (and an editor) counts them: CR, LF, NEL ... all break."""
    try:
        return len(_BREAK.findall(data.decode("utf-8"))) + 1
    except UnicodeDecodeError:
        return data.count(b"\n") + data.count(b"\r") + 1


def check_problems(root: Path, problems: list[str]) -> None:
    """Every problem is ``file:line: ...`` at a line that exists in that file."""
    assert problems, "an error without problems"
    for problem in problems:
        match = PROBLEM.match(problem)
        assert match, f"not 'file.yaml:line: ...': {problem!r}"
        file, line = match.group(1), int(match.group(2))
        assert file.startswith("content/"), problem
        path = root.parent / file
        if path.is_file():
            assert 1 <= line <= yaml_lines(path.read_bytes()), problem
        else:
            assert line == 1, problem


def load(root: Path) -> list[str] | None:
    """None if the content is valid, else its (well-formed) problems. Nothing else escapes."""
    try:
        load_content(root, ASSETS)
    except ContentError as error:
        problems = [str(problem) for problem in error.problems]
        check_problems(root, problems)
        return problems
    return None


def must_fail(changes: dict[str, bytes | None]) -> list[str]:
    with content_folder(changes) as root:
        problems = load(root)
    assert problems is not None, f"accepted broken content: {sorted(changes)}"
    return problems


def may_fail(changes: dict[str, bytes | None]) -> None:
    with content_folder(changes) as root:
        load(root)


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump(data: Any) -> bytes:
    text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    return text.encode()


# ---------------------------------------------------------------------------
# Finding the nodes of a parsed file.

Path_ = tuple[str | int, ...]


def nodes(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from nodes(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from nodes(value, (*path, index))


def is_text(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == set(LANGUAGES)


def get(data: Any, path: Path_) -> Any:
    for key in path:
        data = data[key]
    return data


def replaced(name: str, path: Path_, value: Any) -> dict[str, bytes | None]:
    import copy

    data = copy.deepcopy(DATA[name])
    if not path:
        return {name: dump(value)}
    parent = get(data, path[:-1])
    parent[path[-1]] = value
    return {name: dump(data)}


def edited(name: str, path: Path_, edit: Callable[[Any], None]) -> dict[str, bytes | None]:
    import copy

    data = copy.deepcopy(DATA[name])
    edit(get(data, path))
    return {name: dump(data)}


ALL_NODES = [(name, path) for name in YAML_NAMES for path, _ in nodes(DATA[name])]
TEXT_NODES = [(n, p) for n, p in ALL_NODES if is_text(get(DATA[n], p))]
MAPPINGS = [(n, p) for n, p in ALL_NODES if isinstance(get(DATA[n], p), dict)]
SCALARS = [(n, p) for n, p in ALL_NODES if not isinstance(get(DATA[n], p), dict | list)]
COLLECTIONS = [(n, p) for n, p in ALL_NODES if isinstance(get(DATA[n], p), dict | list)]


def _references() -> list[tuple[str, Path_]]:
    """Every value that names something defined elsewhere (a place, a source, a map ...)."""
    found = []
    for name, path in SCALARS:
        keys = [k for k in path if isinstance(k, str)]
        last = keys[-1] if keys else ""
        in_list = bool(path) and isinstance(path[-1], int)
        chapter = name == "exhibit.yaml" and keys[:1] == ["chapters"]
        named = last in {"source", "map", "sector"} or (in_list and last in {"places", "paths"})
        if chapter or named:
            found.append((name, path))
    return found


REFERENCES = _references()
ASSET_NODES = [(n, p) for n, p in SCALARS if p and p[-1] == "asset"]
STATE_MAPS = [(n, p) for n, p in MAPPINGS if p and p[-1] == "states" and get(DATA[n], p)]


def test_the_generators_found_what_they_break() -> None:
    assert len(TEXT_NODES) > 100
    assert len(REFERENCES) > 50
    assert ASSET_NODES
    assert STATE_MAPS
    assert load(SHIPPED) is None  # the shipped content itself is valid


# ---------------------------------------------------------------------------
# Structural mistakes: each is invalid whatever node it hits.


@fuzz(40)
@given(target=st.sampled_from(COLLECTIONS), value=st.sampled_from([True, 1.5, False]))
def test_a_list_or_mapping_replaced_by_a_plain_value(target, value) -> None:
    must_fail(replaced(*target, value))


@fuzz(40)
@given(target=st.sampled_from(SCALARS), value=st.sampled_from([{"oops": [1]}, [["x"]], [{}]]))
def test_a_plain_value_replaced_by_a_list_or_mapping(target, value) -> None:
    must_fail(replaced(*target, value))


@fuzz(40)
@given(target=st.sampled_from(TEXT_NODES), language=st.sampled_from(LANGUAGES))
def test_a_missing_translation(target, language: str) -> None:
    problems = must_fail(edited(*target, lambda text: text.pop(language)))
    assert any(f"missing the '{language}' translation" in p for p in problems), problems


@fuzz(30)
@given(target=st.sampled_from(TEXT_NODES), language=st.sampled_from(LANGUAGES))
def test_an_empty_translation(target, language: str) -> None:
    must_fail(edited(*target, lambda text: text.update({language: "   "})))


@fuzz(40)
@given(target=st.sampled_from(MAPPINGS), key=st.from_regex(r"[a-z][a-z_]{2,12}", fullmatch=True))
def test_an_unknown_key(target, key: str) -> None:
    name, path = target
    assume(key not in get(DATA[name], path))
    must_fail(edited(name, path, lambda mapping: mapping.update({key: 1})))


@fuzz(30)
@given(target=st.sampled_from(ALL_NODES))
def test_a_removed_key_or_item(target) -> None:
    """Removing an optional field is fine; anything else is reported."""
    name, path = target
    assume(path)
    may_fail(edited(name, path[:-1], lambda parent: parent.pop(path[-1])))


@fuzz(40)
@given(target=st.sampled_from(REFERENCES), suffix=st.integers(0, 999))
def test_an_unknown_reference(target, suffix: int) -> None:
    must_fail(replaced(*target, f"no-such-thing-{suffix}"))


@fuzz(20)
@given(target=st.sampled_from(STATE_MAPS), suffix=st.integers(0, 999))
def test_a_state_for_an_unknown_place(target, suffix: int) -> None:
    must_fail(edited(*target, lambda states: states.update({f"nowhere-{suffix}": "taken"})))


@fuzz(10)
@given(target=st.sampled_from(ASSET_NODES), name=st.from_regex(r"[a-z]{1,8}", fullmatch=True))
def test_a_missing_asset(target, name: str) -> None:
    problems = must_fail(replaced(*target, f"maps/{name}-missing.json"))
    assert any("does not exist" in p for p in problems), problems


@fuzz(40)
@given(
    target=st.sampled_from(TEXT_NODES),
    language=st.sampled_from(LANGUAGES),
    length=st.integers(MAX_TEXT_LENGTH + 1, 3 * MAX_TEXT_LENGTH),
)
def test_a_text_too_long(target, language: str, length: int) -> None:
    must_fail(edited(*target, lambda text: text.update({language: "ừ" * length})))


@fuzz(40)
@given(
    target=st.sampled_from(TEXT_NODES),
    language=st.sampled_from(LANGUAGES),
    control=st.sampled_from(
        ["\x00", "\x07", "\x1b", "\x7f", "\x9b"]
    ),  # not \x85: a YAML line break
)
def test_a_control_character_in_a_text(target, language: str, control: str) -> None:
    must_fail(edited(*target, lambda text: text.update({language: f"A{control}B"})))


MARKUP = '<a href="http://x">x</a> <img src="http://x/y.png"> <b>bold</b> &amp;'


@fuzz(30)
@given(target=st.sampled_from(TEXT_NODES), language=st.sampled_from(LANGUAGES))
def test_markup_in_a_text_is_content_like_any_other(target, language: str) -> None:
    """Markup is not an error: it is shown as typed (see tests/ui/test_plain_text.py)."""
    name, path = target

    def add(text: dict[str, str]) -> None:
        text[language] = f"{text[language]} {MARKUP}"

    with content_folder(edited(name, path, add)) as root:
        problems = load(root)
    # Only a length limit can object.
    assert problems is None or all("the limit is" in p for p in problems), problems


# ---------------------------------------------------------------------------
# Mistakes in the text of a file, as typed by hand.

_KEY_LINE = re.compile(r"^(\s*)(- )?([A-Za-z_][\w-]*):(\s|$)")
_BLOCK = re.compile(r":\s*[>|][-+]?\s*$")
_ITEM_BLOCK = re.compile(r"^(\s*)- [>|][-+]?\s*$")  # a list item that is a block scalar


def key_lines(text: str) -> list[int]:
    """Indices of the lines that start a mapping key, outside block scalars."""
    found: list[int] = []
    block_indent: int | None = None
    for index, line in enumerate(text.splitlines()):
        indent = len(line) - len(line.lstrip())
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue
            block_indent = None
        match = _KEY_LINE.match(line)
        if match:
            found.append(index)
            if _BLOCK.search(line):
                block_indent = len(match.group(1)) + (2 if match.group(2) else 0)
        elif item := _ITEM_BLOCK.match(line):
            block_indent = len(item.group(1))
    return found


KEY_LINES = {name: key_lines(FILES[name].decode()) for name in YAML_NAMES}
LINE_TARGETS = [(name, index) for name in YAML_NAMES for index in KEY_LINES[name]]


def with_lines(name: str, edit: Callable[[list[str]], None]) -> dict[str, bytes | None]:
    lines = FILES[name].decode().splitlines(keepends=True)
    edit(lines)
    return {name: "".join(lines).encode()}


@fuzz(40)
@given(target=st.sampled_from(LINE_TARGETS))
def test_a_key_typed_twice(target) -> None:
    name, index = target
    problems = must_fail(with_lines(name, lambda lines: lines.insert(index, lines[index])))
    assert any(f"content/{name}:" in p for p in problems), problems


@fuzz(40)
@given(target=st.sampled_from(LINE_TARGETS), junk=st.sampled_from(["\tbroken: 1", "bad: a: b"]))
def test_a_line_that_is_not_yaml(target, junk: str) -> None:
    name, index = target

    def insert(lines: list[str]) -> None:
        line = lines[index]
        indent = line[: len(line) - len(line.lstrip())]
        lines.insert(index, indent + junk + "\n")

    problems = must_fail(with_lines(name, insert))
    assert any("not valid YAML" in p for p in problems), problems
    assert any(p.startswith(f"content/{name}:{index + 1}:") for p in problems), problems


@fuzz(40)
@given(
    name=st.sampled_from(YAML_NAMES),
    where=st.floats(0, 1),
    junk=st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xe2\x82"]),
)
def test_bytes_that_are_not_utf8(name: str, where: float, junk: bytes) -> None:
    data = FILES[name]
    # Never inside a character: at a line start.
    starts = [0] + [i + 1 for i, byte in enumerate(data) if byte == 0x0A]
    at = starts[int(where * (len(starts) - 1))]
    problems = must_fail({name: data[:at] + junk + data[at:]})
    line = data[:at].count(b"\n") + 1
    assert f"content/{name}:{line}: is not valid UTF-8 text" in problems, problems


@fuzz(40)
@given(
    name=st.sampled_from(YAML_NAMES), where=st.floats(0, 1), char=st.sampled_from("\x00\x08\x1b")
)
def test_a_raw_control_character_anywhere(name: str, where: float, char: str) -> None:
    text = FILES[name].decode()
    at = int(where * len(text))
    must_fail({name: (text[:at] + char + text[at:]).encode()})


@fuzz(30)
@given(name=st.sampled_from(YAML_NAMES), where=st.floats(0, 1))
def test_a_file_cut_short(name: str, where: float) -> None:
    data = FILES[name]
    cut = data[: int(where * len(data))]
    with contextlib.suppress(UnicodeDecodeError):
        cut.decode()  # cut inside a character is the UTF-8 test's business
    may_fail({name: cut})


@fuzz(40)
@given(name=st.sampled_from(YAML_NAMES), where=st.floats(0, 1), junk=st.binary(max_size=40))
def test_random_bytes_spliced_in(name: str, where: float, junk: bytes) -> None:
    data = FILES[name]
    at = int(where * len(data))
    may_fail({name: data[:at] + junk + data[at + len(junk) // 2 :]})


@fuzz(40)
@given(name=st.sampled_from(YAML_NAMES), text=st.text(max_size=200))
def test_a_file_replaced_by_anything(name: str, text: str) -> None:
    must_fail({name: text.encode("utf-8", "surrogatepass")})


def test_a_file_cut_inside_a_flow_mapping_is_reported_at_its_last_line() -> None:
    # The parser's mark was one line past the end of a file without a final newline.
    text = FILES["ui.yaml"].decode()
    cut = text[: text.index("step_of:")] + "step_of: {vi: x, en:"
    problems = must_fail({"ui.yaml": cut.encode()})
    assert problems[0].startswith(f"content/ui.yaml:{cut.count(chr(10)) + 1}: is not valid YAML")


@pytest.mark.parametrize("case", ["too-long", "symlink-loop", "nul-byte"])
def test_a_content_folder_the_system_cannot_look_up(case: str, tmp_path: Path) -> None:
    if case == "too-long":
        folder = tmp_path / ("a" * 300) / "content"
    elif case == "symlink-loop":
        folder = tmp_path / "loop"
        folder.symlink_to(tmp_path / "loop")
    else:
        folder = tmp_path / "con\0tent"
    with pytest.raises(ContentError) as caught:
        load_content(folder, ASSETS)
    assert [p.message for p in caught.value.problems] == ["is missing"]
    if case != "nul-byte":  # a command line cannot hold a NUL byte
        for extra in (["--check"], ["--screenshot", str(tmp_path / "x.png")]):
            result = run_main("--content", str(folder), *extra)
            assert result.returncode == 2, result
            assert "Traceback" not in result.stderr
            assert "exhibit.yaml:1: is missing" in result.stderr


@pytest.mark.parametrize("name", YAML_NAMES)
def test_a_missing_file(name: str) -> None:
    problems = must_fail({name: None})
    assert any(name in p for p in problems), problems


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"# only a comment\n",
        b"- a\n- list\n",
        b"just text\n",
        b"[" * 5000 + b"]" * 5000,
        b"a: &x [1]\nb: *x\n",
        b"!!python/object:os.system 'echo hi'\n",
        b"x: " + b"y" * (MAX_FILE_BYTES + 1),
    ],
    ids=["empty", "comment", "list", "scalar", "nested", "alias", "python-tag", "huge"],
)
def test_odd_files(data: bytes) -> None:
    for name in ("exhibit.yaml", "chapters/fortress.yaml"):
        must_fail({name: data})


# ---------------------------------------------------------------------------
# The same through the command line, as a curator runs it: a few examples.


def run_main(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "EXHIBIT_SETTINGS"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, str(PROJECT / "main.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
        env=env,
        cwd=PROJECT,
    )


CLI_CASES = {
    "broken-yaml": lambda: with_lines("ui.yaml", lambda lines: lines.insert(5, "\tx: 1\n")),
    "missing-translation": lambda: edited(*TEXT_NODES[7], lambda text: text.pop("en")),
    "not-utf8": lambda: {"places.yaml": b"\xff" + FILES["places.yaml"]},
    "unknown-reference": lambda: replaced(*REFERENCES[3], "no-such-thing"),
    "nested": lambda: {"exhibit.yaml": b"[" * 5000},
}


@pytest.mark.parametrize("case", sorted(CLI_CASES))
def test_check_reports_broken_content_and_exits_2(case: str) -> None:
    with content_folder(CLI_CASES[case]()) as root:
        result = run_main("--content", str(root), "--check")
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith("The content in"), result.stderr
    assert lines[1:] and all(PROBLEM.match(line.strip()) for line in lines[1:]), result.stderr


# ---------------------------------------------------------------------------
# The settings file, hand-edited on the kiosk.

SETTING_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.sampled_from(["kiosk", "classroom", "presentation", "vi", "en", "HDMI-1", "pbkdf2"]),
)
SETTING_KEYS = st.one_of(st.sampled_from(FIELDS), st.from_regex(r"[a-z_]{1,20}", fullmatch=True))


def load_settings_text(data: bytes) -> Settings | list[str]:
    with tempfile.TemporaryDirectory() as temp:
        path = Path(temp) / "settings.yaml"
        path.write_bytes(data)
        try:
            return load_settings(path)
        except ContentError as error:
            problems = [str(problem) for problem in error.problems]
            assert problems
            for problem in problems:
                match = PROBLEM.match(problem)
                assert match and match.group(1) == str(path), problem
                assert 1 <= int(match.group(2)) <= yaml_lines(data), problem
            return problems


@fuzz(100)
@given(st.dictionaries(SETTING_KEYS, SETTING_VALUES, max_size=6))
def test_any_settings_mapping_is_read_or_reported(values: dict[str, Any]) -> None:
    result = load_settings_text(dump(values))
    unknown = set(values) - set(FIELDS)
    if unknown:
        assert isinstance(result, list)
        assert any("not a known field" in p for p in result), result


@fuzz(40)
@given(st.binary(max_size=120) | st.text(max_size=120).map(lambda t: t.encode("utf-8", "replace")))
def test_any_settings_bytes_are_read_or_reported(data: bytes) -> None:
    load_settings_text(data)


SETTINGS_CASES = {
    "wrong-type": b"mode: kiosk\nidle_timeout_s: soon\n",
    "unknown-key": b"mode: kiosk\nidle_timout_s: 90\n",
    "broken-yaml": b"mode: [kiosk\n",
    "bad-mode": b"mode: museum\n",
}


@pytest.mark.parametrize("case", sorted(SETTINGS_CASES))
def test_the_command_line_reports_a_broken_settings_file(case: str, tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_bytes(SETTINGS_CASES[case])
    result = run_main("--settings", str(path), "--check")
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = [line.strip() for line in result.stderr.splitlines()[1:]]
    assert lines and all(line.startswith(f"{path}:") for line in lines), result.stderr
    assert all(PROBLEM.match(line) for line in lines), result.stderr


# ---------------------------------------------------------------------------
# Every command-line option, with whatever a person (or a script) might type.

WORDS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            "-",
            "--",
            "vi",
            "en",
            "fr",
            "EN",
            "offensive",
            "fortress/2",
            "final-day/0",
            "final-day/99",
            "fortress/-1",
            "offensive/1/2",
            "1920x1080",
            "10x10",
            "99999x99999",
            "0x0",
            "1080×1920",
            "x.png",
            "/nonexistent/dir/x.png",
            "shot.PNG",
            "nan",
            "-5",
            "1e9",
            "0",
            "HDMI-1",
            "\x00",
            "ừ",
        ]
    ),
)
VALUE_OPTIONS = ["--lang", "--open", "--size", "--content", "--screenshot", "--settings"]
VALUE_OPTIONS += ["--screen", "--idle-timeout"]
FLAGS = ["--kiosk", "--present", "--classroom", "--presenter-view", "--reduced-motion"]


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    argv: list[str] = []
    for _ in range(draw(st.integers(0, 4))):
        if draw(st.booleans()):
            argv += [draw(st.sampled_from(VALUE_OPTIONS)), draw(WORDS)]
        else:
            argv.append(draw(st.sampled_from([*FLAGS, "--bogus", "-x"])))
    return [*argv, "--check"]


def run_in_process(argv: list[str]) -> tuple[int, str]:
    from exhibit.app import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exit_:  # argparse: usage errors exit 2, --help 0
            status = exit_.code if isinstance(exit_.code, int) else 2
    return status, err.getvalue()


@fuzz(100)
@given(argv=command_lines())
def test_any_command_line_exits_0_or_2(argv: list[str], monkeypatch_env) -> None:
    status, err = run_in_process(argv)
    assert status in (0, 2), (argv, status, err)
    if status == 2:
        assert err.strip(), argv  # something says what is wrong


@pytest.fixture(scope="module")
def monkeypatch_env() -> Iterator[None]:
    saved = os.environ.pop("EXHIBIT_SETTINGS", None)
    yield
    if saved is not None:
        os.environ["EXHIBIT_SETTINGS"] = saved


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "xx", "--open", "nowhere/9", "--check"],
        ["--size", "12x3", "--check"],
        ["--content", "/nonexistent", "--check"],
        ["--screenshot", "x.txt", "--check"],
        ["--idle-timeout", "soon", "--kiosk", "--check"],
    ],
    ids=["lang-open", "size", "content", "screenshot", "idle"],
)
def test_bad_options_through_the_real_command(argv: list[str]) -> None:
    result = run_main(*argv)
    assert result.returncode in (0, 2), result
    assert "Traceback" not in result.stderr
    if result.returncode == 2:
        assert result.stderr.strip()
