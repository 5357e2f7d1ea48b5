import QtQuick
import Exhibit

// A chapter with its navigation bar along the bottom.
//
// Interface
//   signal imageOpened(var image)   a visitor tapped one of the step's images
Item {
    id: view

    signal imageOpened(var image)

    ChapterScreen {
        objectName: "chapterScreen"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: navBar.top
        onImageOpened: image => view.imageOpened(image)
    }

    NavBar {
        id: navBar
        objectName: "navBar"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
    }
}
