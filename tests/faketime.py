"""Running the suite under libfaketime (``make test-clocks``).

The wall clock is moved; the monotonic clock is left alone (``FAKETIME_DONT_FAKE_MONOTONIC``),
because timed waits count on it. libfaketime then still shifts the absolute deadline that
Python 3.11's ``time.sleep`` hands to ``clock_nanosleep``, which fails with EINVAL. Where
that happens, sleeps wait on an event with a timeout instead (the same clock, unshifted).
Nothing here runs outside libfaketime.
"""

from __future__ import annotations

import threading
import time


def tolerate_libfaketime() -> None:
    try:
        time.sleep(0.0001)
    except OSError:
        pause = threading.Event()

        def sleep(seconds: float) -> None:
            pause.wait(max(0.0, seconds))

        time.sleep = sleep
