"""A PostgreSQL server for the test session.

``RS_TEST_DATABASE_URL`` (a server URL whose user may create databases) wins; else a server
already answering on 127.0.0.1:5432 as user ``postgres``; else a throwaway cluster started
from the installed server binaries (as the ``postgres`` user when running as root, since
initdb refuses root) and removed at the end.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg


def _answers(url: str) -> bool:
    try:
        with psycopg.connect(url, connect_timeout=2):
            return True
    except psycopg.Error:
        return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _bindir() -> str:  # the newest installed
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if not found:
        raise RuntimeError(
            "no PostgreSQL server binaries (/usr/lib/postgresql/*/bin); "
            "run scripts/setup-system.sh test"
        )
    return os.path.dirname(found[-1])


class Cluster:
    """One throwaway PostgreSQL server: its data folder under ``root``, its own port."""

    def __init__(self, root: str, name: str) -> None:
        self.bindir = _bindir()
        self.root, self.data, self.port = root, os.path.join(root, name), _free_port()
        self.log = os.path.join(root, f"{name}.log")
        self.prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def run(self, tool: str, *args: str, check: bool = True) -> None:
        subprocess.run(
            [*self.prefix, f"{self.bindir}/{tool}", *args], check=check, capture_output=True
        )

    def init(self) -> None:
        self.run(
            "initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"
        )

    def start(self, *settings: str) -> None:
        """Start and wait until it answers; ``settings`` are extra ``name=value`` pairs."""
        opts = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 " + " ".join(
            f"-c {setting}" for setting in settings
        )
        self.run("pg_ctl", "-D", self.data, "-o", opts, "-l", self.log, "-w", "-t", "60", "start")
        deadline = time.monotonic() + 30
        while not _answers(self.url):
            if time.monotonic() > deadline:
                raise RuntimeError("the throwaway PostgreSQL did not answer within 30 s")
            time.sleep(0.2)

    def kill(self) -> None:
        """Stop at once, as a crash or a power cut would (``-m immediate``)."""
        self.run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop", check=False)

    def promote(self) -> None:
        self.run("pg_ctl", "-D", self.data, "-w", "-t", "30", "promote")


_FAST = ("fsync=off", "full_page_writes=off", "max_connections=60")


def _root() -> str:
    root = tempfile.mkdtemp(prefix="rs-pg-")
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")  # initdb refuses root
    return root


@contextmanager
def throwaway_cluster(max_connections: int = 60) -> Iterator[str]:
    root = _root()
    cluster = Cluster(root, "data")
    try:
        cluster.init()
        cluster.start(*_FAST, "synchronous_commit=off", f"max_connections={max_connections}")
        yield cluster.url
    finally:
        cluster.kill()
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def primary_and_standby() -> Iterator[tuple[Cluster, Cluster]]:
    """A primary and a hot standby streaming from it, synchronously: a commit returns once
    the standby has it too. Both are killed and removed at the end."""
    root = _root()
    primary, standby = Cluster(root, "primary"), Cluster(root, "standby")
    try:
        primary.init()  # its pg_hba.conf lets replication in from 127.0.0.1 (trust)
        primary.start(*_FAST, "wal_level=replica", "max_wal_senders=5")
        primary.run(
            "pg_basebackup",
            *("-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres"),
            *("-D", standby.data, "-R", "-X", "stream", "--no-sync"),
        )
        standby.start(*_FAST, "hot_standby=on", "cluster_name=standby1")
        admin(
            primary.url,
            "ALTER SYSTEM SET synchronous_standby_names = 'standby1'",
            "SELECT pg_reload_conf()",
        )
        deadline = time.monotonic() + 30
        with psycopg.connect(primary.url, autocommit=True) as conn:
            query = "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby1'"
            while conn.execute(query).fetchone() != ("sync",):
                if time.monotonic() > deadline:
                    raise RuntimeError("the standby did not become synchronous within 30 s")
                time.sleep(0.1)
        yield primary, standby
    finally:
        standby.kill()
        primary.kill()
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def postgres_server() -> Iterator[str]:
    """A libpq URL to a server database from which test databases can be created."""
    configured = os.environ.get("RS_TEST_DATABASE_URL")
    if configured:
        yield configured.replace("postgresql+psycopg://", "postgresql://")
        return
    local = "postgresql://postgres@127.0.0.1:5432/postgres"
    if _answers(local):
        yield local
        return
    with throwaway_cluster() as url:
        yield url


def sqlalchemy_url(libpq_url: str, database: str) -> str:
    base, _, _ = libpq_url.rpartition("/")
    return base.replace("postgresql://", "postgresql+psycopg://", 1) + "/" + database


def admin(libpq_url: str, *statements: str) -> None:
    with psycopg.connect(libpq_url, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)  # type: ignore[arg-type]


OWNER, STATION = "rs_test_owner", "rs_test_station"
"""The two roles of a production install: the owner, who runs the migrations and owns every
table, and the station, which connects for the day's work (see the README's "two roles")."""
PASSWORDS = {OWNER: "owner-secret", STATION: "station-secret"}


def create_roles(libpq_url: str) -> None:
    """The owner and station roles on the server, made again with known passwords (roles
    are the server's, not a database's; a server kept between runs already has them)."""
    for role, password in PASSWORDS.items():
        admin(
            libpq_url,
            f"DO $$ BEGIN CREATE ROLE {role} LOGIN; "
            "EXCEPTION WHEN duplicate_object THEN NULL; END $$",
            f"ALTER ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{password}'",
        )


def role_url(libpq_url: str, database: str, role: str) -> str:
    """The SQLAlchemy URL of ``database`` on the same server, logged in as ``role``."""
    from sqlalchemy.engine import make_url

    url = make_url(sqlalchemy_url(libpq_url, database))
    return url.set(username=role, password=PASSWORDS[role]).render_as_string(hide_password=False)
