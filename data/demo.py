"""Demo data: people, stations and realistic RMAs across apparel, electronics and home goods.

Deterministic for a given seed. Written in bulk through SQLAlchemy Core in batches (and
PostgreSQL's COPY), so a million RMAs take minutes, not hours.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, text

from data.repositories import lines, rmas, stations, tracking, users
from data.settings import set_setting
from receiving_station.domain.checkdigits import mod10_check_digit, ups_check_digit
from receiving_station.security import hash_pin

DEMO_USERS = [
    # username, display name, role, badge, PIN, language, active
    ("alice", "Alice Martin", "receiver", "BDG-1001", "1111", "en", True),
    ("bruno", "Bruno Lefèvre", "inspector", "BDG-1002", "2222", "fr", True),
    ("chloe", "Chloé Dubois", "lead", "BDG-1003", "3333", "fr", True),
    ("dan", "Dan Okafor", "admin", "BDG-1004", "4444", "en", True),
    ("eve", "Eve Laurent", "receiver", "BDG-1005", "5555", "fr", False),
]
DEMO_STATIONS = [
    ("DOCK-1", "Returns dock, door 1"),
    ("DOCK-2", "Returns dock, door 2"),
    ("LEAD-DESK", "Floor lead desk"),
]

_APPAREL = [
    ("T-shirt", 19),
    ("Slim jeans", 59),
    ("Wrap dress", 79),
    ("Rain jacket", 129),
    ("Running shoes", 99),
    ("Wool sweater", 89),
    ("Chinos", 49),
    ("Hoodie", 55),
]
_COLOURS = ["Black", "Navy", "Grey", "Red", "Olive", "White"]
_SIZES = ["XS", "S", "M", "L", "XL"]
_ELECTRONICS = [
    ("Wireless earbuds", 129, True),
    ("Phone case", 25, False),
    ("USB-C charger 65W", 45, False),
    ("Smart watch", 249, True),
    ("10-inch tablet", 329, True),
    ("Bluetooth speaker", 89, True),
]
_HOME = [
    ("Table lamp", 69),
    ("Linen cushion cover", 29),
    ("Blender 1.5 L", 99),
    ("Non-stick pan set", 119),
    ("Bookshelf, 5 shelves", 149),
    ("Bath towel set", 45),
]

REASONS = {
    "apparel": (
        [
            ("SIZE_TOO_SMALL", 25),
            ("SIZE_TOO_LARGE", 20),
            ("STYLE", 15),
            ("COLOR", 8),
            ("NOT_AS_DESCRIBED", 10),
            ("DEFECTIVE", 7),
            ("UNWANTED", 10),
            ("WRONG_ITEM", 3),
            ("OTHER", 2),
        ]
    ),
    "electronics": (
        [
            ("DEFECTIVE", 35),
            ("NOT_AS_DESCRIBED", 15),
            ("UNWANTED", 25),
            ("WRONG_ITEM", 8),
            ("STYLE", 10),
            ("OTHER", 7),
        ]
    ),
    "home": (
        [
            ("DEFECTIVE", 20),
            ("NOT_AS_DESCRIBED", 20),
            ("UNWANTED", 30),
            ("STYLE", 15),
            ("WRONG_ITEM", 5),
            ("OTHER", 10),
        ]
    ),
}
NOTES = {
    "SIZE_TOO_SMALL": "Too tight across the shoulders",
    "SIZE_TOO_LARGE": "Runs a size big",
    "DEFECTIVE": "Stopped working after two days",
    "NOT_AS_DESCRIBED": "Colour differs from photo",
    "WRONG_ITEM": "Received a different model",
    "UNWANTED": "",
    "STYLE": "",
    "COLOR": "",
    "OTHER": "Gift, not needed",
}
_FIRST = [
    "Camille",
    "Lucas",
    "Emma",
    "Hugo",
    "Léa",
    "Noah",
    "Olivia",
    "Liam",
    "Manon",
    "Arthur",
    "Sophie",
    "James",
    "Inès",
    "Louis",
    "Grace",
    "Jules",
    "Zoé",
    "Ethan",
]
_LAST = [
    "Bernard",
    "Smith",
    "Petit",
    "Johnson",
    "Durand",
    "Brown",
    "Moreau",
    "Taylor",
    "Fournier",
    "Wilson",
    "Girard",
    "Martin",
    "Roux",
    "Clarke",
    "Blanc",
    "Nguyen",
]


def _catalog() -> list[dict[str, Any]]:
    products: list[dict[str, Any]] = []
    for i, (name, price) in enumerate(_APPAREL):
        for c, colour in enumerate(_COLOURS):
            for size in _SIZES:
                products.append(
                    {
                        "sku": f"AP-{i:02d}{c}-{size}",
                        "description": f"{name}, {colour}, {size}",
                        "category": "apparel",
                        "unit_value": Decimal(price),
                        "serialized": False,
                        "gtin": _gtin(f"30012{i:02d}{c}{_SIZES.index(size)}00"),
                    }
                )
    for i, (name, price, serialized) in enumerate(_ELECTRONICS):
        products.append(
            {
                "sku": f"EL-{i:03d}",
                "description": name,
                "category": "electronics",
                "unit_value": Decimal(price),
                "serialized": serialized,
                "gtin": _gtin(f"30045{i:03d}0000"),
            }
        )
    for i, (name, price) in enumerate(_HOME):
        products.append(
            {
                "sku": f"HM-{i:03d}",
                "description": name,
                "category": "home",
                "unit_value": Decimal(price),
                "serialized": False,
                "gtin": _gtin(f"30078{i:03d}0000"),
            }
        )
    return products


def _gtin(body12: str) -> str:
    body = body12[:12].ljust(12, "0")
    return body + mod10_check_digit(body)


def _usps(rng: random.Random) -> str:
    body = "9400" + "".join(rng.choice("0123456789") for _ in range(17))
    return body + mod10_check_digit(body)


def _ups(rng: random.Random) -> str:
    body = "1Z" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXY") for _ in range(6))
    body += "".join(rng.choice("0123456789") for _ in range(9))
    return body + ups_check_digit(body)


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    names, weights = zip(*pairs, strict=True)
    return str(rng.choices(names, weights)[0])


def generate_rmas(
    count: int, today: date, seed: int = 7, first_id: int = 1
) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]]:
    """Yield (rma row, line rows, tracking rows). The first four are showcases: open and in
    its window, past its window, cancelled, and a serialized electronics return."""
    rng = random.Random(seed)
    catalog = _catalog()
    by_cat = {c: [p for p in catalog if p["category"] == c] for c in REASONS}
    order_base = 1_000_000
    for n in range(first_id, first_id + count):
        category = _weighted(rng, [("apparel", 55), ("electronics", 20), ("home", 25)])
        age = rng.randint(0, 34)
        status = _weighted(rng, [("open", 95), ("cancelled", 3), ("declined", 2)])
        if n == 1:
            category, age, status = "apparel", 5, "open"
        elif n == 2:
            age, status = 40, "open"
        elif n == 3:
            age, status = 3, "cancelled"
        elif n == 4:
            category, age, status = "electronics", 8, "open"
        created = today - timedelta(days=age)
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        order = order_base + (n if rng.random() > 0.03 else max(first_id, n - 1))
        rma = {
            "id": n,
            "number": f"RMA-{n:06d}",
            "order_ref": str(order),
            "channel": _weighted(rng, [("web", 70), ("app", 20), ("marketplace", 10)]),
            "customer_name": f"{first} {last}",
            "customer_email": f"{first}.{last}{n % 997}@example.com".lower(),
            "customer_language": "fr" if rng.random() < 0.3 else "en",
            "created_on": created,
            "expires_on": created + timedelta(days=30),
            "status": status,
            "version": 1,
        }
        n_lines = 2 if n in (1, 4) else _weighted(rng, [("1", 70), ("2", 22), ("3", 8)])
        line_rows = []
        for line_no in range(1, int(n_lines) + 1):
            product = rng.choice(by_cat[category])
            if n == 4 and line_no == 1:
                product = next(p for p in by_cat["electronics"] if p["serialized"])
            qty = 1 if product["serialized"] or rng.random() < 0.85 else rng.randint(2, 3)
            reason = _weighted(rng, REASONS[category])
            serials = (
                [f"SN{rng.randrange(10**9, 10**10)}" for _ in range(qty)]
                if product["serialized"]
                else []
            )
            line_rows.append(
                {
                    "rma_id": n,
                    "line_no": line_no,
                    "sku": product["sku"],
                    "gtin": product["gtin"],
                    "description": product["description"],
                    "category": category,
                    "quantity": qty,
                    "unit_value": product["unit_value"],
                    "reason_code": reason,
                    "reason_note": NOTES[reason] if rng.random() < 0.6 else "",
                    "expected_serials": serials,
                }
            )
        carrier = _weighted(rng, [("ups", 80), ("usps", 15), ("", 5)])
        track = []
        if carrier == "ups" or n in (1, 2):
            track = [{"tracking_number": _ups(rng), "rma_id": n, "carrier": "ups"}]
        elif carrier == "usps":
            track = [{"tracking_number": _usps(rng), "rma_id": n, "carrier": "usps"}]
        yield rma, line_rows, track


def seed_people(conn: Connection, hash_fn: Callable[[str], str] = hash_pin) -> None:
    for username, name, role, badge, pin, language, active in DEMO_USERS:
        conn.execute(
            insert(users).values(
                username=username,
                display_name=name,
                role=role,
                badge_code=badge,
                pin_hash=hash_fn(pin),
                language=language,
                active=active,
                version=1,
            )
        )
    for name, location in DEMO_STATIONS:
        if conn.execute(select(stations.c.id).where(stations.c.name == name)).first() is None:
            conn.execute(insert(stations).values(name=name, location=location))


def seed_rmas(
    engine: Engine,
    count: int,
    today: date,
    seed: int = 7,
    batch: int = 20_000,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Append ``count`` RMAs after the last one; returns how many were written."""
    with engine.connect() as conn:
        first_id = int(conn.execute(select(func.coalesce(func.max(rmas.c.id), 0))).scalar_one()) + 1
    buffer: tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]] = ([], [], [])
    done = 0

    def flush() -> None:
        nonlocal done
        if not buffer[0]:
            return
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                _copy(conn, buffer)
            else:
                conn.execute(insert(rmas), buffer[0])
                conn.execute(insert(lines), buffer[1])
                if buffer[2]:
                    conn.execute(insert(tracking), buffer[2])
        done += len(buffer[0])
        for part in buffer:
            part.clear()
        if progress:
            progress(done)

    for rma, line_rows, track in generate_rmas(count, today, seed=seed, first_id=first_id):
        buffer[0].append(rma)
        buffer[1].extend(line_rows)
        buffer[2].extend(track)
        if len(buffer[0]) >= batch:
            flush()
    flush()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            for table in ("rmas", "rma_lines"):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
                    )
                )
            conn.execute(text("ANALYZE rmas; ANALYZE rma_lines; ANALYZE rma_tracking"))
        else:
            conn.exec_driver_sql("ANALYZE")
    return done


