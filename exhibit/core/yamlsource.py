"""Read YAML so that every value remembers the file and line it came from.

Curators edit the content by hand. When something is wrong they need to be
told where, and about every problem at once, not one per run. So instead of
``yaml.safe_load`` we build the document from the events of PyYAML's safe
parser and keep the tree: each :class:`YNode` carries its line and its field
path, and all readers append :class:`Problem` entries to a shared list
instead of raising.

The same reader takes the content, the settings file and (with JSON's rules
for plain values) the map assets, and none of them can stop the exhibit: a
file is read only if it is a regular file of at most :data:`MAX_FILE_BYTES`,
and the parse stops at the first alias, explicit tag, over-long number, or
value past :data:`MAX_VALUES` or :data:`MAX_DEPTH`, each reported at its line.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NoReturn

from exhibit.core.files import UnreadableFileError, read_regular_file

if TYPE_CHECKING:  # PyYAML is imported only when a file is actually read.
    import yaml


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
        if node.value is REFUSED:  # reported once already, where it was read
            return
        self.add(node.file, node.line, node.path, message)

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise ContentError(self.items)


class _RefusedValue:
    """What a value the reader refused (an alias, a tag, a number too long) reads as."""

    def __repr__(self) -> str:
        return "a refused value"


REFUSED = _RefusedValue()
_NO_KEYS: Mapping[str, int] = MappingProxyType({})
"""Stands for a value that was reported and left out; checks say nothing more about it."""


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
    key_lines: Mapping[str, int] = field(
        default_factory=lambda: _NO_KEYS, compare=False, repr=False
    )

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


# Limits on what one file may hold. Each is far above what the exhibit needs
# (the largest shipped file is 21 KB with 1,115 values, nested 7 deep) and
# low enough that no file can keep the exhibit busy for more than a moment or
# fill its memory: the parser stops at the first value past a limit.
MAX_FILE_BYTES = 2_000_000
MAX_VALUES = 20_000
MAX_DEPTH = 40
#: Characters in a number: 17 significant digits, a sign, a point, an exponent.
MAX_NUMBER_CHARS = 32
#: Values refused in one file (aliases, tags ...) before the rest goes unread.
MAX_REFUSALS = 20


def read_file(
    path: Path, display_name: str, problems: Problems, limit: int = MAX_FILE_BYTES
) -> bytes | None:
    """:func:`read_regular_file`, recording the reason as a problem on failure."""
    try:
        return read_regular_file(path, limit)
    except UnreadableFileError as refused:
        problems.add(display_name, 1, "", str(refused))
        return None


def read_yaml(path: Path, display_name: str, problems: Problems) -> YNode | None:
    """Read one YAML file safely; on failure record the problem and return None."""
    raw = read_file(path, display_name, problems)
    return None if raw is None else parse_yaml_bytes(raw, display_name, problems)


def decode_text(raw: bytes, display_name: str, problems: Problems) -> str | None:
    """``raw`` as UTF-8 text, or None after recording where it is not."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.add(display_name, line, "", "is not valid UTF-8 text")
        return None


def parse_yaml_bytes(raw: bytes, display_name: str, problems: Problems) -> YNode | None:
    text = decode_text(raw, display_name, problems)
    return None if text is None else parse_yaml(text, display_name, problems)


class _StopParseError(Exception):
    """Stops the parse of a file at a value it must not hold (problem already recorded)."""


@dataclass
class _Open:
    """A mapping or list being read: its values so far."""

    node_line: int
    path: str
    is_mapping: bool
    mapping: dict[str, YNode] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    items: list[YNode] = field(default_factory=list)
    #: The key whose value comes next (mappings); "" + skip for a bad or repeated key.
    key: str | None = None
    skip_value: bool = False
    #: Reported already (a tag): it is read through, then stands as REFUSED.
    refused: bool = False

    def child_path(self) -> str:
        if not self.is_mapping:
            return f"{self.path}[{len(self.items)}]"
        if not self.key:  # a key is being read, or the value of a refused key
            return self.path
        return f"{self.path}.{self.key}" if self.path else self.key


ScalarReader = Callable[[Any, Any], Any]
"""Turns a scalar event into a value (given the loader); raises ValueError with the reason."""


