"""Instruments as editable data: versions on edit, the choice per organisation, file in/out."""

import copy
import json

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel, select

from jouw_omgeving.models import Assessment, AssessmentScore, Instrument, LifeDomain, ScaleLevel
from jouw_omgeving.seed import ensure_open_instrument
from jouw_omgeving.services import instrument_file as f
from jouw_omgeving.services.errors import AccessDenied, InvalidInput
from jouw_omgeving.services.instrument_transfer import (
    OTHER_OWNER,
    instrument_export,
    instrument_import,
)
from jouw_omgeving.services.instruments import active_instrument_row
from jouw_omgeving.services.instruments_admin import (
    OLD_VERSION,
    instrument_choose,
    instrument_detail,
    instrument_domain_edit,
    instrument_level_edit,
    instrument_list,
    instrument_usage,
)
from jouw_omgeving.services.progress import scores_over_time
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_assessment,
    make_counsellor,
    make_instrument,
    make_organisation,
    make_participant,
    make_partner_organisation,
)


def _admin(session) -> Viewer:
    return Viewer.of(make_admin(session))


def _file(**changes) -> dict:
    data = {
        "format": f.FORMAT,
        "format_version": 1,
        "key": "licentie-matrix",
        "version": 3,
        "name": {"nl": "Gelicenseerde matrix", "en": "Licensed matrix"},
        "licence": "Licentie van de organisatie",
        "domains": [
            {
                "key": "wonen",
                "name": {"nl": "Wonen", "en": "Housing"},
                "question": {"nl": "Hoe woon je?"},
                "pictogram": "house",
            },
            {
                "key": "financien",
                "name": {"nl": "Financiën"},
                "question": {"nl": "Hoe gaat het met geld?", "en": "Money?"},
                "pictogram": "wallet",
            },
        ],
        "levels": [
            {"value": v, "label": {"nl": f"Stap {v}", "en": f"Step {v}"}, "pictogram": "meh"}
            for v in (1, 2, 3, 4)
        ],
    }
    data.update(changes)
    return data


def _bytes(data: dict) -> bytes:
    return json.dumps(data).encode()


def test_the_list_and_detail_show_every_version(session):
    admin = _admin(session)
    open_one = ensure_open_instrument(session)
    rows = {r["public_id"]: r for r in instrument_list(session, admin)}
    assert rows[str(open_one.public_id)]["domains"] == 8
    detail = instrument_detail(session, admin, instrument_public_id=open_one.public_id)
    assert detail["file"]["domains"][0]["key"] == "wonen"
    assert [lv["value"] for lv in detail["file"]["levels"]] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    "call",
    [
        lambda s, v: instrument_list(s, v),
        lambda s, v: instrument_usage(s, v),
        lambda s, v: instrument_import(
            s, v, organisation_public_id=make_organisation(s).public_id, raw=_bytes(_file())
        ),
    ],
)
def test_only_admins(session, call):
    counsellor = Viewer.of(make_counsellor(session))
    with pytest.raises(AccessDenied):
        call(session, counsellor)


def test_editing_an_unused_instrument_changes_it_in_place(session):
    admin = _admin(session)
    instrument = make_instrument(session)
    changed = instrument_domain_edit(
        session,
        admin,
        instrument_public_id=instrument.public_id,
        domain_key="housing",
        name={"nl": "Thuis", "en": "Home"},
        question={"nl": "Hoe is het thuis?"},
        pictogram="house",
    )
    assert changed.id == instrument.id and changed.version == 1


