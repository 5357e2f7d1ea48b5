pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// Where the visitor is in the chapter: one dot a step, the current one long.
// Each dot is a target a finger can hit: tapping it goes to that step.
Row {
    id: dots

    required property int count
    required property int current

    signal chosen(int index)

    spacing: 0

    Repeater {
        model: dots.count
        delegate: Item {
            id: dot
            required property int index
            objectName: "stepDot" + index
            width: Theme.minimumTarget
            height: Theme.minimumTarget
            Accessible.role: Accessible.Button
            Accessible.name: UiBackend.format("step_of", dot.index + 1, dots.count)
            Accessible.onPressAction: Assistive.press(() => dots.chosen(dot.index))
            Accessible.ignored: Assistive.storyCovered

            Rectangle {
                anchors.centerIn: parent
                width: dot.index === dots.current ? parent.width * 0.8 : Math.round(12 * Theme.scale)
                height: Math.round(12 * Theme.scale)
                radius: height / 2
                color: dot.index === dots.current ? Theme.gold
                     : dot.index < dots.current ? Theme.textMuted : Theme.line
                Behavior on width { NumberAnimation { duration: Theme.quick } }
            }
            TapHandler { onTapped: dots.chosen(dot.index) }
        }
    }
}
