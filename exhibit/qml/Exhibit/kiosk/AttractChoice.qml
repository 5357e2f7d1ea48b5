import QtQuick
import Exhibit

// One of the attract loop's two large choices: a language by its own name,
// and "touch to begin" in it. The input filter reads `languageCode` under
// the first touch, so that touch both starts the exhibit and picks its
// language (it is swallowed before any handler here would see it).
//
// Interface
//   required property string languageCode   e.g. "en"
//   required property string name           the language's own name ("English")
//   required property string begin          "Touch to begin" in that language
//   property bool first                     the home language: drawn as the main choice
Rectangle {
    id: choice

    required property string languageCode
    required property string name
    required property string begin
    property bool first: false

    objectName: "attractLanguage-" + languageCode
    implicitWidth: Math.max(Math.round(420 * Theme.scale), words.implicitWidth + 2 * Theme.margin)
    implicitHeight: words.implicitHeight + 2 * Theme.spacing * 1.2
    radius: height / 2
    color: first ? Theme.accent : Theme.surfaceRaised
    border.color: first ? Theme.text : Theme.gold
    border.width: Math.max(2, Math.round(3 * Theme.scale))

    Accessible.role: Accessible.Button
    Accessible.name: name + " – " + begin

    Column {
        id: words
        anchors.centerIn: parent
        spacing: Math.round(4 * Theme.scale)

        Text {
            objectName: "attractLanguageName"
            anchors.horizontalCenter: parent.horizontalCenter
            textFormat: Text.PlainText
            text: choice.name
            color: choice.first ? Theme.accentText : Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.headingSize
            font.weight: Font.Bold
            Accessible.ignored: true
        }
        Text {
            objectName: "attractLanguageBegin"
            anchors.horizontalCenter: parent.horizontalCenter
            textFormat: Text.PlainText
            text: choice.begin
            color: choice.first ? Theme.accentText : Theme.gold
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            font.weight: Font.DemiBold
            Accessible.ignored: true
        }
    }
}
