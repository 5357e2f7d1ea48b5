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
    // Behind a picture shown full screen, and under a badge set on a picture.
    readonly property color scrim: "#eb0b0907"
    // The fill of the fortress's sub-sectors when the whole fortress is lit.
    readonly property color fortressGlow: "#24e9b949"
    readonly property color highlightHalo: "#2ee8ba4a"
    readonly property color plate: "#d914120d"

    // The map of Indochina.
    readonly property color sea: "#16222b"
    readonly property color country: "#2d2922"
    readonly property color countryEdge: "#48413a"
    readonly property color countryFocus: "#5a4f3e"
    readonly property color countryFocusEdge: "#8d7d62"

    // The plan of the valley.
    readonly property color planBackdrop: "#1f1c16"
    readonly property color valleyFloor: "#3b3a2b"
    readonly property color valleyFloorEdge: "#57553f"
    readonly property color mountain: "#2c2820"
    readonly property color mountainEdge: "#4a4333"
    readonly property color hill: "#564c38"
    readonly property color hillEdge: "#756849"
    readonly property color river: "#4f8fbf"

    // The final day. Movements on the plan: an advance (4:1 on the plan's
    // floor, 3:1 on its hills) and a retreat, each on a dark casing; a
    // window of time on the dial: a soft shade, edged in a colour 4.8:1
    // against the face; the flags.
    readonly property color advance: "#ff6b5b"
    readonly property color retreat: "#a9d2f5"
    readonly property color casing: "#15120e"
    readonly property color dialFace: "#f7f1e5"
    readonly property color dialInk: "#231d16"
    readonly property color windowShade: "#f0d48a"
    readonly property color windowEdge: "#b5462f"
    readonly property color flagRed: "#da251d"
    readonly property color flagStar: "#ffde00"
    readonly property color flagWhite: "#f7f5ef"
    readonly property color flagPole: "#d8cfbf"
    readonly property color bunker: "#6b604c"

    // Targets scale with the window but never below what a fingertip can hit
    // (about 7 mm), so a 720p kiosk screen keeps usable buttons.
    readonly property real touchTarget: Math.round(Math.max(48, 64 * scale))
    readonly property real minimumTarget: Math.round(Math.max(44, 48 * scale))
    readonly property real margin: Math.round(40 * scale)
    readonly property real spacing: Math.round(20 * scale)
    readonly property real radius: Math.round(14 * scale)

    // Key figures ("16,200") and a quotation set large.
    readonly property real numeralSize: Math.round(84 * scale)
    readonly property real quoteSize: Math.round(70 * scale)
    readonly property real displaySize: Math.round(76 * scale)
    readonly property real headingSize: Math.round(46 * scale)
    readonly property real titleSize: Math.round(34 * scale)
    readonly property real bodySize: Math.round(28 * scale)
    readonly property real labelSize: Math.round(24 * scale)
    readonly property real smallSize: Math.round(20 * scale)

    readonly property int quick: reducedMotion ? 0 : 180
    readonly property int gentle: reducedMotion ? 0 : 320
}
