"""What the legends explain, how strongholds are drawn, and the maps' scale and north (no Qt)."""

from __future__ import annotations

import math

import pytest

from exhibit.core.legend import (
    LEGEND,
    LOOKS,
    UNTOLD,
    legend_entries,
    possible_entries,
    step_marks,
    string_key,
    stronghold_looks,
)
from exhibit.core.maps import MapData, Rect
from exhibit.core.model import Exhibit
from exhibit.core.projection import nice_length
from exhibit.core.timeline import Timeline


def _day_looks(exhibit: Exhibit, valley: MapData, index: int) -> dict[str, str]:
    timeline = Timeline.from_chapter(exhibit.chapter("final-day"))
    told = {k: v.value for k, v in timeline.states_after_event(index).items()}
    return stronghold_looks(valley, told)


# -- legends ----------------------------------------------------------------------


def test_every_legend_entry_has_its_words_in_every_language(exhibit):
    for entry in LEGEND:
        text = exhibit.strings[string_key(entry)]
        for language in exhibit.language_codes:
            assert text.get(language).strip(), (entry, language)
    assert string_key("stronghold-taken") == "legend_stronghold_taken"


def test_the_whole_indochina_map_explains_its_colours_and_symbols(indochina):
    entries = legend_entries(indochina)
    assert entries[:3] == ["vietnam", "neighbour", "archipelago"]
    assert {"town", "region", "airfield", "road", "railway"} <= set(entries)
    assert "highlight" not in entries  # nothing is highlighted
    lit = legend_entries(indochina, highlighted=["ha-noi"])
    assert lit[0] == "highlight"
    # Plan symbols never appear on the geographic map.
    assert not {"stronghold", "hill", "escape", "sector"} & set(entries)


def test_a_legend_lists_only_what_lies_in_view(indochina):
    hanoi = indochina.place("ha-noi")
    close = Rect(hanoi.x - 5, hanoi.y - 5, 10, 10)  # Hà Nội and Gia Lâm only
    entries = legend_entries(indochina, viewport=close)
    assert "town" in entries and "airfield" in entries
    assert "railway" not in entries and "region" not in entries
    assert "archipelago" not in entries
    # A road is explained when it crosses the view, even with no end in it.
    road = indochina.place("hanoi-haiphong-road")
    (ax, ay), (bx, by) = road.line[0], road.line[-1]
    middle = Rect((ax + bx) / 2 - 1, (ay + by) / 2 - 1, 2, 2)
    assert "road" in legend_entries(indochina, viewport=middle)


def test_the_plan_legend_follows_the_strongholds_looks(exhibit, valley):
    held = stronghold_looks(valley, None)
    entries = legend_entries(valley, looks=held, hidden=["hong-cum-escape"])
    assert "stronghold" in entries and "command-post" in entries
    assert not {"stronghold-taken", "stronghold-untold", "escape"} & set(entries)
    assert {"sector", "airfield", "river", "bridge", "hill", "mountains", "direction"} <= set(
        entries
    )
    dawn = legend_entries(valley, looks=_day_looks(exhibit, valley, 0))
    assert {"stronghold", "stronghold-taken", "stronghold-untold"} <= set(dawn)
    last = len(exhibit.chapter("final-day").steps) - 1
    end = legend_entries(valley, looks=_day_looks(exhibit, valley, last))
    assert not {"stronghold", "stronghold-attacked", "stronghold-untold"} & set(end)
    assert {"stronghold-taken", "escape"} <= set(end)


