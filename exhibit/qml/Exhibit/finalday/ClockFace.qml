pragma ComponentBehavior: Bound
import QtQuick
import Exhibit

// An analog clock face, drawn from rectangles so it stays crisp at any size.
// The hands are bound to `minute` (minutes after midnight, animated by the
// caller): the hour hand turns minute / 2 degrees and the minute hand
// minute * 6, without wrapping, so a sweep from 04:00 to 09:00 turns the
// minute hand five times forward and never jumps at the top of the dial.
Item {
    id: face

    required property real minute
    // "approx." on the dial when the hands only place an event the source
    // gives no hour for; empty otherwise.
    property string approxText: ""
    // Where the hands come to rest; the "approx." mark goes in the half of
    // the dial the hands leave free there.
    property real restMinute: minute

    function pointsDown(degrees: real): bool {
        const a = ((degrees % 360) + 360) % 360
        return a > 120 && a < 240
    }
    readonly property bool approxOnTop: pointsDown(restMinute / 2) || pointsDown(restMinute * 6)

    readonly property real size: Math.min(width, height)
    readonly property color ink: Theme.clockInk

    Accessible.role: Accessible.Clock
    Accessible.ignored: false

    Item {
        id: dial
        width: face.size
        height: face.size
        anchors.centerIn: parent

        // The dial never changes while the hands turn: drawn once into a
        // layer, it is not redrawn on every frame of a sweep.
        Item {
            id: art
            anchors.fill: parent
            layer.enabled: true
            layer.smooth: true

            Rectangle {
                anchors.fill: parent
                radius: width / 2
                color: Theme.clockDial
                border.color: Theme.clockRim
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
                        // Rounded, so not opaque: the software renderer leaves a
                        // layer's background black when it holds an opaque rectangle.
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

        Text {
            objectName: "clockApprox"
            textFormat: Text.PlainText
            anchors.horizontalCenter: parent.horizontalCenter
            y: face.approxOnTop ? dial.height * 0.36 - height : dial.height * 0.64
            visible: text.length > 0
            text: face.approxText
            color: Theme.clockApprox
            font.family: Theme.fontFamily
            font.pixelSize: Math.max(8, Math.round(face.size * 0.05))
            font.weight: Font.DemiBold
            font.italic: true
        }

        // The hour hand, pivoting about the centre (a zero-size item turns
        // about its own origin).
        Item {
            objectName: "hourHand"
            x: dial.width / 2
            y: dial.height / 2
            rotation: face.minute / 2
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
