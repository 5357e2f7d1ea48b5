pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// One chapter on the title screen: a live preview of its stage (its map or
// its clock) beside its emblem, number, title and one line about it. The
// whole card opens the chapter.
//
// Interface
//   required property var chapter   {id, number, label, title, intro, emblem,
//                                   stage, placeIds} (StoryBackend.chapters[i])
//   property bool play              let the preview move when shown
//   signal chosen()
Rectangle {
    id: card

    required property var chapter
    property bool play: true

    signal chosen()

    objectName: "chapterCard-" + chapter.id
    radius: Theme.radius
    color: tap.pressed ? Theme.surfaceRaised : Theme.surface
    border.color: activeFocus ? Theme.focus : Theme.line
    border.width: activeFocus ? Math.max(3, Math.round(4 * Theme.scale)) : 1
    clip: true
    implicitHeight: Math.max(words.implicitHeight + 2 * pad, Math.round(160 * Theme.scale))

    readonly property real pad: Theme.spacing
    // The preview takes the card's left part, the same on every card.
    readonly property real previewWidth: Math.round(width * 0.28)

    activeFocusOnTab: true
    Accessible.role: Accessible.Button
    Accessible.name: chapter.label + ": " + chapter.title
    Accessible.description: chapter.intro
    Accessible.onPressAction: card.chosen()
    Keys.onReturnPressed: card.chosen()
    Keys.onEnterPressed: card.chosen()
    Keys.onSpacePressed: card.chosen()

    // The chapter's stage in small: made once the chapters' backends exist
    // (just after the title screen's first frame).
    Item {
        id: previewArea
        objectName: "chapterPreview-" + card.chapter.id
        x: 1
        y: 1
        width: card.previewWidth
        height: card.height - 2
        clip: true

        Rectangle {
            anchors.fill: parent
            color: Theme.surfaceRaised
        }
        Loader {
            id: previewLoader
            anchors.fill: parent
            // Never drawn at no size (a clock's dial is cached as an image of its size).
            source: UiBackend.chaptersReady && previewArea.width > 1 && previewArea.height > 1
                    ? "ChapterPreview.qml" : ""
        }
        Binding { target: previewLoader.item; property: "chapter"; value: card.chapter; when: previewLoader.item !== null }
        Binding { target: previewLoader.item; property: "play"; value: card.play; when: previewLoader.item !== null }
    }

    Image {
        id: emblem
        objectName: "chapterEmblem"
        anchors.left: previewArea.right
        anchors.leftMargin: card.pad
        anchors.verticalCenter: parent.verticalCenter
        visible: card.chapter.emblem.length > 0
        source: card.chapter.emblem
        width: visible ? Math.round(64 * Theme.scale) : 0
        height: width
        sourceSize.width: width * 2
        sourceSize.height: height * 2
        asynchronous: true
        Accessible.ignored: true
    }

    Column {
        id: words
        anchors.left: emblem.right
        anchors.leftMargin: emblem.visible ? card.pad : 0
        anchors.right: go.left
        anchors.rightMargin: Theme.spacing
        anchors.verticalCenter: parent.verticalCenter
        spacing: Math.round(6 * Theme.scale)

        Text {
            textFormat: Text.PlainText
            width: parent.width
            text: card.chapter.label
            color: Theme.gold
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 1.5 * Theme.scale
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "chapterCardTitle"
            textFormat: Text.PlainText
            width: parent.width
            text: card.chapter.title
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.weight: Font.Bold
            lineHeight: 1.05
            wrapMode: Text.WordWrap
        }
        Text {
            textFormat: Text.PlainText
            width: parent.width
            text: card.chapter.intro
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            lineHeight: 1.15
            wrapMode: Text.WordWrap
        }
    }

    // A cue that the card opens.
    Rectangle {
        id: go
        anchors.right: parent.right
        anchors.rightMargin: card.pad
        anchors.verticalCenter: parent.verticalCenter
        width: Theme.touchTarget
        height: width
        radius: width / 2
        color: Theme.accent
        Accessible.ignored: true
        Text {
            anchors.centerIn: parent
            text: "›"
            textFormat: Text.PlainText
            color: Theme.accentText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.headingSize
            font.weight: Font.Bold
        }
    }

    TapHandler {
        id: tap
        onTapped: card.chosen()
    }
}
