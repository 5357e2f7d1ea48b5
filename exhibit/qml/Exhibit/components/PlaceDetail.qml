import QtQuick
import Exhibit
import Exhibit.Backend

// A tapped place, told in the text column beside the map (which stays in
// view): the way back to the step, the place's name, what happened there and
// the source.
//
// Interface
//   required property var card   {name, info, source} in the current language
//                                (MapBackend.selectedCard); {} shows nothing
//   signal closed()              back to the step
Item {
    id: detail

    required property var card
    signal closed()

    objectName: "placeCard"
    implicitHeight: column.implicitHeight

    Accessible.role: Accessible.Pane
    Accessible.name: card.name ?? ""

    Column {
        id: column
        width: detail.width
        spacing: Theme.spacing

        TouchButton {
            objectName: "placeCardClose"
            text: UiBackend.strings.back_to_step
            iconText: "‹"
            onActivated: detail.closed()
        }
        Text {
            textFormat: Text.PlainText
            width: parent.width
            text: UiBackend.strings.places_label
            color: Theme.gold
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 1.5 * Theme.scale
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "placeCardName"
            textFormat: Text.PlainText
            width: parent.width
            text: detail.card.name ?? ""
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.headingSize
            font.weight: Font.Bold
            lineHeight: 1.1
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "placeCardInfo"
            textFormat: Text.PlainText
            width: parent.width
            text: detail.card.info ?? ""
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize
            lineHeight: 1.3
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "placeCardSource"
            textFormat: Text.PlainText
            width: parent.width
            text: UiBackend.strings.source_label + ": " + (detail.card.source ?? "")
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.italic: true
            wrapMode: Text.WordWrap
        }
    }
}
