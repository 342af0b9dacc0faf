"""Marking core text for translation without importing Qt.

The core cannot import Qt, yet its error messages reach the person at the dock in their
language. Templates are marked with :func:`QT_TRANSLATE_NOOP` so ``pyside6-lupdate`` collects
them; the UI translates them at display time with ``QCoreApplication.translate``.
"""


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Return ``source`` unchanged; the call only marks it for the translation tools."""
    del context
    return source