def parse_yaml(
    text: str,
    display_name: str,
    problems: Problems,
    *,
    scalar: ScalarReader | None = None,
) -> YNode | None:
    """Parse YAML text into located values, refusing what the exhibit never needs.

    The document is built from the parser's events, one at a time, so that a
    limit stops it at once: aliases (``*name``, the "billion laughs"), explicit
    tags (``!!bool maybe``, ``!!python/object``), more than
    :data:`MAX_VALUES` values, nesting deeper than :data:`MAX_DEPTH` and
    numbers longer than :data:`MAX_NUMBER_CHARS` are each one problem at
    their line. Plain values are only text, whole and decimal numbers,
    true/false and nothing (``null``): anything else YAML 1.1 would read
    (dates, binary) stays text. ``scalar`` reads plain values differently
    (JSON's rules, see :func:`json_scalar`).
    """
    text = text.removeprefix("\ufeff")
    import yaml

    loader = _safe_loader_class()(text)
    try:
        last_line = text.count("\n") + 1
        return _compose(loader, display_name, problems, scalar or yaml_scalar, last_line)
    except _StopParseError:
        return None
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
    finally:
        loader.dispose()
    return None


def _compose(
    loader: Any, file: str, problems: Problems, scalar: ScalarReader, last_line: int
) -> YNode | None:
    import yaml

    loader.get_event()  # the stream's start
    if loader.check_event(yaml.StreamEndEvent):
        problems.add(file, 1, "", "is empty")
        return None
    loader.get_event()  # the document's start
    stack: list[_Open] = []
    values = 0
    root: YNode | None = None

    def line_of(event: Any) -> int:
        # A value cut off by the end of a file without a final newline is
        # marked one line past the last: it is on the last line.
        return min(event.start_mark.line + 1, last_line)

    def refuse(event: Any, path: str, message: str) -> NoReturn:
        """Report ``message`` and stop reading the file."""
        problems.add(file, line_of(event), path, message)
        raise _StopParseError

    refusals = 0

    def refused(event: Any, path: str, message: str) -> None:
        """Report ``message`` and read on, the value standing as :data:`REFUSED`."""
        nonlocal refusals
        refusals += 1
        if refusals > MAX_REFUSALS:
            refuse(event, "", f"more than {MAX_REFUSALS} values are refused; fix these first")
        problems.add(file, line_of(event), path, message)
        place(YNode(REFUSED, file, line_of(event), path), event)

    def place(node: YNode, key_event: Any | None) -> None:
        """Put a finished value into the mapping or list that holds it (or make it the root)."""
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1]
        if not parent.is_mapping:
            parent.items.append(node)
        elif parent.key is None:  # this value is a key
            if key_event is None or node.value is REFUSED:  # a list, a mapping, a tag ...
                if node.value is not REFUSED:
                    problems.add(file, node.line, parent.path, "a key must be plain text")
                parent.key, parent.skip_value = "", True
                return
            key = str(key_event.value)
            parent.key, parent.skip_value = key, key in parent.mapping
            if parent.skip_value:
                path = f"{parent.path}.{key}" if parent.path else key
                problems.add(file, node.line, path, "is given twice")
            else:
                parent.key_lines[key] = node.line
        else:
            if not parent.skip_value:
                parent.mapping[parent.key] = node
            parent.key, parent.skip_value = None, False

    while not loader.check_event(yaml.DocumentEndEvent):
        event = loader.get_event()
        path = stack[-1].child_path() if stack else ""
        if isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            done = stack.pop()
            value: Any = done.mapping if done.is_mapping else done.items
            if done.refused:
                value = REFUSED
            place(YNode(value, file, done.node_line, done.path, done.key_lines), None)
            continue
        values += 1
        if values > MAX_VALUES:
            refuse(event, path, f"the file holds more than {MAX_VALUES} values; that is the limit")
        if isinstance(event, yaml.AliasEvent):
            # Never expanded: an alias is where "billion laughs" files multiply.
            refused(event, path, f"repeats a value with the alias *{event.anchor}; " + _NO_ALIAS)
            continue
        tag_problem = None if event.tag is None else f"has the tag {event.tag}; " + _NO_TAG
        line = line_of(event)
        if isinstance(event, yaml.ScalarEvent):
            if tag_problem is not None:
                refused(event, path, tag_problem)
                continue
            try:
                scalar_value = scalar(event, loader)
            except ValueError as error:
                refused(event, path, str(error))
                continue
            place(YNode(scalar_value, file, line, path), event)
            continue
        if len(stack) >= MAX_DEPTH:
            refuse(event, path, f"is nested more than {MAX_DEPTH} levels deep")
        if tag_problem is not None:
            problems.add(file, line, path, tag_problem)
        is_mapping = isinstance(event, yaml.MappingStartEvent)
        stack.append(_Open(line, path, is_mapping, refused=tag_problem is not None))
    loader.get_event()  # the document's end
    if not loader.check_event(yaml.StreamEndEvent):
        event = loader.get_event()
        problems.add(file, line_of(event), "", "holds more than one document (a second '---')")
        return None
    return root


