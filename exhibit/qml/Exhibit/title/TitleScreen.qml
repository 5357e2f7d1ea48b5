pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// The exhibit's name and its three chapters.
Item {
    id: screen

    readonly property bool portrait: height > width

    Column {
        id: heading
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.margin
        anchors.topMargin: screen.portrait ? Theme.margin * 2 : Theme.margin
        spacing: Theme.spacing

        SpokenText {
            objectName: "exhibitTitle"
            heading: true
            textFormat: Text.PlainText
            width: parent.width
            text: UiBackend.title
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.displaySize
            font.weight: Font.Bold
            wrapMode: Text.WordWrap
        }
        SpokenText {
            objectName: "exhibitSubtitle"
            textFormat: Text.PlainText
            width: parent.width
            text: UiBackend.subtitle
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            wrapMode: Text.WordWrap
        }
        Rectangle { width: 120 * Theme.scale; height: Math.round(6 * Theme.scale); color: Theme.accent }
        SpokenText {
            objectName: "chooseChapter"
            textFormat: Text.PlainText
            width: parent.width
            text: UiBackend.strings.choose_chapter
            color: Theme.gold
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
        }
    }

    Grid {
        id: cards
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: heading.bottom
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        anchors.topMargin: Theme.margin * 1.5
        columns: screen.portrait ? 1 : 3
        spacing: Theme.spacing * 1.5

        readonly property int rowCount: Math.ceil(StoryBackend.chapters.length / columns)

        Repeater {
            model: StoryBackend.chapters
            delegate: ChapterCard {
                required property var modelData
                width: (cards.width - (cards.columns - 1) * cards.spacing) / cards.columns
                // The cards share the screen below the title, never shorter than their words.
                height: Math.max(implicitHeight,
                                 (cards.height - (cards.rowCount - 1) * cards.spacing) / cards.rowCount)
                number: modelData.number
                chapterId: modelData.id
                label: modelData.label
                title: modelData.title
                intro: modelData.intro
                onChosen: StoryBackend.openChapter(modelData.id)
            }
        }
    }
}
