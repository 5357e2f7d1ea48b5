pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// A chapter's stage in small, for its card: its map (MapPreview) or its clock
// (ClockPreview). A card loads it by its file name once the maps exist, so
// nothing of it is compiled before the title screen's first frame.
//
// Interface
//   property var chapter   StoryBackend.chapters[i] ({stage, placeIds, ...})
//   property bool play     let it move when shown
Item {
    id: preview

    property var chapter: ({ stage: "", placeIds: [] })
    property bool play: true

    Loader {
        anchors.fill: parent
        sourceComponent: preview.chapter.stage === "clock" ? clock
                       : preview.chapter.stage.length > 0 ? map : null
    }
    Component {
        id: map
        MapPreview {
            kind: preview.chapter.stage
            shapes: preview.chapter.stage === "geo" ? MapBackend.geoShapes : MapBackend.planShapes
            places: preview.chapter.stage === "geo" ? MapBackend.geoPlaces : MapBackend.planPlaces
            viewBox: preview.chapter.stage === "geo" ? MapBackend.geoViewBox : MapBackend.planViewBox
            litIds: preview.chapter.placeIds
            play: preview.play
        }
    }
    Component {
        id: clock
        ClockPreview {
            keyframes: ClockBackend.skyKeyframes
            play: preview.play
        }
    }
}