_MAY_RESOLVE = frozenset("+-.0123456789<=FNOTYfnoty~")
_NO_ALIAS = "aliases are not allowed: write the value out"
_NO_TAG = 'tags are not allowed: write a plain value (in quotes, "...", for text)'
_YAML_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


def yaml_scalar(event: Any, loader: Any) -> Any:
    """A plain YAML value as text, number, true/false or None; quoted values are text.

    Numbers are YAML 1.1's (so an unquoted ``04:00`` is 240, base 60, as the
    clock times rely on) but at most :data:`MAX_NUMBER_CHARS` long; dates and
    the other types YAML could read stay text for the checks to judge.
    """
    value = event.value
    if not event.implicit[0]:
        return value
    # Most values are words: only a short one (yes, off, null ...) can be anything but text.
    if value and ((value[0].isalpha() and len(value) > 5) or value[0] not in _MAY_RESOLVE):
        return value
    from yaml.nodes import ScalarNode

    tag = loader.resolve(ScalarNode, value, (True, False))
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return loader.construct_yaml_bool(ScalarNode(tag, event.value))
    if tag in _YAML_NUMBER_TAGS:
        _check_number_length(event.value)
        node = ScalarNode(tag, event.value)
        construct = (
            loader.construct_yaml_int if tag.endswith("int") else loader.construct_yaml_float
        )
        try:
            return construct(node)
        except (ValueError, ArithmeticError):
            raise ValueError(f"'{event.value}' is not a number YAML can read") from None
    return event.value


_JSON_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_JSON_WORDS = {"true": True, "false": False, "null": None}


def json_scalar(event: Any, loader: Any) -> Any:
    """A JSON value: double-quoted text, a JSON number, true, false or null."""
    del loader
    if event.style == '"':
        return event.value
    if event.style is None or event.style == "":
        if event.value in _JSON_WORDS:
            return _JSON_WORDS[event.value]
        match = _JSON_NUMBER.fullmatch(event.value)
        if match:
            _check_number_length(event.value)
            if match.group(1) is None and match.group(2) is None:
                return int(event.value)
            number = float(event.value)
            if not math.isfinite(number):
                raise ValueError(f"{event.value} is too large a number")
            return number
    raise ValueError(f"'{event.value[:40]}' is not a JSON value (text must be in double quotes)")


def _check_number_length(text: str) -> None:
    if len(text) > MAX_NUMBER_CHARS:
        raise ValueError(
            f"is a number {len(text)} characters long; the limit is {MAX_NUMBER_CHARS}"
        )


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


MAX_ID_LENGTH = 64
ID_PATTERN = r"[a-z0-9][a-z0-9._-]*"
"""An id: lower-case letters and digits, then also ``- . _``."""


def get_id(node: YNode | None, problems: Problems) -> str | None:
    value = get_string(node, problems)
    if value is None or node is None:
        return None
    if not re.fullmatch(ID_PATTERN, value):
        problems.at(node, f"{_quoted(value)} is not an id (lower-case letters, digits, - . _)")
        return None
    if len(value) > MAX_ID_LENGTH:
        problems.at(node, f"is {len(value)} characters long; an id may have {MAX_ID_LENGTH}")
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


@dataclass(frozen=True)
class TextRule:
    """How long a kind of text may be, and whether it may break lines."""

    max_length: int
    line_breaks: bool = False


# Bidirectional embeddings, overrides and isolates reorder what follows them
# (U+202E shows "1954" as "4591"); nothing in the exhibit needs them. The
# plain marks (U+200E, U+200F, U+061C) only steer neutral characters and stay.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Letters and symbols that draw nothing (fillers and the blank braille cell).
_BLANK_GRAPHICS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_VISIBLE_CATEGORIES = frozenset("LNPS")


