pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// The text beside the clock: the event told as who, where and what, its
// key figure set large where it has one (600 prisoners), and the flag over
// the bunker at the step that raises it. The column is centred in the
// height it is given, so it never ends in a blank half. The campaign's
// totals are counted on the stage (Finale), not repeated here.
Item {
    id: panel

    readonly property var step: StoryBackend.step
    readonly property string positionKey: StoryBackend.chapterId + "/" + StoryBackend.stepIndex
    readonly property var figures: ClockBackend.isTotals ? [] : DayPlanBackend.figures
    readonly property var victoryFlag: DayPlanBackend.flags.find(f => f.current && f.kind === "victory") ?? null

    implicitHeight: column.implicitHeight

    // A new event's words replace the last at once: the clock and the plan
    // carry the motion, and a sliding column would be redrawn on every frame
    // of the hands' sweep.
    onPositionKeyChanged: flagRise.restart()

    // The flag climbs its pole once the hands have reached the hour.
    property real flagRaised: 1
    SequentialAnimation {
        id: flagRise
        PropertyAction { target: panel; property: "flagRaised"; value: Theme.reducedMotion ? 1 : 0 }
        PauseAnimation { duration: Theme.reducedMotion ? 0 : ClockBackend.sweepMs }
        NumberAnimation {
            target: panel; property: "flagRaised"; to: 1
            duration: Theme.reducedMotion ? 0 : 1400; easing.type: Easing.OutCubic
        }
    }

    // A short event is set larger, so the column is not mostly empty.
    readonly property real bodySize: {
        const length = (step.body ?? "").length
        return Math.round(Theme.bodySize * (length < 170 ? 1.25 : length < 260 ? 1.1 : 1))
    }

    Column {
        id: column
        width: panel.width
        y: Math.max(0, Math.round((panel.height - implicitHeight) / 2))
        spacing: Theme.spacing

        Text {
            id: title
            objectName: "stepTitle"
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

        // Who and where, as a small table: the caption, then the names.
        Grid {
            id: facts
            columns: 2
            columnSpacing: Theme.spacing
            rowSpacing: Math.round(Theme.spacing / 2)
            readonly property real captionWidth: Math.max(whoCaption.implicitWidth, whereCaption.implicitWidth)

            Text {
                id: whoCaption
                objectName: "whoCaption"
                visible: who.visible
                textFormat: Text.PlainText
                width: facts.captionWidth
                text: UiBackend.strings.who_label ?? ""
                color: Theme.gold
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                font.weight: Font.DemiBold
                font.capitalization: Font.AllUppercase
                topPadding: Math.round((Theme.labelSize - Theme.smallSize) * 0.6)
            }
            Row {
                id: whoRow
                visible: who.visible
                spacing: Math.round(Theme.spacing / 2)
                // The colour of the unit's arrows on the plan.
                Rectangle {
                    anchors.verticalCenter: who.lineCount > 1 ? undefined : parent.verticalCenter
                    y: Math.round(Theme.labelSize * 0.6)
                    width: Math.round(Theme.labelSize * 0.9)
                    height: Math.max(4, Math.round(6 * Theme.scale))
                    radius: height / 2
                    color: Theme.advance
                    border.color: Theme.casing
                    visible: DayPlanBackend.arrows.some(a => a.current)
                }
                Text {
                    id: who
                    objectName: "stepWho"
                    visible: text.length > 0
                    textFormat: Text.PlainText
                    width: column.width - facts.captionWidth - facts.columnSpacing - x
                    text: panel.step.who ?? ""
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.labelSize
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                }
            }
            Text {
                id: whereCaption
                objectName: "whereCaption"
                visible: meta.visible
                textFormat: Text.PlainText
                width: facts.captionWidth
                text: UiBackend.strings.places_label ?? ""
                color: Theme.gold
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                font.weight: Font.DemiBold
                font.capitalization: Font.AllUppercase
                topPadding: Math.round((Theme.labelSize - Theme.smallSize) * 0.6)
            }
            Text {
                id: meta
                objectName: "stepMeta"
                textFormat: Text.PlainText
                width: column.width - facts.captionWidth - facts.columnSpacing
                visible: text.length > 0
                text: (panel.step.places ?? []).join(" · ")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.labelSize
                font.weight: Font.Medium
                wrapMode: Text.WordWrap
            }
        }

        Text {
            id: body
            objectName: "stepBody"
            width: parent.width
            text: panel.step.body ?? ""
            textFormat: Text.PlainText
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: panel.bodySize
            lineHeight: 1.3
            wrapMode: Text.WordWrap
        }
        Repeater {
            model: panel.figures
            delegate: Row {
                id: figure
                required property var modelData
                spacing: Theme.spacing
                objectName: "keyFigure"
                Text {
                    objectName: "keyFigureValue"
                    textFormat: Text.PlainText
                    anchors.verticalCenter: parent.verticalCenter
                    text: figure.modelData.value
                    color: Theme.gold
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.round(Theme.displaySize * 1.3)
                    font.weight: Font.Bold
                    font.features: { "tnum": 1 }
                }
                Text {
                    textFormat: Text.PlainText
                    anchors.verticalCenter: parent.verticalCenter
                    width: column.width - x
                    text: figure.modelData.label
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.labelSize
                    font.weight: Font.Medium
                    wrapMode: Text.WordWrap
                }
            }
        }
        FlagBanner {
            objectName: "flagBanner"
            // As large as the height the text leaves (the panel is given its
            // height, beside the clock or under it).
            readonly property real room: panel.height - title.height - facts.height - body.height
                                         - source.height - 4 * column.spacing
            visible: panel.victoryFlag !== null && room > Theme.touchTarget * 2
            width: Math.min(parent.width, Math.round(440 * Theme.scale), room / 0.62)
            height: visible ? Math.round(width * 0.62) : 0
            words: panel.victoryFlag ? panel.victoryFlag.words : ""
            raised: panel.flagRaised
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
