"""Staff PIN hashing, checking, and the delays that slow down guessing."""

from __future__ import annotations

import hashlib
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exhibit.core.pin import (
    DEFAULT_DELAYS,
    DEFAULT_ITERATIONS,
    MAX_ITERATIONS,
    BackoffFile,
    Outcome,
    PinGate,
    hash_pin,
    hash_problem,
    is_valid_hash,
    main_hash_pin,
    validate_pin,
    verify_pin,
)

# Few iterations keep the tests fast; the format and logic are the same.
FAST = 1_000
SALT = bytes(range(16))
PIN = "2468"
STORED = hash_pin(PIN, salt=SALT, iterations=FAST)


class FakeClock:
    """Monotonic seconds that only move when the test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.mark.parametrize("pin", ["1234", "000000", "123456789012"])
def test_valid_pins(pin: str) -> None:
    assert validate_pin(pin) is None


@pytest.mark.parametrize("pin", ["", "123", "1234567890123", "12a4", " 1234", "12 34", "١٢٣٤"])
def test_invalid_pins(pin: str) -> None:
    assert validate_pin(pin) is not None


def test_hash_format_and_roundtrip() -> None:
    stored = hash_pin(PIN, iterations=FAST)
    algorithm, iterations, salt, digest = stored.split("$")
    assert algorithm == "pbkdf2-sha256"
    assert iterations == str(FAST)
    assert len(bytes.fromhex(salt)) == 16
    assert len(bytes.fromhex(digest)) == 32
    assert is_valid_hash(stored)
    assert verify_pin(PIN, stored)
    assert not verify_pin("2469", stored)


def test_default_iterations() -> None:
    stored = hash_pin(PIN, salt=SALT)
    assert stored.split("$")[1] == str(DEFAULT_ITERATIONS) == "200000"
    assert verify_pin(PIN, stored)


def test_salt_is_random_and_given_salt_is_deterministic() -> None:
    assert hash_pin(PIN, iterations=FAST) != hash_pin(PIN, iterations=FAST)
    assert hash_pin(PIN, salt=SALT, iterations=FAST) == STORED


def test_known_vector() -> None:
    expected = hashlib.pbkdf2_hmac("sha256", b"2468", SALT, FAST).hex()
    assert f"pbkdf2-sha256${FAST}${SALT.hex()}${expected}" == STORED


def test_hash_pin_refuses_bad_input() -> None:
    with pytest.raises(ValueError):
        hash_pin("12")
    with pytest.raises(ValueError):
        hash_pin(PIN, salt=b"short")
    with pytest.raises(ValueError):
        hash_pin(PIN, iterations=10)


@pytest.mark.parametrize(
    "stored",
    [
        None,
        "",
        "1234",
        STORED.replace("pbkdf2-sha256", "pbkdf2-sha1"),
        STORED + "00",
        STORED[:-2],
        STORED.replace(f"${FAST}$", "$10$"),
        STORED.replace(f"${FAST}$", "$999999999$"),
        STORED.replace(f"${SALT.hex()}$", "$abcd$"),
        STORED.replace(f"${SALT.hex()}$", "$xyz0$"),
        "pbkdf2-sha256$$$",
    ],
)
def test_malformed_hashes(stored: object) -> None:
    assert not is_valid_hash(stored)
    assert not verify_pin(PIN, stored)  # type: ignore[arg-type]


def test_upper_case_hex_and_whitespace_are_accepted() -> None:
    assert verify_pin(PIN, "  " + STORED.upper().replace("PBKDF2-SHA256", "pbkdf2-sha256"))


def test_verify_rejects_malformed_pin_even_with_valid_hash() -> None:
    assert not verify_pin("24680", STORED)
    assert not verify_pin("", STORED)


# ---------------------------------------------------------------------------
# PinGate


def test_gate_accepts_right_pin() -> None:
    gate = PinGate(STORED, now=FakeClock())
    assert gate.enabled
    result = gate.attempt(PIN)
    assert result.outcome is Outcome.ACCEPTED
    assert result.accepted
    assert result.retry_in_s == 0


def test_gate_delays_grow_and_cap() -> None:
    clock = FakeClock()
    gate = PinGate(STORED, now=clock)
    waits = []
    for _ in range(12):
        result = gate.attempt("0000")
        assert result.outcome is Outcome.REJECTED
        waits.append(result.retry_in_s)
        clock.advance(result.retry_in_s)
    assert waits[:8] == [0, 0, 5, 10, 30, 60, 120, 300]
    assert waits[8:] == [300] * 4
    assert gate.failures == 12


def test_gate_locks_and_does_not_check_while_locked() -> None:
    clock = FakeClock()
    gate = PinGate(STORED, now=clock)
    for _ in range(3):
        gate.attempt("1111")
    assert gate.locked_for() == 5
    clock.advance(2)
    result = gate.attempt(PIN)  # even the right PIN is not checked yet
    assert result.outcome is Outcome.LOCKED
    assert result.retry_in_s == pytest.approx(3)
    assert gate.failures == 3  # locked attempts do not count
    clock.advance(3)
    assert gate.locked_for() == 0
    assert gate.attempt(PIN).outcome is Outcome.ACCEPTED
    assert gate.failures == 0
    assert gate.attempt("1111").retry_in_s == 0  # the count starts again


def test_gate_without_hash_never_accepts() -> None:
    clock = FakeClock()
    for stored in (None, "not a hash"):
        gate = PinGate(stored, now=clock)
        assert not gate.enabled
        assert gate.attempt(PIN).outcome is Outcome.REJECTED
        assert gate.attempt(PIN).outcome is Outcome.REJECTED
        assert gate.attempt(PIN).outcome is Outcome.REJECTED
        assert gate.attempt(PIN).outcome is Outcome.LOCKED


def test_gate_rejects_bad_delays() -> None:
    with pytest.raises(ValueError):
        PinGate(STORED, delays=())
    with pytest.raises(ValueError):
        PinGate(STORED, delays=(0, 10, 5))
    with pytest.raises(ValueError):
        PinGate(STORED, delays=(-1,))


def test_default_delays_match_documentation() -> None:
    assert DEFAULT_DELAYS[:2] == (0, 0)
    assert max(DEFAULT_DELAYS) == DEFAULT_DELAYS[-1] == 300


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.just(PIN), st.text(alphabet="0123456789", min_size=0, max_size=13)),
            st.floats(min_value=0, max_value=400, allow_nan=False),
        ),
        max_size=25,
    )
)
def test_gate_never_accepts_a_wrong_pin_and_delays_never_shrink(
    attempts: list[tuple[str, float]],
) -> None:
    clock = FakeClock()
    gate = PinGate(STORED, now=clock)
    last_delay = 0.0
    for pin, wait in attempts:
        clock.advance(wait)
        locked_before = gate.locked_for()
        result = gate.attempt(pin)
        if result.outcome is Outcome.ACCEPTED:
            assert pin == PIN
            assert locked_before == 0
            last_delay = 0.0
        elif result.outcome is Outcome.LOCKED:
            assert locked_before > 0
            assert result.retry_in_s == pytest.approx(locked_before)
        else:
            assert pin != PIN
            assert locked_before == 0
            assert result.retry_in_s >= last_delay
            assert result.retry_in_s <= 300
            last_delay = result.retry_in_s


# ---------------------------------------------------------------------------
# exhibit --hash-pin


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(argv: list[str], stdin: io.StringIO, answers: list[str] | None = None):
    out, err = io.StringIO(), io.StringIO()
    replies = iter(answers or [])
    code = main_hash_pin(argv, stdin=stdin, stdout=out, stderr=err, ask=lambda _: next(replies))
    return code, out.getvalue(), err.getvalue()


def test_hash_pin_from_piped_stdin() -> None:
    code, out, err = run([], io.StringIO("8642\n8642\n"))
    assert code == 0
    line = out.strip()
    assert line.startswith('admin_pin_hash: "pbkdf2-sha256$200000$')
    stored = line.split('"')[1]
    assert verify_pin("8642", stored)
    assert "8642" not in out + err


def test_hash_pin_interactive() -> None:
    code, out, _ = run([], Tty(), ["97531", "97531"])
    assert code == 0
    assert verify_pin("97531", out.split('"')[1])


@pytest.mark.parametrize(
    ("stdin", "message"),
    [("1234\n4321\n", "differ"), ("12\n12\n", "Unusable"), ("1234\n", "differ"), ("", "Unusable")],
)
def test_hash_pin_failures(stdin: str, message: str) -> None:
    code, out, err = run([], io.StringIO(stdin))
    assert code == 1
    assert out == ""
    assert message in err


def test_hash_pin_interrupted() -> None:
    def interrupted(_: str) -> str:
        raise KeyboardInterrupt

    out, err = io.StringIO(), io.StringIO()
    assert main_hash_pin([], stdin=Tty(), stdout=out, stderr=err, ask=interrupted) == 1
    assert out.getvalue() == ""


def test_hash_pin_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert main_hash_pin(["--help"], stdin=io.StringIO()) == 0
    assert main_hash_pin(["--bogus"], stdin=io.StringIO()) == 2


# ---------------------------------------------------------------------------
# Iterations are bounded, and the wait survives a restart.


def test_iterations_are_bounded_so_a_pin_entry_cannot_freeze_the_screen() -> None:
    slow = STORED.replace(f"${FAST}$", "$5000000$")
    assert not is_valid_hash(slow)
    problem = hash_problem(slow)
    assert problem is not None and "5000000 iterations" in problem and "600000" in problem
    assert is_valid_hash(STORED.replace(f"${FAST}$", f"${MAX_ITERATIONS}$"))
    with pytest.raises(ValueError):
        hash_pin(PIN, iterations=MAX_ITERATIONS + 1)


def _restarted(path, clock: FakeClock, wall: FakeClock) -> PinGate:
    return PinGate(STORED, now=clock, backoff=BackoffFile(path), wall=wall)


def test_a_restart_keeps_the_wait_and_the_count(tmp_path) -> None:
    path = tmp_path / "state" / "pin-backoff.json"
    clock, wall = FakeClock(), FakeClock(1_700_000_000.0)
    gate = _restarted(path, clock, wall)
    waits = []
    for _ in range(4):
        waits.append(gate.attempt("1111").retry_in_s)
        clock.advance(waits[-1])
        wall.advance(waits[-1])
    assert waits == [0, 0, 5, 10]
    wall.now -= 10  # the power is cut straight after the fourth wrong PIN
    wall.advance(4)  # and the kiosk is back 4 s later, with a fresh monotonic clock

    clock = FakeClock(5.0)
    again = _restarted(path, clock, wall)
    assert again.failures == 4
    assert again.locked_for() == pytest.approx(6)
    assert again.attempt(PIN).outcome is Outcome.LOCKED
    clock.advance(6)
    wall.advance(6)
    assert again.attempt("1111").retry_in_s == 30  # the fifth wrong PIN, not the first


def test_the_right_pin_clears_the_count_on_disk(tmp_path) -> None:
    path = tmp_path / "pin-backoff.json"
    clock, wall = FakeClock(), FakeClock(1_700_000_000.0)
    gate = _restarted(path, clock, wall)
    for _ in range(3):
        gate.attempt("1111")
    clock.advance(5)
    assert gate.attempt(PIN).accepted

    assert _restarted(path, FakeClock(), wall).failures == 0


def test_a_clock_set_back_waits_the_whole_delay_and_no_more(tmp_path) -> None:
    path = tmp_path / "pin-backoff.json"
    BackoffFile(path).write(8, 2_000_000_000.0)  # "the last wrong PIN was in 2033"
    gate = _restarted(path, FakeClock(), FakeClock(1_700_000_000.0))
    assert gate.locked_for() == DEFAULT_DELAYS[-1]


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_a_damaged_backoff_file_is_no_file(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("backoff") / "pin-backoff.json"
    path.write_bytes(data)
    gate = _restarted(path, FakeClock(), FakeClock(1_700_000_000.0))
    assert 0 <= gate.locked_for() <= DEFAULT_DELAYS[-1]
    assert gate.attempt(PIN).outcome in (Outcome.ACCEPTED, Outcome.LOCKED)


def test_a_backoff_file_that_cannot_be_written_changes_nothing_else(tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    gate = _restarted(blocker / "pin-backoff.json", FakeClock(), FakeClock())
    for _ in range(3):
        gate.attempt("1111")
    assert gate.locked_for() == 5
