"""The shipped open life-domain instrument."""

from __future__ import annotations

from sqlmodel import Session, func, select

from jouw_omgeving.models import Instrument, LifeDomain, ScaleLevel
from jouw_omgeving.seed import OPEN_INSTRUMENT_KEY, ensure_open_instrument
from jouw_omgeving.seed.instrument import OPEN_DOMAINS, OPEN_SCALE
from tests.demo.demo_db import fresh_engine, sqlite_url

LICENSED_WORDS = ["outcomes star", "outcome star", "zelfredzaamheid", "zrm"]


def _texts() -> list[str]:
    texts = []
    for domain in OPEN_DOMAINS:
        texts += [*domain["name"].values(), *domain["question"].values()]
    for level in OPEN_SCALE:
        texts += level["label"].values()
    return texts


def test_ensure_creates_it_once_with_domains_and_scale(tmp_path) -> None:
    engine = fresh_engine(sqlite_url(tmp_path, "instrument.db"))
    with Session(engine) as session:
        first = ensure_open_instrument(session)
        session.commit()
        second = ensure_open_instrument(session)
        session.commit()
        assert second.id == first.id
        assert session.exec(select(func.count()).select_from(Instrument)).one() == 1
        domains = session.exec(
            select(LifeDomain).where(LifeDomain.instrument_id == first.id).order_by("position")
        ).all()
        levels = session.exec(
            select(ScaleLevel).where(ScaleLevel.instrument_id == first.id).order_by("value")
        ).all()
    assert first.key == OPEN_INSTRUMENT_KEY
    assert first.version == 1
    assert "CC BY 4.0" in first.licence
    assert (first.scale_min, first.scale_max) == (1, 5)
    assert [d.key for d in domains][:2] == ["wonen", "geld"]
    assert len(domains) == 8
    assert [d.position for d in domains] == list(range(8))
    assert all(d.name["nl"] and d.name["en"] and d.question["nl"].endswith("?") for d in domains)
    assert domains[0].question["nl"] == "Hoe gaat het met je woning?"
    assert [level.value for level in levels] == [1, 2, 3, 4, 5]
    assert [level.pictogram for level in levels] == ["frown", "annoyed", "meh", "smile", "laugh"]
    assert levels[0].label["nl"] == "Het gaat slecht"
    assert levels[-1].label["nl"] == "Het gaat goed"


def test_it_uses_no_licensed_instrument_text() -> None:
    for text in _texts():
        assert not any(word in text.lower() for word in LICENSED_WORDS), text
