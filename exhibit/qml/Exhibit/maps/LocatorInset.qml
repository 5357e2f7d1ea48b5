pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// Where the view is on the whole map, shown while a step (or a finger) has
// zoomed in: the whole map drawn small (a geographic map's countries, or the
// plan's ground and river) and a frame round the part on screen.
Item {
    id: inset

    required property var shapes
    required property string kind
    required property real viewWidth
    required property real viewHeight
    // The part of the map on screen, in view units.
    required property rect shown
    property real longest: Math.round(170 * Theme.scale)

    readonly property real s: longest / Math.max(viewWidth, viewHeight)
    readonly property real pad: Math.max(2, Math.round(3 * Theme.scale))
    width: Math.round(viewWidth * s) + 2 * pad
    height: Math.round(viewHeight * s) + 2 * pad
    Accessible.role: Accessible.Graphic
    Accessible.name: UiBackend.strings.locator_label ?? ""
    Accessible.ignored: Assistive.storyCovered

    Rectangle {
        anchors.fill: parent
        color: inset.kind === "geo" ? Theme.mapSea : Theme.mapFloor
        border.width: inset.pad
        border.color: Theme.mapHalo
    }
    Item {
        id: small
        x: inset.pad
        y: inset.pad
        width: inset.viewWidth
        height: inset.viewHeight
        scale: inset.s
        transformOrigin: Item.TopLeft
        clip: true

        Repeater {
            model: inset.kind === "geo" ? inset.shapes.countries ?? [] : inset.shapes.mountains ?? []
            delegate: MapShape {
                required property var modelData
                path: modelData.path
                fillColor: inset.kind !== "geo" ? Theme.mapMountain
                         : modelData.home ? Theme.mapHome : Theme.mapNeighbour
            }
        }
        MapShape {
            visible: inset.kind !== "geo"
            path: inset.kind !== "geo" ? inset.shapes.river ?? "" : ""
            strokeColor: Theme.mapRiver
            strokeWidth: 3 / inset.s
        }
        // The part on screen.
        Rectangle {
            objectName: "locatorFrame"
            x: Math.max(0, inset.shown.x)
            y: Math.max(0, inset.shown.y)
            width: Math.min(inset.viewWidth, inset.shown.x + inset.shown.width) - x
            height: Math.min(inset.viewHeight, inset.shown.y + inset.shown.height) - y
            color: "transparent"
            border.width: 3 / inset.s
            border.color: Theme.mapHighlight
            Rectangle {
                anchors.fill: parent
                anchors.margins: -2 / inset.s
                color: "transparent"
                border.width: 2 / inset.s
                border.color: Theme.mapHalo
            }
        }
    }
}
