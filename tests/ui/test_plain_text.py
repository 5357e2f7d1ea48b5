"""Content is shown as typed: markup a curator pastes in is text, never rich text.

A Text in Qt Quick guesses the format by default (``AutoText``): "<b>" would
turn bold, ``<a href>`` into a link and ``<img src="http://...">`` into a
network request for an image. Every Text in the exhibit sets
``textFormat: Text.PlainText`` (tests/ui/test_layout.py checks that on every
screen); here content full of markup is opened and every label showing it is
checked to render the angle brackets themselves: its painted width is that of
the whole string, tags included.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from PySide6.QtGui import QFontMetricsF

from exhibit.core.content import load_content
from exhibit.core.model import Exhibit
from exhibit.paths import ASSETS_DIR, CONTENT_DIR
from tests.ui.conftest import OpenExhibit
from tests.ui.harness import is_text
from tests.ui.test_layout import enums

PLAIN_TEXT = 0
MARKUP = {
    "vi": '<b>Đậm</b> <a href="http://x">x</a> <img src="http://x/y.png">',
    "en": '<b>Bold</b> <a href="http://x">x</a> <img src="http://x/y.png">',
}


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def marked_up(tmp_path_factory: pytest.TempPathFactory) -> Exhibit:
    root = tmp_path_factory.mktemp("markup") / "content"
    shutil.copytree(CONTENT_DIR, root)

    def chapter(data: dict) -> None:
        data["title"] = dict(MARKUP)
        step = data["steps"][0]
        step["title"] = dict(MARKUP)
        step["body"] = {code: f"{text} – {text}" for code, text in MARKUP.items()}

    def strings(data: dict) -> None:
        data["strings"]["next"] = {"vi": "Tiếp <i>»</i>", "en": "Next <i>»</i>"}
        data["strings"]["choose_chapter"] = dict(MARKUP)

    def places(data: dict) -> None:
        first_step_places = yaml.safe_load(
            (root / "chapters" / "offensive.yaml").read_text(encoding="utf-8")
        )["steps"][0]["places"]
        for place in data["places"]:
            if place["id"] == first_step_places[0]:
                place["name"] = {code: f"{text[:14]} <u>u</u>" for code, text in MARKUP.items()}

    _edit(root / "places.yaml", places)
    _edit(root / "chapters" / "offensive.yaml", chapter)
    _edit(root / "ui.yaml", strings)
    return load_content(root, ASSETS_DIR)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("spec", [None, "offensive/1"], ids=["title", "offensive-1"])
def test_markup_in_content_is_shown_as_typed(
    open_exhibit: OpenExhibit, marked_up: Exhibit, language: str, spec: str | None
) -> None:
    visitor = open_exhibit(exhibit=marked_up, language=language, open_spec=spec)
    visitor.settle(400)
    labels = [
        item
        for item in visitor.items()
        if is_text(item) and visitor.is_shown(item) and "<" in str(item.property("text") or "")
    ]
    expected = 2 if spec is None else 5  # a card and the heading; top bar, step, map, button
    assert len(labels) >= expected, [item.property("text") for item in labels]
    for item in labels:
        text = str(item.property("text"))
        assert enums(item)[2] == PLAIN_TEXT, text
        if int(item.property("lineCount")) == 1:
            plain = QFontMetricsF(item.property("font")).horizontalAdvance(text)
            painted = float(item.property("contentWidth"))
            assert painted == pytest.approx(plain, rel=0.05), (text, painted, plain)


def test_the_loader_keeps_markup_as_typed(marked_up: Exhibit) -> None:
    chapter = marked_up.chapter("offensive")
    assert chapter is not None
    assert chapter.steps[0].title.get("en") == MARKUP["en"]
