"""No visible text is elided, cut off or overlapped, on any screen, at any of the
four screen sizes, in either language; and the maps name what they must.

One window per size (reduced motion, so nothing is mid-slide) steps through
the title screen and every step of every chapter in Vietnamese, then again in
English. For each text a visitor can see it checks:

- ``truncated`` is false (an elided "…" label, or more lines than
  ``maximumLineCount`` allows),
- the painted text (``contentWidth`` x ``contentHeight``, placed by its
  alignment) lies inside the window and inside every ancestor that clips,
- it does not overlap another visible text.

And every Text shows content as typed: ``textFormat`` is PlainText, so a
curator's "<b>" or "<img src=...>" is never interpreted (see also
tests/ui/test_plain_text.py).

On a screen with a map (or the final day's plan) it checks the names too:
no name (a place's label or an area's) covers another name or the symbol of
a place it does not name; each name is one line; every place the step
highlights and every key place of the map (``always_labelled``) whose
symbol is on screen is named; and the same of these, and the same area
names, in both languages. (A plain label may give way to the legend, which
is wider in one language than the other.)
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtQml import QQmlEngine, QQmlExpression
from PySide6.QtQuick import QQuickItem

from exhibit.app import open_window
from exhibit.core.model import Exhibit
from exhibit.core.settings import Settings
from exhibit.core.story import Position
from tests.ui import screens
from tests.ui.conftest import OpenExhibit
from tests.ui.harness import Visitor, is_text

SIZES = [(1280, 720), (1366, 768), (1920, 1080), (1080, 1920)]
#: The screens over the steps are checked on a 4K screen too.
OVERLAY_SIZES = [*SIZES, (3840, 2160)]
LANGUAGES = ["vi", "en"]  # in this order: the window opens in Vietnamese
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


#: What a map draws over itself: a symbol under one of these is not on screen.
FURNITURE = ("mapLegend", "scaleBar", "northArrow", "locatorInset", "mapReset")


def _clip_rect(item: QQuickItem) -> QRectF | None:
    """The scene rectangle of the nearest ancestor that clips (the map's canvas)."""
    node = item.parentItem()
    while node is not None:
        if node.clip():
            return screens.scene_rect(node)
        node = node.parentItem()
    return None


def check_map(visitor: Visitor, screen: str, exhibit: Exhibit) -> tuple[list[str], dict[str, bool]]:
    """Problems with the names on the map on screen, and for each name that must be
    shown (a highlighted or key place, an archipelago) on screen: whether it is."""
    names: dict[str, QQuickItem] = {}
    found: dict[str, QQuickItem] = {}
    islands: dict[str, list[QQuickItem]] = {}
    furniture: list[QRectF] = []
    for item in visitor.items():
        name = item.objectName()
        if not visitor.is_shown(item):
            continue
        if name.startswith(("label-", "area-")):
            names[name] = item
        elif name.startswith("symbol-"):
            found[name.removeprefix("symbol-")] = item
        elif name.startswith("islands-"):
            dots = [d for d in item.childItems() if d.width() > 0]  # not the Repeater
            islands[name.removeprefix("islands-")] = dots
        elif name in FURNITURE:
            furniture.append(screens.scene_rect(item))

    # A symbol is on screen inside the map's frame and not under its legend,
    # scale, north arrow, locator or reset button.
    def on_screen(item: QQuickItem) -> bool:
        clip = _clip_rect(item)
        centre = screens.scene_rect(item).center()
        if clip is not None and not clip.contains(centre):
            return False
        return not any(box.contains(centre) for box in furniture)

    symbols = {p: screens.scene_rect(i) for p, i in found.items() if on_screen(i)}
    seen_islands = {a for a, dots in islands.items() if any(on_screen(d) for d in dots)}
    if not names and not symbols:
        return [], {}
    problems = []
    boxes = {name: screens.scene_rect(item) for name, item in names.items()}
    listed = sorted(boxes.items())
    for index, (name, box) in enumerate(listed):
        for other, other_box in listed[index + 1 :]:
            if _overlap(box, other_box):
                problems.append(f"{screen}: {name} overlaps {other}")
        named = name.removeprefix("label-")
        for place_id, symbol in symbols.items():
            if place_id != named and _overlap(box, symbol):
                problems.append(f"{screen}: {name} covers the symbol of {place_id}")
        for text in names[name].childItems():
            is_text = screens.class_name(text).startswith("QQuickText")
            if is_text and int(text.property("lineCount")) != 1:
                problems.append(f"{screen}: {name} wraps")
    labelled = {name.removeprefix("label-") for name in names if name.startswith("label-")}
    # What the map highlights now (the day's plan changes with the clock, a
    # moment after the step) and its key places: each on screen is named.
    must = set()
    for item in visitor.items():
        name = item.objectName()
        if name.startswith("place-") and item.property("highlighted"):
            must.add(name.removeprefix("place-"))
    for map_def in exhibit.maps.values():
        must |= set(map_def.always_labelled)
    for place_id in sorted(must & set(symbols)):
        if place_id not in labelled:
            problems.append(f"{screen}: {place_id} is on screen but not named")
    for area_id in sorted(seen_islands):
        if f"area-{area_id}" not in names:
            problems.append(f"{screen}: the islands of {area_id} are on screen but not named")
    shown = {f"label-{p}": f"label-{p}" in names for p in must & set(symbols)}
    shown |= {f"area-{a}": f"area-{a}" in names for a in seen_islands}
    return problems, shown


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_text_is_elided_cut_off_or_overlapped(
    open_exhibit: OpenExhibit, exhibit_content: Exhibit, size: tuple[int, int]
) -> None:
    visitor = open_exhibit(language="vi", size=size, settings=Settings(reduced_motion=True))
    problems: list[str] = []
    named: dict[str, dict[str, dict[str, bool]]] = {}
    screens_seen = 0
    for language in LANGUAGES:
        visitor.backends.session.set_language(language)
        visitor.settle(60)
        for screen in screens.every_screen(visitor, settle_ms=60):
            where = f"{size[0]}x{size[1]} {screen}"
            day = visitor.maybe_find("finalDay")
            if day is not None and visitor.is_shown(day):
                # The day's plan changes as the clock reaches the event.
                clock = visitor.backends.clock
                visitor.qtbot.waitUntil(lambda c=clock: not c.property("planHeld"), timeout=5000)
                # Then the arrows' names appear and the place names make way for them.
                visitor.settle(300)
            problems += check_screen(visitor, where)
            found, names = check_map(visitor, where, exhibit_content)
            problems += found
            named.setdefault(screen.rsplit(" [", 1)[0], {})[language] = names
            screens_seen += 1
    assert screens_seen > 40
    # What must be named and is on screen in both languages is named in both.
    # (The map may be a little taller in one language than the other, where a
    # title above it wraps, so it may show a little more.)
    for screen, by_language in named.items():
        vi, en = by_language["vi"], by_language["en"]
        differ = {key for key in vi.keys() & en.keys() if vi[key] != en[key]}
        if differ:
            problems.append(f"{size[0]}x{size[1]} {screen}: not named in both languages: {differ}")
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
