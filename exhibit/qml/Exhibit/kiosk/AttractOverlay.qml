pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// The attract loop's veil: the real story plays underneath (the backend
// moves it from chapter to chapter and language to language) while a
// bilingual invitation pulses at the bottom. Any touch starts the exhibit.
Item {
    id: overlay

    readonly property var begin: ModeBackend.beginTexts

    Accessible.role: Accessible.Button
    Accessible.name: begin.join(" / ")
    // What any touch does: start the exhibit.
    Accessible.onPressAction: Assistive.touch()

    // Dim the exhibit a little so it reads as a preview, not as controls.
    Rectangle {
        anchors.fill: parent
        color: "#33000000"
    }

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: Math.max(parent.height * 0.42, invitation.height + 2 * Theme.margin + Theme.touchTarget)
        gradient: Gradient {
            GradientStop { position: 0.0; color: "#0015120e" }
            GradientStop { position: 0.45; color: "#d915120e" }
            GradientStop { position: 1.0; color: "#f515120e" }
        }
    }

    Column {
        id: invitation
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.margin * 1.5
        width: Math.min(parent.width - 2 * Theme.margin, 1400 * Theme.scale)
        spacing: Math.round(12 * Theme.scale)

        // A finger-sized dot with a ring that keeps widening: "touch here".
        Item {
            id: pulse
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.round(120 * Theme.scale)
            height: width

            Rectangle {
                id: ring
                anchors.centerIn: parent
                width: parent.width * 0.45
                height: width
                radius: width / 2
                color: "transparent"
                border.color: Theme.gold
                border.width: Math.max(2, Math.round(4 * Theme.scale))
                opacity: 0.9

                ParallelAnimation {
                    running: overlay.visible && !Theme.reducedMotion
                    loops: Animation.Infinite
                    NumberAnimation {
                        target: ring; property: "width"
                        from: pulse.width * 0.4; to: pulse.width
                        duration: 1600; easing.type: Easing.OutCubic
                    }
                    NumberAnimation {
                        target: ring; property: "opacity"
                        from: 0.95; to: 0.0
                        duration: 1600; easing.type: Easing.OutCubic
                    }
                }
            }
            Rectangle {
                anchors.centerIn: parent
                width: parent.width * 0.36
                height: width
                radius: width / 2
                color: Theme.accent
                border.color: Theme.text
                border.width: Math.max(2, Math.round(3 * Theme.scale))
            }
        }

        Text {
            objectName: "touchToBegin"
            textFormat: Text.PlainText
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: overlay.begin.length > 0 ? overlay.begin[0] : ""
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.displaySize
            font.weight: Font.Bold
            wrapMode: Text.WordWrap
        }
        Repeater {
            model: overlay.begin.slice(1)
            delegate: Text {
                required property string modelData
                objectName: "touchToBeginOther"
                textFormat: Text.PlainText
                width: invitation.width
                horizontalAlignment: Text.AlignHCenter
                text: modelData
                color: Theme.gold
                font.family: Theme.fontFamily
                font.pixelSize: Theme.headingSize
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
            }
        }
    }
}
