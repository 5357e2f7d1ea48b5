"""The layers stay apart: the core never imports Qt, and the UI asks only for
strings the content is required to have.

import-linter (tools/quality_gates.sh) checks the first rule statically; these
tests check it the other ways it could break: by what importing each core
module actually loads (a subprocess, so this test's own Qt does not count),
and by every import statement in the core's source, including those inside
functions.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

from exhibit.core.content import REQUIRED_STRINGS

PROJECT = Path(__file__).resolve().parents[2]
CORE = PROJECT / "exhibit" / "core"
QML = PROJECT / "exhibit" / "qml"
FORBIDDEN = ("PySide6", "shiboken6", "exhibit.qt", "exhibit.app")


def core_modules() -> list[str]:
    return sorted(
        "exhibit.core." + path.stem for path in CORE.glob("*.py") if path.stem != "__init__"
    )


def test_importing_any_core_module_loads_no_qt() -> None:
    script = f"""
import importlib, json, sys
loaded = {{}}
for name in {core_modules()!r}:
    importlib.import_module(name)
    qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")
                or m.startswith(("exhibit.qt", "exhibit.app")))
    if qt:
        loaded[name] = qt
        break
print(json.dumps(loaded))
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=120,
        check=True,
    )
    loaded = json.loads(result.stdout)
    assert loaded == {}, f"a core module pulled in Qt: {loaded}"
    assert len(core_modules()) >= 8


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__":
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((node.lineno, first.value))
    return found


def test_no_core_source_line_imports_qt() -> None:
    offending = []
    for path in sorted(CORE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for line, module in _imports(tree):
            if module.startswith(FORBIDDEN):
                offending.append(f"{path.relative_to(PROJECT)}:{line}: imports {module}")
    assert not offending, "\n".join(offending)


_STRING_USE = re.compile(
    r"""UiBackend\.strings(?:\.(\w+)|\[\s*["'](\w+)["']\s*\])"""
    r"""|UiBackend\.format\(\s*["'](\w+)["']"""
)


def test_every_ui_string_the_qml_asks_for_is_required_of_the_content() -> None:
    """A key the QML uses but REQUIRED_STRINGS lacks would be blank on screen, and
    ``--check`` would not notice when a curator deletes or never translates it."""
    used: dict[str, str] = {}
    for path in sorted(QML.rglob("*.qml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in _STRING_USE.finditer(line):
                key = next(group for group in match.groups() if group)
                used.setdefault(key, f"{path.relative_to(PROJECT)}:{number}")
    missing = {key: where for key, where in used.items() if key not in REQUIRED_STRINGS}
    assert not missing, f"UI strings used but not in REQUIRED_STRINGS: {missing}"
    assert len(used) >= 5


_TEXT_CALL = re.compile(r"""\.(?:text|string)\(\s*["'](\w+)["']""")


def test_every_ui_string_the_python_backends_ask_for_is_required_of_the_content() -> None:
    used: dict[str, str] = {}
    for path in sorted((PROJECT / "exhibit" / "qt").glob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in _TEXT_CALL.finditer(line):
                used.setdefault(match.group(1), f"{path.relative_to(PROJECT)}:{number}")
    missing = {key: where for key, where in used.items() if key not in REQUIRED_STRINGS}
    assert not missing, f"UI strings used but not in REQUIRED_STRINGS: {missing}"


_COLOUR = re.compile(r"""["']#[0-9a-fA-F]{3,8}["']|Qt\.(?:rgba|hsla|hsva|color)\(\s*[\d."']""")


def test_every_colour_is_a_theme_token() -> None:
    """A colour written anywhere but Theme.qml cannot be found, checked or changed in one place."""
    found = []
    for path in sorted(QML.rglob("*.qml")):
        if path.name == "Theme.qml":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _COLOUR.search(line):
                found.append(f"{path.relative_to(PROJECT)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
    assert _COLOUR.search('color: "#15120e"') and _COLOUR.search("Qt.rgba(0.1, 0.2, 0.3, 1)")
