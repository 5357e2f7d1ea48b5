pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Shapes
import Exhibit

// The symbol of a place's kind, drawn the same on every map and in the
// legend: a dot (a town), a ring (a region, a front, a sub-sector), a square
// (a stronghold; the command post doubled), a diamond (an airfield), a bar (a
// bridge), an arrow (a direction off the plan). Every symbol has a dark
// outline (Theme.mapHalo), so it stands out on light and dark ground alike.
// A stronghold's `look` sets its colour and mark: held, under attack, taken
// (a cross, so the state does not rest on colour alone) or untold (hollow).
// Only the symbol of the kind is made (a Loader picks it).
Item {
    id: symbol

    required property string kind
    property string look: ""
    property bool highlighted: false
    // The symbol's size in pixels (a town's dot is this wide). The label
    // layout keeps names off each kind's symbol (exhibit.core.labels.MARKER_RADIUS,
    // in ems of Theme.labelSize): change both together.
    property real size: Math.round((highlighted ? 18 : 13) * Theme.scale)
    // For a direction: which way the arrow points, degrees clockwise from north.
    property real bearing: 270
    // Under attack, the ring around the symbol pulses as the attack begins
    // (a marker on a map; not in the legend).
    property bool pulsing: false

    readonly property real halo: Math.max(2, Math.round(2.5 * Theme.scale))
    readonly property color ink: look === "taken" ? Theme.mapTaken
                               : look === "attacked" ? Theme.mapAttacked
                               : look === "holding" ? Theme.mapHeld
                               : look === "untold" ? Theme.mapUntold
                               : highlighted ? Theme.mapHighlight : Theme.mapInk

    implicitWidth: loader.width
    implicitHeight: loader.height

    Loader {
        id: loader
        anchors.centerIn: parent
        sourceComponent: symbol.kind === "region" || symbol.kind === "front" || symbol.kind === "sector" ? ring
                       : symbol.kind === "stronghold" || symbol.kind === "command-post" ? square
                       : symbol.kind === "airfield" ? diamond
                       : symbol.kind === "bridge" ? bar
                       : symbol.kind === "border" ? arrow
                       : dot
    }

    // Under attack: a ring that pulses three times as the attack begins, then
    // stays (still if motion is reduced). Never endless: motion over five
    // seconds would need its own pause (WCAG 2.2.2), and a marker pulsing
    // forever keeps the renderer drawing while the final-day clock is paused.
    Loader {
        anchors.centerIn: parent
        active: symbol.look === "attacked"
        sourceComponent: Rectangle {
            id: pulse
            width: symbol.size * 2 + 2 * symbol.halo
            height: width
            radius: width / 2
            color: "transparent"
            border.width: symbol.halo
            border.color: Theme.mapHalo
            Rectangle {
                anchors.fill: parent
                anchors.margins: symbol.halo
                radius: width / 2
                color: "transparent"
                border.width: Math.max(2, Math.round(3 * Theme.scale))
                border.color: symbol.ink
            }

            SequentialAnimation on opacity {
                running: symbol.pulsing && pulse.visible && !Theme.reducedMotion
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
            width: symbol.size + Math.round(4 * Theme.scale) + 2 * symbol.halo
            height: width
            radius: width / 2
            color: Theme.mapHalo
            Rectangle {
                anchors.fill: parent
                anchors.margins: symbol.halo
                radius: width / 2
                color: "transparent"
                border.width: Math.max(2, Math.round(4 * Theme.scale))
                border.color: symbol.ink
            }
        }
    }

    // Strongholds and the command post: a square in a dark frame.
    Component {
        id: square
        Rectangle {
            width: symbol.size + 2 * symbol.halo
            height: width
            radius: Math.round(3 * Theme.scale)
            color: Theme.mapHalo

            Rectangle {
                id: face
                anchors.fill: parent
                anchors.margins: symbol.halo
                radius: Math.round(2 * Theme.scale)
                // Untold: hollow, a grey frame round the dark ground.
                color: symbol.look === "untold" ? Theme.mapHalo : symbol.ink
                border.width: symbol.look === "untold" ? Math.max(2, Math.round(3 * Theme.scale)) : 0
                border.color: symbol.ink
                // A stronghold that falls (or is attacked) changes colour visibly.
                Behavior on color { ColorAnimation { duration: Theme.gentle } }
            }
            Rectangle {
                visible: symbol.kind === "command-post"
                anchors.centerIn: parent
                width: face.width * 0.42
                height: width
                color: Theme.mapHalo
            }
            // Taken: a dark cross over the square.
            Repeater {
                model: symbol.look === "taken" ? [45, -45] : []
                delegate: Rectangle {
                    required property int modelData
                    anchors.centerIn: parent
                    width: face.width * 1.15
                    height: Math.max(2, Math.round(3 * Theme.scale))
                    rotation: modelData
                    color: Theme.mapHalo
                }
            }
        }
    }

    // Airfields: a diamond (turned about its centre, inside a frame its size).
    Component {
        id: diamond
        Item {
            width: Math.ceil(symbol.size * 1.2 + 2 * symbol.halo)
            height: width
            Rectangle {
                anchors.centerIn: parent
                width: symbol.size * 0.8 + 2 * symbol.halo
                height: width
                rotation: 45
                color: Theme.mapHalo
                Rectangle {
                    anchors.fill: parent
                    anchors.margins: symbol.halo
                    color: symbol.ink
                }
            }
        }
    }

    // A bridge: a short bar across the river.
    Component {
        id: bar
        Rectangle {
            width: symbol.size * 1.4 + 2 * symbol.halo
            height: Math.max(4, symbol.size * 0.4) + 2 * symbol.halo
            radius: height / 2
            color: Theme.mapHalo
            Rectangle {
                anchors.fill: parent
                anchors.margins: symbol.halo
                radius: height / 2
                color: symbol.ink
            }
        }
    }

    // A direction off the plan: an arrow pointing along `bearing`.
    Component {
        id: arrow
        Shape {
            id: arrowShape
            width: Math.ceil(symbol.size * 1.8 + 2 * symbol.halo)
            height: width
            rotation: symbol.bearing - 270
            preferredRendererType: Shape.CurveRenderer
            ShapePath {
                fillColor: symbol.ink
                strokeColor: Theme.mapHalo
                strokeWidth: symbol.halo
                joinStyle: ShapePath.RoundJoin
                PathSvg {
                    readonly property real w: symbol.size * 1.6
                    readonly property real h: symbol.size * 1.2
                    readonly property real l: (arrowShape.width - w) / 2
                    readonly property real t: (arrowShape.height - h) / 2
                    path: "M" + l + " " + (t + h / 2) + " L" + (l + w * 0.5) + " " + t
                          + " L" + (l + w * 0.5) + " " + (t + h * 0.3) + " L" + (l + w) + " " + (t + h * 0.3)
                          + " L" + (l + w) + " " + (t + h * 0.7) + " L" + (l + w * 0.5) + " " + (t + h * 0.7)
                          + " L" + (l + w * 0.5) + " " + (t + h) + " Z"
                }
            }
            // The whole frame as an invisible path, so the software renderer
            // clips the arrow (see MapShape).
            ShapePath {
                fillColor: "transparent"
                strokeWidth: -1
                PathSvg { path: "M0 0L" + arrowShape.width + " 0L" + arrowShape.width + " " + arrowShape.height + "L0 " + arrowShape.height + "Z" }
            }
        }
    }

    // Towns and everything else: a dot.
    Component {
        id: dot
        Rectangle {
            width: (symbol.kind === "town" ? symbol.size : symbol.size * 0.75) + 2 * symbol.halo
            height: width
            radius: width / 2
            color: Theme.mapHalo
            Rectangle {
                anchors.fill: parent
                anchors.margins: symbol.halo
                radius: width / 2
                color: symbol.ink
            }
        }
    }
}
