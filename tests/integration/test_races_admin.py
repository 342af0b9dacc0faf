"""Stations racing each other on the shared set-up: RMA imports, users, stations, the return
policy. As in ``test_races``: each contender its own station, released by a barrier, round
after round, on PostgreSQL (where a check then a write passes twice unless something
stops it) and on SQLite."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from receiving_station.domain.model import User
from receiving_station.domain.policy import ReturnPolicy
from receiving_station.errors import InvalidEntry, StaleRecord
from receiving_station.services.importing import ImportReport
from receiving_station.services.stations import register_station, update_station
from receiving_station.services.users import create_user
from tests.integration.test_races import ROUNDS, assert_every_round, stations, together
from tests.world import FixedClock, World, fast_hash

HEADER = (
    "rma_number,order_ref,channel,customer_name,customer_email,customer_language,created_on,"
    "expires_on,status,tracking_numbers,line_no,sku,gtin,description,category,quantity,"
    "unit_value,reason_code,reason_note,serials\n"
)


def rma_file(folder: Path, n: int) -> Path:
    """A store's export of three RMAs (one with two lines), new in round ``n``."""
    rows = [
        f"RMA-81{n:02d}01,81{n:02d}01,web,Camille Bernard,camille@example.com,fr,2026-11-20,,"
        "open,,1,AP-101-M,4006381333931,Slim jeans,apparel,1,59.00,SIZE_TOO_SMALL,,",
        f"RMA-81{n:02d}01,81{n:02d}01,web,Camille Bernard,camille@example.com,fr,2026-11-20,,"
        "open,,2,AP-102-L,,T-shirt,apparel,2,19.90,COLOR,,",
        f"RMA-81{n:02d}02,81{n:02d}02,web,Liam Walker,liam@example.com,en,2026-11-21,,"
        "open,,1,EL-201,09521234543213,Smart watch,electronics,1,249.00,DEFECTIVE,,SN-77001",
        f"RMA-81{n:02d}03,81{n:02d}03,web,Nora Petit,nora@example.com,fr,2026-11-22,,"
        "open,,1,HM-301,036000291452,Mug,home,4,12.50,UNWANTED,,",
    ]
    path = folder / f"export-{n}.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_two_stations_importing_the_same_file_at_once_create_each_rma_once(
    world: World, tmp_path: Path
):
    one, two = stations(world)
    chloe, dan = world.actor("chloe", "DOCK-1"), world.actor("dan", "DOCK-2")

    def round_(n: int) -> str:
        path = rma_file(tmp_path, n)
        results = together(lambda: one.import_file(chloe, path), lambda: two.import_file(dan, path))
        reports = [r for r in results if isinstance(r, ImportReport)]
        with world.engine.connect() as conn:
            created = conn.execute(
                text("SELECT COUNT(*) FROM rmas WHERE number LIKE :n"), {"n": f"RMA-81{n:02d}%"}
            ).scalar_one()
        problems = [p.reason for r in reports for p in r.problems]
        first_time = sorted(x for r in reports for x in r.created)
        if len(reports) != 2 or problems or created != 3 or len(first_time) != 3:
            return f"round {n}: {results}, {created} RMAs, {problems}"[:240]
        return ""

    assert_every_round(round_)


def test_two_admins_creating_the_same_user_at_once_create_one_and_the_other_is_told(
    world: World,
):
    one, two = stations(world)
    dan1, dan2 = world.actor("dan", "DOCK-1"), world.actor("dan", "DOCK-2")

    def round_(n: int) -> str:
        name, badge = f"fred{n}", f"BDG-9{n:03d}"
        results = together(
            lambda: one.create_user(dan1, name, "Fred Martin", "inspector", badge, "1357"),
            lambda: two.create_user(dan2, name, "Fred Marten", "inspector", badge, "2468"),
        )
        made = [r for r in results if isinstance(r, User)]
        told = [r for r in results if isinstance(r, InvalidEntry) and "already has it" in str(r)]
        if len(made) != 1 or len(told) != 1:
            return f"{name}: {results}"[:200]
        return ""

    assert_every_round(round_)


