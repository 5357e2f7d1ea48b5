import QtQuick
import Exhibit

// A flag planted over a place on the plan: a pole rising from the place's
// marker and, at its own step, the cloth climbing it once `raised` turns 1
// (with reduced motion it is shown up, fading in with `appear`).
Item {
    id: flag

    // One entry of DayPlanBackend.flags: {kind, place, current, words, x, y}.
    required property var modelData
    required property real raised
    required property real appear
    required property real pixelScale
    required property real originX
    required property real originY

    readonly property real poleHeight: Math.round(58 * Theme.scale)
    readonly property real clothWidth: Math.round(40 * Theme.scale)
    readonly property real clothHeight: Math.round(27 * Theme.scale)
    readonly property real poleWidth: pole.width
    // Where the cloth is on the pole (0 at the top, once raised).
    readonly property real clothTop: (poleHeight - clothHeight) * (1 - lift)
    property real lift: modelData.current && !Theme.reducedMotion ? raised : 1
    Behavior on lift {
        enabled: !Theme.reducedMotion
        NumberAnimation { duration: 900; easing.type: Easing.OutCubic }
    }

    objectName: "planFlag-" + modelData.place
    opacity: modelData.current ? appear : 1
    width: clothWidth + pole.width
    height: poleHeight
    // The pole's foot stands on the place, a little above its marker's centre.
    x: originX + modelData.x * pixelScale - pole.width / 2
    y: originY + modelData.y * pixelScale - poleHeight - Math.round(6 * Theme.scale)

    Rectangle {
        id: pole
        width: Math.max(2, Math.round(3 * Theme.scale))
        height: flag.poleHeight
        radius: width / 2
        color: Theme.flagPole
        border.color: Theme.casing
        border.width: 1
    }

    FlagCloth {
        kind: flag.modelData.kind
        x: pole.width
        width: flag.clothWidth
        height: flag.clothHeight
        y: flag.clothTop
    }
}
