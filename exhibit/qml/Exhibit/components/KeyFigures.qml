pragma ComponentBehavior: Bound
import QtQuick
import Exhibit

// A step's key figures set as large numerals, each with what it counts under
// it: "16,200 / enemy troops at the peak". Two or three side by side, in rows.
//
// Interface
//   required property var figures   [{value, label}, ...] in the current language
//   property int columns            figures per row (default: as many as fit,
//                                   at most three)
Item {
    id: block

    required property var figures
    property int columns: Math.max(1, Math.min(figures.length, 3,
                                               Math.floor((width + gap) / (minimumWidth + gap))))

    // One to three figures are the step's point and set very large; a longer
    // list (a campaign's totals) is set smaller, three to a row.
    readonly property bool many: figures.length > 3
    readonly property real numeralSize: many ? Theme.headingSize : Theme.numeralSize
    readonly property real gap: Theme.spacing * 1.5
    readonly property real minimumWidth: Math.round((many ? 150 : 220) * Theme.scale)
    readonly property real cellWidth: (width - (columns - 1) * gap) / columns

    objectName: "keyFigures"
    visible: figures.length > 0
    implicitHeight: grid.implicitHeight

    Grid {
        id: grid
        width: block.width
        columns: block.columns
        columnSpacing: block.gap
        rowSpacing: Theme.spacing

        Repeater {
            model: block.figures
            delegate: Column {
                id: figure
                required property var modelData
                required property int index
                objectName: "keyFigure-" + index
                width: block.cellWidth
                spacing: Math.round(4 * Theme.scale)

                Accessible.role: Accessible.StaticText
                Accessible.name: modelData.value + " " + modelData.label

                Rectangle {
                    width: Math.round(48 * Theme.scale)
                    height: Math.max(2, Math.round(4 * Theme.scale))
                    color: Theme.accent
                }
                Text {
                    objectName: "keyFigureValue"
                    textFormat: Text.PlainText
                    width: parent.width
                    text: figure.modelData.value
                    color: Theme.gold
                    font.family: Theme.fontFamily
                    font.pixelSize: block.numeralSize
                    font.weight: Font.Bold
                    fontSizeMode: Text.HorizontalFit
                    minimumPixelSize: Theme.titleSize
                    wrapMode: Text.NoWrap
                    lineHeight: 1.0
                    Accessible.ignored: true
                }
                Text {
                    objectName: "keyFigureLabel"
                    textFormat: Text.PlainText
                    width: parent.width
                    text: figure.modelData.label
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: block.many ? Theme.smallSize : Theme.labelSize
                    lineHeight: 1.15
                    wrapMode: Text.WordWrap
                    Accessible.ignored: true
                }
            }
        }
    }
}
