import QtQuick
import Exhibit

// The name of an area of a map, written across it as cartographers do, not
// like a place's name: a country in spaced capitals, a sea in spaced
// italics, an archipelago in italics on a pill. It sits centred in `box`
// (pixels), the space the label layout reserved for it, or against the side
// of the box that faces its islands.
Item {
    id: area

    required property var entry
    required property rect box
    required property string side
    property real pixelSize: Theme.labelSize

    readonly property bool pill: entry.kind === "archipelago"
    readonly property real fontPixels: Math.round(pixelSize * (entry.fontScale ?? 1))
    readonly property bool alignLeft: side === "right" || side.endsWith("-right")
    readonly property bool alignRight: side === "left" || side.endsWith("-left")
    readonly property bool alignTop: side === "below" || side.startsWith("below-")
    readonly property bool alignBottom: side === "above" || side.startsWith("above-")

    width: pill ? Math.ceil(name.implicitWidth + 0.4 * fontPixels) : Math.ceil(name.implicitWidth)
    height: pill ? Math.round(1.3 * fontPixels) : Math.ceil(name.implicitHeight)
    x: alignLeft ? box.x : alignRight ? box.x + box.width - width : box.x + (box.width - width) / 2
    y: alignTop ? box.y : alignBottom ? box.y + box.height - height : box.y + (box.height - height) / 2

    Rectangle {
        anchors.fill: parent
        visible: area.pill
        radius: height / 2
        color: Theme.mapLabelFill
        border.width: Math.max(1, Math.round(2 * Theme.scale))
        border.color: Theme.mapHome
    }

    Text {
        id: name
        textFormat: Text.PlainText
        anchors.centerIn: parent
        text: area.entry.label ?? ""
        color: area.pill ? Theme.mapLabelText
             : area.entry.kind === "country" ? Theme.mapCountryText : Theme.mapSeaText
        font.family: Theme.fontFamily
        font.pixelSize: area.fontPixels
        font.weight: Font.DemiBold
        font.italic: area.entry.kind !== "country"
        font.capitalization: area.entry.kind === "country" ? Font.AllUppercase : Font.MixedCase
        font.letterSpacing: (area.entry.letterSpacing ?? 0) * area.fontPixels
    }
}
