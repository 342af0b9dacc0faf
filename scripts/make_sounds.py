"""Write the station's two feedback sounds (stdlib only): a rising chirp and a low double buzz."""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22_050


def tone(freq: float, ms: int, volume: float = 0.5, square: bool = False) -> list[float]:
    n = RATE * ms // 1000
    out = []
    for i in range(n):
        s = math.sin(2 * math.pi * freq * i / RATE)
        if square:
            s = 1.0 if s >= 0 else -1.0
        fade = min(1.0, i / 200, (n - i) / 200)
        out.append(volume * s * fade)
    return out


def write(path: Path, samples: list[float]) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "resources/sounds")
    out.mkdir(parents=True, exist_ok=True)
    write(out / "success.wav", tone(880, 70) + tone(1320, 110))
    silence = [0.0] * (RATE // 14)
    write(
        out / "error.wav",
        tone(196, 180, 0.35, square=True) + silence + tone(196, 260, 0.35, square=True),
    )
