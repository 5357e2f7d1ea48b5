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
//                                       place id -> "holding" | "attacked" | "taken"
//                                       (not `states`: that is every Item's own list)
//   property bool dayStates             true: strongholdStates are a day's events,
//                                       and a stronghold they do not name is drawn
//                                       "not told here"; false (the fortress as
//                                       built): every stronghold is drawn held
//   property bool legendExpanded        whether the legend starts unfolded
//   property bool legendAtTop           the legend in the top-right corner, not the bottom-right
//   property real labelPixels           the size of the places' names
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
// `selected`), labels "label-<id>"; the legend is "mapLegend" and under its
// header, folded or not, the plan always says it is a schematic, not to
// scale ("mapSchematic", UI string map_schematic). A north arrow stands
// above the legend.
Item {
    id: plan

    required property var places
    required property var shapes
    required property var strongholdStates
    property bool dayStates: false
    property bool legendExpanded: true
    // Where the legend sits: the bottom-right corner, or the top-right one;
    // and in how many columns it lists.
    property bool legendAtTop: false
    property int legendColumns: 1
    // The size of the places' names (a small plan beside the clock writes smaller).
    property real labelPixels: Theme.labelSize
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
    // How each stronghold is drawn (exhibit.core.legend.stronghold_looks).
    readonly property var looks: MapBackend.strongholdLooks(strongholdStates, dayStates)
    readonly property real gap: Math.round(Theme.spacing * 0.6)
    // The size of the legend and the north arrow above it, in the bottom-right corner.
    readonly property real legendWidth: legend.width
    readonly property real legendHeight: legendColumns > 1 ? Math.max(legend.height, north.height)
                                                           : legend.height + north.height + Math.round(gap / 2)

    function isLit(id: string): bool { return highlighted.indexOf(id) >= 0 }
    function rectOf(item: Item): rect { return Qt.rect(item.x, item.y, item.width, item.height) }
    // What the plan draws over itself (its legend and north arrow), in its own
    // coordinates: what is laid over the plan keeps off it too.
    readonly property var furniture: [rectOf(north), rectOf(legend)]
    // Each place's symbol (not a line's), as a square of about its drawn size,
    // in the plan's coordinates: names laid over the plan keep off them.
    readonly property var symbolRects: {
        const half = Math.round(Theme.labelSize * 0.6)
        return places.filter(p => p.kind !== "river" && p.kind !== "path" && p.kind !== "sector")
            .map(p => Qt.rect(originX + p.x * pixelScale - half, originY + p.y * pixelScale - half,
                              2 * half, 2 * half))
    }
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
                fillColor: Theme.mapFloor
                strokeColor: Theme.mapFloorEdge
                strokeWidth: 2 / ground.restScale
            }
            Repeater {
                model: plan.shapes.mountains ?? []
                delegate: MapShape {
                    required property var modelData
                    path: modelData.path
                    fillColor: Theme.mapMountain
                    strokeColor: Theme.mapMountainEdge
                    strokeWidth: 2 / ground.restScale
                }
            }
            // The hills: light high ground on the dark floor, with two contours.
            Repeater {
                model: plan.shapes.hills ?? []
                delegate: Item {
                    id: hill
                    required property var modelData
                    objectName: "hillShape-" + modelData.id
                    anchors.fill: parent
                    MapShape {
                        path: hill.modelData.path
                        fillColor: Theme.mapHill
                        strokeColor: Theme.mapHillContour
                        strokeWidth: 2 / ground.restScale
                    }
                    Repeater {
                        model: [0.66, 0.33]
                        delegate: MapShape {
                            id: contour
                            required property real modelData
                            path: hill.modelData.path
                            strokeColor: Theme.mapHillContour
                            strokeWidth: 1.5 / ground.restScale / modelData
                            transform: Scale {
                                origin.x: hill.modelData.centre[0]
                                origin.y: hill.modelData.centre[1]
                                xScale: contour.modelData
                                yScale: contour.modelData
                            }
                        }
                    }
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
                fillColor: lit ? Theme.mapRegionFill : Theme.mapSectorFill
                strokeColor: lit ? Theme.mapHighlight : Theme.mapSector
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
                fillColor: Theme.mapRunway
                strokeColor: lit ? Theme.mapHighlight : Theme.mapHalo
                strokeWidth: (lit ? 3 : 1.5) * plan.unit
            }
        }
        MapShape {
            objectName: "riverShape"
            readonly property bool lit: plan.isLit(plan.shapes.riverId ?? "")
            path: plan.shapes.river ?? ""
            strokeColor: lit ? Theme.mapRiverLit : Theme.mapRiver
            strokeWidth: (lit ? 9 : 7) * plan.unit
        }
        // The line of retreat: red dashes over a dark casing.
        Repeater {
            model: plan.paths
            delegate: MapShape {
                required property var modelData
                path: plan.lineOf(modelData)
                strokeColor: Theme.mapHalo
                strokeWidth: 9 * plan.unit
            }
        }
        Repeater {
            model: plan.paths
            delegate: MapShape {
                required property var modelData
                objectName: "pathShape-" + modelData
                path: plan.lineOf(modelData)
                strokeColor: Theme.mapEscape
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
        strongholdStates: plan.looks
        fontPixels: plan.labelPixels
        selectedId: plan.selectedId
        fitScale: plan.fitScale
        pixelScale: plan.pixelScale
        originX: plan.originX
        originY: plan.originY
        viewport: plan.viewport
        settledScale: plan.settledScale
        reserved: plan.reserved.concat(plan.furniture)
        onPlaceTapped: id => plan.placeTapped(id)
    }

    NorthArrow {
        id: north
        objectName: "northArrow"
        x: plan.legendColumns > 1 ? legend.x - width - plan.gap : legend.x + legend.width - width
        y: plan.legendColumns > 1 ? legend.y + legend.height - height
         : plan.legendAtTop ? legend.y + legend.height + Math.round(plan.gap / 2)
                            : legend.y - height - Math.round(plan.gap / 2)
        width: implicitWidth
        height: implicitHeight
    }
    Legend {
        id: legend
        objectName: "mapLegend"
        anchors.right: parent.right
        anchors.rightMargin: plan.gap
        y: plan.legendAtTop ? plan.gap : plan.height - height - plan.gap
        maxWidth: plan.legendColumns > 1 ? plan.width - 3 * plan.gap - north.width
                                    : Math.min(Math.round(420 * Theme.scale), plan.width * 0.6)
        columns: plan.legendColumns
        expanded: plan.legendExpanded
        noteKey: "map_schematic"
        mapId: MapBackend.planMapId
        viewport: plan.viewport
        highlighted: plan.highlighted
        hidden: plan.hiddenIds
        looks: plan.looks
    }
}
