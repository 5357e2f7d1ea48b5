pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// A map's legend: every symbol and colour of the part of the map on screen,
// in the current language, each drawn as the map draws it. Its header is a
// button that folds it away and brings it back, so it is always in reach
// and never in the way for long. What it lists comes from
// MapBackend.legendEntries (exhibit.core.legend), asked again when the view
// settles, the step changes or the language changes; never per frame.
//
// Entries are named "legend-<id>"; the header "legendToggle".
Item {
    id: legend

    required property string mapId
    // The part of the map on screen (view units); empty: the whole map.
    property rect viewport: Qt.rect(0, 0, 0, 0)
    property var highlighted: []
    property var hidden: []
    property var looks: ({})
    property bool expanded: true
    // A UI string shown under the header, folded or not (a plan's
    // "schematic, not to scale"); "" for none.
    property string noteKey: ""
    readonly property string note: noteKey.length > 0 ? UiBackend.strings[noteKey] ?? "" : ""
    // The widest the legend may be, in pixels, and in how many columns it lists.
    property real maxWidth: Math.round(420 * Theme.scale)
    property int columns: 1

    property var entries: []
    readonly property var inputs: [mapId, viewport, highlighted, hidden, looks, UiBackend.language]
    onInputsChanged: Qt.callLater(legend.refresh)
    Component.onCompleted: refresh()
    property bool closing: false
    Component.onDestruction: closing = true

    function refresh(): void {
        if (closing)
            return
        const view = viewport.width > 0 ? [viewport.x, viewport.y, viewport.width, viewport.height] : []
        entries = mapId.length > 0 ? MapBackend.legendEntries(mapId, view, highlighted, hidden, looks) : []
    }

    // The legend is as wide as its words in the widest language, so it covers
    // the same part of the map in every language.
    FontMetrics {
        id: metrics
        font.family: Theme.fontFamily
        font.pixelSize: legend.fontPixels
    }
    // The family and size are passed so the bindings are evaluated again when
    // the font is set (advanceWidth alone does not notify).
    function widest(texts: var, family: string, pixels: real): real {
        let most = 0
        for (const text of texts)
            most = Math.max(most, metrics.advanceWidth(text))
        return Math.ceil(most)
    }
    readonly property real noteWidth: noteKey.length > 0 ? widest(MapBackend.stringInAll(noteKey), metrics.font.family,
                                                                metrics.font.pixelSize) : 0
    // The longest entry the legend may ever list: its rows take that room.
    readonly property real rowWidth: Math.min(
        (maxWidth - 2 * pad) / columns - (columns - 1) * pad,
        swatch + pad + widest(mapId.length > 0 ? MapBackend.legendWords(mapId) : [],
                              metrics.font.family, metrics.font.pixelSize))

    readonly property real pad: Math.round(Theme.spacing * 0.5)
    readonly property real swatch: Math.round(30 * Theme.scale)
    readonly property real fontPixels: Theme.smallSize

    width: Math.min(maxWidth, Math.max(toggle.implicitWidth, noteWidth + 2 * pad,
                                       expanded ? list.width + 2 * pad : 0))
    height: toggle.height + (note.length > 0 ? noteText.height + pad : 0) + (expanded ? list.height + pad : 0)

    Accessible.role: Accessible.Grouping
    Accessible.name: UiBackend.strings.legend_title ?? ""
    Accessible.ignored: Assistive.storyCovered

    Rectangle {
        anchors.fill: parent
        radius: Math.round(Theme.radius * 0.6)
        color: Theme.mapLabelFill
        border.width: 1
        border.color: Theme.line
    }

    // The header: a button the width of the legend, with a chevron.
    Rectangle {
        id: toggle
        objectName: "legendToggle"
        width: legend.width
        implicitWidth: title.implicitWidth + chevron.width + 3 * legend.pad
        height: Math.max(Theme.minimumTarget, title.implicitHeight + legend.pad)
        radius: Math.round(Theme.radius * 0.6)
        color: "transparent"
        border.width: activeFocus ? Math.max(2, Math.round(3 * Theme.scale)) : 0
        border.color: Theme.focus
        activeFocusOnTab: true
        Accessible.role: Accessible.Button
        Accessible.name: UiBackend.strings.legend_title ?? ""
        Accessible.onPressAction: legend.expanded = !legend.expanded
        Accessible.ignored: Assistive.storyCovered
        Keys.onReturnPressed: legend.expanded = !legend.expanded
        Keys.onEnterPressed: legend.expanded = !legend.expanded
        Keys.onSpacePressed: legend.expanded = !legend.expanded

        Text {
            id: title
            textFormat: Text.PlainText
            x: legend.pad
            anchors.verticalCenter: parent.verticalCenter
            text: UiBackend.strings.legend_title ?? ""
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.weight: Font.DemiBold
        }
        // Drawn, not a glyph: the bundled typeface has no triangles.
        Icon {
            id: chevron
            name: legend.expanded ? "chevron-down" : "chevron-right"
            color: Theme.textMuted
            width: Theme.smallSize
            height: width
            anchors.right: parent.right
            anchors.rightMargin: legend.pad
            anchors.verticalCenter: parent.verticalCenter
        }
        TapHandler {
            onTapped: legend.expanded = !legend.expanded
        }
    }

    Text {
        id: noteText
        objectName: "mapSchematic"
        visible: legend.note.length > 0
        textFormat: Text.PlainText
        x: legend.pad
        y: toggle.height - Math.round(legend.pad / 2)
        width: legend.width - 2 * legend.pad
        // As many lines as the widest language needs, in every language.
        readonly property int lines: Math.max(1, Math.ceil(legend.noteWidth / Math.max(1, width)))
        height: visible ? Math.max(implicitHeight, lines * metrics.height) : 0
        text: legend.note
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.smallSize
        font.italic: true
        wrapMode: Text.WordWrap
    }

    Grid {
        id: list
        columns: legend.columns
        columnSpacing: legend.pad * 2
        visible: legend.expanded
        x: legend.pad
        y: noteText.y + noteText.height + (legend.note.length > 0 ? legend.pad : Math.round(legend.pad / 2))
        rowSpacing: Math.round(legend.pad * 0.5)

        Repeater {
            model: legend.entries
            delegate: Item {
                id: row
                required property var modelData
                objectName: "legend-" + modelData.id
                implicitWidth: legend.rowWidth
                width: legend.rowWidth
                height: Math.max(legend.swatch, label.height)

                LegendSwatch {
                    width: legend.swatch
                    height: legend.swatch
                    anchors.verticalCenter: parent.verticalCenter
                    shape: row.modelData.shape
                    kind: row.modelData.kind
                    look: row.modelData.look
                }
                Text {
                    id: label
                    objectName: "legendText-" + row.modelData.id
                    textFormat: Text.PlainText
                    x: legend.swatch + legend.pad
                    width: Math.min(implicitWidth, row.width - x)
                    anchors.verticalCenter: parent.verticalCenter
                    text: row.modelData.label
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: legend.fontPixels
                    wrapMode: Text.WordWrap
                }
            }
        }
    }
}
