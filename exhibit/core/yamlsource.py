"""Read YAML so that every value remembers the file and line it came from.

Curators edit the content by hand. When something is wrong they need to be
told where, and about every problem at once, not one per run. So instead of
``yaml.safe_load`` we compose the document with PyYAML's safe loader and keep
the node tree: each :class:`YNode` carries its line and its field path, and
all readers append :class:`Problem` entries to a shared list instead of
raising.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # PyYAML is imported only when a file is actually read.
    import yaml
    from yaml.nodes import Node


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a file, printed as ``file:line: field: message``."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{self.file}:{self.line}: {where}{self.message}"


class ContentError(Exception):
    """Raised once, after reading, with every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class Problems:
    """Collects problems while a whole set of files is read."""

    items: list[Problem] = field(default_factory=list)

    def add(self, file: str, line: int, path: str, message: str) -> None:
        self.items.append(Problem(file, line, path, message))

    def at(self, node: YNode, message: str) -> None:
        self.add(node.file, node.line, node.path, message)

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise ContentError(self.items)


@dataclass(frozen=True)
class YNode:
    """A YAML value with its place in the file.

    ``value`` is a ``dict[str, YNode]`` for mappings, a ``list[YNode]`` for
    sequences, and a plain Python scalar otherwise.
    """

    value: Any
    file: str
    line: int
    path: str
    #: For a mapping, the line of each key: a misspelt key is reported there,
    #: not where a block written under it starts.
    key_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_sequence(self) -> bool:
        return isinstance(self.value, list)

    def child_path(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    def items(self) -> Iterator[tuple[str, YNode]]:
        return iter(self.value.items()) if self.is_mapping else iter(())

    def plain(self) -> Any:
        """The value without line information (for data that needs no checks)."""
        if self.is_mapping:
            return {k: v.plain() for k, v in self.value.items()}
        if self.is_sequence:
            return [v.plain() for v in self.value]
        return self.value


def _safe_loader_class() -> type[yaml.SafeLoader]:
    """libyaml's parser is ten times faster than the pure-Python one, which
    matters at start-up; both are safe loaders and report the same marks."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


CONTROL_PATTERN = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
_CONTROL = re.compile(CONTROL_PATTERN)
ID_PATTERN = r"[a-z0-9][a-z0-9._-]*"
"""An id: lower-case letters and digits, then also ``- . _``."""
MAX_FILE_BYTES = 2_000_000


def read_yaml(path: Path, display_name: str, problems: Problems) -> YNode | None:
    """Read one YAML file safely; on failure record the problem and return None."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.add(display_name, 1, "", f"cannot be read ({error.strerror or error})")
        return None
    if len(raw) > MAX_FILE_BYTES:
        problems.add(display_name, 1, "", f"is larger than {MAX_FILE_BYTES} bytes")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.add(display_name, line, "", "is not valid UTF-8 text")
        return None
    return parse_yaml(text, display_name, problems)


def parse_yaml(text: str, display_name: str, problems: Problems) -> YNode | None:
    """Parse YAML text with the safe loader and keep line numbers."""
    text = text.removeprefix("\ufeff")
    import yaml

    loader = _safe_loader_class()(text)
    try:
        root = loader.get_single_node()
        if root is None:
            problems.add(display_name, 1, "", "is empty")
            return None
        return _convert(root, loader, display_name, "", problems)
    except yaml.MarkedYAMLError as error:
        mark, message = _marked_error(error, text)
        line = mark.line + 1 if mark is not None else 1
        # At the end of a file without a final newline the parser's mark is
        # one line past the last: report the last line, where the file stops.
        line = min(line, text.count("\n") + 1)
        problems.add(display_name, line, "", f"is not valid YAML: {message}")
    except yaml.YAMLError as error:
        line = _reader_error_line(error, text)
        problems.add(display_name, line, "", f"is not valid YAML: {_short(error)}")
    except RecursionError:
        problems.add(display_name, 1, "", "is nested too deeply")
    finally:
        loader.dispose()
    return None


def _marked_error(error: yaml.MarkedYAMLError, text: str) -> tuple[yaml.Mark | None, str]:
    """Where a syntax error is, and what it is.

    An unclosed quote or bracket is only noticed at the end of the file, and a
    key without its colon on a later line: both are reported where the token
    began, which is where the curator has to look.
    """
    problem = error.problem or str(error)
    context = error.context or ""
    mark = error.problem_mark
    at_end = mark is not None and _only_space_after(text, mark.line, mark.column)
    if error.context_mark is not None and (at_end or "simple key" in context):
        return error.context_mark, f"{context}: {problem}"
    return error.problem_mark or error.context_mark, problem


def _only_space_after(text: str, line: int, column: int) -> bool:
    lines = text.splitlines()
    if line >= len(lines):
        return True
    return not (lines[line][column:] + "".join(lines[line + 1 :])).strip()


def _reader_error_line(error: yaml.YAMLError, text: str) -> int:
    position = getattr(error, "position", None)
    if isinstance(position, int):
        return text.count("\n", 0, position) + 1
    return 1


def _short(error: Exception) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _convert(
    node: Node, loader: yaml.SafeLoader, file: str, path: str, problems: Problems
) -> YNode:
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    line = node.start_mark.line + 1
    if isinstance(node, MappingNode):
        mapping: dict[str, YNode] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode):
                problems.add(file, key_line, path, "a key must be plain text")
                continue
            key = str(loader.construct_object(key_node))
            child_path = f"{path}.{key}" if path else key
            if key in mapping:
                problems.add(file, key_line, child_path, "is given twice")
                continue
            mapping[key] = _convert(value_node, loader, file, child_path, problems)
            key_lines[key] = key_line
        return YNode(mapping, file, line, path, key_lines)
    if isinstance(node, SequenceNode):
        items = [
            _convert(item, loader, file, f"{path}[{index}]", problems)
            for index, item in enumerate(node.value)
        ]
        return YNode(items, file, line, path)
    return YNode(loader.construct_object(node), file, line, path)


