"""Load and validate the exhibit's content folder.

``load_content`` reads every file, checks everything it can (types, unknown
keys, translations, ids, references, time order, asset and source files), and
either returns an :class:`~exhibit.core.model.Exhibit` or raises one
:class:`~exhibit.core.yamlsource.ContentError` listing every problem with its
file, line and field. Nothing here needs Qt.

Only the files the content names are read (``exhibit.yaml``, ``ui.yaml``,
``places.yaml``, the chapters ``exhibit.yaml`` lists and the map assets
``places.yaml`` names), never the rest of the folder, each through the
bounded reader of :mod:`exhibit.core.yamlsource`. :func:`read_content` also
says which files it read (and which it looked for and did not find), so a
cache of the result can be checked against exactly those files.

Every text passes the same rules (:data:`TEXT_RULES`): it is kept in Unicode
NFC without surrounding spaces, and refused with its file and line if it has
a control character, a line break where one is not allowed, a direction
override, nothing visible, or more characters than its kind allows.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from exhibit.core.assets import MAX_MAP_BYTES, map_asset_data
from exhibit.core.files import PRESENT, UnreadableFileError, read_regular_file, resolved
from exhibit.core.images import MAX_IMAGE_BYTES, ImageError, image_info
from exhibit.core.model import (
    AREA_LABEL_KINDS,
    ARROW_KINDS,
    FLAG_KINDS,
    PLACE_KINDS,
    AreaLabel,
    Arrow,
    Chapter,
    Convergence,
    EventTime,
    Exhibit,
    Figure,
    Flag,
    Language,
    MapDef,
    MapKind,
    Picture,
    Place,
    Quote,
    Source,
    Step,
    StrongholdState,
    Text,
)
from exhibit.core.yamlsource import (
    MAX_FILE_BYTES,
    MAX_ID_LENGTH,
    Problems,
    TextRule,
    YNode,
    check_keys,
    get_id,
    get_id_list,
    get_list,
    get_number,
    get_string,
    get_text,
    parse_yaml_bytes,
)

EXHIBIT_FILE = "exhibit.yaml"
UI_FILE = "ui.yaml"
PLACES_FILE = "places.yaml"
CHAPTERS_DIR = "chapters"
SOURCES_DIR = "sources"

#: The UI string keys the program asks for. The words themselves are content.
REQUIRED_STRINGS = (
    "home",
    "next",
    "previous",
    "step_of",
    "chapter_label",
    "choose_chapter",
    "close",
    "back_to_step",
    "map_reset",
    "map_schematic",
    "legend_title",
    "legend_vietnam",
    "legend_neighbour",
    "legend_highlight",
    "legend_town",
    "legend_region",
    "legend_airfield",
    "legend_road",
    "legend_railway",
    "legend_archipelago",
    "legend_stronghold",
    "legend_stronghold_attacked",
    "legend_stronghold_taken",
    "legend_stronghold_untold",
    "legend_command_post",
    "legend_sector",
    "legend_hill",
    "legend_mountains",
    "legend_river",
    "legend_bridge",
    "legend_escape",
    "legend_direction",
    "legend_converge",
    "legend_advance",
    "legend_encircle",
    "legend_flag_victory",
    "legend_flag_white",
    "north",
    "locator_label",
    "play",
    "pause",
    "timeline",
    "clock_date",
    "clock_spoken_hour",
    "clock_spoken_time",
    "state_attacked",
    "state_taken",
    "state_holding",
    "totals_title",
    "idle_title",
    "idle_body",
    "idle_continue",
    "touch_to_begin",
    "admin_title",
    "admin_enter_pin",
    "admin_wrong_pin",
    "admin_wait",
    "admin_exit",
    "cancel",
    "ok",
    "delete",
    "presenter_current",
    "presenter_next",
    "presenter_notes",
    "presenter_elapsed",
    "presenter_end",
    "source_label",
    "places_label",
    "who_label",
    "language_switch_hint",
    "handout_sources",
    "handout_outside_sources",
    "handout_page",
    "map_scale",
    "handout_file",
    "handout_save_title",
    "handout_saved",
    "handout_failed",
    "preview_problems",
    "preview_hint",
)

#: The kinds of text and how long each may be, in characters (after NFC).
#: Every limit is several times the longest shipped text of its kind, and
#: short enough that the text still fits where the exhibit shows it.
LANGUAGE_NAME = TextRule(24)
LABEL = TextRule(120)  # a place's name, a button, a figure, a time label, who
TITLE = TextRule(200)  # titles and the names of sources
PARAGRAPH = TextRule(1200, line_breaks=True)  # a step's body, a place's card, notes
CAPTION = TextRule(400)  # what an image shows: its caption and its alt text
RECORD = TextRule(2000)  # a curator's record (extra_source, to_confirm), never shown
TEXT_RULES = {
    "language name": LANGUAGE_NAME,
    "label": LABEL,
    "title": TITLE,
    "paragraph": PARAGRAPH,
    "caption": CAPTION,
    "record": RECORD,
}
#: The longest text of any kind (what the JSON Schema can say of every text).
MAX_TEXT_LENGTH = max(rule.max_length for rule in TEXT_RULES.values())
MAX_ASSET_PATH = 200
_FIELD = re.compile(r"\{([a-z_]+)\}")
TIME_PATTERN = r"([01]\d|2[0-3]):([0-5]\d)"
_TIME = re.compile(TIME_PATTERN)

#: The keys of each file's top-level mapping, all required.
EXHIBIT_KEYS = ("languages", "default_language", "title", "subtitle", "sources", "chapters")
UI_KEYS = ("strings",)
PLACES_KEYS = ("maps", "places")
#: An event the source gives no hour for: a window and the label shown instead of a time.
TIME_WINDOW_KEYS = ("after", "before", "label")
#: The states a step may give a stronghold (all hold until the content says otherwise).
STEP_STATES = (StrongholdState.ATTACKED.value, StrongholdState.TAKEN.value)

LAT_RANGE = (-90, 90)
LON_RANGE = (-180, 180)
PLAN_RANGE = (0, 1)
PLAY_SECONDS_RANGE = (5, 3600)
BEARING_RANGE = (0, 360)

#: A field of the model written in the files as other, optional keys (none:
#: the reader derives it, as a source's file from its id).
_SPELLED_AS: dict[tuple[type, str], tuple[str, ...]] = {
    (Place, "point"): ("lat", "lon", "x", "y"),
    (Source, "file"): (),
    (Arrow, "target"): ("to",),
    (Arrow, "origin"): ("from",),
    (MapDef, "data"): (),  # read from the asset the map names
}


@cache
def record_keys(record: type) -> dict[str, tuple[str, ...]]:
    """The keys of a record's mapping in a content file, as ``required`` and ``optional``.

    They are the model's dataclass fields, required unless the field has a
    default, so a field added to the model is a key the reader accepts and
    the JSON Schema (:mod:`exhibit.core.schema`) lists, with nothing else to
    update.
    """
    required: list[str] = []
    optional: list[str] = []
    for item in dataclasses.fields(record):
        spelled = _SPELLED_AS.get((record, item.name))
        if spelled is not None:
            optional.extend(spelled)
        elif item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING:
            required.append(item.name)
        else:
            optional.append(item.name)
    return {"required": tuple(required), "optional": tuple(optional)}


FileRecord = tuple[str, str | None]
"""A file the content depends on: its absolute path and the SHA-256 of its bytes
(:data:`PRESENT`: only its being there counts; None: it was looked for and not
found, or could not be read)."""


@dataclass
class _Reader:
    """Shared state while one content folder is read."""

    root: Path
    assets_dirs: tuple[Path, ...]
    problems: Problems = field(default_factory=Problems)
    languages: tuple[str, ...] = ()
    #: Every id declared, valid or not (None: the file could not be read). A
    #: reference is wrong only if it names nothing declared; a declared entry
    #: with a mistake of its own is reported once, where it is written.
    declared_sources: set[str] = field(default_factory=set)
    declared_maps: set[str] | None = None
    declared_places: set[str] | None = None
    #: Every file looked at, in order, with the SHA-256 of its bytes (None: absent).
    files: list[tuple[Path, str | None]] = field(default_factory=list)

    def unknown(self, declared: set[str] | None, ident: str) -> bool:
        return declared is not None and ident not in declared

    def display(self, path: Path) -> str:
        """A file's name in problems: relative to the folder above the content or assets."""
        for base in (self.root, *self.assets_dirs):
            try:
                return path.relative_to(base.parent).as_posix()
            except ValueError:
                continue
        return path.as_posix()

    def exists(self, path: Path) -> bool:
        """Whether ``path`` is there to be read (recorded: a cache depends on it)."""
        found = _is_file(path) or _exists(path)
        if not found:
            self.files.append((path, None))
        return found

    def is_present(self, path: Path) -> bool:
        """Whether ``path`` is a regular file, for a file the content only names (recorded)."""
        present = _is_file(path)
        self.files.append((path, PRESENT if present else None))
        return present

    def read_bytes(self, path: Path, limit: int | None = None) -> bytes | None:
        """The bytes of a file the content names, recorded with their hash; None if refused."""
        try:
            data = read_regular_file(path, MAX_FILE_BYTES if limit is None else limit)
        except UnreadableFileError as refused:
            self.problems.add(self.display(path), 1, "", str(refused))
            self.files.append((path, None))
            return None
        self.files.append((path, hashlib.sha256(data).hexdigest()))
        return data

    def read(self, relative: str) -> YNode | None:
        path = self.root / relative
        if not self.exists(path):
            self.problems.add(self.display(path), 1, "", "is missing")
            return None
        data = self.read_bytes(path)
        return None if data is None else parse_yaml_bytes(data, self.display(path), self.problems)

    def text(self, node: YNode | None, rule: TextRule = LABEL) -> Text | None:
        """A ``{language: text}`` mapping with every declared language."""
        if node is None:
            return None
        if not node.is_mapping:
            self.problems.at(node, "should be a text in every language, e.g. {vi: ..., en: ...}")
            return None
        values: dict[str, str] = {}
        for code in self.languages:
            child = node.value.get(code)
            if child is None:
                self.problems.at(node, f"is missing the '{code}' translation")
                continue
            value = get_text(child, self.problems, rule)
            if value is not None:
                values[code] = value
        for code, child in node.items():
            if code not in self.languages:
                self.problems.at(child, f"'{code}' is not a declared language")
        if len(values) != len(self.languages):
            return None
        self._check_fields_match(node, values)
        return Text(values)

    def _check_fields_match(self, node: YNode, values: dict[str, str]) -> None:
        fields = {code: set(_FIELD.findall(value)) for code, value in values.items()}
        first_code, first = next(iter(fields.items()))
        for code, names in fields.items():
            if names != first:
                self.problems.at(
                    node,
                    f"'{code}' has fields {sorted(names)} but '{first_code}' has {sorted(first)}",
                )

    def asset(self, node: YNode | None) -> Path | None:
        relative = get_text(node, self.problems, TextRule(MAX_ASSET_PATH))
        if relative is None or node is None:
            return None
        if Path(relative).is_absolute() or ".." in Path(relative).parts:
            self.problems.at(node, "should be a path inside the assets folder")
            return None
        for base in self.assets_dirs:
            candidate = base / relative
            if self.exists(candidate):
                return candidate
        self.problems.at(node, f"the asset file '{relative}' does not exist")
        return None

    def map_data(self, path: Path, kind: MapKind) -> Any | None:
        """The checked JSON of a map asset, read once."""
        raw = self.read_bytes(path, MAX_MAP_BYTES)
        return None if raw is None else map_asset_data(raw, self.display(path), kind, self.problems)

    def image(self, node: YNode | None) -> Path | None:
        """An image file inside the content folder that the exhibit can show (recorded)."""
        relative = get_string(node, self.problems)
        if relative is None or node is None:
            return None
        relative = relative.strip()
        path = self.root / relative
        inside = not Path(relative).is_absolute() and ".." not in Path(relative).parts
        try:
            inside = inside and path.resolve().is_relative_to(self.root)
        except (OSError, RuntimeError, ValueError):
            inside = False
        if not inside:
            self.problems.at(node, f"'{relative}' should be a path inside the content folder")
            return None
        try:
            data = read_regular_file(path, MAX_IMAGE_BYTES)
        except UnreadableFileError as refused:
            self.files.append((path, None))
            if str(refused) == "is missing":
                self.problems.at(node, f"the image file '{relative}' does not exist")
            else:
                self.problems.at(node, f"the image file '{relative}' {refused}")
            return None
        self.files.append((path, hashlib.sha256(data).hexdigest()))
        try:
            image_info(data)
        except ImageError as error:
            self.problems.at(node, f"the image file '{relative}' {error}")
            return None
        return path.resolve()


