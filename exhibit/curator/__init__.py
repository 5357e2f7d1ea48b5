"""Tools for the people who keep the exhibit: translation sheets and a printed handout.

Each command lives in its own module with a ``main(argv) -> int``; the
program's entry point hands it the command line when the first word is one
of :data:`COMMANDS` (``exhibit strings export texts.xlsx``), so nothing here
is imported when the exhibit itself starts.
"""

from __future__ import annotations

import importlib

COMMANDS = {
    "strings": "exhibit.curator.strings",
    "handout": "exhibit.curator.handout",
}


def wants(argv: list[str]) -> bool:
    """Whether ``argv`` (without the program's name) is one of the curator's commands."""
    return bool(argv) and argv[0] in COMMANDS


def run(argv: list[str]) -> int:
    """Run the command ``argv[0]`` with the rest of ``argv``; its exit status."""
    module = importlib.import_module(COMMANDS[argv[0]])
    return int(module.main(argv[1:]))
