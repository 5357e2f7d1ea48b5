pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Shapes
import Exhibit
import Exhibit.Backend

// A place on a map: a small symbol for its kind, centred in a target a finger
// can hit (at least 48 px). The map's tap handler finds the nearest marker, so
// markers that sit close together stay tappable; a screen reader or the
// keyboard presses the marker itself.
//
// Only the symbol of its kind is made (a Loader picks it), and the attack
// ring only while the place is attacked: a map opens with a few items per
// place rather than a dozen, most of them hidden.
Item {
    id: marker

    required property var place
    required property bool highlighted
    property string placeState: ""
    property bool selected: false

    signal activated()

    objectName: "place-" + place.id
    width: Theme.minimumTarget
    height: Theme.minimumTarget

    readonly property string kind: place.kind
    readonly property real size: Math.round((highlighted ? 22 : 15) * Theme.scale)
    readonly property color ink: placeState === "taken" ? Theme.strongholdTaken
                               : placeState === "attacked" ? Theme.strongholdAttacked
                               : placeState === "holding" ? Theme.strongholdHolding
                               : highlighted ? Theme.gold : Theme.place

    activeFocusOnTab: true
    Accessible.role: Accessible.Button
    Accessible.name: Assistive.spoken(place.name) + (placeState.length > 0
                                   ? " – " + (UiBackend.strings["state_" + placeState] ?? "") : "")
    Accessible.onPressAction: Assistive.press(marker.activated)
    Accessible.ignored: Assistive.storyCovered
    Keys.onReturnPressed: marker.activated()
    Keys.onEnterPressed: marker.activated()
    Keys.onSpacePressed: marker.activated()

    // Selected or focused from the keyboard: a ring around the symbol.
    Rectangle {
        anchors.centerIn: parent
        visible: marker.selected || marker.activeFocus
        width: marker.size + Math.round(16 * Theme.scale)
        height: width
        radius: width / 2
        color: "transparent"
        border.width: Math.max(2, Math.round(3 * Theme.scale))
        border.color: marker.activeFocus ? Theme.focus : Theme.text
    }

    // The loader takes its symbol's size, centred on the place.
    Loader {
        anchors.centerIn: parent
        sourceComponent: marker.kind === "region" || marker.kind === "front" || marker.kind === "sector" ? ring
                       : marker.kind === "stronghold" || marker.kind === "command-post" ? square
                       : marker.kind === "airfield" ? diamond
                       : marker.kind === "bridge" ? bar
                       : marker.kind === "border" ? arrow
                       : dot
    }

    // Under attack: a ring that pulses three times as the attack begins, then
    // stays (still if motion is reduced). Never endless: motion over five
    // seconds would need its own pause (WCAG 2.2.2), and a marker pulsing
    // forever keeps the renderer drawing while the final-day clock is paused.
    Loader {
        anchors.centerIn: parent
        active: marker.placeState === "attacked"
        sourceComponent: Rectangle {
            id: pulse
            width: marker.size * 2
            height: width
            radius: width / 2
            color: "transparent"
            border.width: Math.max(2, Math.round(3 * Theme.scale))
            border.color: marker.ink

            SequentialAnimation on opacity {
                running: pulse.visible && marker.visible && !Theme.reducedMotion
                loops: 3
                NumberAnimation { from: 1.0; to: 0.25; duration: 700; easing.type: Easing.InOutSine }
                NumberAnimation { from: 0.25; to: 1.0; duration: 700; easing.type: Easing.InOutSine }
            }
        }
    }

    // Regions, fronts and sub-sectors: a ring; the map draws the area itself.
    Component {
        id: ring
        Rectangle {
            width: marker.size + Math.round(4 * Theme.scale)
            height: width
            radius: width / 2
            color: Theme.plateFaint
            border.width: Math.max(2, Math.round(4 * Theme.scale))
            border.color: marker.ink
        }
    }

    // Strongholds and the command post: a square (the command post doubled).
    Component {
        id: square
        Rectangle {
            width: marker.size
            height: width
            radius: Math.round(2 * Theme.scale)
            color: marker.ink
            border.width: Math.max(1, Math.round(2 * Theme.scale))
            border.color: Theme.background
            // A stronghold that falls (or is attacked) changes colour visibly.
            Behavior on color { ColorAnimation { duration: Theme.gentle } }

            Rectangle {
                visible: marker.kind === "command-post"
                anchors.centerIn: parent
                width: parent.width * 0.45
                height: width
                color: Theme.background
            }
            // Taken: a cross, so the state does not rest on colour alone.
            Rectangle {
                visible: marker.placeState === "taken"
                anchors.centerIn: parent
                width: parent.width * 1.2
                height: Math.max(2, Math.round(3 * Theme.scale))
                rotation: 45
                color: Theme.text
            }
            Rectangle {
                visible: marker.placeState === "taken"
                anchors.centerIn: parent
                width: parent.width * 1.2
                height: Math.max(2, Math.round(3 * Theme.scale))
                rotation: -45
                color: Theme.text
            }
        }
    }

    // Airfields: a diamond (turned about the marker's centre, inside a frame
    // the marker's size, so it lands on the same pixels at every scale).
    Component {
        id: diamond
        Item {
            width: marker.width
            height: marker.height
            Rectangle {
                anchors.centerIn: parent
                width: marker.size * 0.8
                height: width
                rotation: 45
                color: marker.ink
                border.width: Math.max(1, Math.round(2 * Theme.scale))
                border.color: Theme.background
            }
        }
    }

    // A bridge: a short bar across the river.
    Component {
        id: bar
        Rectangle {
            width: marker.size * 1.4
            height: Math.max(4, marker.size * 0.4)
            radius: height / 2
            color: marker.ink
            border.width: 1
            border.color: Theme.background
        }
    }

    // A border: an arrow pointing out of the plan, west.
    Component {
        id: arrow
        Shape {
            width: marker.width
            height: marker.height
            preferredRendererType: Shape.CurveRenderer
            ShapePath {
                fillColor: marker.ink
                strokeColor: Theme.background
                strokeWidth: Math.max(1, Math.round(2 * Theme.scale))
                joinStyle: ShapePath.RoundJoin
                PathSvg {
                    readonly property real w: marker.size * 1.6
                    readonly property real h: marker.size * 1.2
                    readonly property real l: (marker.width - w) / 2
                    readonly property real t: (marker.height - h) / 2
                    path: "M" + l + " " + (t + h / 2) + " L" + (l + w * 0.5) + " " + t
                          + " L" + (l + w * 0.5) + " " + (t + h * 0.3) + " L" + (l + w) + " " + (t + h * 0.3)
                          + " L" + (l + w) + " " + (t + h * 0.7) + " L" + (l + w * 0.5) + " " + (t + h * 0.7)
                          + " L" + (l + w * 0.5) + " " + (t + h) + " Z"
                }
            }
            // The whole target as an invisible frame, so the software renderer
            // clips the arrow (see MapShape).
            ShapePath {
                fillColor: "transparent"
                strokeWidth: -1
                PathSvg { path: "M0 0L" + marker.width + " 0L" + marker.width + " " + marker.height + "L0 " + marker.height + "Z" }
            }
        }
    }

    // Towns and everything else: a dot.
    Component {
        id: dot
        Rectangle {
            width: marker.kind === "town" ? marker.size : marker.size * 0.75
            height: width
            radius: width / 2
            color: marker.ink
            border.width: Math.max(1, Math.round(2 * Theme.scale))
            border.color: Theme.background
        }
    }
}
