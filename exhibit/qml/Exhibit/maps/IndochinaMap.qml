pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// The offensive chapter's stage: Indochina with every front the source names.
// Vietnam, Laos and Cambodia are lighter than their neighbours; the step's
// places are highlighted and the view moves gently to them.
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

    viewWidth: MapBackend.viewBox[2]
    viewHeight: MapBackend.viewBox[3]
    focusRect: MapBackend.focus
    backdrop: Theme.sea

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

    Item {
        id: drawing
        x: stage.canvas.originX
        y: stage.canvas.originY
        width: stage.viewWidth
        height: stage.viewHeight
        scale: stage.canvas.pixelScale
        transformOrigin: Item.TopLeft

        // The land: a picture no step redraws (see MapPicture).
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
                    fillColor: modelData.focus ? Theme.countryFocus : Theme.country
                    strokeColor: modelData.focus ? Theme.countryFocusEdge : Theme.countryEdge
                    strokeWidth: (modelData.focus ? 1.5 : 1) / land.restScale
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
                color: Theme.highlightHalo
                border.color: Theme.gold
                border.width: 1.5 * stage.unit
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
                strokeColor: lit ? Theme.gold : Theme.route
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
        anchors.fill: parent
        mapId: MapBackend.mapId
        places: stage.places
        highlighted: stage.highlighted
        selectedId: MapBackend.selectedPlace
        fitScale: stage.canvas.fitScale
        pixelScale: stage.canvas.pixelScale
        originX: stage.canvas.originX
        originY: stage.canvas.originY
        viewport: stage.canvas.settledRect
        settledScale: stage.canvas.settledScale
        reserved: stage.reserved
        onPlaceTapped: id => id.length > 0 ? MapBackend.selectPlace(id) : MapBackend.clearSelection()
    }
}
