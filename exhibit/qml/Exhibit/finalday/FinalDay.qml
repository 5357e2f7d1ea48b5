import QtQuick
import Exhibit
import Exhibit.Backend

// 7 May 1954 on a clock: the hands sweep from one event to the next, the sky
// behind turns with them, the fortress plan beside shows what has fallen,
// and the timeline bar underneath lets a visitor scrub through the day or
// let it play. ClockBackend says where the hands go and how fast; the motion
// itself lives here, so no Python runs per frame.
Item {
    id: day
    objectName: "finalDay"

    // Clock and plan side by side when the stage is wide enough for both,
    // else the clock above the plan.
    readonly property bool sideBySide: width >= height * 0.85
    // Where the hands are going: the current event's minute, or the finger
    // on the timeline bar.
    readonly property real targetMinute: ClockBackend.scrubbing ? ClockBackend.scrubMinute
                                                                : ClockBackend.minute
    // Where the hands are now: animated towards targetMinute.
    property real shownMinute: 0
    // While the hands travel forward to an event, the plan still shows the
    // day as it was: each stronghold falls, and the event's places light up,
    // as the clock reaches its hour. The plan is given new values only when
    // they differ, so a move does not make it lay out its labels again
    // while the hands set off.
    property bool holdPlan: false
    property var planStates: ({})
    property var planPaths: []
    property var planHighlighted: []

    function syncPlan(): void {
        const states = holdPlan ? ClockBackend.statesBefore : ClockBackend.states
        const paths = holdPlan ? ClockBackend.pathsBefore : ClockBackend.paths
        const lit = holdPlan ? ClockBackend.placeIdsBefore : ClockBackend.placeIds
        if (JSON.stringify(states) !== JSON.stringify(planStates))
            planStates = states
        if (JSON.stringify(paths) !== JSON.stringify(planPaths))
            planPaths = paths
        if (JSON.stringify(lit) !== JSON.stringify(planHighlighted))
            planHighlighted = lit
    }

    onHoldPlanChanged: Qt.callLater(syncPlan)

    Connections {
        target: ClockBackend
        function onChanged(): void { Qt.callLater(day.syncPlan) }
    }

    // The plan's drawing and place names change only with the language, but
    // MapBackend notifies on every move too: binding to it would rebuild the
    // whole plan just as the hands start to sweep. So they are taken once,
    // and again on a language change.
    property var planPlaces: []
    property var planShapes: ({})

    function takePlan(): void {
        planPlaces = MapBackend.planPlaces
        planShapes = MapBackend.planShapes
    }

    Connections {
        target: UiBackend
        function onChanged(): void { day.takePlan() }
    }

    Component.onCompleted: {
        takePlan()
        syncPlan()
        shownMinute = targetMinute
    }
    onTargetMinuteChanged: moveTo(targetMinute)
    onVisibleChanged: if (!visible) finish()

    function finish(): void {
        if (sweep.running || fade.running) {
            sweep.stop()
            fade.stop()
            shownMinute = targetMinute
        }
        clockLayer.opacity = 1
        holdPlan = false
    }

    function moveTo(minute: real): void {
        sweep.stop()
        fade.stop()
        clockLayer.opacity = 1
        holdPlan = false
        const ms = ClockBackend.sweepMs
        if (ClockBackend.scrubbing || !day.visible || ms <= 0) {
            shownMinute = minute
        } else if (ClockBackend.sweepKind === "fade") {
            fade.toMinute = minute
            fadeOut.duration = Math.round(ms / 2)
            fadeIn.duration = ms - fadeOut.duration
            holdPlan = minute > shownMinute
            fade.start()
        } else {
            sweep.from = shownMinute
            sweep.to = minute
            sweep.duration = ms
            holdPlan = minute > shownMinute
            sweep.start()
        }
    }

    NumberAnimation {
        id: sweep
        target: day
        property: "shownMinute"
        easing.type: Easing.InOutCubic
        onFinished: day.holdPlan = false
    }

    // With reduced motion the hands do not travel: the clock dims, the
    // hands, the sky and the plan change, and it comes back.
    SequentialAnimation {
        id: fade
        property real toMinute: 0
        NumberAnimation { id: fadeOut; target: clockLayer; property: "opacity"; to: 0.15 }
        ScriptAction {
            script: {
                day.shownMinute = fade.toMinute
                day.holdPlan = false
            }
        }
        NumberAnimation { id: fadeIn; target: clockLayer; property: "opacity"; to: 1 }
    }

    Item {
        id: content
        anchors.fill: parent

        Item {
            id: upper
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.bottom: controls.top
            anchors.bottomMargin: Theme.spacing

            Item {
                id: clockArea
                objectName: "clockArea"
                x: 0
                y: 0
                width: day.sideBySide ? Math.round((upper.width - Theme.spacing) / 2) : upper.width
                height: day.sideBySide ? upper.height : Math.round(upper.height * 0.42)

                // The sky is behind the clock only, so while the hands sweep
                // the plan beside is not redrawn with it.
                SkyBackground {
                    id: sky
                    objectName: "clockSky"
                    anchors.fill: parent
                    radius: Theme.radius
                    minute: day.shownMinute
                    keyframes: ClockBackend.skyKeyframes
                }

                Item {
                    id: clockBox
                    anchors.fill: parent
                    anchors.margins: Theme.spacing

                    // Side by side: the face on top, the readout below.
                    // Stacked: the face on the left, the readout beside it.
                    readonly property real faceSide: Math.max(0, day.sideBySide
                        ? Math.min(width, height - readout.height - Theme.spacing)
                        : Math.min(height, width * 0.5))

                    Item {
                        id: clockLayer
                        width: clockBox.faceSide
                        height: clockBox.faceSide
                        x: day.sideBySide ? Math.round((clockBox.width - width) / 2) : 0
                        y: day.sideBySide
                            ? Math.max(0, Math.round((clockBox.height - height - readout.height - Theme.spacing) / 2))
                            : Math.round((clockBox.height - height) / 2)

                        ClockFace {
                            id: face
                            objectName: "clockFace"
                            anchors.fill: parent
                            minute: day.shownMinute
                            restMinute: ClockBackend.minute
                            approxText: ClockBackend.approxText
                            Accessible.name: readout.spoken
                        }
                    }

                    ClockReadout {
                        id: readout
                        objectName: "clockReadout"
                        readonly property string spoken: time + ", " + date
                        time: ClockBackend.isTotals ? UiBackend.strings.totals_title : ClockBackend.displayTime
                        exact: ClockBackend.exact
                        date: ClockBackend.dateText
                        width: day.sideBySide ? Math.min(clockBox.width, implicitWidth)
                                              : Math.min(clockBox.width - clockLayer.width - Theme.spacing, implicitWidth)
                        x: day.sideBySide ? Math.round((clockBox.width - width) / 2)
                                          : clockLayer.width + Theme.spacing
                        y: day.sideBySide ? clockLayer.y + clockLayer.height + Theme.spacing
                                          : Math.round((clockBox.height - height) / 2)
                    }
                }
            }

            Rectangle {
                id: planArea
                objectName: "clockPlanArea"
                x: day.sideBySide ? clockArea.width + Theme.spacing : 0
                y: day.sideBySide ? 0 : clockArea.height + Theme.spacing
                width: day.sideBySide ? upper.width - x : upper.width
                height: day.sideBySide ? upper.height : upper.height - y
                radius: Theme.radius
                color: Theme.mapPlanBackdrop
                border.color: Theme.line
                clip: true

                // Each stronghold as it stands once the current event has
                // happened; scrubbing back restores the earlier states.
                ValleyPlan {
                    id: plan
                    objectName: "clockPlan"
                    anchors.fill: parent
                    anchors.margins: Math.round(Theme.spacing / 2)
                    places: day.planPlaces
                    shapes: day.planShapes
                    strongholdStates: day.planStates
                    dayStates: true
                    legendExpanded: false
                    legendAtTop: true
                    labelPixels: Theme.smallSize
                    paths: day.planPaths
                    highlighted: day.planHighlighted
                }
            }
        }

        Item {
            id: controls
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: timeline.implicitHeight

            TouchButton {
                id: playButton
                objectName: "playButton"
                y: Math.round((Theme.touchTarget - height) / 2)
                primary: !ClockBackend.playing
                text: ClockBackend.playing ? UiBackend.strings.pause : UiBackend.strings.play
                onActivated: ClockBackend.togglePlay()
            }

            TimelineBar {
                id: timeline
                objectName: "timelineBar"
                anchors.left: playButton.right
                anchors.leftMargin: Theme.spacing
                anchors.right: parent.right
                minute: day.shownMinute
                startMinute: ClockBackend.barStart
                endMinute: ClockBackend.barEnd
                marks: ClockBackend.eventMarks
                currentIndex: ClockBackend.eventIndex
                accessibleName: UiBackend.strings.timeline
                valueText: readout.spoken
                onScrubbed: fraction => ClockBackend.scrubToFraction(fraction)
                onReleased: ClockBackend.endScrub()
                // Arrow keys step through the day's events, never out of the chapter.
                onStepped: delta => {
                    const index = ClockBackend.eventIndex + delta
                    if (index >= 0 && index < StoryBackend.stepCount)
                        StoryBackend.goToStep(index)
                }
            }
        }
    }
}
