"""Where a classroom window opens: never larger than the screen can show.

A classroom laptop is often 1366x768, and a window remembered from a
projector, or the exhibit's 1920x1080 default, would open with its language
toggle and its navigation off the screen. So the window is shrunk to the
screen's available area (without the panels), and placed inside it: where it
was, if that still fits, else in the middle.
"""

from __future__ import annotations

from typing import NamedTuple


class Box(NamedTuple):
    """A rectangle in screen pixels: left, top, width, height."""

    x: int
    y: int
    width: int
    height: int


def fit_window(
    width: int,
    height: int,
    available: Box,
    position: tuple[int, int] | None = None,
    frame: tuple[int, int] = (0, 0),
) -> Box:
    """Where the window's frame goes (its corner) and the size of its content.

    ``width`` and ``height`` are the content's wanted size, ``available`` the
    screen's available area, ``position`` the corner of the frame where the
    window was (None: centre it), and ``frame`` the extra width and height
    the window manager's frame adds around the content.
    """
    room_width = max(1, available.width - frame[0])
    room_height = max(1, available.height - frame[1])
    fitted_width = max(1, min(width, room_width))
    fitted_height = max(1, min(height, room_height))
    if position is None:
        x = available.x + (room_width - fitted_width) // 2
        y = available.y + (room_height - fitted_height) // 2
    else:
        x = min(max(position[0], available.x), available.x + room_width - fitted_width)
        y = min(max(position[1], available.y), available.y + room_height - fitted_height)
    return Box(x, y, fitted_width, fitted_height)
