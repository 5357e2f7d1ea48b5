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

    Binding { target: Theme; property: "scale"; value: Math.max(0.5, Math.min(window.width, window.height) / 1080) }
    Binding { target: Theme; property: "fontFamily"; value: UiBackend.fontFamily }
    Binding { target: Theme; property: "reducedMotion"; value: UiBackend.reducedMotion }

    Item {
        id: root
        objectName: "root"
        anchors.fill: parent
        focus: true

        Keys.onPressed: event => {
            switch (event.key) {
            case Qt.Key_Right:
            case Qt.Key_PageDown:
                StoryBackend.next(); event.accepted = true; break
            case Qt.Key_Left:
            case Qt.Key_PageUp:
                StoryBackend.previous(); event.accepted = true; break
            case Qt.Key_Home:
            case Qt.Key_Escape:
                StoryBackend.home(); event.accepted = true; break
            }
        }

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

        ChapterScreen {
            objectName: "chapterScreen"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: topBar.bottom
            anchors.bottom: navBar.top
            visible: !StoryBackend.onTitle
        }

        NavBar {
            id: navBar
            objectName: "navBar"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            visible: !StoryBackend.onTitle
        }
    }
}