def _is_file(path: Path) -> bool:
    """Whether ``path`` is a file; a name the system cannot look up (too long ...) is not."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _exists(path: Path) -> bool:
    """Whether anything at all is at ``path``: a FIFO, a folder, a broken link ...

    Each is then reported where it is read, rather than passed over for a
    file of the same name elsewhere.
    """
    try:
        path.lstat()
    except (OSError, ValueError):
        return False
    return True


@dataclass(frozen=True)
class LoadedContent:
    """Validated content and every file it was read from, in the order read."""

    exhibit: Exhibit
    files: tuple[FileRecord, ...]


def load_content(content_dir: Path, assets_dir: Path | None = None) -> Exhibit:
    """Read and validate a content folder; raise ContentError with every problem.

    Asset paths are looked up in the content folder itself first, so a curator
    can ship a folder with its own assets, then in ``assets_dir`` (the assets
    bundled with the program).
    """
    return read_content(content_dir, assets_dir).exhibit


def read_content(content_dir: Path, assets_dir: Path | None = None) -> LoadedContent:
    """:func:`load_content`, with the files the content was read from."""
    root = resolved(content_dir)
    bases = (root,) if assets_dir is None else (root, resolved(assets_dir))
    reader = _Reader(root, bases)
    problems = reader.problems

    exhibit_node = reader.read(EXHIBIT_FILE)
    if exhibit_node is None:
        problems.raise_if_any()
        raise AssertionError("unreachable")  # pragma: no cover
    languages, default_language = _read_languages(reader, exhibit_node)
    reader.languages = tuple(language.code for language in languages)

    check_keys(exhibit_node, problems, required=EXHIBIT_KEYS)
    title = reader.text(exhibit_node.value.get("title"), TITLE)
    subtitle = reader.text(exhibit_node.value.get("subtitle"), TITLE)
    sources = _read_sources(reader, exhibit_node.value.get("sources"))
    chapter_ids = get_id_list(exhibit_node.value.get("chapters"), problems)

    strings = _read_strings(reader)
    maps, places, place_nodes = _read_places(reader, reader.declared_sources)
    chapters = [
        _read_chapter(reader, chapter_id, id_node, reader.declared_sources, maps, places)
        for chapter_id, id_node in chapter_ids
    ]
    _check_place_references(reader, places, place_nodes)
    if not chapter_ids and exhibit_node.is_mapping and "chapters" in exhibit_node.value:
        problems.at(exhibit_node.value["chapters"], "lists no chapter")

    problems.raise_if_any()
    assert title is not None and subtitle is not None
    exhibit = Exhibit(
        languages=languages,
        default_language=default_language,
        title=title,
        subtitle=subtitle,
        sources=sources,
        chapters=tuple(c for c in chapters if c is not None),
        strings=strings,
        maps=maps,
        places=places,
        content_dir=root,
    )
    files = tuple((path.as_posix(), digest) for path, digest in reader.files)
    return LoadedContent(exhibit, files)


def _read_languages(reader: _Reader, node: YNode) -> tuple[tuple[Language, ...], str]:
    problems = reader.problems
    languages: list[Language] = []
    if not node.is_mapping:
        problems.at(node, "should be a mapping")
        problems.raise_if_any()
    for item in get_list(node.value.get("languages"), problems):
        if not check_keys(item, problems, **record_keys(Language)):
            continue
        code = get_id(item.value.get("code"), problems)
        name = get_text(item.value.get("name"), problems, LANGUAGE_NAME)
        if code is None:
            continue
        if name is None:  # reported; the language is still declared, or every text
            name = code  # in it would be reported too (and the content is refused anyway)
        if any(language.code == code for language in languages):
            problems.at(item.value["code"], f"language '{code}' is declared twice")
            continue
        languages.append(Language(code, name))
    if not languages:
        line_node = node.value.get("languages", node)
        problems.at(line_node, "declares no language; every text needs at least one")
        problems.raise_if_any()
    default_node = node.value.get("default_language")
    default = get_id(default_node, problems)
    codes = {language.code for language in languages}
    if default_node is not None and default is not None and default not in codes:
        problems.at(default_node, f"'{default}' is not one of the declared languages")
        default = None
    return tuple(languages), default or languages[0].code


def _read_sources(reader: _Reader, node: YNode | None) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for item in get_list(node, reader.problems):
        if not check_keys(item, reader.problems, **record_keys(Source)):
            continue
        id_node = item.value.get("id")
        source_id = get_text(id_node, reader.problems, TextRule(MAX_ID_LENGTH))
        title = reader.text(item.value.get("title"), TITLE)
        if source_id is None or id_node is None:
            continue
        reader.declared_sources.add(source_id)
        if source_id in sources:
            reader.problems.at(id_node, f"source '{source_id}' is declared twice")
            continue
        file = _source_file(reader, id_node, source_id)
        if title is not None and file is not None:
            sources[source_id] = Source(source_id, title, file)
    return sources


def _source_file(reader: _Reader, node: YNode, source_id: str) -> Path | None:
    """The copy of a source text in sources/, which its id names."""
    relative = f"{SOURCES_DIR}/{source_id}"
    if "/" in source_id or "\\" in source_id or source_id in {".", ".."}:
        reader.problems.at(node, f"'{source_id}' should be the name of a file in {SOURCES_DIR}/")
        return None
    path = reader.root / SOURCES_DIR / source_id
    if not reader.is_present(path):
        reader.problems.at(node, f"has no file {relative}")
        return None
    return path


def _read_record(reader: _Reader, node: YNode | None) -> tuple[str, ...]:
    """A curator's record (extra_source, to_confirm): one text, or a list of them."""
    if node is None:
        return ()
    if not isinstance(node.value, str) and not node.is_sequence:
        reader.problems.at(node, "should be a text or a list of texts")
        return ()
    items = [node] if isinstance(node.value, str) else list(node.value)
    if not items:
        reader.problems.at(node, "lists nothing; leave the field out instead")
    record: list[str] = []
    for item in items:
        value = get_text(item, reader.problems, RECORD)
        if value is not None:
            record.append(value)
    return tuple(record)


