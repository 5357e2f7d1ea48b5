import QtQuick
import Exhibit
import Exhibit.Backend

// A chapter's map on the stage: the movable canvas (its drawing goes inside,
// bound to `canvas`) and the reset button. A tapped place is told in the
// chapter's text column.
Item {
    id: stage

    required property real viewWidth
    required property real viewHeight
    property var focusRect: null
    property color backdrop: Theme.surface

    readonly property alias canvas: canvas
    // What the map's labels keep off, in the canvas's pixels: the reset button.
    readonly property var reserved: [Qt.rect(resetArea.x - canvas.x, resetArea.y - canvas.y,
                                             resetArea.width, resetArea.height)]
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
