import QtQuick
import Exhibit
import Exhibit.Backend

// The card of a tapped place: its name, what happened there, and the source,
// in the current language, with a button to close it. It takes every press
// on it, so nothing under it reacts.
Rectangle {
    id: placeCard

    required property var card
    signal closed()

    objectName: "placeCard"
    visible: (placeCard.card.name ?? "").length > 0
    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.gold
    border.width: Math.max(1, Math.round(2 * Theme.scale))

    Accessible.role: Accessible.Dialog
    Accessible.name: placeCard.card.name ?? ""
    Accessible.ignored: Assistive.storyCovered

    MouseArea {
        anchors.fill: parent
        // Swallows presses and drags so the map under the card stays put.
    }

    Column {
        id: column
        x: Theme.spacing
        y: Theme.spacing
        width: placeCard.width - 2 * Theme.spacing
        spacing: Math.round(Theme.spacing * 0.6)

        Item {
            width: parent.width
            height: Math.max(name.implicitHeight, closeButton.height)

            SpokenText {
                id: name
                objectName: "placeCardName"
                heading: true
                textFormat: Text.PlainText
                anchors.left: parent.left
                anchors.right: closeButton.left
                anchors.rightMargin: Theme.spacing
                anchors.verticalCenter: parent.verticalCenter
                text: placeCard.card.name ?? ""
                color: Theme.gold
                font.family: Theme.fontFamily
                font.pixelSize: Theme.titleSize
                font.weight: Font.Bold
                wrapMode: Text.WordWrap
            }
            TouchButton {
                id: closeButton
                objectName: "placeCardClose"
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                text: UiBackend.strings.close
                onActivated: placeCard.closed()
            }
        }
        SpokenText {
            objectName: "placeCardInfo"
            width: parent.width
            text: placeCard.card.info ?? ""
            textFormat: Text.PlainText
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            lineHeight: 1.25
            wrapMode: Text.WordWrap
        }
        SpokenText {
            objectName: "placeCardSource"
            textFormat: Text.PlainText
            width: parent.width
            text: UiBackend.strings.source_label + ": " + (placeCard.card.source ?? "")
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.italic: true
            wrapMode: Text.WordWrap
        }
    }
}
