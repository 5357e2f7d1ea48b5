"""JSON Schemas (draft 2020-12) of the content files and the settings file.

A YAML editor that knows a file's schema flags a misspelt key, a wrong type
or a missing translation as the curator types, and offers the keys that may
come next. Each content file names its schema on its first line::

    # yaml-language-server: $schema=schema/chapter.schema.json

The schemas are built here from what the reader itself checks with, so they
cannot drift apart: a record's keys are its dataclass fields in the model
(:func:`~exhibit.core.content.record_keys`), a field's schema follows its
type, and the ranges, patterns and choices are the constants of
:mod:`exhibit.core.content`, :mod:`exhibit.core.yamlsource` and
:mod:`exhibit.core.settings`. A field of a new type stops the build with a
``TypeError`` until its schema is said here, once.

What a schema cannot express stays with ``--check``: references to things
defined in other files, events in time order, asset files that exist, and
``{fields}`` alike in every language. Texts must have every declared
language, so the content schemas are built for the content's languages;
``tools/build_schemas.py`` writes them (and a test checks the shipped ones
are current).
"""

from __future__ import annotations

import dataclasses
import json
import types
from collections.abc import Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from exhibit.core import content, settings
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
    Flag,
    Language,
    MapDef,
    Picture,
    Place,
    Source,
    Step,
    Text,
)
from exhibit.core.pin import STORED_HASH_PATTERN
from exhibit.core.yamlsource import CONTROL_PATTERN, ID_PATTERN

DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: The folder, inside a content folder, that holds its schemas.
SCHEMA_DIR = "schema"
EXHIBIT_SCHEMA = "exhibit.schema.json"
UI_SCHEMA = "ui.schema.json"
PLACES_SCHEMA = "places.schema.json"
CHAPTER_SCHEMA = "chapter.schema.json"
SETTINGS_SCHEMA = "settings.schema.json"

MODELINE_PREFIX = "# yaml-language-server: $schema="


def schema_for_file(relative: str) -> str:
    """The schema file a content file (``exhibit.yaml``, ``chapters/x.yaml`` ...) follows."""
    if relative.startswith(f"{content.CHAPTERS_DIR}/"):
        return CHAPTER_SCHEMA
    return {
        content.EXHIBIT_FILE: EXHIBIT_SCHEMA,
        content.UI_FILE: UI_SCHEMA,
        content.PLACES_FILE: PLACES_SCHEMA,
    }[relative]


def modeline(relative: str) -> str:
    """The first line of a content file: where a YAML editor finds its schema."""
    up = "../" * relative.count("/")
    return f"{MODELINE_PREFIX}{up}{SCHEMA_DIR}/{schema_for_file(relative)}"


# -- the pieces every schema shares -------------------------------------------

#: Fields written as ids (``get_id`` in the reader); other strings are any non-empty text.
_ID_FIELDS = {
    (Language, "code"),
    (Exhibit, "default_language"),
    (MapDef, "id"),
    (Place, "id"),
    (Place, "map"),
    (Place, "sector"),
    (AreaLabel, "id"),
    (Chapter, "id"),
    (Chapter, "map"),
    (Step, "id"),
    (Arrow, "along"),
    (Flag, "at"),
    (Convergence, "target"),
}

_NON_EMPTY = {"type": "string", "pattern": r"\S"}
_IMAGE_FILE = "A PNG, JPEG or SVG file inside the content folder, e.g. images/drawing.svg."
_ID = {"type": "string", "pattern": f"^{ID_PATTERN}$"}


def _ranged(low: float, high: float) -> dict[str, Any]:
    return {"type": "number", "minimum": low, "maximum": high}


def _clock() -> dict[str, Any]:
    # An unquoted 04:00 is the number 240 to a YAML 1.1 reader: both are accepted.
    return {
        "anyOf": [
            {"type": "string", "pattern": rf"^\s*{content.TIME_PATTERN}\s*$"},
            {"type": "integer", "minimum": 0, "maximum": 24 * 60 - 1},
        ],
        "description": 'A 24-hour time such as "04:00".',
    }


