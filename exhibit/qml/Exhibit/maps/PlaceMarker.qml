pragma ComponentBehavior: Bound
import QtQuick
import Exhibit
import Exhibit.Backend

// A place on a map: a small symbol for its kind, centred in a target a finger
// can hit (at least 48 px). The map's tap handler finds the nearest marker, so
// markers that sit close together stay tappable; a screen reader or the
// keyboard presses the marker itself.
//
// Its symbol is a MapSymbol (the legend draws the same), and the attack
// ring is made only while the place is attacked: a map opens with a few
// items per place rather than a dozen, most of them hidden.
Item {
    id: marker

    required property var place
    required property bool highlighted
    property string placeState: ""
    property bool selected: false

    signal activated()

    objectName: "place-" + place.id
    width: Theme.minimumTarget
    height: Theme.minimumTarget

    readonly property string kind: place.kind
    readonly property real size: symbol.size
    readonly property color ink: symbol.ink

    activeFocusOnTab: true
    Accessible.role: Accessible.Button
    Accessible.name: Assistive.spoken(place.name) + (placeState.length > 0
                                   ? " – " + (UiBackend.strings["state_" + placeState] ?? "") : "")
    Accessible.onPressAction: Assistive.press(marker.activated)
    Accessible.ignored: Assistive.storyCovered
    Keys.onReturnPressed: marker.activated()
    Keys.onEnterPressed: marker.activated()
    Keys.onSpacePressed: marker.activated()

    // Selected or focused from the keyboard: a ring around the symbol.
    Rectangle {
        anchors.centerIn: parent
        visible: marker.selected || marker.activeFocus
        width: marker.size + Math.round(16 * Theme.scale)
        height: width
        radius: width / 2
        color: "transparent"
        border.width: Math.max(2, Math.round(3 * Theme.scale))
        border.color: marker.activeFocus ? Theme.focus : Theme.text
    }

    MapSymbol {
        id: symbol
        objectName: "symbol-" + marker.place.id
        anchors.centerIn: parent
        kind: marker.kind
        look: marker.placeState
        highlighted: marker.highlighted
        bearing: marker.place.bearing ?? 270
        pulsing: marker.visible
    }
}
