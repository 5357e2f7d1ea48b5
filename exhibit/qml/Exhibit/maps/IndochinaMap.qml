pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// The offensive chapter's stage: Indochina and the Biển Đông with every front
// the source names. Việt Nam, with its islands of Hoàng Sa and Trường Sa,
// stands apart from its neighbours and the sea; the seas and countries are
// named; the step's places are highlighted and the view moves gently to
// them. A legend, a true scale bar and a north arrow stay in the corners.
MapStage {
    id: stage

    readonly property var highlighted: MapBackend.highlightedIds
    // The places (read once per change: each read of MapBackend.places makes a new list).
    readonly property var places: MapBackend.places
    // Which of them draw a disc (regions, fronts) or a line (roads, railways),
    // as indexes: a list in another language is then the same model, so a
    // toggle recreates nothing, and a step only changes properties.
    readonly property var discIndexes: indexesOf(p => p.kind === "region" || p.kind === "front")
    readonly property var lineIndexes: indexesOf(p => p.line.length > 0)
    // One screen pixel in view units, in steps of 2^(1/2) (see ValleyPlan).
    readonly property real unit: 1 / (canvas.fitScale * Math.pow(2, Math.floor(Math.log(canvas.zoom) / Math.LN2 * 2 + 1e-6) / 2))
    readonly property real gap: Math.round(Theme.spacing * 0.6)

    viewWidth: MapBackend.viewBox[2]
    viewHeight: MapBackend.viewBox[3]
    focusRect: MapBackend.focus
    backdrop: Theme.mapSea
    shapes: MapBackend.shapes
    kind: "geo"
    // A step's places stay clear of the legend: on a wide stage it stands in
    // a column on the left, on a tall one it lies across the bottom.
    readonly property bool legendBeside: width >= height
    focusLeft: legendBeside ? legend.width + 2 * gap : 0
    focusBottom: legendBeside ? 0 : legend.height + 2 * gap

    // The chapter's ending draws arrows from places towards one (StoryBackend.step).
    readonly property string convergeTo: StoryBackend.step.convergeTo ?? ""
    readonly property var convergeFrom: StoryBackend.step.convergeFrom ?? []

    function isLit(id: string): bool { return highlighted.indexOf(id) >= 0 }
    function pointOf(id: string): var {
        const place = places.find(p => p.id === id)
        return place ? { x: place.x, y: place.y } : { x: 0, y: 0 }
    }
    function indexesOf(test: var): var {
        return places.map((p, i) => test(p) ? i : -1).filter(i => i >= 0)
    }
    // An item over the map (a child of the canvas, as everything declared
    // here is), as a rectangle the labels keep off.
    function rectOf(item: Item): rect {
        return Qt.rect(item.x, item.y, item.width, item.height)
    }

    Item {
        id: drawing
        x: stage.canvas.originX
        y: stage.canvas.originY
        width: stage.viewWidth
        height: stage.viewHeight
        scale: stage.canvas.pixelScale
        transformOrigin: Item.TopLeft

        // The land and Việt Nam's islands: a picture no step redraws (see MapPicture).
        MapPicture {
            id: land
            objectName: "land"
            width: stage.viewWidth
            height: stage.viewHeight
            restScale: stage.canvas.settledScale
            moving: stage.canvas.moving

            Repeater {
                model: MapBackend.shapes.countries ?? []
                delegate: MapShape {
                    required property var modelData
                    objectName: "country-" + modelData.id
                    path: modelData.path
                    fillColor: modelData.home ? Theme.mapHome : Theme.mapNeighbour
                    strokeColor: modelData.home ? Theme.mapHomeEdge : Theme.mapNeighbourEdge
                    strokeWidth: (modelData.home ? 1.5 : 1) / land.restScale
                }
            }
            // Việt Nam's islands in the Biển Đông: each a dot of Việt Nam's colour,
            // never smaller on screen than can be seen (a true-size islet is a
            // fraction of a pixel at this scale).
            Repeater {
                model: MapBackend.shapes.islands ?? []
                delegate: Item {
                    id: archipelago
                    required property var modelData
                    objectName: "islands-" + modelData.id
                    anchors.fill: parent
                    Repeater {
                        model: archipelago.modelData.points
                        delegate: Rectangle {
                            required property var modelData
                            readonly property real r: 3.2 / land.restScale
                            x: modelData[0] - r
                            y: modelData[1] - r
                            width: 2 * r
                            height: 2 * r
                            radius: r
                            color: Theme.mapHome
                            border.width: 1.2 / land.restScale
                            border.color: Theme.mapHomeEdge
                        }
                    }
                }
            }
        }
        // A front or region of the step: a soft disc around it.
        Repeater {
            model: stage.discIndexes
            delegate: Rectangle {
                required property int modelData
                readonly property var place: stage.places[modelData] ?? ({ id: "", x: 0, y: 0 })
                readonly property real r: 28
                objectName: "disc-" + place.id
                visible: stage.isLit(place.id)
                x: place.x - r
                y: place.y - r
                width: 2 * r
                height: 2 * r
                radius: r
                color: Theme.mapRegionFill
                border.color: Theme.mapHalo
                border.width: 4 * stage.unit
                Rectangle {
                    anchors.fill: parent
                    anchors.margins: 1.5 * stage.unit
                    radius: width / 2
                    color: "transparent"
                    border.color: Theme.mapHighlight
                    border.width: 2 * stage.unit
                }
            }
        }
        // Roads and the railway, over a dark casing so they read on any ground.
        Repeater {
            model: stage.lineIndexes
            delegate: MapShape {
                required property int modelData
                readonly property var place: stage.places[modelData] ?? ({ id: "", kind: "", line: "" })
                readonly property bool lit: stage.isLit(place.id)
                path: place.line
                strokeColor: Theme.mapHalo
                strokeWidth: ((lit ? 4 : 2.5) + 3) * stage.unit
            }
        }
        Repeater {
            model: stage.lineIndexes
            delegate: MapShape {
                required property int modelData
                readonly property var place: stage.places[modelData] ?? ({ id: "", kind: "", line: "" })
                readonly property bool lit: stage.isLit(place.id)
                objectName: "line-" + place.id
                path: place.line
                strokeColor: lit ? Theme.mapHighlight : Theme.mapLine
                strokeWidth: (lit ? 4 : 2.5) * stage.unit
                dashed: place.kind === "railway"
                dashPattern: [2, 1.2]
            }
        }
        ConvergingArrows {
            objectName: "convergingArrows"
            width: stage.viewWidth
            height: stage.viewHeight
            visible: stage.convergeTo.length > 0
            origins: stage.convergeFrom.map(id => stage.pointOf(id))
            target: stage.pointOf(stage.convergeTo)
            unit: stage.unit
        }
    }

    PlaceLayer {
        id: placeLayer
        anchors.fill: parent
        mapId: MapBackend.mapId
        places: stage.places
        areas: MapBackend.areas
        highlighted: stage.highlighted
        selectedId: MapBackend.selectedPlace
        fitScale: stage.canvas.fitScale
        pixelScale: stage.canvas.pixelScale
        originX: stage.canvas.originX
        originY: stage.canvas.originY
        viewport: stage.canvas.settledRect
        settledScale: stage.canvas.settledScale
        reserved: stage.reserved.concat([stage.rectOf(legend), stage.rectOf(scaleBar), stage.rectOf(north)])
        onPlaceTapped: id => id.length > 0 ? MapBackend.selectPlace(id) : MapBackend.clearSelection()
    }

    ScaleBar {
        id: scaleBar
        objectName: "scaleBar"
        anchors.right: north.left
        anchors.rightMargin: stage.gap
        anchors.bottom: parent.bottom
        anchors.bottomMargin: stage.gap
        width: implicitWidth
        height: implicitHeight
        mapId: MapBackend.mapId
        viewport: stage.canvas.settledRect
        pixelScale: stage.canvas.pixelScale
        layoutScale: placeLayer.layoutScale
    }
    NorthArrow {
        id: north
        objectName: "northArrow"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: stage.gap
        width: implicitWidth
        height: implicitHeight
        mapId: MapBackend.mapId
        viewport: stage.canvas.settledRect
    }
    Legend {
        id: legend
        objectName: "mapLegend"
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: stage.gap
        maxWidth: stage.legendBeside ? Math.min(Math.round(420 * Theme.scale), stage.width * 0.4)
                                     : stage.width - 2 * stage.gap - scaleBar.width - north.width - 2 * stage.gap
        columns: stage.legendBeside ? 1 : 2
        mapId: MapBackend.mapId
        viewport: stage.canvas.settledRect
        highlighted: stage.highlighted
    }
}
