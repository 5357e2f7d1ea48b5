import QtQuick
import Exhibit

// The last chapter's clock in small, for its card on the title screen: the
// hands sweep once through the day (04:00 to 22:00 by default) under a sky
// that turns with them, then rest.
//
// Interface
//   required property var keyframes  the sky's colours through the day (ClockBackend.skyKeyframes)
//   property real fromMinute, toMinute   the day shown (minutes after midnight)
//   property bool play               sweep when shown (else rest at the end)
Item {
    id: preview

    required property var keyframes
    property real fromMinute: 4 * 60
    property real toMinute: 22 * 60
    property bool play: true
    property real minute: toMinute

    objectName: "clockPreview"
    clip: true
    Accessible.ignored: true

    onVisibleChanged: restart()
    Component.onCompleted: restart()

    // Reduced motion may be switched on just after this is made (the window
    // binds it): then everything is drawn as it rests.
    Connections {
        target: Theme
        function onReducedMotionChanged(): void { preview.restart() }
    }
    function restart(): void {
        sweep.stop()
        if (visible && play && !Theme.reducedMotion) {
            minute = fromMinute
            sweep.start()
        } else {
            minute = toMinute
        }
    }
    NumberAnimation {
        id: sweep
        target: preview
        property: "minute"
        from: preview.fromMinute
        to: preview.toMinute
        duration: 4000
        easing.type: Easing.InOutSine
    }

    SkyBackground {
        anchors.fill: parent
        minute: preview.minute
        keyframes: preview.keyframes
    }
    ClockFace {
        visible: width > 1
        anchors.centerIn: parent
        width: Math.min(parent.width, parent.height) * 0.84
        height: width
        minute: preview.minute
        Accessible.ignored: true
    }
}
