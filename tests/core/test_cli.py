"""The command line: each option declared once, its help and overrides derived from it."""

from __future__ import annotations

import dataclasses

import pytest

from exhibit import cli
from exhibit.core.settings import DEFAULT_SETTINGS, FIELDS, IDLE_TIMEOUT_RANGE, apply_overrides


def test_every_option_is_in_the_help_and_parses_back_into_its_field() -> None:
    text = cli.build_parser().format_help()
    for each in dataclasses.fields(cli.Options):
        flags = each.metadata["cli"]["flag"]
        for flag in flags if isinstance(flags, dict) else [flags]:
            assert flag in text, flag
    assert cli.parse_args([]) == cli.Options()


def test_the_help_quotes_the_settings_own_default_and_range() -> None:
    text = " ".join(cli.build_parser().format_help().split())
    low, high = IDLE_TIMEOUT_RANGE
    assert f"({low:g} to {high:g}, default {DEFAULT_SETTINGS.idle_timeout_s:g})" in text
    assert f"corner for {DEFAULT_SETTINGS.admin_hold_s:g} seconds" in text


def test_options_override_the_settings_they_name_and_only_when_given() -> None:
    given = cli.parse_args(["--kiosk", "--idle-timeout", "45", "--reduced-motion", "--screen", "1"])
    overrides = given.overrides()
    assert set(overrides) <= set(FIELDS)
    settings = apply_overrides(DEFAULT_SETTINGS, **overrides)
    assert settings.mode == "kiosk" and settings.idle_timeout_s == 45
    assert settings.reduced_motion and settings.screen == 1
    assert apply_overrides(DEFAULT_SETTINGS, **cli.parse_args([]).overrides()) == DEFAULT_SETTINGS


def test_the_mode_flags_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.parse_args(["--present"]).mode == "presentation"
    with pytest.raises(SystemExit) as stopped:
        cli.parse_args(["--kiosk", "--present"])
    assert stopped.value.code == 2
    assert "not allowed with" in capsys.readouterr().err


def test_bad_values_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--size", "10x10"], ["--screenshot", "a.jpg"], ["--idle-timeout", "soon"]):
        with pytest.raises(SystemExit):
            cli.parse_args(argv)
    assert "is not a number of seconds" in capsys.readouterr().err


def test_a_registered_subcommand_gets_its_own_arguments_and_is_listed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cli, "SUBCOMMANDS", dict(cli.SUBCOMMANDS))
    seen: list[list[str]] = []

    def demo(argv: list[str]) -> int:
        seen.append(argv)
        return 3

    cli.subcommand("demo", demo, "exhibit demo FILE   a demonstration", heading="demos")
    assert cli.run_subcommand(["demo", "--out", "x.txt"]) == 3
    assert seen == [["--out", "x.txt"]]
    assert cli.run_subcommand(["--check"]) is None
    text = cli.build_parser().format_help()
    assert "demos:\n  exhibit demo FILE   a demonstration" in text
    for name in ("stats", "strings", "handout"):
        assert f"exhibit {name} " in text