def _read_strings(reader: _Reader) -> dict[str, Text]:
    node = reader.read(UI_FILE)
    if node is None:
        return {}
    if not check_keys(node, reader.problems, required=UI_KEYS):
        return {}
    strings_node = node.value.get("strings")
    if strings_node is None:
        return {}
    if not strings_node.is_mapping:
        reader.problems.at(strings_node, "should be a mapping of key: text")
        return {}
    strings: dict[str, Text] = {}
    for key, child in strings_node.items():
        text = reader.text(child)
        if text is not None:
            strings[key] = text
    for key in REQUIRED_STRINGS:
        if key not in strings_node.value:
            reader.problems.at(strings_node, f"is missing the string '{key}'")
    return strings


def _read_pair(reader: _Reader, node: YNode, kind: MapKind) -> tuple[float, float] | None:
    if not node.is_sequence or len(node.value) != 2:
        expected = "[lat, lon]" if kind is MapKind.GEO else "[x, y]"
        reader.problems.at(node, f"should be a pair {expected}")
        return None
    if kind is MapKind.GEO:
        a = get_number(node.value[0], reader.problems, *LAT_RANGE)
        b = get_number(node.value[1], reader.problems, *LON_RANGE)
    else:
        a = get_number(node.value[0], reader.problems, *PLAN_RANGE)
        b = get_number(node.value[1], reader.problems, *PLAN_RANGE)
    return None if a is None or b is None else (a, b)


