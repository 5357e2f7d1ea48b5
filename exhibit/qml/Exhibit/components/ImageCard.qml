import QtQuick
import Exhibit

// An image of a step in the text column: the picture, as large as the column
// allows, its caption, and who made it under which licence. A tap (or Enter)
// opens it full screen.
//
// Interface
//   required property var image     {source, width, height, caption, alt,
//                                    credit, licence} in the current language
//   property real maxPictureHeight  the tallest the picture may be drawn here
//   readonly property real wordsHeight
//                                   what the caption and credit take under it
//   signal opened()
Item {
    id: card

    required property var image
    property real maxPictureHeight: Math.round(360 * Theme.scale)
    // Short of height: the picture smaller, with its words beside it, not under it.
    property bool compact: false

    signal opened()

    readonly property real aspect: image.height > 0 ? image.width / image.height : 1.5
    readonly property real widthForPicture: compact ? Math.round(width * 0.42) : width
    readonly property real pictureHeight: Math.max(0, Math.min(maxPictureHeight, widthForPicture / aspect))
    readonly property real pictureWidth: pictureHeight * aspect
    // The caption and credit under the picture, with the gap above them (none beside it).
    readonly property real wordsHeight: Math.round(Theme.spacing * 0.5) + wordsUnder.implicitHeight

    objectName: "imageCard"
    implicitHeight: compact ? Math.max(frame.height, words.implicitHeight) : frame.height + wordsHeight

    activeFocusOnTab: true
    Accessible.role: Accessible.Button
    Accessible.name: image.alt
    Accessible.description: image.caption
    Accessible.onPressAction: card.opened()
    Keys.onReturnPressed: card.opened()
    Keys.onEnterPressed: card.opened()
    Keys.onSpacePressed: card.opened()

    Rectangle {
        id: frame
        objectName: "imageFrame"
        width: card.pictureWidth
        height: card.pictureHeight
        radius: Math.round(Theme.radius * 0.6)
        color: Theme.surface
        border.color: card.activeFocus ? Theme.focus : Theme.line
        border.width: card.activeFocus ? Math.max(3, Math.round(4 * Theme.scale)) : 1
        clip: true

        Image {
            objectName: "imagePicture"
            anchors.fill: parent
            anchors.margins: 1
            source: card.image.source
            sourceSize.width: Math.ceil(width * Screen.devicePixelRatio)
            sourceSize.height: Math.ceil(height * Screen.devicePixelRatio)
            fillMode: Image.PreserveAspectFit
            asynchronous: true
            smooth: true
            Accessible.ignored: true
        }

        // "Opens larger": a finger-sized round badge in the corner.
        Rectangle {
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            anchors.margins: Math.round(Theme.spacing * 0.5)
            width: Theme.minimumTarget
            height: width
            radius: width / 2
            color: Theme.pictureScrim
            border.color: Theme.line
            Text {
                anchors.centerIn: parent
                textFormat: Text.PlainText
                text: "⤢"
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.titleSize
                Accessible.ignored: true
            }
        }
    }

    // What the words take under a picture as wide as the card (for the
    // column's sums: it does not depend on the picture's own size).
    Text {
        id: wordsUnder
        visible: false
        width: card.width
        textFormat: Text.PlainText
        text: card.image.caption + "\n" + card.image.credit + " · " + card.image.licence
        font.family: Theme.fontFamily
        font.pixelSize: Theme.smallSize
        lineHeight: 1.2
        wrapMode: Text.WordWrap
    }

    Column {
        id: words
        x: card.compact ? frame.width + Theme.spacing : 0
        y: card.compact ? 0 : frame.height + Math.round(Theme.spacing * 0.5)
        width: card.width - x
        spacing: Math.round(4 * Theme.scale)

        Text {
            objectName: "imageCaption"
            textFormat: Text.PlainText
            width: parent.width
            text: card.image.caption
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            lineHeight: 1.2
            wrapMode: Text.WordWrap
            Accessible.ignored: true
        }
        Text {
            objectName: "imageCredit"
            textFormat: Text.PlainText
            width: parent.width
            text: card.image.credit + " · " + card.image.licence
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.italic: true
            wrapMode: Text.WordWrap
            Accessible.ignored: true
        }
    }

    TapHandler {
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: card.opened()
    }
}
