pragma Singleton
import QtQuick
import Exhibit.Backend

// What a screen reader may reach right now, and how its actions count.
// Main sets `storyCovered`; every component that shows something to
// assistive technology reads it and presses through `press`.
QtObject {
    // True while something that takes every touch covers the story (the
    // kiosk's attract loop, idle notice or staff keypad, or a blanked
    // projection): the story's items then leave the accessibility tree, as
    // they have left the visitor's reach, and only the overlay is read.
    property bool storyCovered: false

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
}
