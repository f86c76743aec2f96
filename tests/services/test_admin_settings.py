"""Settings per organisation: defaults, validated updates, refusals; the help numbers."""

import pytest
from sqlmodel import Session

from jouw_omgeving.models import Organisation
from jouw_omgeving.services import admin_settings
from jouw_omgeving.services.errors import AccessDenied, InvalidInput
from jouw_omgeving.services.help_numbers import help_numbers, tel_target
from tests.factories import make_admin, make_counsellor, make_organisation, make_participant
from tests.services.admin_helpers import non_admins, refused_entries, viewer

MINUTES = {
    "staff_idle": 20,
    "staff_absolute": 480,
    "participant_idle": 45,
    "participant_absolute": 600,
}


def _update(session, admin, organisation, **changes):
    arguments = {
        "organisation_public_id": str(organisation.public_id),
        "help_numbers": [("Team Oost", "020 123 4567", "Op werkdagen")],
        "session_minutes": MINUTES,
        "suppression_threshold": 8,
        "retention_months": 36,
        **changes,
    }
    return admin_settings.organisation_settings_update(session, viewer(admin), **arguments)


def test_defaults_when_nothing_is_set(session: Session):
    organisation = make_organisation(session)
    admin = make_admin(session, organisation=organisation)
    shown = admin_settings.organisation_settings(
        session, viewer(admin), organisation_public_id=organisation.public_id
    )
    assert shown["help_numbers"] == []
    assert shown["suppression_threshold"] == 5
    assert shown["retention_months"] == 24
    assert shown["session_minutes"] == {
        "staff_idle": 15,
        "staff_absolute": 480,
        "participant_idle": 30,
        "participant_absolute": 720,
    }


def test_update_stores_every_setting_and_keeps_other_keys(session: Session):
    organisation = make_organisation(session, settings={"something_else": 1})
    admin = make_admin(session, organisation=organisation)
    shown = _update(session, admin, organisation)
    assert shown["help_numbers"] == [
        {"label": "Team Oost", "number": "020 123 4567", "note": "Op werkdagen"}
    ]
    session.expire_all()
    stored = session.get(Organisation, organisation.id).settings
    assert stored["something_else"] == 1
    assert stored["suppression_threshold"] == 8
    assert stored["retention_months"] == 36
    assert stored["session_minutes"] == MINUTES


@pytest.mark.parametrize(
    "changes",
    [
        {"help_numbers": [("T", "112", "")]},
        {"help_numbers": [("x" * 81, "112", "")]},
        {"help_numbers": [("Team", "bel mij", "")]},
        {"help_numbers": [("Team", "12", "")]},
        {"help_numbers": [("Team", "0612345678<script>", "")]},
        {"help_numbers": [("Team", "112", "x" * 121)]},
        {"help_numbers": [("Team", "112", "")] * 9},
        {"help_numbers": "112"},
        {"suppression_threshold": 2},
        {"suppression_threshold": "5"},
        {"suppression_threshold": True},
        {"retention_months": 0},
        {"retention_months": 121},
        {"session_minutes": {**MINUTES, "staff_idle": 1}},
        {"session_minutes": {**MINUTES, "participant_idle": 700}},
        {"session_minutes": {"staff_idle": 20}},
    ],
)
def test_invalid_settings_are_refused_and_nothing_changes(session: Session, changes):
    organisation = make_organisation(session)
    admin = make_admin(session, organisation=organisation)
    with pytest.raises(InvalidInput):
        _update(session, admin, organisation, **changes)
    session.expire_all()
    assert session.get(Organisation, organisation.id).settings == {}


def test_participants_see_their_organisations_numbers_or_the_defaults(session: Session):
    organisation = make_organisation(session)
    admin = make_admin(session, organisation=organisation)
    counsellor = make_counsellor(session, organisation=organisation)
    participant = make_participant(session, counsellor=counsellor)
    defaults = help_numbers(session, viewer(participant), lang="nl")
    assert [n["phone"] for n in defaults][:2] == ["112", "0800-0113"]
    assert all(n["is_default"] for n in defaults)
    assert help_numbers(session, viewer(participant), lang="en")[0]["label"] != defaults[0]["label"]

    _update(session, admin, organisation, help_numbers=[("Team Oost", "+31 20 123 4567", "")])
    own = help_numbers(session, viewer(participant), lang="nl")
    assert own == [
        {
            "label": "Team Oost",
            "phone": "+31 20 123 4567",
            "tel": "+31201234567",
            "note": "",
            "is_default": False,
        }
    ]


def test_demo_style_labels_per_language_are_read():
    organisation = Organisation(
        name="Demo",
        kind="own",
        settings={"help_numbers": [{"label": {"nl": "Spoed", "en": "Emergency"}, "number": "112"}]},
    )
    from jouw_omgeving.services.help_numbers import help_numbers_for

    assert help_numbers_for(organisation, "en")[0]["label"] == "Emergency"
    assert tel_target("0800-0113") == "08000113"


def test_every_other_role_is_refused_and_audited(session: Session):
    organisation = make_organisation(session)
    for user in non_admins(session):
        with pytest.raises(AccessDenied):
            admin_settings.organisation_settings(
                session, viewer(user), organisation_public_id=organisation.public_id
            )
        with pytest.raises(AccessDenied):
            _update(session, user, organisation)
        assert len(refused_entries(session, user)) == 2
    admin = make_admin(session)
    with pytest.raises(AccessDenied):
        help_numbers(session, viewer(admin), lang="nl")
    assert len(refused_entries(session, admin)) == 1
    session.expire_all()
    assert session.get(Organisation, organisation.id).settings == {}


def test_saving_unchanged_demo_labels_keeps_their_english(session: Session):
    organisation = make_organisation(
        session,
        settings={"help_numbers": [{"label": {"nl": "Spoed", "en": "Emergency"}, "number": "112"}]},
    )
    admin = make_admin(session, organisation=organisation)
    _update(session, admin, organisation, help_numbers=[("Spoed", "112", ""), ("Nieuw", "113", "")])
    session.expire_all()
    stored = session.get(Organisation, organisation.id).settings["help_numbers"]
    assert stored[0]["label"] == {"nl": "Spoed", "en": "Emergency"}
    assert stored[1]["label"] == "Nieuw"
    _update(session, admin, organisation, help_numbers=[("Spoedlijn", "112", "")])
    session.expire_all()
    assert session.get(Organisation, organisation.id).settings["help_numbers"][0]["label"] == (
        "Spoedlijn"
    )