# What no text may hold: C0 and C1 controls (a line feed is allowed only where
# line breaks are), the line and paragraph separators, the bidi controls above,
# surrogates, private-use characters and the noncharacters U+FDD0..FDEF, U+xFFFE/F.
CONTROL_PATTERN = r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
"""What no text may hold, as a regular expression the JSON Schema shares: C0 and
C1 controls but the line feed (allowed in paragraphs only), the line and
paragraph separators, and the bidi controls above."""
_FORBIDDEN = re.compile(
    CONTROL_PATTERN
    # ... nor surrogates, private-use characters or noncharacters.
    + "|[\ud800-\uf8ff\ufdd0-\ufdef\ufffe\uffff\U000f0000-\U0010ffff]"
    + "|[\U0001fffe-\U0001ffff\U0002fffe-\U0002ffff\U000efffe-\U000effff]"
)
_LINE_FEED = re.compile("\n")
_LETTER_OR_DIGIT = re.compile("[^\\W_\u115f\u1160\u3164\uffa0]")


def text_problem(text: str, rule: TextRule) -> str | None:
    """Why ``text`` (already normalised) cannot be shown, or None if it can."""
    bad = _FORBIDDEN.search(text) or (None if rule.line_breaks else _LINE_FEED.search(text))
    if bad is not None:
        char = bad.group()
        code = f"U+{ord(char):04X}"
        if char in _BIDI_CONTROLS:
            return f"contains the direction control {code}, which reorders the text"
        if char in "\n\r\x85\u2028\u2029":
            if rule.line_breaks:
                return f"contains the line break {code}; break lines with a plain new line"
            return f"contains a line break ({code}); this text must be one line"
        if unicodedata.category(char) == "Cc":
            return f"contains a control character ({code})"
        return f"contains {code}, which is not a character a font can draw"
    if not text.isascii() and any(unicodedata.category(c) == "Cn" for c in set(text)):
        unassigned = next(c for c in text if unicodedata.category(c) == "Cn")
        return f"contains U+{ord(unassigned):04X}, which is not a character a font can draw"
    if not _LETTER_OR_DIGIT.search(text) and not any(
        unicodedata.category(char)[0] in _VISIBLE_CATEGORIES and char not in _BLANK_GRAPHICS
        for char in set(text)
    ):
        return "has no visible character"
    if len(text) > rule.max_length:
        return f"is {len(text)} characters long; the limit is {rule.max_length}"
    return None


def normalise_text(text: str) -> str:
    """The form every text is kept in: Unicode NFC, without surrounding white space.

    NFC composes a letter and its marks into one character where Unicode has
    one (Vietnamese ``ệ`` typed as ``e`` + two marks), so that a text looks
    and measures the same however the editor typed it.
    """
    return unicodedata.normalize("NFC", text).strip()


def get_plain_string(node: YNode | None, problems: Problems, max_length: int) -> str | None:
    """A string for the machine, not for visitors (a screen's name, a path): not empty,
    no character :data:`CONTROL_PATTERN` names, at most ``max_length`` characters.

    The JSON Schema of the settings says exactly the same."""
    value = get_string(node, problems)
    if value is None or node is None:
        return None
    bad = re.search(CONTROL_PATTERN, value)
    if bad is not None:
        problems.at(node, f"contains a control character (U+{ord(bad.group()):04X})")
        return None
    if len(value) > max_length:
        problems.at(node, f"is {len(value)} characters long; the limit is {max_length}")
        return None
    return value


def get_text(node: YNode | None, problems: Problems, rule: TextRule) -> str | None:
    """A text for people to read: :func:`normalise_text`, then :func:`text_problem`."""
    value = get_string(node, problems)
    if value is None or node is None:
        return None
    text = normalise_text(value)
    problem = text_problem(text, rule)
    if problem is not None:
        problems.at(node, problem)
        return None
    return text


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
    return _quoted(str(value))


def _quoted(text: str, limit: int = 40) -> str:
    """A value quoted in a message, shortened: a problem line stays one readable line."""
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(shown) if any(not c.isprintable() for c in shown) else f"'{shown}'"
