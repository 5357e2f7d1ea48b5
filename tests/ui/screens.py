"""Every screen of the exhibit, and what is on it, for whole-UI checks.

``every_screen(visitor)`` moves one open window through the title screen and
each step of each chapter, in the language the window shows, yielding a label
for each screen once it has settled. Checks open the window with reduced
motion (no slides or flights to wait for) and run both languages in the same
window, so a name that does not follow the language toggle is caught.

The item helpers read the live Qt Quick item tree:

- ``interactive`` is an item a visitor can act on: one with a pointer handler
  (TapHandler, DragHandler, PinchHandler, WheelHandler), a MouseArea or
  Flickable, ``activeFocusOnTab``, or an accessible role that acts (Button,
  Slider ...).
- ``accessible(item)`` reads its role and name as assistive technology does,
  through ``QAccessible.queryAccessibleInterface`` on the item (this works on
  the offscreen platform with no screen reader running, and gives exactly the
  ``Accessible.role`` / ``Accessible.name`` QML attached, or Qt's defaults).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QAccessible
from PySide6.QtQuick import QQuickItem

from exhibit.core.story import TITLE, Position
from tests.ui.harness import Visitor, seen

POINTER_HANDLERS = (
    "QQuickTapHandler",
    "QQuickDragHandler",
    "QQuickPinchHandler",
    "QQuickWheelHandler",
)
INTERACTIVE_ITEMS = ("QQuickMouseArea", "QQuickFlickable")
ACTING_ROLES = {
    QAccessible.Role.Button,
    QAccessible.Role.CheckBox,
    QAccessible.Role.RadioButton,
    QAccessible.Role.Slider,
    QAccessible.Role.SpinBox,
    QAccessible.Role.Dial,
    QAccessible.Role.ScrollBar,
    QAccessible.Role.PageTab,
    QAccessible.Role.Link,
    QAccessible.Role.ComboBox,
    QAccessible.Role.EditableText,
    QAccessible.Role.MenuItem,
    QAccessible.Role.ListItem,
}
#: Roles Qt gives an item that declared none.
NO_ROLE = {QAccessible.Role.NoRole, QAccessible.Role.Client}


def class_name(item: QQuickItem) -> str:
    return item.metaObject().className()


def enabled_handlers(item: QQuickItem) -> list[str]:
    return [
        child.metaObject().className()
        for child in item.children()
        if child.metaObject().className().startswith(POINTER_HANDLERS)
        and child.property("enabled") is not False
    ]


@dataclass(frozen=True)
class Accessible:
    role: QAccessible.Role
    name: str


def accessible(item: QQuickItem) -> Accessible:
    face = QAccessible.queryAccessibleInterface(item)
    if face is None or not face.isValid():
        return Accessible(QAccessible.Role.NoRole, "")
    return Accessible(face.role(), seen(face.text(QAccessible.Text.Name) or ""))


def is_interactive(item: QQuickItem) -> bool:
    if enabled_handlers(item) or item.activeFocusOnTab():
        return True
    if class_name(item).startswith(INTERACTIVE_ITEMS):
        return bool(item.isEnabled())
    return accessible(item).role in ACTING_ROLES


def is_tappable(item: QQuickItem) -> bool:
    """Acted on by a touch at a point (not a drag): needs a finger-sized target."""
    names = enabled_handlers(item)
    return (
        any(name.startswith("QQuickTapHandler") for name in names)
        or class_name(item).startswith("QQuickMouseArea")
        or accessible(item).role in ACTING_ROLES
    )


def label(item: QQuickItem) -> str:
    """How to name an item in a failure message."""
    name = item.objectName()
    path = []
    node: QQuickItem | None = item
    while node is not None and len(path) < 4:
        path.append(node.objectName() or class_name(node).split("_QML")[0])
        node = node.parentItem()
    return f"{name or class_name(item)} (in {' < '.join(path[1:])})"


def scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def positions(visitor: Visitor) -> Iterator[tuple[str, Position]]:
    yield "title", TITLE
    for chapter in visitor.backends.session.exhibit.chapters:
        for index in range(len(chapter.steps)):
            yield f"{chapter.id}/{index + 1}", Position(chapter.id, index)


def every_screen(visitor: Visitor, settle_ms: int = 40) -> Iterator[str]:
    """Show each screen in turn (in the window's current language); yield its label."""
    story = visitor.backends.session.story
    language = visitor.backends.session.language
    for name, position in positions(visitor):
        story.go_to(position)
        visitor.settle(settle_ms)
        yield f"{name} [{language}]"
