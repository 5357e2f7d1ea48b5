pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// A chapter's map in small, for its card on the title screen: the drawing
// without names, and the chapter's places lighting up one after another.
//
// Interface
//   required property string kind    "geo" (countries) or "plan" (the valley)
//   required property var shapes     the map's drawing (MapBackend.geoShapes / planShapes)
//   required property var places     its places (MapBackend.geoPlaces / planPlaces)
//   required property var viewBox    [0, 0, width, height]
//   required property var litIds     the chapter's places, in the order they light
//   property bool play               light them one by one when shown (else all at once)
Item {
    id: preview

    required property string kind
    required property var shapes
    required property var places
    required property var viewBox
    required property var litIds
    property bool play: true

    readonly property real viewWidth: viewBox[2] ?? 1
    readonly property real viewHeight: viewBox[3] ?? 1
    // A geographic map shows the chapter's places; a plan shows all of itself.
    readonly property rect frame: kind === "geo" ? frameOf(litIds) : Qt.rect(0, 0, viewWidth, viewHeight)
    // Never below a thousandth: a picture squeezed to nothing (a window being
    // resized) would otherwise ask for lines a million units wide.
    readonly property real pixelScale: Math.max(1e-3, Math.min(width / frame.width, height / frame.height))
    readonly property real originX: (width - frame.width * pixelScale) / 2 - frame.x * pixelScale
    readonly property real originY: (height - frame.height * pixelScale) / 2 - frame.y * pixelScale
    readonly property real unit: 1 / pixelScale
    // What lights up, in the chapter's order: on a geographic map its fronts
    // and regions (as discs) and towns; on a plan its sub-sectors (their
    // shapes), then the strongholds in them.
    readonly property var lit: litIds.map(id => places.find(p => p.id === id))
        .filter(p => p !== undefined && (kind === "geo"
            ? (p.kind === "front" || p.kind === "region" || p.kind === "town")
            : (p.kind === "sector" || p.kind === "stronghold" || p.kind === "command-post")))
        .map(p => ({ id: p.id, kind: p.kind, x: p.x, y: p.y }))
    // Taken only when the places themselves change, not their names (a new
    // language): the dots are then kept, not made again. The places as one
    // string, whose change QML announces only when its value differs.
    property var shown: []
    readonly property string litPlaces: lit.map(p => p.id + " " + p.kind + " " + p.x + " " + p.y).join(",")
    onLitPlacesChanged: shown = lit
    // How many of the shown places are lit so far.
    property real litCount: shown.length
    function litIndex(id: string): int { return shown.findIndex(p => p.id === id) }

    // Framed as a step with these places would be (a view of most of Việt Nam
    // holds its islands), of the preview's shape.
    function frameOf(ids: var): rect {
        if (ids.length === 0 || width <= 0 || height <= 0)
            return Qt.rect(0, 0, viewWidth, viewHeight)
        const f = MapBackend.focusOf(MapBackend.geoMapId, ids, width / height)
        return Qt.rect(f.x, f.y, f.width, f.height)
    }

    objectName: "mapPreview-" + kind
    clip: true
    Accessible.ignored: true

    onVisibleChanged: restart()
    Component.onCompleted: {
        shown = lit
        restart()
    }

    // Reduced motion may be switched on just after this is made (the window
    // binds it): then everything is drawn as it rests.
    Connections {
        target: Theme
        function onReducedMotionChanged(): void { preview.restart() }
    }
    function restart(): void {
        lighting.stop()
        if (visible && play && !Theme.reducedMotion && shown.length > 1) {
            litCount = 0
            lighting.to = shown.length
            lighting.duration = Math.min(3000, 400 * shown.length)
            lighting.start()
        } else {
            litCount = shown.length
        }
    }
    NumberAnimation { id: lighting; target: preview; property: "litCount"; from: 0 }

    Rectangle {
        anchors.fill: parent
        color: preview.kind === "geo" ? Theme.mapSea : Theme.mapPlanBackdrop
    }

    // The map itself never changes while shown: drawn once into a layer,
    // not again on every frame of the lighting.
    Item {
        anchors.fill: parent
        visible: preview.width > 1 && preview.height > 1
        layer.enabled: true

        Item {
            x: preview.originX
            y: preview.originY
            width: preview.viewWidth
            height: preview.viewHeight
            scale: preview.pixelScale
            transformOrigin: Item.TopLeft

            // The map of Indochina.
            Repeater {
                model: preview.kind === "geo" ? (preview.shapes.countries ?? []) : []
                delegate: MapShape {
                    required property var modelData
                    path: modelData.path
                    fillColor: modelData.home ? Theme.mapHome : Theme.mapNeighbour
                    strokeColor: modelData.home ? Theme.mapHomeEdge : Theme.mapNeighbourEdge
                    strokeWidth: 1.5 * preview.unit
                }
            }
            // Việt Nam's islands, as the map draws them.
            Repeater {
                model: preview.kind === "geo"
                       ? (preview.shapes.islands ?? []).reduce((all, a) => all.concat(a.points), []) : []
                delegate: Rectangle {
                    required property var modelData
                    readonly property real r: 2.5 * preview.unit
                    x: modelData[0] - r
                    y: modelData[1] - r
                    width: 2 * r
                    height: 2 * r
                    radius: r
                    color: Theme.mapHome
                    border.color: Theme.mapHomeEdge
                    border.width: preview.unit
                }
            }
            // The plan of the valley: floor, mountains, hills, river.
            MapShape {
                visible: preview.kind === "plan"
                path: preview.kind === "plan" ? (preview.shapes.floor ?? "") : ""
                fillColor: Theme.mapFloor
                strokeColor: Theme.mapFloorEdge
                strokeWidth: 2 * preview.unit
            }
            Repeater {
                model: preview.kind === "plan" ? (preview.shapes.mountains ?? []) : []
                delegate: MapShape {
                    required property var modelData
                    path: modelData.path
                    fillColor: Theme.mapMountain
                    strokeColor: Theme.mapMountainEdge
                    strokeWidth: 1.5 * preview.unit
                }
            }
            Repeater {
                model: preview.kind === "plan" ? (preview.shapes.hills ?? []) : []
                delegate: MapShape {
                    required property var modelData
                    path: modelData.path
                    fillColor: Theme.mapHill
                    strokeColor: Theme.mapHillContour
                    strokeWidth: 1.5 * preview.unit
                }
            }
            MapShape {
                visible: preview.kind === "plan"
                path: preview.kind === "plan" ? (preview.shapes.river ?? "") : ""
                strokeColor: Theme.mapRiver
                strokeWidth: 7 * preview.unit
            }
        }
    }

    Item {
        visible: preview.width > 1 && preview.height > 1
        x: preview.originX
        y: preview.originY
        width: preview.viewWidth
        height: preview.viewHeight
        scale: preview.pixelScale
        transformOrigin: Item.TopLeft

        // The plan's sub-sectors, each lit in its turn.
        Repeater {
            model: preview.kind === "plan" ? (preview.shapes.sectors ?? []) : []
            delegate: MapShape {
                required property var modelData
                readonly property int order: preview.litIndex(modelData.id)
                readonly property bool on: order >= 0 && order < preview.litCount
                path: modelData.path
                fillColor: on ? Theme.fortressGlow : "transparent"
                strokeColor: on ? Theme.mapHighlight : Theme.mapSector
                strokeWidth: (on ? 4 : 2) * preview.unit
                Behavior on strokeWidth { NumberAnimation { duration: Theme.gentle } }
            }
        }

        // The chapter's places (not the plan's sub-sectors, drawn above), lighting up in order.
        Repeater {
            model: preview.shown
            delegate: Rectangle {
                required property var modelData
                required property int index
                readonly property bool on: index < preview.litCount
                readonly property bool area: modelData.kind === "front" || modelData.kind === "region"
                readonly property real r: (area ? 16 : 5) * preview.unit
                visible: modelData.kind !== "sector"
                x: modelData.x - r
                y: modelData.y - r
                width: 2 * r
                height: 2 * r
                radius: r
                opacity: on ? 1 : 0.25
                color: area ? Theme.mapRegionFill : Theme.mapHighlight
                border.color: Theme.mapHighlight
                border.width: 2.5 * preview.unit
                Behavior on opacity { NumberAnimation { duration: Theme.gentle } }
            }
        }
    }
}
