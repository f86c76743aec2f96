"""An instrument as a file: export one version, import one for an organisation.

The file format is described in :mod:`jouw_omgeving.services.instrument_file`; a file is
checked whole before anything is stored, so a refused file changes nothing.
"""

from sqlmodel import Session, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import Instrument
from jouw_omgeving.models.enums import OrganisationKind
from jouw_omgeving.services.access import Action
from jouw_omgeving.services.admin_common import admin_audit, admin_only, organisation_by_public_id
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.instrument_file import instrument_file_bytes, parse_instrument_file
from jouw_omgeving.services.instrument_rows import instrument_as_file, instrument_store
from jouw_omgeving.services.instruments_admin import (
    OWN_ONLY,
    instrument_by_public_id,
    newest_version,
)
from jouw_omgeving.services.viewer import Viewer

OTHER_OWNER = N_(
    "Een instrument met deze sleutel hoort bij een andere organisatie. Geef het bestand een "
    "andere sleutel."
)


def instrument_export(
    session: Session, viewer: Viewer, *, instrument_public_id: object
) -> tuple[str, bytes]:
    """The file name and bytes of one instrument version (see ``instrument_file``); audited."""
    admin_only(session, viewer)
    row = instrument_by_public_id(session, instrument_public_id)
    admin_audit(session, viewer, action=Action.READ, detail=f"instrument {row.public_id} exported")
    session.commit()
    return f"{row.key}-v{row.version}.json", instrument_file_bytes(instrument_as_file(session, row))


def instrument_import(
    session: Session, viewer: Viewer, *, organisation_public_id: object, raw: object
) -> Instrument:
    """Load an instrument file for one organisation (inactive until chosen); audited.

    A key the organisation already has becomes its next version; a key of another owner
    (another organisation, or the open instruments) is refused. A refused file changes
    nothing.
    """
    admin_only(session, viewer, Action.CREATE)
    organisation = organisation_by_public_id(session, organisation_public_id)
    if organisation.kind != OrganisationKind.OWN:
        raise InvalidInput(OWN_ONLY, "import for a partner organisation")
    data = parse_instrument_file(raw)
    owners = set(
        session.exec(select(Instrument.organisation_id).where(Instrument.key == data["key"]))
    )
    if owners - {organisation.id}:
        raise InvalidInput(OTHER_OWNER, f"key {data['key']} has another owner")
    version = newest_version(session, data["key"]) + 1 if owners else data["version"]
    row = instrument_store(
        session, data, version=version, organisation_id=organisation.id, active=False
    )
    admin_audit(
        session, viewer, action=Action.CREATE, detail=f"instrument {row.public_id} imported"
    )
    session.commit()
    return row