class _Builder:
    """Builds one schema document, collecting the definitions it refers to."""

    def __init__(self, languages: Sequence[str]) -> None:
        self.languages = tuple(languages)
        self.defs: dict[str, Any] = {}
        self.records: dict[str, type] = {}

    def ref_record(self, record: type) -> dict[str, str]:
        self.records[record.__name__] = record
        return self.ref(record.__name__)

    def ref(self, name: str) -> dict[str, str]:
        if name not in self.defs:
            self.defs[name] = {}  # reserved first: a record may refer to itself
            self.defs[name] = self._definition(name)
        return {"$ref": f"#/$defs/{name}"}

    def _definition(self, name: str) -> dict[str, Any]:
        if name == "text":
            line = self.ref("line")
            return {
                "type": "object",
                "description": "A text in every language: " + ", ".join(self.languages) + ".",
                "properties": {code: line for code in self.languages},
                "required": list(self.languages),
                "additionalProperties": False,
            }
        if name == "line":
            return {
                "type": "string",
                "pattern": r"\S",
                "maxLength": content.MAX_TEXT_LENGTH,
                "not": {"pattern": CONTROL_PATTERN},
            }
        if name == "id":
            return dict(_ID, description="Lower-case letters, digits and - . _")
        if name == "clock":
            return _clock()
        if name == "time":
            window = {
                "type": "object",
                "description": "No exact hour in the source: a window and its label.",
                "properties": {
                    "after": self.ref("clock"),
                    "before": self.ref("clock"),
                    "label": self.ref("text"),
                },
                "required": list(content.TIME_WINDOW_KEYS),
                "additionalProperties": False,
            }
            assert set(window["properties"]) == set(content.TIME_WINDOW_KEYS)
            return {"oneOf": [self.ref("clock"), window]}
        return self.record(self.records[name])

    # -- records --

    def record(self, record: type, keys: Sequence[str] | None = None) -> dict[str, Any]:
        """A record's mapping: its fields (or ``keys`` of them) and nothing else."""
        hints = get_type_hints(record)
        spelled = content.record_keys(record)
        required = list(spelled["required"])
        names = list(keys) if keys is not None else [*required, *spelled["optional"]]
        if keys is not None:
            required = list(keys)
        properties: dict[str, Any] = {}
        for name in names:
            if name in hints:
                properties[name] = self.field(record, name, hints[name])
            else:  # a field written as other keys (a place's point as lat/lon or x/y)
                properties[name] = _SPELLED_KEYS[(record, name)]
        schema: dict[str, Any] = {"type": "object"}
        doc = (record.__doc__ or "").strip().split("\n\n")[0]
        if doc and not doc.startswith(f"{record.__name__}("):
            schema["description"] = " ".join(doc.split())
        schema["properties"] = properties
        schema.update(_RECORD_EXTRAS.get(record, {}))
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        return schema

    def field(self, record: type, name: str, hint: Any) -> dict[str, Any]:
        special = _FIELD_SCHEMAS.get((record, name))
        if special is not None:
            return special(self)
        schema = self.type_schema(hint, ident=(record, name) in _ID_FIELDS)
        extra = _FIELD_EXTRAS.get((record, name))
        return {**schema, **extra} if extra else schema

    def type_schema(self, hint: Any, *, ident: bool = False) -> dict[str, Any]:
        origin, args = get_origin(hint), get_args(hint)
        if origin in (Union, types.UnionType):
            present = [a for a in args if a is not type(None)]
            if len(present) == 1:  # an optional field: left out, never null
                return self.type_schema(present[0], ident=ident)
        if hint is Text:
            return self.ref("text")
        if hint is EventTime:
            return self.ref("time")
        if hint is str:
            return self.ref("id") if ident else dict(_NON_EMPTY)
        if hint is float or hint is int:
            return {"type": "number"}
        if hint is bool:
            return {"type": "boolean"}
        if hint is Path:
            return {
                "type": "string",
                "pattern": r"^(?!/)(?!(.*/)?\.\.(/|$))\S",
                "description": "A file under assets/ (or the content folder).",
            }
        if isinstance(hint, type) and issubclass(hint, Enum):
            return {"enum": [member.value for member in hint]}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            if args[0] is str:
                return {"type": "array", "items": self.ref("id"), "uniqueItems": True}
            return {"type": "array", "items": self.type_schema(args[0])}
        if origin is tuple and args and Ellipsis not in args:
            items = [self.type_schema(a) for a in args]
            assert all(item == items[0] for item in items), hint
            size = len(args)
            return {"type": "array", "items": items[0], "minItems": size, "maxItems": size}
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            return self.ref_record(hint)
        raise TypeError(f"no JSON Schema for a field of type {hint!r}: add one to {__name__}")

    def document(self, title: str, body: dict[str, Any]) -> dict[str, Any]:
        schema = {"$schema": DIALECT, "title": title, **body}
        if self.defs:
            schema["$defs"] = dict(sorted(self.defs.items()))
        return schema


