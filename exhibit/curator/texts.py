"""Every text of a content folder, where it is written, and how to change it in place.

:func:`collect_texts` lists each text (a ``{language: text}`` mapping) of the
content files with the file, the id of the thing it belongs to (a step, a
place, a map, a source, a chapter, a UI string), the field within it, its
words in every language and the source it rests on. Where the texts are is
read from the content's JSON Schemas (:mod:`exhibit.core.schema`), so a text
field added to the model is listed with nothing else to change.

:func:`replace_texts` writes new words into a file's text by changing only
the characters of the scalars concerned, found by the YAML parser's marks:
every comment, blank line, key order, quote and indentation elsewhere stays
byte for byte as it was. A scalar keeps its style (plain, quoted, folded
``>-`` or literal ``|``) where the new words allow it, and the result is
parsed again to prove that exactly those values changed.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exhibit.core import schema
from exhibit.core.content import CHAPTERS_DIR, EXHIBIT_FILE, PLACES_FILE, UI_FILE

YamlPath = tuple[str | int, ...]

#: Width a re-folded ``>`` paragraph is wrapped to, indentation included.
FOLD_WIDTH = 80


@dataclass(frozen=True)
class TextEntry:
    """One text of the content: where it is, its words, and what it rests on."""

    file: str
    id: str
    field: str
    path: YamlPath
    values: Mapping[str, str]
    source: str

    @property
    def key(self) -> tuple[str, str, str]:
        return self.file, self.id, self.field


def content_files(content_dir: Path, chapter_ids: Sequence[str]) -> list[str]:
    """The content files, relative to the folder, in reading order."""
    chapters = [f"{CHAPTERS_DIR}/{chapter}.yaml" for chapter in chapter_ids]
    return [EXHIBIT_FILE, UI_FILE, PLACES_FILE, *chapters]


def collect_texts(
    content_dir: Path, languages: Sequence[str], chapter_ids: Sequence[str]
) -> list[TextEntry]:
    """Every text of the (valid) content in ``content_dir``, in file order."""
    schemas = schema.content_schemas(languages)
    entries: list[TextEntry] = []
    for relative in content_files(content_dir, chapter_ids):
        data = _load((content_dir / relative).read_text(encoding="utf-8"))
        document = schemas[schema.schema_for_file(relative)]
        stem = Path(relative).stem
        for path, owner, value in _walk_texts(data, document, document, (), (stem, ())):
            values = {code: str(value[code]).strip() for code in languages}
            entries.append(
                TextEntry(
                    file=relative,
                    id=owner[0],
                    field=_field_name(path[len(owner[1]) :]),
                    path=path,
                    values=values,
                    source=_source_of(data, path),
                )
            )
    return _unambiguous(entries)


def _field_name(relative: YamlPath) -> str:
    name = ""
    for part in relative:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name or "text"


def _resolve(document: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in node:
        node = document["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _is_text(node: Mapping[str, Any]) -> bool:
    return node.get("$ref") == "#/$defs/text"


def _walk_texts(
    data: Any,
    document: Mapping[str, Any],
    node: Mapping[str, Any],
    path: YamlPath,
    owner: tuple[str, YamlPath],
) -> Iterator[tuple[YamlPath, tuple[str, YamlPath], Mapping[str, Any]]]:
    """The texts inside ``data``, which follows the schema ``node``."""
    if _is_text(node):
        if isinstance(data, dict):
            yield path, owner, data
        return
    node = _resolve(document, node)
    for branch in [*node.get("oneOf", ()), *node.get("anyOf", ())]:
        resolved = _resolve(document, branch)
        if isinstance(data, dict) and resolved.get("type") == "object":
            yield from _walk_texts(data, document, branch, path, owner)
    if isinstance(data, list) and "items" in node:
        for index, item in enumerate(data):
            yield from _walk_texts(item, document, node["items"], (*path, index), owner)
    if isinstance(data, dict) and node.get("type") == "object":
        if isinstance(data.get("id"), str):
            owner = (data["id"], path)
        properties = node.get("properties", {})
        extra = node.get("additionalProperties")
        for key, value in data.items():
            child = properties.get(key)
            child_owner = owner
            if child is None and isinstance(extra, dict):
                child, child_owner = extra, (str(key), (*path, key))  # keyed by id: ui strings
            elif child is not None and isinstance(extra, dict) and "id" not in data:
                child_owner = (str(key), (*path, key))  # a named entry of a keyed mapping
            if child is not None:
                yield from _walk_texts(value, document, child, (*path, key), child_owner)


def _source_of(data: Any, path: YamlPath) -> str:
    """The source (and any outside source) of the nearest record on ``path`` that names one."""
    found = ""
    node = data
    for part in path:
        if isinstance(node, dict) and isinstance(node.get("source"), str):
            found = node["source"]
            extra = node.get("extra_source")
            notes = [extra] if isinstance(extra, str) else extra if isinstance(extra, list) else []
            for note in notes:
                if isinstance(note, str) and note.strip():
                    found += f"; also: {' '.join(note.split())}"
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    return found


def _unambiguous(entries: list[TextEntry]) -> list[TextEntry]:
    """Qualify an id by its list (``maps:valley``) where two things of a file share it."""
    counts: dict[tuple[str, str, str], int] = {}
    for entry in entries:
        counts[entry.key] = counts.get(entry.key, 0) + 1
    result = []
    for entry in entries:
        if counts[entry.key] > 1 and entry.path and isinstance(entry.path[0], str):
            entry = TextEntry(
                entry.file,
                f"{entry.path[0]}:{entry.id}",
                entry.field,
                entry.path,
                entry.values,
                entry.source,
            )
        result.append(entry)
    return result


# -- editing a file in place ---------------------------------------------------


def _loader() -> Any:
    """libyaml's safe loader where there is one: ten times faster, with the same marks."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(text: str) -> Any:
    import yaml

    return yaml.load(text, Loader=_loader())


