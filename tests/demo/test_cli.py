"""``python -m jouw_omgeving.demo load``: loads once, and --if-empty never loads twice."""

from __future__ import annotations

from sqlmodel import Session, func, select

from jouw_omgeving.demo.cli import ALREADY_LOADED, LOADED, NOT_EMPTY, load, main
from jouw_omgeving.models import Instrument, User
from tests.demo.demo_db import TODAY, fresh_engine, sqlite_url


def _users(engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(User)).one()


def test_load_if_empty_loads_once(tmp_path) -> None:
    url = sqlite_url(tmp_path, "cli.db")
    engine = fresh_engine(url)
    said: list[str] = []
    summary = load(url, if_empty=True, today=TODAY, echo=said.append)
    assert summary is not None
    assert said[0] == LOADED
    assert any("app_user" in line for line in said)
    loaded = _users(engine)
    assert loaded == summary.counts["app_user"] == 52

    said.clear()
    assert load(url, if_empty=True, today=TODAY, echo=said.append) is None
    assert said == [NOT_EMPTY]
    assert _users(engine) == loaded


def test_if_empty_skips_a_database_with_other_users_but_ensures_the_instrument(tmp_path) -> None:
    url = sqlite_url(tmp_path, "taken.db")
    engine = fresh_engine(url)
    with Session(engine) as session:
        session.add(User(role="admin", display_name="Iemand", username="iemand"))
        session.commit()
    assert load(url, if_empty=True, echo=lambda _line: None) is None
    assert _users(engine) == 1
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Instrument)).one() == 1


def test_main_loads_and_refuses_a_second_full_load(tmp_path, capsys) -> None:
    url = sqlite_url(tmp_path, "main.db")
    fresh_engine(url)
    assert main(["load", "--seed", "3"], url=url) == 0
    assert "seed 3" in capsys.readouterr().out
    assert main(["load"], url=url) == 1
    assert ALREADY_LOADED in capsys.readouterr().out
    assert main(["load", "--if-empty"], url=url) == 0
    assert NOT_EMPTY in capsys.readouterr().out