def _read_places(
    reader: _Reader, source_ids: set[str]
) -> tuple[dict[str, MapDef], dict[str, Place], dict[str, YNode]]:
    problems = reader.problems
    node = reader.read(PLACES_FILE)
    maps: dict[str, MapDef] = {}
    places: dict[str, Place] = {}
    place_nodes: dict[str, YNode] = {}
    if node is None or not check_keys(node, problems, required=PLACES_KEYS):
        return maps, places, place_nodes
    reader.declared_maps = _declared_ids(node.value.get("maps"))
    reader.declared_places = _declared_ids(node.value.get("places"))

    always: dict[str, YNode] = {}
    for item in get_list(node.value.get("maps"), problems):
        if not check_keys(item, problems, **record_keys(MapDef)):
            continue
        map_id = get_id(item.value.get("id"), problems)
        kind_node = item.value.get("kind")
        kind_value = get_string(kind_node, problems)
        kind = None
        if kind_value is not None and kind_node is not None:
            try:
                kind = MapKind(kind_value)
            except ValueError:
                problems.at(kind_node, f"'{kind_value}' is not 'geo' or 'plan'")
        asset = reader.asset(item.value.get("asset"))
        title = reader.text(item.value.get("title"), TITLE)
        data = reader.map_data(asset, kind) if asset is not None and kind is not None else None
        labels = _read_area_labels(reader, item.value.get("labels"), kind)
        always_node = item.value.get("always_labelled")
        always_ids = tuple(i for i, _ in get_id_list(always_node, problems))
        if map_id is not None and map_id in maps:
            problems.at(item.value["id"], f"map '{map_id}' is declared twice")
        elif None not in (map_id, kind, asset, title, data):
            assert map_id and kind and asset and title and isinstance(data, dict)
            maps[map_id] = MapDef(map_id, kind, asset, title, data, labels, always_ids)
            if always_node is not None:
                always[map_id] = always_node

    for item in get_list(node.value.get("places"), problems):
        place = _read_place(reader, item, maps, source_ids)
        if place is None:
            continue
        if place.id in places:
            problems.at(item.value["id"], f"place '{place.id}' is declared twice")
            continue
        places[place.id] = place
        place_nodes[place.id] = item
    for map_id, always_node in always.items():
        for place_id in maps[map_id].always_labelled:
            place = places.get(place_id)
            if place is None and not reader.unknown(reader.declared_places, place_id):
                continue
            if place is None or place.map != map_id:
                problems.at(always_node, f"'{place_id}' is not a place on the map '{map_id}'")
    return maps, places, place_nodes


