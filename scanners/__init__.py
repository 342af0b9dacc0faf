"""Scanner input: keyboard-wedge decoding and the scan classifier."""
