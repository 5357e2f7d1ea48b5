"""Describe the Python QML backends to qmllint as a generated QML module.

qmllint cannot read Python, so without help it reports every use of
``UiBackend``, ``StoryBackend`` ... as an unqualified access and checks
nothing about them. This script writes, for each QML import name the
``exhibit/qt`` modules declare (``QML_IMPORT_NAME = "Exhibit.Backend"``),
a module folder ``build/qmltypes/Exhibit/Backend/`` holding:

- ``<name>_metatypes.json``: moc-style metatype JSON of every class marked
  ``@QmlElement`` / ``@QmlNamedElement`` (and ``@QmlSingleton`` ...),
- ``<name>.qmltypes``: made from the JSON by ``pyside6-qmltyperegistrar``,
- ``qmldir``: ``module Exhibit.Backend`` + ``typeinfo <name>.qmltypes``.

Pass ``-I build/qmltypes`` to qmllint (``tools/qmllint.sh`` does).

Why not ``pyside6-metaobjectdump``: it reads the source text and fails on
properties declared with a type name string (``Property("QVariantMap", ...)``)
and ignores ``final=True``. Here the decorators are read from the source (the
runtime keeps no trace of them) and the members from the classes' real
``QMetaObject`` after import, so the types qmllint checks against are the ones
the engine sees.

Usage: python tools/qmltypes.py [--out build/qmltypes]
"""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
BACKEND_DIR = PROJECT_DIR / "exhibit" / "qt"
DEFAULT_OUT = PROJECT_DIR / "build" / "qmltypes"
REVISION = 69
# Types a backend may derive from or use, described by Qt's own metatypes.
FOREIGN_MODULES = ("core", "gui", "qml", "quick")
# Python-only type names the engine handles as variants.
TYPE_NAMES = {"PyObject": "QVariant", "PySide::PyObjectWrapper": "QVariant"}


@dataclass
class QmlClass:
    name: str
    infos: list[dict[str, str]] = field(default_factory=list)


@dataclass
class QmlModuleSource:
    path: Path
    module: str
    import_name: str
    major: int
    minor: int
    classes: list[QmlClass]


def _constant(tree: ast.Module, name: str) -> object:
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id == name:
                    return node.value.value
    return None


def _decorator_infos(node: ast.ClassDef) -> list[dict[str, str]]:
    infos: list[dict[str, str]] = []
    for decorator in node.decorator_list:
        call = decorator if isinstance(decorator, ast.Call) else None
        target = call.func if call is not None else decorator
        name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
        args = call.args if call is not None else []
        first = args[0].value if args and isinstance(args[0], ast.Constant) else None
        if name == "QmlElement":
            infos.append({"name": "QML.Element", "value": "auto"})
        elif name == "QmlNamedElement" and isinstance(first, str):
            infos.append({"name": "QML.Element", "value": first})
        elif name == "QmlAnonymous":
            infos.append({"name": "QML.Element", "value": "anonymous"})
        elif name == "QmlSingleton":
            infos.append({"name": "QML.Singleton", "value": "true"})
        elif name == "QmlUncreatable":
            infos.append({"name": "QML.Creatable", "value": "false"})
            if isinstance(first, str):
                infos.append({"name": "QML.UncreatableReason", "value": first})
    return infos


