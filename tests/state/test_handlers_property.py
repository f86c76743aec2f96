"""Every public event handler, called with random and hostile arguments (hypothesis).

A browser can call any public handler of any state with any JSON values, and put any value
in a page's route parameters (STACK.md, "Reflex pitfalls" 1). For each handler the
scan of ``test_handlers_authenticate`` finds (so handlers added later are covered without
changes here), hypothesis draws who calls it and with what:

- callers: nobody logged in, an evaluator (who may change nothing here), participant A,
  A's counsellor and A's network member; the arguments and route parameters are wrong
  types, huge strings, control characters, HTML/script, SQL, and the public and internal
  ids of participant B (another counsellor's participant, in another team) and B's data;
- form dictionaries use the keys the handler's own source reads, so values reach the checks.

Each call must not raise; afterwards nothing of B's may have changed (B's rows and every
row that hangs off them, found through the foreign keys), an evaluator's call may change
nothing at all, and every audit entry a call wrote about B must be a refusal.

The handlers run against a private SQLite database with a small demo data set (the engine
of ``jouw_omgeving.db`` is pointed at it for this module), so the fingerprints stay cheap.
Bounded by :data:`EXAMPLES` per handler.
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

import jouw_omgeving.db
import jouw_omgeving.routes
from jouw_omgeving.db import db_session, make_engine
from jouw_omgeving.demo.cli import load as load_demo
from jouw_omgeving.demo.scale import DemoScale
from jouw_omgeving.migrations import run_migrations
from jouw_omgeving.models import CaseloadAssignment, NetworkMembership, User
from jouw_omgeving.models.enums import Role
from tests.private_services import app_database
from tests.state.helpers import login_cookie, run_handler, state_for
from tests.state.test_handlers_authenticate import _source_with_helpers, _states

pytestmark = pytest.mark.slow

EXAMPLES = 4  # per handler: ~170 handlers x 4 calls run in about a minute
CALL_TIMEOUT = 10.0  # seconds; a handler that hangs fails
# Rows a refused or harmless call may write: the audit trail, login sessions and throttling.
BOOKKEEPING = frozenset({"audit_entry", "login_session", "login_attempt"})
ROUTE_PARAMETERS = sorted(
    {
        name
        for value in vars(jouw_omgeving.routes).values()
        if isinstance(value, str)
        for name in re.findall(r"\[(\w+)\]", value)
    }
)
_FORM_KEY = re.compile(r"""(?:\.get\(|\[)\s*["'](\w+)["']""")


# ---------------------------------------------------------------------------------------
# The world: a private database with demo data; A and B in different teams
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class World:
    """The callers and the participant whose data they must not touch."""

    participant: User  # A
    counsellor: User  # A's counsellor
    member: User  # A's network member
    evaluator: User
    other: User  # B: another team's participant
    other_ids: tuple[object, ...]  # B's public and internal ids, as str and int
    metadata: sa.MetaData


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """Demo data in a database of this module's own; ``db_session()`` uses it meanwhile."""
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('hostile')) / 'hostile.db'}"
    engine = make_engine(url)
    with engine.begin() as connection:
        run_migrations(connection)
    scale = DemoScale(
        participants=6,
        counsellors=2,
        teams=2,
        partner_organisations=1,
        months=2,
        messages_per_participant=4,
        contacts_per_participant=3,
    )
    load_demo(url, scale=scale, seed=5, today=date(2026, 3, 1), echo=lambda _line: None)
    metadata = sa.MetaData()
    metadata.reflect(engine)
    with app_database(url):
        yield _cast(engine, metadata)
    engine.dispose()


def _cast(engine: sa.Engine, metadata: sa.MetaData) -> World:
    with db_session() as session:
        evaluator = session.exec(select(User).where(User.role == Role.EVALUATOR)).first()
        memberships = session.exec(select(NetworkMembership)).all()
        with_member = {m.participant_id: m.member_id for m in memberships}
        assignments = session.exec(select(CaseloadAssignment)).all()
        counsellor_of = {a.participant_id: a.counsellor_id for a in assignments}
        a_id = next(p for p in counsellor_of if p in with_member)
        b_id = next(p for p, c in counsellor_of.items() if c != counsellor_of[a_id])
        participant, other = session.get(User, a_id), session.get(User, b_id)
        counsellor = session.get(User, counsellor_of[a_id])
        member = session.get(User, with_member[a_id])
        assert counsellor.team_id != session.get(User, counsellor_of[b_id]).team_id
    rows = _rows(engine, metadata)
    owned = _owned_rows(rows, metadata, other.id)
    ids: set[object] = set()
    for table_rows in owned.values():
        for row in table_rows:
            ids.add(row["id"])
            ids.add(str(row["id"]))
            if row.get("public_id"):
                ids.add(str(uuid.UUID(str(row["public_id"]))))
    return World(
        participant, counsellor, member, evaluator, other, tuple(sorted(ids, key=repr)), metadata
    )


# ---------------------------------------------------------------------------------------
# Fingerprints
# ---------------------------------------------------------------------------------------

Rows = dict[str, list[dict]]


def _rows(engine: sa.Engine, metadata: sa.MetaData) -> Rows:
    with engine.connect() as connection:
        return {
            name: [dict(row._mapping) for row in connection.execute(sa.select(table))]
            for name, table in metadata.tables.items()
            if name not in BOOKKEEPING and name != "alembic_version"
        }


def _owned_rows(rows: Rows, metadata: sa.MetaData, user_id: int) -> Rows:
    """The user's row and every row that points at it, directly or through other such rows."""
    owned: dict[str, set[int]] = {"app_user": {user_id}}
    changed = True
    while changed:
        changed = False
        for name, table_rows in rows.items():
            links = [
                (column.name, next(iter(column.foreign_keys)).column.table.name)
                for column in metadata.tables[name].columns
                if column.foreign_keys
            ]
            mine = owned.setdefault(name, set())
            for row in table_rows:
                if row["id"] in mine:
                    continue
                if any(row[col] in owned.get(parent, ()) for col, parent in links):
                    mine.add(row["id"])
                    changed = True
    return {name: [r for r in rows[name] if r["id"] in ids] for name, ids in owned.items()}


def _digest(rows: Rows) -> dict[str, str]:
    return {
        name: hashlib.sha256(
            "\n".join(sorted(repr(sorted(r.items())) for r in table_rows)).encode()
        ).hexdigest()
        for name, table_rows in rows.items()
    }


def _fingerprints(world: World, actor: User | None) -> tuple[dict, dict]:
    """(B's rows, everything but the actor's own user row), as digests per table."""
    engine = jouw_omgeving.db.get_engine()
    rows = _rows(engine, world.metadata)
    everything = dict(rows)
    if actor is not None:
        everything["app_user"] = [r for r in rows["app_user"] if r["id"] != actor.id]
    return _digest(_owned_rows(rows, world.metadata, world.other.id)), _digest(everything)


def _audit_since(last_id: int) -> list[dict]:
    engine = jouw_omgeving.db.get_engine()
    with engine.connect() as connection:
        table = sa.table(
            "audit_entry",
            sa.column("id"),
            sa.column("actor_id"),
            sa.column("subject_participant_id"),
            sa.column("outcome"),
            sa.column("category"),
            sa.column("action"),
        )
        result = connection.execute(sa.select(table).where(table.c.id > last_id))
        return [dict(row._mapping) for row in result]


def _last_audit_id() -> int:
    engine = jouw_omgeving.db.get_engine()
    with engine.connect() as connection:
        return connection.execute(sa.text("SELECT COALESCE(MAX(id), 0) FROM audit_entry")).scalar()


# ---------------------------------------------------------------------------------------
# Hostile values
# ---------------------------------------------------------------------------------------

NASTY_TEXT = [
    "",
    " ",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "'; DROP TABLE app_user; --",
    "1 OR 1=1",
    "../../../../etc/passwd",
    "\x00",
    "a\x00b\x1b[2J\x7f",
    "\u202eevil\u202c",
    "\ud800",
    "\r\n\r\nSet-Cookie: x=1",
    "{{7*7}}${7*7}",
    "%s%n%x",
    "x" * 100_000,
    "🙂" * 5_000,
    "NaN",
    "-1",
    "9" * 40,
    "2026-02-30",
    "00000000-0000-0000-0000-000000000000",
]


def _json_values(world: World) -> st.SearchStrategy:
    scalars = st.one_of(
        st.sampled_from(NASTY_TEXT),
        st.sampled_from(world.other_ids),
        st.text(max_size=40),
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=True, allow_infinity=True),
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=4,
    )


