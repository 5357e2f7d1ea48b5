"""The command line, parsed without Qt so that ``--help`` and ``--check`` stay fast.

Options that change how the exhibit runs (mode, screen, idle timeout ...)
override the settings file; :meth:`Options.overrides` lists them in the form
:func:`exhibit.core.settings.apply_overrides` takes.
"""

from __future__ import annotations

import argparse
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exhibit.core.settings import CLASSROOM, KIOSK, PRESENTATION
from exhibit.paths import CONTENT_DIR

#: Read when ``--settings`` is not given, so a service or a desktop entry can
#: point at the installation's settings without repeating them.
SETTINGS_ENV = "EXHIBIT_SETTINGS"

DEFAULT_SIZE = (1920, 1080)
MIN_SIZE = (320, 240)
MAX_SIZE = (7680, 4320)


@dataclass(frozen=True)
class Options:
    lang: str | None
    open: str | None
    content: Path
    check: bool
    screenshot: Path | None
    size: tuple[int, int] | None
    screenshot_presenter: Path | None = None
    settings: Path | None = None
    mode: str | None = None
    presenter_view: bool = False
    screen: str | None = None
    idle_timeout: float | None = None
    reduced_motion: bool = False
    hash_pin: bool = False

    def overrides(self) -> dict[str, Any]:
        """The settings given on the command line; None means "keep the file's value"."""
        # Saving the presenter view presents, with the presenter view open.
        saves_presenter = self.screenshot_presenter is not None
        return {
            "mode": PRESENTATION if saves_presenter else self.mode,
            "presenter_view": True if self.presenter_view or saves_presenter else None,
            "screen": self.screen,
            "idle_timeout_s": self.idle_timeout,
            "reduced_motion": True if self.reduced_motion else None,
        }


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


EPILOG = f"""\
modes:
  classroom     a normal window (the default); F11 toggles full screen; the
                window's size, place and language are remembered between runs
  kiosk         a touchscreen in a gallery: full screen, locked down, resets
                itself when visitors leave; staff leave by holding the top-left
                corner for five seconds and typing the PIN (see --hash-pin)
  presentation  a projector and a clicker: Right/Down/PageDown/Space forward,
                Left/Up/PageUp back, Home title, 1-3 chapter, B or . blank,
                L language, P play/pause

settings:
  Without --settings, the file named by the {SETTINGS_ENV} environment variable
  is read, if that variable is set; otherwise every setting has its default.
  Command-line options override the file. A mistake in the file stops the
  exhibit with "file:line: setting: problem" and exit status 2. See
  deploy/settings.example.yaml for every setting.

visitor figures:
  exhibit stats [--export DIR] [--report FILE.pdf]   (exhibit stats --help)

commands for curators and teachers (each has its own --help):
  exhibit strings export FILE.xlsx   every text in a spreadsheet, for a translator
  exhibit strings import FILE.xlsx   the edited texts back into the content files
  exhibit handout FILE.pdf           a printed A4 handout (--lang vi, en or vi,en)
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="exhibit",
        description=(
            "Điện Biên Phủ 1954: a bilingual museum exhibit on the Winter–Spring offensive "
            "of 1953–1954 and the battle of Điện Biên Phủ."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--lang", metavar="CODE", help="start in this language (e.g. vi, en)")
    parser.add_argument(
        "--open",
        metavar="CHAPTER[/STEP]",
        help="start at a chapter (offensive, fortress, final-day) and 1-based step",
    )
    parser.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        default=CONTENT_DIR,
        help="use another content folder (default: the bundled content/)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="validate the content, print the problems or that it is valid, and exit 0 or 2",
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        type=_png,
        help="render the chosen screen once it is fully drawn, save it, and exit",
    )
    parser.add_argument(
        "--screenshot-presenter",
        metavar="FILE.png",
        type=_png,
        help="present, and save the presenter view (current and next step, notes) once drawn; "
        "with --screenshot, save both",
    )
    parser.add_argument(
        "--size",
        metavar="WxH",
        type=_size,
        help=f"window size (default {DEFAULT_SIZE[0]}x{DEFAULT_SIZE[1]}, or the remembered size "
        "in classroom mode)",
    )
    parser.add_argument(
        "--settings",
        metavar="FILE",
        type=Path,
        help=f"read the installation's settings from this YAML file (default: ${SETTINGS_ENV})",
    )
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument(
        "--kiosk",
        dest="mode",
        action="store_const",
        const=KIOSK,
        help="run as a locked-down touchscreen kiosk",
    )
    modes.add_argument(
        "--present",
        dest="mode",
        action="store_const",
        const=PRESENTATION,
        help="run as a presentation on a projector, driven by a clicker's keys",
    )
    modes.add_argument(
        "--classroom",
        dest="mode",
        action="store_const",
        const=CLASSROOM,
        help="run in a normal window (the default)",
    )
    parser.add_argument(
        "--presenter-view",
        action="store_true",
        help="with --present: also open the presenter view (current and next step, notes, "
        "clock); it opens by itself when a second screen is connected",
    )
    parser.add_argument(
        "--screen",
        metavar="N|NAME",
        help="show the exhibit on this screen: its number from 0 or its name (e.g. HDMI-1)",
    )
    parser.add_argument(
        "--idle-timeout",
        metavar="SECONDS",
        type=_seconds,
        help="kiosk: seconds without a touch before the 'still there?' notice (default 90)",
    )
    parser.add_argument(
        "--reduced-motion",
        action="store_true",
        help="no animated moves, zooms or fades",
    )
    parser.add_argument(
        "--hash-pin",
        action="store_true",
        help="ask for a new staff PIN, print the admin_pin_hash line for the settings, and exit",
    )
    return parser


def parse_args(argv: list[str] | None = None) -> Options:
    """Parse the command line; bad options exit with status 2 and a usage line."""
    parser = build_parser()
    namespace = parser.parse_args(argv)
    if namespace.screenshot_presenter is not None and namespace.mode not in (None, PRESENTATION):
        parser.error("--screenshot-presenter saves a presentation's view: not with another mode")
    return Options(
        lang=namespace.lang,
        open=namespace.open,
        content=namespace.content,
        check=namespace.check,
        screenshot=namespace.screenshot,
        size=namespace.size,
        screenshot_presenter=namespace.screenshot_presenter,
        settings=namespace.settings,
        mode=namespace.mode,
        presenter_view=namespace.presenter_view,
        screen=namespace.screen,
        idle_timeout=namespace.idle_timeout,
        reduced_motion=namespace.reduced_motion,
        hash_pin=namespace.hash_pin,
    )


def settings_path(options: Options, environ: dict[str, str] | None = None) -> Path | None:
    """The settings file to read: ``--settings``, else ``$EXHIBIT_SETTINGS``, else none."""
    if options.settings is not None:
        return options.settings
    value = (os.environ if environ is None else environ).get(SETTINGS_ENV, "").strip()
    return Path(value).expanduser() if value else None
