"""A visitor uses the two maps: taps places, reads cards, pans, zooms and resets."""

from __future__ import annotations

import math

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from exhibit.core.legend import ENTRY_OF_KIND, MARK_ENTRY
from exhibit.core.legend import STRONGHOLD_ENTRY as LOOK_ENTRY
from exhibit.core.maps import build_exhibit_map
from exhibit.core.settings import Settings
from exhibit.core.typography import keep_words_whole
from tests.ui.harness import Visitor

LANGUAGES = ("vi", "en")
MAX_ZOOM = 8.0


# -- gestures the harness does not have ---------------------------------------


def wheel(visitor: Visitor, at: QPoint, notches: int) -> None:
    """Turn the mouse wheel by ``notches`` (positive: away from the visitor, zoom in)."""
    for _ in range(abs(notches)):
        delta = QPoint(0, 120 if notches > 0 else -120)
        event = QWheelEvent(
            QPointF(at),
            QPointF(visitor.window.mapToGlobal(at)),
            QPoint(0, 0),
            delta,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QCoreApplication.sendEvent(visitor.window, event)
        visitor.settle(5)
    visitor.settle()


def pinch(visitor: Visitor, center: QPoint, start: int, end: int, steps: int = 10) -> None:
    """Two fingers on either side of ``center``, from ``start`` to ``end`` pixels apart."""
    device = QTest.createTouchDevice()
    window = visitor.window

    def points(gap: int) -> tuple[QPoint, QPoint]:
        return QPoint(center.x() - gap // 2, center.y()), QPoint(center.x() + gap // 2, center.y())

    a, b = points(start)
    QTest.touchEvent(window, device).press(0, a, window).press(1, b, window).commit()
    visitor.settle(10)
    for i in range(1, steps + 1):
        a, b = points(start + (end - start) * i // steps)
        QTest.touchEvent(window, device).move(0, a, window).move(1, b, window).commit()
        visitor.settle(10)
    QTest.touchEvent(window, device).release(0, a, window).release(1, b, window).commit()
    visitor.settle()


def drag(visitor: Visitor, start: QPoint, dx: int, dy: int, steps: int = 12) -> None:
    visitor.qtbot.mousePress(visitor.window, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, steps + 1):
        point = QPoint(start.x() + dx * i // steps, start.y() + dy * i // steps)
        visitor.qtbot.mouseMove(visitor.window, pos=point)
        visitor.qtbot.wait(8)
    end = QPoint(start.x() + dx, start.y() + dy)
    visitor.qtbot.mouseRelease(visitor.window, Qt.MouseButton.LeftButton, pos=end)
    visitor.settle()


# -- reading the map ------------------------------------------------------------


def canvas_of(visitor: Visitor) -> QQuickItem:
    return visitor.find("mapCanvas")


def rest(visitor: Visitor) -> QQuickItem:
    """Wait until the view has stopped moving (a step's gentle zoom takes a moment)."""
    canvas = canvas_of(visitor)
    visitor.qtbot.waitUntil(lambda: not canvas.property("moving"), timeout=3000)
    visitor.settle(60)
    return canvas


def assert_within_bounds(canvas: QQuickItem) -> None:
    zoom = canvas.property("zoom")
    assert 1.0 - 1e-9 <= zoom <= MAX_ZOOM + 1e-9
    shown: QRectF = canvas.property("visibleRect")
    width, height = canvas.property("viewWidth"), canvas.property("viewHeight")
    for lo, size, total in ((shown.x(), shown.width(), width), (shown.y(), shown.height(), height)):
        if size <= total + 1e-6:
            assert lo >= -1e-6 and lo + size <= total + 1e-6, (lo, size, total)
        else:
            assert lo + size / 2 == pytest.approx(total / 2)


def marker(visitor: Visitor, place_id: str) -> QQuickItem:
    return visitor.find(f"place-{place_id}")


def scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def shown_labels(visitor: Visitor) -> list[QQuickItem]:
    return [
        item
        for item in visitor.items()
        if item.objectName().startswith("label-") and visitor.is_shown(item)
    ]


def tap_place(visitor: Visitor, place_id: str) -> None:
    rest(visitor)
    visitor.tap(marker(visitor, place_id))
    visitor.settle(400)  # past the double-tap interval, so the next tap is a new one


# -- cards ----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_tapping_a_place_opens_its_card_in_the_language(open_exhibit, exhibit_content, language):
    visitor = open_exhibit(language=language, open_spec="offensive/2")
    tap_place(visitor, "kon-tum")
    kon_tum = exhibit_content.places["kon-tum"]
    assert visitor.is_shown(visitor.find("placeCard"))
    assert visitor.text("placeCardName") == kon_tum.name.get(language)
    assert visitor.text("placeCardInfo") == kon_tum.info.get(language)
    source = exhibit_content.sources[kon_tum.source].title.get(language)
    assert source in visitor.text("placeCardSource")
    assert marker(visitor, "kon-tum").property("selected")

    visitor.tap("placeCardClose")
    assert not visitor.is_shown(visitor.find("placeCard"))
    assert not marker(visitor, "kon-tum").property("selected")


def test_a_tap_picks_the_nearest_of_two_close_places(open_exhibit, exhibit_content):
    # Hà Nội and its Gia Lâm airfield are 4 km apart: their targets overlap.
    visitor = open_exhibit(language="en", open_spec="offensive/8")
    for place_id in ("gia-lam", "ha-noi", "hai-phong", "cat-bi"):
        tap_place(visitor, place_id)
        assert visitor.text("placeCardName") == exhibit_content.places[place_id].name.get("en")


def test_the_toggle_relabels_the_map_and_the_card_at_once(open_exhibit, exhibit_content):
    visitor = open_exhibit(language="vi", open_spec="fortress/4")
    tap_place(visitor, "command-post")
    place = exhibit_content.places["command-post"]
    label = visitor.find("label-muong-thanh")
    assert label.property("text") == exhibit_content.places["muong-thanh"].name.get("vi")
    maps = visitor.backends.maps
    emitted: list[str] = []
    for name in ("placesChanged", "selectedCardChanged", "focusChanged", "shapesChanged"):
        getattr(maps, name).connect(lambda name=name: emitted.append(name))

    visitor.tap("languageToggle")

    # The names change, once each; the drawing and the view stay as they are.
    assert sorted(emitted) == ["placesChanged", "selectedCardChanged"]
    assert visitor.text("placeCardName") == place.name.get("en")
    assert visitor.text("placeCardInfo") == place.info.get("en")
    label = visitor.find("label-muong-thanh")
    assert label.property("text") == exhibit_content.places["muong-thanh"].name.get("en")
    accessible = marker(visitor, "command-post")
    assert accessible.property("place")["name"] == place.name.get("en")


def identity(item: QQuickItem) -> int:
    """Which C++ item this is: the same number means the item was kept, not made again."""
    return shiboken6.getCppPointer(item)[0]


def test_a_step_updates_the_map_in_place(open_exhibit, exhibit_content):
    # Rebuilding every marker, label and line at each step stalled the map for
    # several frames: a step only changes what the new step shows.
    visitor = open_exhibit(language="en", open_spec="offensive/6")
    rest(visitor)
    names = ("place-railway", "label-binh-tri-thien", "line-railway", "place-dien-ban")
    before = {name: identity(visitor.find(name)) for name in names}
    assert not marker(visitor, "railway").property("highlighted")
    maps = visitor.backends.maps
    emitted: list[str] = []
    signals = ("mapIdChanged", "shapesChanged", "placesChanged", "viewBoxChanged", "titleChanged")
    for name in (*signals, "focusChanged", "highlightedIdsChanged"):
        getattr(maps, name).connect(lambda name=name: emitted.append(name))

    visitor.tap("nextButton")
    rest(visitor)

    # The map and its names are the same; only the step moved.
    assert sorted(emitted) == ["focusChanged", "highlightedIdsChanged"]
    assert {name: identity(visitor.find(name)) for name in names} == before
    step = exhibit_content.chapter("offensive").steps[6]
    assert "railway" in step.places and "dien-ban" not in step.places
    assert marker(visitor, "railway").property("highlighted")
    assert not marker(visitor, "dien-ban").property("highlighted")
    assert visitor.find("line-railway").property("lit")
    assert visitor.is_shown(visitor.find("label-binh-tri-thien"))


def test_the_toggle_renames_the_places_in_place(open_exhibit, exhibit_content):
    visitor = open_exhibit(language="vi", open_spec="fortress/4")
    rest(visitor)
    names = ("place-muong-thanh", "label-muong-thanh", "sectorShape-sector-centre")
    before = {name: identity(visitor.find(name)) for name in names}

    visitor.tap("languageToggle")
    rest(visitor)

    assert {name: identity(visitor.find(name)) for name in names} == before
    muong_thanh = exhibit_content.places["muong-thanh"].name
    assert visitor.text("label-muong-thanh") == muong_thanh.get("en")
    assert marker(visitor, "muong-thanh").property("place")["name"] == muong_thanh.get("en")


def test_tapping_a_place_keeps_the_view_where_the_visitor_moved_it(open_exhibit):
    visitor = open_exhibit(language="en", open_spec="offensive/2")
    canvas = rest(visitor)
    drag(visitor, visitor.center_of(canvas), -120, 0)
    moved = (canvas.property("zoom"), canvas.property("centerX"), canvas.property("centerY"))
    tap_place(visitor, "kon-tum")
    rest(visitor)
    assert visitor.is_shown(visitor.find("placeCard"))
    assert (canvas.property("zoom"), canvas.property("centerX"), canvas.property("centerY")) == (
        pytest.approx(moved[0]),
        pytest.approx(moved[1]),
        pytest.approx(moved[2]),
    )


def test_a_new_step_closes_the_card(open_exhibit):
    visitor = open_exhibit(language="en", open_spec="offensive/2")
    tap_place(visitor, "playku")
    assert visitor.is_shown(visitor.find("placeCard"))
    visitor.tap("nextButton")
    assert not visitor.is_shown(visitor.find("placeCard"))


# -- what each step shows ----------------------------------------------------------


def test_each_offensive_step_highlights_its_places(open_exhibit, exhibit_content):
    visitor = open_exhibit(language="vi", open_spec="offensive")
    chapter = exhibit_content.chapter("offensive")
    map_places = [p for p in exhibit_content.places.values() if p.map == "indochina"]
    for index, step in enumerate(chapter.steps):
        rest(visitor)
        for place in map_places:
            item = marker(visitor, place.id)
            assert item.property("highlighted") == (place.id in step.places), (step.id, place.id)
        # The view has moved to the step: its places are on the map.
        shown: QRectF = canvas_of(visitor).property("visibleRect")
        for place_id in step.places:
            item = marker(visitor, place_id)
            assert visitor.is_shown(item), (step.id, place_id)
            data = item.property("place")
            assert shown.contains(QPointF(data["x"], data["y"])), (step.id, place_id)
        if index + 1 < len(chapter.steps):
            visitor.tap("nextButton")


def test_the_plan_says_it_is_a_schematic_and_which_way_laos_lies(open_exhibit, exhibit_content):
    for language in LANGUAGES:
        visitor = open_exhibit(language=language, open_spec="fortress/1")
        rest(visitor)
        assert visitor.text("mapSchematic") == exhibit_content.string("map_schematic", language)
        assert visitor.is_shown(visitor.find("mapSchematic"))
        laos = visitor.find("label-laos-border")
        assert visitor.is_shown(laos)
        place = exhibit_content.places["laos-border"]
        assert laos.property("text") in (place.name.get(language), place.short_name.get(language))
        arrow = visitor.find("symbol-laos-border")
        assert arrow.property("bearing") == 270  # it points west
        for place_id in ("nam-rom", "muong-thanh-bridge", "command-post", "a1", "c2", "base-310"):
            assert visitor.maybe_find(f"place-{place_id}") is not None, place_id


def test_place_markers_are_big_enough_to_tap_and_named_for_screen_readers(
    open_exhibit, exhibit_content
):
    visitor = open_exhibit(language="en", open_spec="fortress/2", size=(1920, 1080))
    rest(visitor)
    for place in exhibit_content.places.values():
        if place.map != "valley" or place.kind == "path":
            continue
        item = marker(visitor, place.id)
        assert item.width() >= 48 and item.height() >= 48, place.id
        assert item.property("place")["name"] == place.name.get("en")


# -- moving the view ------------------------------------------------------------------


def test_the_map_owns_drags_and_the_step_stays(open_exhibit, exhibit_content):
    visitor = open_exhibit(language="en", open_spec="fortress/3")
    canvas = rest(visitor)
    before = canvas.property("centerY")
    title = visitor.text("stepTitle")
    drag(visitor, visitor.center_of(canvas), -300, -200)
    assert visitor.text("stepTitle") == title
    assert canvas.property("centerY") != before
    assert_within_bounds(canvas)


def test_wheel_zooms_within_bounds_and_reset_restores_the_whole_map(open_exhibit):
    visitor = open_exhibit(language="en", open_spec="offensive/1")
    canvas = rest(visitor)
    visitor.tap("mapReset")
    rest(visitor)
    assert canvas.property("zoom") == pytest.approx(1.0)
    whole = canvas.property("visibleRect")

    near_hanoi = marker(visitor, "ha-noi")
    point = visitor.center_of(near_hanoi)
    wheel(visitor, point, 3)
    assert canvas.property("zoom") > 1.5
    assert_within_bounds(canvas)
    # Once the map is wider than the stage, the place under the pointer stays under it.
    point = visitor.center_of(marker(visitor, "ha-noi"))
    wheel(visitor, point, 1)
    assert visitor.center_of(marker(visitor, "ha-noi")).x() == pytest.approx(point.x(), abs=2)
    assert_within_bounds(canvas)

    wheel(visitor, point, 40)
    assert canvas.property("zoom") == pytest.approx(MAX_ZOOM)
    assert_within_bounds(canvas)

    for dx, dy in ((2000, 0), (0, 2000), (-4000, -4000)):
        drag(visitor, visitor.center_of(canvas), dx // 4, dy // 4)
        drag(visitor, visitor.center_of(canvas), dx // 4, dy // 4)
        assert_within_bounds(canvas)

    wheel(visitor, point, -60)
    assert canvas.property("zoom") == pytest.approx(1.0)
    assert_within_bounds(canvas)

    wheel(visitor, point, 5)
    visitor.tap("mapReset")
    rest(visitor)
    assert canvas.property("zoom") == pytest.approx(1.0)
    assert canvas.property("visibleRect") == whole


def test_double_tap_resets_the_view(open_exhibit):
    visitor = open_exhibit(language="vi", open_spec="fortress/3")
    canvas = rest(visitor)
    assert canvas.property("zoom") > 1.2  # the step's focus
    empty = visitor.center_of(canvas) + QPoint(0, canvas.height() // 3)
    visitor.qtbot.mouseDClick(visitor.window, Qt.MouseButton.LeftButton, pos=empty)
    rest(visitor)
    assert canvas.property("zoom") == pytest.approx(1.0)
    assert_within_bounds(canvas)


def test_a_pinch_zooms_about_the_fingers_within_bounds(open_exhibit):
    visitor = open_exhibit(language="en", open_spec="offensive/1", size=(1080, 1920))
    canvas = rest(visitor)
    visitor.tap("mapReset")
    rest(visitor)
    center = visitor.center_of(canvas)

    middle = (canvas.property("centerX"), canvas.property("centerY"))
    pinch(visitor, center, 100, 300)
    # Zoomed in (by less than 3x: the pinch starts once the fingers have moved a little),
    # about the point between the fingers.
    assert 1.8 < canvas.property("zoom") < 3.0
    assert canvas.property("centerX") == pytest.approx(middle[0], abs=1)
    assert canvas.property("centerY") == pytest.approx(middle[1], abs=1)
    assert_within_bounds(canvas)

    pinch(visitor, center, 60, 900)
    assert canvas.property("zoom") == pytest.approx(MAX_ZOOM)
    assert_within_bounds(canvas)

    pinch(visitor, center, 900, 40)
    assert canvas.property("zoom") == pytest.approx(1.0, abs=0.05)
    assert_within_bounds(canvas)


def test_the_final_day_plan_is_the_same_valley(open_exhibit):
    visitor = open_exhibit(language="en", open_spec="final-day")
    maps = visitor.backends.maps
    ids = {p["id"] for p in maps.property("planPlaces")}
    assert {"a1", "c2", "base-506", "command-post", "hong-cum-escape"} <= ids
    assert maps.property("planShapes")["riverId"] == "nam-rom"
    assert maps.property("planShapes")["viewBox"] == maps.property("planViewBox")
    assert maps.property("mapId") == "valley"


def test_a_marker_opens_its_card_from_the_keyboard(open_exhibit, exhibit_content):
    visitor = open_exhibit(language="vi", open_spec="fortress/4")
    rest(visitor)
    item = marker(visitor, "command-post")
    item.forceActiveFocus()
    visitor.key(Qt.Key.Key_Return)
    assert visitor.text("placeCardName") == exhibit_content.places["command-post"].name.get("vi")


# -- legend, scale, north, locator ---------------------------------------------------

# The legend entry that explains each kind of place's symbol, each stronghold's look
# and each mark a step draws is the core's table (ENTRY_OF_KIND, LOOK_ENTRY,
# MARK_ENTRY): what is checked here is that the legend on screen lists what the
# symbols on screen call for.
#: Entries for the ground itself (countries, islands, hills), not for a place's symbol.
GROUND_ENTRIES = {"vietnam", "neighbour", "archipelago", "hill", "mountains"}
#: Things drawn as lines or shapes across the view: in the legend when they cross
#: it, even with their place's symbol off screen.
DRAWN_ACROSS = {"river", "road", "railway", "escape", "airfield", "sector"}


def _clip_of(item: QQuickItem) -> QRectF | None:
    node = item.parentItem()
    while node is not None:
        if node.clip():
            return scene_rect(node)
        node = node.parentItem()
    return None


def symbols_in_view(visitor: Visitor) -> set[str]:
    """The legend entries the symbols a visitor sees on the map call for."""
    wanted = set()
    for item in visitor.items():
        name = item.objectName()
        if not name.startswith("place-") or not visitor.is_shown(item):
            continue
        clip = _clip_of(item)
        if clip is not None and not clip.contains(scene_rect(item).center()):
            continue
        place = item.property("place")
        if item.property("highlighted"):
            wanted.add("highlight")
        if place["kind"] in ("stronghold", "command-post"):
            wanted.add(LOOK_ENTRY[item.property("placeState")])
        if place["kind"] in ENTRY_OF_KIND:
            wanted.add(ENTRY_OF_KIND[place["kind"]])
    # What the step draws over the map: the arrows converging on the decisive
    # battle, and the day's arrows and flags on its plan.
    for item in visitor.items():
        name = item.objectName()
        if not visitor.is_shown(item):
            continue
        if name == "convergingArrows":
            wanted.add("converge")
        elif name == "planArrow":
            wanted.add(MARK_ENTRY[str(item.property("kind"))])
        elif name.startswith("planFlag-"):
            wanted.add(MARK_ENTRY[str(item.property("modelData")["kind"])])
    return wanted


def legend_shown(visitor: Visitor) -> dict[str, str]:
    """The legend's entries a visitor sees: id -> its words."""
    found = {}
    for item in visitor.items():
        name = item.objectName()
        if name.startswith("legendText-") and visitor.is_shown(item):
            found[name.removeprefix("legendText-")] = str(item.property("text"))
    return found


def unfold_legend(visitor: Visitor) -> None:
    if not legend_shown(visitor):
        visitor.tap("legendToggle")
        visitor.settle(100)


@pytest.mark.parametrize("chapter_id", ["offensive", "fortress", "final-day"])
def test_the_legend_explains_every_symbol_on_each_step(open_exhibit, exhibit_content, chapter_id):
    visitor = open_exhibit(
        language="en", open_spec=chapter_id, settings=Settings(reduced_motion=True)
    )
    chapter = exhibit_content.chapter(chapter_id)
    for index, step in enumerate(chapter.steps):
        visitor.settle(150 if chapter.told_on_clock else 60)
        if not chapter.told_on_clock:
            rest(visitor)
        unfold_legend(visitor)
        legend = legend_shown(visitor)
        wanted = symbols_in_view(visitor)
        # Every symbol on screen is explained, and nothing else but what is drawn across.
        assert wanted <= set(legend), (step.id, wanted - set(legend))
        assert set(legend) - wanted <= GROUND_ENTRIES | DRAWN_ACROSS, (step.id, set(legend))
        if chapter.map == "indochina":
            assert "vietnam" in legend, step.id
        else:
            assert "mountains" in legend or "hill" in legend, step.id
        for entry, words in legend.items():
            key = "legend_" + entry.replace("-", "_")
            assert words == keep_words_whole(exhibit_content.string(key, "en")), entry
        if index + 1 < len(chapter.steps):
            visitor.tap("nextButton")


def test_the_legend_folds_away_and_comes_back_in_the_language(open_exhibit, exhibit_content):
    visitor = open_exhibit(language="vi", open_spec="fortress/2")
    rest(visitor)
    legend = legend_shown(visitor)
    assert legend["stronghold"] == keep_words_whole(
        exhibit_content.string("legend_stronghold", "vi")
    )
    visitor.tap("legendToggle")
    assert not legend_shown(visitor)
    assert visitor.is_shown(visitor.find("mapSchematic"))  # the plan still says so
    visitor.tap("legendToggle")
    visitor.tap("languageToggle")
    visitor.settle(100)
    assert legend_shown(visitor)["stronghold"] == keep_words_whole(
        exhibit_content.string("legend_stronghold", "en")
    )
    assert visitor.text("mapSchematic") == exhibit_content.string("map_schematic", "en")


def _great_circle_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_the_scale_bar_measures_what_a_visitor_sees(open_exhibit, exhibit_content, size):
    visitor = open_exhibit(language="vi", open_spec="offensive/8", size=size)
    rest(visitor)
    bar = visitor.find("scaleBar")
    assert visitor.is_shown(bar)
    result = bar.property("result")
    km, pixels = result["km"], bar.property("length")
    assert km in (1, 2, 5, 10, 20, 50, 100, 200, 500)
    assert visitor.text("scaleBarText") == f"{km:g} km"
    # Hà Nội to Hải Phòng on screen, measured with the bar, against the globe.
    places = exhibit_content.places
    a, b = places["ha-noi"].point, places["hai-phong"].point
    on_screen = math.dist(
        scene_rect(visitor.find("symbol-ha-noi")).center().toTuple(),
        scene_rect(visitor.find("symbol-hai-phong")).center().toTuple(),
    )
    assert on_screen / pixels * km == pytest.approx(_great_circle_km(a, b), rel=0.03)
    # Zooming in shortens the round length the bar shows, and it stays true.
    wheel(visitor, visitor.center_of(canvas_of(visitor)), 4)
    visitor.settle(300)
    zoomed = bar.property("result")["km"]
    assert zoomed < km
    assert visitor.find("northArrow").property("angle") == pytest.approx(0, abs=1.0)


def test_the_locator_shows_where_a_zoomed_step_is(open_exhibit):
    visitor = open_exhibit(language="en", open_spec="offensive/8")
    canvas = rest(visitor)
    inset = visitor.find("locatorInset")
    assert visitor.is_shown(inset)
    frame = visitor.find("locatorFrame")
    shown: QRectF = canvas.property("visibleRect")
    scale = inset.property("s")
    assert frame.property("x") == pytest.approx(max(0, shown.x()), abs=1)
    assert frame.property("width") * scale < inset.width() * 0.9  # a part of the whole
    visitor.tap("mapReset")
    rest(visitor)
    assert not visitor.is_shown(inset)


@pytest.mark.parametrize("language", LANGUAGES)
def test_both_archipelagos_are_drawn_and_named_on_the_overview(
    open_exhibit, exhibit_content, language
):
    visitor = open_exhibit(language=language, open_spec="offensive/1")
    canvas = rest(visitor)
    labels = {a.id: a for a in exhibit_content.maps["indochina"].labels}
    clip = scene_rect(canvas)
    for area_id in ("hoang-sa", "truong-sa"):
        label = visitor.find(f"area-{area_id}")
        assert visitor.is_shown(label), area_id
        text = next(
            c for c in label.childItems() if c.metaObject().className().startswith("QQuickText")
        )
        assert text.property("text") == labels[area_id].name.get(language)
        assert clip.contains(scene_rect(label))
        islands = visitor.find(f"islands-{area_id}")
        assert islands.childItems(), area_id
    for sea in ("bien-dong", "vinh-bac-bo"):
        assert visitor.is_shown(visitor.find(f"area-{sea}")), sea


def test_strongholds_are_held_as_built_and_never_held_at_the_end_of_the_day(
    open_exhibit, exhibit_content
):
    strongholds = [
        p.id for p in exhibit_content.places.values() if p.kind in ("stronghold", "command-post")
    ]
    visitor = open_exhibit(language="en", open_spec="fortress/3")
    rest(visitor)
    assert {marker(visitor, s).property("placeState") for s in strongholds} == {"holding"}
    steps = len(exhibit_content.chapter("final-day").steps)
    visitor = open_exhibit(
        language="en", open_spec="final-day/1", settings=Settings(reduced_motion=True)
    )
    for index in range(steps - 1):
        visitor.settle(150)
        states = {s: marker(visitor, s).property("placeState") for s in strongholds}
        assert states["doc-lap"] == "untold" and states["ban-keo"] == "untold", index
        visitor.tap("nextButton")
    visitor.settle(1500)  # past the last fade
    # The whole camp wiped out: every stronghold taken, those the day did not tell too.
    states = {s: marker(visitor, s).property("placeState") for s in strongholds}
    assert set(states.values()) == {"taken"}, states


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_the_title_picture_holds_and_names_both_archipelagos_and_the_sea(
    open_exhibit, exhibit_content, language, size
):
    visitor = open_exhibit(language=language, size=size, settings=Settings(reduced_motion=True))
    visitor.qtbot.waitUntil(
        lambda: visitor.maybe_find("heroArea-truong-sa") is not None, timeout=3000
    )
    visitor.settle(100)
    hero = visitor.find("heroMap")
    # Every island of both archipelagos lies in the part of the map the picture shows.
    frame: QRectF = hero.property("frame")
    data = build_exhibit_map(exhibit_content, "indochina")
    islands = [point for area in data.areas for point in area.islands]
    assert len(islands) > 10
    assert all(frame.contains(QPointF(x, y)) for x, y in islands)
    # Named in the language, inside the picture, clear of each other.
    names = {a.id: a.name.get(language) for a in exhibit_content.maps["indochina"].labels}
    picture = scene_rect(hero)
    boxes = {}
    for area_id in ("hoang-sa", "truong-sa", "bien-dong"):
        label = visitor.find(f"heroArea-{area_id}")
        assert visitor.is_shown(label), area_id
        text = next(
            c for c in label.childItems() if c.metaObject().className().startswith("QQuickText")
        )
        assert text.property("text") == names[area_id]
        boxes[area_id] = scene_rect(label)
        assert picture.contains(boxes[area_id]), area_id
    assert not boxes["hoang-sa"].intersects(boxes["truong-sa"])
