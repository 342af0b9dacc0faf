"""Printer transports, one per station (``[printer] uri``): a folder, raw TCP 9100 (ZPL to
a Zebra), or the system print queue through CUPS's ``lp`` (PDF, or ``-o raw`` for ZPL).

Each ``send`` either hands the whole label over or raises ``PrinterUnavailable`` saying
what went wrong; the print queue keeps the job either way.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from receiving_station.errors import PrinterUnavailable

TIMEOUT_S = 5.0


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
    """Raw TCP, port 9100 by default: what Zebra printers listen on for ZPL."""

    def __init__(self, host: str, port: int = 9100, timeout: float = TIMEOUT_S) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self.uri = f"tcp://{host}:{port}"

    def send(self, payload: bytes, fmt: str, title: str) -> None:
        try:
            with socket.create_connection((self.host, self.port), timeout=self.timeout) as s:
                s.sendall(payload)
                s.shutdown(socket.SHUT_WR)
        except OSError as exc:
            raise PrinterUnavailable(
                printer=self.uri, detail=str(exc) or type(exc).__name__
            ) from None

    def probe(self) -> None:
        """Raise ``PrinterUnavailable`` unless the printer answers (a connection, no label)."""
        try:
            with socket.create_connection((self.host, self.port), timeout=self.timeout):
                pass
        except OSError as exc:
            raise PrinterUnavailable(
                printer=self.uri, detail=str(exc) or type(exc).__name__
            ) from None


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


def printer_for(uri: str) -> FolderPrinter | TcpPrinter | CupsPrinter:
    if uri.startswith("folder:"):
        return FolderPrinter(Path(uri.removeprefix("folder:")).expanduser())
    if uri.startswith("tcp://"):
        host, _, port = uri.removeprefix("tcp://").partition(":")
        return TcpPrinter(host, int(port or 9100))
    if uri.startswith("cups-raw:"):
        return CupsPrinter(uri.removeprefix("cups-raw:"), raw=True)
    if uri.startswith("cups:"):
        return CupsPrinter(uri.removeprefix("cups:"))
    raise ValueError(f"not a printer address: {uri}")
