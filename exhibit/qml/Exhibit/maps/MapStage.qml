import QtQuick
import Exhibit
import Exhibit.Backend

// A chapter's map on the stage: the movable canvas (its drawing goes inside,
// bound to `canvas`), the reset button and the locator inset while the view is
// zoomed in. A tapped place is told in the chapter's text column.
Item {
    id: stage

    required property real viewWidth
    required property real viewHeight
    property var focusRect: null
    // Pixels a step's focus keeps clear of on the left, right or at the bottom (the legend).
    property real focusLeft: 0
    property real focusRight: 0
    property real focusBottom: 0
    property color backdrop: Theme.surface
    // What the locator inset draws: the map's shapes and its kind ("geo" or "plan").
    property var shapes: ({})
    property string kind: ""

    readonly property alias canvas: canvas
    // What the map's labels keep off, in the canvas's pixels: the reset button
    // and, while it shows, the locator inset.
    // The button is kept clear as wide as its words in the widest language,
    // so the map's names sit the same in every language.
    readonly property real resetWidest: Math.max(resetArea.width, resetArea.width + resetMetrics.widest
                                                 - resetMetrics.current)
    readonly property var reserved: [Qt.rect(resetArea.x + resetArea.width - resetWidest - canvas.x,
                                             resetArea.y - canvas.y, resetWidest, resetArea.height)]
        .concat(locator.visible ? [Qt.rect(locator.x - canvas.x, locator.y - canvas.y,
                                           locator.width, locator.height)] : [])
    default property alias drawing: canvas.data

    // One named picture for assistive technology; its places are buttons inside.
    Accessible.role: Accessible.Graphic
    Accessible.name: Assistive.spoken(MapBackend.title)
    Accessible.ignored: Assistive.storyCovered

    Rectangle {
        anchors.fill: parent
        radius: Theme.radius
        color: stage.backdrop
        border.color: Theme.line
    }

    MapCanvas {
        id: canvas
        objectName: "mapCanvas"
        anchors.fill: parent
        anchors.margins: 1
        viewWidth: stage.viewWidth
        viewHeight: stage.viewHeight
        maxZoom: MapBackend.maxZoom
        focusRect: stage.focusRect
        focusLeft: stage.focusLeft
        focusRight: stage.focusRight
        focusBottom: stage.focusBottom
    }

    FontMetrics {
        id: resetMetrics
        font.family: Theme.fontFamily
        font.pixelSize: Theme.labelSize
        font.weight: Font.Medium
        // The family and size are passed so the bindings are evaluated again
        // when the font is set (advanceWidth alone does not notify).
        function widestOf(texts: var, family: string, pixels: real): real {
            let most = 0
            for (const text of texts)
                most = Math.max(most, advanceWidth(text))
            return Math.ceil(most)
        }
        readonly property real widest: widestOf(MapBackend.stringInAll("map_reset"), font.family, font.pixelSize)
        readonly property real current: widestOf([resetButton.text], font.family, font.pixelSize)
    }

    LocatorInset {
        id: locator
        objectName: "locatorInset"
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.margins: Math.round(Theme.spacing * 0.6)
        longest: Math.round(Math.min(stage.width, stage.height) * 0.22)
        // Once the view has settled zoomed in, so it does not flicker on a gentle move.
        visible: stage.kind.length > 0 && stage.canvas.settledScale > stage.canvas.fitScale * 1.3
        shapes: stage.shapes
        kind: stage.kind
        viewWidth: stage.viewWidth
        viewHeight: stage.viewHeight
        shown: stage.canvas.visibleRect
    }

    // The button sits on a MouseArea that takes the press, so the map under it stays put.
    MouseArea {
        id: resetArea
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: Math.round(Theme.spacing * 0.6)
        width: resetButton.width
        height: resetButton.height

        TouchButton {
            id: resetButton
            objectName: "mapReset"
            text: UiBackend.strings.map_reset
            onActivated: canvas.reset()
        }
    }
}
