pragma ComponentBehavior: Bound
import QtQuick
import Exhibit

// An analog clock face, drawn from rectangles so it stays crisp at any size.
// The hands are bound to `minute` (minutes after midnight, animated by the
// caller): the hour hand turns minute / 2 degrees and the minute hand
// minute * 6, without wrapping, so a sweep from 04:00 to 09:00 turns the
// minute hand five times forward and never jumps at the top of the dial.
// An event the sources know only within a window shows that window on the
// dial (DialWindow) and its hands faded at the window's end.
Item {
    id: face

    required property real minute
    // {start, end} minutes of the event's window, or {} for an exact time.
    property var window: ({})
    // How much of the window is drawn (0..1).
    property real windowShown: 1
    readonly property bool windowed: window.start !== undefined

    readonly property real size: Math.min(width, height)
    readonly property color ink: Theme.dialInk

    Accessible.role: Accessible.Clock
    Accessible.ignored: false

    Item {
        id: dial
        width: face.size
        height: face.size
        anchors.centerIn: parent

        // The dial: plain items, no layer. On the software renderer a layer
        // would be painted again, whole, on every frame of a sweep; without
        // one only the part of the dial the hands pass over is.
        Item {
            id: art
            anchors.fill: parent

            Rectangle {
                anchors.fill: parent
                radius: width / 2
                color: Theme.dialFace
                border.color: Theme.surfaceRaised
                border.width: Math.max(2, Math.round(face.size * 0.018))
                antialiasing: true
            }

            Repeater {
                model: 60
                delegate: Item {
                    id: tick
                    required property int index
                    readonly property bool hour: index % 5 === 0
                    x: dial.width / 2
                    y: dial.height / 2
                    rotation: index * 6
                    Rectangle {
                        width: tick.hour ? Math.max(2, face.size * 0.014) : Math.max(1, face.size * 0.005)
                        height: tick.hour ? face.size * 0.065 : face.size * 0.03
                        x: -width / 2
                        y: -face.size * 0.455
                        radius: width / 2
                        color: face.ink
                        antialiasing: true
                    }
                }
            }

            Repeater {
                model: 12
                delegate: Text {
                    required property int index
                    textFormat: Text.PlainText
                    readonly property real angle: (index + 1) * Math.PI / 6
                    readonly property real reach: face.size * 0.305
                    x: art.width / 2 + reach * Math.sin(angle) - width / 2
                    y: art.height / 2 - reach * Math.cos(angle) - height / 2
                    text: index + 1
                    color: face.ink
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.max(8, Math.round(face.size * 0.078))
                    font.weight: Font.DemiBold
                }
            }
        }

        DialWindow {
            objectName: "dialWindow"
            visible: face.windowed
            size: dial.width
            startMinute: face.window.start ?? 0
            endMinute: face.window.end ?? 0
            shown: face.windowShown
        }

        // The hour hand, pivoting about the centre (a zero-size item turns
        // about its own origin).
        Item {
            objectName: "hourHand"
            x: dial.width / 2
            y: dial.height / 2
            rotation: face.minute / 2
            opacity: face.windowed ? 0.35 : 1
            Rectangle {
                width: Math.max(3, face.size * 0.042)
                height: face.size * 0.3
                x: -width / 2
                y: -height * 0.86
                radius: width / 2
                color: face.ink
                antialiasing: true
            }
        }

        Item {
            objectName: "minuteHand"
            x: dial.width / 2
            y: dial.height / 2
            rotation: face.minute * 6
            opacity: face.windowed ? 0.35 : 1
            Rectangle {
                width: Math.max(2, face.size * 0.026)
                height: face.size * 0.44
                x: -width / 2
                y: -height * 0.88
                radius: width / 2
                color: face.ink
                antialiasing: true
            }
        }

        Rectangle {
            width: Math.max(6, face.size * 0.06)
            height: width
            radius: width / 2
            anchors.centerIn: parent
            color: Theme.accent
            border.color: face.ink
            border.width: Math.max(1, face.size * 0.008)
            antialiasing: true
        }
    }
}
