"""A PostgreSQL server out of reach, or refusing the station's log-in, is said as such."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy.engine import make_url

from data.engine import make_engine
from data.uow import SqlUnitOfWorkFactory
from receiving_station import cli
from receiving_station.errors import DatabaseLoginRefused, DatabaseUnavailable


def _closed_port() -> int:
    """A port on 127.0.0.1 that nobody listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_server_nobody_listens_on_speaks_of_the_network_in_the_cli(
    capsys: pytest.CaptureFixture[str], tmp_path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("RS_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("RS_CONFIG", str(tmp_path / "none.toml"))
    url = f"postgresql+psycopg://station@127.0.0.1:{_closed_port()}/returns?connect_timeout=2"

    assert cli.main(["--database", url, "lookup", "RMA-100001"]) == 2

    err = capsys.readouterr().err
    assert "The database cannot be reached" in err
    assert "Connection refused" in err
    assert "check the network cable" in err
    assert "Traceback" not in err


@pytest.mark.postgres
def test_a_server_that_refuses_the_log_in_says_so_and_not_the_network(pg_url: str):
    stranger = make_url(pg_url).set(username="nobody_here").render_as_string(hide_password=False)
    engine = make_engine(stranger)
    with pytest.raises(DatabaseUnavailable) as caught, SqlUnitOfWorkFactory(engine)() as uow:
        uow.users.count()
    engine.dispose()
    assert isinstance(caught.value, DatabaseLoginRefused)
    words = str(caught.value)
    assert "refused the station's log-in" in words
    assert 'role "nobody_here" does not exist' in words
    assert "network" not in words
