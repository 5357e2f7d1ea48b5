pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Dialogs
import Exhibit
import Exhibit.Backend

// Classroom: Ctrl+P opens a save dialog on a handout file in the user's
// Documents folder, named in the current language; the backend writes the
// PDF and says where it went, in a short notice above the navigation.
Item {
    id: saver

    readonly property int requests: HandoutBackend.requests

    // Set after fileMode: a file that does not exist yet is a valid choice only when saving.
    function ask() {
        dialog.selectedFile = HandoutBackend.suggestedFile
        dialog.open()
    }

    onRequestsChanged: ask()
    Component.onCompleted: if (requests > 0) ask()  // loaded by the first request

    FileDialog {
        id: dialog
        objectName: "handoutDialog"
        title: HandoutBackend.dialogTitle
        fileMode: FileDialog.SaveFile
        defaultSuffix: "pdf"
        nameFilters: ["PDF (*.pdf)"]
        onAccepted: HandoutBackend.save(dialog.selectedFile.toString())
    }

    Rectangle {
        objectName: "handoutNotice"
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.touchTarget + Theme.margin
        width: Math.min(notice.implicitWidth + 2 * Theme.margin, saver.width - 2 * Theme.margin)
        height: notice.height + 2 * Theme.spacing
        radius: Theme.radius
        color: Theme.surfaceRaised
        border.color: Theme.gold
        border.width: 1
        visible: HandoutBackend.notice.length > 0

        Text {
            id: notice
            objectName: "handoutNoticeText"
            anchors.centerIn: parent
            width: Math.min(implicitWidth, saver.width - 4 * Theme.margin)
            horizontalAlignment: Text.AlignHCenter
            textFormat: Text.PlainText
            text: HandoutBackend.notice
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            wrapMode: Text.Wrap
        }
    }
}
