pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// The places of a map, over its drawing: a marker for each and a label for
// each the layout could fit. Everything here is in screen pixels; a place at
// view-box point (x, y) sits at (originX + x * pixelScale, originY + y * pixelScale).
// The label layout (exhibit.core.labels.place_labels, via MapBackend.labelLayout)
// is recomputed when the view settles, when zooming out crosses a step of
// 2^(1/4), or when the places, the highlighted ones or the language change;
// never per frame, and once for inputs that change together.
//
// A marker and a label per place, made once: the Repeaters count places
// rather than hold them, so a new list of the same places (the names in
// another language) updates each in place; a step only changes properties.
// A label that found no room beside its place has a leader line to it, and
// may show the place's short name. The map's area names (seas, countries,
// archipelagos: `areas`) go through the same layout, so no name covers
// another.
Item {
    id: placeLayer

    required property string mapId
    required property var places
    required property var highlighted
    required property real fitScale
    required property real pixelScale
    required property real originX
    required property real originY
    property var hidden: []
    property var areas: []
    property var strongholdStates: ({})
    property string selectedId: ""
    property real fontPixels: Theme.labelSize
    // The part of the map to lay labels out in (view units), e.g. where the
    // view last settled; empty: the whole map.
    property rect viewport: Qt.rect(0, 0, 0, 0)
    // Rectangles over the layer (pixels, e.g. buttons) that labels keep off.
    property var reserved: []

    // A tap on the layer: the nearest place under the finger, or "" for none.
    signal placeTapped(string placeId)

    // For assistive technology: the group of the map's places (each a button).
    Accessible.role: Accessible.Grouping
    Accessible.name: UiBackend.strings.places_label ?? ""
    Accessible.ignored: Assistive.storyCovered

    // The scale the view last rested at (an embedding that moves the view sets it).
    property real settledScale: pixelScale
    // The scale the layout is computed for: the smaller of the current and the
    // resting scale, rounded down to a step of 2^(1/4). The boxes it reserves are
    // then never smaller on screen than the labels drawn in them, and while the
    // view zooms in (a step's gentle move) the layout is not recomputed at all.
    readonly property real layoutScale: fitScale
        * Math.pow(2, Math.floor(Math.log(Math.max(Math.min(pixelScale, settledScale) / fitScale, 1))
                                 / Math.LN2 * 4 + 1e-6) / 4)
    // Where each label goes ({place id: {side, x, y, width, height}}, view units).
    property var layout: ({})
    // Everything the layout depends on. When several change in one go (a new
    // language renames the places and resizes the buttons labels keep off),
    // the layout is computed once, just after them (Qt.callLater), not once
    // for each.
    readonly property var layoutInputs: [mapId, places, areas, fontPixels / layoutScale, highlighted, hidden,
                                         viewport, reserved, width, height]
    onLayoutInputsChanged: Qt.callLater(placeLayer.relayout)
    Component.onCompleted: relayout()
    // A layer being destroyed (its chapter closed) may still have a layout
    // pending; it then does nothing.
    property bool closing: false
    Component.onDestruction: closing = true

    function relayout(): void {
        if (closing)
            return
        layout = places.length > 0 && width > 0 && height > 0
            ? MapBackend.labelLayout(mapId, fontPixels / layoutScale, Theme.labelSize / layoutScale,
                                     highlighted, hidden, viewportList(), reservedInView()) : ({})
    }

    // The place at `index` of `places`; while the list shrinks, a delegate
    // about to go may still ask for one past its end.
    readonly property var nowhere: ({ id: "", kind: "", name: "", label: "", short: "", x: 0, y: 0,
                                      line: "", sector: "", bearing: 270 })
    function placeOf(index: int): var { return places[index] ?? nowhere }

    function viewportList(): var {
        return viewport.width > 0 ? [viewport.x, viewport.y, viewport.width, viewport.height] : []
    }
    // The reserved rectangles in view units, through the settled viewport
    // (which spans the whole layer), so they do not change while the map moves.
    function reservedInView(): var {
        if (viewport.width <= 0 || width <= 0 || height <= 0)
            return []
        const sx = viewport.width / width
        const sy = viewport.height / height
        return reserved.map(r => [viewport.x + r.x * sx, viewport.y + r.y * sy,
                                  r.width * sx, r.height * sy])
    }

    function toX(x: real): real { return originX + x * pixelScale }
    function toY(y: real): real { return originY + y * pixelScale }

    function isShown(place: var): bool { return hidden.indexOf(place.id) < 0 }

    function placeAt(px: real, py: real): string {
        const reach = Theme.minimumTarget * 0.6
        let best = ""
        let bestDistance = reach
        for (const place of places) {
            if (!isShown(place))
                continue
            const d = Math.hypot(toX(place.x) - px, toY(place.y) - py)
            if (d <= bestDistance) {
                best = place.id
                bestDistance = d
            }
        }
        return best
    }

    TapHandler {
        onTapped: eventPoint => placeLayer.placeTapped(placeLayer.placeAt(eventPoint.position.x,
                                                                eventPoint.position.y))
    }

    function boxOf(spot: var): rect {
        return spot ? Qt.rect(toX(spot.x), toY(spot.y), spot.width * pixelScale, spot.height * pixelScale)
                    : Qt.rect(0, 0, 0, 0)
    }

    Repeater {
        model: placeLayer.areas.length
        delegate: AreaLabel {
            required property int index
            readonly property var spot: placeLayer.layout[entry.id] ?? null
            entry: placeLayer.areas[index] ?? ({ id: "", kind: "", label: "" })
            objectName: "area-" + entry.id
            visible: spot !== null
            side: spot ? spot.side : "centre"
            pixelSize: placeLayer.fontPixels
            box: placeLayer.boxOf(spot)
        }
    }

    Repeater {
        model: placeLayer.places.length
        delegate: LeaderLine {
            required property int index
            readonly property var modelData: placeLayer.placeOf(index)
            readonly property var spot: placeLayer.layout[modelData.id] ?? null
            readonly property var ends: spot && spot.leader.length === 4 ? spot.leader : [0, 0, 0, 0]
            objectName: "leader-" + modelData.id
            visible: spot !== null && spot.leader.length === 4 && placeLayer.isShown(modelData)
            x1: placeLayer.toX(ends[0])
            y1: placeLayer.toY(ends[1])
            x2: placeLayer.toX(ends[2])
            y2: placeLayer.toY(ends[3])
            inset: Theme.labelSize * 0.5
        }
    }

    Repeater {
        model: placeLayer.places.length
        delegate: PlaceLabel {
            required property int index
            readonly property var modelData: placeLayer.placeOf(index)
            readonly property var spot: placeLayer.layout[modelData.id] ?? null
            objectName: "label-" + modelData.id
            visible: spot !== null && placeLayer.isShown(modelData)
            text: spot && spot.short ? modelData.short : modelData.label
            side: spot ? spot.side : ""
            highlighted: placeLayer.highlighted.indexOf(modelData.id) >= 0
            // A highlighted label may cover the marker of a place that is not.
            z: highlighted ? 2 : 0
            pixelSize: placeLayer.fontPixels
            box: placeLayer.boxOf(spot)
        }
    }

    Repeater {
        model: placeLayer.places.length
        delegate: PlaceMarker {
            required property int index
            readonly property var modelData: placeLayer.placeOf(index)
            place: modelData
            // Off the layer, a marker is hidden (its arrow, a Shape, would
            // otherwise escape the clip in the software renderer).
            visible: placeLayer.isShown(modelData) && x + width > 0 && y + height > 0
                     && x < placeLayer.width && y < placeLayer.height
            highlighted: placeLayer.highlighted.indexOf(modelData.id) >= 0
            placeState: placeLayer.strongholdStates[modelData.id] ?? ""
            selected: placeLayer.selectedId === modelData.id
            z: highlighted ? 3 : 1
            x: Math.round(placeLayer.toX(modelData.x) - width / 2)
            y: Math.round(placeLayer.toY(modelData.y) - height / 2)
            onActivated: placeLayer.placeTapped(modelData.id)
        }
    }
}
