import QtQuick
import Exhibit
import Exhibit.Backend

// The fortress chapter's stage: the valley plan, movable, with the step's
// places highlighted and the view moving to them.
MapStage {
    id: stage

    viewWidth: MapBackend.viewBox[2]
    viewHeight: MapBackend.viewBox[3]
    focusRect: MapBackend.focus
    backdrop: Theme.mapPlanBackdrop
    shapes: MapBackend.shapes
    kind: "plan"
    // A step's places stay clear of the legend: on a wide stage it stands in
    // a column on the right, on a tall one it lies across the bottom.
    readonly property bool legendBeside: width >= height
    focusRight: legendBeside ? plan.legendWidth + 2 * plan.gap : 0
    focusBottom: legendBeside ? 0 : plan.legendHeight + 2 * plan.gap

    ValleyPlan {
        id: plan
        anchors.fill: parent
        legendColumns: stage.legendBeside ? 1 : 2
        places: MapBackend.places
        shapes: MapBackend.shapes
        strongholdStates: ({})
        paths: []
        highlighted: MapBackend.highlightedIds
        selectedId: MapBackend.selectedPlace
        pixelScale: stage.canvas.pixelScale
        originX: stage.canvas.originX
        originY: stage.canvas.originY
        viewport: stage.canvas.settledRect
        settledScale: stage.canvas.settledScale
        reserved: stage.reserved
        onPlaceTapped: id => id.length > 0 ? MapBackend.selectPlace(id) : MapBackend.clearSelection()
    }

    // The chapter's ending: the whole fortress lit under the claim it could not fall.
    FortressGlow {
        objectName: "fortressGlow"
        x: stage.canvas.originX
        y: stage.canvas.originY
        width: stage.viewWidth
        height: stage.viewHeight
        scale: stage.canvas.pixelScale
        transformOrigin: Item.TopLeft
        visible: StoryBackend.step.climax ?? false
        sectors: MapBackend.shapes.sectors ?? []
        strongholds: MapBackend.places.filter(p => p.kind === "stronghold" || p.kind === "command-post")
        unit: 1 / Math.max(1e-6, stage.canvas.pixelScale)
    }
}