def _argument(world: World, form_keys: list[str]) -> st.SearchStrategy:
    values = _json_values(world)
    if not form_keys:
        return values
    forms = st.dictionaries(st.sampled_from(form_keys), values, max_size=len(form_keys))
    return st.one_of(values, forms)


# ---------------------------------------------------------------------------------------
# The handlers
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Handler:
    """One public event handler and what a browser can send it."""

    state: type
    name: str
    parameters: tuple[inspect.Parameter, ...]
    form_keys: tuple[str, ...]


def _handlers() -> list[Handler]:
    found = []
    for cls in _states():
        for name, handler in cls.event_handlers.items():
            fn = handler.fn
            if name.startswith("_") or not fn.__module__.startswith("jouw_omgeving"):
                continue
            if handler.is_background:
                continue  # polling loops: they take no arguments from the browser
            parameters = tuple(inspect.signature(fn).parameters.values())[1:]
            keys = sorted(set(_FORM_KEY.findall(_source_with_helpers(cls, fn))))
            found.append(Handler(cls, name, parameters, tuple(keys)))
    return found


HANDLERS = _handlers()
CALLERS = ("nobody", "evaluator", "participant", "counsellor", "member")


def _caller(world: World, who: str) -> User | None:
    return None if who == "nobody" else getattr(world, who)


