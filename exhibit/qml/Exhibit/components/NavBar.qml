import QtQuick
import Exhibit
import Exhibit.Backend

// Previous, the step dots and next, along the bottom of a chapter.
Item {
    id: nav

    implicitHeight: Theme.touchTarget + 2 * Theme.spacing

    TouchButton {
        id: previousButton
        objectName: "previousButton"
        anchors.left: parent.left
        anchors.leftMargin: Theme.margin
        anchors.verticalCenter: parent.verticalCenter
        text: nav.width > 900 * Theme.scale ? UiBackend.strings.previous : ""
        iconText: "‹"
        Accessible.name: UiBackend.strings.previous
        enabledState: StoryBackend.canGoPrevious
        onActivated: StoryBackend.previous()
    }

    // A chapter told on the clock has its own progress indicator, the
    // timeline bar: no second one here.
    Column {
        anchors.centerIn: parent
        spacing: Math.round(2 * Theme.scale)
        visible: StoryBackend.stageKind !== "clock"

        StepDots {
            anchors.horizontalCenter: parent.horizontalCenter
            count: StoryBackend.stepCount
            current: StoryBackend.stepIndex
            onChosen: index => StoryBackend.goToStep(index)
        }
        Text {
            objectName: "stepLabel"
            textFormat: Text.PlainText
            anchors.horizontalCenter: parent.horizontalCenter
            text: StoryBackend.stepLabel
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
        }
    }

    TouchButton {
        objectName: "nextButton"
        anchors.right: parent.right
        anchors.rightMargin: Theme.margin
        anchors.verticalCenter: parent.verticalCenter
        primary: true
        text: nav.width > 900 * Theme.scale ? UiBackend.strings.next : ""
        iconText: "›"
        Accessible.name: UiBackend.strings.next
        enabledState: StoryBackend.canGoNext
        onActivated: StoryBackend.next()
    }
}
