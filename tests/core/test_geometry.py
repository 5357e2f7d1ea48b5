"""A remembered window always fits its screen."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from exhibit.core.geometry import fit_rect

SCREEN = (0, 0, 1920, 1040)  # a 1080p screen less a panel


def test_a_huge_remembered_window_is_shrunk_to_the_screen() -> None:
    assert fit_rect((0, 0, 30000, 30000), SCREEN) == SCREEN


def test_a_window_that_fits_stays_where_it_was() -> None:
    assert fit_rect((40, 60, 1100, 720), SCREEN) == (40, 60, 1100, 720)


def test_a_window_left_on_a_monitor_that_is_gone_comes_back() -> None:
    assert fit_rect((3000, 200, 800, 600), SCREEN) == (1120, 200, 800, 600)


coordinate = st.integers(-100_000, 100_000)
size = st.integers(1, 100_000)


@given(
    rect=st.tuples(coordinate, coordinate, size, size),
    area=st.tuples(coordinate, coordinate, size, size),
)
def test_the_result_is_inside_the_area_and_no_bigger_than_asked(rect, area) -> None:
    x, y, width, height = fit_rect(rect, area)
    area_x, area_y, area_width, area_height = area
    assert area_x <= x and x + width <= area_x + area_width
    assert area_y <= y and y + height <= area_y + area_height
    assert (width, height) == (min(rect[2], area_width), min(rect[3], area_height))
    if rect[0] >= area_x and rect[0] + rect[2] <= area_x + area_width:
        assert x == rect[0]  # a window that fits across is not moved across
