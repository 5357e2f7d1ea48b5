import QtQuick
import QtQuick.Shapes

// One SVG path of a map asset, drawn in the map's view-box units. Its parent
// scales the view box to the screen; `strokeWidth` is in view units too, so
// callers divide a pixel width by the current scale.
Shape {
    id: shape

    required property string path
    property color fillColor: "transparent"
    property color strokeColor: "transparent"
    property real strokeWidth: -1
    property bool dashed: false
    property var dashPattern: [3, 2]

    // Triangulated, not the curve renderer: drawn with OpenGL (a real
    // display) the curve renderer left the maps' large view-box paths empty.
    preferredRendererType: Shape.GeometryRenderer
    width: parent ? parent.width : 0
    height: parent ? parent.height : 0

    ShapePath {
        fillColor: shape.fillColor
        strokeColor: shape.strokeColor
        strokeWidth: shape.strokeWidth
        strokeStyle: shape.dashed ? ShapePath.DashLine : ShapePath.SolidLine
        dashPattern: shape.dashPattern
        capStyle: ShapePath.RoundCap
        joinStyle: ShapePath.RoundJoin
        fillRule: ShapePath.OddEvenFill

        PathSvg { path: shape.path }
    }
    // An invisible frame the size of the view box. Qt's software renderer
    // draws a shape whose bounds lie wholly outside its clip without any
    // clip at all (over the rest of the window); with the frame, the bounds
    // always meet the clip.
    ShapePath {
        fillColor: "transparent"
        strokeWidth: -1
        PathSvg { path: "M0 0L" + shape.width + " 0L" + shape.width + " " + shape.height + "L0 " + shape.height + "Z" }
    }
}