def test_two_admins_giving_two_users_one_badge_at_once_give_it_once(world: World):
    one, two = stations(world)
    dan1, dan2 = world.actor("dan", "DOCK-1"), world.actor("dan", "DOCK-2")

    def round_(n: int) -> str:
        a = one.create_user(dan1, f"gina{n}", "Gina", "inspector", f"BDG-7{n:03d}", "1357")
        b = one.create_user(dan1, f"hugo{n}", "Hugo", "inspector", f"BDG-6{n:03d}", "1357")
        assert a.id is not None
        assert b.id is not None
        badge = f"BDG-5{n:03d}"
        results = together(
            lambda: one.update_user(
                dan1,
                a.id,
                a.version,
                name="Gina",
                role="inspector",
                badge=badge,  # type: ignore[arg-type]
            ),
            lambda: two.update_user(
                dan2,
                b.id,
                b.version,
                name="Hugo",
                role="inspector",
                badge=badge,  # type: ignore[arg-type]
            ),
        )
        made = [r for r in results if isinstance(r, User)]
        told = [r for r in results if isinstance(r, InvalidEntry) and "already has it" in str(r)]
        if len(made) != 1 or len(told) != 1:
            return f"{badge}: {results}"[:200]
        return ""

    assert_every_round(round_)


def test_two_first_starts_on_an_empty_database_make_one_first_admin(engine: Engine):
    """Two PCs set up on one new database at the same moment: one admin is created without
    an admin; the other set-up is told one exists now."""
    from data.uow import SqlUnitOfWorkFactory

    uow_factory = SqlUnitOfWorkFactory(engine)
    clock = FixedClock()

    def first_admin(name: str, badge: str) -> User:
        return create_user(
            uow_factory, None, name, name.title(), "admin", badge, "1357", clock.now(),
            hash_fn=fast_hash,
        )  # fmt: skip

    def round_(n: int) -> str:
        with engine.begin() as conn:  # an empty database again
            conn.execute(text("DELETE FROM users"))
        results = together(
            lambda: first_admin(f"ann{n}", f"BDG-8{n:03d}"),
            lambda: first_admin(f"ben{n}", f"BDG-4{n:03d}"),
        )
        with engine.connect() as conn:
            admins = conn.execute(text("SELECT COUNT(*) FROM users")).scalar_one()
        told = [r for r in results if isinstance(r, InvalidEntry)]
        if admins != 1 or len(told) != 1:
            return f"round {n}: {admins} admins, {results}"[:200]
        return ""

    assert_every_round(round_)


def test_two_admins_renaming_two_stations_to_one_name_at_once_rename_one(world: World):
    one, two = stations(world)
    dan1, dan2 = world.actor("dan", "DOCK-1"), world.actor("dan", "DOCK-2")

    def round_(n: int) -> str:
        wanted = f"DOOR-{n}"
        now = world.clock.now()
        results = together(
            lambda: update_station(one.uow_factory, dan1, wanted, "north", now),
            lambda: update_station(two.uow_factory, dan2, wanted, "south", now),
        )
        told = [r for r in results if isinstance(r, InvalidEntry)]
        with world.engine.connect() as conn:
            named = conn.execute(
                text("SELECT COUNT(*) FROM stations WHERE name = :n"), {"n": wanted}
            ).scalar_one()
        if named != 1 or len(told) != 1:
            return f"{wanted}: {results}"[:200]
        return ""

    assert_every_round(round_)


def test_two_admins_saving_the_policy_at_once_save_one_version(world: World):
    one, two = stations(world)
    dan1, dan2 = world.actor("dan", "DOCK-1"), world.actor("dan", "DOCK-2")

    def round_(n: int) -> str:
        based_on = one.return_policy().version
        results = together(
            lambda: one.save_policy(dan1, ReturnPolicy(window_days=30 + n), based_on),
            lambda: two.save_policy(dan2, ReturnPolicy(window_days=60 + n), based_on),
        )
        told = [r for r in results if isinstance(r, StaleRecord)]
        if len(told) != 1 or one.return_policy().version != based_on + 1:
            return f"round {n}: {results}"[:200]
        return ""

    assert ROUNDS >= 20
    assert_every_round(round_)


def test_two_pcs_starting_under_one_new_station_name_at_once_share_one_station(world: World):
    def round_(n: int) -> str:
        name = f"PACK-{n}"
        results = together(
            lambda: register_station(world.uow_factory, name, "packing"),
            lambda: register_station(world.uow_factory, name, "packing"),
        )
        ids = {getattr(r, "id", None) for r in results}
        if len(ids) != 1 or None in ids:
            return f"{name}: {results}"[:200]
        return ""

    assert_every_round(round_)
