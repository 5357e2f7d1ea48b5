pragma Singleton
import QtQuick

// Colours, type sizes and spacing shared by every screen. Sizes are given for
// a 1080-pixel short side and multiplied by `scale`, which Main sets from the
// window, so the layout keeps its proportions from 720p to 4K and in portrait.
QtObject {
    property real scale: 1.0
    property string fontFamily: "sans-serif"
    property bool reducedMotion: false

    readonly property color background: "#15120e"
    readonly property color surface: "#221d17"
    readonly property color surfaceRaised: "#2e271f"
    readonly property color line: "#4a4034"
    readonly property color text: "#f3ecdf"
    readonly property color textMuted: "#c4b8a4"
    readonly property color accent: "#d9423a"
    readonly property color accentText: "#ffffff"
    readonly property color gold: "#e9b949"
    readonly property color focus: "#7fc4ff"

    // The maps. Every colour a map draws is one of these; the pairs a visitor
    // must tell apart have at least 3:1 contrast (WCAG 2.2, 1.4.11), text
    // 4.5:1, which tests/ui/test_map_theme.py computes from these values.
    // The Indochina map: the sea, Việt Nam (and its islands), its neighbours.
    readonly property color mapSea: "#b4d4ea"
    readonly property color mapHome: "#826c45"
    readonly property color mapHomeEdge: "#3a2d18"
    readonly property color mapNeighbour: "#1d1b18"
    readonly property color mapNeighbourEdge: "#5b554b"
    readonly property color mapSeaText: "#173a57"
    readonly property color mapCountryText: "#e8dcc6"
    // Every place's symbol and line is outlined in mapHalo, so it stands out
    // from light and dark ground alike.
    readonly property color mapHalo: "#15120e"
    readonly property color mapInk: "#f3ecdf"
    readonly property color mapHighlight: "#e9b949"
    readonly property color mapRegionFill: "#40e9b949"
    readonly property color mapLine: "#e3d6bd"
    readonly property color mapLabelFill: "#e6141210"
    readonly property color mapLabelText: "#f3ecdf"
    // The valley plan: dark valley floor, light high ground, the river, the camp.
    readonly property color mapPlanBackdrop: "#1b1914"
    readonly property color mapFloor: "#2b2a1f"
    readonly property color mapFloorEdge: "#4a4836"
    readonly property color mapMountain: "#8a7c5c"
    readonly property color mapMountainEdge: "#a59674"
    readonly property color mapHill: "#b3a27a"
    readonly property color mapHillContour: "#5e4f33"
    readonly property color mapSector: "#9fb0bf"
    readonly property color mapSectorFill: "#109fb0bf"
    readonly property color mapRunway: "#878172"
    readonly property color mapRiver: "#5aa0d6"
    readonly property color mapRiverLit: "#9ed2f5"
    readonly property color mapEscape: "#ff6b5e"
    // A stronghold's state, the same on every map and in the legend.
    readonly property color mapHeld: "#9fc0dd"
    readonly property color mapAttacked: "#ff9a3c"
    readonly property color mapTaken: "#ff5c4d"
    readonly property color mapUntold: "#7c766f"

    // Targets scale with the window but never below what a fingertip can hit
    // (about 7 mm), so a 720p kiosk screen keeps usable buttons.
    readonly property real touchTarget: Math.round(Math.max(48, 64 * scale))
    readonly property real minimumTarget: Math.round(Math.max(44, 48 * scale))
    readonly property real margin: Math.round(40 * scale)
    readonly property real spacing: Math.round(20 * scale)
    readonly property real radius: Math.round(14 * scale)

    readonly property real displaySize: Math.round(76 * scale)
    readonly property real headingSize: Math.round(46 * scale)
    readonly property real titleSize: Math.round(34 * scale)
    readonly property real bodySize: Math.round(28 * scale)
    readonly property real labelSize: Math.round(24 * scale)
    readonly property real smallSize: Math.round(20 * scale)

    readonly property int quick: reducedMotion ? 0 : 180
    readonly property int gentle: reducedMotion ? 0 : 320
}
