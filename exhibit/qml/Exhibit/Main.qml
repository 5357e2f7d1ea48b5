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

    // The kiosk's attract loop covers the whole window with a stage of its
    // own: what it covers is not drawn meanwhile.
    readonly property bool attracting: ModeBackend.kiosk && KioskBackend.idleState === "attract"
                                       && !KioskBackend.adminOpen
    Binding { target: Theme; property: "fontFamily"; value: UiBackend.fontFamily }
    Binding { target: Theme; property: "reducedMotion"; value: UiBackend.reducedMotion }

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
            visible: !window.attracting
        }

        TitleScreen {
            objectName: "titleScreen"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: topBar.bottom
            anchors.bottom: parent.bottom
            visible: StoryBackend.onTitle && !window.attracting
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
            visible: !StoryBackend.onTitle && !window.attracting
            source: "chapter/ChapterView.qml"
        }

        // A step's image, full screen, over everything but the kiosk's layer;
        // made when an image is first opened. It closes when the story moves
        // (a step, the idle reset).
        Loader {
            id: imageViewer
            objectName: "imageViewerLoader"
            anchors.fill: parent
            property var image: null
            readonly property string position: StoryBackend.chapterId + "/" + StoryBackend.stepIndex
            onPositionChanged: image = null
            active: image !== null
            source: "components/ImageViewer.qml"
            // The open picture takes the keys: Escape closes it, not the chapter.
            focus: active
            onLoaded: item.image = Qt.binding(() => imageViewer.image)
        }
        Connections {
            target: imageViewer.item
            ignoreUnknownSignals: true
            function onClosed(): void {
                imageViewer.image = null
                root.forceActiveFocus()
            }
        }
        Connections {
            target: chapterLoader.item
            ignoreUnknownSignals: true
            function onImageOpened(image: var): void { imageViewer.image = image }
        }

        // Kiosk only: the attract loop, the idle notice and the staff keypad.
        Loader {
            objectName: "kioskLayerLoader"
            anchors.fill: parent
            active: ModeBackend.kiosk
            source: "kiosk/KioskLayer.qml"
        }

        // Classroom: Ctrl+P saves the printed handout (loaded when first asked for).
        Loader {
            objectName: "handoutSaverLoader"
            anchors.fill: parent
            active: HandoutBackend.available && (HandoutBackend.requests > 0 || HandoutBackend.notice.length > 0)
            visible: active  // an empty layer must not stand over what a press finds (the input filter)
            source: "curator/HandoutSaver.qml"
        }

        // A curator's live preview (--watch): every problem of the saved
        // content, over the last valid version. Never in a kiosk.
        Loader {
            objectName: "previewOverlayLoader"
            anchors.fill: parent
            active: PreviewBackend.shown
            visible: active
            source: "curator/PreviewOverlay.qml"
        }

        // Presentation: B or . blacks out the projection (and back).
        Rectangle {
            objectName: "blankOverlay"
            anchors.fill: parent
            color: Theme.blank
            visible: ModeBackend.blanked
        }
    }
}
