"""``exhibit stats``: what this kiosk's visitor figures add up to, as text, CSV or a chart page.

    exhibit stats [--settings FILE] [--figures FILE] [--days N] [--lang CODE]
                  [--export DIR] [--report FILE.pdf|FILE.png]

Reads the figures database the settings name (see :mod:`exhibit.core.figures`)
without changing it, so it can run while the exhibit does. Chapter titles
and place names come from the content, in the settings' language unless
``--lang`` says otherwise.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

from exhibit.cli import SETTINGS_ENV
from exhibit.core.figures_summary import Summary, chapter_order, export_csv, open_read_only
from exhibit.core.figures_summary import summarise as summarise_db
from exhibit.core.model import Exhibit
from exhibit.core.story import resolve_language
from exhibit.paths import CONTENT_DIR

EXIT_OK = 0
EXIT_NO_FIGURES = 1
EXIT_BAD_INPUT = 2
BAR_WIDTH = 30


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="exhibit stats",
        description="Summarise this kiosk's anonymous visitor figures; export them as CSV "
        "or draw a one-page report.",
    )
    parser.add_argument(
        "--settings",
        metavar="FILE",
        type=Path,
        help=f"the installation's settings (default: ${SETTINGS_ENV}); they name the database",
    )
    parser.add_argument(
        "--figures", metavar="FILE", type=Path, help="read this figures database instead"
    )
    parser.add_argument(
        "--content", metavar="DIR", type=Path, default=CONTENT_DIR, help="the content folder"
    )
    parser.add_argument("--lang", metavar="CODE", help="name chapters and places in this language")
    parser.add_argument(
        "--days", metavar="N", type=int, help="only the visits of the last N days (today included)"
    )
    parser.add_argument(
        "--export", metavar="DIR", type=Path, help="write events.csv and visits.csv into DIR"
    )
    parser.add_argument(
        "--report",
        metavar="FILE",
        type=Path,
        help="draw a one-page report with charts (.pdf or .png)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    from exhibit.app import load_or_report, load_settings_or_report

    settings = load_settings_or_report(_SettingsOptions(options))
    if settings is None:
        return EXIT_BAD_INPUT
    if options.report is not None and options.report.suffix.lower() not in (".pdf", ".png"):
        print("exhibit stats: --report: the file should end in .pdf or .png", file=sys.stderr)
        return EXIT_BAD_INPUT
    if options.days is not None and options.days < 1:
        print("exhibit stats: --days: at least 1", file=sys.stderr)
        return EXIT_BAD_INPUT
    exhibit = load_or_report(options.content)
    if exhibit is None:
        return EXIT_BAD_INPUT
    path = options.figures
    if path is None:
        from exhibit.core.figures import default_path

        path = Path(settings.figures_file) if settings.figures_file else default_path()
    try:
        connection = open_read_only(path)
    except sqlite3.Error as error:
        print(f"exhibit stats: no visitor figures to read: {error}", file=sys.stderr)
        return EXIT_NO_FIGURES
    since = _since(options.days)
    language = resolve_language(
        options.lang or settings.language, exhibit.language_codes, exhibit.default_language
    )
    with connection:
        summary = summarise_db(connection, since=since)
        print(render_text(summary, exhibit, language, path, options.days))
        if options.export is not None:
            written = export_csv(connection, options.export, since=since)
            print(f"\nWrote {', '.join(str(p) for p in written)}")
    if options.report is not None:
        from exhibit.qt.figures_report import draw_report

        draw_report(summary, exhibit, language, options.report, days=options.days)
        print(f"Wrote {options.report}")
    return EXIT_OK


class _SettingsOptions:
    """What the settings loader reads of the command line: the file, and no overrides."""

    def __init__(self, options: argparse.Namespace) -> None:
        self.settings = options.settings

    def overrides(self) -> dict[str, object]:
        return {}


def _since(days: int | None) -> int | None:
    if days is None:
        return None
    first = date.today() - timedelta(days=days - 1)
    return int(datetime(first.year, first.month, first.day).timestamp())


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _bar(value: int, largest: int) -> str:
    return "#" * max(1 if value else 0, round(BAR_WIDTH * value / largest)) if largest else ""


def _share(value: int, total: int) -> str:
    return f"{100 * value / total:.0f}%" if total else "-"


def render_text(
    summary: Summary, exhibit: Exhibit, language: str, path: Path, days: int | None = None
) -> str:
    """The summary as a manager reads it in a terminal."""
    fallback = exhibit.default_language
    total = summary.visits
    lines = [f"Visitor figures in {path}" + (f", last {days} days" if days else "")]
    if summary.visits_per_day:
        first, last = summary.visits_per_day[0][0], summary.visits_per_day[-1][0]
        days_seen = len(summary.visits_per_day)
        lines.append(f"{first} to {last}: {_count(total, 'visit')} on {_count(days_seen, 'day')}")
    else:
        lines.append("No visits recorded.")
    lines.append(f"Median visit length: {duration(summary.median_visit_s)}")

    months = Counter[str]()
    for day, count in summary.visits_per_day:
        months[day[:7]] += count
    if len(months) > 1:
        lines += ["", "Visits per month"]
        largest = max(months.values())
        lines += [f"  {m}  {n:6d}  {_bar(n, largest)}" for m, n in sorted(months.items())]
    lines += ["", "Visits per day"]
    largest = max((n for _, n in summary.visits_per_day), default=0)
    lines += [f"  {d}  {n:6d}  {_bar(n, largest)}" for d, n in summary.visits_per_day]

    names = {lang.code: lang.name for lang in exhibit.languages}
    lines += ["", "Language (the one a visit spent most of its time in)"]
    for code, count in summary.languages:
        label = f"{names.get(code, code)} ({code})"
        lines.append(f"  {label:24s} {count:6d}  {_share(count, total):>4s}")
    lines.append(
        f"  switched language during the visit: {summary.switched_language} "
        f"({_share(summary.switched_language, total)})"
    )

    lines += ["", "Reached the end of the chapter"]
    chapters = {c.id: c for c in exhibit.chapters}
    for number, (chapter_id, count) in enumerate(
        chapter_order(summary, [c.id for c in exhibit.chapters]), start=1
    ):
        title = chapters[chapter_id].title.get(language, fallback)
        lines.append(f"  {number}. {title[:40]:40s} {count:6d}  {_share(count, total):>4s}")
    lines.append(f"  the clock was played in {_count(summary.clock_played, 'visit')}")

    lines += ["", "Most tapped places"]
    if not summary.places:
        lines.append("  none")
    for place_id, taps in summary.places:
        place = exhibit.places.get(place_id)
        name = place.name.get(language, fallback) if place else place_id
        lines.append(f"  {name[:40]:40s} {taps:6d}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
