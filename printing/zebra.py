"""A Zebra printer's host status (``~HS``), asked before a label is sent.

The printer answers three strings, each framed ``STX … ETX CR LF`` (ZPL II manual, ``~HS``):

- string 1 ``aaa,b,c,dddd,eee,f,g,h,iii,j,k,l``: b paper out, c pause, f buffer full;
- string 2 ``mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www``: o head up (open), p ribbon out;
- string 3 ``xxxx,y``: password and static RAM (not used here).

Flags are ``1`` when set.
"""

from __future__ import annotations

from receiving_station.i18n import QT_TRANSLATE_NOOP

HOST_STATUS = b"~HS"
STX, ETX = b"\x02", b"\x03"

# Words for the person at the dock; translated where the error is shown ("errors" context).
PAPER_OUT = QT_TRANSLATE_NOOP("errors", "paper out")
PAUSED = QT_TRANSLATE_NOOP("errors", "paused")
HEAD_OPEN = QT_TRANSLATE_NOOP("errors", "print head open")
RIBBON_OUT = QT_TRANSLATE_NOOP("errors", "ribbon out")
BUFFER_FULL = QT_TRANSLATE_NOOP("errors", "receive buffer full")

# (string index, field index, words); every one of these stops a label from printing.
_BLOCKING = (
    (0, 1, PAPER_OUT),
    (0, 2, PAUSED),
    (0, 5, BUFFER_FULL),
    (1, 2, HEAD_OPEN),
    (1, 3, RIBBON_OUT),
)


def complete(answer: bytes) -> bool:
    """Whether all three status strings have arrived."""
    return answer.count(ETX) >= 3


def strings(answer: bytes) -> list[list[str]]:
    """The answer's strings, each split into its fields."""
    out = []
    for frame in answer.split(STX)[1:]:
        body = frame.split(ETX, 1)[0].decode("ascii", "replace").strip()
        out.append([field.strip() for field in body.split(",")])
    return out


def problems(answer: bytes) -> list[str]:
    """What keeps the printer from printing, in words (empty: ready). An answer that is not
    a host status raises ``ValueError``."""
    fields = strings(answer)
    if len(fields) < 2 or len(fields[0]) < 6 or len(fields[1]) < 4:
        raise ValueError(f"not a host status: {answer[:120]!r}")
    return [words for s, f, words in _BLOCKING if fields[s][f] == "1"]