def _read_area_labels(
    reader: _Reader, node: YNode | None, kind: MapKind | None
) -> tuple[AreaLabel, ...]:
    """A map's area labels (seas, countries, archipelagos): id, kind, name and ``at``."""
    problems = reader.problems
    labels: list[AreaLabel] = []
    for item in get_list(node, problems):
        if not check_keys(item, problems, **record_keys(AreaLabel)):
            continue
        label_id = get_id(item.value.get("id"), problems)
        label_kind = get_string(item.value.get("kind"), problems)
        if label_kind is not None and label_kind not in AREA_LABEL_KINDS:
            problems.at(
                item.value["kind"],
                f"'{label_kind}' is not a kind of area label ({', '.join(AREA_LABEL_KINDS)})",
            )
            label_kind = None
        name = reader.text(item.value.get("name"))
        points = []
        at_node = item.value.get("at")
        if kind is not None:
            for pair_node in get_list(at_node, problems):
                pair = _read_pair(reader, pair_node, kind)
                if pair is not None:
                    points.append(pair)
        if at_node is not None and at_node.is_sequence and not at_node.value:
            problems.at(at_node, "needs at least one point")
        if any(label.id == label_id for label in labels):
            problems.at(item.value["id"], f"label '{label_id}' is declared twice")
        elif None not in (label_id, label_kind, name) and points:
            assert label_id and label_kind and name
            labels.append(AreaLabel(label_id, label_kind, name, tuple(points)))
    return tuple(labels)


def _read_place(
    reader: _Reader, item: YNode, maps: dict[str, MapDef], source_ids: set[str]
) -> Place | None:
    problems = reader.problems
    if not check_keys(item, problems, **record_keys(Place)):
        return None
    fields = item.value
    place_id = get_id(fields.get("id"), problems)
    map_id = get_id(fields.get("map"), problems)
    kind = get_string(fields.get("kind"), problems)
    if kind is not None and kind not in PLACE_KINDS:
        problems.at(fields["kind"], f"'{kind}' is not a kind of place ({', '.join(PLACE_KINDS)})")
        kind = None
    name = reader.text(fields.get("name"))
    info = reader.text(fields.get("info"), PARAGRAPH)
    source = _read_source_ref(reader, fields.get("source"), source_ids)
    extra_source = _read_record(reader, fields.get("extra_source"))
    to_confirm = _read_record(reader, fields.get("to_confirm"))
    sector = get_id(fields.get("sector"), problems)
    short_name = reader.text(fields.get("short_name"))
    bearing = (
        get_number(fields.get("bearing"), problems, *BEARING_RANGE) if "bearing" in fields else None
    )

    map_def = maps.get(map_id) if map_id else None
    if map_id is not None and map_def is None and reader.unknown(reader.declared_maps, map_id):
        problems.at(fields["map"], f"'{map_id}' is not a map declared in maps")
    point: tuple[float, float] | None = None
    line: list[tuple[float, float]] = []
    if map_def is not None:
        point = _read_point(reader, item, map_def.kind)
        for pair_node in get_list(fields.get("line"), problems):
            pair = _read_pair(reader, pair_node, map_def.kind)
            if pair is not None:
                line.append(pair)
        if "line" in fields and fields["line"].is_sequence and len(fields["line"].value) < 2:
            problems.at(fields["line"], "needs at least two points")
        if point is None and not line and not problems:
            problems.at(item, "has neither a position nor a line")
    if None in (place_id, map_id, kind, name, info, source) or map_def is None:
        return None
    assert place_id and map_id and kind and name and info and source
    return Place(
        id=place_id,
        map=map_id,
        kind=kind,
        name=name,
        info=info,
        source=source,
        point=point,
        line=tuple(line),
        sector=sector,
        extra_source=extra_source,
        to_confirm=to_confirm,
        short_name=short_name,
        bearing=bearing,
    )


def _declared_ids(node: YNode | None) -> set[str] | None:
    """The ids a list of entries declares, before any entry is checked."""
    if node is None or not node.is_sequence:
        return None
    ids: set[str] = set()
    for item in node.value:
        id_node = item.value.get("id") if item.is_mapping else None
        if id_node is not None and isinstance(id_node.value, str):
            ids.add(id_node.value)
    return ids


