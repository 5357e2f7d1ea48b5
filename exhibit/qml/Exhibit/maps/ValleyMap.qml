import QtQuick
import Exhibit

// Placeholder until this stage is drawn.
Rectangle {
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.line
}
