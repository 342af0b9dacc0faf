from __future__ import annotations

from receiving_station.domain.keystrokes import Hold, Scanned, Typed
from scanners.wedge import WedgeDecoder


def feed(decoder: WedgeDecoder[str], text: str, start: float, gap: float) -> list[object]:
    out: list[object] = []
    t = start
    for ch in text:
        out += decoder.key(ch, ch, t)
        t += gap
    return out


def test_a_burst_ending_in_enter_is_one_scan():
    d: WedgeDecoder[str] = WedgeDecoder(max_gap_ms=35)
    out = feed(d, "RMA-000001\r", 0, 4)
    assert out[-1] == Scanned("RMA-000001")
    assert all(isinstance(o, Hold) for o in out[:-1])
    assert not d.pending


def test_slow_typing_is_handed_back_key_by_key():
    d: WedgeDecoder[str] = WedgeDecoder(max_gap_ms=35)
    out = d.key("7", "7", 0)
    assert isinstance(out[0], Hold)
    assert d.timeout(40) == [Typed(["7"])]
    d.key("0", "0", 150)
    assert d.timeout(190) == [Typed(["0"])]


def test_a_short_burst_with_enter_is_typing_not_a_scan():
    d: WedgeDecoder[str] = WedgeDecoder(max_gap_ms=35, min_length=4)
    out = feed(d, "ok\r", 0, 3)
    assert out[-1] == Typed(["o", "k", "\r"])


def test_a_pause_inside_a_burst_splits_it_into_typing():
    d: WedgeDecoder[str] = WedgeDecoder(max_gap_ms=35)
    feed(d, "AB", 0, 5)
    out = d.key("C", "C", 200)
    assert out[0] == Typed(["A", "B"])


def test_without_terminator_a_burst_is_a_scan_once_it_pauses():
    d: WedgeDecoder[str] = WedgeDecoder(max_gap_ms=35, terminator="none")
    feed(d, "RMA-000009", 0, 3)
    assert d.timeout(100) == [Scanned("RMA-000009")]


def test_a_shortcut_key_flushes_what_was_held_as_typing():
    d: WedgeDecoder[str] = WedgeDecoder()
    d.key("x", "x", 0)
    assert d.other_key() == [Typed(["x"])]
