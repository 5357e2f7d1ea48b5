pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Shapes
import Exhibit

// One legend entry's sample, drawn as the map draws the thing: a place's
// symbol (MapSymbol), a line (road, railway, river, line of retreat), an
// arrow (towards the decisive battle, an attack, an encirclement), a flag, an
// area's fill (Việt Nam, a neighbour, a sub-sector, a hill, the mountains),
// islands, or a highlighted label's frame. `shape`, `kind` and `look` come
// from exhibit.core.legend.
Item {
    id: swatch

    required property string shape
    required property string kind
    property string look: ""

    Loader {
        anchors.centerIn: parent
        sourceComponent: swatch.shape === "marker" ? marker
                       : swatch.shape === "line" ? line
                       : swatch.shape === "arrow" ? arrow
                       : swatch.shape === "flag" ? flag
                       : swatch.shape === "islands" ? islands
                       : swatch.shape === "label" ? label
                       : swatch.kind === "sector" ? sector
                       : fill
    }

    Component {
        id: marker
        MapSymbol {
            kind: swatch.kind
            look: swatch.look
            size: Math.round(13 * Theme.scale)
        }
    }

    // A line, as the map strokes it: over a dark casing, dashed if it is.
    Component {
        id: line
        Shape {
            id: lineShape
            width: swatch.width
            height: swatch.height
            preferredRendererType: Shape.CurveRenderer
            readonly property real w: swatch.kind === "river" ? 7 * Theme.scale
                                    : swatch.kind === "path" ? 5 * Theme.scale : 3.5 * Theme.scale
            readonly property string pathText: "M2 " + (height * 0.7) + " C" + (width * 0.35) + " "
                                               + (height * 0.1) + " " + (width * 0.65) + " " + (height * 0.9)
                                               + " " + (width - 2) + " " + (height * 0.3)
            ShapePath {
                strokeColor: swatch.kind === "river" ? "transparent" : Theme.mapHalo
                strokeWidth: lineShape.w + 3 * Theme.scale
                fillColor: "transparent"
                capStyle: ShapePath.RoundCap
                PathSvg { path: lineShape.pathText }
            }
            ShapePath {
                strokeColor: swatch.kind === "river" ? Theme.mapRiver
                           : swatch.kind === "path" ? Theme.mapEscape : Theme.mapLine
                strokeWidth: lineShape.w
                fillColor: "transparent"
                strokeStyle: swatch.kind === "railway" || swatch.kind === "path" ? ShapePath.DashLine
                                                                                  : ShapePath.SolidLine
                dashPattern: swatch.kind === "path" ? [1.6, 1.2] : [2, 1.2]
                capStyle: ShapePath.FlatCap
                PathSvg { path: lineShape.pathText }
            }
        }
    }

    // An arrow, as the map draws it: gold towards the decisive battle
    // (ConvergingArrows), an attack's colour on the day's plan (PlanArrow),
    // each over a dark casing; an encirclement is a ring of the attack's colour.
    Component {
        id: arrow
        Shape {
            id: arrowShape
            width: swatch.width
            height: swatch.height
            preferredRendererType: Shape.CurveRenderer
            readonly property bool ring: swatch.kind === "encircle"
            readonly property color ink: swatch.kind === "converge" ? Theme.gold : Theme.advance
            readonly property real w: 3.5 * Theme.scale
            readonly property real head: 7 * Theme.scale
            readonly property real mid: height / 2
            readonly property string shaft: ring
                ? "M" + (width / 2 - mid * 0.7) + " " + mid + " A" + (mid * 0.7) + " " + (mid * 0.7)
                  + " 0 1 1 " + (width / 2 - mid * 0.7) + " " + (mid + 0.1)
                : "M2 " + mid + " L" + (width - head - 2) + " " + mid
            readonly property string tip: "M" + (width - 2) + " " + mid + " L" + (width - head - 4) + " "
                                          + (mid - head * 0.8) + " L" + (width - head - 4) + " "
                                          + (mid + head * 0.8) + " Z"
            ShapePath {
                strokeColor: Theme.mapHalo
                strokeWidth: arrowShape.w + 3 * Theme.scale
                fillColor: "transparent"
                capStyle: ShapePath.RoundCap
                PathSvg { path: arrowShape.shaft }
            }
            ShapePath {
                strokeColor: arrowShape.ink
                strokeWidth: arrowShape.w
                fillColor: "transparent"
                capStyle: ShapePath.RoundCap
                PathSvg { path: arrowShape.shaft }
            }
            ShapePath {
                strokeColor: arrowShape.ring ? "transparent" : Theme.mapHalo
                strokeWidth: Math.max(1, 1.5 * Theme.scale)
                fillColor: arrowShape.ring ? "transparent" : arrowShape.ink
                joinStyle: ShapePath.RoundJoin
                PathSvg { path: arrowShape.ring ? "" : arrowShape.tip }
            }
        }
    }

    // A flag on its pole, as the day's plan raises it (FlagCloth).
    Component {
        id: flag
        Item {
            width: swatch.width
            height: swatch.height
            Rectangle {
                id: pole
                x: Math.round(parent.width * 0.3)
                width: Math.max(2, Math.round(3 * Theme.scale))
                height: parent.height
                radius: width / 2
                color: Theme.flagPole
                border.color: Theme.casing
                border.width: 1
            }
            FlagCloth {
                kind: swatch.kind
                x: pole.x + pole.width
                width: Math.round(parent.height * 0.9)
                height: Math.round(parent.height * 0.6)
            }
        }
    }

    // An area's fill, with its edge.
    Component {
        id: fill
        Rectangle {
            width: swatch.width
            height: Math.round(swatch.height * 0.75)
            radius: swatch.kind === "hill" ? height / 2 : Math.round(3 * Theme.scale)
            color: swatch.kind === "home" ? Theme.mapHome
                 : swatch.kind === "neighbour" ? Theme.mapNeighbour
                 : swatch.kind === "hill" ? Theme.mapHill
                 : swatch.kind === "mountains" ? Theme.mapMountain
                 : Theme.mapFloor
            border.width: Math.max(1, Math.round(2 * Theme.scale))
            border.color: swatch.kind === "home" ? Theme.mapHomeEdge
                        : swatch.kind === "neighbour" ? Theme.mapNeighbourEdge
                        : swatch.kind === "hill" ? Theme.mapHillContour
                        : swatch.kind === "mountains" ? Theme.mapMountainEdge
                        : Theme.mapSector
            // A hill's inner contour.
            Rectangle {
                visible: swatch.kind === "hill"
                anchors.centerIn: parent
                width: parent.width * 0.5
                height: parent.height * 0.45
                radius: height / 2
                color: "transparent"
                border.width: Math.max(1, Math.round(2 * Theme.scale))
                border.color: Theme.mapHillContour
            }
        }
    }

    // A sub-sector: its dashed outline.
    Component {
        id: sector
        Shape {
            id: sectorShape
            width: swatch.width
            height: Math.round(swatch.height * 0.75)
            preferredRendererType: Shape.CurveRenderer
            ShapePath {
                fillColor: Theme.mapSectorFill
                strokeColor: Theme.mapSector
                strokeWidth: Math.max(2, Math.round(2 * Theme.scale))
                strokeStyle: ShapePath.DashLine
                dashPattern: [2.5, 2]
                PathSvg {
                    path: "M2 2L" + (sectorShape.width - 2) + " 2L" + (sectorShape.width - 2) + " "
                          + (sectorShape.height - 2) + "L2 " + (sectorShape.height - 2) + "Z"
                }
            }
        }
    }

    // Islands: three dots of Việt Nam's colour on the sea.
    Component {
        id: islands
        Rectangle {
            width: swatch.width
            height: Math.round(swatch.height * 0.75)
            radius: Math.round(3 * Theme.scale)
            color: Theme.mapSea
            Repeater {
                model: [[0.25, 0.35], [0.55, 0.65], [0.75, 0.3]]
                delegate: Rectangle {
                    required property var modelData
                    width: Math.max(5, Math.round(7 * Theme.scale))
                    height: width
                    radius: width / 2
                    x: parent.width * modelData[0] - width / 2
                    y: parent.height * modelData[1] - height / 2
                    color: Theme.mapHome
                    border.width: 1
                    border.color: Theme.mapHomeEdge
                }
            }
        }
    }

    // A highlighted place's label: its gold frame.
    Component {
        id: label
        Rectangle {
            width: swatch.width
            height: Math.round(swatch.height * 0.6)
            radius: height / 2
            color: Theme.mapLabelFill
            border.width: Math.max(2, Math.round(2 * Theme.scale))
            border.color: Theme.mapHighlight
        }
    }
}
