"""A savepoint whose failure is told by its cause.

SQLite ends the whole transaction by itself on some errors (a full disk, a damaged page):
rolling back to the savepoint then fails with "no such savepoint", which would hide the
real cause behind a meaningless one. Here the cause is what is raised.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError


@contextmanager
def savepoint(conn: Connection) -> Iterator[None]:
    nested = conn.begin_nested()
    try:
        yield
    except BaseException as cause:
        try:
            nested.rollback()
        except DBAPIError:
            raise cause from None
        raise
    nested.commit()
