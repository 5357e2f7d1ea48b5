pragma Singleton
import QtQuick

// Colours, type sizes and spacing shared by every screen. Sizes are given for
// a 1080-pixel short side and multiplied by `scale`, which Main sets from the
// window, so the layout keeps its proportions from 720p to 4K and in portrait.
// Every colour the exhibit draws is a token here, named for what it paints;
// no other QML file writes a colour of its own.
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
    readonly property color textFaint: "#66f3ecdf"

    // Over the exhibit: a blanked projection, the veils behind dialogs.
    readonly property color blank: "#000000"
    readonly property color scrimStrong: "#e0000000"
    readonly property color scrim: "#c8000000"
    readonly property color scrimLight: "#33000000"
    // Behind a picture shown full screen, and under a badge set on a picture.
    readonly property color pictureScrim: "#eb0b0907"
    readonly property color veilClear: "#0015120e"
    readonly property color veil: "#d915120e"
    readonly property color veilStrong: "#f515120e"
    // Dark plates under words on a map (labels, the schematic note, rings).
    readonly property color plate: "#d914120d"

    // The fill of the fortress's sub-sectors when the whole fortress is lit.
    readonly property color fortressGlow: "#24e9b949"

    // The clock of 7 May 1954: its dial; a window of time on the dial, a
    // soft shade edged in a colour 4.8:1 against the face; and its sky, phase
    // by phase (the core says which phase the sky is in at which minute; the
    // sky blends between).
    readonly property color dialFace: "#f7f1e5"
    readonly property color dialInk: "#231d16"
    readonly property color windowShade: "#f0d48a"
    readonly property color windowEdge: "#b5462f"
    readonly property color star: "#fdf6e3"
    readonly property color skyNightTop: "#0b1026"
    readonly property color skyNightBottom: "#1c2541"
    readonly property color skyDawnTop: "#34406b"
    readonly property color skyDawnBottom: "#d9936a"
    readonly property color skyDayTop: "#5f97c9"
    readonly property color skyDayBottom: "#c9dfee"
    readonly property color skyNoonTop: "#5590c6"
    readonly property color skyNoonBottom: "#bcd7ec"
    readonly property color skySunsetTop: "#3a3d68"
    readonly property color skySunsetBottom: "#d47a52"

    // The final day's plan. Movements: an advance (5:1 on the plan's floor;
    // on the light hills its dark casing sets it apart) and a retreat (the
    // maps' line of retreat), each on a dark casing; the flags.
    readonly property color advance: "#ff6b5b"
    readonly property color retreat: mapEscape
    readonly property color casing: "#15120e"
    readonly property color flagRed: "#da251d"
    readonly property color flagStar: "#ffde00"
    readonly property color flagWhite: "#f7f5ef"
    readonly property color flagPole: "#d8cfbf"
    readonly property color bunker: "#6b604c"

    // A curator's live preview: the panel listing the content's problems.
    readonly property color problemPanel: "#221d17"
    readonly property color problemEdge: "#f0a03c"

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
    // The place arrows converge on, lit as they arrive.
    readonly property color mapTargetFill: "#59d9423a"
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
    readonly property color mapEscape: "#a9d2f5"
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
