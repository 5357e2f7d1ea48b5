pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// The offensive chapter's stage: Indochina with every front the source names.
// Vietnam, Laos and Cambodia are lighter than their neighbours; the step's
// places are highlighted and the view moves gently to them.
MapStage {
    id: stage

    readonly property var highlighted: StoryBackend.step.placeIds ?? []
    // One screen pixel in view units, in steps of 2^(1/2) (see ValleyPlan).
    readonly property real unit: 1 / (canvas.fitScale * Math.pow(2, Math.floor(Math.log(canvas.zoom) / Math.LN2 * 2 + 1e-6) / 2))

    viewWidth: MapBackend.viewBox[2]
    viewHeight: MapBackend.viewBox[3]
    focusRect: MapBackend.focus
    backdrop: "#16222b"

    function isLit(id: string): bool { return highlighted.indexOf(id) >= 0 }

    Item {
        id: drawing
        x: stage.canvas.originX
        y: stage.canvas.originY
        width: stage.viewWidth
        height: stage.viewHeight
        scale: stage.canvas.pixelScale
        transformOrigin: Item.TopLeft

        Repeater {
            model: MapBackend.shapes.countries ?? []
            delegate: MapShape {
                required property var modelData
                objectName: "country-" + modelData.id
                path: modelData.path
                fillColor: modelData.focus ? "#5a4f3e" : "#2d2922"
                strokeColor: modelData.focus ? "#8d7d62" : "#48413a"
                strokeWidth: (modelData.focus ? 1.5 : 1) * stage.unit
            }
        }
        // A front or region of the step: a soft disc around it.
        Repeater {
            model: MapBackend.places
            delegate: Rectangle {
                required property var modelData
                readonly property real r: 28
                visible: (modelData.kind === "region" || modelData.kind === "front")
                         && stage.isLit(modelData.id)
                x: modelData.x - r
                y: modelData.y - r
                width: 2 * r
                height: 2 * r
                radius: r
                color: Qt.rgba(0.91, 0.73, 0.29, 0.18)
                border.color: Theme.gold
                border.width: 1.5 * stage.unit
            }
        }
        Repeater {
            model: MapBackend.places.filter(p => p.line.length > 0)
            delegate: MapShape {
                required property var modelData
                readonly property bool lit: stage.isLit(modelData.id)
                objectName: "line-" + modelData.id
                path: modelData.line
                strokeColor: lit ? Theme.gold : "#c9bba2"
                strokeWidth: (lit ? 4 : 2.5) * stage.unit
                dashed: modelData.kind === "railway"
                dashPattern: [2, 1.2]
            }
        }
    }

    PlaceLayer {
        anchors.fill: parent
        mapId: MapBackend.mapId
        places: MapBackend.places
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
