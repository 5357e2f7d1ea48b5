pragma ComponentBehavior: Bound
import QtQuick
import Exhibit

// The day as a bar under the clock: a mark for each event (exact hours
// labelled), and a handle at the clock's minute. Pressing or dragging
// anywhere along it reports the minute under the finger; lifting the finger
// reports the release. Minutes map to the bar in proportion, from
// startMinute at its left end to endMinute at its right. Screen readers meet it as a slider; arrow keys
// step from event to event.
Item {
    id: bar

    // The clock's (animated) minute, and the minutes at the bar's two ends.
    required property real minute
    required property real startMinute
    required property real endMinute
    // [{index, minute, label, exact}, ...]: the day's events.
    required property var marks
    required property int currentIndex
    required property string accessibleName
    required property string valueText

    signal scrubbed(real minute)
    signal released()
    signal stepped(int delta)

    function fractionOf(m: real): real {
        return endMinute > startMinute ? Math.max(0, Math.min(1, (m - startMinute) / (endMinute - startMinute))) : 0
    }
    function minuteAt(f: real): real {
        return startMinute + Math.max(0, Math.min(1, f)) * (endMinute - startMinute)
    }
    readonly property real fraction: fractionOf(minute)
    // The handle's centre stays this far from either end, so it is whole.
    readonly property real inset: Theme.minimumTarget / 2
    readonly property real trackWidth: Math.max(1, width - 2 * inset)
    readonly property bool pressed: area.pressed

    // What a slider exposes to assistive technology.
    readonly property real value: minute
    readonly property real minimumValue: startMinute
    readonly property real maximumValue: endMinute
    readonly property real stepSize: 1

    implicitHeight: Theme.touchTarget + labels.height

    activeFocusOnTab: true
    Accessible.role: Accessible.Slider
    Accessible.name: accessibleName
    Accessible.description: valueText
    Accessible.onIncreaseAction: bar.stepped(1)
    Accessible.onDecreaseAction: bar.stepped(-1)
    Keys.onLeftPressed: bar.stepped(-1)
    Keys.onRightPressed: bar.stepped(1)

    Item {
        id: lane
        x: bar.inset
        width: bar.trackWidth
        height: Theme.touchTarget

        Rectangle {
            id: track
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            height: Math.max(4, Math.round(8 * Theme.scale))
            radius: height / 2
            color: Theme.line
            border.color: bar.activeFocus ? Theme.focus : Theme.line
            border.width: bar.activeFocus ? Math.max(2, Math.round(3 * Theme.scale)) : 1
        }

        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: bar.fraction * parent.width
            height: track.height
            radius: height / 2
            color: Theme.gold
        }

        Repeater {
            model: bar.marks
            delegate: Rectangle {
                required property var modelData
                readonly property bool current: modelData.index === bar.currentIndex
                objectName: "timelineMark-" + modelData.index
                width: Math.round((modelData.exact ? 18 : 12) * Theme.scale)
                height: width
                radius: width / 2
                x: bar.fractionOf(modelData.minute) * lane.width - width / 2
                anchors.verticalCenter: parent.verticalCenter
                color: current ? Theme.gold : (modelData.exact ? Theme.text : Theme.surface)
                border.color: Theme.text
                border.width: Math.max(1, Math.round(2 * Theme.scale))
                antialiasing: true
            }
        }

        Rectangle {
            id: handle
            objectName: "timelineHandle"
            width: Math.round(Theme.minimumTarget * 0.8)
            height: width
            radius: width / 2
            x: bar.fraction * lane.width - width / 2
            anchors.verticalCenter: parent.verticalCenter
            color: bar.pressed ? Theme.gold : Theme.text
            border.color: Theme.background
            border.width: Math.max(2, Math.round(3 * Theme.scale))
            antialiasing: true
        }
    }

    Item {
        id: labels
        x: lane.x
        y: lane.height
        width: lane.width
        height: Math.round(Theme.smallSize * 1.4)

        Repeater {
            model: bar.marks
            delegate: Text {
                required property var modelData
                textFormat: Text.PlainText
                visible: modelData.exact
                text: modelData.exact ? modelData.label : ""
                x: bar.fractionOf(modelData.minute) * labels.width - width / 2
                color: modelData.index === bar.currentIndex ? Theme.gold : Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                font.weight: Font.DemiBold
            }
        }
    }

    MouseArea {
        id: area
        objectName: "timelineArea"
        width: bar.width
        height: lane.height
        preventStealing: true

        function fractionAt(x: real): real {
            return Math.max(0, Math.min(1, (x - bar.inset) / bar.trackWidth))
        }

        onPressed: mouse => bar.scrubbed(bar.minuteAt(fractionAt(mouse.x)))
        onPositionChanged: mouse => {
            if (pressed)
                bar.scrubbed(bar.minuteAt(fractionAt(mouse.x)))
        }
        onReleased: bar.released()
        onCanceled: bar.released()
    }
}
