import QtQuick
import Exhibit

// The clock's words: the event's time in 24-hour digits (or, for an event
// the source gives no hour for, its label), and the date, on a dark plate
// that stays legible on a day or night sky.
Rectangle {
    id: readout

    required property string time
    required property bool exact
    required property string date

    readonly property real padding: Theme.spacing
    implicitWidth: Math.max(timeText.implicitWidth, dateText.implicitWidth) + 2 * padding
    implicitHeight: column.implicitHeight + 2 * Math.round(padding * 0.6)
    height: implicitHeight
    radius: Theme.radius
    color: Theme.veil
    border.color: Theme.textFaint

    Column {
        id: column
        x: readout.padding
        y: Math.round(readout.padding * 0.6)
        width: readout.width - 2 * readout.padding
        spacing: Math.round(2 * Theme.scale)

        Text {
            id: timeText
            objectName: "clockTime"
            textFormat: Text.PlainText
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: readout.time
            visible: text.length > 0
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: readout.exact ? Theme.displaySize : Theme.titleSize
            font.weight: Font.Bold
            font.features: { "tnum": 1 }
            wrapMode: Text.WordWrap
        }
        Text {
            id: dateText
            objectName: "clockDate"
            textFormat: Text.PlainText
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: readout.date
            color: Theme.gold
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
        }
    }
}
