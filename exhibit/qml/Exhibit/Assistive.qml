pragma Singleton
import QtQuick
import Exhibit.Backend

// What a screen reader may reach right now, and how its actions count.
// Main sets `coveredBelow`; every component that shows something to
// assistive technology reads it and presses through `press`.
QtObject {
    // The layers a screen reader may reach, from the bottom: the story (and
    // the top bar), a step's image opened over it, and the kiosk's overlays
    // (attract loop, idle notice, staff keypad) or a blanked projection.
    readonly property int storyLayer: 0
    readonly property int viewerLayer: 1
    readonly property int overlayLayer: 2

    // The layers under this one are covered by something that takes every
    // touch: their items leave the accessibility tree, as they have left the
    // visitor's reach, and only what covers them is read.
    property int coveredBelow: storyLayer
    readonly property bool storyCovered: coveredBelow > storyLayer

    // A screen reader's action counts as a touch, as a finger's does: it keeps
    // an idle kiosk awake, and if it only dismissed the attract loop or the
    // idle notice it does nothing else.
    function touch(): bool {
        return KioskBackend.touched("")
    }

    // An accessible press: the touch first, then `action` unless the touch
    // was used up.
    function press(action: var): void {
        if (!touch())
            action()
    }

    // What a screen reader is given of a visitor text: the words as the
    // content has them, without the invisible marks that only keep a name
    // whole on a line (a word joiner after a hyphen, see typography.py).
    function spoken(text: string): string {
        return text.replace(/\u2060/g, "")
    }
}
