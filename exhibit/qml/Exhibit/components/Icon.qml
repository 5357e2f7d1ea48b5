import QtQuick
import QtQuick.Shapes
import Exhibit

// A small line drawing for a button, from vector paths: it needs no glyph
// from any font, so it looks the same on a bare kiosk as on a desktop.
// `name` picks the drawing; the paths are drawn in a 24-unit box.
Item {
    id: icon

    required property string name
    property color color: Theme.text

    readonly property var paths: ({
        // A house: roof, walls, door.
        "home": "M 3 11.5 L 12 3.5 L 21 11.5 M 5.5 9.5 L 5.5 20.5 L 18.5 20.5 L 18.5 9.5 M 10 20.5 L 10 14.5 L 14 14.5 L 14 20.5",
        // Two arrows, one each way: switch between two things (languages).
        "swap": "M 3.5 8 L 19.5 8 M 15.5 4 L 19.5 8 L 15.5 12 M 20.5 16 L 4.5 16 M 8.5 12 L 4.5 16 L 8.5 20",
        // Two arrows out to opposite corners: open larger.
        "expand": "M 14 4 L 20 4 L 20 10 M 20 4 L 13.5 10.5 M 10 20 L 4 20 L 4 14 M 4 20 L 10.5 13.5",
        // A chevron pointing right (folded) or down (open).
        "chevron-right": "M 9 5 L 16 12 L 9 19",
        "chevron-down": "M 5 9 L 12 16 L 19 9"
    })

    implicitWidth: Theme.titleSize
    implicitHeight: implicitWidth
    Accessible.ignored: true

    Shape {
        width: 24
        height: 24
        preferredRendererType: Shape.CurveRenderer
        transform: Scale { xScale: icon.width / 24; yScale: icon.height / 24 }

        ShapePath {
            strokeColor: icon.color
            strokeWidth: 2.2
            fillColor: "transparent"
            capStyle: ShapePath.RoundCap
            joinStyle: ShapePath.RoundJoin
            PathSvg { path: icon.paths[icon.name] ?? "" }
        }
    }
}
