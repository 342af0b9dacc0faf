"""Printers on 127.0.0.1 that behave, and ones that misbehave the way real ones do: hang up
mid-job, reset, refuse, hang, take their time; a Zebra that answers its host status."""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Callable

Behaviour = Callable[[socket.socket, "LoopbackPrinter"], bytes]

HS_READY = (
    b"\x02030,0,0,1245,000,0,0,0,000,0,0,0\x03\r\n"
    b"\x02001,0,0,0,1,2,6,0,00000000,1,000\x03\r\n"
    b"\x021234,0\x03\r\n"
)
# string 1: aaa,b(paper out),c(pause),dddd,eee,f(buffer full),...
# string 2: mmm,n,o(head up),p(ribbon out),...
HS_PAPER_OUT = HS_READY.replace(b"\x02030,0,0,", b"\x02030,1,0,")
HS_PAUSED = HS_READY.replace(b"\x02030,0,0,", b"\x02030,0,1,")
HS_HEAD_OPEN = HS_READY.replace(b"\x02001,0,0,0,", b"\x02001,0,1,0,")


def read_all(conn: socket.socket) -> bytes:
    data = b""
    while chunk := conn.recv(65536):
        data += chunk
    return data


def good(conn: socket.socket, printer: LoopbackPrinter) -> bytes:
    """Reads the whole job, then hangs up (what a Zebra on 9100 does when we do)."""
    return read_all(conn)


def hangs_up_after(n: int) -> Behaviour:
    """Reads ``n`` bytes and closes: the bytes it left unread make Linux answer with RST."""

    def behave(conn: socket.socket, printer: LoopbackPrinter) -> bytes:
        return conn.recv(n)

    return behave


def resets_after(n: int) -> Behaviour:
    """Reads ``n`` bytes and aborts the connection (SO_LINGER 0: an immediate RST)."""

    def behave(conn: socket.socket, printer: LoopbackPrinter) -> bytes:
        data = conn.recv(n)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        return data

    return behave


def hangs(conn: socket.socket, printer: LoopbackPrinter) -> bytes:
    """Takes the connection, never reads, never hangs up (until the test ends)."""
    printer.stopped.wait(30)
    return b""


def slow(step: int = 16, pause_s: float = 0.005) -> Behaviour:
    """Reads a few bytes at a time, with pauses, to the end; then hangs up."""

    def behave(conn: socket.socket, printer: LoopbackPrinter) -> bytes:
        data = b""
        while chunk := conn.recv(step):
            data += chunk
            printer.stopped.wait(pause_s)
        return data

    return behave


def zebra(status: bytes | None) -> Behaviour:
    """A Zebra: answers ``~HS`` with ``status`` (None: never answers), reads jobs whole."""

    def behave(conn: socket.socket, printer: LoopbackPrinter) -> bytes:
        first = conn.recv(3)
        if first == b"~HS" and status is not None:
            conn.sendall(status)
        return first + read_all(conn)

    return behave


class LoopbackPrinter:
    """Accepts connections on 127.0.0.1 and keeps, per connection, what it read."""

    def __init__(self, behave: Behaviour = good) -> None:
        self.behave = behave
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        self.done = threading.Condition()
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                try:
                    data = self.behave(conn, self)
                except OSError:
                    data = b""
            with self.done:
                self.received.append(data)
                self.done.notify_all()

    def wait_for(self, connections: int, timeout: float = 5.0) -> list[bytes]:
        with self.done:
            self.done.wait_for(lambda: len(self.received) >= connections, timeout)
            return list(self.received)

    def close(self) -> None:
        self.stopped.set()
        self.sock.close()


def refusing_port() -> int:
    """A port on 127.0.0.1 where nothing listens (connections are refused)."""
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    return port
