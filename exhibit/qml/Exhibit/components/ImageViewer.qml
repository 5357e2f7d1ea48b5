import QtQuick
import Exhibit
import Exhibit.Backend

// An image of a step, full screen: two fingers zoom (up to 6 times), one
// finger moves it once zoomed, a double tap or the wheel zooms too; the
// caption and credit stay along the bottom and a button (or Escape) goes back
// to the step.
//
// Interface
//   property var image   {source, width, height, caption, alt, credit, licence};
//                        null: closed
//   signal closed()      the visitor asked to go back
Item {
    id: viewer

    property var image: null
    signal closed()

    readonly property bool open: image !== null
    readonly property real maxZoom: 6
    property real zoom: 1

    objectName: "imageViewer"
    visible: open
    focus: open

    Accessible.role: Accessible.Dialog
    Accessible.name: open ? image.alt : ""

    onImageChanged: {
        zoom = 1
        picture.x = 0
        picture.y = 0
        if (open)
            forceActiveFocus()
    }
    Keys.onEscapePressed: viewer.closed()
    Keys.onBackPressed: viewer.closed()

    function zoomBy(factor: real): void {
        zoom = Math.max(1, Math.min(maxZoom, zoom * factor))
        clampPicture()
    }
    // Zoomed in, the picture's edges never come inside the stage's edges.
    function clampPicture(): void {
        const slackX = Math.max(0, (fitted.width * zoom - stage.width) / 2)
        const slackY = Math.max(0, (fitted.height * zoom - stage.height) / 2)
        picture.x = Math.max(-slackX, Math.min(slackX, picture.x))
        picture.y = Math.max(-slackY, Math.min(slackY, picture.y))
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.pictureScrim
        // Presses beside the picture reach nothing underneath.
        MouseArea { anchors.fill: parent; acceptedButtons: Qt.AllButtons }
    }

    Item {
        id: stage
        objectName: "imageViewerStage"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: bar.bottom
        anchors.bottom: caption.top
        anchors.margins: Theme.margin
        clip: true

        // The image at the size that fits the stage; `picture` carries the zoom.
        readonly property real aspect: viewer.open && viewer.image.height > 0
                                       ? viewer.image.width / viewer.image.height : 1
        Item {
            id: fitted
            anchors.centerIn: parent
            width: Math.min(stage.width, stage.height * stage.aspect)
            height: width / stage.aspect

            Item {
                id: picture
                width: fitted.width
                height: fitted.height
                scale: viewer.zoom

                Image {
                    objectName: "imageViewerPicture"
                    anchors.fill: parent
                    source: viewer.open ? viewer.image.source : ""
                    // Drawn for the largest zoom, so it stays sharp when pinched.
                    sourceSize.width: Math.ceil(fitted.width * Math.min(2, viewer.maxZoom) * Screen.devicePixelRatio)
                    fillMode: Image.PreserveAspectFit
                    asynchronous: true
                    smooth: true
                    mipmap: true
                    Accessible.ignored: true
                }
            }
        }

        PinchHandler {
            id: pinch
            objectName: "imageViewerPinch"
            target: null
            property real startZoom: 1
            onActiveChanged: if (active) startZoom = viewer.zoom
            onActiveScaleChanged: if (active) viewer.zoomBy(startZoom * activeScale / viewer.zoom)
            onTranslationChanged: delta => {
                picture.x += delta.x
                picture.y += delta.y
                viewer.clampPicture()
            }
        }
        DragHandler {
            objectName: "imageViewerDrag"
            target: null
            enabled: viewer.zoom > 1
            property point last: Qt.point(0, 0)
            onActiveChanged: last = Qt.point(0, 0)
            onTranslationChanged: {
                picture.x += activeTranslation.x - last.x
                picture.y += activeTranslation.y - last.y
                last = Qt.point(activeTranslation.x, activeTranslation.y)
                viewer.clampPicture()
            }
        }
        WheelHandler {
            objectName: "imageViewerWheel"
            target: null
            onWheel: event => viewer.zoomBy(Math.pow(1.25, event.angleDelta.y / 120))
        }
        TapHandler {
            onDoubleTapped: viewer.zoomBy(viewer.zoom > 1 ? 1 / viewer.zoom : 2.5)
        }
    }

    // The way back, top right where the language toggle usually is.
    Item {
        id: bar
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: Theme.touchTarget + 2 * Math.round(Theme.spacing * 0.8)

        TouchButton {
            objectName: "imageViewerClose"
            anchors.right: parent.right
            anchors.rightMargin: Theme.margin
            anchors.verticalCenter: parent.verticalCenter
            text: UiBackend.strings.back_to_step
            iconText: "‹"
            onActivated: viewer.closed()
        }
    }

    Column {
        id: caption
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        spacing: Math.round(6 * Theme.scale)

        Text {
            objectName: "imageViewerCaption"
            textFormat: Text.PlainText
            width: Math.min(parent.width, Math.round(1400 * Theme.scale))
            anchors.horizontalCenter: parent.horizontalCenter
            horizontalAlignment: Text.AlignHCenter
            text: viewer.open ? viewer.image.caption : ""
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            lineHeight: 1.2
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "imageViewerCredit"
            textFormat: Text.PlainText
            width: Math.min(parent.width, Math.round(1400 * Theme.scale))
            anchors.horizontalCenter: parent.horizontalCenter
            horizontalAlignment: Text.AlignHCenter
            text: viewer.open ? viewer.image.credit + " · " + viewer.image.licence : ""
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.italic: true
            wrapMode: Text.WordWrap
        }
    }
}
