pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Shapes
import Exhibit

// One movement on the plan: a line from tail to head with an arrowhead, on a
// dark casing so it reads on any ground, and the unit's name behind its tail
// while it is the current step's. It draws itself from tail to head as
// `drawn` goes from 0 to 1; an earlier step's arrow stays as a faint trace.
// An "encircle" arrow is a ring closing round its place, with heads pointing in.
Item {
    id: arrow

    // One entry of DayPlanBackend.arrows: {kind, current, unit, points,
    // labelX, labelY, headingX, headingY}, in the plan's view units.
    required property var modelData
    // How far the current step's arrow is drawn (0..1); and how opaque it is.
    required property real drawn
    required property real appear
    // Whether the unit's name is shown (once the hands have arrived), and the
    // rectangles (pixels over the plan) the name keeps off: the flags.
    required property bool named
    property var avoid: []
    // The plan's view: screen pixels per view unit and where its origin lands.
    required property real pixelScale
    required property real originX
    required property real originY

    readonly property bool current: modelData.current
    readonly property string kind: modelData.kind
    readonly property real shown: current ? drawn : 1
    readonly property color colour: kind === "retreat" ? Theme.retreat : Theme.advance
    readonly property real lineWidth: Math.max(3, Math.round(6 * Theme.scale)) * (current ? 1 : 0.7)
    readonly property real headSize: lineWidth * 3.2

    objectName: "planArrow"
    // Where the unit's name is, for the place labels to keep off; null if none.
    readonly property var labelRect: plate.visible ? Qt.rect(plate.x, plate.y, plate.width, plate.height)
                                                   : null
    opacity: current ? appear : 0.45

    // The box the whole arrow fits in, in pixels over the plan: the Shape is
    // only that big, so while it draws only that part of the plan is
    // painted again, not the whole plan.
    readonly property rect box: {
        const pts = modelData.points
        if (pts.length === 0)
            return Qt.rect(0, 0, 0, 0)
        let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity
        for (const p of pts) {
            x0 = Math.min(x0, p[0]); y0 = Math.min(y0, p[1])
            x1 = Math.max(x1, p[0]); y1 = Math.max(y1, p[1])
        }
        const pad = headSize + lineWidth
        return Qt.rect(Math.floor(originX + x0 * pixelScale - pad), Math.floor(originY + y0 * pixelScale - pad),
                       Math.ceil((x1 - x0) * pixelScale + 2 * pad), Math.ceil((y1 - y0) * pixelScale + 2 * pad))
    }
    // The line in pixels inside that box, and the running length along it.
    readonly property var screenPoints: modelData.points.map(p => Qt.point(originX + p[0] * pixelScale - box.x,
                                                                           originY + p[1] * pixelScale - box.y))
    readonly property var runs: {
        const runs = [0]
        const pts = screenPoints
        for (let i = 1; i < pts.length; ++i)
            runs.push(runs[i - 1] + Math.hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y))
        return runs
    }
    readonly property real length: runs[runs.length - 1]

    // The drawn part: the points up to `shown` of the length, and where it ends.
    readonly property var partial: {
        const pts = screenPoints
        if (pts.length < 2)
            return pts
        const goal = shown * length
        const out = [pts[0]]
        for (let i = 1; i < pts.length; ++i) {
            if (runs[i] <= goal) {
                out.push(pts[i])
                continue
            }
            const step = runs[i] - runs[i - 1]
            const t = step > 0 ? (goal - runs[i - 1]) / step : 0
            out.push(Qt.point(pts[i - 1].x + (pts[i].x - pts[i - 1].x) * t,
                              pts[i - 1].y + (pts[i].y - pts[i - 1].y) * t))
            break
        }
        return out
    }
    readonly property point tip: partial.length > 0 ? partial[partial.length - 1] : Qt.point(0, 0)
    readonly property real tipAngle: {
        const pts = partial
        for (let i = pts.length - 1; i > 0; --i) {
            const dx = pts[i].x - pts[i - 1].x, dy = pts[i].y - pts[i - 1].y
            if (Math.abs(dx) + Math.abs(dy) > 0.01)
                return Math.atan2(dy, dx)
        }
        return 0
    }

    function headAt(x: real, y: real, angle: real): var {
        const s = headSize, c = Math.cos(angle), n = Math.sin(angle)
        return [Qt.point(x + c * s * 0.35, y + n * s * 0.35),
                Qt.point(x - c * s * 0.65 - n * s * 0.5, y - n * s * 0.65 + c * s * 0.5),
                Qt.point(x - c * s * 0.65 + n * s * 0.5, y - n * s * 0.65 - c * s * 0.5),
                Qt.point(x + c * s * 0.35, y + n * s * 0.35)]
    }

    // The heads: one at the tip; a ring has four, pointing at its centre,
    // each showing once the ring has passed it.
    readonly property var heads: {
        if (kind !== "encircle")
            return shown > 0.02 ? [headAt(tip.x, tip.y, tipAngle)] : []
        const pts = screenPoints
        if (pts.length < 5)
            return []
        let cx = 0, cy = 0
        for (let i = 0; i < pts.length - 1; ++i) { cx += pts[i].x; cy += pts[i].y }
        cx /= pts.length - 1
        cy /= pts.length - 1
        const out = []
        for (let k = 0; k < 4; ++k) {
            if (shown < (k + 1) / 4 - 0.01)
                break
            const p = pts[Math.round(k * (pts.length - 1) / 4)]
            const angle = Math.atan2(cy - p.y, cx - p.x)
            const inset = headSize * 0.6
            out.push(headAt(p.x + Math.cos(angle) * inset, p.y + Math.sin(angle) * inset, angle))
        }
        return out
    }

    Shape {
        x: arrow.box.x
        y: arrow.box.y
        width: arrow.box.width
        height: arrow.box.height

        ShapePath {
            strokeColor: Theme.casing
            strokeWidth: arrow.lineWidth + Math.max(2, Math.round(3 * Theme.scale))
            fillColor: "transparent"
            capStyle: ShapePath.RoundCap
            joinStyle: ShapePath.RoundJoin
            PathPolyline { path: arrow.partial }
        }
        ShapePath {
            strokeColor: arrow.colour
            strokeWidth: arrow.lineWidth
            fillColor: "transparent"
            capStyle: arrow.kind === "retreat" ? ShapePath.FlatCap : ShapePath.RoundCap
            joinStyle: ShapePath.RoundJoin
            strokeStyle: arrow.kind === "retreat" ? ShapePath.DashLine : ShapePath.SolidLine
            dashPattern: [2.2, 1.4]
            PathPolyline { path: arrow.partial }
        }
        ShapePath {
            strokeColor: Theme.casing
            strokeWidth: Math.max(1, Math.round(2 * Theme.scale))
            fillColor: arrow.colour
            joinStyle: ShapePath.RoundJoin
            PathMultiline { paths: arrow.heads }
        }
    }

    // The unit's name on a plate by the tail, while the step is current:
    // behind the tail if there is room, else beside it, else beside the
    // arrow's middle, off what `avoid` lists (the flags, the legend).
    Rectangle {
        id: plate
        objectName: "arrowLabel"
        readonly property real gap: Math.round(6 * Theme.scale)
        readonly property real tailX: arrow.originX + arrow.modelData.labelX * arrow.pixelScale
        readonly property real tailY: arrow.originY + arrow.modelData.labelY * arrow.pixelScale
        readonly property point spot: {
            const hx = arrow.modelData.headingX, hy = arrow.modelData.headingY
            const back = Math.abs(hx) * width / 2 + Math.abs(hy) * height / 2 + gap
            const side = Math.abs(hy) * width / 2 + Math.abs(hx) * height / 2 + gap
            // Else beside the arrow halfway along, on either side.
            const pts = arrow.modelData.points
            const mid = pts[Math.floor(pts.length / 2)]
            const midX = arrow.originX + mid[0] * arrow.pixelScale
            const midY = arrow.originY + mid[1] * arrow.pixelScale
            const centres = [Qt.point(tailX - hx * back, tailY - hy * back),
                             Qt.point(tailX - hy * side, tailY + hx * side),
                             Qt.point(tailX + hy * side, tailY - hx * side),
                             Qt.point(midX - hy * side, midY + hx * side),
                             Qt.point(midX + hy * side, midY - hx * side),
                             // Last, behind the tail slid sideways, away from a corner's legend.
                             Qt.point(tailX - hx * back - width, tailY - hy * back),
                             Qt.point(tailX - hx * back + width, tailY - hy * back),
                             Qt.point(midX - hy * 2 * side, midY + hx * 2 * side),
                             Qt.point(midX + hy * 2 * side, midY - hx * 2 * side)]
            // How much of a plate at `c` lies on what it avoids (Infinity off the plan).
            const covered = c => {
                const r = Qt.rect(c.x - width / 2, c.y - height / 2, width, height)
                if (r.x < 0 || r.y < 0 || r.x + r.width > arrow.width || r.y + r.height > arrow.height)
                    return Infinity
                return arrow.avoid.reduce((sum, a) => sum
                    + Math.max(0, Math.min(r.x + r.width, a.x + a.width) - Math.max(r.x, a.x))
                    * Math.max(0, Math.min(r.y + r.height, a.y + a.height) - Math.max(r.y, a.y)), 0)
            }
            // The first free spot; with none, the one that covers least.
            const costs = centres.map(covered)
            const best = costs.indexOf(0) >= 0 ? costs.indexOf(0)
                       : costs.indexOf(Math.min(...costs)) >= 0 && isFinite(Math.min(...costs))
                         ? costs.indexOf(Math.min(...costs)) : 0
            const chosen = centres[best]
            return Qt.point(Math.max(0, Math.min(arrow.width - width, chosen.x - width / 2)),
                            Math.max(0, Math.min(arrow.height - height, chosen.y - height / 2)))
        }
        visible: arrow.current && arrow.named && arrow.modelData.unit.length > 0
        width: label.implicitWidth + 2 * gap
        height: label.implicitHeight + gap
        radius: Math.round(Theme.radius * 0.5)
        color: Qt.alpha(Theme.casing, 0.88)
        border.color: arrow.colour
        border.width: Math.max(1, Math.round(2 * Theme.scale))
        x: spot.x
        y: spot.y

        Text {
            id: label
            anchors.centerIn: parent
            textFormat: Text.PlainText
            text: arrow.modelData.unit
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.weight: Font.DemiBold
        }
    }
}