def test_editing_an_instrument_in_use_makes_a_new_version_and_old_assessments_keep_theirs(
    session,
):
    admin = _admin(session)
    organisation = make_organisation(session)
    instrument = make_instrument(session, organisation=organisation)
    participant = make_participant(session, organisation=organisation)
    old = make_assessment(session, participant=participant, instrument=instrument)
    old_score_domains = set(
        session.exec(
            select(AssessmentScore.life_domain_id).where(AssessmentScore.assessment_id == old.id)
        )
    )
    new = instrument_domain_edit(
        session,
        admin,
        instrument_public_id=instrument.public_id,
        domain_key="housing",
        name={"nl": "Thuis", "en": "Home"},
        question={"nl": "Hoe is het thuis?"},
        pictogram="house",
    )
    assert (new.key, new.version) == (instrument.key, 2) and new.id != instrument.id
    session.refresh(instrument)
    assert not instrument.active and new.active
    assert active_instrument_row(session, participant_id=participant.id).id == new.id
    # The old assessment still points at version 1, its domains and their old names.
    session.refresh(old)
    assert old.instrument_id == instrument.id
    old_names = session.exec(
        select(LifeDomain.name).where(LifeDomain.id.in_(old_score_domains))
    ).all()
    assert {"nl": "Wonen", "en": "Housing"} in old_names
    assert not any(n["nl"] == "Thuis" for n in old_names)
    # Editing the old version is refused; a level edit on the new one stays on version 2.
    with pytest.raises(InvalidInput) as refused:
        instrument_level_edit(
            session,
            admin,
            instrument_public_id=instrument.public_id,
            value=1,
            label={"nl": "Slecht"},
            pictogram="frown",
        )
    assert refused.value.message_id == OLD_VERSION
    again = instrument_level_edit(
        session,
        admin,
        instrument_public_id=new.public_id,
        value=1,
        label={"nl": "Slecht", "en": "Bad"},
        pictogram="frown",
    )
    assert again.id == new.id
    label = session.exec(
        select(ScaleLevel.label).where(ScaleLevel.instrument_id == new.id, ScaleLevel.value == 1)
    ).one()
    assert label == {"nl": "Slecht", "en": "Bad"}


def test_scores_over_time_cross_versions_by_domain_key(session):
    organisation = make_organisation(session)
    instrument = make_instrument(session, organisation=organisation)
    participant = make_participant(session, organisation=organisation)
    make_assessment(session, participant=participant, instrument=instrument, scores={"housing": 2})
    instrument_domain_edit(
        session,
        _admin(session),
        instrument_public_id=instrument.public_id,
        domain_key="housing",
        name={"nl": "Thuis"},
        question={"nl": "Hoe is het thuis?"},
        pictogram="house",
    )
    series = scores_over_time(session, Viewer.of(participant), participant_id=participant.id)
    assert series  # the old assessment still shows


def test_choosing_the_instrument_of_an_organisation(session):
    admin = _admin(session)
    open_one = ensure_open_instrument(session)
    organisation = make_organisation(session)
    participant = make_participant(session, organisation=organisation)
    imported = instrument_import(
        session, admin, organisation_public_id=organisation.public_id, raw=_bytes(_file())
    )
    assert not imported.active
    assert active_instrument_row(session, participant_id=participant.id).key == open_one.key
    instrument_choose(
        session,
        admin,
        organisation_public_id=organisation.public_id,
        instrument_public_id=imported.public_id,
    )
    assert active_instrument_row(session, participant_id=participant.id).id == imported.id
    usage = {u["organisation_public_id"]: u for u in instrument_usage(session, admin)}
    assert usage[str(organisation.public_id)]["instrument_public_id"] == str(imported.public_id)
    instrument_choose(
        session,
        admin,
        organisation_public_id=organisation.public_id,
        instrument_public_id=open_one.public_id,
    )
    assert active_instrument_row(session, participant_id=participant.id).key == open_one.key
    other = make_organisation(session)
    with pytest.raises(InvalidInput):
        instrument_choose(
            session,
            admin,
            organisation_public_id=other.public_id,
            instrument_public_id=imported.public_id,
        )
    with pytest.raises(InvalidInput):
        instrument_import(
            session,
            admin,
            organisation_public_id=make_partner_organisation(session).public_id,
            raw=_bytes(_file(key="anders")),
        )


def test_export_then_import_round_trips(session):
    admin = _admin(session)
    organisation = make_organisation(session)
    first = instrument_import(
        session, admin, organisation_public_id=organisation.public_id, raw=_bytes(_file())
    )
    assert first.version == 3  # a new key keeps the file's version number
    name, exported = instrument_export(session, admin, instrument_public_id=first.public_id)
    assert name == "licentie-matrix-v3.json"
    assert json.loads(exported) == f.parse_instrument_file(_bytes(_file()))
    again = instrument_import(
        session, admin, organisation_public_id=organisation.public_id, raw=exported
    )
    assert (again.key, again.version) == (first.key, 4)
    _, second = instrument_export(session, admin, instrument_public_id=again.public_id)
    assert {**json.loads(second), "version": 3} == json.loads(exported)
    # The open instrument round-trips through the file format too.
    open_one = ensure_open_instrument(session)
    _, open_file = instrument_export(session, admin, instrument_public_id=open_one.public_id)
    assert f.parse_instrument_file(open_file) == json.loads(open_file)
    with pytest.raises(InvalidInput) as refused:
        instrument_import(
            session, admin, organisation_public_id=organisation.public_id, raw=open_file
        )
    assert refused.value.message_id == OTHER_OWNER


