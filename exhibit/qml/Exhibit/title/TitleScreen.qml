pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// The exhibit's name, its picture and its three chapters. In landscape the
// name and the chapters share the left half and the picture takes the right;
// in portrait the picture spans the screen under the name, the chapters
// below it.
Item {
    id: screen

    // Side by side only where the screen is clearly wider than tall.
    readonly property bool portrait: width < height * 1.25
    readonly property real leftWidth: portrait ? width - 2 * Theme.margin
                                               : Math.round((width - 2 * Theme.margin) * 0.54)

    Column {
        id: heading
        x: Theme.margin
        y: screen.portrait ? Theme.margin : 0
        width: screen.leftWidth
        spacing: Math.round(Theme.spacing * 0.8)

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
            lineHeight: 1.0
            wrapMode: Text.WordWrap
        }
        Rectangle { width: 120 * Theme.scale; height: Math.round(6 * Theme.scale); color: Theme.accent }
        SpokenText {
            objectName: "exhibitSubtitle"
            textFormat: Text.PlainText
            width: parent.width
            text: UiBackend.subtitle
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize
            lineHeight: 1.15
            wrapMode: Text.WordWrap
        }
    }

    // The picture: made once the maps exist, just after the first frame.
    Rectangle {
        id: heroFrame
        objectName: "heroFrame"
        x: screen.portrait ? Theme.margin : Theme.margin + screen.leftWidth + Theme.margin
        y: screen.portrait ? heading.y + heading.implicitHeight + Theme.spacing * 1.5 : 0
        width: screen.width - x - Theme.margin
        // In portrait, what the chapters leave, up to 36% of the screen; on a
        // screen too short for a picture worth the name, none.
        readonly property real portraitHeight: Math.min(Math.round(screen.height * 0.36),
            screen.height - y - choices.needed - Math.round(Theme.spacing * 1.5) - Theme.margin)
        visible: !screen.portrait || portraitHeight >= Math.round(160 * Theme.scale)
        height: screen.portrait ? (visible ? portraitHeight : 0) : screen.height - Theme.margin
        radius: Theme.radius
        color: Theme.mapSea
        border.color: Theme.line
        clip: true

        Loader {
            id: heroLoader
            anchors.fill: parent
            anchors.margins: 1
            source: UiBackend.chaptersReady && heroFrame.visible && heroFrame.height > 2
                    ? "StoryPicture.qml" : ""
        }
        Binding { target: heroLoader.item; property: "play"; value: screen.visible; when: heroLoader.item !== null }
    }

    Column {
        id: choices
        x: Theme.margin
        y: screen.portrait && heroFrame.visible ? heroFrame.y + heroFrame.height + Math.round(Theme.spacing * 1.5)
                                                : heading.y + heading.implicitHeight + Math.round(Theme.spacing * 1.5)
        width: screen.leftWidth
        spacing: Math.round(Theme.spacing * 0.8)

        readonly property real room: screen.height - y - Theme.margin - choose.height - spacing
        // The height the chapters need at the least: the words of each card.
        readonly property real needed: {
            let total = choose.implicitHeight
            for (let i = 0; i < cards.count; ++i)
                total += spacing + (cards.itemAt(i)?.implicitHeight ?? 0)
            return total
        }

        SpokenText {
            id: choose
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

        Repeater {
            id: cards
            // Counted, not held: a new language renames the cards in place
            // instead of making them (and their previews) again.
            model: StoryBackend.chapters.length
            delegate: ChapterCard {
                required property int index
                width: choices.width
                // The cards share what the heading leaves, never shorter than their words.
                height: Math.max(implicitHeight,
                                 (choices.room - (cards.count - 1) * choices.spacing) / Math.max(1, cards.count))
                chapter: StoryBackend.chapters[index] ?? ({ id: "", label: "", title: "", intro: "",
                                                            emblem: "", stage: "", placeIds: [] })
                play: screen.visible
                onChosen: StoryBackend.openChapter(chapter.id)
            }
        }
    }
}
