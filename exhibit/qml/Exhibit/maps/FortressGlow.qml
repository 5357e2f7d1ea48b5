pragma ComponentBehavior: Bound
import QtQuick
import Exhibit

// The whole fortress lit at once: a glow along the edge of every sub-sector
// and a ring round every stronghold, rising together. An overlay the plan's
// map hosts over its drawing, in view-box units like the plan itself.
//
// Interface
//   required property var sectors       the plan's sector shapes [{id, path}, ...]
//   required property var strongholds   [{x, y}, ...] every stronghold (view units)
//   required property real unit         one screen pixel in view units
Item {
    id: glow

    required property var sectors
    required property var strongholds
    required property real unit

    property real level: 1

    onVisibleChanged: restart()
    function restart(): void {
        rise.stop()
        if (visible && !Theme.reducedMotion) {
            level = 0
            rise.start()
        } else {
            level = 1
        }
    }

    // Reduced motion may be switched on just after this is made (the window
    // binds it): then everything is drawn as it rests.
    Connections {
        target: Theme
        function onReducedMotionChanged(): void { glow.restart() }
    }

    NumberAnimation {
        id: rise
        target: glow
        property: "level"
        from: 0
        to: 1
        duration: 1400
        easing.type: Easing.OutCubic
    }

    Repeater {
        model: glow.sectors
        delegate: MapShape {
            required property var modelData
            path: modelData.path
            opacity: glow.level
            fillColor: Theme.fortressGlow
            strokeColor: Theme.mapHighlight
            strokeWidth: 4 * glow.unit
        }
    }
    Repeater {
        model: glow.strongholds
        delegate: Rectangle {
            required property var modelData
            readonly property real r: 16 * glow.unit
            x: modelData.x - r
            y: modelData.y - r
            width: 2 * r
            height: 2 * r
            radius: r
            opacity: 0.8 * glow.level
            color: "transparent"
            border.color: Theme.mapHighlight
            border.width: 2.5 * glow.unit
        }
    }
}
