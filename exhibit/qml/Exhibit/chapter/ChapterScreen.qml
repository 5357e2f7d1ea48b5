pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// A chapter: the stage (map or clock) beside the step's label in landscape,
// above it in portrait. The stage takes the space a visitor looks at; the
// label column takes what it needs. A horizontal swipe on the label moves
// between steps. A tapped place is told in the label column (the map stays
// in view), with a way back to the step. The clock of the final day is the
// exhibit's centrepiece: its stage takes more of the width, keeps one size
// through the day in portrait, and its label is the event told beside it
// (EventPanel).
//
// Interface
//   signal imageOpened(var image)   a visitor tapped one of the step's images
Item {
    id: screen

    signal imageOpened(var image)

    readonly property bool portrait: height > width
    readonly property bool clock: StoryBackend.stageKind === "clock"
    readonly property bool placeOpen: (MapBackend.selectedCard.name ?? "").length > 0
    // Beside a map, a little more air between the map's edge and the label.
    readonly property real gutter: clock ? 0 : Theme.spacing
    // In portrait the label keeps to at most this much height, so the stage
    // never gets less than half the screen; it takes less when it needs less.
    readonly property real portraitColumn: Math.round(screen.height * 0.46)
    readonly property real columnNeeds: Math.max(panelLoader.implicitHeight,
                                                 placeOpen ? detail.implicitHeight : 0)

    Stage {
        id: stage
        objectName: "stage"
        x: Theme.margin
        y: 0
        width: screen.portrait ? screen.width - 2 * Theme.margin
                               : Math.round((screen.width - 2 * Theme.margin - screen.gutter)
                                            * (screen.clock ? 0.68 : 0.62))
        height: !screen.portrait ? screen.height
              : screen.clock ? Math.round(screen.height * 0.6)
              : Math.round(screen.height - Theme.margin - Math.min(screen.portraitColumn, screen.columnNeeds))
    }

    Item {
        id: labelArea
        objectName: "labelArea"
        // The swipe area: a region named by its step, for assistive technology.
        Accessible.role: Accessible.Pane
        Accessible.name: StoryBackend.step.title ?? ""
        x: screen.portrait ? Theme.margin : stage.x + stage.width + Theme.margin + screen.gutter
        y: screen.portrait ? stage.height + Theme.margin : 0
        width: screen.portrait ? screen.width - 2 * Theme.margin
                               : screen.width - x - Theme.margin
        height: screen.height - y

        Loader {
            id: panelLoader
            width: parent.width
            height: screen.clock ? parent.height : implicitHeight
            visible: !screen.placeOpen
            sourceComponent: screen.clock ? eventPanel : stepPanel
        }
        Component {
            id: stepPanel
            StepPanel {
                availableHeight: screen.portrait ? screen.portraitColumn : labelArea.height
                onImageOpened: image => screen.imageOpened(image)
            }
        }
        Component { id: eventPanel; EventPanel {} }

        PlaceDetail {
            id: detail
            width: parent.width
            visible: screen.placeOpen
            card: MapBackend.selectedCard
            onClosed: MapBackend.clearSelection()
        }

        DragHandler {
            id: swipe
            objectName: "swipeHandler"
            target: null
            xAxis.enabled: true
            yAxis.enabled: false

            // activeTranslation is zeroed when the drag ends, so measure the
            // gesture against where the persistent translation stood at its start.
            property real startX: 0
            readonly property real swipeThreshold: 80 * Theme.scale

            onActiveChanged: {
                if (active) {
                    startX = persistentTranslation.x
                    return
                }
                const dx = persistentTranslation.x - startX
                if (dx < -swipeThreshold)
                    StoryBackend.next()
                else if (dx > swipeThreshold)
                    StoryBackend.previous()
            }
        }
    }
}
