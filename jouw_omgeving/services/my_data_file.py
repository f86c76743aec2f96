"""The "Mijn gegevens" file, written piece by piece instead of built whole in memory.

The file is the export of :func:`jouw_omgeving.services.my_data.participant_export`, the
same JSON (format, version, every table, the references), but produced as a stream of
text chunks: each table is read in batches of :data:`BATCH` rows, each batch in a short
session of its own, so a participant with 20,000 messages neither fills the memory nor
keeps a database connection (or a transaction) while the browser downloads.

:func:`export_begin` decides (a participant, only their own data; refusals audited) before
anything is sent; :func:`export_chunks` then writes what was allowed.
"""

import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from jouw_omgeving.models import User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.access import Action, Category, require_role
from jouw_omgeving.services.my_data import (
    EXPORT,
    FORMAT,
    VERSION,
    collect_reference_ids,
    export_columns,
    export_references,
    export_values,
    reference_ids,
)
from jouw_omgeving.services.viewer import Viewer

BATCH = 500
FILENAME = "mijn-gegevens.json"

OpenSession = Callable[[], AbstractContextManager[Session]]


@dataclass(frozen=True)
class ExportStart:
    """An export that :func:`export_begin` allowed: whose, and from when."""

    user_id: int
    public_id: str
    exported_at: datetime


def export_begin(session: Session, viewer: Viewer, *, now: datetime | None = None) -> ExportStart:
    """Allow the logged-in participant to download everything stored about them.

    Raises:
        AccessDenied: the viewer is not a participant (audited): nobody exports someone else.
    """
    require_role(
        viewer, Role.PARTICIPANT, session=session, category=Category.PROFILE, action=Action.READ
    )
    user = session.get(User, viewer.user_id)
    return ExportStart(user.id, str(user.public_id), now or utcnow())


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def export_chunks(open_session: OpenSession, start: ExportStart) -> Iterator[str]:
    """The export of ``start`` as JSON text, one chunk per batch of rows.

    ``open_session`` gives a new session (committed on leaving) for each batch; nothing is
    held between two chunks but the ids still to be named in ``references``.
    """
    yield (
        f'{{"format": {_dump(FORMAT)}, "version": {VERSION}, '
        f'"exported_at": {_dump(start.exported_at.isoformat())}, '
        f'"participant_public_id": {_dump(start.public_id)},\n"tables": {{'
    )
    ids = reference_ids()
    for position, (model, condition) in enumerate(EXPORT.items()):
        table = model.__tablename__
        chunk = (",\n" if position else "\n") + f"{_dump(table)}: ["
        after, first = None, True
        columns = export_columns(model)
        while True:
            with open_session() as session:
                user = session.get(User, start.user_id)
                # Plain column values, not ORM objects: less CPU for a long history.
                query = select(*columns).where(condition(user))
                if after is not None:
                    query = query.where(model.id > after)
                found = session.exec(query.order_by(model.id).limit(BATCH))
                rows = [export_values(columns, values) for values in found]
            collect_reference_ids(ids, table, rows)
            if rows:
                chunk += ("\n" if first else ",\n") + ",\n".join(_dump(row) for row in rows)
                first, after = False, rows[-1]["id"]
            if len(rows) < BATCH:
                break
            yield chunk
            chunk = ""
        yield chunk + "]"
    with open_session() as session:
        references = export_references(session, ids)
    yield f'\n}},\n"references": {_dump(references)}}}\n'
