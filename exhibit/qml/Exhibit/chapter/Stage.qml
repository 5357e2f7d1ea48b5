import QtQuick
import Exhibit
import Exhibit.Backend

// The picture side of a chapter: the map or the clock. Until a chapter has
// its own, it shows the chapter's number large, as a quiet backdrop.
Rectangle {
    id: stage

    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.line

    Text {
        anchors.centerIn: parent
        text: StoryBackend.chapterNumber > 0 ? StoryBackend.chapterNumber : ""
        color: Theme.line
        font.family: Theme.fontFamily
        font.pixelSize: Math.min(stage.width, stage.height) * 0.5
        font.weight: Font.Bold
        Accessible.ignored: true
    }
}
