pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// The label of the current step: title, who and where, the text, its source.
// A new step slides in from the side it came from; a language change
// replaces the words in place, with no motion.
Item {
    id: panel

    property string positionKey: StoryBackend.chapterId + "/" + StoryBackend.stepIndex
    readonly property var step: StoryBackend.step

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
        // While it slides in, move one texture instead of re-rendering every glyph.
        layer.enabled: enter.running

        SpokenText {
            objectName: "stepMeta"
            textFormat: Text.PlainText
            width: parent.width
            visible: text.length > 0
            text: (panel.step.places ?? []).join(" · ")
            color: Theme.gold
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
        }
        SpokenText {
            objectName: "stepTitle"
            heading: true
            textFormat: Text.PlainText
            width: parent.width
            text: panel.step.title ?? ""
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.headingSize
            font.weight: Font.Bold
            lineHeight: 1.1
            wrapMode: Text.WordWrap
        }
        SpokenText {
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
        SpokenText {
            objectName: "stepBody"
            width: parent.width
            text: panel.step.body ?? ""
            textFormat: Text.PlainText
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize
            lineHeight: 1.3
            wrapMode: Text.WordWrap
        }
        Flow {
            width: parent.width
            spacing: Theme.spacing
            visible: (panel.step.figures ?? []).length > 0
            Repeater {
                model: panel.step.figures ?? []
                delegate: Column {
                    id: figure
                    required property var modelData
                    width: (column.width - Theme.spacing) / 2
                    SpokenText {
                        textFormat: Text.PlainText
                        width: parent.width
                        text: figure.modelData.value
                        color: Theme.gold
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.headingSize
                        font.weight: Font.Bold
                        wrapMode: Text.WordWrap
                    }
                    SpokenText {
                        textFormat: Text.PlainText
                        width: parent.width
                        text: figure.modelData.label
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.smallSize
                        wrapMode: Text.WordWrap
                    }
                }
            }
        }
        SpokenText {
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
