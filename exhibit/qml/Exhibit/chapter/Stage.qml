import QtQuick
import Exhibit
import Exhibit.Backend

// The picture side of a chapter: a map of Indochina, the plan of the valley,
// or the clock of 7 May 1954, as the chapter's content says.
Item {
    id: stage

    Loader {
        anchors.fill: parent
        sourceComponent: StoryBackend.stageKind === "clock" ? clockStage
                       : StoryBackend.stageKind === "geo" ? geoStage
                       : StoryBackend.stageKind === "plan" ? planStage : null
    }

    Component { id: geoStage; IndochinaMap {} }
    Component { id: planStage; ValleyMap {} }
    Component { id: clockStage; FinalDay {} }
}