class EditError(ValueError):
    """A text could not be written back so that the file reads as intended."""


@dataclass(frozen=True)
class _Scalar:
    start: int
    end: int
    style: str | None
    in_flow: bool
    column: int


def _find_scalar(root: Any, path: YamlPath) -> _Scalar:
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    node = root
    in_flow = False
    for part in path:
        if isinstance(node, MappingNode):
            in_flow = bool(node.flow_style)
            matches = [v for k, v in node.value if isinstance(k, ScalarNode) and k.value == part]
            if len(matches) != 1:
                raise EditError(f"no single key {part!r} at {path}")
            node = matches[0]
        elif isinstance(node, SequenceNode) and isinstance(part, int):
            in_flow = bool(node.flow_style)
            node = node.value[part]
        else:
            raise EditError(f"nothing at {path}")
    if not isinstance(node, ScalarNode):
        raise EditError(f"{path} is not a plain value")
    return _Scalar(
        node.start_mark.index, node.end_mark.index, node.style, in_flow, node.start_mark.column
    )


def _dump_scalar(value: str, style: str | None, in_flow: bool) -> str:
    """``value`` as one line of YAML, in ``style`` if it can be (else quoted)."""
    import yaml

    width = 10**9
    if style in ('"', "'"):
        text = yaml.safe_dump(value, default_style=style, allow_unicode=True, width=width)
    elif in_flow:
        text = yaml.safe_dump([value], default_flow_style=True, allow_unicode=True, width=width)
        text = text.strip()[1:-1]
    else:
        text = yaml.safe_dump(value, allow_unicode=True, width=width)
    text = text.strip()
    return text.removesuffix("\n...").removesuffix("...").strip()


def _foldable(value: str) -> bool:
    return (
        value == value.strip()
        and "\n" not in value
        and "  " not in value
        and "\t" not in value
        and bool(value)
    )


def _block(value: str, style: str, indent: str) -> list[str]:
    """The lines of a block scalar's body for ``value``."""
    if style == "|":
        return [indent + line if line else "" for line in value.split("\n")]
    lines: list[str] = []
    current = ""
    room = max(30, FOLD_WIDTH - len(indent))
    for word in value.split(" "):
        if current and len(current) + 1 + len(word) > room:
            lines.append(indent + current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(indent + current)
    return lines


def _render(text: str, scalar: _Scalar, value: str, newline: str) -> tuple[int, int, str]:
    """The span of ``text`` to replace, and what with, to make the scalar say ``value``."""
    region = text[scalar.start : scalar.end]
    if scalar.style in (">", "|"):
        header, _, body = region.partition("\n")
        body_lines = [line for line in body.split("\n") if line.strip()]
        if body_lines and (scalar.style == "|" or _foldable(value)) and "\r" not in value:
            first = body_lines[0]
            indent = first[: len(first) - len(first.lstrip(" "))]
            kept = region.rstrip()
            lines = _block(value, scalar.style, indent)
            header = header.rstrip("\r")
            return scalar.start, scalar.start + len(kept), newline.join([header, *lines])
        # Words that a folded block cannot hold exactly: one quoted line instead.
        kept = region.rstrip()
        return scalar.start, scalar.start + len(kept), _dump_scalar(value, '"', False)
    return scalar.start, scalar.end, _dump_scalar(value, scalar.style, scalar.in_flow)


def replace_texts(text: str, changes: Mapping[YamlPath, str], display: str = "") -> str:
    """``text`` with each scalar at a path of ``changes`` saying its new value.

    Only those scalars' characters change; the values are stripped, as the
    reader strips them. Raises :class:`EditError` if the
    result would not read back as exactly the old document with those values.
    """
    changes = {path: value.strip() for path, value in changes.items()}
    if not changes:
        return text
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text.removeprefix("\ufeff")
    newline = "\r\n" if "\r\n" in body else "\n"
    loader = _loader()(body)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    spans = sorted(
        (
            _render(body, _find_scalar(root, path), value, newline)
            for path, value in changes.items()
        ),
        reverse=True,
    )
    for start, end, replacement in spans:
        body = body[:start] + replacement + body[end:]
    _check_result(text.removeprefix("\ufeff"), body, changes, display)
    return bom + body


def _check_result(old: str, new: str, changes: Mapping[YamlPath, str], display: str) -> None:
    import yaml

    expected = copy.deepcopy(_load(old))
    try:
        actual = _load(new)
    except yaml.YAMLError as error:  # pragma: no cover - a bug in the rendering above
        raise EditError(f"{display}: the edited file is not YAML: {error}") from None
    for path, value in changes.items():
        _set(expected, path, value)
        current = _get(actual, path)
        if isinstance(current, str):
            _set(actual, path, current.strip())
    if actual != expected:
        raise EditError(f"{display}: writing the new texts would change other values")


def _get(data: Any, path: YamlPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _set(data: Any, path: YamlPath, value: Any) -> None:
    _get(data, path[:-1])[path[-1]] = value