def _copy(conn: Connection, buffer: tuple[list[dict[str, Any]], ...]) -> None:
    import json

    raw = conn.connection.driver_connection
    assert raw is not None
    cur = raw.cursor()
    cols = [
        "id",
        "number",
        "order_ref",
        "channel",
        "customer_name",
        "customer_email",
        "customer_language",
        "created_on",
        "expires_on",
        "status",
        "version",
    ]
    with cur.copy(f"COPY rmas ({', '.join(cols)}) FROM STDIN") as copy:
        for row in buffer[0]:
            copy.write_row([row[c] for c in cols])
    lcols = [
        "rma_id",
        "line_no",
        "sku",
        "gtin",
        "description",
        "category",
        "quantity",
        "unit_value",
        "reason_code",
        "reason_note",
        "expected_serials",
    ]
    with cur.copy(f"COPY rma_lines ({', '.join(lcols)}) FROM STDIN") as copy:
        for row in buffer[1]:
            copy.write_row(
                [json.dumps(row[c]) if c == "expected_serials" else row[c] for c in lcols]
            )
    with cur.copy("COPY rma_tracking (tracking_number, rma_id, carrier) FROM STDIN") as copy:
        for row in buffer[2]:
            copy.write_row([row["tracking_number"], row["rma_id"], row["carrier"]])


def seed_demo(
    engine: Engine,
    rma_count: int,
    today: date,
    seed: int = 7,
    progress: Callable[[int], None] | None = None,
) -> int:
    """People, stations and ``rma_count`` RMAs into an empty database; marks it as demo."""
    with engine.begin() as conn:
        if conn.execute(select(func.count()).select_from(users)).scalar_one() == 0:
            seed_people(conn)
        set_setting(conn, "demo", "yes")
    return seed_rmas(engine, rma_count, today, seed=seed, progress=progress)
