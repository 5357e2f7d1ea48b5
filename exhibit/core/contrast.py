"""Colour contrast as WCAG 2.2 defines it, in plain Python (no Qt).

The maps must let a visitor tell apart land and sea, Việt Nam and its
neighbours, the hills and the valley floor, and each stronghold's state and
the ground under it: WCAG 2.2 success criterion 1.4.11 (non-text contrast)
asks 3:1 between such colours, and 1.4.3 asks 4.5:1 for text (3:1 for large
text). The tests compute these ratios from the theme's named colours.
"""

from __future__ import annotations

import re

NON_TEXT = 3.0
"""The least contrast between parts of a graphic a visitor must tell apart (1.4.11)."""
TEXT = 4.5
"""The least contrast of normal-size text against its background (1.4.3)."""

_HEX = re.compile(r"#?([0-9a-fA-F]{6})")


def rgb(colour: str) -> tuple[int, int, int]:
    """``"#rrggbb"`` as three 0..255 integers."""
    match = _HEX.fullmatch(colour.strip())
    if match is None:
        raise ValueError(f"not an opaque #rrggbb colour: {colour!r}")
    value = match.group(1)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _linear(channel: int) -> float:
    c = channel / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance, 0 (black) to 1 (white)."""
    r, g, b = (_linear(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """The contrast ratio of two colours, 1 (the same) to 21 (black and white)."""
    a, b = sorted((luminance(first), luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)
