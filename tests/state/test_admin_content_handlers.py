"""New handlers as a hostile browser calls them: instruments, password choice, refusal, purge."""

import json
import uuid

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel, select

from jouw_omgeving.db import db_session
from jouw_omgeving.models import ErasureRequest, Instrument, Organisation, User
from jouw_omgeving.routes import ADMIN_HOME, CHOOSE_PASSWORD, COUNSELLOR_HOME, LOGIN
from jouw_omgeving.services.instrument_file import FORMAT
from jouw_omgeving.state.admin_instrument_edit import AdminInstrumentEditState
from jouw_omgeving.state.admin_instruments import AdminInstrumentsState
from jouw_omgeving.state.caseload import CaseloadState
from jouw_omgeving.state.erasure import AdminErasureState, ErasureRequestState
from jouw_omgeving.state.own_password import ChoosePasswordState
from tests.factories import (
    make_admin,
    make_counsellor,
    make_instrument,
    make_organisation,
    make_participant,
    unique,
)
from tests.state.helpers import login_cookie, redirect_target, run_handler, state_for

pytestmark = pytest.mark.anyio
GARBAGE = [None, 5, "", "x" * 500, str(uuid.uuid4()), ["a"], {"a": 1}]
NEW_PASSWORD = "een-heel-eigen-wachtwoord"


class _Upload:
    """What Reflex hands an upload handler: a name and an async read()."""

    def __init__(self, data: bytes) -> None:
        self.name, self._data = "instrument.json", data

    async def read(self, size: int = -1) -> bytes:
        return self._data if size < 0 else self._data[:size]


def _file(key: str) -> bytes:
    level = {"label": {"nl": "Stap"}, "pictogram": "meh"}
    return json.dumps(
        {
            "format": FORMAT,
            "format_version": 1,
            "key": key,
            "version": 1,
            "name": {"nl": "Geladen"},
            "licence": "Licentie",
            "domains": [
                {"key": "wonen", "name": {"nl": "W"}, "question": {"nl": "V"}, "pictogram": "x"}
            ],
            "levels": [{"value": 1, **level}, {"value": 2, **level}],
        }
    ).encode()


def _instrument_rows() -> dict:
    tables = [SQLModel.metadata.tables[t] for t in ("instrument", "life_domain", "scale_level")]
    with db_session() as session:
        return {t.name: session.execute(sa.select(t).order_by(t.c.id)).all() for t in tables}


@pytest.fixture
def people(app_db):
    with db_session() as session:
        organisation = make_organisation(session, name=unique("Eigen"))
        return {
            "admin": make_admin(session),
            "counsellor": make_counsellor(session),
            "participant": make_participant(session),
            "organisation": organisation,
            "instrument": make_instrument(session, organisation=organisation),
        }


# --- the forced password change -----------------------------------------------------------


async def test_a_session_that_must_change_its_password_reaches_no_page_until_it_did(people):
    with db_session() as session:
        counsellor = session.get(User, people["counsellor"].id)
        counsellor.must_change_password = True
        session.add(counsellor)
    cookie = login_cookie(people["counsellor"])
    caseload = await state_for(CaseloadState, cookie=cookie)
    assert redirect_target(await run_handler(caseload.load)) == CHOOSE_PASSWORD
    admin_page = await state_for(AdminErasureState, cookie=cookie)
    assert redirect_target(await run_handler(admin_page.load)) == CHOOSE_PASSWORD
    choose = await state_for(ChoosePasswordState, cookie=cookie)
    assert redirect_target(await run_handler(choose.load)) is None and choose.loaded
    for garbage in [*GARBAGE, {"password": "kort", "repeat": "kort"}, {"password": ["x"]}]:
        events = await run_handler(choose.save, garbage)
        assert redirect_target(events) is None and choose.error
    events = await run_handler(choose.save, {"password": NEW_PASSWORD, "repeat": NEW_PASSWORD})
    assert redirect_target(events) == COUNSELLOR_HOME and not choose.error
    assert redirect_target(await run_handler(caseload.load)) is None
    # Done once: the page sends a session with nothing to change home.
    assert redirect_target(await run_handler(choose.load)) == COUNSELLOR_HOME


async def test_the_password_page_is_not_for_participants_or_strangers(people):
    participant = await state_for(ChoosePasswordState, cookie=login_cookie(people["participant"]))
    events = await run_handler(participant.save, {"password": NEW_PASSWORD, "repeat": NEW_PASSWORD})
    assert redirect_target(events) not in (None, CHOOSE_PASSWORD)
    stranger = await state_for(ChoosePasswordState)
    assert redirect_target(await run_handler(stranger.load)) == LOGIN


# --- erasure refusal and the retention purge -----------------------------------------------


async def test_refusal_with_a_reason_reaches_the_participant(people):
    with db_session() as session:
        participant = make_participant(session)
        request = ErasureRequest(participant_id=participant.id)
        session.add(request)
    admin = await state_for(AdminErasureState, cookie=login_cookie(people["admin"]))
    await run_handler(admin.load)
    await run_handler(admin.refuse, {"reason": "Niets open"})  # no form open: nothing happens
    for garbage in GARBAGE:
        await run_handler(admin.ask_refuse, garbage)
        assert admin.error and admin.refusing == ""
    await run_handler(admin.ask_refuse, str(request.public_id))
    assert admin.refusing == str(request.public_id)
    for garbage in [*GARBAGE, {"reason": "kort"}, {"reason": ["a"]}]:
        await run_handler(admin.refuse, garbage)
        assert admin.error
    reason = "Het dossier valt nog onder de bewaarplicht."
    await run_handler(admin.refuse, {"reason": reason})
    assert admin.notice and not admin.error and admin.refusing == ""
    mine = await state_for(ErasureRequestState, cookie=login_cookie(participant))
    await run_handler(mine.load)
    assert (mine.status, mine.refusal_reason) == ("refused", reason)


