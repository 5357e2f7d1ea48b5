import QtQuick
import Exhibit

// A place's name on a map, in screen pixels so it reads the same at every
// zoom. It sits inside `box`, the space the label layout reserved for it (in
// pixels, never smaller than the label), pushed against the side that faces
// its place; boxes never overlap, so neither do labels.
Rectangle {
    id: label

    required property string text
    required property string side
    required property bool highlighted
    required property rect box
    property real pixelSize: Theme.labelSize

    readonly property bool alignLeft: side === "right" || side.endsWith("-right")
    readonly property bool alignRight: side === "left" || side.endsWith("-left")
    readonly property bool alignTop: side === "below" || side.startsWith("below-")
    readonly property bool alignBottom: side === "above" || side.startsWith("above-")

    width: Math.ceil(name.implicitWidth + 0.4 * pixelSize)
    height: Math.round(1.3 * pixelSize)
    x: alignLeft ? box.x : alignRight ? box.x + box.width - width : box.x + (box.width - width) / 2
    y: alignTop ? box.y : alignBottom ? box.y + box.height - height : box.y + (box.height - height) / 2
    radius: height / 2
    color: Theme.mapLabelFill
    border.width: highlighted ? Math.max(1, Math.round(2 * Theme.scale)) : 0
    border.color: Theme.mapHighlight

    Text {
        id: name
        textFormat: Text.PlainText
        anchors.centerIn: parent
        text: label.text
        color: label.highlighted ? Theme.mapHighlight : Theme.mapLabelText
        font.family: Theme.fontFamily
        font.pixelSize: label.pixelSize
        font.weight: Font.DemiBold
    }
}