def test_the_scan_covers_the_handlers():
    names = {f"{h.state.__name__}.{h.name}" for h in HANDLERS}
    assert len(names) > 100
    assert {"ParticipantDetailState.load", "SessionState.login"} <= names
    assert "participant_public_id" in ROUTE_PARAMETERS


def test_participant_b_has_data_to_protect(world):
    owned = _owned_rows(
        _rows(jouw_omgeving.db.get_engine(), world.metadata), world.metadata, world.other.id
    )
    for table in ("goal", "goal_step", "message_thread", "message", "consent", "contact_moment"):
        assert owned[table], f"B has no {table} rows: the check would prove nothing"
    assert str(world.other.public_id) in world.other_ids


@pytest.mark.parametrize("handler", HANDLERS, ids=lambda h: f"{h.state.__name__}.{h.name}")
def test_hostile_calls_change_nothing_they_should_not(world, handler):
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=st.data())
    def run(data):
        who = data.draw(st.sampled_from(CALLERS), label="caller")
        actor = _caller(world, who)
        argument = _argument(world, list(handler.form_keys))
        args = [
            data.draw(argument, label=p.name)
            for p in handler.parameters
            if p.default is inspect.Parameter.empty
            and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
        query = data.draw(
            st.dictionaries(st.sampled_from(ROUTE_PARAMETERS), _json_values(world), max_size=2),
            label="route",
        )
        asyncio.run(_call_and_check(world, handler, actor, who, args, query))

    run()


async def _call_and_check(world, handler, actor, who, args, query) -> None:
    cookie = login_cookie(actor) if actor is not None else None
    before_other, before_all = _fingerprints(world, actor)
    last_audit = _last_audit_id()
    state = await state_for(handler.state, cookie=cookie, path="/", query=query)
    method = getattr(state, handler.name)
    await asyncio.wait_for(run_handler(method, *args), CALL_TIMEOUT)

    after_other, after_all = _fingerprints(world, actor)
    changed = sorted(t for t in before_other if before_other[t] != after_other.get(t))
    assert changed == [], f"{who} changed participant B's {changed}"
    if who in ("nobody", "evaluator"):
        changed = sorted(t for t in before_all if before_all[t] != after_all.get(t))
        assert changed == [], f"{who} changed {changed}"
    about_other = [
        e for e in _audit_since(last_audit) if e["subject_participant_id"] == world.other.id
    ]
    allowed = [e for e in about_other if e["outcome"] != "refused"]
    assert allowed == [], f"{who} was let into B's data: {allowed}"