async def test_purge_shows_a_count_and_only_for_admins(people):
    admin = await state_for(AdminErasureState, cookie=login_cookie(people["admin"]))
    await run_handler(admin.purge)
    assert admin.notice.startswith("Opgeruimd:") and not admin.error
    for user in (people["counsellor"], people["participant"]):
        state = await state_for(AdminErasureState, cookie=login_cookie(user))
        for handler, args in (
            (state.purge, ()),
            (state.ask_refuse, ("x",)),
            (state.refuse, ({"reason": "x" * 20},)),
        ):
            target = redirect_target(await run_handler(handler, *args))
            assert target and target != ADMIN_HOME
        assert state.notice == ""


# --- instruments -------------------------------------------------------------------------


async def test_admin_lists_exports_and_imports(people):
    state = await state_for(AdminInstrumentsState, cookie=login_cookie(people["admin"]))
    await run_handler(state.load)
    public_id = str(people["instrument"].public_id)
    assert public_id in [line["public_id"] for line in state.lines]
    [download] = await run_handler(state.export, public_id)
    assert "download" in repr(download)
    key = unique("geladen")
    organisation_id = str(people["organisation"].public_id)
    await run_handler(state.import_file, [_Upload(_file(key))])
    assert state.error and not state.notice  # no organisation picked yet
    await run_handler(state.pick_import_organisation, organisation_id)
    await run_handler(state.import_file, [_Upload(_file(key))])
    assert state.notice and not state.error
    assert key in [line["key"] for line in state.lines]


@pytest.mark.parametrize(
    "files",
    [
        None,
        "x",
        [],
        [1],
        [_Upload(b"{kapot")],
        [_Upload(b"[]")],
        [_Upload(b" " * 300_000)],
        [_Upload(b"a"), _Upload(b"b")],
    ],
)
async def test_garbage_uploads_change_nothing(people, files):
    before = _instrument_rows()
    state = await state_for(AdminInstrumentsState, cookie=login_cookie(people["admin"]))
    await run_handler(state.pick_import_organisation, str(people["organisation"].public_id))
    await run_handler(state.import_file, files)
    assert not state.notice
    assert _instrument_rows() == before


async def test_instrument_handlers_refuse_garbage(people):
    cookie = login_cookie(people["admin"])
    state = await state_for(AdminInstrumentsState, cookie=cookie)
    edit = await state_for(AdminInstrumentEditState, cookie=cookie)
    before = _instrument_rows()
    for garbage in GARBAGE:
        await run_handler(state.export, garbage)
        assert state.error
        await run_handler(state.choose, garbage)
        await run_handler(state.pick_import_organisation, garbage)
        await run_handler(edit.open, garbage)
        assert edit.public_id == ""
        await run_handler(edit.edit, garbage)
        assert edit.editing == ""
        await run_handler(edit.save, garbage)
    await run_handler(state.file_refused, [{"x": 1}])
    assert state.error
    assert _instrument_rows() == before


async def test_editing_through_the_handlers(people):
    edit = await state_for(AdminInstrumentEditState, cookie=login_cookie(people["admin"]))
    public_id = str(people["instrument"].public_id)
    await run_handler(edit.open, public_id)
    assert edit.public_id == public_id and edit.domains
    await run_handler(edit.edit, "domain:bestaat-niet")
    assert edit.error and edit.editing == ""
    await run_handler(edit.edit, "domain:housing")
    assert edit.editing == "domain:housing"
    await run_handler(edit.save, {"name_nl": "", "question_nl": "V", "pictogram": "house"})
    assert edit.error  # Dutch is required
    form = {"name_nl": "Thuis", "name_en": "", "question_nl": "Hoe is het?", "pictogram": "house"}
    await run_handler(edit.save, form)
    assert edit.notice and not edit.error
    assert edit.domains[0]["name_nl"] == "Thuis"
    await run_handler(edit.edit, "level:1")
    await run_handler(edit.save, {"label_nl": "Slecht", "pictogram": "frown"})
    assert edit.levels[0]["label_nl"] == "Slecht"


async def test_other_roles_cannot_reach_the_instrument_handlers(people):
    before = _instrument_rows()
    public_id = str(people["instrument"].public_id)
    for user in (people["counsellor"], people["participant"]):
        cookie = login_cookie(user)
        state = await state_for(AdminInstrumentsState, cookie=cookie)
        edit = await state_for(AdminInstrumentEditState, cookie=cookie)
        for handler, args in (
            (state.load, ()),
            (state.export, (public_id,)),
            (state.choose, ({"organisation": "x", "instrument": public_id},)),
            (state.pick_import_organisation, ("x",)),
            (state.import_file, ([_Upload(_file(unique("nee")))],)),
            (state.file_refused, ([],)),
            (edit.open, (public_id,)),
            (edit.edit, ("domain:housing",)),
            (edit.cancel, ()),
            (edit.save, ({"name_nl": "X"},)),
        ):
            target = redirect_target(await run_handler(handler, *args))
            assert target and target != ADMIN_HOME
        assert state.lines == [] and edit.domains == []
    assert _instrument_rows() == before
    with db_session() as session:
        assert session.exec(select(Instrument).where(Instrument.key.like("nee%"))).all() == []
        assert session.get(Organisation, people["organisation"].id) is not None
