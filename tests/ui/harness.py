"""Drive the real exhibit window the way a visitor does, and read what they see."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem, QQuickWindow
from pytestqt.qtbot import QtBot

from exhibit.app import ExhibitWindow
from exhibit.core.typography import WORD_JOINER


def seen(text: object) -> str:
    """A text as a visitor sees it: without the invisible word joiners that only
    tell the screen where a line must not break (exhibit.core.typography)."""
    return str(text).replace(WORD_JOINER, "")


class Visitor:
    """A window plus the gestures a visitor makes on it."""

    def __init__(self, qtbot: QtBot, running: ExhibitWindow) -> None:
        self.qtbot = qtbot
        self.running = running
        self.window: QQuickWindow = running.window  # type: ignore[assignment]

    # -- finding things -----------------------------------------------------

    @property
    def backends(self):  # the installed backends bundle
        return self.running.backends

    def find(self, name: str) -> QQuickItem:
        item = self.maybe_find(name)
        assert item is not None, f"no item named {name!r}"
        return item

    def maybe_find(self, name: str) -> QQuickItem | None:
        """The item with this objectName, preferring one a visitor can see."""
        matches = [item for item in self.items() if item.objectName() == name]
        shown = [item for item in matches if self.is_shown(item)]
        return (shown or matches or [None])[0]

    def text(self, name: str) -> str:
        return seen(self.find(name).property("text"))

    def is_shown(self, item: QQuickItem) -> bool:
        """Visible all the way up, with some opacity, and inside the window."""
        node: QQuickItem | None = item
        while node is not None:
            if not node.isVisible() or node.opacity() <= 0.01:
                return False
            node = node.parentItem()
        box = item.mapRectToScene(item.boundingRect())
        return (
            box.width() > 0
            and box.height() > 0
            and box.intersects(self.window.contentItem().boundingRect())
        )

    def items(self) -> Iterator[QQuickItem]:
        stack = [self.window.contentItem()]
        while stack:
            item = stack.pop()
            yield item
            # A wrapper of another type stands for an item deleted meanwhile (a
            # delegate of the previous step): it is no longer on the screen.
            stack.extend(child for child in item.childItems() if isinstance(child, QQuickItem))

    def visible_texts(self) -> list[str]:
        """Every non-empty text a visitor can see right now."""
        texts = []
        for item in self.items():
            if item.metaObject().className().startswith("QQuickText") and self.is_shown(item):
                value = item.property("text")
                if value:
                    texts.append(seen(value))
        return texts

    # -- gestures -----------------------------------------------------------

    def center_of(self, item: QQuickItem) -> QPoint:
        return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()

    def tap(self, target: str | QQuickItem) -> None:
        item = self.find(target) if isinstance(target, str) else target
        assert self.is_shown(item), f"{item.objectName()!r} is not visible to tap"
        self.tap_at(self.center_of(item))

    def tap_at(self, point: QPoint) -> None:
        self.qtbot.mouseClick(self.window, Qt.MouseButton.LeftButton, pos=point)
        self.settle()

    def swipe(self, target: str | QQuickItem, dx: int, dy: int = 0, steps: int = 12) -> None:
        """Press, drag in small moves, and lift, like a finger."""
        item = self.find(target) if isinstance(target, str) else target
        start = self.center_of(item)
        self.qtbot.mousePress(self.window, Qt.MouseButton.LeftButton, pos=start)
        for i in range(1, steps + 1):
            point = QPoint(start.x() + dx * i // steps, start.y() + dy * i // steps)
            self.qtbot.mouseMove(self.window, pos=point)
            self.qtbot.wait(8)
        end = QPoint(start.x() + dx, start.y() + dy)
        self.qtbot.mouseRelease(self.window, Qt.MouseButton.LeftButton, pos=end)
        self.settle()

    def press_at(self, point: QPoint) -> None:
        """Put a finger down (and keep it there: see move_to and release_at)."""
        self.qtbot.mousePress(self.window, Qt.MouseButton.LeftButton, pos=point)
        self.settle()

    def move_to(self, point: QPoint) -> None:
        self.qtbot.mouseMove(self.window, pos=point)
        self.settle()

    def release_at(self, point: QPoint) -> None:
        self.qtbot.mouseRelease(self.window, Qt.MouseButton.LeftButton, pos=point)
        self.settle()

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
        self.qtbot.keyClick(self.window, key, modifiers)
        self.settle()

    def settle(self, ms: int = 30) -> None:
        """Let bindings, handlers and a frame or two run."""
        QGuiApplication.processEvents()
        self.qtbot.wait(ms)