def _read_point(reader: _Reader, item: YNode, kind: MapKind) -> tuple[float, float] | None:
    fields = item.value
    names = ("lat", "lon") if kind is MapKind.GEO else ("x", "y")
    other = ("x", "y") if kind is MapKind.GEO else ("lat", "lon")
    for name in other:
        if name in fields:
            problems_kind = "a plan" if kind is MapKind.GEO else "a geographic map"
            reader.problems.at(fields[name], f"is for {problems_kind}; this map is '{kind.value}'")
    present = [name for name in names if name in fields]
    if not present:
        return None
    if len(present) == 1:
        reader.problems.at(item, f"has '{present[0]}' without its pair")
        return None
    if kind is MapKind.GEO:
        a = get_number(fields["lat"], reader.problems, *LAT_RANGE)
        b = get_number(fields["lon"], reader.problems, *LON_RANGE)
    else:
        a = get_number(fields["x"], reader.problems, *PLAN_RANGE)
        b = get_number(fields["y"], reader.problems, *PLAN_RANGE)
    return None if a is None or b is None else (a, b)


def _read_source_ref(reader: _Reader, node: YNode | None, source_ids: set[str]) -> str | None:
    value = get_string(node, reader.problems)
    if value is not None and node is not None and value not in source_ids:
        reader.problems.at(node, f"'{value}' is not a source declared in {EXHIBIT_FILE}")
        return None
    return value


def _check_place_references(
    reader: _Reader, places: dict[str, Place], place_nodes: dict[str, YNode]
) -> None:
    for place_id, place in places.items():
        if place.sector is None:
            continue
        sector = places.get(place.sector)
        if sector is None and not reader.unknown(reader.declared_places, place.sector):
            continue
        if sector is None or sector.kind != "sector":
            node = place_nodes[place_id].value["sector"]
            reader.problems.at(node, f"'{place.sector}' is not a sector place")


def _read_chapter(
    reader: _Reader,
    chapter_id: str,
    id_node: YNode,
    source_ids: set[str],
    maps: dict[str, MapDef],
    places: dict[str, Place],
) -> Chapter | None:
    problems = reader.problems
    relative = f"{CHAPTERS_DIR}/{chapter_id}.yaml"
    if not reader.exists(reader.root / relative):
        problems.at(id_node, f"has no file {relative}")
        return None
    node = reader.read(relative)
    if node is None or not check_keys(node, problems, **record_keys(Chapter)):
        return None
    fields = node.value
    file_id = get_id(fields.get("id"), problems)
    if file_id is not None and file_id != chapter_id:
        problems.at(fields["id"], f"'{file_id}' does not match the file name '{chapter_id}'")
    title = reader.text(fields.get("title"), TITLE)
    intro = reader.text(fields.get("intro"), PARAGRAPH)
    map_id = get_id(fields.get("map"), problems)
    if map_id is not None and reader.unknown(reader.declared_maps, map_id):
        problems.at(fields["map"], f"'{map_id}' is not a map declared in {PLACES_FILE}")
    play_seconds = get_number(fields.get("play_seconds"), problems, *PLAY_SECONDS_RANGE)
    emblem = reader.image(fields.get("emblem")) if "emblem" in fields else None

    steps: list[Step] = []
    step_nodes = get_list(fields.get("steps"), problems)
    if "steps" in fields and not step_nodes and fields["steps"].is_sequence:
        problems.at(fields["steps"], "lists no step")
    seen: set[str] = set()
    for step_node in step_nodes:
        step = _read_step(reader, step_node, source_ids, places, map_id)
        if step is None:
            continue
        if step.id in seen:
            problems.at(step_node.value["id"], f"step '{step.id}' is used twice in this chapter")
            continue
        seen.add(step.id)
        steps.append(step)
    _check_time_order(reader, step_nodes, steps)
    if None in (title, intro, map_id):
        return None
    assert title and intro and map_id
    return Chapter(
        chapter_id,
        title,
        intro,
        map_id,
        tuple(steps),
        play_seconds,
        emblem=emblem,
    )


def _read_step(
    reader: _Reader,
    node: YNode,
    source_ids: set[str],
    places: dict[str, Place],
    map_id: str | None,
) -> Step | None:
    problems = reader.problems
    if not check_keys(node, problems, **record_keys(Step)):
        return None
    fields = node.value
    step_id = get_id(fields.get("id"), problems)
    title = reader.text(fields.get("title"), TITLE)
    body = reader.text(fields.get("body"), PARAGRAPH)
    source = _read_source_ref(reader, fields.get("source"), source_ids)
    notes = reader.text(fields.get("notes"), PARAGRAPH)
    who = reader.text(fields.get("who"))
    extra_source = _read_record(reader, fields.get("extra_source"))
    to_confirm = _read_record(reader, fields.get("to_confirm"))
    step_places = _read_place_refs(reader, fields.get("places"), places, map_id)
    paths = _read_place_refs(reader, fields.get("paths"), places, map_id)
    for path_id, path_node in zip(paths, get_list(fields.get("paths"), problems), strict=False):
        if not places[path_id].line:
            problems.at(path_node, f"'{path_id}' is a place without a line")
    time = _read_time(reader, fields.get("time"))
    states = _read_states(reader, fields.get("states"), places)
    figures = _read_figures(reader, fields.get("figures"))
    arrows = _read_arrows(reader, fields.get("arrows"), places, map_id)
    flag = _read_flag(reader, fields.get("flag"), places, map_id)
    images = _read_pictures(reader, fields.get("images"))
    quote = _read_quote(reader, fields.get("quote"))
    converge = _read_convergence(reader, fields.get("converge"), places, map_id)
    if None in (step_id, title, body, source):
        return None
    assert step_id and title and body and source
    return Step(
        id=step_id,
        title=title,
        body=body,
        source=source,
        places=tuple(step_places),
        notes=notes,
        extra_source=extra_source,
        to_confirm=to_confirm,
        time=time,
        who=who,
        states=states,
        paths=tuple(paths),
        figures=tuple(figures),
        arrows=tuple(arrows),
        flag=flag,
        images=tuple(images),
        quote=quote,
        converge=converge,
    )


