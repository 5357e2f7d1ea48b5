pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// "Still there?": asked in the current language, large, and in the other
// language below, with a countdown of at least 20 seconds (WCAG 2.2.1).
// A touch anywhere dismisses it; the backend swallows that touch so it does
// not also press what lies under the notice.
Item {
    id: notice

    readonly property var texts: KioskBackend.noticeTexts
    readonly property var first: texts.length > 0 ? texts[0] : ({ title: "", body: "", action: "" })
    readonly property var others: texts.slice(1)

    Accessible.role: Accessible.AlertMessage
    Accessible.name: first.title
    Accessible.description: first.body

    onVisibleChanged: if (visible) appear.restart()

    NumberAnimation {
        id: appear
        target: card
        property: "opacity"
        from: Theme.reducedMotion ? 1 : 0
        to: 1
        duration: Theme.gentle
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.scrim
    }

    Rectangle {
        id: card
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 1040 * Theme.scale)
        height: content.height + 2 * Theme.margin
        radius: Theme.radius * 1.5
        color: Theme.surface
        border.color: Theme.line
        border.width: 1

        Column {
            id: content
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.margin
            spacing: Theme.spacing

            Row {
                width: parent.width
                spacing: Theme.margin * 0.75

                // The seconds left, large enough to read from a few steps away.
                Rectangle {
                    id: dial
                    width: Math.round(150 * Theme.scale)
                    height: width
                    radius: width / 2
                    color: Theme.background
                    border.color: Theme.accent
                    border.width: Math.max(3, Math.round(8 * Theme.scale))

                    Text {
                        objectName: "idleCountdown"
                        textFormat: Text.PlainText
                        anchors.centerIn: parent
                        text: KioskBackend.secondsLeft
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.displaySize
                        font.weight: Font.Bold
                        font.features: { "tnum": 1 }
                    }
                }

                Column {
                    width: parent.width - dial.width - parent.spacing
                    anchors.verticalCenter: dial.verticalCenter
                    spacing: Math.round(10 * Theme.scale)

                    Text {
                        objectName: "idleTitle"
                        textFormat: Text.PlainText
                        width: parent.width
                        text: notice.first.title
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.headingSize
                        font.weight: Font.Bold
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        objectName: "idleBody"
                        textFormat: Text.PlainText
                        width: parent.width
                        text: notice.first.body
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.bodySize
                        lineHeight: 1.2
                        wrapMode: Text.WordWrap
                    }
                }
            }

            // Time running out, as a bar that shrinks smoothly between the
            // once-a-second updates (the animation runs in the scene graph).
            Rectangle {
                width: parent.width
                height: Math.max(4, Math.round(8 * Theme.scale))
                radius: height / 2
                color: Theme.background

                Rectangle {
                    objectName: "idleProgress"
                    height: parent.height
                    radius: height / 2
                    color: Theme.accent
                    width: parent.width * Math.max(0, Math.min(1, KioskBackend.secondsLeft / KioskBackend.warningSeconds))
                    Behavior on width {
                        enabled: !Theme.reducedMotion && notice.visible
                        NumberAnimation { duration: 1000 / KioskBackend.timeScale; easing.type: Easing.Linear }
                    }
                }
            }

            Rectangle { width: parent.width; height: 1; color: Theme.line }

            Repeater {
                model: notice.others
                delegate: Column {
                    required property var modelData
                    width: content.width
                    spacing: Math.round(6 * Theme.scale)

                    Text {
                        objectName: "idleTitleOther"
                        textFormat: Text.PlainText
                        width: parent.width
                        text: parent.modelData.title
                        color: Theme.gold
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.titleSize
                        font.weight: Font.DemiBold
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        objectName: "idleBodyOther"
                        textFormat: Text.PlainText
                        width: parent.width
                        text: parent.modelData.body
                        color: Theme.textMuted
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.labelSize
                        lineHeight: 1.2
                        wrapMode: Text.WordWrap
                    }
                }
            }

            // Any touch continues; the button only says so.
            TouchButton {
                objectName: "idleContinue"
                anchors.horizontalCenter: parent.horizontalCenter
                primary: true
                text: notice.texts.map(t => t.action).join("  ·  ")
                Accessible.name: notice.first.action
            }
        }
    }
}
