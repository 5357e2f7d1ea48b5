import QtQuick
import QtQuick.Shapes
import Exhibit

// A flag's cloth, drawn by the exhibit itself: the victory flag (red, a
// yellow five-pointed star, and its words when there is room to read them)
// or a white flag of surrender. Its left edge is the pole side; the free
// edge waves a little. Width and height are the caller's.
Item {
    id: cloth

    // "victory" or "white", and the words written on a victory flag.
    required property string kind
    property string words: ""
    // Words are written only if they would be at least this tall.
    property real minimumWordSize: Math.round(Theme.smallSize * 0.8)

    readonly property bool victory: kind === "victory"
    readonly property real wave: height * 0.06
    readonly property real wordSize: Math.round(height * 0.2)
    readonly property bool worded: victory && words.length > 0 && wordSize >= minimumWordSize

    Shape {
        anchors.fill: parent
        ShapePath {
            fillColor: cloth.victory ? Theme.flagRed : Theme.flagWhite
            strokeColor: Theme.casing
            strokeWidth: Math.max(1, cloth.height * 0.025)
            joinStyle: ShapePath.RoundJoin
            startX: 0
            startY: 0
            PathCubic {
                x: cloth.width; y: cloth.wave
                control1X: cloth.width * 0.35; control1Y: -cloth.wave
                control2X: cloth.width * 0.65; control2Y: cloth.wave * 2
            }
            PathLine { x: cloth.width; y: cloth.height + cloth.wave }
            PathCubic {
                x: 0; y: cloth.height
                control1X: cloth.width * 0.65; control1Y: cloth.height + cloth.wave * 2
                control2X: cloth.width * 0.35; control2Y: cloth.height - cloth.wave
            }
            PathLine { x: 0; y: 0 }
        }
    }

    // The star: five points, centred below the words (or in the middle).
    Shape {
        id: star
        visible: cloth.victory
        readonly property real r: cloth.height * (cloth.worded ? 0.2 : 0.3)
        readonly property real cx: cloth.width / 2
        readonly property real cy: cloth.worded ? cloth.height * 0.66 : cloth.height / 2 + cloth.wave / 2
        anchors.fill: parent
        ShapePath {
            fillColor: Theme.flagStar
            strokeColor: "transparent"
            PathPolyline {
                path: {
                    const points = []
                    for (let i = 0; i <= 10; ++i) {
                        const radius = i % 2 === 0 ? star.r : star.r * 0.382
                        const angle = -Math.PI / 2 + i * Math.PI / 5
                        points.push(Qt.point(star.cx + radius * Math.cos(angle),
                                             star.cy + radius * Math.sin(angle)))
                    }
                    return points
                }
            }
        }
    }

    Text {
        objectName: "flagWords"
        visible: cloth.worded
        textFormat: Text.PlainText
        x: cloth.width * 0.08
        width: cloth.width * 0.84
        y: cloth.height * 0.07
        height: cloth.height * 0.36
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        // The words as the cloth bears them: the content quotes them, the
        // flag itself does not.
        text: cloth.words.replace(/^[\s“”"«»„]+|[\s“”"«»„]+$/g, "").toUpperCase()
        color: Theme.flagStar
        font.family: Theme.fontFamily
        font.pixelSize: cloth.wordSize
        font.weight: Font.Bold
        // On one line if it fits, else on two; never past the cloth's edge.
        wrapMode: Text.WordWrap
        maximumLineCount: 2
        lineHeight: 0.95
        fontSizeMode: Text.Fit
        minimumPixelSize: Math.round(cloth.minimumWordSize * 0.8)
    }
}
