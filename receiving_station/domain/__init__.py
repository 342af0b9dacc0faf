"""The returns domain: plain classes, state machines and rules. No I/O, no Qt, no SQL."""
