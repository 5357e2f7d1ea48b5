"""The JSON Schemas a curator's editor checks the files with agree with ``--check``.

The shipped schemas are the ones :mod:`exhibit.core.schema` builds from the
model (so a field added to the model cannot be missing from them), every
content file names its schema on its first line, the shipped content and the
settings example pass them under a real validator (``jsonschema``), and the
mistakes tests/core/test_bad_content.py makes, which the reader rejects, are
rejected by the schemas too. The other way round, content the reader accepts
is never flagged by the schema.
"""

from __future__ import annotations

import copy
import json
import math
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from exhibit.core import schema
from exhibit.core.content import MAX_TEXT_LENGTH, load_content, record_keys
from exhibit.core.model import Step
from exhibit.core.settings import FIELDS, load_settings
from exhibit.core.yamlsource import ContentError
from tests.core.test_bad_content import (
    ASSETS,
    COLLECTIONS,
    DATA,
    LANGUAGES,
    MAPPINGS,
    SCALARS,
    SETTING_KEYS,
    SETTING_VALUES,
    SETTINGS_CASES,
    SHIPPED,
    TEXT_NODES,
    content_folder,
    dump,
    fuzz,
    get,
    load,
)

PROJECT = SHIPPED.parent
SETTINGS_EXAMPLE = PROJECT / "deploy" / "settings.example.yaml"
SETTINGS_SCHEMA = PROJECT / "deploy" / schema.SETTINGS_SCHEMA
SCHEMAS = schema.content_schemas(LANGUAGES)


def validator(document: dict[str, Any]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document)


VALIDATORS = {name: validator(document) for name, document in SCHEMAS.items()}
SETTINGS_VALIDATOR = validator(schema.settings_schema())


def schema_errors(name: str, data: Any) -> list[str]:
    """What the schema of content file ``name`` says about ``data``."""
    found = VALIDATORS[schema.schema_for_file(name)].iter_errors(data)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found]


# ---------------------------------------------------------------------------
# Shipped, current, declared.


def test_the_shipped_schemas_are_built_from_the_model() -> None:
    for name, document in SCHEMAS.items():
        path = SHIPPED / schema.SCHEMA_DIR / name
        assert path.read_text(encoding="utf-8") == schema.render(document), (
            f"{path} is out of date: run python tools/build_schemas.py"
        )
    assert SETTINGS_SCHEMA.read_text(encoding="utf-8") == schema.render(schema.settings_schema()), (
        "deploy/settings.schema.json is out of date: run python tools/build_schemas.py"
    )


def test_every_file_names_its_schema_on_its_first_line() -> None:
    files = sorted(SHIPPED.rglob("*.yaml"))
    assert len(files) >= 6
    for path in [*files, SETTINGS_EXAMPLE]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path}: first line {first!r}"
        target = (path.parent / match.group(1)).resolve()
        assert target.is_file(), f"{path}: {match.group(1)} does not exist"
        if path == SETTINGS_EXAMPLE:
            assert target == SETTINGS_SCHEMA.resolve()
        else:
            relative = path.relative_to(SHIPPED).as_posix()
            assert first == schema.modeline(relative)
            assert target.name == schema.schema_for_file(relative)


