"""Use cases: one function per command, dependencies passed in, one transaction each."""
