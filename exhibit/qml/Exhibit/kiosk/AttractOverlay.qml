pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// The attract loop, while nobody is at the kiosk: the story's strongest
// moments play on a large stage (the backend moves the story: the fronts
// lighting up, the arrows converging on the valley, the fortress, the clock
// sweeping through 7 May), named in a band above it; below, on a band of its
// own, two large choices, one per language. The first touch starts the
// exhibit at its title, in the language touched (or the home language).
Item {
    id: overlay

    readonly property var choices: KioskBackend.beginChoices
    readonly property bool portrait: height > width

    Accessible.role: Accessible.Button
    Accessible.name: KioskBackend.beginTexts.join(" / ")

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    // The exhibit's name and what the stage shows now.
    Item {
        id: band
        objectName: "attractBand"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: heading.implicitHeight + 2 * Theme.spacing

        Column {
            id: heading
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.leftMargin: Theme.margin
            anchors.rightMargin: Theme.margin
            anchors.verticalCenter: parent.verticalCenter
            spacing: Math.round(4 * Theme.scale)

            Text {
                objectName: "attractTitle"
                textFormat: Text.PlainText
                width: parent.width
                text: KioskBackend.titleTexts.join("  ·  ")
                color: Theme.gold
                font.family: Theme.fontFamily
                font.pixelSize: Theme.labelSize
                font.weight: Font.DemiBold
                font.capitalization: Font.AllUppercase
                font.letterSpacing: 1.5 * Theme.scale
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "attractCaption"
                textFormat: Text.PlainText
                width: parent.width
                text: StoryBackend.onTitle ? UiBackend.subtitle
                                           : StoryBackend.chapterLabel + " – " + (StoryBackend.step.title ?? "")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.headingSize
                font.weight: Font.Bold
                lineHeight: 1.05
                wrapMode: Text.WordWrap
                maximumLineCount: 2
            }
        }
    }

    // The stage: the real map or clock of the story's current place, or the
    // title's picture. Made once the chapters' backends exist.
    Rectangle {
        id: scene
        objectName: "attractScene"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: band.bottom
        anchors.bottom: cta.top
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        anchors.bottomMargin: Theme.spacing
        radius: Theme.radius
        color: Theme.surface
        clip: true

        Loader {
            anchors.fill: parent
            active: UiBackend.chaptersReady && overlay.visible && scene.width > 0 && scene.height > 0
            sourceComponent: StoryBackend.onTitle ? hero : stage
        }
        Component {
            id: stage
            Stage {}
        }
        Component {
            id: hero
            StoryPicture {}
        }
    }

    // The call to action, on its own band: one large choice per language.
    Rectangle {
        id: cta
        objectName: "attractChoices"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: row.height + 2 * Theme.margin
        color: Theme.surface

        // Side by side in landscape, one above the other in portrait.
        Grid {
            id: row
            anchors.centerIn: parent
            columns: overlay.portrait ? 1 : Math.max(1, overlay.choices.length)
            spacing: Theme.margin
            readonly property real choiceWidth: overlay.portrait
                ? Math.min(cta.width - 2 * Theme.margin, Math.round(760 * Theme.scale))
                : Math.min(Math.round(600 * Theme.scale),
                           (cta.width - 2 * Theme.margin - (columns - 1) * spacing) / columns)

            Repeater {
                model: overlay.choices
                delegate: AttractChoice {
                    required property var modelData
                    required property int index
                    width: row.choiceWidth
                    languageCode: modelData.code
                    name: modelData.name
                    begin: modelData.begin
                    first: index === 0
                }
            }
        }

        // "Touch here": a ring that keeps widening round the home language's choice.
        Rectangle {
            id: ring
            readonly property Item target: row.children[0] ?? null
            visible: target !== null && !Theme.reducedMotion
            x: target ? row.x + target.x + (target.width - width) / 2 : 0
            y: target ? row.y + target.y + (target.height - height) / 2 : 0
            width: target ? target.width : 0
            height: target ? target.height : 0
            radius: height / 2
            color: "transparent"
            border.color: Theme.gold
            border.width: Math.max(2, Math.round(3 * Theme.scale))
            opacity: 0

            ParallelAnimation {
                running: overlay.visible && ring.visible
                loops: Animation.Infinite
                NumberAnimation { target: ring; property: "scale"; from: 1; to: 1.12; duration: 1600; easing.type: Easing.OutCubic }
                NumberAnimation { target: ring; property: "opacity"; from: 0.9; to: 0; duration: 1600; easing.type: Easing.OutCubic }
            }
        }
    }
}
