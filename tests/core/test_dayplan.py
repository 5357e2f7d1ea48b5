"""The final day on the plan: who moved where, the flags, the totals' numbers.

The arrows, flags and figures are content; these tests check that the shipped
day draws what the source tells (each unit on its place, at its step), that
the geometry follows from the places, that the day builds up and unwinds step
by step, that the finale can count up to exactly the content's text, and that
a curator's mistake in an arrow or a flag is reported where it is written.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exhibit.core.content import load_content
from exhibit.core.dayplan import (
    GAP_SHARE,
    DrawnArrow,
    arrows_shown,
    figure_count,
    flags_shown,
    plan_arrows,
)
from exhibit.core.maps import MapData, build_exhibit_map
from exhibit.core.model import Chapter, Exhibit, Text
from tests.core.test_content import (
    edit_line,
    find_line,
    insert_after,
    only_problem,
    step_index,
)

PROJECT = Path(__file__).resolve().parents[2]
SHIPPED = PROJECT / "content"
ASSETS = PROJECT / "assets"
DAY_FILE = "chapters/final-day.yaml"


@pytest.fixture(scope="module")
def exhibit() -> Exhibit:
    return load_content(SHIPPED, ASSETS)


@pytest.fixture(scope="module")
def day(exhibit: Exhibit) -> Chapter:
    chapter = exhibit.chapter("final-day")
    assert chapter is not None
    return chapter


@pytest.fixture(scope="module")
def plan(exhibit: Exhibit, day: Chapter) -> MapData:
    return build_exhibit_map(exhibit, day.map)


@pytest.fixture(scope="module")
def arrows(day: Chapter, plan: MapData) -> tuple[DrawnArrow, ...]:
    return plan_arrows(day, plan)


def _step(day: Chapter, step_id: str) -> int:
    index = day.step_index(step_id)
    assert index is not None
    return index


def _point(plan: MapData, place_id: str) -> tuple[float, float]:
    place = plan.place(place_id)
    assert place is not None
    return (place.x, place.y)


def _en(text: Text) -> str:
    """The English text with its no-break spaces (names kept on one line) as spaces."""
    return text.get("en").replace("\u00a0", " ")


def _short(plan: MapData) -> float:
    return min(plan.view_width, plan.view_height)


# ---------------------------------------------------------------------------
# The shipped day: each movement the source tells, at its step.

#: (step, unit in English, where the arrow goes, the kind): the source's own words.
TOLD = [
    ("hill-a1", "Regiment 174", "a1", "advance"),
    ("c2", "Regiment 98", "c2", "advance"),
    ("base-506", "Regiment 165", "base-506", "advance"),
    ("base-310", "Division 308", "base-310", "advance"),
    ("base-507", "Regiment 209", "base-507", "advance"),
    ("bases-508-509", "Division 312", "base-508", "advance"),
    ("bases-508-509", "Division 312", "base-509", "advance"),
    ("command-post", "A wing of Division 312", "command-post", "advance"),
    ("night-retreat", "Division 304", "hong-cum-escape", "advance"),
    ("night-retreat", "Regiment 102", "tay-trang", "advance"),
    ("interception", "Division 304", "hong-cum-escape", "encircle"),
]


@pytest.mark.parametrize(("step_id", "unit", "target", "kind"), TOLD)
def test_each_unit_moves_on_its_place_at_its_step(
    day: Chapter, step_id: str, unit: str, target: str, kind: str
) -> None:
    step = day.steps[_step(day, step_id)]
    assert any(
        _en(a.unit) == unit and a.target == target and a.kind == kind for a in step.arrows
    ), [(_en(a.unit), a.target, a.kind) for a in step.arrows]


def test_every_arrow_names_its_unit_in_both_languages(day: Chapter) -> None:
    for step in day.steps:
        for arrow in step.arrows:
            assert set(arrow.unit.values) == {"vi", "en"}
            assert all(text.strip() for text in arrow.unit.values.values())


def test_the_retreat_follows_the_route_from_hong_cum_toward_laos(
    day: Chapter, plan: MapData, arrows: tuple[DrawnArrow, ...]
) -> None:
    night = _step(day, "night-retreat")
    retreat = [a for a in arrows if a.kind == "retreat"]
    assert [a.step for a in retreat] == [night]
    tail, head = retreat[0].points[0], retreat[0].points[-1]
    hong_cum, laos = _point(plan, "hong-cum"), _point(plan, "laos-border")
    assert math.dist(tail, hong_cum) < math.dist(tail, laos)
    assert math.dist(head, laos) < math.dist(head, hong_cum)


def test_the_wing_of_the_312th_crosses_the_bridge_to_the_command_post(
    day: Chapter, plan: MapData, arrows: tuple[DrawnArrow, ...]
) -> None:
    wing = next(a for a in arrows if a.step == _step(day, "command-post"))
    bridge = _point(plan, "muong-thanh-bridge")
    nearest = min(math.dist(p, bridge) for p in wing.points)
    assert nearest < 1.0
    assert math.dist(wing.points[0], _point(plan, "base-507")) < math.dist(
        wing.points[0], _point(plan, "command-post")
    )


def test_the_308th_comes_from_the_west(day: Chapter, arrows: tuple[DrawnArrow, ...]) -> None:
    arrow = next(a for a in arrows if a.step == _step(day, "base-310"))
    assert arrow.points[0][0] < arrow.points[-1][0]


# ---------------------------------------------------------------------------
# Geometry that follows from the places.


def test_every_head_stops_just_short_of_its_place(
    day: Chapter, plan: MapData, arrows: tuple[DrawnArrow, ...]
) -> None:
    gap = GAP_SHARE * _short(plan)
    for arrow in arrows:
        source = day.steps[arrow.step].arrows
        spec = next(s for s in source if s.unit == arrow.unit and s.kind == arrow.kind)
        if arrow.kind == "retreat":
            assert spec.along is not None
            assert arrow.points[-1] == pytest.approx(plan.place(spec.along).line[-1])  # type: ignore[union-attr]
            continue
        targets = [_point(plan, s.target) for s in source if s.unit == arrow.unit and s.target]
        if arrow.kind == "encircle":
            assert any(all(math.dist(p, t) > 0.5 * gap for p in arrow.points) for t in targets)
            continue
        assert min(abs(math.dist(arrow.points[-1], t) - gap) for t in targets) < 1.0


def test_every_arrow_stays_on_the_plan(plan: MapData, arrows: tuple[DrawnArrow, ...]) -> None:
    for arrow in arrows:
        for x, y in arrow.points:
            assert 0 <= x <= plan.view_width and 0 <= y <= plan.view_height


def test_a_stronghold_is_approached_from_outside_its_sub_sector(
    day: Chapter, plan: MapData, arrows: tuple[DrawnArrow, ...]
) -> None:
    checked = 0
    for arrow in arrows:
        spec = next(s for s in day.steps[arrow.step].arrows if s.unit == arrow.unit)
        target = plan.place(spec.target) if spec.target else None
        if spec.origin or arrow.kind != "advance" or target is None or not target.sector:
            continue
        centre = _point(plan, target.sector)
        assert math.dist(arrow.points[0], centre) > math.dist(arrow.points[-1], centre)
        checked += 1
    assert checked >= 5  # A1, C2, 506, 310, 507


def test_a_place_beyond_the_fortress_is_approached_from_the_valley(
    day: Chapter, plan: MapData, arrows: tuple[DrawnArrow, ...]
) -> None:
    arrow = next(
        a for a in arrows if a.step == _step(day, "night-retreat") and _en(a.unit) == "Regiment 102"
    )
    centre = (plan.view_width / 2, plan.view_height / 2)
    assert math.dist(arrow.points[0], centre) < math.dist(arrow.points[-1], centre)


def test_a_unit_with_two_arrows_at_one_step_is_named_once(
    day: Chapter, arrows: tuple[DrawnArrow, ...]
) -> None:
    twin = [a for a in arrows if a.step == _step(day, "bases-508-509")]
    assert [a.labelled for a in twin] == [True, False]
    # The same unit at another step is named again there.
    assert all(a.labelled for a in arrows if _en(a.unit) == "Division 304")


# ---------------------------------------------------------------------------
# The day builds up, and going back unwinds it.


def test_arrows_are_current_at_their_step_then_a_trace_and_never_before(
    day: Chapter, arrows: tuple[DrawnArrow, ...]
) -> None:
    for step in range(len(day.steps)):
        shown = arrows_shown(arrows, step)
        assert {id(a) for a, _ in shown} == {id(a) for a in arrows if a.step <= step}
        assert all(current == (a.step == step) for a, current in shown)


def test_the_flags_fly_from_their_steps_on(day: Chapter) -> None:
    white, victory = _step(day, "base-507"), _step(day, "command-post")
    assert flags_shown(day, white - 1) == []
    assert [(i, f.kind, f.at) for i, f in flags_shown(day, white)] == [(white, "white", "base-507")]
    assert [f.kind for _, f in flags_shown(day, victory - 1)] == ["white"]
    raised = flags_shown(day, len(day.steps) - 1)
    assert [(i, f.kind, f.at) for i, f in raised] == [
        (white, "white", "base-507"),
        (victory, "victory", "command-post"),
    ]
    words = raised[1][1].words
    assert words is not None and words.get("vi") == "“Quyết chiến Quyết thắng”"


# ---------------------------------------------------------------------------
# The finale counts up to exactly the content's text.


@pytest.mark.parametrize(
    ("text", "number"),
    [("56", 56), ("16,200", 16200), ("16\u00a0200", 16200), ("5", 5), ("1,000,000", 1000000)],
)
def test_a_figure_is_read_as_its_number_and_written_back_exactly(text: str, number: int) -> None:
    count = figure_count(text)
    assert count is not None and count.number == number
    assert count.text(number) == text
    assert count.text(0) == "0"


def test_a_count_up_starts_at_zero_rises_and_ends_on_the_figure() -> None:
    count = figure_count("16,200")
    assert count is not None
    texts = count.count_up(60)
    assert texts[0] == "0" and texts[-1] == "16,200" and len(texts) == 61
    values = [int(t.replace(",", "")) for t in texts]
    assert values == sorted(values)
    small = figure_count("5")
    assert small is not None and small.count_up(60) == ["0", "1", "2", "3", "4", "5"]


@pytest.mark.parametrize("text", ["All", "Toàn bộ", "16,20", "1,2345", "5 + 57", "", "-3", "1.5"])
def test_a_figure_that_is_no_whole_number_is_not_counted(text: str) -> None:
    assert figure_count(text) is None


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["", ",", "\u00a0", "."]))
def test_figure_text_round_trips(number: int, group: str) -> None:
    digits = str(number)
    grouped = f"{number:,}".replace(",", group) if group else digits
    count = figure_count(grouped)
    assert count is not None and count.number == number and count.text(number) == grouped


def test_every_shipped_totals_figure_is_counted_or_shown_as_written(day: Chapter) -> None:
    totals = day.steps[-1]
    assert totals.time is None
    numbers = {
        code: [figure_count(f.value.get(code)) for f in totals.figures] for code in ("vi", "en")
    }
    assert [c.number if c else None for c in numbers["en"]] == [56, 16200, 57, 5, None]
    assert [c.number if c else None for c in numbers["vi"]] == [56, 16200, 57, 5, None]


# ---------------------------------------------------------------------------
# A curator's mistakes in arrows and flags.


def _day(content: Path) -> Path:
    return content / DAY_FILE


def test_an_arrow_to_an_unknown_place(content: Path, exhibit: Exhibit) -> None:
    path = _day(content)
    step = find_line(path, "- id: hill-a1")
    line = edit_line(path, "to: a1", "a1", "a9", after=step)
    index = step_index(exhibit, "final-day", "hill-a1")
    only_problem(content, DAY_FILE, line, f"steps[{index}].arrows[0].to", "'a9'", "not a place")


def test_an_arrow_with_both_to_and_along(content: Path, exhibit: Exhibit) -> None:
    path = _day(content)
    step = find_line(path, "- id: hill-a1")
    line = find_line(path, "- unit:", after=step)
    insert_after(path, "to: a1", "        along: hong-cum-escape\n", after=step)
    index = step_index(exhibit, "final-day", "hill-a1")
    only_problem(content, DAY_FILE, line, f"steps[{index}].arrows[0]", "either 'to'", "'along'")


def test_an_arrow_from_the_place_it_goes_to(content: Path, exhibit: Exhibit) -> None:
    path = _day(content)
    step = find_line(path, "- id: hill-a1")
    line = insert_after(path, "to: a1", "        from: a1\n", after=step)
    index = step_index(exhibit, "final-day", "hill-a1")
    only_problem(content, DAY_FILE, line, f"steps[{index}].arrows[0].from", "goes to")


def test_an_arrow_of_an_unknown_kind(content: Path, exhibit: Exhibit) -> None:
    path = _day(content)
    step = find_line(path, "- id: hill-a1")
    line = insert_after(path, "to: a1", "        kind: charge\n", after=step)
    index = step_index(exhibit, "final-day", "hill-a1")
    only_problem(
        content, DAY_FILE, line, f"steps[{index}].arrows[0].kind", "'charge'", "advance, retreat"
    )


def test_an_arrow_without_a_unit(content: Path, exhibit: Exhibit) -> None:
    path = _day(content)
    step = find_line(path, "- id: hill-a1")
    line = find_line(path, "- unit:", after=step)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line - 1] = "      - kind: advance\n"
    path.write_text("".join(lines), encoding="utf-8")
    index = step_index(exhibit, "final-day", "hill-a1")
    only_problem(content, DAY_FILE, line, f"steps[{index}].arrows[0]", "missing 'unit'")


def test_an_arrow_along_a_place_that_is_no_line(content: Path, exhibit: Exhibit) -> None:
    path = _day(content)
    step = find_line(path, "- id: night-retreat")
    line = edit_line(path, "along: hong-cum-escape", "hong-cum-escape", "hong-cum", after=step)
    index = step_index(exhibit, "final-day", "night-retreat")
    only_problem(
        content, DAY_FILE, line, f"steps[{index}].arrows[0].along", "'hong-cum'", "without a line"
    )


def test_a_ring_that_names_where_it_comes_from(content: Path, exhibit: Exhibit) -> None:
    path = _day(content)
    step = find_line(path, "- id: interception")
    insert_after(path, "kind: encircle", "        from: hong-cum\n", after=step)
    line = find_line(path, "- unit:", after=step)
    index = step_index(exhibit, "final-day", "interception")
    only_problem(content, DAY_FILE, line, f"steps[{index}].arrows[0]", "'encircle'", "no 'from'")


def test_a_victory_flag_without_words(content: Path, exhibit: Exhibit) -> None:
    path = _day(content)
    step = find_line(path, "- id: command-post")
    line = find_line(path, "flag:", after=step)
    words = find_line(path, "words:", after=line)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    del lines[words - 1]
    path.write_text("".join(lines), encoding="utf-8")
    index = step_index(exhibit, "final-day", "command-post")
    only_problem(content, DAY_FILE, line + 1, f"steps[{index}].flag", "needs the 'words'")


def test_a_white_flag_with_words(content: Path, exhibit: Exhibit) -> None:
    path = _day(content)
    step = find_line(path, "- id: base-507")
    line = edit_line(
        path,
        "flag: {at: base-507",
        "kind: white}",
        "kind: white, words: {vi: a, en: b}}",
        after=step,
    )
    index = step_index(exhibit, "final-day", "base-507")
    only_problem(content, DAY_FILE, line, f"steps[{index}].flag.words", "white flag")


def test_a_flag_over_a_place_of_another_map(content: Path, exhibit: Exhibit) -> None:
    path = _day(content)
    step = find_line(path, "- id: base-507")
    line = edit_line(path, "flag: {at: base-507", "base-507", "kon-tum", after=step)
    index = step_index(exhibit, "final-day", "base-507")
    only_problem(content, DAY_FILE, line, f"steps[{index}].flag.at", "'kon-tum'", "map 'indochina'")
