pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// The label of the current step, as a museum sets it: where (only if the text
// does not say), the title, who, a quotation set large, the text, the key
// figures as large numerals, the step's images (as large as the column
// allows), and the source. A new step slides in from the side it came from; a
// language change replaces the words in place, with no motion.
//
// Interface
//   property real availableHeight   the height the column may fill (images
//                                   grow into what the words leave)
//   signal imageOpened(var image)   a visitor tapped one of the step's images
Item {
    id: panel

    property real availableHeight: height
    signal imageOpened(var image)

    property string positionKey: StoryBackend.chapterId + "/" + StoryBackend.stepIndex
    readonly property var step: StoryBackend.step
    readonly property var figures: step.figures ?? []
    readonly property var images: step.images ?? []
    // The label's own type, a size above the exhibit's defaults: it is what a
    // visitor reads from a step back, in a column of its own.
    readonly property real titleSize: Math.round(Theme.headingSize * 1.12)
    readonly property real bodySize: Math.round(Theme.bodySize * 1.12)
    // A wide column (portrait) sets one to three figures beside the text;
    // more (a campaign's totals), or a narrow column, set them under it.
    readonly property bool figuresBeside: figures.length > 0 && figures.length <= 3
                                          && width >= 900 * Theme.scale

    clip: false
    implicitHeight: column.implicitHeight

    onPositionKeyChanged: {
        if (Theme.reducedMotion) {
            enter.stop()
            column.x = 0
            column.opacity = 1
        } else {
            enter.restart()
        }
    }

    ParallelAnimation {
        id: enter
        NumberAnimation {
            target: column; property: "x"
            from: 48 * Theme.scale * (StoryBackend.direction >= 0 ? 1 : -1); to: 0
            duration: Theme.gentle; easing.type: Easing.OutCubic
        }
        NumberAnimation {
            target: column; property: "opacity"
            from: 0; to: 1; duration: Theme.gentle; easing.type: Easing.OutCubic
        }
    }

    Column {
        id: column
        width: panel.width
        spacing: Theme.spacing
        // Always one texture: it slides in without re-rendering every glyph,
        // and a step does not add and remove a layer (which made the software
        // renderer redraw far more than the label in the step's first frame).
        layer.enabled: true

        Column {
            id: words
            width: parent.width
            spacing: Theme.spacing

            Text {
                objectName: "stepMeta"
                textFormat: Text.PlainText
                width: parent.width
                visible: text.length > 0
                text: (panel.step.kicker ?? []).join(" · ")
                color: Theme.gold
                font.family: Theme.fontFamily
                font.pixelSize: Theme.labelSize
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "stepTitle"
                textFormat: Text.PlainText
                width: parent.width
                text: panel.step.title ?? ""
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: panel.titleSize
                font.weight: Font.Bold
                lineHeight: 1.1
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "stepWho"
                textFormat: Text.PlainText
                width: parent.width
                visible: text.length > 0
                text: panel.step.who ?? ""
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.labelSize
                font.weight: Font.Medium
                wrapMode: Text.WordWrap
            }
            PullQuote {
                width: parent.width
                text: panel.step.quote ?? ""
                by: panel.step.quoteBy ?? ""
            }
            Item {
                id: bodyRow
                width: parent.width
                implicitHeight: panel.figuresBeside ? Math.max(body.implicitHeight, besideFigures.implicitHeight)
                                                   : body.implicitHeight

                Text {
                    id: body
                    objectName: "stepBody"
                    width: panel.figuresBeside ? Math.round(parent.width * 0.6) : parent.width
                    text: panel.step.body ?? ""
                    textFormat: Text.PlainText
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: panel.bodySize
                    lineHeight: 1.3
                    wrapMode: Text.WordWrap
                }
                KeyFigures {
                    id: besideFigures
                    x: body.width + Theme.spacing * 2
                    width: parent.width - x
                    visible: panel.figuresBeside
                    columns: 1
                    figures: panel.figuresBeside ? panel.figures : []
                }
            }
            KeyFigures {
                width: parent.width
                visible: !panel.figuresBeside && panel.figures.length > 0
                figures: panel.figuresBeside ? [] : panel.figures
            }
        }

        Column {
            id: pictures
            width: parent.width
            spacing: Theme.spacing
            visible: panel.images.length > 0

            // What the words and the source leave of the column, shared by the images.
            readonly property real room: panel.availableHeight - words.height - source.height
                                         - 2 * column.spacing - (panel.images.length - 1) * spacing
            Repeater {
                model: panel.images
                delegate: ImageCard {
                    required property var modelData
                    readonly property real share: pictures.room / Math.max(1, panel.images.length)
                    width: pictures.width
                    image: modelData
                    // Under 160 px of picture with its words under it, the words go beside it.
                    compact: share - wordsHeight < Math.round(160 * Theme.scale)
                    maxPictureHeight: Math.max(Math.round(72 * Theme.scale),
                                               compact ? share : share - wordsHeight)
                    onOpened: panel.imageOpened(modelData)
                }
            }
        }

        Text {
            id: source
            objectName: "stepSource"
            textFormat: Text.PlainText
            width: parent.width
            text: UiBackend.strings.source_label + ": " + (panel.step.source ?? "")
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.italic: true
            wrapMode: Text.WordWrap
        }
    }
}
