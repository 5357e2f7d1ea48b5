import QtQuick
import Exhibit
import Exhibit.Backend

// Everything a kiosk adds on top of the exhibit: the self-running tour while
// nobody is there, the "still there?" notice, and the staff keypad. The
// touches that dismiss them never reach the exhibit underneath (the backend
// swallows them before any item sees them).
Item {
    id: layer

    AttractOverlay {
        objectName: "attractOverlay"
        anchors.fill: parent
        visible: KioskBackend.idleState === "attract" && !KioskBackend.adminOpen
    }

    IdleNotice {
        objectName: "idleNotice"
        anchors.fill: parent
        visible: KioskBackend.idleState === "warning"
    }

    AdminKeypad {
        objectName: "adminKeypad"
        anchors.fill: parent
        visible: KioskBackend.adminOpen && KioskBackend.idleState !== "warning"
    }
}
