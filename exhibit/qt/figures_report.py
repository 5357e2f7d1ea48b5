"""A one-page report of the visitor figures, drawn with QPainter as a PDF or a PNG.

For a manager who would rather look than read: the headline numbers, visits
per day, the languages, how many reached the end of each chapter and the
most tapped places, as bar charts on one A4 landscape page. The figures are
:func:`exhibit.core.figures_summary.summarise`'s; this module only draws.
"""

from __future__ import annotations

import os
import statistics
from pathlib import Path
from typing import Final

from exhibit.core.figures_summary import Summary, chapter_order
from exhibit.core.model import Exhibit

# The page, in drawing units (A4 landscape at 1600 units across).
WIDTH: Final = 1600
HEIGHT: Final = 1131
MARGIN: Final = 60
INK: Final = "#1d1a16"
MUTED: Final = "#6b6257"
BAR: Final = "#b8741a"
BAR_ALT: Final = "#3d6e8f"
RULE: Final = "#d8d0c4"
DAYS_SHOWN: Final = 62


def draw_report(
    summary: Summary, exhibit: Exhibit, language: str, path: Path, *, days: int | None = None
) -> None:
    """Draw the report into ``path`` (.pdf or .png); makes a QGuiApplication if none exists."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

    from exhibit.paths import FONTS_DIR
    from exhibit.qt.fonts import register_fonts

    app = QGuiApplication.instance() or QGuiApplication([])
    family = register_fonts(FONTS_DIR)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".pdf":
        writer = QPdfWriter(str(path))
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                QMarginsF(0, 0, 0, 0),
            )
        )
        writer.setResolution(150)
        writer.setTitle("Visitor figures")
        painter = QPainter(writer)
        size = QSizeF(writer.width(), writer.height())
        painter.scale(size.width() / WIDTH, size.height() / HEIGHT)
        _draw(painter, family, summary, exhibit, language, days)
        painter.end()
    else:
        image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _draw(painter, family, summary, exhibit, language, days)
        painter.end()
        if not image.save(str(path)):
            raise OSError(f"could not write {path}")
    del app


def _draw(painter, family: str, summary: Summary, exhibit: Exhibit, language: str, days) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont

    fallback = exhibit.default_language

    def font(size: float, bold: bool = False) -> QFont:
        f = QFont(family)
        f.setPixelSize(round(size))
        f.setWeight(QFont.Weight.DemiBold if bold else QFont.Weight.Normal)
        return f

    def text(x: float, y: float, w: float, h: float, value: str, size: float, **kw) -> None:
        painter.setFont(font(size, kw.get("bold", False)))
        painter.setPen(QColor(kw.get("color", INK)))
        align = kw.get("align", Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRectF(x, y, w, h), int(align), value)

    title = exhibit.title.get(language, fallback)
    text(MARGIN, 30, WIDTH - 2 * MARGIN, 50, f"Visitor figures · {title}", 34, bold=True)
    period = "no visits recorded"
    if summary.visits_per_day:
        period = f"{summary.visits_per_day[0][0]} to {summary.visits_per_day[-1][0]}"
    if days:
        period += f" (last {days} days)"
    text(MARGIN, 80, WIDTH - 2 * MARGIN, 30, period, 20, color=MUTED)

    # Headline numbers.
    per_day = [n for _, n in summary.visits_per_day]
    minutes = summary.median_visit_s
    headlines = [
        (f"{summary.visits}", "visits"),
        (f"{statistics.mean(per_day):.0f}" if per_day else "-", "visits a day (mean)"),
        (_duration(minutes), "median visit"),
        (f"{summary.clock_played}", "visits played the clock"),
    ]
    box = (WIDTH - 2 * MARGIN) / len(headlines)
    for index, (value, label) in enumerate(headlines):
        x = MARGIN + index * box
        text(x, 125, box, 60, value, 48, bold=True, color=BAR)
        text(x, 185, box, 26, label, 18, color=MUTED)

    painter.setPen(QColor(RULE))
    painter.drawLine(MARGIN, 230, WIDTH - MARGIN, 230)

    # Visits per day: vertical bars.
    shown = summary.visits_per_day[-DAYS_SHOWN:]
    chart = QRectF(MARGIN, 290, WIDTH - 2 * MARGIN, 250)
    text(MARGIN, 245, chart.width(), 36, "Visits per day", 24, bold=True)
    largest = max((n for _, n in shown), default=0)
    if shown and largest:
        step = min(chart.width() / len(shown), 48.0)  # one day never fills the page
        for index, (day, count) in enumerate(shown):
            height = (chart.height() - 30) * count / largest
            x = chart.left() + index * step
            painter.fillRect(
                QRectF(x + step * 0.15, chart.bottom() - 30 - height, step * 0.7, height),
                QColor(BAR),
            )
            if len(shown) <= 31 or index % 7 == 0:
                text(x, chart.bottom() - 28, step * 7, 24, day[5:], 13, color=MUTED)
        text(chart.left() + 220, 253, 300, 24, f"(highest: {largest})", 16, color=MUTED)
    else:
        text(chart.left(), chart.top(), chart.width(), 40, "no visits", 20, color=MUTED)

    # Three columns of horizontal bars.
    total = summary.visits
    names = {lang.code: lang.name for lang in exhibit.languages}
    languages = [(names.get(code, code), count) for code, count in summary.languages]
    chapters = {c.id: c for c in exhibit.chapters}
    ends = [
        (f"{n}. {chapters[cid].title.get(language, fallback)}", count)
        for n, (cid, count) in enumerate(
            chapter_order(summary, [c.id for c in exhibit.chapters]), start=1
        )
    ]
    places = [
        (exhibit.places[pid].name.get(language, fallback) if pid in exhibit.places else pid, n)
        for pid, n in summary.places[:7]
    ]
    column = (WIDTH - 2 * MARGIN - 80) / 3
    panels = [
        ("Language of the visit", languages, total, BAR_ALT, True),
        ("Reached the end of the chapter", ends, total, BAR, True),
        ("Most tapped places", places, max((n for _, n in places), default=0), BAR_ALT, False),
    ]
    for index, (heading, items, scale, colour, percent) in enumerate(panels):
        left = MARGIN + index * (column + 40)
        top = 590
        text(left, top, column, 36, heading, 24, bold=True)
        y = top + 50
        for label, count in items:
            text(left, y, column, 24, label, 16)
            width = (column - 90) * count / scale if scale else 0
            painter.fillRect(
                QRectF(left, y + 28, max(width, 2 if count else 0), 20), QColor(colour)
            )
            value = f"{100 * count / scale:.0f}%" if percent and scale else f"{count}"
            text(
                left + column - 85,
                y + 26,
                85,
                24,
                value,
                16,
                bold=True,
                align=Qt.AlignmentFlag.AlignRight,
            )
            y += 56
        if not items:
            text(left, y, column, 24, "none yet", 16, color=MUTED)
    text(
        MARGIN,
        HEIGHT - 50,
        WIDTH - 2 * MARGIN,
        24,
        "Anonymous figures kept on the kiosk: no personal data. "
        "A visit begins at the first touch after the attract loop and ends at the idle reset.",
        14,
        color=MUTED,
    )


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}" if minutes else f"{rest} s"
