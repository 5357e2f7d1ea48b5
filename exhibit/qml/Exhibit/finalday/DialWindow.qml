import QtQuick
import QtQuick.Shapes
import Exhibit

// A window of time on a 12-hour dial: a soft wedge from the centre and a
// strong band along the rim, from the hour the window starts to the hour it
// ends, so "by 9 am" reads as "some time between four and nine", not as a
// time. `shown` (0..1) draws it clockwise from its start, as the hands go.
Shape {
    id: window

    // The dial's diameter in pixels, and the window in minutes after midnight.
    required property real size
    required property real startMinute
    required property real endMinute
    property real shown: 1

    readonly property real centre: size / 2
    // The hour hand's angle, clockwise from 12; Qt's arcs start at 3 o'clock.
    readonly property real startAngle: startMinute / 2 - 90
    readonly property real sweep: Math.max(0, Math.min(360, (endMinute - startMinute) / 2)) * shown
    readonly property real band: size * 0.036

    width: size
    height: size
    preferredRendererType: Shape.CurveRenderer

    ShapePath {
        fillColor: Qt.alpha(Theme.windowShade, 0.55)
        strokeColor: "transparent"
        startX: window.centre
        startY: window.centre
        PathAngleArc {
            centerX: window.centre
            centerY: window.centre
            radiusX: window.size * 0.455
            radiusY: window.size * 0.455
            startAngle: window.startAngle
            sweepAngle: window.sweep
            moveToStart: false
        }
        PathLine { x: window.centre; y: window.centre }
    }

    ShapePath {
        fillColor: "transparent"
        strokeColor: Theme.windowEdge
        strokeWidth: window.band
        capStyle: ShapePath.FlatCap
        PathAngleArc {
            centerX: window.centre
            centerY: window.centre
            radiusX: window.size * 0.475
            radiusY: window.size * 0.475
            startAngle: window.startAngle
            sweepAngle: window.sweep
        }
    }
}
