pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// The title screen's picture: Indochina, the fronts of the offensive, and
// arrows growing from each towards the valley of Điện Biên Phủ, which glows.
// Drawn from the exhibit's own map data, like the chapters' maps, in the
// maps' colours: Việt Nam with Hoàng Sa and Trường Sa, framed by the rule a
// step's view follows (a view of most of Việt Nam holds its islands), with
// the seas and the archipelagos named where the map's label layout puts them.
//
// Interface
//   required property string mapId  the geographic map (MapBackend.geoMapId)
//   required property var shapes    its drawing (MapBackend.geoShapes)
//   required property var places    its places (MapBackend.geoPlaces)
//   required property var areas     its area names (MapBackend.geoAreas)
//   required property var viewBox   [0, 0, width, height] (MapBackend.geoViewBox)
//   required property string target   the place the arrows point to ("" draws none)
//   required property var origins     the places they start from (ids)
//   property bool play              grow the arrows when shown
Item {
    id: hero

    required property string mapId
    required property var shapes
    required property var places
    required property var areas
    required property var viewBox
    required property string target
    required property var origins
    property bool play: true

    readonly property real viewWidth: viewBox[2] ?? 1
    readonly property real viewHeight: viewBox[3] ?? 1
    // The part of the map to show: the lit places as a step would frame them,
    // of the picture's shape; the whole map if there are none.
    readonly property var lit: [target, ...origins].filter(id => id.length > 0)
    readonly property rect frame: frameOf(lit)
    // Never below a thousandth: a picture squeezed to nothing (a window being
    // resized) would otherwise ask for lines a million units wide.
    readonly property real pixelScale: Math.max(1e-3, Math.min(width / frame.width, height / frame.height))
    readonly property real originX: (width - frame.width * pixelScale) / 2 - frame.x * pixelScale
    readonly property real originY: (height - frame.height * pixelScale) / 2 - frame.y * pixelScale
    readonly property real unit: 1 / pixelScale
    readonly property var targetPoint: pointOf(target)

    function pointOf(id: string): var {
        const place = places.find(p => p.id === id)
        return place ? { x: place.x, y: place.y, name: place.name } : { x: 0, y: 0, name: "" }
    }
    function frameOf(ids: var): rect {
        if (ids.length === 0 || width <= 0 || height <= 0 || mapId.length === 0)
            return Qt.rect(0, 0, viewWidth, viewHeight)
        const f = MapBackend.focusOf(mapId, ids, width / height)
        return Qt.rect(f.x, f.y, f.width, f.height)
    }

    // The seas' and archipelagos' names, laid out by the maps' rule with the
    // lit places as obstacles and clear of the valley's name plate.
    readonly property real nameSize: Math.round(Theme.labelSize * 0.9)
    readonly property var shownAreas: areas.filter(a => a.kind !== "country")
    property var nameLayout: ({})
    readonly property var layoutInputs: [mapId, frame, nameSize, width, height, places, areas]
    onLayoutInputsChanged: Qt.callLater(hero.relayout)
    function relayout(): void {
        if (mapId.length === 0 || width <= 1 || height <= 1) {
            nameLayout = {}
            return
        }
        const hidden = places.filter(p => lit.indexOf(p.id) < 0).map(p => p.id)
        const seen = [-originX * unit, -originY * unit, width * unit, height * unit]
        const plate = [(targetLabel.x - originX) * unit, (targetLabel.y - originY) * unit,
                       targetLabel.width * unit, targetLabel.height * unit]
        // The fronts' rings (12 pixels round) and the valley's are obstacles as drawn:
        // a region's symbol is 0.6 of the marker em (exhibit.core.labels.MARKER_RADIUS).
        const ringEm = (14 / 0.6) * unit
        nameLayout = MapBackend.labelLayout(mapId, nameSize * unit, ringEm, [], hidden, seen, [plate])
    }

    objectName: "heroMap"
    clip: true
    Accessible.role: Accessible.Graphic
    Accessible.name: Assistive.spoken(targetPoint.name)
    Accessible.ignored: Assistive.storyCovered

    Rectangle {
        anchors.fill: parent
        color: Theme.mapSea
    }

    // The land and the sea never change while the picture is shown: drawn
    // once into a layer, they are not drawn again on every frame of the
    // arrows' growth or the valley's glow.
    Item {
        id: land
        anchors.fill: parent
        visible: hero.width > 1 && hero.height > 1
        layer.enabled: true

        Item {
            x: hero.originX
            y: hero.originY
            width: hero.viewWidth
            height: hero.viewHeight
            scale: hero.pixelScale
            transformOrigin: Item.TopLeft

            Repeater {
                model: hero.shapes.countries ?? []
                delegate: MapShape {
                    required property var modelData
                    path: modelData.path
                    fillColor: modelData.home ? Theme.mapHome : Theme.mapNeighbour
                    strokeColor: modelData.home ? Theme.mapHomeEdge : Theme.mapNeighbourEdge
                    strokeWidth: 1.5 * hero.unit
                }
            }
            // Islands (an archipelago's dots), where the map data has them.
            Repeater {
                model: (hero.shapes.islands ?? []).reduce((all, a) => all.concat(a.points), [])
                delegate: Rectangle {
                    required property var modelData
                    readonly property real r: 3.2 * hero.unit
                    x: modelData[0] - r
                    y: modelData[1] - r
                    width: 2 * r
                    height: 2 * r
                    radius: r
                    color: Theme.mapHome
                    border.color: Theme.mapHomeEdge
                    border.width: 1.2 * hero.unit
                }
            }
        }
    }

    // Not drawn squeezed to nothing: its rings would be drawn at their size
    // in map units, a thousand times too large.
    Item {
        id: drawing
        visible: hero.width > 1 && hero.height > 1
        x: hero.originX
        y: hero.originY
        width: hero.viewWidth
        height: hero.viewHeight
        scale: hero.pixelScale
        transformOrigin: Item.TopLeft

        // The fronts: gold rings.
        Repeater {
            model: hero.origins
            delegate: Rectangle {
                required property string modelData
                readonly property var point: hero.pointOf(modelData)
                readonly property real r: 12 * hero.unit
                x: point.x - r
                y: point.y - r
                width: 2 * r
                height: 2 * r
                radius: r
                color: Theme.mapRegionFill
                border.color: Theme.mapHighlight
                border.width: 2.5 * hero.unit
            }
        }
        ConvergingArrows {
            objectName: "heroArrows"
            width: hero.viewWidth
            height: hero.viewHeight
            visible: hero.target.length > 0 && hero.visible
            origins: hero.origins.map(id => hero.pointOf(id))
            target: hero.targetPoint
            unit: hero.unit
            play: hero.play
        }
    }

    Repeater {
        model: hero.shownAreas
        delegate: AreaLabel {
            id: areaName
            required property var modelData
            readonly property var spot: hero.nameLayout[modelData.id] ?? null
            objectName: "heroArea-" + modelData.id
            visible: spot !== null
            entry: modelData
            pixelSize: hero.nameSize
            side: spot ? spot.side : "right"
            box: spot ? Qt.rect(hero.originX + spot.x * hero.pixelScale, hero.originY + spot.y * hero.pixelScale,
                                spot.width * hero.pixelScale, spot.height * hero.pixelScale)
                      : Qt.rect(0, 0, 0, 0)
        }
    }

    // The valley glows: a ring that widens and fades, twice, then rests.
    Rectangle {
        id: glow
        readonly property real base: Math.round(40 * Theme.scale)
        visible: hero.target.length > 0
        x: hero.originX + hero.targetPoint.x * hero.pixelScale - width / 2
        y: hero.originY + hero.targetPoint.y * hero.pixelScale - height / 2
        width: base * 2
        height: width
        radius: width / 2
        color: "transparent"
        border.color: Theme.accent
        border.width: Math.max(2, Math.round(4 * Theme.scale))
        // At rest (and with reduced motion): a ring twice the valley's mark.
        opacity: 0.8

        SequentialAnimation {
            running: hero.visible && hero.play && !Theme.reducedMotion
            PauseAnimation { duration: 2200 }
            ParallelAnimation {
                loops: 2
                NumberAnimation { target: glow; property: "width"; from: glow.base; to: glow.base * 3; duration: 1600; easing.type: Easing.OutCubic }
                NumberAnimation { target: glow; property: "opacity"; from: 0.9; to: 0; duration: 1600; easing.type: Easing.OutCubic }
            }
            ParallelAnimation {
                NumberAnimation { target: glow; property: "width"; to: glow.base * 2; duration: Theme.gentle }
                NumberAnimation { target: glow; property: "opacity"; to: 0.8; duration: Theme.gentle }
            }
        }
    }

    // The valley's name, on a plate.
    Rectangle {
        id: targetLabel
        objectName: "heroTargetLabel"
        visible: hero.target.length > 0
        // Above the valley (the arrows come from the east and south), inside the picture.
        x: Math.max(Theme.spacing, Math.min(hero.width - width - Theme.spacing,
                    hero.originX + hero.targetPoint.x * hero.pixelScale - width / 2))
        y: Math.max(Theme.spacing, hero.originY + hero.targetPoint.y * hero.pixelScale
                                   - glow.base - height - Math.round(Theme.spacing * 0.5))
        width: name.implicitWidth + Theme.spacing
        height: name.implicitHeight + Math.round(Theme.spacing * 0.4)
        radius: Math.round(Theme.radius * 0.6)
        color: Theme.plate
        border.color: Theme.accent
        Text {
            id: name
            anchors.centerIn: parent
            textFormat: Text.PlainText
            text: hero.targetPoint.name
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.weight: Font.Bold
            Accessible.ignored: true
        }
    }
}
