"""Admins manage the dock's people; every admin-only action is refused to other roles in the
core; bad entries change nothing. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from receiving_station.errors import InvalidEntry, LoginRefused, PermissionDenied
from receiving_station.services import users
from tests.world import World, fast_hash


def create(world: World, actor_name: str = "dan", **kw: str):  # type: ignore[no-untyped-def]
    fields = {
        "username": "zoe",
        "name": "Zoé Petit",
        "role": "inspector",
        "badge": "BDG-2001",
        "pin": "4826",
    } | kw
    return users.create_user(
        world.uow_factory,
        world.actor(actor_name),
        fields["username"],
        fields["name"],
        fields["role"],
        fields["badge"],
        fields["pin"],
        world.clock.now(),
        hash_fn=fast_hash,
    )


def test_an_admin_creates_a_user_who_can_then_log_in(world: World):
    zoe = create(world)
    assert zoe.id is not None
    logged = world.dock1.login_badge("BDG-2001")
    assert logged.user.username == "zoe"


@pytest.mark.parametrize("who", ["alice", "bruno", "chloe"])
def test_every_admin_only_action_is_refused_to_other_roles(world: World, who: str):
    actor = world.actor(who)
    target = world.user_ids["bruno"]
    with pytest.raises(PermissionDenied):
        create(world, who)
    with pytest.raises(PermissionDenied):
        users.list_users(world.uow_factory, actor)
    with pytest.raises(PermissionDenied):
        users.update_user(
            world.uow_factory,
            actor,
            target,
            1,
            world.clock.now(),
            display_name="X",
            role="admin",
            badge="BDG-1002",
        )
    with pytest.raises(PermissionDenied):
        users.set_active(world.uow_factory, actor, target, 1, world.clock.now(), False)
    with pytest.raises(PermissionDenied):
        users.set_pin(
            world.uow_factory, actor, target, 1, world.clock.now(), "4826", hash_fn=fast_hash
        )
    with pytest.raises(PermissionDenied):
        world.dock1.print_badge(actor, target)
    assert world.count("users") == 5
    assert not list((world.label_folder / "DOCK-1").glob("badge-*"))


def test_an_admin_prints_a_badge_and_it_is_in_the_audit_trail(world: World):
    bruno = world.dock1.print_badge(world.actor("dan"), world.user_ids["bruno"])
    (pdf,) = (world.label_folder / "DOCK-1").glob("badge-bruno-*.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    with world.uow_factory(readonly=True) as uow:
        actions = [e.action for e in uow.audit.for_entity("user", bruno.username)]
    assert actions[-1] == "user.badge_printed"


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"badge": "BDG-1001"}, "another user already has it"),
        ({"username": "alice"}, "another user already has it"),
        ({"pin": ""}, "4 to 8 digits"),
        ({"pin": "1234"}, "too easy"),
        ({"pin": "7777"}, "too easy"),
        ({"badge": "1001"}, "BDG-"),
        ({"role": "boss"}, "receiver, inspector, lead or admin"),
        ({"name": "  "}, "empty"),
    ],
)
def test_a_bad_entry_is_refused_and_nothing_is_saved(world: World, change, says):
    with pytest.raises(InvalidEntry) as caught:
        create(world, **change)
    assert says in str(caught.value)
    assert world.count("users") == 5


def test_a_deactivated_user_cannot_log_in_and_stays_in_the_audit_trail(world: World):
    zoe = create(world)
    assert zoe.id is not None
    users.set_active(
        world.uow_factory, world.actor("dan"), zoe.id, zoe.version, world.clock.now(), False
    )
    with pytest.raises(LoginRefused):
        world.dock1.login_badge("BDG-2001")
    with world.uow_factory(readonly=True) as uow:
        actions = [e.action for e in uow.audit.for_entity("user", "zoe")]
    assert actions == ["user.create", "user.deactivate"]


def test_an_admin_cannot_deactivate_themselves(world: World):
    dan = world.user_ids["dan"]
    with pytest.raises(InvalidEntry):
        users.set_active(world.uow_factory, world.actor("dan"), dan, 1, world.clock.now(), False)


def test_a_reset_pin_works_and_the_old_one_does_not(world: World):
    zoe = create(world)
    assert zoe.id is not None
    users.set_pin(
        world.uow_factory,
        world.actor("dan"),
        zoe.id,
        zoe.version,
        world.clock.now(),
        "5903",
        hash_fn=fast_hash,
    )
    assert world.dock1.login_pin("zoe", "5903").user.username == "zoe"
    with pytest.raises(LoginRefused):
        world.dock1.login_pin("zoe", "4826")


def test_the_users_command_line(world: World, capsys, monkeypatch):
    from receiving_station.cli import main

    url = world.engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("RS_ADMIN_PIN", "4444")  # Dan's demo PIN
    monkeypatch.setenv("RS_NEW_PIN", "5827")
    base = ["--database", url, "users", "--admin", "dan"]
    assert (
        main([*base, "add", "zoe", "--name", "Zoé Petit", "--role", "lead", "--badge", "BDG-3001"])
        == 0
    )
    assert main([*base, "list"]) == 0
    listing = capsys.readouterr().out
    assert "zoe" in listing
    assert "lead" in listing
    assert main([*base, "set-pin", "zoe"]) == 0
    assert main([*base, "deactivate", "zoe"]) == 0
    with pytest.raises(LoginRefused):
        world.dock1.login_badge("BDG-3001")
    monkeypatch.setenv("RS_ADMIN_PIN", "1111")
    assert main(["--database", url, "users", "--admin", "alice", "list"]) == 2
    assert "may not" in capsys.readouterr().err
    monkeypatch.setenv("RS_ADMIN_PIN", "4444")
    monkeypatch.setenv("RS_NEW_PIN", "0000")
    assert (
        main([*base, "add", "yan", "--name", "Yan", "--role", "receiver", "--badge", "BDG-3002"])
        == 2
    )
    assert "too easy" in capsys.readouterr().err
