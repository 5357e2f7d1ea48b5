"""The maps' colours, read from the live theme: every map colour is a named
token, and what a visitor must tell apart has enough contrast (WCAG 2.2).

1.4.11 (non-text contrast) asks 3:1 between the parts of a graphic a visitor
needs to tell apart: land and sea, Việt Nam and its neighbours, the hills and
the valley floor, each stronghold's state and the ground under it. A symbol
or line is drawn with a dark outline (``mapHalo``): it stands out from a
ground if its own colour does, or if its outline does and it stands out from
its outline. 1.4.3 asks 4.5:1 for the names written on the map.
"""

from __future__ import annotations

import re
from itertools import combinations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtQml import QQmlEngine, QQmlExpression

from exhibit.core.contrast import NON_TEXT, TEXT, contrast
from exhibit.paths import PACKAGE_DIR
from tests.ui.harness import Visitor

QML_DIR = PACKAGE_DIR / "qml" / "Exhibit"
MAPS_DIR = QML_DIR / "maps"

#: The ground a symbol or a line may lie on, on each map.
GEO_GROUNDS = ("mapHome", "mapNeighbour", "mapSea")
PLAN_GROUNDS = ("mapFloor", "mapHill", "mapMountain")
#: Each symbol colour: a place's, a highlighted place's, and each stronghold state's.
INKS = ("mapInk", "mapHighlight", "mapHeld", "mapAttacked", "mapTaken", "mapUntold")
#: The lines drawn over the ground: roads and the railway, lit ones, the river, the retreat,
#: the day's attacks.
GEO_LINES = ("mapLine", "mapHighlight")
PLAN_LINES = ("mapRiver", "mapEscape", "mapSector", "mapHighlight", "advance")


@pytest.fixture
def theme(open_exhibit) -> dict[str, str]:
    """Every colour token of Theme.qml, as the running exhibit sees it: name -> #aarrggbb."""
    names = re.findall(r"readonly property color (\w+):", (QML_DIR / "Theme.qml").read_text())
    visitor: Visitor = open_exhibit(language="en")
    root = visitor.window.contentItem().childItems()[0]
    context = QQmlEngine.contextForObject(root)
    colours = {}
    for name in names:
        expression = QQmlExpression(context, root, f"Theme.{name}")
        value, undefined = expression.evaluate()
        assert not undefined and not expression.hasError(), (name, expression.error().toString())
        colours[name] = QColor(value).name(QColor.NameFormat.HexArgb)
    assert {"mapSea", "mapHome", "mapNeighbour", "mapFloor", "mapHill"} <= set(colours)
    return colours


def _rgb(theme: dict[str, str], name: str) -> str:
    value = theme[name]
    assert value[1:3] == "ff", f"{name} must be opaque to be measured, is {value}"
    return "#" + value[3:]


def _stands_out(theme: dict[str, str], ink: str, ground: str) -> float:
    """How well a symbol of colour ``ink``, outlined in mapHalo, stands out from ``ground``."""
    own = contrast(_rgb(theme, ink), _rgb(theme, ground))
    halo = _rgb(theme, "mapHalo")
    outlined = min(contrast(halo, _rgb(theme, ground)), contrast(_rgb(theme, ink), halo))
    return max(own, outlined)


def test_land_sea_and_vietnam_stand_apart(theme):
    for a, b in combinations(GEO_GROUNDS, 2):
        assert contrast(_rgb(theme, a), _rgb(theme, b)) >= NON_TEXT, (a, b)


def test_hills_and_mountains_stand_out_from_the_valley_floor(theme):
    for high in ("mapHill", "mapMountain"):
        assert contrast(_rgb(theme, high), _rgb(theme, "mapFloor")) >= NON_TEXT, high
    # A hill's contours can be seen on it.
    assert contrast(_rgb(theme, "mapHillContour"), _rgb(theme, "mapHill")) >= NON_TEXT


@pytest.mark.parametrize("ink", INKS)
def test_every_symbol_stands_out_from_every_ground(theme, ink):
    for ground in GEO_GROUNDS + PLAN_GROUNDS:
        ratio = _stands_out(theme, ink, ground)
        assert ratio >= NON_TEXT, f"{ink} on {ground}: {ratio:.2f}"


def test_every_line_stands_out_from_the_ground_it_crosses(theme):
    for line in GEO_LINES:
        for ground in GEO_GROUNDS:
            assert _stands_out(theme, line, ground) >= NON_TEXT, (line, ground)
    for line in PLAN_LINES:
        for ground in PLAN_GROUNDS:
            assert _stands_out(theme, line, ground) >= NON_TEXT, (line, ground)
    # The river has no outline: it stands out from the floor it runs through by itself.
    assert contrast(_rgb(theme, "mapRiver"), _rgb(theme, "mapFloor")) >= NON_TEXT
    assert contrast(_rgb(theme, "mapRunway"), _rgb(theme, "mapFloor")) >= NON_TEXT


def test_the_names_on_the_maps_can_be_read(theme):
    assert contrast(_rgb(theme, "mapSeaText"), _rgb(theme, "mapSea")) >= TEXT
    assert contrast(_rgb(theme, "mapCountryText"), _rgb(theme, "mapNeighbour")) >= TEXT
    # A place's name is on a nearly opaque pill: measured over the lightest ground.
    fill = QColor(theme["mapLabelFill"])
    assert fill.alphaF() >= 0.85
    for ground in GEO_GROUNDS + PLAN_GROUNDS:
        under = QColor(_rgb(theme, ground))
        a = fill.alphaF()
        pill = QColor.fromRgbF(
            fill.redF() * a + under.redF() * (1 - a),
            fill.greenF() * a + under.greenF() * (1 - a),
            fill.blueF() * a + under.blueF() * (1 - a),
        ).name()
        for text in ("mapLabelText", "mapHighlight"):
            assert contrast(_rgb(theme, text), pill) >= TEXT, (text, ground)


def test_every_map_colour_is_a_theme_token():
    literal = re.compile(r'"#[0-9a-fA-F]{6,8}"|Qt\.rgba\(|Qt\.hsla\(|Qt\.lighter\(|Qt\.darker\(')
    for path in [*sorted(MAPS_DIR.glob("*.qml")), QML_DIR / "finalday" / "FinalDay.qml"]:
        text = path.read_text(encoding="utf-8")
        assert not literal.findall(text), f"{path.name} has a colour literal"


def test_the_live_map_uses_the_theme(open_exhibit, theme):
    visitor: Visitor = open_exhibit(language="en", open_spec="offensive/1")
    visitor.settle(100)
    country = visitor.find("country-704")  # Việt Nam
    assert QColor(country.property("fillColor")).name() == _rgb(theme, "mapHome")
    assert QColor(visitor.find("country-418").property("fillColor")).name() == _rgb(
        theme, "mapNeighbour"
    )
