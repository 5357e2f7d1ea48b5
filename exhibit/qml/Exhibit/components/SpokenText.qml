import QtQuick
import Exhibit

// A text a visitor reads, which a screen reader reads out too: exposed with
// the same words, as a heading (`heading: true`: a screen reader can jump
// from heading to heading) or as static text, in the order the items are
// declared. Its locale is the application's, which follows the language.
// Drawn exactly as a Text; ornaments that are not words stay plain Text.
Text {
    property bool heading: false
    // Part of an overlay (the kiosk's notice, keypad): still read while the
    // story under it is covered.
    property bool overlay: false
    // The layer it is drawn in (Assistive: story, image viewer, overlay).
    property int readingLayer: overlay ? Assistive.overlayLayer : Assistive.storyLayer

    textFormat: Text.PlainText
    Accessible.role: heading ? Accessible.Heading : Accessible.StaticText
    Accessible.name: Assistive.spoken(text)
    Accessible.ignored: readingLayer < Assistive.coveredBelow
}