def find_sources(backend_dir: Path = BACKEND_DIR) -> list[QmlModuleSource]:
    """Every module in ``backend_dir`` that declares a QML import name."""
    found = []
    for path in sorted(backend_dir.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        import_name = _constant(tree, "QML_IMPORT_NAME")
        if not isinstance(import_name, str):
            continue
        classes = [
            QmlClass(node.name, infos)
            for node in tree.body
            if isinstance(node, ast.ClassDef)
            and (infos := _decorator_infos(node))
            and any(info["name"] == "QML.Element" for info in infos)
        ]
        if not classes:
            continue
        relative = path.relative_to(PROJECT_DIR).with_suffix("")
        found.append(
            QmlModuleSource(
                path=path,
                module=".".join(relative.parts),
                import_name=import_name,
                major=int(_constant(tree, "QML_IMPORT_MAJOR_VERSION") or 1),
                minor=int(_constant(tree, "QML_IMPORT_MINOR_VERSION") or 0),
                classes=classes,
            )
        )
    return found


def _type(name: bytes | str) -> str:
    text = name.decode() if isinstance(name, bytes) else name
    return TYPE_NAMES.get(text, text) or "void"


def _arguments(method: object) -> list[dict[str, str]]:
    types = [_type(t.data()) for t in method.parameterTypes()]  # type: ignore[attr-defined]
    names = [n.data().decode() for n in method.parameterNames()]  # type: ignore[attr-defined]
    return [
        {"name": names[i] if i < len(names) and names[i] else f"a{i + 1}", "type": t}
        for i, t in enumerate(types)
    ]


def describe_class(cls: type, qml: QmlClass, source: QmlModuleSource) -> dict[str, object]:
    """The moc JSON entry for one class, from its QMetaObject."""
    from PySide6.QtCore import QMetaMethod

    meta = cls.staticMetaObject  # type: ignore[attr-defined]
    properties = []
    for index in range(meta.propertyOffset(), meta.propertyCount()):
        prop = meta.property(index)
        entry: dict[str, object] = {
            "name": prop.name(),
            "type": _type(prop.typeName()),
            "index": index - meta.propertyOffset(),
            "read": prop.name(),
            "constant": prop.isConstant(),
            "final": prop.isFinal(),
            "designable": True,
            "scriptable": True,
            "stored": True,
            "user": False,
            "required": False,
        }
        if prop.isWritable():
            entry["write"] = "set" + prop.name()[:1].upper() + prop.name()[1:]
        if prop.hasNotifySignal():
            entry["notify"] = prop.notifySignal().name().data().decode()
        properties.append(entry)
    signals, slots, methods = [], [], []
    kinds = {
        QMetaMethod.MethodType.Signal: signals,
        QMetaMethod.MethodType.Slot: slots,
        QMetaMethod.MethodType.Method: methods,
    }
    for index in range(meta.methodOffset(), meta.methodCount()):
        method = meta.method(index)
        bucket = kinds.get(method.methodType())
        if bucket is None or method.access() != QMetaMethod.Access.Public:
            continue
        entry = {
            "access": "public",
            "name": method.name().data().decode(),
            "index": index - meta.methodOffset(),
            "returnType": _type(method.typeName()),
        }
        arguments = _arguments(method)
        if arguments:
            entry["arguments"] = arguments
        bucket.append(entry)
    enums = []
    for index in range(meta.enumeratorOffset(), meta.enumeratorCount()):
        enum = meta.enumerator(index)
        enums.append(
            {
                "name": enum.name(),
                "isClass": enum.isScoped(),
                "isFlag": enum.isFlag(),
                "values": [enum.key(k) for k in range(enum.keyCount())],
            }
        )
    # A Python base class (exhibit.qt.published.Published) declares no members of
    # its own; qmllint knows only Qt's classes, so name the nearest one of those.
    base = meta.superClass()
    while base is not None and not base.className().startswith("Q"):
        base = base.superClass()
    superclass = base.className() if base is not None else "QObject"
    described: dict[str, object] = {
        "className": qml.name,
        "qualifiedClassName": qml.name,
        "object": True,
        "superClasses": [{"access": "public", "name": superclass}],
        "classInfos": qml.infos,
        "properties": properties,
        "signals": signals,
        "slots": slots,
        "methods": methods,
        "enums": enums,
        "lineNumber": 1,
    }
    return described


def _registrar() -> list[str]:
    """The registrar: on PATH, beside this Python (a venv not on PATH), or in the wheel."""
    import PySide6

    name = "pyside6-qmltyperegistrar"
    beside = Path(sys.executable).parent / name
    bundled = Path(PySide6.__file__).resolve().parent / "Qt" / "libexec" / "qmltyperegistrar"
    for candidate in (shutil.which(name), beside, bundled):
        if candidate and Path(candidate).is_file():
            return [str(candidate)]
    raise SystemExit(f"{name} not found; install PySide6 (pip install -e .[test])")


def _foreign_types() -> list[str]:
    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    folders = [base / "Qt" / "metatypes", base / "metatypes"]
    files = []
    for folder in folders:
        for module in FOREIGN_MODULES:
            files.extend(sorted(folder.glob(f"qt6{module}_*metatypes.json")))
    return [str(f) for f in files]


def generate(out_dir: Path = DEFAULT_OUT) -> list[Path]:
    """Write one module folder per QML import name; return the folders."""
    sys.path.insert(0, str(PROJECT_DIR))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    by_import: dict[tuple[str, int, int], list[QmlModuleSource]] = {}
    for source in find_sources():
        by_import.setdefault((source.import_name, source.major, source.minor), []).append(source)
    folders = []
    foreign = _foreign_types()
    for (import_name, major, minor), sources in sorted(by_import.items()):
        folder = out_dir.joinpath(*import_name.split("."))
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        stem = import_name.lower().replace(".", "_")
        entries = []
        for source in sources:
            module = importlib.import_module(source.module)
            classes = [
                describe_class(getattr(module, qml.name), qml, source) for qml in source.classes
            ]
            entries.append(
                {
                    "classes": classes,
                    "inputFile": source.path.name,
                    "outputRevision": REVISION,
                }
            )
        json_file = folder / f"{stem}_metatypes.json"
        json_file.write_text(json.dumps(entries, indent=1), encoding="utf-8")
        qmltypes = folder / f"{stem}.qmltypes"
        command = [
            *_registrar(),
            "--generate-qmltypes",
            str(qmltypes),
            "-o",
            str(folder / f"{stem}_qmltyperegistrations.cpp"),
            "--import-name",
            import_name,
            "--major-version",
            str(major),
            "--minor-version",
            str(minor),
        ]
        if foreign:
            command.append("--foreign-types=" + ",".join(foreign))
        command.append(str(json_file))
        subprocess.run(command, check=True)
        (folder / "qmldir").write_text(
            f"module {import_name}\ntypeinfo {qmltypes.name}\ndepends QtQml\n", encoding="utf-8"
        )
        folders.append(folder)
    return folders


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    options = parser.parse_args(argv)
    for folder in generate(options.out):
        print(folder.relative_to(PROJECT_DIR) if folder.is_relative_to(PROJECT_DIR) else folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
