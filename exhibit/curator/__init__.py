"""Tools for the people who keep the exhibit: translation sheets and a printed handout.

Each command lives in its own module with a ``main(argv) -> int``, registered
in :mod:`exhibit.cli` as a subcommand (``exhibit strings export texts.xlsx``),
so nothing here is imported when the exhibit itself starts.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exhibit.core.model import Exhibit


def add_content_option(parser: argparse.ArgumentParser) -> None:
    """``--content DIR``, as the exhibit itself takes it."""
    from exhibit.paths import CONTENT_DIR

    parser.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        default=CONTENT_DIR,
        help="the content folder (default: the bundled content/)",
    )


def parse_and_load(
    parser: argparse.ArgumentParser, argv: list[str], file: str, suffix: str
) -> tuple[argparse.Namespace, Exhibit] | int:
    """The command's options and the validated content, or the exit status after saying
    what is wrong (a file named ``file`` not ending in ``suffix``, invalid content)."""
    import sys

    options = parser.parse_args(argv)
    path: Path = getattr(options, file)
    if path.suffix.lower() != suffix:
        print(f"{parser.prog}: '{path}' should end in {suffix}", file=sys.stderr)
        return 2
    exhibit = load_or_report(options.content)
    return 2 if exhibit is None else (options, exhibit)


def load_or_report(content_dir: Path) -> Exhibit | None:
    """The validated content, or None after printing every problem (as ``--check`` does)."""
    from exhibit.app import load_or_report as load

    return load(content_dir, use_cache=False)
