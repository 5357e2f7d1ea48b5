import QtQuick
import Exhibit

// One chapter on the title screen: its number, title and one line about it.
Rectangle {
    id: card

    required property string chapterId
    required property string label
    required property string title
    required property string intro
    required property int number

    signal chosen()

    objectName: "chapterCard-" + chapterId
    radius: Theme.radius
    color: tap.pressed ? Theme.surfaceRaised : Theme.surface
    border.color: activeFocus ? Theme.focus : Theme.line
    border.width: activeFocus ? Math.max(3, Math.round(4 * Theme.scale)) : 1
    implicitHeight: content.implicitHeight + numeral.height + 3 * Theme.spacing * 1.5

    activeFocusOnTab: true
    Accessible.role: Accessible.Button
    Accessible.name: label + ": " + title
    Accessible.description: intro
    Accessible.onPressAction: Assistive.press(card.chosen)
    Accessible.ignored: Assistive.storyCovered
    Keys.onReturnPressed: card.chosen()
    Keys.onEnterPressed: card.chosen()
    Keys.onSpacePressed: card.chosen()

    Column {
        id: content
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacing * 1.5
        spacing: Math.round(10 * Theme.scale)

        Text {
            textFormat: Text.PlainText
            width: parent.width
            text: card.label
            color: Theme.gold
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 1.5 * Theme.scale
            wrapMode: Text.WordWrap
        }
        Text {
            textFormat: Text.PlainText
            width: parent.width
            text: card.title
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.weight: Font.Bold
            wrapMode: Text.WordWrap
        }
        Text {
            textFormat: Text.PlainText
            width: parent.width
            text: card.intro
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            lineHeight: 1.25
            wrapMode: Text.WordWrap
        }
    }

    // The chapter's number, large and quiet, and a cue that the card opens.
    Text {
        id: numeral
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing * 1.5
        text: card.number
        textFormat: Text.PlainText
        color: Theme.line
        font.family: Theme.fontFamily
        font.pixelSize: Theme.displaySize * 1.4
        font.weight: Font.Bold
        Accessible.ignored: true
    }
    Rectangle {
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing * 1.5
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
