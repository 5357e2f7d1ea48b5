"""No visible text is elided, cut off or overlapped, on any screen, at any of the
three screen shapes, in either language.

One window per size and language (reduced motion, so nothing is mid-slide)
steps through the title screen and every step of every chapter. For each text
a visitor can see it checks:

- ``truncated`` is false (an elided "…" label, or more lines than
  ``maximumLineCount`` allows),
- the painted text (``contentWidth`` x ``contentHeight``, placed by its
  alignment) lies inside the window and inside every ancestor that clips,
- it does not overlap another visible text.

And every Text shows content as typed: ``textFormat`` is PlainText, so a
curator's "<b>" or "<img src=...>" is never interpreted (see also
tests/ui/test_plain_text.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtQml import QQmlEngine, QQmlExpression
from PySide6.QtQuick import QQuickItem

from exhibit.app import open_window
from exhibit.core.settings import Settings
from exhibit.core.story import Position
from tests.ui import screens
from tests.ui.conftest import OpenExhibit
from tests.ui.harness import Visitor, is_text

SIZES = [(1280, 720), (1366, 768), (1920, 1080), (1080, 1920)]
#: The screens over the steps are checked on a 4K screen too.
OVERLAY_SIZES = [*SIZES, (3840, 2160)]
LANGUAGES = ["vi", "en"]
TOLERANCE = 1.0  # px: anti-aliasing and rounding
PLAIN_TEXT = 0  # Text.PlainText

# Qt.AlignmentFlag values, as the QML properties report them (ints).
ALIGN_RIGHT, ALIGN_HCENTER = 0x2, 0x4
ALIGN_BOTTOM, ALIGN_VCENTER = 0x40, 0x80


@dataclass(frozen=True)
class ShownText:
    item: QQuickItem
    text: str
    rect: QRectF  # painted, in window coordinates
    text_format: int

    def where(self) -> str:
        short = self.text if len(self.text) <= 40 else self.text[:37] + "..."
        return f"{screens.label(self.item)} {short!r}"


def enums(item: QQuickItem) -> tuple[int, int, int]:
    """Horizontal and vertical alignment and text format, as ints.

    PySide cannot convert these QQuickText enum properties with property(), so
    QML itself reads them.
    """
    expression = QQmlExpression(
        QQmlEngine.contextForObject(item),
        item,
        "effectiveHorizontalAlignment + ',' + verticalAlignment + ',' + textFormat",
    )
    value, undefined = expression.evaluate()
    assert not undefined and not expression.hasError(), expression.error().toString()
    h_align, v_align, text_format = (int(part) for part in str(value).split(","))
    return h_align, v_align, text_format


def painted_rect(item: QQuickItem, h_align: int, v_align: int) -> QRectF:
    """Where the glyphs are, in window coordinates (not the item's box)."""
    width = float(item.property("contentWidth"))
    height = float(item.property("contentHeight"))
    x = 0.0
    if h_align & ALIGN_RIGHT:
        x = item.width() - width
    elif h_align & ALIGN_HCENTER:
        x = (item.width() - width) / 2
    y = 0.0
    if v_align & ALIGN_BOTTOM:
        y = item.height() - height
    elif v_align & ALIGN_VCENTER:
        y = (item.height() - height) / 2
    return item.mapRectToScene(QRectF(x, y, width, height))


def _inside_item(item: QQuickItem, ancestor: QQuickItem) -> bool:
    node: QQuickItem | None = item
    while node is not None:
        if node == ancestor:
            return True
        node = node.parentItem()
    return False


def shown_texts(visitor: Visitor, within: QQuickItem | None = None) -> list[ShownText]:
    found = []
    for item in visitor.items():
        if not is_text(item) or not visitor.is_shown(item):
            continue
        if within is not None and not _inside_item(item, within):
            continue
        text = str(item.property("text") or "")
        if text.strip():
            h_align, v_align, text_format = enums(item)
            found.append(ShownText(item, text, painted_rect(item, h_align, v_align), text_format))
    return found


def _inside(inner: QRectF, outer: QRectF) -> bool:
    return (
        inner.left() >= outer.left() - TOLERANCE
        and inner.top() >= outer.top() - TOLERANCE
        and inner.right() <= outer.right() + TOLERANCE
        and inner.bottom() <= outer.bottom() + TOLERANCE
    )


def _overlap(a: QRectF, b: QRectF) -> bool:
    shared = a.intersected(b)
    return shared.width() > TOLERANCE and shared.height() > TOLERANCE


def check_screen(visitor: Visitor, screen: str, within: QQuickItem | None = None) -> list[str]:
    """Problems with the texts on screen (only those inside ``within``, e.g. an overlay
    that covers the rest, if given)."""
    problems = []
    window = QRectF(0, 0, visitor.window.width(), visitor.window.height())
    texts = shown_texts(visitor, within)
    for shown in texts:
        item, where = shown.item, f"{screen}: {shown.where()}"
        if item.property("truncated"):
            problems.append(f"{where}: elided (truncated)")
        if shown.text_format != PLAIN_TEXT:
            problems.append(f"{where}: textFormat is not Text.PlainText")
        if not _inside(shown.rect, window):
            problems.append(f"{where}: runs off the window ({_box(shown.rect)})")
        node = item.parentItem()
        while node is not None:
            if node.clip() and not _inside(shown.rect, screens.scene_rect(node)):
                problems.append(f"{where}: cut off by {screens.label(node)}")
                break
            node = node.parentItem()
    for index, first in enumerate(texts):
        for second in texts[index + 1 :]:
            if _overlap(first.rect, second.rect):
                problems.append(f"{screen}: {first.where()} overlaps {second.where()}")
    return problems


def _box(rect: QRectF) -> str:
    return f"{rect.x():.0f},{rect.y():.0f} {rect.width():.0f}x{rect.height():.0f}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_text_is_elided_cut_off_or_overlapped(
    open_exhibit: OpenExhibit, size: tuple[int, int], language: str
) -> None:
    visitor = open_exhibit(language=language, size=size, settings=Settings(reduced_motion=True))
    problems: list[str] = []
    screens_seen = 0
    for screen in screens.every_screen(visitor):
        problems += check_screen(visitor, f"{size[0]}x{size[1]} {screen}")
        screens_seen += 1
    assert screens_seen > 20
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", OVERLAY_SIZES, ids=[f"{w}x{h}" for w, h in OVERLAY_SIZES])
def test_the_place_card_the_image_viewer_and_the_attract_screen_fit(
    open_exhibit: OpenExhibit, size: tuple[int, int], language: str
) -> None:
    """The screens over the steps: a tapped place told in the text column, a
    step's image full screen, and the kiosk's attract screen."""
    problems: list[str] = []
    where = f"{size[0]}x{size[1]} [{language}]"
    visitor = open_exhibit(
        language=language,
        size=size,
        open_spec="offensive/2",
        settings=Settings(reduced_motion=True),
    )
    visitor.backends.maps.selectPlace("kon-tum")
    visitor.settle(40)
    assert visitor.is_shown(visitor.find("placeCard"))
    problems += check_screen(visitor, f"{where} place card")

    visitor.backends.session.story.go_to(Position("fortress", 0))
    visitor.settle(40)
    problems += check_screen(visitor, f"{where} step with an image")
    visitor.tap("imageCard")
    viewer = visitor.find("imageViewer")
    assert visitor.is_shown(viewer)
    problems += check_screen(visitor, f"{where} image viewer", viewer)

    # A kiosk fills its screen; shown at this size as `--kiosk --screenshot` shows it.
    running = open_window(
        visitor.backends.session.exhibit,
        language=language,
        size=size,
        settings=Settings(mode="kiosk", reduced_motion=True),
    )
    running.show(windowed=True)
    visitor.qtbot.waitExposed(running.window)  # type: ignore[arg-type]
    kiosk = Visitor(visitor.qtbot, running)
    kiosk.settle(60)
    try:
        problems += check_attract_screen(kiosk, where)
    finally:
        running.close()
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


def check_attract_screen(kiosk: Visitor, where: str) -> list[str]:
    problems: list[str] = []
    overlay = kiosk.find("attractOverlay")
    assert kiosk.is_shown(overlay)
    problems += check_screen(kiosk, f"{where} attract screen", overlay)
    # The call to action has a band of its own: no other text over or under it.
    band = screens.scene_rect(kiosk.find("attractChoices"))
    for shown in shown_texts(kiosk, overlay):
        if not _inside_item(shown.item, kiosk.find("attractChoices")) and _overlap(
            shown.rect, band
        ):
            problems.append(f"{where} attract: {shown.where()} is on the call to action's band")
    return problems
