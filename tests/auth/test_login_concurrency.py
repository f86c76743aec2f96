"""A login stays correct while others write: the slow password check holds no transaction.

On SQLite a transaction that has read and then writes after another connection committed
fails at once with "database is locked" (its snapshot is stale; the busy timeout does not
help). The load test found this: under load a real login failed when anyone sent a message
during the argon2 check. The check now runs between transactions.
"""

from sqlmodel import Session, SQLModel

from jouw_omgeving.auth import local_login
from jouw_omgeving.auth.local_login import login_check
from jouw_omgeving.auth.sessions import session_start_pending
from jouw_omgeving.db import make_engine
from tests.factories import make_participant


def test_login_succeeds_when_another_connection_commits_during_the_password_check(
    tmp_path, monkeypatch
):
    engine = make_engine(f"sqlite:///{tmp_path / 'login.db'}")
    SQLModel.metadata.create_all(engine)
    with Session(engine, expire_on_commit=False) as setup:
        user = make_participant(setup, username="pieter", password="54321")
        setup.commit()
    real_verify = local_login.verify_secret
    writes = []

    def verify_while_someone_writes(stored_hash, secret):
        with Session(engine) as other:  # e.g. a message sent by someone else meanwhile
            make_participant(other, username=f"anna{len(writes)}", password="1")
            other.commit()
        writes.append(1)
        return real_verify(stored_hash, secret)

    monkeypatch.setattr(local_login, "verify_secret", verify_while_someone_writes)
    with Session(engine, expire_on_commit=False) as session:
        outcome = login_check(session, username="pieter", secret="54321", client_address="a")
        assert outcome.user is not None and outcome.user.id == user.id
        assert session_start_pending(session, user=outcome.user, client_address="a")
        session.commit()
    assert writes == [1]
    engine.dispose()