def _pair(low: float, high: float) -> dict[str, Any]:
    return {"type": "array", "items": _ranged(low, high), "minItems": 2, "maxItems": 2}


def _line(_: _Builder) -> dict[str, Any]:
    # [lat, lon] on a geographic map, [x, y] from 0 to 1 on a plan: the map says which.
    low = min(content.LAT_RANGE[0], content.LON_RANGE[0], content.PLAN_RANGE[0])
    high = max(content.LAT_RANGE[1], content.LON_RANGE[1], content.PLAN_RANGE[1])
    return {
        "type": "array",
        "description": "[lat, lon] pairs on a geographic map, [x, y] (0 to 1) on a plan.",
        "items": _pair(low, high),
        "minItems": 2,
    }


def _states(builder: _Builder) -> dict[str, Any]:
    return {
        "type": "object",
        "description": "Stronghold id: " + " or ".join(content.STEP_STATES) + ".",
        "propertyNames": builder.ref("id"),
        "additionalProperties": {"enum": list(content.STEP_STATES)},
    }


def _record(builder: _Builder) -> dict[str, Any]:
    """A curator's record (``extra_source``, ``to_confirm``): one text, or a list of them."""
    one = {**_NON_EMPTY, "maxLength": content.MAX_TEXT_LENGTH}
    return {"oneOf": [one, {"type": "array", "items": one, "minItems": 1}]}


#: Fields whose schema is not their type's.
_FIELD_SCHEMAS = {
    (Place, "line"): _line,
    (Step, "states"): _states,
    **{
        (record, name): _record
        for record in (Place, Step)
        for name in ("extra_source", "to_confirm")
    },
}

#: Constraints added to a field's schema.
_FIELD_EXTRAS: dict[tuple[type, str], dict[str, Any]] = {
    (Place, "kind"): {"enum": list(PLACE_KINDS)},
    (Place, "bearing"): _ranged(*content.BEARING_RANGE),
    (AreaLabel, "kind"): {"enum": list(AREA_LABEL_KINDS)},
    (AreaLabel, "at"): {"minItems": 1},
    (Chapter, "steps"): {"minItems": 1},
    (Chapter, "play_seconds"): _ranged(*content.PLAY_SECONDS_RANGE),
    (Arrow, "kind"): {"enum": list(ARROW_KINDS)},
    (Flag, "kind"): {"enum": list(FLAG_KINDS)},
    (Chapter, "emblem"): {"description": _IMAGE_FILE},
    (Picture, "file"): {"description": _IMAGE_FILE},
    (Convergence, "origins"): {"minItems": 1},
}


#: The keys a field is written as, when they are not the field itself.
_SPELLED_KEYS: dict[tuple[type, str], dict[str, Any]] = {
    (Place, "lat"): _ranged(*content.LAT_RANGE),
    (Place, "lon"): _ranged(*content.LON_RANGE),
    (Place, "x"): _ranged(*content.PLAN_RANGE),
    (Place, "y"): _ranged(*content.PLAN_RANGE),
    (Arrow, "to"): dict(_ID, description="The place the arrow goes to."),
    (Arrow, "from"): dict(_ID, description="The place it comes from, where the source says."),
}

#: Rules of a whole record.
_RECORD_EXTRAS: dict[type, dict[str, Any]] = {
    # A point is lat and lon, or x and y, never both kinds; a place has a point or a line.
    Place: {
        "dependentRequired": {"lat": ["lon"], "lon": ["lat"], "x": ["y"], "y": ["x"]},
        "anyOf": [{"required": ["lat"]}, {"required": ["x"]}, {"required": ["line"]}],
        "not": {"required": ["lat", "x"]},
    },
    # An arrow goes to a place or along a line place; only the first has a from and a via.
    Arrow: {
        "oneOf": [
            {"required": ["to"], "not": {"required": ["along"]}},
            {
                "required": ["along"],
                "not": {"anyOf": [{"required": ["from"]}, {"required": ["via"]}]},
            },
        ],
    },
}


# -- the files ----------------------------------------------------------------


