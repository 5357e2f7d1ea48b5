pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// A chapter: the stage (map or clock) beside the step's label in landscape,
// above it in portrait. A horizontal swipe on the label moves between steps.
// The clock of the final day is the exhibit's centrepiece: its stage takes
// more of the width, and its label is the event told beside it (EventPanel).
Item {
    id: screen

    readonly property bool portrait: height > width
    readonly property bool clock: StoryBackend.stageKind === "clock"

    Item {
        id: labelArea
        objectName: "labelArea"
        // Declared before the stage so that a screen reader reads the step
        // before the picture; drawn above it, as before.
        z: 1
        // The swipe area: a region named by its step, for assistive technology.
        Accessible.role: Accessible.Pane
        Accessible.name: StoryBackend.step.title ?? ""
        Accessible.ignored: Assistive.storyCovered
        x: screen.portrait ? Theme.margin : stage.x + stage.width + Theme.margin
        y: screen.portrait ? stage.height + Theme.margin : 0
        width: screen.portrait ? screen.width - 2 * Theme.margin
                               : screen.width - x - Theme.margin
        height: screen.height - y

        Loader {
            id: panelLoader
            width: parent.width
            height: screen.clock ? parent.height : implicitHeight
            sourceComponent: screen.clock ? eventPanel : stepPanel
        }
        Component { id: stepPanel; StepPanel {} }
        Component { id: eventPanel; EventPanel {} }

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

    Stage {
        id: stage
        objectName: "stage"
        x: Theme.margin
        y: 0
        width: screen.portrait ? screen.width - 2 * Theme.margin
                               : Math.round((screen.width - 2 * Theme.margin) * (screen.clock ? 0.68 : 0.58))
        // In portrait the stage takes what the step's label leaves, between
        // two fifths and a little over half of the height; the clock keeps
        // one size through the day, so it does not jump from step to step.
        height: !screen.portrait ? screen.height
              : screen.clock ? Math.round(screen.height * 0.52)
              : Math.round(Math.max(screen.height * 0.4,
                                    Math.min(screen.height * 0.56,
                                             screen.height - Theme.margin - panelLoader.implicitHeight)))
    }
}
