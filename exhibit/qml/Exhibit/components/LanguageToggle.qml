import QtQuick
import Exhibit
import Exhibit.Backend

// Always in reach: names the other language in that language's own words.
TouchButton {
    objectName: "languageToggle"
    text: UiBackend.toggleLabel
    icon: "swap"
    Accessible.description: UiBackend.strings.language_switch_hint
    onActivated: UiBackend.toggleLanguage()
}
