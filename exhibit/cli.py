"""The command line, parsed without Qt so that ``--help`` and ``--check`` stay fast.

Each option is declared once, as a field of :class:`Options`: its flag, its
help and, for an option that overrides a setting, the setting's name. The
parser, the parsed values and the overrides (:meth:`Options.overrides`, in
the form :func:`exhibit.core.settings.apply_overrides` takes) all come from
those fields, and a ``{default}`` or ``{range}`` in an option's help is
filled in from the setting it overrides, so no default is written twice.

Subcommands (``exhibit stats``, ``exhibit strings`` ...) are registered with
:func:`subcommand`, one call each, and parse their own arguments;
:func:`run_subcommand` runs the one named and ``--help`` lists them.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exhibit.core.settings import CLASSROOM, DEFAULT_SETTINGS, KIOSK, PRESENTATION, RANGES
from exhibit.paths import CONTENT_DIR

#: Read when ``--settings`` is not given, so a service or a desktop entry can
#: point at the installation's settings without repeating them.
SETTINGS_ENV = "EXHIBIT_SETTINGS"

DEFAULT_SIZE = (1920, 1080)
MIN_SIZE = (320, 240)
MAX_SIZE = (7680, 4320)


# -- value types --------------------------------------------------------------


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{1,5})\s*[xX×]\s*(\d{1,5})\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1920x1080")
    width, height = int(match.group(1)), int(match.group(2))
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        raise argparse.ArgumentTypeError(
            f"{width}x{height} is outside {MIN_SIZE[0]}x{MIN_SIZE[1]} to "
            f"{MAX_SIZE[0]}x{MAX_SIZE[1]}"
        )
    return width, height


def _png(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() != ".png":
        raise argparse.ArgumentTypeError(f"'{text}' should end in .png")
    return path


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    return value


# -- declaring an option --------------------------------------------------------


def option(
    flag: str | dict[str, tuple[str, str]],
    help: str,
    *,
    default: Any = None,
    setting: str | None = None,
    **argparse_options: Any,
) -> Any:
    """An :class:`Options` field given on the command line as ``flag``.

    ``flag`` may instead be ``{flag: (value, help)}``: mutually exclusive
    flags that each set the field to their value. ``setting`` names the
    setting the option overrides (``None`` given: keep the file's value);
    ``help`` may say ``{default}`` and ``{range}``, filled in from that
    setting. Other keywords go to ``add_argument``.
    """
    spec = {"flag": flag, "help": help, "setting": setting, "argparse": argparse_options}
    return field(default=default, metadata={"cli": spec})


def flag_option(flag: str, help: str, *, setting: str | None = None) -> Any:
    """A yes/no :class:`Options` field: given or not (overrides ``setting`` with True)."""
    return option(flag, help, default=False, setting=setting, action="store_true")


@dataclass(frozen=True)
class Options:
    """What the command line asked for; one field per option, declared here only."""

    lang: str | None = option("--lang", "start in this language (e.g. vi, en)", metavar="CODE")
    open: str | None = option(
        "--open",
        "start at a chapter (offensive, fortress, final-day) and 1-based step",
        metavar="CHAPTER[/STEP]",
    )
    content: Path = option(
        "--content",
        "use another content folder (default: the bundled content/)",
        default=CONTENT_DIR,
        metavar="DIR",
        type=Path,
    )
    check: bool = flag_option(
        "--check",
        "validate the content, print the problems or that it is valid, and exit 0 or 2",
    )
    screenshot: Path | None = option(
        "--screenshot",
        "render the chosen screen once it is fully drawn, save it, and exit",
        metavar="FILE.png",
        type=_png,
    )
    screenshot_presenter: Path | None = option(
        "--screenshot-presenter",
        "present, and save the presenter view (current and next step, notes) once drawn; "
        "with --screenshot, save both",
        metavar="FILE.png",
        type=_png,
    )
    size: tuple[int, int] | None = option(
        "--size",
        f"window size (default {DEFAULT_SIZE[0]}x{DEFAULT_SIZE[1]}, or the remembered size "
        "in classroom mode)",
        metavar="WxH",
        type=_size,
    )
    settings: Path | None = option(
        "--settings",
        f"read the installation's settings from this YAML file (default: ${SETTINGS_ENV})",
        metavar="FILE",
        type=Path,
    )
    mode: str | None = option(
        {
            "--kiosk": (KIOSK, "run as a locked-down touchscreen kiosk"),
            "--present": (
                PRESENTATION,
                "run as a presentation on a projector, driven by a clicker's keys",
            ),
            "--classroom": (CLASSROOM, "run in a normal window (the default)"),
        },
        "",
        setting="mode",
    )
    presenter_view: bool = flag_option(
        "--presenter-view",
        "with --present: also open the presenter view (current and next step, notes, "
        "clock); it opens by itself when a second screen is connected",
        setting="presenter_view",
    )
    screen: str | None = option(
        "--screen",
        "show the exhibit on this screen: its number from 0 or its name (e.g. HDMI-1)",
        setting="screen",
        metavar="N|NAME",
    )
    idle_timeout: float | None = option(
        "--idle-timeout",
        "kiosk: seconds without a touch before the 'still there?' notice "
        "({range}, default {default})",
        setting="idle_timeout_s",
        metavar="SECONDS",
        type=_seconds,
    )
    reduced_motion: bool = flag_option(
        "--reduced-motion", "no animated moves, zooms or fades", setting="reduced_motion"
    )
    watch: bool = flag_option(
        "--watch",
        "live preview for curators: reload the content when a file is saved, keeping the "
        "place and language; invalid content stays listed on screen (not with --kiosk)",
    )
    hash_pin: bool = flag_option(
        "--hash-pin",
        "ask for a new staff PIN, print the admin_pin_hash line for the settings, and exit",
    )

    def overrides(self) -> dict[str, Any]:
        """The settings given on the command line; None means "keep the file's value"."""
        values = {}
        for each in dataclasses.fields(self):
            setting = each.metadata["cli"]["setting"]
            if setting is not None:
                value = getattr(self, each.name)
                values[setting] = None if value is False else value
        if self.screenshot_presenter is not None:
            # Saving the presenter view presents, with the presenter view open.
            values.update(mode=PRESENTATION, presenter_view=True)
        return values


def _number(value: float) -> str:
    return f"{value:g}"


def _help(spec: dict[str, Any]) -> str:
    """An option's help, with its setting's default and range filled in."""
    text: str = spec["help"]
    setting = spec["setting"]
    if setting is None or "{" not in text:
        return text
    default = getattr(DEFAULT_SETTINGS, setting)
    limits = RANGES.get(setting)
    return text.format(
        default=_number(default) if isinstance(default, int | float) else default,
        range=f"{_number(limits[0])} to {_number(limits[1])}" if limits else "",
    )


# -- subcommands -----------------------------------------------------------------


@dataclass(frozen=True)
class Subcommand:
    """``exhibit NAME ...``: a command that parses its own arguments.

    ``main`` gets the arguments after the command's name and returns the exit
    status; ``usage`` is what ``exhibit --help`` says of it, a line a form.
    """

    name: str
    main: Callable[[list[str]], int]
    usage: tuple[str, ...]
    heading: str


SUBCOMMANDS: dict[str, Subcommand] = {}


def subcommand(name: str, main: Callable[[list[str]], int], *usage: str, heading: str) -> None:
    """Add ``exhibit NAME``; ``exhibit --help`` lists its ``usage`` lines under ``heading``."""
    SUBCOMMANDS[name] = Subcommand(name, main, usage, heading)


def module_main(module: str) -> Callable[[list[str]], int]:
    """The ``main(argv)`` of ``module``, imported only when the command runs."""

    def main(argv: list[str]) -> int:
        return int(importlib.import_module(module).main(argv))

    return main


def run_subcommand(argv: Sequence[str]) -> int | None:
    """Run the subcommand ``argv`` starts with and return its status; None if it names none."""
    if not argv or argv[0] not in SUBCOMMANDS:
        return None
    return SUBCOMMANDS[argv[0]].main(list(argv[1:]))


_FIGURES = "visitor figures"
_CURATORS = "commands for curators and teachers (each has its own --help)"
subcommand(
    "stats",
    module_main("exhibit.stats"),
    "exhibit stats [--export DIR] [--report FILE.pdf]   (exhibit stats --help)",
    heading=_FIGURES,
)
subcommand(
    "strings",
    module_main("exhibit.curator.strings"),
    "exhibit strings export FILE.xlsx   every text in a spreadsheet, for a translator",
    "exhibit strings import FILE.xlsx   the edited texts back into the content files",
    heading=_CURATORS,
)
subcommand(
    "handout",
    module_main("exhibit.curator.handout"),
    "exhibit handout FILE.pdf           a printed A4 handout (--lang vi, en or vi,en)",
    heading=_CURATORS,
)


# -- the parser --------------------------------------------------------------------


def _epilog() -> str:
    hold = _number(DEFAULT_SETTINGS.admin_hold_s)
    headings: dict[str, list[str]] = {}
    for command in SUBCOMMANDS.values():
        headings.setdefault(command.heading, []).extend(command.usage)
    commands = "".join(
        f"\n{heading}:\n" + "".join(f"  {line}\n" for line in lines)
        for heading, lines in headings.items()
    )
    return f"""\
modes:
  classroom     a normal window (the default); F11 toggles full screen; the
                window's size, place and language are remembered between runs
  kiosk         a touchscreen in a gallery: full screen, locked down, resets
                itself when visitors leave; staff leave by holding the top-left
                corner for {hold} seconds and typing the PIN (see --hash-pin)
  presentation  a projector and a clicker: Right/Down/PageDown/Space forward,
                Left/Up/PageUp back, Home title, 1-3 chapter, B or . blank,
                L language, P play/pause

settings:
  Without --settings, the file named by the {SETTINGS_ENV} environment variable
  is read, if that variable is set; otherwise every setting has its default.
  Command-line options override the file. A mistake in the file stops the
  exhibit with "file:line: setting: problem" and exit status 2. See
  deploy/settings.example.yaml for every setting.
{commands}"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="exhibit",
        description=(
            "Điện Biên Phủ 1954: a bilingual museum exhibit on the Winter–Spring offensive "
            "of 1953–1954 and the battle of Điện Biên Phủ."
        ),
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    for each in dataclasses.fields(Options):
        spec = each.metadata["cli"]
        if isinstance(spec["flag"], dict):
            group = parser.add_mutually_exclusive_group()
            for flag, (value, text) in spec["flag"].items():
                group.add_argument(
                    flag, dest=each.name, action="store_const", const=value, help=text
                )
            continue
        parser.add_argument(
            spec["flag"], dest=each.name, default=each.default, help=_help(spec), **spec["argparse"]
        )
    return parser


def parse_args(argv: list[str] | None = None) -> Options:
    """Parse the command line; bad options exit with status 2 and a usage line."""
    parser = build_parser()
    namespace = parser.parse_args(argv)
    if namespace.screenshot_presenter is not None and namespace.mode not in (None, PRESENTATION):
        parser.error("--screenshot-presenter saves a presentation's view: not with another mode")
    return Options(
        **{each.name: getattr(namespace, each.name) for each in dataclasses.fields(Options)}
    )


def settings_path(options: Options, environ: dict[str, str] | None = None) -> Path | None:
    """The settings file to read: ``--settings``, else ``$EXHIBIT_SETTINGS``, else none."""
    if options.settings is not None:
        return options.settings
    value = (os.environ if environ is None else environ).get(SETTINGS_ENV, "").strip()
    return Path(value).expanduser() if value else None
