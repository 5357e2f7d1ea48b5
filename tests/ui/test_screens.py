"""The screens that draw visitors in, as a visitor meets them.

The title screen's picture and chapter previews, the text column (key
figures, a pull-quote, images, a tapped place told beside the map), the
endings of chapters 1 and 2, and the image viewer. Each test opens the real
window, acts as a visitor does and reads what they would see.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QWheelEvent
from PySide6.QtQuick import QQuickItem

from exhibit.core.kicker import named_in
from exhibit.core.model import Exhibit
from exhibit.core.settings import Settings
from tests.ui import screens
from tests.ui.harness import Visitor, seen
from tests.ui.test_maps import marker, rest, tap_place

LANGUAGES = ["vi", "en"]


def rect(visitor: Visitor, name: str) -> QRectF:
    item = visitor.find(name)
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def shown(visitor: Visitor, name: str) -> bool:
    item = visitor.maybe_find(name)
    return item is not None and visitor.is_shown(item)


def shown_named(visitor: Visitor, prefix: str) -> list[QQuickItem]:
    """The shown items whose name starts with ``prefix``, in reading order."""
    found = [
        item
        for item in visitor.items()
        if item.objectName().startswith(prefix) and visitor.is_shown(item)
    ]
    return sorted(
        found,
        key=lambda item: (item.mapToScene(QPointF(0, 0)).y(), item.mapToScene(QPointF(0, 0)).x()),
    )


def texts_in(item: QQuickItem) -> list[str]:
    return [seen(child.property("text")) for child in item.findChildren(QQuickItem)]


def step_of(exhibit: Exhibit, chapter_id: str, number: int):
    chapter = exhibit.chapter(chapter_id)
    assert chapter is not None
    return chapter.steps[number - 1]


# -- the title screen -------------------------------------------------------------


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1080, 1920)])
def test_the_title_shows_a_picture_and_a_live_preview_on_every_card(open_exhibit, size) -> None:
    visitor = open_exhibit(language="vi", size=size, settings=Settings(reduced_motion=True))
    visitor.qtbot.waitUntil(lambda: shown(visitor, "heroMap"), timeout=3000)
    hero = rect(visitor, "heroMap")
    assert hero.width() * hero.height() > 0.2 * size[0] * size[1], "the picture is large"
    # The picture lights the valley and draws an arrow from every front.
    offensive = visitor.backends.session.exhibit.chapter("offensive")
    ending = offensive.steps[-1].converge
    assert len(shown_named(visitor, "convergingArrow-")) == len(ending.origins)
    label = visitor.find("heroTargetLabel")
    place = visitor.backends.session.exhibit.places[ending.target]
    assert visitor.is_shown(label)
    assert place.name.get("vi") in texts_in(label)
    # Each card: its emblem, and its stage in small (a map, the plan, the clock).
    for chapter_id, preview in (
        ("offensive", "mapPreview-geo"),
        ("fortress", "mapPreview-plan"),
        ("final-day", "clockPreview"),
    ):
        card = rect(visitor, f"chapterCard-{chapter_id}")
        area = rect(visitor, f"chapterPreview-{chapter_id}")
        assert card.contains(area) and area.width() > 0.2 * card.width()
        inside = [
            item
            for item in shown_named(visitor, preview)
            if area.contains(item.mapRectToScene(QRectF(0, 0, item.width(), item.height())))
        ]
        assert inside, f"no {preview} on the {chapter_id} card"
        emblems = [
            item
            for item in shown_named(visitor, "chapterEmblem")
            if card.contains(item.mapToScene(QPointF(item.width() / 2, item.height() / 2)))
        ]
        assert emblems and emblems[0].property("progress") == 1, "the emblem is drawn"


def test_a_new_language_renames_the_title_picture_without_drawing_it_again(open_exhibit) -> None:
    """The arrows and the lit places stay as drawn when only their names change."""
    visitor = open_exhibit(language="vi")
    visitor.qtbot.waitUntil(lambda: shown(visitor, "heroMap"), timeout=3000)
    target = visitor.find("convergingTarget")
    preview = visitor.find("mapPreview-geo")
    lit = len(preview.property("lit").toVariant())
    assert lit > 1

    def at_rest() -> bool:
        return target.property("opacity") == 1 and preview.property("litCount") == lit

    visitor.qtbot.waitUntil(at_rest, timeout=8000)

    def drawn() -> list[QQuickItem]:
        items, stack = [], [preview]
        while stack:  # the preview's dots, all the way down its items
            children = [c for c in stack.pop().childItems() if isinstance(c, QQuickItem)]
            items += children
            stack += children
        return items + shown_named(visitor, "convergingArrow-")

    for item in drawn():
        item.setProperty("drawnBefore", True)  # an item made again will not have it
    visitor.tap("languageToggle")
    visitor.settle(100)
    place = visitor.backends.session.exhibit.places["dien-bien-phu"]
    assert place.name.get("en") in texts_in(visitor.find("heroTargetLabel")), "renamed"
    assert at_rest(), "the arrows did not grow again, nor the places light up again"
    assert all(item.property("drawnBefore") for item in drawn()), "no dot or arrow made again"


# -- the text column -----------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("spec", "count"),
    [
        ("offensive/2", 2),
        ("offensive/6", 1),
        ("fortress/2", 1),
        ("fortress/4", 1),
        ("fortress/6", 2),
    ],
)
def test_key_figures_are_set_large_beside_the_text(
    open_exhibit, exhibit_content, language, spec, count
) -> None:
    visitor = open_exhibit(language=language, open_spec=spec, size=(1920, 1080))
    chapter_id, number = spec.split("/")
    figures = step_of(exhibit_content, chapter_id, int(number)).figures
    assert len(figures) == count
    shown_values = [seen(item.property("text")) for item in shown_named(visitor, "keyFigureValue")]
    assert shown_values == [f.value.get(language) for f in figures]
    body = visitor.find("stepBody")
    for item in shown_named(visitor, "keyFigureValue"):
        assert item.property("font").pixelSize() >= 2 * body.property("font").pixelSize()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_line_over_a_title_names_at_most_two_places_never_the_body(
    open_exhibit, exhibit_content, language
) -> None:
    visitor = open_exhibit(language=language, settings=Settings(reduced_motion=True))
    story = visitor.backends.session.story
    # (The final day's own panel names who and where each event happened.)
    for chapter in (c for c in exhibit_content.chapters if not c.told_on_clock):
        story.open_chapter(chapter.id)
        for index, step in enumerate(chapter.steps):
            story.go_to_step(index)
            visitor.settle(20)
            meta = visitor.find("stepMeta")
            names = [n for n in str(meta.property("text")).split(" · ") if n]
            assert len(names) <= 2, (chapter.id, step.id, names)
            for name in names:
                assert not named_in(name, step.body.get(language)), (step.id, name)
            if not names:
                assert not visitor.is_shown(meta)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_tapped_place_is_told_in_the_text_column_with_a_way_back(
    open_exhibit, exhibit_content, language
) -> None:
    visitor = open_exhibit(language=language, open_spec="offensive/2", size=(1366, 768))
    title = visitor.text("stepTitle")
    tap_place(visitor, "kon-tum")
    assert visitor.text("placeCardName") == exhibit_content.places["kon-tum"].name.get(language)
    card, column, stage = (
        rect(visitor, "placeCard"),
        rect(visitor, "labelArea"),
        rect(visitor, "stage"),
    )
    assert column.contains(card) and not card.intersects(stage), "beside the map, not over it"
    assert not shown(visitor, "stepTitle")
    assert marker(visitor, "kon-tum").property("selected")
    back = visitor.find("placeCardClose")
    assert exhibit_content.string("back_to_step", language) in texts_in(back)
    visitor.tap(back)
    assert not shown(visitor, "placeCard")
    assert visitor.text("stepTitle") == title


# -- the endings of chapters 1 and 2 -------------------------------------------------


def test_chapter_one_ends_with_the_fronts_converging_on_the_valley(open_exhibit, exhibit_content):
    visitor = open_exhibit(
        language="en", open_spec="offensive/9", settings=Settings(reduced_motion=True)
    )
    rest(visitor)
    ending = step_of(exhibit_content, "offensive", 9)
    assert ending.converge is not None
    arrows = shown_named(visitor, "convergingArrow-")
    assert len(arrows) == len(ending.converge.origins) >= 5
    assert visitor.is_shown(visitor.find("convergingTarget"))
    assert visitor.find("convergingTarget").property("opacity") == pytest.approx(1)
    # The sentence that the victories prepared the decisive attack.
    assert visitor.text("stepBody") == ending.body.get("en")
    # One step back, no arrows.
    visitor.tap("previousButton")
    assert not shown_named(visitor, "convergingArrow-")


@pytest.mark.parametrize("language", LANGUAGES)
def test_chapter_two_ends_on_the_claim_as_a_pull_quote_over_the_whole_fortress(
    open_exhibit, exhibit_content, language
):
    visitor = open_exhibit(
        language=language, open_spec="fortress/7", settings=Settings(reduced_motion=True)
    )
    quote = step_of(exhibit_content, "fortress", 7).quote
    assert quote is not None
    assert visitor.text("pullQuoteText") == quote.text.get(language)
    assert (
        visitor.find("pullQuoteText").property("font").pixelSize()
        > visitor.find("stepTitle").property("font").pixelSize()
    )
    assert visitor.is_shown(visitor.find("fortressGlow"))
    visitor.tap("previousButton")
    assert not shown(visitor, "fortressGlow") and not shown(visitor, "pullQuote")


# -- images --------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_image_opens_full_screen_zooms_and_goes_back(open_exhibit, exhibit_content, language):
    visitor = open_exhibit(
        language=language, open_spec="fortress/1", size=(1366, 768),
        settings=Settings(reduced_motion=True),
    )  # fmt: skip
    picture = step_of(exhibit_content, "fortress", 1).images[0]
    card = visitor.find("imageCard")
    assert visitor.is_shown(card) and rect(visitor, "labelArea").contains(
        rect(visitor, "imageCard")
    )
    visitor.qtbot.waitUntil(lambda: visitor.find("imagePicture").property("progress") == 1)
    assert visitor.text("imageCaption") == picture.caption.get(language)
    assert picture.licence in visitor.text("imageCredit")

    visitor.tap(card)
    viewer = visitor.find("imageViewer")
    assert visitor.is_shown(viewer)
    assert (viewer.width(), viewer.height()) == (visitor.window.width(), visitor.window.height())
    visitor.qtbot.waitUntil(lambda: visitor.find("imageViewerPicture").property("progress") == 1)
    assert visitor.text("imageViewerCaption") == picture.caption.get(language)
    # The wheel (like two fingers) zooms in, and a double tap back out.
    centre = QPointF(visitor.center_of(visitor.find("imageViewerStage")))
    wheel = QWheelEvent(
        centre, centre, QPoint(0, 0), QPoint(0, 240),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QGuiApplication.sendEvent(visitor.window, wheel)
    visitor.settle()
    assert viewer.property("zoom") > 1.4
    visitor.qtbot.mouseDClick(visitor.window, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    visitor.settle()
    assert viewer.property("zoom") == pytest.approx(1)
    visitor.tap("imageViewerClose")
    assert not shown(visitor, "imageViewer")
    assert visitor.is_shown(visitor.find("stepTitle"))


def test_escape_or_a_new_step_closes_the_image(open_exhibit):
    visitor = open_exhibit(
        language="en",
        open_spec="fortress/1",
        size=(1280, 720),
        settings=Settings(reduced_motion=True),
    )
    visitor.tap("imageCard")
    assert shown(visitor, "imageViewer")
    visitor.key(Qt.Key.Key_Escape)
    assert not shown(visitor, "imageViewer")
    assert visitor.backends.session.story.position.chapter == "fortress", "Escape only closed it"
    visitor.tap("imageCard")
    visitor.backends.session.story.next()
    visitor.settle()
    assert not shown(visitor, "imageViewer")


# -- the stage over sizes ----------------------------------------------------------------


@pytest.mark.parametrize(
    "size", [(1280, 720), (1366, 768), (1920, 1080), (3840, 2160), (1080, 1920)],
    ids=lambda size: f"{size[0]}x{size[1]}",
)  # fmt: skip
def test_the_stage_takes_the_space_a_visitor_looks_at(open_exhibit, size) -> None:
    visitor = open_exhibit(language="vi", size=size, settings=Settings(reduced_motion=True))
    portrait = size[1] > size[0]
    problems = []
    for screen in screens.every_screen(visitor):
        if screen.startswith("title"):
            continue
        stage, chapter = rect(visitor, "stage"), rect(visitor, "chapterScreen")
        if portrait:
            if stage.height() < 0.5 * chapter.height():
                problems.append(
                    f"{screen}: the stage is {stage.height():.0f} px of {chapter.height():.0f}"
                )
            # Under the stage, the text; under the text, at most a third of the screen empty.
            words_end = max(stage.bottom(), rect(visitor, "stepSource").bottom())
            blank = rect(visitor, "navBar").top() - words_end
            if blank > size[1] / 3:
                problems.append(f"{screen}: {blank:.0f} px left blank")
        elif stage.width() < 0.58 * chapter.width():
            problems.append(
                f"{screen}: the stage is {stage.width():.0f} px of {chapter.width():.0f}"
            )
    assert not problems, "\n".join(problems)
