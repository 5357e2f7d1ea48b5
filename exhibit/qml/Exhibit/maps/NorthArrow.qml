import QtQuick
import QtQuick.Shapes
import Exhibit
import Exhibit.Backend

// A small north arrow with its letter (UI string `north`). On a geographic
// map it leans as the meridian does at the view's centre
// (MapBackend.northAngle: a conic map's north is not quite straight up away
// from its central meridian); on a plan drawn north up, it points up.
Item {
    id: arrow

    property string mapId: ""
    property rect viewport: Qt.rect(0, 0, 0, 0)
    property real angle: 0
    readonly property var inputs: [mapId, viewport]
    onInputsChanged: Qt.callLater(arrow.refresh)
    property bool closing: false
    Component.onDestruction: closing = true

    function refresh(): void {
        if (closing || mapId.length === 0 || viewport.width <= 0)
            return
        angle = MapBackend.northAngle(mapId, [viewport.x, viewport.y, viewport.width, viewport.height])
    }

    readonly property real side: Math.round(30 * Theme.scale)
    implicitWidth: Math.max(side, letter.implicitWidth)
    implicitHeight: letter.implicitHeight + side
    Accessible.role: Accessible.Graphic
    Accessible.name: letter.text
    Accessible.ignored: Assistive.storyCovered

    Text {
        id: letter
        objectName: "northLetter"
        textFormat: Text.PlainText
        anchors.horizontalCenter: parent.horizontalCenter
        text: UiBackend.strings.north ?? ""
        color: Theme.mapLabelText
        style: Text.Outline
        styleColor: Theme.mapHalo
        font.family: Theme.fontFamily
        font.pixelSize: Theme.smallSize
        font.weight: Font.Bold
    }
    Shape {
        id: needle
        anchors.horizontalCenter: parent.horizontalCenter
        y: letter.height
        width: arrow.side
        height: arrow.side
        rotation: arrow.angle
        preferredRendererType: Shape.CurveRenderer
        // Half light, half dark, as on a compass: the light half points north.
        ShapePath {
            fillColor: Theme.mapLabelText
            strokeColor: Theme.mapHalo
            strokeWidth: Math.max(1, Math.round(2 * Theme.scale))
            joinStyle: ShapePath.MiterJoin
            PathSvg {
                path: "M" + needle.width / 2 + " 1 L" + needle.width * 0.82 + " " + (needle.height - 1)
                      + " L" + needle.width / 2 + " " + needle.height * 0.72 + " Z"
            }
        }
        ShapePath {
            fillColor: Theme.mapHalo
            strokeColor: Theme.mapLabelText
            strokeWidth: Math.max(1, Math.round(2 * Theme.scale))
            joinStyle: ShapePath.MiterJoin
            PathSvg {
                path: "M" + needle.width / 2 + " 1 L" + needle.width * 0.18 + " " + (needle.height - 1)
                      + " L" + needle.width / 2 + " " + needle.height * 0.72 + " Z"
            }
        }
    }
}
