import QtQuick
import QtQuick.Window
import Exhibit
import Exhibit.Backend

// The exhibit's window: the top bar on every screen, then the title screen or
// the current chapter with its navigation.
Window {
    id: window

    objectName: "exhibitWindow"
    visible: false
    color: Theme.background
    title: UiBackend.title
    minimumWidth: 640
    minimumHeight: 480

    // A kiosk cannot be closed by visitors; staff leave through the PIN keypad.
    onClosing: close => { close.accepted = ModeBackend.allowClose }

    property bool firstFrameShown: false

    Connections {
        target: window
        enabled: !window.firstFrameShown
        function onFrameSwapped() {
            window.firstFrameShown = true
            UiBackend.prepareChapters()
        }
    }

    Binding { target: Theme; property: "scale"; value: Math.max(0.5, Math.min(window.width, window.height) / 1080) }
    Binding { target: Theme; property: "fontFamily"; value: UiBackend.fontFamily }
    Binding { target: Theme; property: "reducedMotion"; value: UiBackend.reducedMotion }
    Binding {
        target: Assistive
        property: "storyCovered"
        value: ((kioskLayer.item as KioskLayer)?.covering ?? false) || ModeBackend.blanked
    }

    Item {
        id: root
        objectName: "root"
        anchors.fill: parent
        focus: true

        // What a key does depends on the mode (classroom, kiosk, presentation):
        // the backend decides, and swallows the keys a kiosk must ignore.
        Keys.onPressed: event => { event.accepted = ModeBackend.handleKey(event.key, event.modifiers) }

        TopBar {
            id: topBar
            objectName: "topBar"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            showHome: !StoryBackend.onTitle
        }

        TitleScreen {
            objectName: "titleScreen"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: topBar.bottom
            anchors.bottom: parent.bottom
            visible: StoryBackend.onTitle
        }

        // The chapters are compiled only after the title screen's first frame
        // (or at once when the exhibit opens on a chapter), to keep start-up
        // close to that of a bare Qt Quick window.
        Loader {
            id: chapterLoader
            objectName: "chapterLoader"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: topBar.bottom
            anchors.bottom: parent.bottom
            active: UiBackend.chaptersReady
            visible: !StoryBackend.onTitle
            source: "chapter/ChapterView.qml"
        }

        // Kiosk only: the attract loop, the idle notice and the staff keypad.
        Loader {
            id: kioskLayer
            objectName: "kioskLayerLoader"
            anchors.fill: parent
            active: ModeBackend.kiosk
            source: "kiosk/KioskLayer.qml"
        }

        // Presentation: B or . blacks out the projection (and back).
        Rectangle {
            objectName: "blankOverlay"
            anchors.fill: parent
            color: "#000000"
            visible: ModeBackend.blanked
        }
    }
}
