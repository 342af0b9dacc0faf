"""Each database failure is named for what it is; only an unreachable server speaks of the
network. The errors are the drivers' own classes, as SQLAlchemy hands them over."""

from __future__ import annotations

import sqlite3

import psycopg
import psycopg.errors
import pytest
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError

from data.dberrors import database_error
from receiving_station.errors import (
    DatabaseDamaged,
    DatabaseDiskFull,
    DatabaseLocked,
    DatabaseLoginRefused,
    DatabaseReadOnly,
    DatabaseUnavailable,
    EnvironmentFailure,
)

PG = "postgresql+psycopg://station@db.example:5432/returns"
LITE = "sqlite:////srv/station/station.sqlite3"


def _sqlite(cls: type[sqlite3.Error], message: str, code: int) -> sqlite3.Error:
    error = cls(message)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("wrapper", "orig", "expected", "words"),
    [
        (
            OperationalError,
            _sqlite(sqlite3.OperationalError, "database or disk is full", 13),
            DatabaseDiskFull,
            "The disk that holds the database is full (/srv/station/station.sqlite3)",
        ),
        (
            DatabaseError,
            _sqlite(sqlite3.DatabaseError, "database disk image is malformed", 11),
            DatabaseDamaged,
            "is damaged (database disk image is malformed)",
        ),
        (
            DatabaseError,
            _sqlite(sqlite3.DatabaseError, "file is not a database", 26),
            DatabaseDamaged,
            "is damaged (file is not a database)",
        ),
        (
            OperationalError,
            _sqlite(sqlite3.OperationalError, "attempt to write a readonly database", 8),
            DatabaseReadOnly,
            "is read-only for this station",
        ),
        (
            OperationalError,
            _sqlite(sqlite3.OperationalError, "database is locked", 5),
            DatabaseLocked,
            "stayed locked by another program for too long",
        ),
        (
            OperationalError,
            psycopg.errors.DiskFull("could not extend file: No space left on device"),
            DatabaseDiskFull,
            "The disk that holds the database is full (db.example/returns)",
        ),
        (
            DatabaseError,
            psycopg.errors.DataCorrupted("invalid page in block 7 of relation base/1/2"),
            DatabaseDamaged,
            "The database db.example/returns is damaged",
        ),
        (
            OperationalError,
            psycopg.errors.InvalidPassword('password authentication failed for user "station"'),
            DatabaseLoginRefused,
            "refused the station's log-in",
        ),
        (
            OperationalError,
            psycopg.OperationalError(
                'connection failed: FATAL:  password authentication failed for user "station"'
            ),
            DatabaseLoginRefused,
            "An admin checks the user name and password",
        ),
        (
            DatabaseError,
            psycopg.errors.ReadOnlySqlTransaction("cannot execute INSERT in a read-only txn"),
            DatabaseReadOnly,
            "is read-only for this station",
        ),
        (
            OperationalError,
            psycopg.errors.LockNotAvailable("canceling statement due to lock timeout"),
            DatabaseLocked,
            "stayed locked",
        ),
    ],
)
def test_a_database_failure_says_its_real_cause(
    wrapper: type[DatabaseError], orig: Exception, expected: type, words: str
):
    url = LITE if isinstance(orig, sqlite3.Error) else PG
    found = database_error(wrapper("INSERT ...", {}, orig), url)
    assert type(found) is expected
    assert isinstance(found, DatabaseUnavailable)  # the "database down" handling still holds
    assert isinstance(found, EnvironmentFailure)
    assert words in str(found)
    assert "network" not in str(found)


@pytest.mark.parametrize(
    "message",
    [
        'connection failed: connection to server at "127.0.0.1", port 9 failed: Connection refused',
        "connection timeout expired",
        'failed to resolve host "db.example": Name or service not known',
    ],
)
def test_only_a_server_out_of_reach_speaks_of_the_network(message: str):
    found = database_error(OperationalError("connect", {}, psycopg.OperationalError(message)), PG)
    assert type(found) is DatabaseUnavailable
    assert "check the network cable" in str(found)


def test_a_broken_constraint_stays_a_bug():
    orig = psycopg.errors.UniqueViolation("duplicate key value violates unique constraint")
    assert database_error(IntegrityError("INSERT ...", {}, orig), PG) is None
    lite = _sqlite(sqlite3.IntegrityError, "UNIQUE constraint failed: receipts.rma_id", 2067)
    assert database_error(IntegrityError("INSERT ...", {}, lite), LITE) is None
