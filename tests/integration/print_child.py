"""A station process for the crash test: sends its station's due labels to a printer on
127.0.0.1, as the running program does, until the test kills it.

``python -m tests.integration.print_child DB_URL STATION_ID PORT ISO_TIME``
"""

from __future__ import annotations

import sys
from datetime import datetime

from data.engine import make_engine
from data.uow import SqlUnitOfWorkFactory
from printing.transports import TcpPrinter
from receiving_station.services import labels


def main(url: str, station_id: str, port: str, at: str) -> None:
    engine = make_engine(url)
    printer = TcpPrinter("127.0.0.1", int(port), timeout=60)
    uow_factory = SqlUnitOfWorkFactory(engine)
    labels.dispatch(uow_factory, printer, int(station_id), datetime.fromisoformat(at), True)


if __name__ == "__main__":
    main(*sys.argv[1:5])
