pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// ValleyPlan: the schematic plan of the Điện Biên Phủ valley, reusable by any
// chapter (the fortress chapter through ValleyMap, the final-day clock directly).
//
// Interface
//   required property var places       the plan's places: MapBackend.planPlaces
//   required property var shapes       the plan's drawing: MapBackend.planShapes
//                                       ({viewBox, floor, river, riverId, mountains,
//                                       hills, airfields, sectors}); constant
//   required property var strongholdStates
//                                       place id -> "holding" | "attacked" | "taken";
//                                       ({}) shows every stronghold plain (not
//                                       `states`: that is every Item's own list)
//   required property var paths        ids of the `path` places to draw, e.g.
//                                       ["hong-cum-escape"]; [] draws none
//   required property var highlighted  ids drawn emphasised; their labels are
//                                       placed first (e.g. StoryBackend.step.placeIds)
//   property string selectedId         the place whose card is open (ringed); ""
//   property real pixelScale, originX, originY
//                                       the view: screen pixels per view unit and
//                                       where the view box's origin lands; by
//                                       default the whole plan fits and is centred.
//                                       ValleyMap binds them to its MapCanvas.
//   property rect viewport, property real settledScale, property var reserved
//                                       for an embedding that moves the view:
//                                       where it last settled (view units), its
//                                       scale then, and rectangles over the plan
//                                       (pixels) that labels keep off
//   signal placeTapped(string placeId) a tap or a press of a marker; "" when a
//                                       tap hit no place (e.g. to close a card)
//
// Markers are named "place-<id>" (properties `highlighted`, `placeState`,
// `selected`), labels "label-<id>"; the schematic notice is "mapSchematic".
// The plan always says it is a schematic, not to scale (UI string map_schematic).
Item {
    id: plan

    required property var places
    required property var shapes
    required property var strongholdStates
    required property var paths
    required property var highlighted
    property string selectedId: ""
    // Optional, for an embedding that moves the view (see PlaceLayer).
    property rect viewport: Qt.rect(-originX / pixelScale, -originY / pixelScale,
                                    width / pixelScale, height / pixelScale)
    property real settledScale: pixelScale
    property var reserved: []

    readonly property real viewWidth: (shapes.viewBox ?? [0, 0, 1000, 1300])[2]
    readonly property real viewHeight: (shapes.viewBox ?? [0, 0, 1000, 1300])[3]
    readonly property real fitScale: Math.max(1e-6, Math.min(width / viewWidth, height / viewHeight))
    property real pixelScale: fitScale
    property real originX: (width - viewWidth * pixelScale) / 2
    property real originY: (height - viewHeight * pixelScale) / 2

    signal placeTapped(string placeId)

    // One screen pixel in view units, in steps of 2^(1/2), so strokes keep about
    // the same width on screen without rebuilding the shapes every frame.
    readonly property real unit: 1 / (fitScale * Math.pow(2, Math.floor(Math.log(Math.max(pixelScale / fitScale, 1)) / Math.LN2 * 2 + 1e-6) / 2))

    readonly property var hiddenIds: places.filter(p => p.kind === "path" && paths.indexOf(p.id) < 0)
                                           .map(p => p.id)

    function isLit(id: string): bool { return highlighted.indexOf(id) >= 0 }
    function lineOf(id: string): string {
        const place = places.find(p => p.id === id)
        return place ? place.line : ""
    }

    // No clip here: an embedding that zooms (MapCanvas) clips.

    Item {
        id: drawing
        x: plan.originX
        y: plan.originY
        width: plan.viewWidth
        height: plan.viewHeight
        scale: plan.pixelScale
        transformOrigin: Item.TopLeft

        // The valley's floor, mountains and hills: a picture no step redraws.
        MapPicture {
            id: ground
            width: plan.viewWidth
            height: plan.viewHeight
            restScale: plan.settledScale
            moving: plan.pixelScale !== plan.settledScale

            MapShape {
                path: plan.shapes.floor ?? ""
                fillColor: Theme.valleyFloor
                strokeColor: Theme.valleyFloorEdge
                strokeWidth: 2 / ground.restScale
            }
            Repeater {
                model: plan.shapes.mountains ?? []
                delegate: MapShape {
                    required property var modelData
                    path: modelData.path
                    fillColor: Theme.mountain
                    strokeColor: Theme.mountainEdge
                    strokeWidth: 1.5 / ground.restScale
                }
            }
            Repeater {
                model: plan.shapes.hills ?? []
                delegate: MapShape {
                    required property var modelData
                    path: modelData.path
                    fillColor: Theme.hill
                    strokeColor: Theme.hillEdge
                    strokeWidth: 1.5 / ground.restScale
                }
            }
        }
        Repeater {
            model: plan.shapes.sectors ?? []
            delegate: MapShape {
                required property var modelData
                objectName: "sectorShape-" + modelData.id
                readonly property bool lit: plan.isLit(modelData.id)
                path: modelData.path
                fillColor: lit ? Theme.sectorLit : Theme.sector
                strokeColor: lit ? Theme.gold : Theme.sectorEdge
                strokeWidth: (lit ? 3 : 2) * plan.unit
                dashed: true
                dashPattern: [4, 3]
            }
        }
        Repeater {
            model: plan.shapes.airfields ?? []
            delegate: MapShape {
                required property var modelData
                readonly property bool lit: plan.isLit(modelData.id)
                path: modelData.path
                fillColor: lit ? Theme.airfieldLit : Theme.airfield
                strokeColor: lit ? Theme.gold : Theme.airfieldEdge
                strokeWidth: (lit ? 3 : 1.5) * plan.unit
            }
        }
        MapShape {
            objectName: "riverShape"
            readonly property bool lit: plan.isLit(plan.shapes.riverId ?? "")
            path: plan.shapes.river ?? ""
            strokeColor: lit ? Theme.riverLit : Theme.river
            strokeWidth: (lit ? 9 : 7) * plan.unit
        }
        Repeater {
            model: plan.paths
            delegate: MapShape {
                required property var modelData
                path: plan.lineOf(modelData)
                strokeColor: plan.isLit(modelData) ? Theme.gold : Theme.accent
                strokeWidth: 5 * plan.unit
                dashed: true
                dashPattern: [2.5, 1.5]
            }
        }
    }

    PlaceLayer {
        anchors.fill: parent
        mapId: MapBackend.planMapId
        places: plan.places
        highlighted: plan.highlighted
        hidden: plan.hiddenIds
        strongholdStates: plan.strongholdStates
        selectedId: plan.selectedId
        fitScale: plan.fitScale
        pixelScale: plan.pixelScale
        originX: plan.originX
        originY: plan.originY
        viewport: plan.viewport
        settledScale: plan.settledScale
        reserved: plan.reserved.concat([Qt.rect(schematicBox.x, schematicBox.y,
                                                schematicBox.width, schematicBox.height)])
        onPlaceTapped: id => plan.placeTapped(id)
    }

    Rectangle {
        id: schematicBox
        objectName: "mapSchematicBox"
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: Math.round(Theme.spacing * 0.6)
        width: Math.min(schematic.implicitWidth + Theme.spacing, plan.width - 2 * anchors.margins)
        height: schematic.implicitHeight + Math.round(Theme.spacing * 0.5)
        radius: Math.round(Theme.radius * 0.6)
        color: Theme.plate

        Text {
            id: schematic
            objectName: "mapSchematic"
            textFormat: Text.PlainText
            anchors.centerIn: parent
            width: Math.min(implicitWidth, plan.width - 2 * parent.anchors.margins - Theme.spacing)
            text: UiBackend.strings.map_schematic
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.italic: true
            wrapMode: Text.WordWrap
        }
    }
}