def content_schemas(languages: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Every content file's schema, by schema file name, for content in ``languages``."""
    schemas: dict[str, dict[str, Any]] = {}

    exhibit = _Builder(languages)
    hints = get_type_hints(Exhibit)
    properties = {
        "languages": {**exhibit.type_schema(hints["languages"]), "minItems": 1},
        "default_language": exhibit.ref("id"),
        "title": exhibit.ref("text"),
        "subtitle": exhibit.ref("text"),
        "sources": {"type": "array", "items": exhibit.ref_record(Source)},
        "chapters": {
            "type": "array",
            "description": "The chapters in order: files chapters/<id>.yaml.",
            "items": exhibit.ref("id"),
            "minItems": 1,
            "uniqueItems": True,
        },
    }
    assert tuple(properties) == content.EXHIBIT_KEYS
    schemas[EXHIBIT_SCHEMA] = exhibit.document(
        "The exhibit: languages, title, sources, chapters (content/exhibit.yaml)",
        _top(properties),
    )

    ui = _Builder(languages)
    text = ui.ref("text")
    strings = {
        "type": "object",
        "description": "The words on buttons and labels, by key.",
        "properties": {key: text for key in content.REQUIRED_STRINGS},
        "required": list(content.REQUIRED_STRINGS),
        "additionalProperties": text,
    }
    schemas[UI_SCHEMA] = ui.document(
        "The words on buttons and labels (content/ui.yaml)",
        _top(dict(zip(content.UI_KEYS, [strings], strict=True))),
    )

    places = _Builder(languages)
    maps_and_places = {
        "maps": {"type": "array", "items": places.ref_record(MapDef)},
        "places": {"type": "array", "items": places.ref_record(Place)},
    }
    assert tuple(maps_and_places) == content.PLACES_KEYS
    schemas[PLACES_SCHEMA] = places.document(
        "The maps and every place on them (content/places.yaml)", _top(maps_and_places)
    )

    chapter = _Builder(languages)
    schemas[CHAPTER_SCHEMA] = chapter.document(
        "One chapter: its title, map and steps (content/chapters/<id>.yaml)",
        chapter.record(Chapter),
    )
    return schemas


def _top(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


#: Constraints of the settings beyond their types, from the reader's own constants.
def _plain(max_length: int) -> dict[str, Any]:
    """A string for the machine (a screen's name, a path), as the settings reader checks it."""
    return {**_NON_EMPTY, "maxLength": max_length, "not": {"pattern": CONTROL_PATTERN}}


_SETTING_EXTRAS: Mapping[str, dict[str, Any]] = {
    "mode": {"enum": list(settings.MODES)},
    "language": _ID,
    **{name: _ranged(*limits) for name, limits in settings.RANGES.items()},
    "figures": {"enum": list(settings.FIGURES_CHOICES)},
    "admin_pin_hash": {"type": "string", "pattern": rf"^\s*{STORED_HASH_PATTERN}\s*$"},
    "screen": {"anyOf": [{"type": "integer", "minimum": 0}, _plain(settings.SCREEN_NAME_LENGTH)]},
    "log_dir": _plain(settings.PATH_LENGTH),
    "figures_file": _plain(settings.PATH_LENGTH),
    "metrics_file": _plain(settings.PATH_LENGTH),
}


def settings_schema() -> dict[str, Any]:
    """The schema of an installation's settings file (``deploy/settings.example.yaml``)."""
    hints = get_type_hints(settings.Settings)
    builder = _Builder(())
    properties: dict[str, Any] = {}
    for name in settings.FIELDS:
        hint = hints[name]
        args = get_args(hint)
        nullable = type(None) in args
        base = _SETTING_EXTRAS.get(name)
        if base is None:
            present = [a for a in args if a is not type(None)] if nullable else [hint]
            base = builder.type_schema(present[0] if len(present) == 1 else hint)
        default = getattr(settings.DEFAULT_SETTINGS, name)
        if nullable:
            schema = {"anyOf": [*base.get("anyOf", [base]), {"type": "null"}]}
        else:
            schema = dict(base)
        if default is not None:
            schema["default"] = default
        properties[name] = schema
    return builder.document(
        "Settings of one installation of the exhibit",
        {
            # A file with every line commented out is empty: all defaults.
            "type": ["object", "null"],
            "properties": properties,
            "additionalProperties": False,
        },
    )


def render(schema: Mapping[str, Any]) -> str:
    """A schema as the text of its file."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
