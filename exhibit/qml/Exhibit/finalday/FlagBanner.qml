import QtQuick
import QtQuick.Shapes
import Exhibit

// The flag over the command post's bunker, drawn large: the mound of the
// bunker with its doorway, the pole on top, and the victory flag with its
// words climbing the pole as `raised` goes from 0 to 1.
Item {
    id: banner

    required property string words
    property real raised: 1

    readonly property real moundHeight: height * 0.26
    readonly property real poleHeight: height - moundHeight * 0.6
    readonly property real clothWidth: Math.min(width * 0.66, poleHeight * 1.2)
    readonly property real clothHeight: clothWidth * 0.62

    Accessible.role: Accessible.Graphic
    Accessible.name: words

    // The bunker: a low mound of earth with a dark doorway.
    Shape {
        anchors.fill: parent
        ShapePath {
            fillColor: Theme.bunker
            strokeColor: Theme.casing
            strokeWidth: Math.max(1, Math.round(2 * Theme.scale))
            startX: banner.width * 0.02
            startY: banner.height
            PathCubic {
                x: banner.width * 0.98; y: banner.height
                control1X: banner.width * 0.2; control1Y: banner.height - banner.moundHeight * 1.5
                control2X: banner.width * 0.8; control2Y: banner.height - banner.moundHeight * 1.5
            }
            PathLine { x: banner.width * 0.02; y: banner.height }
        }
        ShapePath {
            fillColor: Theme.casing
            strokeColor: "transparent"
            startX: banner.width * 0.62
            startY: banner.height
            PathLine { x: banner.width * 0.62; y: banner.height - banner.moundHeight * 0.45 }
            PathArc {
                x: banner.width * 0.76; y: banner.height - banner.moundHeight * 0.45
                radiusX: banner.width * 0.07; radiusY: banner.moundHeight * 0.25
            }
            PathLine { x: banner.width * 0.76; y: banner.height }
        }
    }

    Rectangle {
        id: pole
        x: banner.width * 0.3
        y: 0
        width: Math.max(3, Math.round(6 * Theme.scale))
        height: banner.poleHeight
        radius: width / 2
        color: Theme.flagPole
        border.color: Theme.casing
        border.width: 1
    }

    FlagCloth {
        objectName: "flagBannerCloth"
        kind: "victory"
        words: banner.words
        x: pole.x + pole.width
        width: banner.clothWidth
        height: banner.clothHeight
        y: (banner.poleHeight - banner.clothHeight) * (1 - banner.raised)
    }
}