def test_the_shipped_content_passes_its_schemas() -> None:
    for path in sorted(SHIPPED.rglob("*.yaml")):
        name = path.relative_to(SHIPPED).as_posix()
        assert schema_errors(name, yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def test_the_settings_example_passes_its_schema_commented_out_and_filled_in(
    tmp_path: Path,
) -> None:
    text = SETTINGS_EXAMPLE.read_text(encoding="utf-8")
    assert list(SETTINGS_VALIDATOR.iter_errors(yaml.safe_load(text))) == []
    # Every setting uncommented, as a member of staff would (the PIN hash has a
    # placeholder in the example: a real one goes in its place).
    lines = re.findall(r"^# ([a-z_]+: .*)$", text, flags=re.MULTILINE)
    assert {line.split(":")[0] for line in lines} == set(FIELDS)
    filled = "\n".join(
        'admin_pin_hash: "pbkdf2-sha256$200000$00112233445566778899aabbccddeeff$' + "ab" * 32 + '"'
        if line.startswith("admin_pin_hash:")
        else line
        for line in lines
    )
    data = yaml.safe_load(filled)
    assert list(SETTINGS_VALIDATOR.iter_errors(data)) == []
    path = tmp_path / "settings.yaml"
    path.write_text(filled, encoding="utf-8")
    assert load_settings(path).mode == data["mode"]  # the reader agrees


def test_a_new_field_of_the_model_is_in_the_schema() -> None:
    """The step's keys in the schema are the model's fields, as the reader's are."""
    step = SCHEMAS[schema.CHAPTER_SCHEMA]["$defs"]["Step"]
    keys = record_keys(Step)
    assert set(step["properties"]) == {*keys["required"], *keys["optional"]}
    assert step["required"] == list(keys["required"])


def test_a_text_must_have_every_declared_language() -> None:
    text = SCHEMAS[schema.CHAPTER_SCHEMA]["$defs"]["text"]
    assert text["required"] == list(LANGUAGES)
    assert text["additionalProperties"] is False
    three = schema.content_schemas(("vi", "en", "fr"))[schema.CHAPTER_SCHEMA]
    assert three["$defs"]["text"]["required"] == ["vi", "en", "fr"]


# ---------------------------------------------------------------------------
# The reader's rejections, rejected by the schemas too.


def both_reject(name: str, data: Any) -> None:
    """The reader rejects the folder with ``data`` as file ``name``; so must the schema."""
    with content_folder({name: dump(data)}) as root:
        problems = load(root)
    assert problems is not None, "the reader accepted it: not a broken case"
    assert schema_errors(name, data), f"the schema accepted what --check rejects: {problems}"


def both_accept(name: str, data: Any) -> None:
    with content_folder({name: dump(data)}) as root:
        problems = load(root)
    if problems is None:
        assert schema_errors(name, data) == [], "the schema rejects valid content"


def changed(name: str, path: tuple[Any, ...], value: Any) -> Any:
    data = copy.deepcopy(DATA[name])
    if not path:
        return value
    get(data, path[:-1])[path[-1]] = value
    return data


@fuzz(25)
@given(target=st.sampled_from(COLLECTIONS), value=st.sampled_from([True, 1.5, False]))
def test_a_list_or_mapping_replaced_by_a_plain_value(target, value) -> None:
    both_reject(target[0], changed(*target, value))


@fuzz(25)
@given(target=st.sampled_from(SCALARS), value=st.sampled_from([{"oops": [1]}, [["x"]], [{}]]))
def test_a_plain_value_replaced_by_a_list_or_mapping(target, value) -> None:
    both_reject(target[0], changed(*target, value))


@fuzz(25)
@given(target=st.sampled_from(TEXT_NODES), language=st.sampled_from(LANGUAGES))
def test_a_missing_translation(target, language: str) -> None:
    name, path = target
    text = {k: v for k, v in get(DATA[name], path).items() if k != language}
    both_reject(name, changed(name, path, text))


@fuzz(25)
@given(
    target=st.sampled_from(TEXT_NODES),
    language=st.sampled_from(LANGUAGES),
    value=st.sampled_from(["", "   ", "A\x07B", "x\x9b", "ừ" * (MAX_TEXT_LENGTH + 1)]),
)
def test_an_empty_too_long_or_control_character_text(target, language: str, value: str) -> None:
    name, path = target
    both_reject(name, changed(name, path, {**get(DATA[name], path), language: value}))


@fuzz(25)
@given(target=st.sampled_from(MAPPINGS), key=st.from_regex(r"[a-z][a-z_]{2,12}", fullmatch=True))
def test_an_unknown_or_misspelt_key(target, key: str) -> None:
    name, path = target
    mapping = get(DATA[name], path)
    assume(key not in mapping)
    both_reject(name, changed(name, path, {**mapping, key: 1}))


def test_a_misspelt_key_is_flagged_where_it_is() -> None:
    """What a curator sees in the editor: the step, and the key that is not known."""
    data = copy.deepcopy(DATA["chapters/final-day.yaml"])
    data["steps"][2]["tittle"] = data["steps"][2].pop("title")
    errors = schema_errors("chapters/final-day.yaml", data)
    assert any(e.startswith("steps/2: ") and "'tittle'" in e for e in errors), errors
    assert any("'title' is a required property" in e for e in errors), errors


@pytest.mark.parametrize(
    ("name", "path", "value"),
    [
        ("chapters/final-day.yaml", ("steps", 1, "time", "after"), "4 o'clock"),
        ("chapters/final-day.yaml", ("steps", 0, "states", "a1"), "holding"),
        ("chapters/final-day.yaml", ("play_seconds",), 2),
        ("chapters/fortress.yaml", ("steps",), []),
        ("chapters/offensive.yaml", ("id",), "Offensive"),
        ("places.yaml", ("places", 0, "kind"), "castle"),
        ("places.yaml", ("places", 0, "lat"), 91),
        ("places.yaml", ("maps", 0, "kind"), "globe"),
        ("places.yaml", ("maps", 0, "asset"), "../secret.json"),
        ("exhibit.yaml", ("languages",), []),
        ("exhibit.yaml", ("chapters",), ["offensive", "offensive"]),
    ],
    ids=lambda value: str(value)[:24],
)
def test_wrong_values_both_reject(name: str, path: tuple[Any, ...], value: Any) -> None:
    both_reject(name, changed(name, path, value))


def test_a_place_with_half_a_point_or_two_kinds_of_point() -> None:
    place = DATA["places.yaml"]["places"][0]
    assert "lat" in place
    without_lon = {k: v for k, v in place.items() if k != "lon"}
    both_reject("places.yaml", changed("places.yaml", ("places", 0), without_lon))
    both_reject("places.yaml", changed("places.yaml", ("places", 0), {**place, "x": 0.5, "y": 0.5}))
    bare = {k: v for k, v in place.items() if k not in ("lat", "lon")}
    both_reject("places.yaml", changed("places.yaml", ("places", 0), bare))


def test_a_missing_ui_string() -> None:
    strings = dict(DATA["ui.yaml"]["strings"])
    del strings["home"]
    both_reject("ui.yaml", {"strings": strings})


@fuzz(25)
@given(target=st.sampled_from([(n, p) for n, p in COLLECTIONS + SCALARS if p]))
def test_content_the_reader_accepts_is_not_flagged(target) -> None:
    """Removing a key or item: where the reader still accepts it, so does the schema."""
    name, path = target
    data = copy.deepcopy(DATA[name])
    parent = get(data, path[:-1])
    parent.pop(path[-1])
    both_accept(name, data)


# ---------------------------------------------------------------------------
# The settings file.


def settings_problems(tmp_path: Path, text: bytes) -> list[str] | None:
    path = tmp_path / "settings.yaml"
    path.write_bytes(text)
    try:
        load_settings(path)
    except ContentError as error:
        return [str(p) for p in error.problems]
    return None


@pytest.mark.parametrize("case", sorted(set(SETTINGS_CASES) - {"broken-yaml"}))
def test_the_broken_settings_files_are_rejected_by_the_schema(case: str, tmp_path: Path) -> None:
    text = SETTINGS_CASES[case]
    assert settings_problems(tmp_path, text)
    assert list(SETTINGS_VALIDATOR.iter_errors(yaml.safe_load(text)))


def _no_nan(value: Any) -> bool:
    # JSON has no NaN, so no JSON Schema can refuse one; an editor never sees it.
    return not (isinstance(value, float) and math.isnan(value))


@fuzz(60)
@given(st.dictionaries(SETTING_KEYS, SETTING_VALUES.filter(_no_nan), max_size=4))
def test_the_settings_schema_agrees_with_the_reader(values: dict[str, Any]) -> None:
    import tempfile

    # JSON Schema cannot tell 1.0 from 1 ("integer" is a mathematical integer),
    # so a screen written as 1.0 is the one value only the reader refuses.
    screen = values.get("screen")
    assume(not (isinstance(screen, float) and screen.is_integer()))

    with tempfile.TemporaryDirectory() as temp:
        problems = settings_problems(Path(temp), dump(values))
    errors = list(SETTINGS_VALIDATOR.iter_errors(values))
    assert (problems is None) == (not errors), (values, problems, [e.message for e in errors])


PROBES = [None, True, 0, -1, 1.5, 10**9, -(10**9), "", "x", "kiosk", "no-such-value", [1], {"a": 1}]


@pytest.mark.parametrize("field", FIELDS)
def test_each_setting_is_judged_alike_by_the_schema_and_the_reader(
    field: str, tmp_path: Path
) -> None:
    """A setting added to the reader without its rule in the schema fails here."""
    for value in PROBES:
        if field == "screen" and isinstance(value, float) and value.is_integer():
            continue
        problems = settings_problems(tmp_path, dump({field: value}))
        errors = list(SETTINGS_VALIDATOR.iter_errors({field: value}))
        assert (problems is None) == (not errors), (field, value, problems, errors)


def test_the_schema_files_are_json_a_validator_reads() -> None:
    for path in [*sorted((SHIPPED / schema.SCHEMA_DIR).glob("*.json")), SETTINGS_SCHEMA]:
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(document)


def test_the_shipped_content_is_still_valid() -> None:
    try:
        load_content(SHIPPED, ASSETS)
    except ContentError as error:  # pragma: no cover - shown when it fails
        pytest.fail(str(error))
