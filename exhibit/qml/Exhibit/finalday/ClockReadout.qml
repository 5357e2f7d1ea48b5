import QtQuick
import Exhibit

// The clock's words, on one line: the event's time in 24-hour digits or,
// for an event the sources know only within a window, the window in words
// (its label: "Morning of 7 May, by 9 am"). On a dark plate that stays
// legible on a day or night sky. A label too long for the plate is set a
// little smaller rather than broken over two lines.
Rectangle {
    id: readout

    required property string time
    required property bool exact

    readonly property real padding: Theme.spacing
    readonly property real fullSize: exact ? Theme.displaySize : Theme.titleSize
    implicitWidth: timeText.implicitWidth + 2 * padding
    implicitHeight: Math.round(Theme.displaySize * 1.05) + Math.round(padding * 0.4)
    height: implicitHeight
    radius: Theme.radius
    color: Theme.veil
    border.color: Theme.textFaint
    visible: time.length > 0

    Text {
        id: timeText
        objectName: "clockTime"
        textFormat: Text.PlainText
        anchors.fill: parent
        anchors.leftMargin: readout.padding
        anchors.rightMargin: readout.padding
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        text: readout.time
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: readout.fullSize
        font.weight: Font.Bold
        font.features: { "tnum": 1 }
        wrapMode: Text.NoWrap
        maximumLineCount: 1
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: Theme.labelSize
        elide: Text.ElideNone
    }
}
