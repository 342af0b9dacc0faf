"""Secrets in the configuration: a database URL is shown without its password, checked
whole (a port that is not a number is a configuration error, not a traceback), and a webhook
or a mail log-in is not set up without the secret it needs."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

from receiving_station.errors import ConfigError

_URL = re.compile(r"^(sqlite(\+pysqlite)?:///.+|postgresql(\+psycopg)?://.+)$")

__all__ = ["check_database_url", "redacted_url", "secrets_present"]


def redacted_url(url: str) -> str:
    """``url`` fit for a message or a log: its password (after the user name, or a
    ``password=`` parameter) replaced by ``***``."""
    head, sep, rest = url.partition("://")
    if not sep:
        return url
    before_query, q, query = rest.partition("?")
    user, at, host = before_query.rpartition("@")
    if at and ":" in user:
        before_query = f"{user.split(':', 1)[0]}:***@{host}"
    query = re.sub(r"(^|&)(password=)[^&]*", r"\1\2***", query, flags=re.IGNORECASE)
    return head + sep + before_query + q + query


def _port_problem(host_and_port: str) -> bool:
    """Whether ``HOST:PORT`` (or ``[V6]:PORT``, or a bare host) has a port that is not a
    number from 1 to 65535."""
    if host_and_port.startswith("["):
        _, _, after = host_and_port.partition("]")
        port = after[1:] if after.startswith(":") else None
    else:
        _, colon, port_text = host_and_port.rpartition(":")
        port = port_text if colon else None
    return port is not None and not (port.isdigit() and 1 <= int(port) <= 65535)


def check_database_url(url: str, key: str, source: str) -> None:
    """Refuse, as a :class:`ConfigError` naming ``key`` and showing the URL without its
    password, a database URL the station could not use: not sqlite:/// or postgresql://,
    or a server port (in the URL or a ``host=`` parameter) that is not a number."""
    expected = "an sqlite:/// or postgresql:// URL"
    bad = not _URL.match(url)
    if not bad and url.startswith("postgresql"):
        expected = "a postgresql:// URL whose port is a number from 1 to 65535"
        before_query, _, query = url.partition("://")[2].partition("?")
        hosts = [before_query.rpartition("@")[2].partition("/")[0]]
        for name, _, value in (part.partition("=") for part in query.split("&")):
            value = unquote(value)
            if name == "host":
                hosts += value.split(",")
            elif name == "port":
                hosts += [f"x:{port}" for port in value.split(",")]
        bad = any(_port_problem(host) for host in hosts)
    if bad:
        raise ConfigError(key=key, expected=expected, found=redacted_url(url), source=source)


def secrets_present(mail: Mapping[str, Any], teams: Mapping[str, str], source: str) -> None:
    """A webhook is signed with the shared key, and a mail log-in has its password: without
    them every message would be refused (or, for a webhook, signed with an empty key that
    anyone can forge), so the start says so instead."""
    if (teams["finance_webhook"] or teams["service_webhook"]) and not teams["webhook_secret"]:
        raise ConfigError(
            key="teams.webhook_secret",
            expected="the key the webhooks are signed with (or RS_WEBHOOK_SECRET) when a "
            "webhook is set",
            found="",
            source=source,
        )
    if mail["username"] and not mail["password"]:
        raise ConfigError(
            key="mail.password",
            expected="the password of mail.username (or RS_MAIL_PASSWORD)",
            found="",
            source=source,
        )
