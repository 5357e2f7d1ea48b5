import QtQuick
import Exhibit

// Words quoted in history, set large as the high point of a step, with who
// said them: the claim a visitor should carry into the next chapter.
//
// Interface
//   required property string text   the quoted words, with their quotation marks
//   required property string by     who said them
Item {
    id: quote

    required property string text
    required property string by

    objectName: "pullQuote"
    visible: text.length > 0
    implicitHeight: column.implicitHeight + Theme.spacing

    Accessible.role: Accessible.StaticText
    Accessible.name: text + " – " + by

    Rectangle {
        id: rule
        x: 0
        y: Math.round(Theme.spacing * 0.5)
        width: Math.max(3, Math.round(6 * Theme.scale))
        height: column.implicitHeight
        radius: width / 2
        color: Theme.accent
    }

    Column {
        id: column
        anchors.left: rule.right
        anchors.leftMargin: Theme.spacing
        anchors.right: parent.right
        y: Math.round(Theme.spacing * 0.5)
        spacing: Math.round(Theme.spacing * 0.6)

        Text {
            objectName: "pullQuoteText"
            textFormat: Text.PlainText
            width: parent.width
            text: quote.text
            color: Theme.gold
            font.family: Theme.fontFamily
            font.pixelSize: Theme.quoteSize
            font.weight: Font.Bold
            font.italic: true
            lineHeight: 1.08
            wrapMode: Text.WordWrap
            Accessible.ignored: true
        }
        Text {
            objectName: "pullQuoteBy"
            textFormat: Text.PlainText
            width: parent.width
            text: "– " + quote.by
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            font.weight: Font.Medium
            wrapMode: Text.WordWrap
            Accessible.ignored: true
        }
    }
}
