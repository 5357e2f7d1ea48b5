pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// A true scale bar for a geographic map: a round length in km
// (MapBackend.scaleBar, from the map's projection at the view's centre),
// drawn as long as that length is at the current zoom, so it stays true
// while the view moves. The round length is chosen again only when the
// view settles or the zoom crosses a step, never per frame.
Item {
    id: bar

    required property string mapId
    // Where the view last settled (view units) and the scale of the drawing now.
    required property rect viewport
    required property real pixelScale
    // The scale the length is chosen for (PlaceLayer's stepped layout scale).
    required property real layoutScale
    property real maxPixels: Math.round(220 * Theme.scale)

    property var result: ({})
    readonly property var inputs: [mapId, viewport, layoutScale, maxPixels, UiBackend.language]
    onInputsChanged: Qt.callLater(bar.refresh)
    Component.onCompleted: refresh()
    property bool closing: false
    Component.onDestruction: closing = true

    function refresh(): void {
        if (closing || viewport.width <= 0 || layoutScale <= 0)
            return
        result = MapBackend.scaleBar(mapId, [viewport.x, viewport.y, viewport.width, viewport.height],
                                    maxPixels / layoutScale)
    }

    readonly property real length: result.km ? result.km / result.kmPerUnit * pixelScale : 0
    readonly property real tick: Math.max(6, Math.round(10 * Theme.scale))
    readonly property real stroke: Math.max(2, Math.round(3 * Theme.scale))

    visible: length > 0
    implicitWidth: Math.max(length, caption.implicitWidth) + 2 * stroke
    implicitHeight: caption.implicitHeight + tick + 2 * stroke
    Accessible.role: Accessible.StaticText
    Accessible.name: caption.text
    Accessible.ignored: Assistive.storyCovered

    Text {
        id: caption
        objectName: "scaleBarText"
        textFormat: Text.PlainText
        x: bar.stroke
        text: bar.result.label ?? ""
        color: Theme.mapLabelText
        style: Text.Outline
        styleColor: Theme.mapHalo
        font.family: Theme.fontFamily
        font.pixelSize: Theme.smallSize
        font.weight: Font.DemiBold
    }
    // The bar: a light line with end ticks, on a dark casing.
    Item {
        id: ruler
        x: bar.stroke
        y: caption.height + bar.stroke
        width: bar.length
        height: bar.tick
        Repeater {
            model: [0, 1]
            Rectangle {
                required property int index
                x: index === 0 ? -bar.stroke : ruler.width - bar.stroke
                y: -bar.stroke
                width: 3 * bar.stroke
                height: ruler.height + 2 * bar.stroke
                color: Theme.mapHalo
            }
        }
        Rectangle {
            x: -bar.stroke
            y: parent.height - 2 * bar.stroke
            width: parent.width + 2 * bar.stroke
            height: 3 * bar.stroke
            color: Theme.mapHalo
        }
        Rectangle { x: 0; y: 0; width: bar.stroke; height: parent.height; color: Theme.mapLabelText }
        Rectangle { x: parent.width - bar.stroke; y: 0; width: bar.stroke; height: parent.height; color: Theme.mapLabelText }
        Rectangle { x: 0; y: parent.height - bar.stroke; width: parent.width; height: bar.stroke; color: Theme.mapLabelText }
    }
}