# ---------------------------------------------------------------------------
# Readers: each checks one kind of value, records a problem if it is wrong,
# and returns the value or None.


def check_keys(
    node: YNode,
    problems: Problems,
    *,
    required: tuple[str, ...] = (),
    optional: tuple[str, ...] = (),
) -> bool:
    """Report missing and unknown keys of a mapping; False if it is no mapping."""
    if not node.is_mapping:
        problems.at(node, f"should be a mapping with keys {', '.join(required)}")
        return False
    for key in required:
        if key not in node.value:
            problems.at(node, f"is missing '{key}'")
    known = set(required) | set(optional)
    for key, child in node.items():
        if key not in known:
            allowed = ", ".join(sorted(known))
            line = node.key_lines.get(key, child.line)
            problems.add(
                child.file, line, child.path, f"is not a known field here (known: {allowed})"
            )
    return True


def get_string(node: YNode | None, problems: Problems) -> str | None:
    if node is None:
        return None
    if not isinstance(node.value, str):
        problems.at(node, f"should be text, not {_kind(node)}")
        return None
    if not node.value.strip():
        problems.at(node, "is empty")
        return None
    return node.value


def get_id(node: YNode | None, problems: Problems) -> str | None:
    value = get_string(node, problems)
    if value is None or node is None:
        return None
    if not re.fullmatch(ID_PATTERN, value):
        problems.at(node, f"'{value}' is not an id (lower-case letters, digits, - . _)")
        return None
    return value


def get_number(
    node: YNode | None, problems: Problems, low: float | None = None, high: float | None = None
) -> float | None:
    if node is None:
        return None
    value = node.value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        problems.at(node, f"should be a number, not {_kind(node)}")
        return None
    if (low is not None and value < low) or (high is not None and value > high):
        problems.at(node, f"{value} is outside {low} to {high}")
        return None
    return float(value)


def get_bool(node: YNode | None, problems: Problems) -> bool | None:
    if node is None:
        return None
    if not isinstance(node.value, bool):
        problems.at(node, f"should be true or false, not {_kind(node)}")
        return None
    return node.value


def get_list(node: YNode | None, problems: Problems) -> list[YNode]:
    if node is None:
        return []
    if not node.is_sequence:
        problems.at(node, f"should be a list, not {_kind(node)}")
        return []
    return list(node.value)


def get_id_list(node: YNode | None, problems: Problems) -> list[tuple[str, YNode]]:
    """A list of ids, each with its node so references can be checked later."""
    result: list[tuple[str, YNode]] = []
    seen: set[str] = set()
    for item in get_list(node, problems):
        value = get_id(item, problems)
        if value is None:
            continue
        if value in seen:
            problems.at(item, f"'{value}' is listed twice")
            continue
        seen.add(value)
        result.append((value, item))
    return result


def check_plain_text(node: YNode, text: str, problems: Problems, max_length: int) -> None:
    if _CONTROL.search(text):
        problems.at(node, "contains a control character")
    if len(text) > max_length:
        problems.at(node, f"is {len(text)} characters long; the limit is {max_length}")


def _kind(node: YNode) -> str:
    value = node.value
    if value is None:
        return "nothing"
    if node.is_mapping:
        return "a mapping"
    if node.is_sequence:
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"'{value}'"
