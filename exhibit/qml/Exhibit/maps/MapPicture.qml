import QtQuick

// The part of a map no step changes (the land, the valley's floor and hills),
// kept as a picture drawn at the scale the view rests at and drawn again only
// when the view comes to rest at another. A step's move then only moves the
// picture, and what the step lights up is drawn over it without redrawing
// the ground beneath. Past a picture of `maxSide` pixels a side (about 16 MB)
// the drawing is drawn directly instead.
//
// Put the drawing inside, in view units; strokes that should keep their width
// on screen divide it by `restScale`.
Item {
    id: picture

    // Screen pixels per view unit where the view rests.
    required property real restScale
    // While the view moves, the picture is scaled smoothly.
    property bool moving: false
    property int maxSide: 2048
    default property alias drawing: content.data

    readonly property size pictureSize: Qt.size(Math.ceil(width * restScale),
                                                Math.ceil(height * restScale))
    readonly property bool pictured: restScale > 0
                                     && Math.max(pictureSize.width, pictureSize.height) <= maxSide

    onRestScaleChanged: source.scheduleUpdate()

    Item {
        id: content
        anchors.fill: parent
    }

    ShaderEffectSource {
        id: source
        anchors.fill: parent
        visible: picture.pictured
        sourceItem: picture.pictured ? content : null
        hideSource: picture.pictured
        live: false
        textureSize: picture.pictureSize
        smooth: picture.moving
        onTextureSizeChanged: scheduleUpdate()
    }
}
