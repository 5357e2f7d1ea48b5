pragma ComponentBehavior: Bound
import QtQuick
import Exhibit

// The day as a bar under the clock, its one progress indicator: a tick for
// each event (exact hours labelled; an event known only within a window has
// a hollow tick over a faint span of that window), and a handle on the
// current event's tick. Pressing or dragging anywhere along it reports the
// minute under the finger, and the handle follows the finger; lifting it
// reports the release, and the handle settles on the event's tick. Minutes
// map to the bar in proportion, from startMinute at its left end to
// endMinute at its right. Screen readers meet it as a slider; Left and
// Right step from event to event.
Item {
    id: bar

    // The minutes at the bar's two ends, where the current event's tick is,
    // and every event's mark: [{index, minute, label, exact, from, to}, ...]
    // (from and to: the window's span, an exact event's own minute).
    required property real startMinute
    required property real endMinute
    required property real tickMinute
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
    // Where the current event's tick is (0..1).
    readonly property real fraction: fractionOf(tickMinute)
    // The handle's centre stays this far from either end, so it is whole.
    readonly property real inset: Theme.minimumTarget / 2
    readonly property real trackWidth: Math.max(1, width - 2 * inset)
    readonly property bool pressed: area.pressed
    // Where the finger is while it is down.
    property real fingerFraction: 0
    readonly property real handleFraction: pressed ? fingerFraction : settled
    property real settled: fraction
    property bool placing: false
    Behavior on settled {
        enabled: !Theme.reducedMotion && !bar.placing
        NumberAnimation { duration: Theme.gentle; easing.type: Easing.OutCubic }
    }

    // What a slider exposes to assistive technology: the event, by number.
    readonly property real value: currentIndex
    readonly property real minimumValue: 0
    readonly property real maximumValue: Math.max(0, marks.length - 1)
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
            width: bar.handleFraction * parent.width
            height: track.height
            radius: height / 2
            color: Theme.gold
        }

        // The windows: a faint span over the track from where each starts to where it ends.
        Repeater {
            model: bar.marks
            delegate: Rectangle {
                required property var modelData
                objectName: "timelineWindow-" + modelData.index
                visible: !modelData.exact
                x: bar.fractionOf(modelData.from) * lane.width
                width: Math.max(1, (bar.fractionOf(modelData.to) - bar.fractionOf(modelData.from)) * lane.width)
                anchors.verticalCenter: parent.verticalCenter
                anchors.verticalCenterOffset: -Math.round(track.height * 1.6)
                height: Math.max(3, Math.round(5 * Theme.scale))
                radius: height / 2
                color: modelData.index === bar.currentIndex ? Theme.windowEdge : Theme.line
                opacity: modelData.index === bar.currentIndex ? 1 : 0.7
            }
        }

        Repeater {
            model: bar.marks
            delegate: Rectangle {
                required property var modelData
                readonly property bool current: modelData.index === bar.currentIndex
                objectName: "timelineMark-" + modelData.index
                width: Math.round((modelData.exact ? 18 : 14) * Theme.scale)
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
            x: bar.handleFraction * lane.width - width / 2
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

        onPressed: mouse => {
            bar.fingerFraction = fractionAt(mouse.x)
            bar.scrubbed(bar.minuteAt(bar.fingerFraction))
        }
        onPositionChanged: mouse => {
            if (pressed) {
                bar.fingerFraction = fractionAt(mouse.x)
                bar.scrubbed(bar.minuteAt(bar.fingerFraction))
            }
        }
        function letGo(): void {
            // The handle settles on the event's tick from where the finger left it.
            bar.placing = true
            bar.settled = bar.fingerFraction
            bar.placing = false
            bar.settled = Qt.binding(() => bar.fraction)
            bar.released()
        }

        onReleased: letGo()
        onCanceled: letGo()
    }
}
