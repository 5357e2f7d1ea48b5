"""Print the curator's review sheet, or write it to content/REVIEW.md.

The sheet lists what a curator must still confirm and every fact the texts
take from outside their sources, as the content records them (``to_confirm``
and ``extra_source``, see content/README.md). Boxes already ticked in the
written sheet stay ticked while an item's words are unchanged.

Run: ``python tools/review_sheet.py`` (print) or ``python tools/review_sheet.py --write``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from exhibit.core.content import load_content  # noqa: E402
from exhibit.core.review import SHEET_FILE, review_sheet  # noqa: E402
from exhibit.core.yamlsource import ContentError  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=REPO / "content", metavar="DIR")
    parser.add_argument("--write", action="store_true", help=f"update DIR/{SHEET_FILE}")
    args = parser.parse_args(argv)
    try:
        exhibit = load_content(args.content, REPO / "assets")
    except ContentError as error:
        print(error, file=sys.stderr)
        return 2
    target = args.content / SHEET_FILE
    previous = target.read_text(encoding="utf-8") if target.is_file() else ""
    sheet = review_sheet(exhibit, previous)
    if not args.write:
        sys.stdout.write(sheet)
        return 0
    target.write_text(sheet, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