def _read_place_refs(
    reader: _Reader, node: YNode | None, places: dict[str, Place], map_id: str | None
) -> list[str]:
    return [
        place_id
        for place_id, item in get_id_list(node, reader.problems)
        if _place_on_map(reader, place_id, item, places, map_id) is not None
    ]


def _place_on_map(
    reader: _Reader, place_id: str, item: YNode, places: dict[str, Place], map_id: str | None
) -> Place | None:
    """The place a reference names, if it is on the chapter's map; else report it."""
    place = places.get(place_id)
    if place is None:
        if reader.unknown(reader.declared_places, place_id):
            reader.problems.at(item, f"'{place_id}' is not a place in {PLACES_FILE}")
        return None
    if map_id is not None and place.map != map_id:
        reader.problems.at(item, f"'{place_id}' is on map '{place.map}', not '{map_id}'")
        return None
    return place


def _read_clock_time(reader: _Reader, node: YNode | None) -> int | None:
    if node is None:
        return None
    value = node.value
    # YAML 1.1 reads an unquoted 04:00 as a base-60 number; accept it.
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return value
    if isinstance(value, str):
        match = _TIME.fullmatch(value.strip())
        if match:
            return int(match.group(1)) * 60 + int(match.group(2))
    reader.problems.at(node, 'should be a 24-hour time such as "04:00"')
    return None


def _read_time(reader: _Reader, node: YNode | None) -> EventTime | None:
    if node is None:
        return None
    if node.is_mapping:
        if not check_keys(node, reader.problems, required=TIME_WINDOW_KEYS):
            return None
        after = _read_clock_time(reader, node.value.get("after"))
        before = _read_clock_time(reader, node.value.get("before"))
        label = reader.text(node.value.get("label"))
        if after is None or before is None or label is None:
            return None
        if after > before:
            reader.problems.at(node, "'after' is later than 'before'")
            return None
        return EventTime(after, before, label)
    minute = _read_clock_time(reader, node)
    return None if minute is None else EventTime(minute, minute)


def _read_states(
    reader: _Reader, node: YNode | None, places: dict[str, Place]
) -> dict[str, StrongholdState]:
    states: dict[str, StrongholdState] = {}
    if node is None:
        return states
    if not node.is_mapping:
        reader.problems.at(node, "should be a mapping of place id: attacked or taken")
        return states
    choices = STEP_STATES
    for place_id, child in node.items():
        if place_id not in places:
            if reader.unknown(reader.declared_places, place_id):
                reader.problems.at(child, f"'{place_id}' is not a place in {PLACES_FILE}")
            continue
        value = get_string(child, reader.problems)
        if value is None:
            continue
        if value not in choices:
            reader.problems.at(child, f"'{value}' is not one of {', '.join(choices)}")
            continue
        states[place_id] = StrongholdState(value)
    return states


def _read_figures(reader: _Reader, node: YNode | None) -> list[Figure]:
    figures: list[Figure] = []
    for item in get_list(node, reader.problems):
        if not check_keys(item, reader.problems, **record_keys(Figure)):
            continue
        value = reader.text(item.value.get("value"))
        label = reader.text(item.value.get("label"))
        if value is not None and label is not None:
            figures.append(Figure(value, label))
    return figures


def _read_place_ref(
    reader: _Reader, node: YNode | None, places: dict[str, Place], map_id: str | None
) -> str | None:
    """One place id on the chapter's map, or None (reported) if it is not one."""
    place_id = get_id(node, reader.problems)
    if place_id is None or node is None:
        return None
    return place_id if _place_on_map(reader, place_id, node, places, map_id) else None


def _read_arrows(
    reader: _Reader, node: YNode | None, places: dict[str, Place], map_id: str | None
) -> list[Arrow]:
    """The movements a step draws on the plan (see content/README.md, "arrows")."""
    problems = reader.problems
    arrows: list[Arrow] = []
    for item in get_list(node, problems):
        if not check_keys(item, problems, **record_keys(Arrow)):
            continue
        fields = item.value
        unit = reader.text(fields.get("unit"))
        kind = get_string(fields.get("kind"), problems) if "kind" in fields else "advance"
        if kind is not None and kind not in ARROW_KINDS:
            problems.at(fields["kind"], f"'{kind}' is not one of {', '.join(ARROW_KINDS)}")
            kind = None
        has_target, has_along = "to" in fields, "along" in fields
        if has_target == has_along:
            problems.at(item, "needs either 'to' (a place) or 'along' (a line place), not both")
            continue
        target = _read_place_ref(reader, fields.get("to"), places, map_id)
        origin = _read_place_ref(reader, fields.get("from"), places, map_id)
        via = _read_place_refs(reader, fields.get("via"), places, map_id)
        along = _read_place_ref(reader, fields.get("along"), places, map_id)
        ok = unit is not None and kind is not None
        if has_along:
            for key in ("from", "via"):
                if key in fields:
                    problems.at(fields[key], "an arrow 'along' a line takes no 'from' or 'via'")
                    ok = False
            if along is not None and not places[along].line:
                problems.at(fields["along"], f"'{along}' is a place without a line")
                ok = False
            ok = ok and along is not None
        else:
            ok = ok and target is not None
            if origin is not None and origin == target:
                problems.at(fields["from"], "is the place the arrow goes to")
                ok = False
            if kind == "encircle" and ("from" in fields or "via" in fields):
                problems.at(
                    item, "an 'encircle' arrow rings its place: it takes no 'from' or 'via'"
                )
                ok = False
        if kind == "encircle" and has_along:
            problems.at(fields["kind"], "an 'encircle' arrow needs 'to', not 'along'")
            ok = False
        if not ok:
            continue
        assert unit is not None and kind is not None
        arrows.append(Arrow(unit, kind, target, origin, tuple(via), along))
    return arrows


