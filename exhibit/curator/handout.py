"""The printed handout: an A4 PDF for a classroom, drawn with Qt.

    exhibit handout handout.pdf                 # in the content's default language
    exhibit handout handout.pdf --lang vi,en    # Vietnamese, then English

What goes on which page is decided in :mod:`exhibit.curator.handout_plan`;
this module measures the text and draws it, with Qt's PDF writer, in the
bundled Be Vietnam Pro typeface (embedded in the file, so Vietnamese prints
right on any machine). Maps are vector paths from the same map data and
projection as the screen. :func:`write_handout` is what a window calls (it
needs a QGuiApplication); :func:`main` is the command.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from exhibit.core.maps import Rect
from exhibit.core.model import Exhibit, MapKind
from exhibit.curator import add_content_option, parse_and_load
from exhibit.curator import handout_plan as plan
from exhibit.paths import FONTS_DIR

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2

DPI = 300

#: The print palette: dark ink on white paper, one red for what the story points at.
INK = "#1d1a16"
MUTED = "#5b5247"
RULE = "#c9c0ae"
ACCENT = "#b3261e"
PAPER = "#ffffff"
SEA = "#e3edf2"
LAND_FOCUS = "#efe4cc"
LAND_FOCUS_EDGE = "#8f7f5f"
LAND_OTHER = "#f6f3ec"
LAND_OTHER_EDGE = "#c3b9a5"
PLAN_GROUND = "#f3efe4"
PLAN_FILLS = {
    "floor": ("#e6e0c6", "#c2b78f"),
    "mountains": ("#d8cbae", "#b4a27c"),
    "hills": ("#cbb98f", "#9d8759"),
    "airfields": ("#bdb7aa", "#8f887a"),
    "sectors": (None, "#4f6b82"),
}
RIVER = "#3d7db0"


def _mm(value: float) -> float:
    return value * DPI / 25.4


def _rect(rect: Rect) -> object:
    from PySide6.QtCore import QRectF

    return QRectF(_mm(rect.x), _mm(rect.y), _mm(rect.width), _mm(rect.height))


class _Renderer:
    """Measures and draws the plan's blocks on a QPdfWriter, in millimetres."""

    def __init__(self, writer: object, family: str, exhibit: Exhibit) -> None:
        self.writer = writer
        self.family = family
        self.exhibit = exhibit
        self.painter: object | None = None
        self.language = exhibit.default_language

    # -- type --

    def font(self, points: float, weight: str = "regular", italic: bool = False) -> object:
        from PySide6.QtGui import QFont

        font = QFont(self.family)
        font.setPointSizeF(points)
        font.setWeight(
            {
                "regular": QFont.Weight.Normal,
                "medium": QFont.Weight.Medium,
                "semibold": QFont.Weight.DemiBold,
                "bold": QFont.Weight.Bold,
            }[weight]
        )
        font.setItalic(italic)
        font.setKerning(True)
        # No ligatures: a copied or searched "ff" stays two letters in every PDF reader.
        for tag in ("liga", "clig"):
            font.setFeature(QFont.Tag(tag), 0)
        return font

    def text_height(self, text: str, font: object, width_mm: float) -> float:
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QFontMetricsF

        if not text:
            return 0.0
        metrics = QFontMetricsF(font, self.writer)
        box = metrics.boundingRect(
            QRectF(0, 0, _mm(width_mm), 1e7), int(Qt.TextFlag.TextWordWrap), text
        )
        return box.height() * 25.4 / DPI

    def text_width(self, text: str, font: object) -> float:
        from PySide6.QtGui import QFontMetricsF

        return QFontMetricsF(font, self.writer).horizontalAdvance(text) * 25.4 / DPI

    def text(
        self,
        text: str,
        font: object,
        x: float,
        y: float,
        width: float,
        colour: str = INK,
        align: str = "left",
        draw: bool = True,
    ) -> float:
        """Write ``text`` wrapped to ``width`` mm from ``(x, y)``; its height in mm."""
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QColor

        height = self.text_height(text, font, width)
        if draw and text and self.painter is not None:
            painter = self.painter
            painter.setFont(font)
            painter.setPen(QColor(colour))
            flags = (
                Qt.TextFlag.TextWordWrap
                | {
                    "left": Qt.AlignmentFlag.AlignLeft,
                    "right": Qt.AlignmentFlag.AlignRight,
                    "center": Qt.AlignmentFlag.AlignHCenter,
                }[align]
            )
            painter.drawText(QRectF(_mm(x), _mm(y), _mm(width), _mm(height) + 2), int(flags), text)
        return height

    # -- blocks --

    def block(self, block: plan.Block, x: float, y: float, width: float, draw: bool) -> float:
        """Draw ``block`` with its top left at ``(x, y)`` mm (or only measure it); its height."""
        method = getattr(self, _DRAWERS[type(block)])
        return float(method(block, x, y, width, draw))

    def cover(self, cover: plan.Cover, x: float, y: float, width: float, draw: bool) -> float:
        if draw:
            self.fill(Rect(0, 0, plan.PAGE_WIDTH_MM, 92), "#2b241c")
            self.fill(Rect(0, 92, plan.PAGE_WIDTH_MM, 1.6), ACCENT)
        top = y + 22
        top += self.text(cover.title, self.font(34, "bold"), x, top, width, PAPER, draw=draw)
        top += 4
        self.text(cover.subtitle, self.font(14), x, top, width, "#efe6d6", draw=draw)
        top = 112
        for kicker, title, intro in cover.chapters:
            top += self.text(
                kicker.upper(), self.font(9, "semibold"), x, top, width, ACCENT, draw=draw
            )
            top += 1
            top += self.text(title, self.font(16, "semibold"), x, top, width, draw=draw)
            top += 1.5
            top += self.text(intro, self.font(11, italic=True), x, top, width, MUTED, draw=draw)
            top += 10
        self.text(
            cover.language_name,
            self.font(10, "medium"),
            x,
            plan.CONTENT.bottom - 6,
            width,
            MUTED,
            draw=draw,
        )
        return plan.CONTENT.height

    def heading(self, heading: plan.Heading, x: float, y: float, width: float, draw: bool) -> float:
        top = y
        top += self.text(
            heading.kicker.upper(), self.font(9, "semibold"), x, top, width, ACCENT, draw=draw
        )
        top += 1
        top += self.text(heading.title, self.font(22, "bold"), x, top, width, draw=draw)
        top += 1.5
        top += self.text(heading.intro, self.font(11, italic=True), x, top, width, MUTED, draw=draw)
        if draw:
            self.fill(Rect(x, top + 2.5, width, 0.35), RULE)
        return top - y + 3

    def paragraph(
        self, para: plan.Paragraph, x: float, y: float, width: float, draw: bool
    ) -> float:
        left = 36.0 if para.number else 0.0
        body_x, body_w = x + left, width - left
        height = 0.0
        if para.number:
            side = 0.0
            if draw:
                self.badge(para.number, x + 3, y + 3)
            side += 7.5
            side += self.text(
                para.when, self.font(10, "semibold"), x, y + side, left - 4, draw=draw
            )
            if para.who:
                side += 1
                side += self.text(para.who, self.font(8.5), x, y + side, left - 4, MUTED, draw=draw)
            height = side
        top = y
        top += self.text(para.title, self.font(11.5, "semibold"), body_x, top, body_w, draw=draw)
        top += 1
        top += self.text(para.body, self.font(10), body_x, top, body_w, draw=draw)
        if para.who and not para.number:
            top += 1
            top += self.text(para.who, self.font(8.5), body_x, top, body_w, MUTED, draw=draw)
        return max(height, top - y)

    def figures(self, figures: plan.Figures, x: float, y: float, width: float, draw: bool) -> float:
        top = y
        top += self.text(
            figures.title.upper(), self.font(9, "semibold"), x, top, width, ACCENT, draw=draw
        )
        top += 3
        column = (width - 6) / 2
        items = list(figures.items)
        for row in range(0, len(items), 2):
            heights = []
            for offset, (value, label) in enumerate(items[row : row + 2]):
                cx = x + offset * (column + 6)
                h = self.text(value, self.font(20, "bold"), cx, top, column, ACCENT, draw=draw)
                h += self.text(label, self.font(9.5), cx, top + h, column, draw=draw)
                heights.append(h)
            top += max(heights) + 4
        return top - y

    def sources(
        self, sources: plan.SourceList, x: float, y: float, width: float, draw: bool
    ) -> float:
        top = y
        if draw:
            self.fill(Rect(x, top, width, 0.35), RULE)
        top += 4
        top += self.text(sources.title, self.font(14, "bold"), x, top, width, draw=draw)
        top += 2
        for item in sources.items:
            top += self.text(f"• {item}", self.font(10), x, top, width, draw=draw) + 1.5
        if sources.outside:
            top += 3
            top += self.text(
                sources.outside_title, self.font(10, "semibold"), x, top, width, draw=draw
            )
            top += 1.5
            for item in sources.outside:
                top += self.text(item, self.font(8.5), x, top, width, MUTED, draw=draw) + 1.2
        return top - y

    # -- figures --

    def map_figure(
        self, figure: plan.MapFigure, x: float, y: float, width: float, draw: bool
    ) -> float:
        caption_font = self.font(9, italic=True)
        caption_h = self.text_height(figure.caption, caption_font, width)
        total = figure.height_mm + 2 + caption_h + 6
        if not draw:
            return total
        frame = Rect(x, y, width, figure.height_mm)
        label_font = self.font(plan.LABEL_FONT_MM * 72 / 25.4)
        drawing = plan.map_drawing(
            self.exhibit, figure, frame, self.language, lambda t: self.text_width(t, label_font)
        )
        self.draw_map(drawing, figure.note)
        top = y + figure.height_mm + 2
        self.text(figure.caption, caption_font, x, top, width, MUTED)
        self.legend(figure.legend, x, top + caption_h + 1.5, width)
        return total

    def draw_map(self, drawing: plan.MapDrawing, note: str = "") -> None:
        from PySide6.QtCore import QPointF, Qt
        from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen

        painter = self.painter
        assert painter is not None
        painter.save()
        painter.setClipRect(_rect(drawing.frame))
        geo = drawing.kind is MapKind.GEO
        self.fill(drawing.frame, SEA if geo else PLAN_GROUND)

        def qpath(commands: Iterable[plan.PathCommand]) -> QPainterPath:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            for op, points in commands:
                pts = [QPointF(_mm(px), _mm(py)) for px, py in points]
                if op == "M":
                    path.moveTo(pts[0])
                elif op == "L":
                    path.lineTo(pts[0])
                elif op == "C":
                    path.cubicTo(*pts)
                else:
                    path.closeSubpath()
            return path

        def pen(colour: str, width_mm: float, dashed: bool = False) -> QPen:
            result = QPen(QColor(colour))
            result.setWidthF(_mm(width_mm))
            result.setCapStyle(Qt.PenCapStyle.RoundCap)
            result.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            if dashed:
                result.setStyle(Qt.PenStyle.DashLine)
            return result

        for shape in drawing.shapes:
            path = qpath(shape.commands)
            if geo:
                focus = shape.role == "focus"
                painter.setPen(
                    pen(LAND_FOCUS_EDGE if focus else LAND_OTHER_EDGE, 0.3 if focus else 0.2)
                )
                painter.setBrush(QColor(LAND_FOCUS if focus else LAND_OTHER))
            elif shape.role == "river":
                painter.setPen(pen(RIVER, 0.9))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                fill, edge = PLAN_FILLS[shape.role]
                painter.setPen(pen(edge, 0.25, dashed=shape.role == "sectors"))
                painter.setBrush(QColor(fill) if fill else Qt.BrushStyle.NoBrush)
            painter.drawPath(path)

        for marker in drawing.markers:
            colour = ACCENT if marker.highlighted else MUTED
            if marker.kind == "river":
                colour = RIVER
            if marker.line:
                path = QPainterPath()
                path.moveTo(QPointF(_mm(marker.line[0][0]), _mm(marker.line[0][1])))
                for px, py in marker.line[1:]:
                    path.lineTo(QPointF(_mm(px), _mm(py)))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(
                    pen(colour, 0.7 if marker.highlighted else 0.4, marker.kind == "path")
                )
                painter.drawPath(path)
                if marker.kind not in ("town", "stronghold", "command-post", "airfield", "bridge"):
                    continue
            centre = QPointF(_mm(marker.x), _mm(marker.y))
            if marker.kind in ("region", "front"):
                if marker.highlighted:
                    fill = QColor(ACCENT)
                    fill.setAlphaF(0.14)
                    painter.setBrush(fill)
                    painter.setPen(pen(ACCENT, 0.3))
                    painter.drawEllipse(centre, _mm(5), _mm(5))
                painter.setBrush(QColor(colour))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawEllipse(centre, _mm(0.7), _mm(0.7))
            elif marker.kind == "sector":
                continue  # drawn as its outline; the label names it
            elif marker.kind in ("stronghold", "command-post"):
                taken = marker.state == "taken"
                side = _mm(1.9)
                painter.setBrush(QColor(ACCENT if taken else PAPER))
                painter.setPen(pen(ACCENT if taken else INK, 0.3))
                if marker.kind == "command-post":
                    painter.drawEllipse(centre, side * 0.6, side * 0.6)
                else:
                    painter.drawRect(centre.x() - side / 2, centre.y() - side / 2, side, side)
            else:
                painter.setBrush(QColor(colour))
                painter.setPen(pen(PAPER, 0.3))
                painter.drawEllipse(centre, _mm(1.1), _mm(1.1))

        for label in drawing.labels:
            box = label.box
            halo = QColor(PAPER)
            halo.setAlphaF(0.82)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(halo))
            painter.drawRoundedRect(_rect(box), _mm(0.8), _mm(0.8))
            font = self.font(
                plan.LABEL_FONT_MM * 72 / 25.4, "semibold" if label.highlighted else "regular"
            )
            painter.setFont(font)
            painter.setPen(QColor(INK if label.highlighted else MUTED))
            painter.drawText(_rect(box), int(Qt.AlignmentFlag.AlignCenter), label.text)

        if note:
            note_font = self.font(7.5, italic=True)
            note_w = self.text_width(note, note_font) + 3
            bx, by = drawing.frame.x + 3, drawing.frame.bottom - 8
            self.fill(Rect(bx, by, note_w, 5), PAPER, alpha=0.85)
            self.text(note, note_font, bx + 1.5, by + 0.9, note_w, MUTED)
        if drawing.scale_bar is not None:
            length, km = drawing.scale_bar
            bx = drawing.frame.x + 5
            by = drawing.frame.bottom - 6
            self.fill(Rect(bx - 1.5, by - 4.5, length + 14, 8), PAPER, alpha=0.85)
            self.fill(Rect(bx, by, length / 2, 1.0), INK)
            self.fill(Rect(bx + length / 2, by, length / 2, 1.0), PAPER)
            painter.setPen(pen(INK, 0.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(_rect(Rect(bx, by, length, 1.0)))
            self.text(
                self.exhibit.string("map_scale", self.language, km=km),
                self.font(7.5),
                bx + length + 1.5,
                by - 1.6,
                12,
            )
        painter.restore()
        painter.setPen(pen(RULE, 0.3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(_rect(drawing.frame))

    def legend(self, items: Sequence[tuple[str, str]], x: float, y: float, width: float) -> None:
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QColor, QPen

        painter = self.painter
        assert painter is not None
        font = self.font(8.5)
        cursor = x
        for symbol, words in items:
            centre = QPointF(_mm(cursor + 1.2), _mm(y + 1.9))
            side = _mm(1.9)
            if symbol == "highlight":
                painter.setBrush(QColor(ACCENT))
                painter.setPen(QPen(QColor(PAPER)))
                painter.drawEllipse(centre, _mm(1.1), _mm(1.1))
            else:
                taken = symbol == "taken"
                painter.setBrush(QColor(ACCENT if taken else PAPER))
                edge = QPen(QColor(ACCENT if taken else INK))
                edge.setWidthF(_mm(0.3))
                painter.setPen(edge)
                painter.drawRect(centre.x() - side / 2, centre.y() - side / 2, side, side)
            self.text(words, font, cursor + 3.5, y, width, MUTED)
            cursor += 3.5 + self.text_width(words, font) + 7

    def day_axis(self, axis: plan.DayAxis, x: float, y: float, width: float, draw: bool) -> float:
        if not draw:
            return axis.height_mm
        from PySide6.QtCore import QPointF, QRectF, Qt
        from PySide6.QtGui import QColor, QPen

        painter = self.painter
        assert painter is not None
        title_h = self.text(axis.title.upper(), self.font(9, "semibold"), x, y, width, ACCENT)
        layout = plan.day_axis(axis, x + 4, width - 8)
        base = y + axis.height_mm - 7
        rule = QPen(QColor(INK))
        rule.setWidthF(_mm(0.35))
        painter.setPen(rule)
        painter.drawLine(QPointF(_mm(x + 4), _mm(base)), QPointF(_mm(x + width - 4), _mm(base)))
        tick_font = self.font(7.5)
        for tx, words in layout.ticks:
            painter.setPen(rule)
            painter.drawLine(QPointF(_mm(tx), _mm(base)), QPointF(_mm(tx), _mm(base + 1.2)))
            self.text(words, tick_font, tx - 6, base + 1.6, 12, MUTED, align="center")
        radius = 2.3
        for event in layout.events:
            cy = base - radius - 2.5 - event.row * (2 * radius + 1.5)
            cy = max(cy, y + title_h + 1.5 + radius)
            if not event.exact:
                fill = QColor(ACCENT)
                fill.setAlphaF(0.18)
                painter.setPen(QPen(QColor(ACCENT)))
                painter.setBrush(fill)
                bar = QRectF(
                    _mm(event.x - radius),
                    _mm(cy - radius),
                    _mm(event.x_end - event.x + 2 * radius),
                    _mm(2 * radius),
                )
                painter.drawRoundedRect(bar, _mm(radius), _mm(radius))
                self.badge(str(event.number), event.x, cy, radius, outline=True)
            else:
                self.badge(str(event.number), event.x, cy, radius)
            painter.setPen(QPen(QColor(RULE)))
            painter.drawLine(
                QPointF(_mm(event.x), _mm(cy + radius)), QPointF(_mm(event.x), _mm(base))
            )
        del Qt
        return axis.height_mm

    def badge(
        self, number: str, cx: float, cy: float, radius: float = 2.6, outline: bool = False
    ) -> None:
        from PySide6.QtCore import QPointF, QRectF, Qt
        from PySide6.QtGui import QColor, QPen

        painter = self.painter
        assert painter is not None
        painter.setBrush(QColor(PAPER if outline else ACCENT))
        edge = QPen(QColor(ACCENT))
        edge.setWidthF(_mm(0.3))
        painter.setPen(edge)
        painter.drawEllipse(QPointF(_mm(cx), _mm(cy)), _mm(radius), _mm(radius))
        painter.setFont(self.font(radius * 2.6, "bold"))
        painter.setPen(QColor(ACCENT if outline else PAPER))
        box = QRectF(_mm(cx - radius), _mm(cy - radius), _mm(2 * radius), _mm(2 * radius))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), number)

    def fill(self, rect: Rect, colour: str, alpha: float = 1.0) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QColor

        painter = self.painter
        assert painter is not None
        fill = QColor(colour)
        fill.setAlphaF(alpha)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRect(_rect(rect))

    def footer(self, number: int, total: int) -> None:
        y = plan.PAGE_HEIGHT_MM - plan.MARGIN_MM - 4
        x, width = plan.CONTENT.x, plan.CONTENT.width
        self.fill(Rect(x, y - 2, width, 0.3), RULE)
        font = self.font(8)
        self.text(self.exhibit.title.get(self.language), font, x, y, width / 2, MUTED)
        page = self.exhibit.string("handout_page", self.language, n=number, total=total)
        self.text(page, font, x + width / 2, y, width / 2, MUTED, align="right")


_DRAWERS = {
    plan.Cover: "cover",
    plan.Heading: "heading",
    plan.MapFigure: "map_figure",
    plan.DayAxis: "day_axis",
    plan.Paragraph: "paragraph",
    plan.Figures: "figures",
    plan.SourceList: "sources",
}


def plan_pages(renderer: _Renderer, languages: Sequence[str]) -> list[plan.Page]:
    pages: list[plan.Page] = []
    for language in languages:
        renderer.language = language
        blocks = plan.handout_blocks(renderer.exhibit, language)
        pages += plan.paginate(
            blocks,
            language,
            lambda block, width: renderer.block(block, plan.CONTENT.x, 0.0, width, draw=False),
        )
    return pages


def write_handout(exhibit: Exhibit, path: Path, languages: Sequence[str]) -> list[plan.Page]:
    """Write the handout in ``languages`` (one part each, in order) to ``path``; its pages.

    A QGuiApplication must exist (the bundled fonts are registered on it).
    """
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    from exhibit.qt.fonts import register_fonts

    family = register_fonts(FONTS_DIR)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle(" / ".join(exhibit.title.get(code) for code in languages))
    writer.setCreator("exhibit handout")
    renderer = _Renderer(writer, family, exhibit)
    pages = plan_pages(renderer, languages)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    renderer.painter = painter
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        counts = {code: sum(1 for p in pages if p.language == code) for code in languages}
        numbers = dict.fromkeys(languages, 0)
        for index, page in enumerate(pages):
            if index:
                writer.newPage()
            renderer.language = page.language
            for item in page.items:
                renderer.block(item.block, plan.CONTENT.x, item.y_mm, plan.CONTENT.width, draw=True)
            numbers[page.language] += 1
            if page.kind != "cover":
                renderer.footer(numbers[page.language], counts[page.language])
    finally:
        painter.end()
    return pages


# -- command line --------------------------------------------------------------------


def parse_languages(text: str | None, exhibit: Exhibit) -> list[str]:
    """``vi``, ``en`` or ``vi,en`` as declared language codes; ValueError names a wrong one."""
    if not text:
        return [exhibit.default_language]
    codes = [code.strip() for code in text.split(",") if code.strip()]
    unknown = [code for code in codes if code not in exhibit.language_codes]
    if unknown or not codes:
        declared = ", ".join(exhibit.language_codes)
        raise ValueError(f"'{text}' is not a list of the content's languages ({declared})")
    return list(dict.fromkeys(codes))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="exhibit handout",
        description="Write the exhibit as a printed A4 handout (PDF) for a classroom: a cover, "
        "each chapter with its map and steps, the final day's timeline, the totals "
        "and the sources.",
    )
    parser.add_argument("pdf", metavar="FILE.pdf", type=Path)
    parser.add_argument(
        "--lang",
        metavar="CODES",
        help="the language, or languages one after the other: vi, en or vi,en "
        "(default: the content's default language)",
    )
    add_content_option(parser)
    return parser


def main(argv: Iterable[str]) -> int:
    started = parse_and_load(build_parser(), list(argv), "pdf", ".pdf")
    if isinstance(started, int):
        return started
    options, exhibit = started
    target: Path = options.pdf
    try:
        languages = parse_languages(options.lang, exhibit)
    except ValueError as error:
        print(f"exhibit handout: --lang: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window: nothing to show
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    try:
        pages = write_handout(exhibit, target, languages)
    except OSError as error:
        print(f"exhibit handout: {error}", file=sys.stderr)
        return EXIT_FAILED
    del app
    print(f"Wrote {target}: {len(pages)} A4 pages ({', '.join(languages)}).")
    return EXIT_OK
