pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Shapes
import Exhibit

// Arrows that grow, one after another, from places on a map towards one
// place, which then glows: the fronts of a campaign converging on its target.
// An overlay the map hosts inside its drawing: everything is in the map's
// view-box units, like the map's own shapes.
//
// Interface
//   required property var origins   [{x, y}, ...] where the arrows start (view units)
//   required property var target    {x, y} where they point
//   required property real unit     one screen pixel in view units (line widths)
//   property bool play              run the growth when shown (else drawn in full)
Item {
    id: arrows

    required property var origins
    required property var target
    required property real unit
    property bool play: true

    // 0: nothing drawn; 1: every arrow reaches the target.
    property real progress: 1
    readonly property real stagger: 0.45
    readonly property real targetRadius: 26 * unit

    // An arrow's own progress: each starts a little after the one before.
    function reach(index: int): real {
        const count = Math.max(1, drawnOrigins.length)
        const start = count > 1 ? index / (count - 1) * stagger : 0
        return Math.max(0, Math.min(1, (progress - start) / (1 - stagger)))
    }
    // The curve from an origin to just short of the target, bent to one side.
    function curve(o: var): var {
        const dx = drawnTarget.x - o.x
        const dy = drawnTarget.y - o.y
        const length = Math.max(1e-6, Math.hypot(dx, dy))
        const end = Math.max(0, (length - targetRadius - 4 * unit) / length)
        const bend = 0.18 * length * (dx >= 0 ? 1 : -1)
        return {
            x0: o.x, y0: o.y,
            cx: o.x + dx / 2 - dy / length * bend, cy: o.y + dy / 2 + dx / length * bend,
            x1: o.x + dx * end, y1: o.y + dy * end
        }
    }
    // The part of a quadratic curve from its start to parameter t (de Casteljau).
    function partOf(c: var, t: real): var {
        const cx = c.x0 + (c.cx - c.x0) * t
        const cy = c.y0 + (c.cy - c.y0) * t
        const qx = c.cx + (c.x1 - c.cx) * t
        const qy = c.cy + (c.y1 - c.cy) * t
        return { x0: c.x0, y0: c.y0, cx: cx, cy: cy, x1: cx + (qx - cx) * t, y1: cy + (qy - cy) * t,
                 tx: qx - cx, ty: qy - cy }
    }
    function headPath(p: var, size: real): string {
        const length = Math.max(1e-6, Math.hypot(p.tx, p.ty))
        const ux = p.tx / length
        const uy = p.ty / length
        const bx = p.x1 - ux * size
        const by = p.y1 - uy * size
        return "M" + (p.x1 + ux * size * 0.35) + " " + (p.y1 + uy * size * 0.35)
            + "L" + (bx - uy * size * 0.6) + " " + (by + ux * size * 0.6)
            + "L" + (bx + uy * size * 0.6) + " " + (by - ux * size * 0.6) + "Z"
    }

    // The points drawn, taken from `origins` and `target` only when they move:
    // a new language hands over equal points (its names changed), and must
    // neither make the arrows again nor replay their growth. Written as one
    // string, whose change QML announces only when its value differs.
    property var drawnOrigins: []
    property var drawnTarget: ({ x: 0, y: 0 })
    readonly property string points: origins.map(o => o.x + " " + o.y).join(",")
                                     + ">" + target.x + " " + target.y
    function take(): void {
        drawnOrigins = origins.map(o => ({ x: o.x, y: o.y }))
        drawnTarget = { x: target.x, y: target.y }
    }
    onVisibleChanged: restart()
    onPointsChanged: {
        take()
        restart()
    }
    Component.onCompleted: {
        take()
        restart()
    }

    // Reduced motion may be switched on just after this is made (the window
    // binds it): then everything is drawn as it rests.
    Connections {
        target: Theme
        function onReducedMotionChanged(): void { arrows.restart() }
    }

    function restart(): void {
        growth.stop()
        if (visible && play && !Theme.reducedMotion && drawnOrigins.length > 0) {
            progress = 0
            growth.start()
        } else {
            progress = 1
        }
    }

    NumberAnimation {
        id: growth
        target: arrows
        property: "progress"
        from: 0
        to: 1
        duration: 2400
        easing.type: Easing.InOutSine
    }

    Repeater {
        model: arrows.drawnOrigins
        delegate: Shape {
            id: arrow
            required property var modelData
            required property int index
            readonly property var part: arrows.partOf(arrows.curve(modelData), arrows.reach(index))
            readonly property bool shown: arrows.reach(index) > 0.02
            objectName: "convergingArrow-" + index
            width: arrows.width
            height: arrows.height
            visible: shown
            preferredRendererType: Shape.CurveRenderer

            // A dark edge under the gold, so the arrow reads on land and sea.
            ShapePath {
                fillColor: "transparent"
                strokeColor: Theme.mapHalo
                strokeWidth: 9 * arrows.unit
                capStyle: ShapePath.RoundCap
                startX: arrow.part.x0; startY: arrow.part.y0
                PathQuad { controlX: arrow.part.cx; controlY: arrow.part.cy; x: arrow.part.x1; y: arrow.part.y1 }
            }
            ShapePath {
                fillColor: "transparent"
                strokeColor: Theme.mapHighlight
                strokeWidth: 5 * arrows.unit
                capStyle: ShapePath.RoundCap
                startX: arrow.part.x0; startY: arrow.part.y0
                PathQuad { controlX: arrow.part.cx; controlY: arrow.part.cy; x: arrow.part.x1; y: arrow.part.y1 }
            }
            ShapePath {
                fillColor: Theme.mapHighlight
                strokeColor: Theme.mapHalo
                strokeWidth: 2 * arrows.unit
                joinStyle: ShapePath.RoundJoin
                PathSvg { path: arrows.headPath(arrow.part, 16 * arrows.unit) }
            }
            // An invisible frame the size of the view box (see MapShape).
            ShapePath {
                fillColor: "transparent"
                strokeWidth: -1
                PathSvg { path: "M0 0L" + arrow.width + " 0L" + arrow.width + " " + arrow.height + "L0 " + arrow.height + "Z" }
            }
        }
    }

    // The target lights up as the arrows arrive.
    Rectangle {
        objectName: "convergingTarget"
        readonly property real r: arrows.targetRadius * (0.6 + 0.4 * opacity)
        x: arrows.drawnTarget.x - r
        y: arrows.drawnTarget.y - r
        width: 2 * r
        height: 2 * r
        radius: r
        opacity: Math.max(0, Math.min(1, (arrows.progress - 0.75) / 0.25))
        color: Theme.mapTargetFill
        border.color: Theme.accent
        border.width: 4 * arrows.unit
    }
}