def test_what_a_step_draws_over_the_map_is_explained(exhibit, indochina, valley):
    offensive = exhibit.chapter("offensive")
    last = len(offensive.steps) - 1
    assert offensive.steps[last].converge is not None
    assert step_marks(exhibit, "offensive", last, indochina) == ["converge"]
    assert "converge" in legend_entries(indochina, marks=["converge"])
    assert all(step_marks(exhibit, "offensive", i, indochina) == [] for i in range(last))
    fortress = exhibit.chapter("fortress")
    assert all(not step_marks(exhibit, "fortress", i, valley) for i in range(len(fortress.steps)))
    # The day builds up: the first step's attack, then the white flag over 507,
    # and at its end every kind of arrow and both flags.
    day = exhibit.chapter("final-day")
    assert step_marks(exhibit, "final-day", 0, valley) == ["advance"]
    white = next(i for i, s in enumerate(day.steps) if s.flag and s.flag.kind == "white")
    assert "white" in step_marks(exhibit, "final-day", white, valley)
    assert "white" not in step_marks(exhibit, "final-day", white - 1, valley)
    end = step_marks(exhibit, "final-day", len(day.steps) - 1, valley)
    assert set(end) == {"advance", "encircle", "retreat", "victory", "white"}
    entries = legend_entries(valley, marks=end)
    assert {"advance", "encircle", "escape", "flag-victory", "flag-white"} <= set(entries)
    # A legend keeps room for every entry its map may list.
    assert {"advance", "flag-white"} <= set(possible_entries(valley))
    assert "converge" in possible_entries(indochina)
    assert "converge" not in possible_entries(valley)


# -- how strongholds are drawn --------------------------------------------------------


def test_the_fortress_as_built_holds_every_stronghold(valley):
    looks = stronghold_looks(valley, None)
    strongholds = {p.id for p in valley.places if p.kind in ("stronghold", "command-post")}
    assert set(looks) == strongholds
    assert set(looks.values()) == {"holding"}


def test_no_stronghold_is_held_at_the_end_of_the_final_day(exhibit, valley):
    chapter = exhibit.chapter("final-day")
    last = len(chapter.steps) - 1
    for index in range(last):
        looks = _day_looks(exhibit, valley, index)
        assert set(looks.values()) <= set(LOOKS)
        # Độc Lập and Bản Kéo fell before the day, which does not tell them:
        # never shown as held on it, but as not told here.
        assert looks["doc-lap"] == UNTOLD and looks["ban-keo"] == UNTOLD, index
    # At the day's end the whole camp has been wiped out, as the source says:
    # every stronghold, those the day did not tell too, is taken.
    final = _day_looks(exhibit, valley, last)
    assert set(final.values()) == {"taken"}, final


# -- scale and north ----------------------------------------------------------------


def test_nice_lengths_are_round_and_fit():
    assert [nice_length(v) for v in (0.7, 1, 1.9, 2, 4.99, 5, 180, 250, 999)] == [
        0.5,
        1,
        1,
        2,
        2,
        5,
        100,
        200,
        500,
    ]
    assert nice_length(0) == 0 and nice_length(-3) == 0


def _great_circle_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((21.03, 105.85), (20.86, 106.68)),  # Hà Nội - Hải Phòng
        ((16.46, 107.59), (16.07, 108.2)),  # Huế - Đà Nẵng
        ((10.78, 106.70), (10.03, 105.78)),  # Sài Gòn - Cần Thơ
        ((16.83, 112.33), (16.53, 111.61)),  # two islands of Hoàng Sa
    ],
)
def test_the_scale_bar_is_true_where_it_is_read(indochina, a, b):
    frame = indochina.frame
    pa, pb = frame.to_view(*a), frame.to_view(*b)
    middle = ((pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2)
    km = math.dist(pa, pb) * frame.km_per_view_unit(*middle)
    assert km == pytest.approx(_great_circle_km(a, b), rel=0.005)


def test_north_leans_towards_the_central_meridian(indochina):
    frame = indochina.frame
    west, centre, east = (frame.to_view(16, lon) for lon in (98.0, 106.0, 116.0))
    assert frame.north_angle(*centre) == pytest.approx(0, abs=1e-9)
    assert frame.north_angle(*west) > 1.5  # west of 106 E, north is right of up
    assert frame.north_angle(*east) < -2.0
    # The meridian through the view's point does run that way.
    lat, lon = frame.from_view(*east)
    x0, y0 = frame.to_view(lat, lon)
    x1, y1 = frame.to_view(lat + 1, lon)
    assert math.degrees(math.atan2(x1 - x0, y0 - y1)) == pytest.approx(
        frame.north_angle(*east), abs=0.05
    )
