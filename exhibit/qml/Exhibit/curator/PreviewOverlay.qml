pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// A curator's live preview (--watch): the saved content is invalid, so the
// screen keeps the last valid version and this panel lists every problem,
// "file:line: field: what", as --check prints them. Docked where the step's
// text is not: low, above the navigation, in landscape (the text is beside
// the picture), over the picture in portrait. Never shown in a kiosk (the
// backend decides).
Item {
    id: overlay

    // In portrait the step's text is below the picture: the panel covers the picture instead.
    readonly property bool portrait: height > width

    Accessible.role: Accessible.AlertMessage
    Accessible.name: PreviewBackend.heading

    Rectangle {
        id: panel
        objectName: "previewPanel"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: overlay.portrait ? parent.top : undefined
        anchors.bottom: overlay.portrait ? undefined : parent.bottom
        anchors.leftMargin: Theme.margin * 0.5
        anchors.rightMargin: Theme.margin * 0.5
        anchors.topMargin: Theme.touchTarget + Theme.spacing * 2
        anchors.bottomMargin: Theme.touchTarget + Theme.margin
        height: Math.min(header.height + list.contentHeight + 3 * Theme.spacing,
                         overlay.height * 0.45)
        radius: Theme.radius
        color: Theme.problemPanel
        border.color: Theme.problemEdge
        border.width: Math.max(2, Math.round(3 * Theme.scale))

        // Clicks and the wheel stay on the panel (the list scrolls).
        MouseArea { anchors.fill: parent; acceptedButtons: Qt.AllButtons }

        Column {
            id: header
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.spacing
            spacing: Math.round(Theme.spacing / 3)

            Text {
                objectName: "previewHeading"
                width: parent.width
                textFormat: Text.PlainText
                text: PreviewBackend.heading
                color: Theme.problemEdge
                font.family: Theme.fontFamily
                font.pixelSize: Theme.labelSize
                font.weight: Font.Bold
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "previewHint"
                width: parent.width
                textFormat: Text.PlainText
                text: PreviewBackend.hint
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                wrapMode: Text.WordWrap
            }
        }

        ListView {
            id: list
            objectName: "previewProblems"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: header.bottom
            anchors.bottom: parent.bottom
            anchors.margins: Theme.spacing
            clip: true
            spacing: Math.round(Theme.spacing / 4)
            boundsBehavior: Flickable.StopAtBounds
            model: PreviewBackend.problems
            delegate: Text {
                required property string modelData
                objectName: "previewProblem"
                width: ListView.view.width
                textFormat: Text.PlainText
                text: modelData
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                wrapMode: Text.Wrap
            }
        }
    }
}