def _read_flag(
    reader: _Reader, node: YNode | None, places: dict[str, Place], map_id: str | None
) -> Flag | None:
    """The flag a step raises: ``at`` a place, a ``kind``, and a victory flag's ``words``."""
    problems = reader.problems
    if node is None or not check_keys(node, problems, **record_keys(Flag)):
        return None
    fields = node.value
    at = _read_place_ref(reader, fields.get("at"), places, map_id)
    kind = get_string(fields.get("kind"), problems) if "kind" in fields else "victory"
    if kind is not None and kind not in FLAG_KINDS:
        problems.at(fields["kind"], f"'{kind}' is not one of {', '.join(FLAG_KINDS)}")
        kind = None
    words = reader.text(fields.get("words"))
    if kind == "victory" and "words" not in fields:
        problems.at(node, "a victory flag needs the 'words' written on it")
        return None
    if kind == "white" and "words" in fields:
        problems.at(fields["words"], "a white flag carries no words")
        return None
    if at is None or kind is None or (kind == "victory" and words is None):
        return None
    return Flag(at, kind, words)


def _read_pictures(reader: _Reader, node: YNode | None) -> list[Picture]:
    """A step's images: each a file in the content folder, its words, its credit and licence."""
    pictures: list[Picture] = []
    for item in get_list(node, reader.problems):
        if not check_keys(item, reader.problems, **record_keys(Picture)):
            continue
        file = reader.image(item.value.get("file"))
        caption = reader.text(item.value.get("caption"), CAPTION)
        alt = reader.text(item.value.get("alt"), CAPTION)
        credit = reader.text(item.value.get("credit"))
        licence = get_string(item.value.get("licence"), reader.problems)
        if file is None or caption is None or alt is None or credit is None or licence is None:
            continue
        pictures.append(Picture(file, caption, alt, credit, licence.strip()))
    return pictures


def _read_quote(reader: _Reader, node: YNode | None) -> Quote | None:
    if node is None or not check_keys(node, reader.problems, **record_keys(Quote)):
        return None
    text = reader.text(node.value.get("text"))
    by = reader.text(node.value.get("by"))
    return Quote(text, by) if text is not None and by is not None else None


def _read_convergence(
    reader: _Reader, node: YNode | None, places: dict[str, Place], map_id: str | None
) -> Convergence | None:
    """Arrows from places towards one place; every end must be a point on the chapter's map."""
    if node is None or not check_keys(node, reader.problems, **record_keys(Convergence)):
        return None
    ends: list[tuple[str, YNode]] = []
    target = get_id(node.value.get("target"), reader.problems)
    if target is not None:
        ends.append((target, node.value["target"]))
    ends += get_id_list(node.value.get("origins"), reader.problems)
    found: list[str] = []
    for place_id, item in ends:
        place = _place_on_map(reader, place_id, item, places, map_id)
        if place is None:
            continue
        if place.point is not None:
            found.append(place_id)
        elif place.line:  # one with neither point nor line is reported where it is declared
            reader.problems.at(item, f"'{place_id}' is a place without a position")
    origins = node.value.get("origins")
    if origins is not None and origins.is_sequence and not origins.value:
        reader.problems.at(origins, "lists no place")
    if target is None or len(found) != len(ends) or len(found) < 2:
        return None
    return Convergence(target, tuple(found[1:]))


def _check_time_order(reader: _Reader, nodes: list[YNode], steps: list[Step]) -> None:
    """Events must run forward in time; untimed steps (the totals) come last."""
    by_id = {step.id: step for step in steps}
    latest_so_far: int | None = None
    latest_node: YNode | None = None
    untimed_seen: YNode | None = None
    for node in nodes:
        step_id = node.value.get("id").value if node.is_mapping and "id" in node.value else None
        step = by_id.get(step_id) if isinstance(step_id, str) else None
        if step is None:
            continue
        if step.time is None:
            if "time" in node.value:
                continue  # a time with a mistake, reported already: not an untimed step
            if latest_so_far is not None:
                untimed_seen = untimed_seen or node
            continue
        where = node.value.get("time", node)
        if untimed_seen is not None and latest_so_far is not None:
            reader.problems.at(where, "a timed event comes after a step without a time")
        if latest_so_far is not None and step.time.latest < latest_so_far:
            previous = latest_node.path if latest_node is not None else "the previous event"
            reader.problems.at(where, f"is earlier than {previous}; events must be in time order")
        latest_so_far = max(latest_so_far or 0, step.time.earliest)
        latest_node = node
