pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// 7 May 1954 on a clock: the clock is the centrepiece, the plan of the valley
// beside it shows who moved where and what has fallen, and the timeline bar
// underneath lets a visitor scrub through the day or let it play.
//
// A move from one event to the next is one animation (`progress`, 0 to 1):
// the hands sweep to the new event's minute, an event known only within a
// window opens its arc on the dial, and the event's arrows draw themselves
// on the plan, all arriving together; then the strongholds fall, a flag
// climbs its pole, and at the end the totals count up. ClockBackend says
// where the hands go and how long it takes, DayPlanBackend what the plan
// draws; the motion lives here, so no Python runs per frame. With reduced
// motion nothing travels: the new state is shown with a short fade.
//
// While the hands travel forward, ClockBackend keeps the plan as the day was
// (planStates, planPaths, planHighlighted; planHeld is true) until they
// arrive; each way a move ends says so (handsArrived).
Item {
    id: day
    objectName: "finalDay"

    // Clock and plan side by side, the timeline under both; in a tall stage
    // the same, with the clock leading on the left of the top row.
    readonly property bool tall: height > width * 0.8

    // -- the move -----------------------------------------------------------

    property real fromMinute: 0
    property real toMinute: 0
    // 0 when a move starts, 1 when the hands have arrived (eased).
    property real progress: 1
    // Where the hands are now.
    readonly property real shownMinute: fromMinute + (toMinute - fromMinute) * progress
    // With reduced motion: what the move brings fades in (0 to 1).
    property real appear: 1
    // The event on show, and whether the hands have arrived at it.
    property int shownIndex: -1
    readonly property bool arrived: progress >= 1 && !fade.running
    readonly property bool moving: move.running || fade.running

    // Where the arrows' unit names and the flags are (pixels over the plan):
    // the place labels keep off them. While the hands travel, the plan keeps
    // the rectangles of the day as it was, and lays out its labels again
    // only when they arrive.
    readonly property var overlay: {
        const rects = []
        for (let i = 0; i < arrowRepeater.count; ++i) {
            const item = arrowRepeater.itemAt(i) as PlanArrow
            if (item && item.labelRect)
                rects.push(item.labelRect)
        }
        return rects.concat(flagRects)
    }
    property var heldOverlay: []
    // The unit names of the current step's arrows before the `index`th.
    function labelsBefore(index: int): var {
        const rects = []
        for (let i = 0; i < Math.min(index, arrowRepeater.count); ++i) {
            const item = arrowRepeater.itemAt(i) as PlanArrow
            if (item && item.labelRect)
                rects.push(item.labelRect)
        }
        return rects
    }
    // Where the flags are (pixels over the plan): the arrows' names keep off.
    // A flag is its cloth and its pole, not the box round both: a place beside
    // the pole, under the cloth's edge, stays on the map and keeps its name.
    readonly property var flagRects: {
        const rects = []
        for (let j = 0; j < flagRepeater.count; ++j) {
            const flag = flagRepeater.itemAt(j) as PlanFlag
            if (flag) {
                rects.push(Qt.rect(flag.x, flag.y + flag.clothTop, flag.width, flag.clothHeight))
                rects.push(Qt.rect(flag.x, flag.y, flag.poleWidth, flag.height))
            }
        }
        return rects
    }

    Connections {
        target: ClockBackend
        // A new event, or the hands' minute changed (leaving the chapter, or
        // coming back to it): start the move.
        function onEventIndexChanged(): void { day.follow() }
        function onMinuteChanged(): void { day.follow() }
        // The plan is held as it was: its labels keep the places they had.
        function onPlanHeldChanged(): void {
            if (ClockBackend.planHeld)
                day.heldOverlay = day.overlay
        }
    }

    // The part of the plan on show; it opens out to the whole plan at the
    // totals, in one gentle move (not when the window is resized).
    property var planView: ({})
    property bool viewMoving: false
    readonly property int viewMs: 1200

    Connections {
        target: DayPlanBackend
        function onViewChanged(): void {
            day.viewMoving = day.visible && !Theme.reducedMotion
            day.planView = DayPlanBackend.view
            viewSettle.restart()
        }
    }
    Timer {
        id: viewSettle
        interval: day.viewMs
        onTriggered: day.viewMoving = false
    }

    Component.onCompleted: {
        planView = DayPlanBackend.view
        shownIndex = ClockBackend.eventIndex
        fromMinute = ClockBackend.minute
        toMinute = ClockBackend.minute
    }
    onVisibleChanged: if (!visible) finish()
    // Leaving the chapter, the stage's Loader clears this clock's context
    // before it hides it: a move still running would then act on a dead
    // component (its ScriptAction warns). Stop it here instead.
    Component.onDestruction: {
        move.stop()
        fade.stop()
    }

    function finish(): void {
        move.stop()
        fade.stop()
        progress = 1
        appear = 1
        clockLayer.opacity = 1
        ClockBackend.handsArrived()
    }

    // A new event, or a new minute for the hands: start the move there.
    function follow(): void {
        const index = ClockBackend.eventIndex
        if (index === shownIndex && ClockBackend.minute === toMinute)
            return
        shownIndex = index
        move.stop()
        fade.stop()
        // The plan's image takes the new trace (and, going back, loses the
        // arrows of the steps left) before the hands set off.
        planCache.scheduleUpdate()
        clockLayer.opacity = 1
        fromMinute = shownMinute
        toMinute = ClockBackend.minute
        const ms = ClockBackend.sweepMs
        if (!day.visible || ms <= 0) {
            progress = 1
            appear = 1
            ClockBackend.handsArrived()
        } else if (ClockBackend.sweepKind === "fade") {
            fadeOut.duration = Math.round(ms / 2)
            fadeIn.duration = ms - fadeOut.duration
            appear = 0
            fade.start()
        } else {
            progress = 0
            appear = 1
            move.duration = ms
            move.start()
        }
    }

    NumberAnimation {
        id: move
        target: day
        property: "progress"
        from: 0
        to: 1
        easing.type: Easing.InOutCubic
        onFinished: ClockBackend.handsArrived()
    }

    // With reduced motion the hands do not travel: the clock dims, the
    // hands, the sky and the plan change, and it comes back; what the event
    // draws on the plan fades in.
    SequentialAnimation {
        id: fade
        NumberAnimation { id: fadeOut; target: clockLayer; property: "opacity"; to: 0.15 }
        ScriptAction {
            script: {
                day.progress = 1
                ClockBackend.handsArrived()
            }
        }
        ParallelAnimation {
            NumberAnimation { id: fadeIn; target: clockLayer; property: "opacity"; to: 1 }
            NumberAnimation { target: day; property: "appear"; to: 1; duration: fadeIn.duration }
        }
    }

    // -- the stage ------------------------------------------------------------

    Item {
        id: upper
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: controls.top
        anchors.bottomMargin: Theme.spacing

        // The clock's panel: as wide as a face that fills its height needs,
        // and never more than three fifths of the stage.
        Item {
            id: clockArea
            objectName: "clockArea"
            readonly property real readoutHeight: readout.implicitHeight
            width: Math.round(Math.min(upper.width * (day.tall ? 0.48 : 0.6),
                                       upper.height - readoutHeight - Theme.spacing))
            height: upper.height

            // The sky of the hour the hands show: it turns when they arrive,
            // not on every frame of their sweep, which would redraw the whole
            // panel each frame on the software renderer.
            SkyBackground {
                id: sky
                objectName: "clockSky"
                anchors.fill: parent
                radius: Theme.radius
                minute: day.progress >= 1 ? day.toMinute : day.fromMinute
                keyframes: ClockBackend.skyKeyframes
            }

            Item {
                id: clockBox
                anchors.fill: parent
                anchors.margins: Theme.spacing
                readonly property real faceSide: Math.max(0, Math.min(
                    width, height - readout.height - Theme.spacing))

                Item {
                    id: clockLayer
                    width: clockBox.faceSide
                    height: clockBox.faceSide
                    x: Math.round((clockBox.width - width) / 2)
                    y: Math.max(0, Math.round((clockBox.height - height - readout.height - Theme.spacing) / 2))

                    ClockFace {
                        id: face
                        objectName: "clockFace"
                        anchors.fill: parent
                        minute: day.shownMinute
                        window: ClockBackend.window
                        Accessible.name: ClockBackend.spokenTime
                        // At the day's end the totals take the clock's place.
                        visible: opacity > 0
                        opacity: finale.running ? 0 : 1
                        Behavior on opacity {
                            enabled: finale.running
                            NumberAnimation { duration: Theme.gentle }
                        }
                    }
                }

                ClockReadout {
                    id: readout
                    objectName: "clockReadout"
                    time: ClockBackend.isTotals ? "" : ClockBackend.displayTime
                    exact: ClockBackend.exact
                    width: clockBox.width
                    x: 0
                    y: clockLayer.y + clockLayer.height + Theme.spacing
                }

                // The day's end: the totals, counted up where the clock was.
                Finale {
                    id: finale
                    objectName: "finale"
                    anchors.fill: parent
                    visible: opacity > 0
                    figures: ClockBackend.isTotals ? DayPlanBackend.figures : []
                    running: ClockBackend.isTotals && day.arrived
                }
            }
        }

        Rectangle {
            id: planArea
            objectName: "clockPlanArea"
            x: clockArea.width + Theme.spacing
            width: upper.width - x
            height: upper.height
            radius: Theme.radius
            color: Theme.mapPlanBackdrop
            border.color: Theme.line
            clip: true

            // Each stronghold as it stands once the current event has
            // happened; scrubbing back restores the earlier states. The plan
            // and the earlier steps' arrows (the trace) are painted into an
            // image that is kept while the hands travel (`live` is off), so
            // that what changes from frame to frame, the current step's
            // arrows, is painted over it alone: on the software renderer a
            // live plan would be painted again, whole, on every frame.
            Item {
                id: planContent
                anchors.fill: parent
                anchors.margins: Math.round(Theme.spacing / 2)

                Rectangle {
                    anchors.fill: parent
                    color: Theme.mapPlanBackdrop
                }

                ValleyPlan {
                    id: plan
                    objectName: "clockPlan"
                    anchors.fill: parent
                    places: MapBackend.planPlaces
                    shapes: MapBackend.planShapes
                    strongholdStates: ClockBackend.planStates
                    dayStates: true
                    legendExpanded: false
                    legendAtTop: true
                    labelPixels: Theme.smallSize
                    paths: ClockBackend.planPaths
                    highlighted: ClockBackend.planHighlighted
                    reserved: ClockBackend.planHeld ? day.heldOverlay : day.overlay
                    // The part of the plan the day happens in, as large as it
                    // fits; at the totals, the whole plan.
                    readonly property var dayView: day.planView
                    readonly property bool framed: dayView.width !== undefined && dayView.width > 0
                    // The scale the view rests at; the ground is drawn at it.
                    readonly property real restScale: framed
                        ? Math.max(1e-6, Math.min(width / dayView.width, height / dayView.height)) : fitScale
                    settledScale: restScale
                    // The scale and the centre of the view (view units) move
                    // together when the view opens out at the totals.
                    property real viewScale: restScale
                    property real centreX: framed ? dayView.x + dayView.width / 2 : viewWidth / 2
                    property real centreY: framed ? dayView.y + dayView.height / 2 : viewHeight / 2
                    Behavior on viewScale { enabled: day.viewMoving; NumberAnimation { duration: day.viewMs; easing.type: Easing.InOutCubic } }
                    Behavior on centreX { enabled: day.viewMoving; NumberAnimation { duration: day.viewMs; easing.type: Easing.InOutCubic } }
                    Behavior on centreY { enabled: day.viewMoving; NumberAnimation { duration: day.viewMs; easing.type: Easing.InOutCubic } }
                    pixelScale: viewScale
                    originX: width / 2 - centreX * pixelScale
                    originY: height / 2 - centreY * pixelScale
                }

                // The trace: every earlier step's arrows, faint. Each arrow
                // of the day has its item from the start, shown while it is
                // in the trace, so that a step makes no items here.
                Repeater {
                    id: traceRepeater
                    model: DayPlanBackend.dayArrows
                    delegate: PlanArrow {
                        required property int index
                        visible: DayPlanBackend.traced[index] === true
                        named: false
                        width: planContent.width
                        height: planContent.height
                        drawn: 1
                        appear: 1
                        pixelScale: plan.pixelScale
                        originX: plan.originX
                        originY: plan.originY
                    }
                }
            }

            ShaderEffectSource {
                id: planCache
                objectName: "planCache"
                anchors.fill: planContent
                sourceItem: planContent
                hideSource: true
                // Painted again when the plan changes, never while the hands
                // travel (but while it opens out to the whole fortress).
                live: !day.moving || day.viewMoving
            }

            // The flags raised so far; and who moved where at this step: its
            // arrows draw themselves as the hands go, their names off the flags.
            Item {
                id: arrowLayer
                objectName: "planArrows"
                anchors.fill: planContent

                Repeater {
                    id: flagRepeater
                    model: DayPlanBackend.flags
                    delegate: PlanFlag {
                        raised: day.arrived ? 1 : 0
                        appear: day.appear
                        pixelScale: plan.pixelScale
                        originX: plan.originX
                        originY: plan.originY
                    }
                }

                Repeater {
                    id: arrowRepeater
                    model: DayPlanBackend.arrows.filter(a => a.current)
                    delegate: PlanArrow {
                        required property int index
                        named: day.arrived
                        // Off the flags, the plan's legend and north arrow, its
                        // places' symbols and the names of this step's arrows
                        // laid before it.
                        avoid: day.flagRects.concat(plan.furniture, plan.symbolRects,
                                                    day.labelsBefore(index))
                        width: arrowLayer.width
                        height: arrowLayer.height
                        drawn: day.progress
                        appear: day.appear
                        pixelScale: plan.pixelScale
                        originX: plan.originX
                        originY: plan.originY
                    }
                }
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
            startMinute: ClockBackend.barStart
            endMinute: ClockBackend.barEnd
            tickMinute: ClockBackend.tickMinute
            marks: ClockBackend.eventMarks
            currentIndex: ClockBackend.eventIndex
            accessibleName: UiBackend.strings.timeline
            valueText: ClockBackend.spokenTime
            onScrubbed: minute => ClockBackend.scrubToMinute(minute)
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
