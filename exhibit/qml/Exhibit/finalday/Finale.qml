pragma ComponentBehavior: Bound
import QtQuick
import Exhibit

// The day's end: the campaign's totals in large numerals, each counting up
// from zero to exactly the content's text (the texts come from
// DayPlanBackend: nothing is formatted here), one after the other, then
// still. A figure that is no number ("All") fades in. With reduced motion,
// every figure is shown at once with a short fade.
Item {
    id: finale

    // DayPlanBackend.figures: [{value, label, countUp: [texts...]}, ...].
    required property var figures
    // Set true once the hands have arrived: the count starts then.
    property bool running: false
    // How far the count has gone, in milliseconds since it started; with
    // reduced motion, all the way at once.
    property real counted: 0
    readonly property real shownCount: Theme.reducedMotion && running ? totalMs : counted

    // Each figure counts for countMs, starting staggerMs after the one before.
    readonly property int countMs: 1400
    readonly property int staggerMs: 450
    readonly property int totalMs: countMs + staggerMs * Math.max(0, figures.length - 1)
    readonly property real rowHeight: height / Math.max(1, figures.length)

    onRunningChanged: restart()
    onFiguresChanged: restart()
    Connections {
        target: Theme
        function onReducedMotionChanged(): void { finale.restart() }
    }

    function restart(): void {
        count.stop()
        if (!running) {
            counted = 0
            return
        }
        if (Theme.reducedMotion) {
            counted = totalMs
            return
        }
        counted = 0
        count.to = totalMs
        count.duration = totalMs
        count.start()
    }

    NumberAnimation {
        id: count
        target: finale
        property: "counted"
        from: 0
        easing.type: Easing.Linear
    }

    opacity: running ? 1 : 0
    Behavior on opacity { NumberAnimation { duration: Theme.gentle } }

    Column {
        anchors.fill: parent

        Repeater {
            model: finale.figures
            delegate: Item {
                id: row
                required property var modelData
                required property int index
                // This figure's share of the count, eased so it slows into place.
                readonly property real own: Math.max(0, Math.min(1, (finale.shownCount - index * finale.staggerMs)
                                                                    / finale.countMs))
                readonly property real eased: 1 - Math.pow(1 - own, 3)
                readonly property var texts: modelData.countUp
                width: finale.width
                height: finale.rowHeight
                opacity: texts.length > 1 ? (own > 0 ? 1 : 0.15) : own
                objectName: "finaleFigure" + index

                Text {
                    id: number
                    objectName: "finaleValue"
                    textFormat: Text.PlainText
                    width: parent.width * 0.46
                    height: parent.height
                    horizontalAlignment: Text.AlignRight
                    verticalAlignment: Text.AlignVCenter
                    text: row.texts[Math.min(row.texts.length - 1,
                                             Math.round(row.eased * (row.texts.length - 1)))]
                    color: Theme.gold
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.min(Math.round(row.height * 0.72), Math.round(120 * Theme.scale))
                    font.weight: Font.Bold
                    font.features: { "tnum": 1 }
                    fontSizeMode: Text.HorizontalFit
                    minimumPixelSize: Theme.titleSize
                }
                Text {
                    objectName: "finaleLabel"
                    textFormat: Text.PlainText
                    x: number.width + Theme.spacing
                    width: parent.width - x
                    height: parent.height
                    verticalAlignment: Text.AlignVCenter
                    text: row.modelData.label
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.labelSize
                    font.weight: Font.Medium
                    wrapMode: Text.WordWrap
                    // As many lines as the row holds: a narrow column (the
                    // clock's in portrait) wraps a long label, not cuts it.
                    maximumLineCount: Math.max(3, Math.floor(height / (font.pixelSize * 1.25)))
                    elide: Text.ElideRight
                }
            }
        }
    }
}