def _snapshot(session) -> dict:
    tables = [SQLModel.metadata.tables[t] for t in ("instrument", "life_domain", "scale_level")]
    return {t.name: session.execute(sa.select(t).order_by(t.c.id)).all() for t in tables}


def _without(field: str) -> dict:
    data = _file()
    del data[field]
    return data


def _domain_change(**changes) -> dict:
    data = _file()
    data["domains"] = copy.deepcopy(data["domains"])
    data["domains"][1].update(changes)
    return data


def _levels(values) -> dict:
    return _file(levels=[{"value": v, "label": {"nl": "x"}, "pictogram": "meh"} for v in values])


MALFORMED = {
    "not json": (b"{ dit is geen json", f.NOT_JSON),
    "not utf-8": (b"\xff\xfe\x00", f.NOT_JSON),
    "a list": (b"[]", f.NOT_OURS),
    "other format": (_bytes(_file(format="iets-anders")), f.NOT_OURS),
    "format version 2": (_bytes(_file(format_version=2)), f.NOT_OURS),
    "missing domains": (_bytes(_without("domains")), f.MISSING),
    "missing licence": (_bytes(_without("licence")), f.MISSING),
    "empty licence": (_bytes(_file(licence="  ")), f.MISSING),
    "missing domain field": (
        _bytes(_file(domains=[{"key": "wonen", "name": {"nl": "W"}, "pictogram": "h"}])),
        f.MISSING,
    ),
    "unknown field": (_bytes(_file(extra=1)), f.UNKNOWN_FIELD),
    "no dutch": (_bytes(_file(name={"en": "Only English"})), f.NO_DUTCH),
    "other language": (_bytes(_file(name={"nl": "A", "de": "B"})), f.UNKNOWN_FIELD),
    "bad key": (_bytes(_file(key="Met Spaties")), f.BAD_NAME),
    "version text": (_bytes(_file(version="1")), f.WRONG_TYPE),
    "duplicate domain keys": (_bytes(_domain_change(key="wonen")), f.DUPLICATE_KEY),
    "bad pictogram": (_bytes(_domain_change(pictogram="<script>")), f.BAD_NAME),
    "no domains": (_bytes(_file(domains=[])), f.DOMAIN_COUNT),
    "scale with a gap": (_bytes(_levels([1, 2, 4])), f.BAD_SCALE),
    "scale duplicate": (_bytes(_levels([1, 2, 2])), f.BAD_SCALE),
    "scale of one": (_bytes(_levels([1])), f.BAD_SCALE),
    "scale not numbers": (_bytes(_levels(["1", "2"])), f.WRONG_TYPE),
    "scale bool": (_bytes(_levels([True, 2])), f.WRONG_TYPE),
    "text too long": (_bytes(_file(name={"nl": "x" * 201})), f.TEXT_TOO_LONG),
    "too big": (b" " * (f.MAX_FILE_BYTES + 1), f.TOO_BIG),
    "deeply nested": (b"[" * 100000 + b"]" * 100000, None),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_a_malformed_file_is_refused_with_a_clear_message_and_changes_nothing(session, name):
    admin = _admin(session)
    organisation = make_organisation(session)
    ensure_open_instrument(session)
    session.commit()
    before = _snapshot(session)
    raw, message = MALFORMED[name]
    with pytest.raises(InvalidInput) as refused:
        instrument_import(session, admin, organisation_public_id=organisation.public_id, raw=raw)
    if message is not None:
        assert refused.value.message_id == message
    assert isinstance(refused.value, f.InstrumentFileError) or message is None
    session.rollback()
    assert _snapshot(session) == before
    assert session.exec(select(Instrument).where(Instrument.key == "licentie-matrix")).all() == []


def test_edits_refuse_bad_texts_and_unknown_domains(session):
    admin = _admin(session)
    instrument = make_instrument(session)
    for bad in ({"en": "no dutch"}, "plain", {"nl": "x" * 500}):
        with pytest.raises(InvalidInput):
            instrument_domain_edit(
                session,
                admin,
                instrument_public_id=instrument.public_id,
                domain_key="housing",
                name=bad,
                question={"nl": "Vraag"},
                pictogram="house",
            )
    with pytest.raises(Exception):  # noqa: B017 (NotFound)
        instrument_domain_edit(
            session,
            admin,
            instrument_public_id=instrument.public_id,
            domain_key="bestaat-niet",
            name={"nl": "A"},
            question={"nl": "B"},
            pictogram="house",
        )
    assert session.exec(select(Assessment)).all() == []
