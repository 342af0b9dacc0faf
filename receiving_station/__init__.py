"""Receiving Station: the returns-dock program that receives, inspects and labels returns.

This package is the core: domain model, state machines, use cases, ports, configuration,
the composition root (``bootstrap``) and the command line. Importing it does nothing.
"""

__version__ = "0.1.0"
