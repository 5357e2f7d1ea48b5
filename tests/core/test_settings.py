"""Settings files: defaults, every field, and errors that say file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from exhibit.core.pin import hash_pin
from exhibit.core.settings import (
    DEFAULT_SETTINGS,
    FIELDS,
    MODES,
    Settings,
    apply_overrides,
    load_settings,
)
from exhibit.core.yamlsource import ContentError

EXAMPLE = Path(__file__).resolve().parents[2] / "deploy" / "settings.example.yaml"
PIN_HASH = hash_pin("4321", salt=b"0123456789abcdef", iterations=1_000)


def write(tmp_path: Path, text: str | bytes, name: str = "settings.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_settings(path)
    return [str(p) for p in caught.value.problems]


def test_defaults() -> None:
    assert Settings() == DEFAULT_SETTINGS
    assert DEFAULT_SETTINGS.mode == "classroom"
    assert DEFAULT_SETTINGS.language is None
    assert DEFAULT_SETTINGS.idle_timeout_s == 90
    assert DEFAULT_SETTINGS.idle_warning_s == 30
    assert DEFAULT_SETTINGS.attract_step_s == 8
    assert DEFAULT_SETTINGS.admin_pin_hash is None
    assert DEFAULT_SETTINGS.reduced_motion is False
    assert DEFAULT_SETTINGS.screen is None
    assert DEFAULT_SETTINGS.presenter_view is False
    assert DEFAULT_SETTINGS.log_dir is None
    assert not DEFAULT_SETTINGS.is_kiosk


def test_every_field(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"""
mode: kiosk
language: en
idle_timeout_s: 120
idle_warning_s: 20
attract_step_s: 4.5
admin_pin_hash: "{PIN_HASH}"
reduced_motion: true
screen: HDMI-1
presenter_view: true
log_dir: /var/log/exhibit
""",
    )
    settings = load_settings(path)
    assert settings == Settings(
        mode="kiosk",
        language="en",
        idle_timeout_s=120,
        idle_warning_s=20,
        attract_step_s=4.5,
        admin_pin_hash=PIN_HASH,
        reduced_motion=True,
        screen="HDMI-1",
        presenter_view=True,
        log_dir="/var/log/exhibit",
    )
    assert settings.is_kiosk


def test_missing_keys_keep_defaults(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, "mode: presentation\nscreen: 1\n"))
    assert settings == Settings(mode="presentation", screen=1)
    assert settings.is_presentation


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n", "\ufeff\n"])
def test_empty_file_means_defaults(tmp_path: Path, text: str) -> None:
    assert load_settings(write(tmp_path, text)) == DEFAULT_SETTINGS


def test_null_optional_values_mean_unset(tmp_path: Path) -> None:
    path = write(tmp_path, "language:\nadmin_pin_hash: null\nscreen: ~\nlog_dir:\n")
    assert load_settings(path) == DEFAULT_SETTINGS


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.yaml"
    assert load_settings(path, missing_ok=True) == DEFAULT_SETTINGS
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:1: ")
    assert problem.endswith(": is missing")


def test_relative_log_dir_is_relative_to_the_file(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, "log_dir: logs\n"))
    assert settings.log_dir == str(tmp_path / "logs")


def test_every_problem_with_file_and_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """mode: museum
language: English!
idle_timeout_s: 5
idle_warning_s: 10
attract_step_s: "eight"
admin_pin_hash: "1234"
reduced_motion: yes please
screen: -1
presenter_view: 1
log_dir: ""
idle_timout_s: 60
""",
        name="kiosk-settings.yaml",
    )
    problems = problems_of(path)
    expected = {
        1: "mode: 'museum' is not a mode",
        2: "language: 'English!' is not an id",
        3: "idle_timeout_s: 5 is outside 20 to 3600",
        4: "idle_warning_s: 10 is outside 20 to 600",
        5: "attract_step_s: should be a number",
        6: "admin_pin_hash: is not a PIN hash",
        7: "reduced_motion: should be true or false",
        8: "screen: -1 is not a screen index",
        9: "presenter_view: should be true or false",
        10: "log_dir: is empty",
        11: "idle_timout_s: is not a known field here",
    }
    assert len(problems) == len(expected), problems
    for line, start in expected.items():
        prefix = f"{path}:{line}: {start}"
        assert any(p.startswith(prefix) for p in problems), (prefix, problems)


def test_wrong_shapes(tmp_path: Path) -> None:
    path = write(tmp_path, "mode:\n  - kiosk\nscreen: [1, 2]\nlanguage: 3\n")
    problems = problems_of(path)
    assert any(p.startswith(f"{path}:2: mode: should be text") for p in problems)
    assert any(p.startswith(f"{path}:3: screen: should be a screen index") for p in problems)
    assert any(p.startswith(f"{path}:4: language: should be text") for p in problems)


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "- mode: kiosk\n")
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:1: ")


def test_invalid_yaml(tmp_path: Path) -> None:
    path = write(tmp_path, "mode: kiosk\nscreen: [1\nreduced_motion: true\n")
    (problem,) = problems_of(path)
    assert re.match(rf"{re.escape(str(path))}:[34]: is not valid YAML", problem), problem


def test_duplicate_key(tmp_path: Path) -> None:
    path = write(tmp_path, "mode: kiosk\nmode: classroom\n")
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:2: mode: is given twice")


def test_invalid_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, b"mode: kiosk\nlanguage: \xff\xfe\n")
    (problem,) = problems_of(path)
    assert problem == f"{path}:2: is not valid UTF-8 text"


def test_error_message_lists_every_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "mode: x\nreduced_motion: 2\n")
    with pytest.raises(ContentError) as caught:
        load_settings(path)
    message = str(caught.value)
    assert f"{path}:1: mode:" in message
    assert f"{path}:2: reduced_motion:" in message


def test_settings_refuse_invalid_values() -> None:
    with pytest.raises(ValueError, match="idle_warning_s"):
        Settings(idle_warning_s=19)
    with pytest.raises(ValueError, match="mode"):
        Settings(mode="Kiosk")
    with pytest.raises(ValueError, match="admin_pin_hash"):
        Settings(admin_pin_hash="plain-text-pin")


# ---------------------------------------------------------------------------
# Command-line overrides


def test_overrides_replace_given_values_only() -> None:
    base = Settings(mode="kiosk", idle_timeout_s=60, language="vi")
    result = apply_overrides(base, mode="presentation", language=None, screen=None)
    assert result == Settings(mode="presentation", idle_timeout_s=60, language="vi")


def test_override_screen_digits_are_an_index() -> None:
    assert apply_overrides(DEFAULT_SETTINGS, screen="1").screen == 1
    assert apply_overrides(DEFAULT_SETTINGS, screen="DP-2").screen == "DP-2"
    assert apply_overrides(DEFAULT_SETTINGS, screen=0).screen == 0


def test_overrides_are_checked() -> None:
    with pytest.raises(ValueError) as caught:
        apply_overrides(DEFAULT_SETTINGS, mode="museum", idle_timeout_s=1, reduced_motion="yes")
    message = str(caught.value)
    assert "mode: 'museum' is not a mode" in message
    assert "idle_timeout_s: 1 is outside" in message
    assert "reduced_motion: should be true or false" in message


def test_unknown_override() -> None:
    with pytest.raises(TypeError, match="kiosk_mode"):
        apply_overrides(DEFAULT_SETTINGS, kiosk_mode=True)


# ---------------------------------------------------------------------------
# The example file staff copy


def test_example_file_as_shipped_means_defaults() -> None:
    assert load_settings(EXAMPLE) == DEFAULT_SETTINGS


def test_example_file_documents_every_key_with_a_valid_value(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    keys = re.findall(r"^# ([a-z_]+): ", text, flags=re.MULTILINE)
    assert sorted(keys) == sorted(FIELDS)
    uncommented = re.sub(r"^# ([a-z_]+: )", r"\1", text, flags=re.MULTILINE)
    uncommented = uncommented.replace('"pbkdf2-sha256$200000$<salt>$<hash>"', f'"{PIN_HASH}"')
    settings = load_settings(write(tmp_path, uncommented))
    assert settings.admin_pin_hash == PIN_HASH
    assert settings.mode in MODES
    for name in FIELDS:
        if name not in {
            "admin_pin_hash",
            "log_dir",
            "language",
            "screen",
            "figures_file",
            "metrics_file",
        }:
            assert getattr(settings, name) == getattr(DEFAULT_SETTINGS, name), name
