import QtQuick
import Exhibit

// A thin line from a place's symbol to its label, for a label that found no
// room beside its place. From (x1, y1) to (x2, y2) in pixels; it starts
// `inset` pixels out from the first point, at the symbol's edge.
Rectangle {
    id: leader

    required property real x1
    required property real y1
    required property real x2
    required property real y2
    property real inset: 0

    readonly property real length: Math.hypot(x2 - x1, y2 - y1)
    readonly property real ux: length > 0 ? (x2 - x1) / length : 0
    readonly property real uy: length > 0 ? (y2 - y1) / length : 0

    x: x1 + ux * inset
    y: y1 + uy * inset - height / 2
    width: Math.max(0, length - inset)
    height: Math.max(2, Math.round(2 * Theme.scale))
    transformOrigin: Item.Left
    rotation: Math.atan2(y2 - y1, x2 - x1) * 180 / Math.PI
    color: Theme.mapLabelText
    border.width: Math.max(1, Math.round(Theme.scale))
    border.color: Theme.mapHalo
}
