import QtQuick
import Exhibit

// A button a finger, a mouse and a keyboard can all use. Its name is read by
// screen readers; focus from the keyboard draws a visible ring.
Rectangle {
    id: button

    required property string text
    // A glyph of the bundled typeface drawn before the text ("‹", "›") ...
    property string iconText: ""
    // ... or a vector drawing (see Icon.qml: "home", "swap").
    property string icon: ""
    // Part of an overlay (the kiosk's notice, keypad): still read by a screen
    // reader while the story under it is covered.
    property bool overlay: false
    // The layer it is drawn in (Assistive: story, image viewer, overlay).
    property int readingLayer: overlay ? Assistive.overlayLayer : Assistive.storyLayer
    property bool primary: false
    property bool enabledState: true

    signal activated()

    implicitHeight: Theme.touchTarget
    implicitWidth: Math.max(Theme.touchTarget, row.implicitWidth + 2 * Theme.spacing)
    radius: height / 2
    opacity: enabledState ? 1.0 : 0.35
    color: primary ? Theme.accent : (tap.pressed ? Theme.surfaceRaised : Theme.surface)
    border.color: activeFocus ? Theme.focus : Theme.line
    border.width: activeFocus ? Math.max(3, Math.round(4 * Theme.scale)) : 1

    activeFocusOnTab: true
    Accessible.role: Accessible.Button
    Accessible.name: Assistive.spoken(text.length > 0 ? text : iconText)
    Accessible.onPressAction: Assistive.press(button.trigger)
    Accessible.ignored: readingLayer < Assistive.coveredBelow
    Keys.onReturnPressed: button.trigger()
    Keys.onEnterPressed: button.trigger()
    Keys.onSpacePressed: button.trigger()

    function trigger(): void {
        if (enabledState)
            activated()
    }

    Row {
        id: row
        anchors.centerIn: parent
        spacing: Math.round(10 * Theme.scale)

        Icon {
            visible: button.icon.length > 0
            name: button.icon
            color: button.primary ? Theme.accentText : Theme.text
            implicitWidth: Math.round(Theme.titleSize * 0.9)
            anchors.verticalCenter: parent.verticalCenter
        }
        Text {
            textFormat: Text.PlainText
            visible: button.iconText.length > 0
            text: button.iconText
            color: button.primary ? Theme.accentText : Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.weight: Font.DemiBold
            anchors.verticalCenter: parent.verticalCenter
        }
        Text {
            textFormat: Text.PlainText
            visible: button.text.length > 0
            text: button.text
            color: button.primary ? Theme.accentText : Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            font.weight: Font.Medium
            anchors.verticalCenter: parent.verticalCenter
        }
    }

    TapHandler {
        id: tap
        enabled: button.enabledState
        // Grab the press, like any button: otherwise a handler under the
        // button (a map, a card, a keypad's backdrop) would get the tap too.
        // A swipe that starts on the button can still take it over.
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: button.trigger()
    }
}
