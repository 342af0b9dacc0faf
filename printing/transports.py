"""Printer transports, one per station (``[printer] uri``): a folder, raw TCP 9100 (ZPL to
a Zebra), or the system print queue through CUPS's ``lp`` (PDF, or ``-o raw`` for ZPL).

Each ``send`` either hands the whole label over or raises ``PrinterUnavailable`` saying
what went wrong; the print queue keeps the job either way.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import socket
import struct
import subprocess
import tempfile
import termios
import time
from pathlib import Path

from printing import zebra
from receiving_station.errors import (
    PrintCutShort,
    PrinterNotReady,
    PrinterUnavailable,
    PrintOutcomeUnknown,
)

TIMEOUT_S = 5.0
STATUS_TIMEOUT_S = 2.0
"""How long a Zebra printer has to answer ``~HS`` before the label is sent regardless."""
log = logging.getLogger(__name__)


class FolderPrinter:
    """Labels as files, written whole (a temporary name, then renamed)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.uri = f"folder:{folder}"

    def send(self, payload: bytes, fmt: str, title: str) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            final = self.folder / f"{title}.{fmt}"
            with tempfile.NamedTemporaryFile(dir=self.folder, delete=False, suffix=".part") as f:
                f.write(payload)
            os.replace(f.name, final)
        except OSError as exc:
            raise PrinterUnavailable(printer=self.uri, detail=exc.strerror or str(exc)) from None

    def probe(self) -> None:
        """Raise ``PrinterUnavailable`` unless labels can be written here."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.folder, suffix=".probe"):
                pass
        except OSError as exc:
            raise PrinterUnavailable(printer=self.uri, detail=exc.strerror or str(exc)) from None


class TcpPrinter:
    """Raw TCP, port 9100 by default: what Zebra printers listen on for ZPL.

    A label counts as printed only when every byte was accepted and the printer closed the
    connection cleanly: the label is sent, our side shut for writing, then (for at most
    ``timeout`` seconds) we wait for the printer's end of stream with the kernel's send queue
    empty and no reset. A printer that hangs up or resets first gets ``PrintCutShort``
    (sent again later); one that takes every byte and never hangs up gets
    ``PrintOutcomeUnknown`` (it may have printed: a person decides).

    ``zebra``: ask the printer's host status (``~HS``) first; paper out, head open, pause,
    ribbon out or a full buffer fail the job with ``PrinterNotReady`` and nothing is sent. A
    printer that does not answer within ``status_timeout`` gets the label anyway (printers
    that only emulate ZPL may not know ``~HS``).
    """

    def __init__(
        self,
        host: str,
        port: int = 9100,
        timeout: float = TIMEOUT_S,
        zebra: bool = False,
        status_timeout: float = STATUS_TIMEOUT_S,
    ) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self.zebra, self.status_timeout = zebra, status_timeout
        self.uri = f"tcp://{host}:{port}"

    def _unavailable(self, exc: OSError) -> PrinterUnavailable:
        return PrinterUnavailable(printer=self.uri, detail=str(exc) or type(exc).__name__)

    def send(self, payload: bytes, fmt: str, title: str) -> None:
        if self.zebra:
            # Its own connection: the label's connection carries the label and nothing else.
            with self._connect() as sock:
                self._check_ready(sock)
        with self._connect() as sock:
            self._deliver(sock, payload)

    def _connect(self) -> socket.socket:
        try:
            return socket.create_connection((self.host, self.port), timeout=self.timeout)
        except OSError as exc:
            raise self._unavailable(exc) from None

    def _check_ready(self, sock: socket.socket) -> None:
        answer = b""
        deadline = time.monotonic() + self.status_timeout
        try:
            sock.sendall(zebra.HOST_STATUS)
            while not zebra.complete(answer):
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                sock.settimeout(left)
                chunk = sock.recv(1024)
                if not chunk:
                    break
                answer += chunk
        except TimeoutError:
            pass
        except OSError as exc:
            raise self._unavailable(exc) from None
        finally:
            sock.settimeout(self.timeout)
        if not zebra.complete(answer):
            log.warning(
                "%s did not answer ~HS within %ss; sending anyway", self.uri, self.status_timeout
            )
            return
        try:
            found = zebra.problems(answer)
        except ValueError:
            log.warning("%s answered ~HS with %r; sending anyway", self.uri, answer[:120])
            return
        if found:
            raise PrinterNotReady(printer=self.uri, condition=", ".join(found))

    def _deliver(self, sock: socket.socket, payload: bytes) -> None:
        total, sent, shut = len(payload), 0, False

        def unacknowledged() -> int:  # label bytes only: once shut, the queue counts our FIN
            return max(0, _unsent(sock) - (1 if shut else 0))

        def cut(detail: str) -> PrintCutShort:
            taken = max(0, sent - unacknowledged())
            return PrintCutShort(printer=self.uri, sent=taken, total=total, detail=detail)

        deadline = time.monotonic() + self.timeout
        try:
            while sent < total:
                sock.settimeout(max(0.001, deadline - time.monotonic()))
                sent += sock.send(payload[sent:])
            sock.shutdown(socket.SHUT_WR)
            shut = True
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                sock.settimeout(left)
                if not sock.recv(4096):  # the printer's end of stream (a late ~HS is dropped)
                    break
        except TimeoutError:
            if sent < total or unacknowledged() > 0:
                raise cut("timed out") from None
            raise PrintOutcomeUnknown(printer=self.uri, seconds=round(self.timeout)) from None
        except OSError as exc:
            raise cut(exc.strerror or str(exc) or type(exc).__name__) from None
        error = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if error or unacknowledged() > 0:
            raise cut(os.strerror(error) if error else "bytes left unsent")

    def probe(self) -> None:
        """Raise ``PrinterUnavailable`` unless the printer answers (a connection, no label)."""
        try:
            with socket.create_connection((self.host, self.port), timeout=self.timeout):
                pass
        except OSError as exc:
            raise self._unavailable(exc) from None


def _unsent(sock: socket.socket) -> int:
    """Bytes the kernel still holds for the printer (sent or not, not acknowledged yet)."""
    try:
        raw = fcntl.ioctl(sock.fileno(), termios.TIOCOUTQ, b"\0\0\0\0")
    except OSError:
        return 0
    return int(struct.unpack("i", raw)[0])


class CupsPrinter:
    """The system print queue through ``lp``; ``raw`` passes ZPL to the printer untouched."""

    def __init__(self, queue: str, raw: bool = False) -> None:
        self.queue, self.raw = queue, raw
        self.uri = f"{'cups-raw' if raw else 'cups'}:{queue}"

    def send(self, payload: bytes, fmt: str, title: str) -> None:
        lp = shutil.which("lp")
        if lp is None:
            raise PrinterUnavailable(
                printer=self.uri, detail="CUPS (the lp command) is not installed"
            )
        command = [lp, "-d", self.queue, "-t", title]
        if self.raw:
            command += ["-o", "raw"]
        try:
            done = subprocess.run(
                command, input=payload, capture_output=True, timeout=30, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PrinterUnavailable(printer=self.uri, detail=str(exc)) from None
        if done.returncode != 0:
            why = done.stderr.decode("utf-8", "replace").strip() or f"lp exited {done.returncode}"
            raise PrinterUnavailable(printer=self.uri, detail=why)

    def probe(self) -> None:
        """Raise ``PrinterUnavailable`` unless CUPS knows the queue and accepts jobs."""
        lpstat = shutil.which("lpstat")
        if lpstat is None:
            raise PrinterUnavailable(
                printer=self.uri, detail="CUPS (the lpstat command) is not installed"
            )
        try:
            done = subprocess.run(
                [lpstat, "-a", self.queue], capture_output=True, timeout=10, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PrinterUnavailable(printer=self.uri, detail=str(exc)) from None
        text = (done.stdout + done.stderr).decode("utf-8", "replace").strip()
        if done.returncode != 0 or "not accepting" in text:
            raise PrinterUnavailable(
                printer=self.uri, detail=text or f"lpstat exited {done.returncode}"
            )


def printer_for(uri: str, fmt: str = "") -> FolderPrinter | TcpPrinter | CupsPrinter:
    """The transport for a ``[printer] uri``; ZPL over ``tcp://`` is a Zebra printer, whose
    host status is asked before each label."""
    if uri.startswith("folder:"):
        return FolderPrinter(Path(uri.removeprefix("folder:")).expanduser())
    if uri.startswith("tcp://"):
        host, _, port = uri.removeprefix("tcp://").partition(":")
        return TcpPrinter(host, int(port or 9100), zebra=fmt == "zpl")
    if uri.startswith("cups-raw:"):
        return CupsPrinter(uri.removeprefix("cups-raw:"), raw=True)
    if uri.startswith("cups:"):
        return CupsPrinter(uri.removeprefix("cups:"))
    raise ValueError(f"not a printer address: {uri}")
