pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// The staff PIN pad, opened by holding the top-left corner (settings: admin_hold_s).
// The digits stay in the backend; the pad only shows how many were typed.
// Wrong PINs are refused and, after a few, delayed ("try again in N s").
Item {
    id: pad

    // Keys stay finger-sized (never under 72 px) even on a small screen.
    readonly property real key: Math.max(72, Math.round(104 * Theme.scale))
    readonly property bool canType: !KioskBackend.pinLocked && KioskBackend.pinLength < KioskBackend.pinMaxLength

    Accessible.role: Accessible.Dialog
    Accessible.name: UiBackend.strings.admin_exit

    Rectangle {
        anchors.fill: parent
        color: Theme.scrimStrong
        // Presses beside the card do nothing (and reach nothing underneath).
        MouseArea { anchors.fill: parent }
    }

    Rectangle {
        id: card
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacing, 3 * pad.key + 2 * grid.spacing + 2 * Theme.margin)
        height: Math.min(parent.height - 2 * Theme.spacing, content.height + 2 * Theme.margin)
        radius: Theme.radius * 1.5
        color: Theme.surface
        border.color: Theme.line
        border.width: 1

        Column {
            id: content
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.top: parent.top
            anchors.topMargin: Theme.margin
            width: card.width - 2 * Theme.margin
            spacing: Theme.spacing

            Text {
                textFormat: Text.PlainText
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: UiBackend.strings.admin_title
                color: Theme.gold
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                font.weight: Font.DemiBold
                font.capitalization: Font.AllUppercase
                font.letterSpacing: 1.5 * Theme.scale
            }
            Text {
                objectName: "adminHeading"
                textFormat: Text.PlainText
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: UiBackend.strings.admin_exit
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.titleSize
                font.weight: Font.Bold
                wrapMode: Text.WordWrap
            }
            Text {
                textFormat: Text.PlainText
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: UiBackend.strings.admin_enter_pin
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.labelSize
            }

            // One dot per digit typed (at least four places shown).
            Row {
                objectName: "pinDots"
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: Math.round(14 * Theme.scale)
                height: Math.round(28 * Theme.scale)

                Repeater {
                    model: Math.max(4, KioskBackend.pinLength)
                    delegate: Rectangle {
                        required property int index
                        anchors.verticalCenter: parent.verticalCenter
                        width: Math.round(22 * Theme.scale)
                        height: width
                        radius: width / 2
                        color: index < KioskBackend.pinLength ? Theme.text : "transparent"
                        border.color: Theme.textMuted
                        border.width: Math.max(1, Math.round(2 * Theme.scale))
                    }
                }
            }

            Text {
                objectName: "pinMessage"
                textFormat: Text.PlainText
                width: parent.width
                height: Math.max(implicitHeight, Theme.labelSize * 1.4)
                horizontalAlignment: Text.AlignHCenter
                text: KioskBackend.pinMessage
                color: Theme.accent
                font.family: Theme.fontFamily
                font.pixelSize: Theme.labelSize
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
            }

            Grid {
                id: grid
                anchors.horizontalCenter: parent.horizontalCenter
                columns: 3
                spacing: Math.round(16 * Theme.scale)

                Repeater {
                    model: [1, 2, 3, 4, 5, 6, 7, 8, 9]
                    delegate: TouchButton {
                        required property int modelData
                        objectName: "pinKey-" + modelData
                        width: pad.key
                        height: pad.key
                        text: ""
                        iconText: String(modelData)
                        Accessible.name: String(modelData)
                        enabledState: pad.canType
                        onActivated: KioskBackend.pinDigit(modelData)
                    }
                }
                TouchButton {
                    objectName: "pinDelete"
                    width: pad.key
                    height: pad.key
                    text: UiBackend.strings.delete
                    enabledState: KioskBackend.pinLength > 0
                    onActivated: KioskBackend.pinDelete()
                }
                TouchButton {
                    objectName: "pinKey-0"
                    width: pad.key
                    height: pad.key
                    text: ""
                    iconText: "0"
                    Accessible.name: "0"
                    enabledState: pad.canType
                    onActivated: KioskBackend.pinDigit(0)
                }
                TouchButton {
                    objectName: "pinOk"
                    width: pad.key
                    height: pad.key
                    primary: true
                    text: UiBackend.strings.ok
                    enabledState: KioskBackend.pinLength > 0 && !KioskBackend.pinLocked
                    onActivated: KioskBackend.pinSubmit()
                }
            }

            TouchButton {
                objectName: "pinCancel"
                anchors.horizontalCenter: parent.horizontalCenter
                height: Math.max(48, Theme.touchTarget)
                text: UiBackend.strings.cancel
                onActivated: KioskBackend.adminCancel()
            }
        }
    }
}
