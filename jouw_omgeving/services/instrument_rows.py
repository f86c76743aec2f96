"""Instrument rows to and from the file format (:mod:`jouw_omgeving.services.instrument_file`).

Helpers without a viewer: the admin services call them after their role check.
"""

from sqlmodel import Session, select

from jouw_omgeving.models import Instrument, LifeDomain, ScaleLevel
from jouw_omgeving.services.instrument_file import FORMAT, FORMAT_VERSION, InstrumentData
from jouw_omgeving.services.instruments import instrument_domains


def instrument_as_file(session: Session, row: Instrument) -> InstrumentData:
    """One instrument version (its domains in order, its scale) as file data."""
    levels = session.exec(
        select(ScaleLevel).where(ScaleLevel.instrument_id == row.id).order_by(ScaleLevel.value)
    ).all()
    return InstrumentData(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        key=row.key,
        version=row.version,
        name=dict(row.name),
        licence=row.licence,
        domains=[
            {
                "key": d.key,
                "name": dict(d.name),
                "question": dict(d.question),
                "pictogram": d.pictogram,
            }
            for d in instrument_domains(session, row.id)
        ],
        levels=[
            {"value": lv.value, "label": dict(lv.label), "pictogram": lv.pictogram} for lv in levels
        ],
    )


def instrument_store(
    session: Session, data: InstrumentData, *, version: int, **owner
) -> Instrument:
    """Add an instrument version with its domains and scale from checked file data."""
    row = Instrument(
        key=data["key"],
        version=version,
        name=data["name"],
        licence=data["licence"],
        scale_min=data["levels"][0]["value"],
        scale_max=data["levels"][-1]["value"],
        **owner,
    )
    session.add(row)
    session.flush()
    for position, domain in enumerate(data["domains"]):
        session.add(LifeDomain(instrument_id=row.id, position=position, **domain))
    for level in data["levels"]:
        session.add(ScaleLevel(instrument_id=row.id, **level))
    session.flush()
    return row
