"""Rectangles on screens, in plain integers (no Qt): where a window may go."""

from __future__ import annotations

Rect = tuple[int, int, int, int]
"""``(x, y, width, height)`` in screen pixels."""


def fit_rect(rect: Rect, area: Rect) -> Rect:
    """``rect`` made to fit ``area``: no larger than it, and moved inside it.

    A remembered window of 30000 x 30000, or one left on a monitor that is
    gone, ends up whole on the screen: shrunk to the area, then moved the
    least distance that puts it inside.
    """
    x, y, width, height = rect
    area_x, area_y, area_width, area_height = area
    width, height = min(width, area_width), min(height, area_height)
    x = min(max(x, area_x), area_x + area_width - width)
    y = min(max(y, area_y), area_y + area_height - height)
    return x, y, width, height
