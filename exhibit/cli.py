"""The command line, parsed without Qt so that ``--help`` and ``--check`` stay fast."""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

from exhibit.paths import CONTENT_DIR

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="exhibit",
        description=(
            "Điện Biên Phủ 1954: a bilingual museum exhibit on the Winter–Spring offensive "
            "of 1953–1954 and the battle of Điện Biên Phủ."
        ),
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
        "--size",
        metavar="WxH",
        type=_size,
        help=f"window size (default {DEFAULT_SIZE[0]}x{DEFAULT_SIZE[1]})",
    )
    return parser


def parse_args(argv: list[str] | None = None) -> Options:
    """Parse the command line; bad options exit with status 2 and a usage line."""
    namespace = build_parser().parse_args(argv)
    return Options(
        lang=namespace.lang,
        open=namespace.open,
        content=namespace.content,
        check=namespace.check,
        screenshot=namespace.screenshot,
        size=namespace.size,
    )
