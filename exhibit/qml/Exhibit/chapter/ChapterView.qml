import QtQuick
import Exhibit

// A chapter with its navigation bar along the bottom.
Item {
    ChapterScreen {
        objectName: "chapterScreen"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: navBar.top
    }

    NavBar {
        id: navBar
        objectName: "navBar"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
    }
}
