import QtQuick
import Exhibit
import Exhibit.Backend

// The strip across the top of every screen: the way home, where you are, and
// the language toggle.
Item {
    id: bar

    required property bool showHome

    // Tall enough for the chapter's label and a title that wraps (portrait).
    implicitHeight: Math.max(Theme.touchTarget, heading.implicitHeight)
                    + 2 * Math.round(Theme.spacing * 0.8)

    TouchButton {
        id: homeButton
        objectName: "homeButton"
        visible: bar.showHome
        anchors.left: parent.left
        anchors.leftMargin: Theme.margin
        anchors.verticalCenter: parent.verticalCenter
        text: UiBackend.strings.home
        icon: "home"
        onActivated: StoryBackend.home()
    }

    Column {
        id: heading
        anchors.left: bar.showHome ? homeButton.right : parent.left
        anchors.leftMargin: bar.showHome ? Theme.spacing * 1.5 : Theme.margin
        anchors.right: toggle.left
        anchors.rightMargin: Theme.spacing
        anchors.verticalCenter: parent.verticalCenter
        visible: !StoryBackend.onTitle

        SpokenText {
            objectName: "chapterLabel"
            textFormat: Text.PlainText
            width: parent.width
            text: StoryBackend.chapterLabel
            color: Theme.gold
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 1.5 * Theme.scale
            wrapMode: Text.WordWrap
        }
        SpokenText {
            objectName: "chapterTitle"
            heading: true
            textFormat: Text.PlainText
            width: parent.width
            text: StoryBackend.chapterTitle
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            maximumLineCount: 2
        }
    }

    LanguageToggle {
        id: toggle
        anchors.right: parent.right
        anchors.rightMargin: Theme.margin
        anchors.verticalCenter: parent.verticalCenter
    }
}
