"""UTCDateTime: aware UTC in, aware UTC out, on SQLite as well as PostgreSQL."""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.exc import StatementError
from sqlmodel import Session, col, select

from jouw_omgeving.models import Message, User
from jouw_omgeving.models.enums import Role
from tests import factories as f

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_naive_datetimes_are_refused_when_stored(session: Session):
    session.add(
        User(role=Role.COUNSELLOR, display_name="Naïef", created_at=datetime(2026, 3, 1, 9, 0))
    )
    with pytest.raises(StatementError, match="naive datetime refused"):
        session.flush()


def test_naive_datetimes_are_refused_in_queries(session: Session):
    statement = select(Message).where(col(Message.created_at) > datetime(2026, 3, 1, 9, 0))
    with pytest.raises(StatementError, match="naive datetime refused"):
        session.exec(statement).all()


@pytest.mark.parametrize(
    "moment",
    [
        # Summer time in Amsterdam (+02:00), with microseconds.
        datetime(2026, 7, 14, 23, 30, 15, 123456, tzinfo=AMSTERDAM),
        # A fixed negative offset that crosses midnight when converted.
        datetime(2026, 1, 31, 21, 5, tzinfo=timezone(timedelta(hours=-5))),
        datetime(2026, 3, 29, 0, 59, 59, tzinfo=UTC),
    ],
    ids=["amsterdam-summer", "minus-five", "utc"],
)
def test_aware_datetimes_come_back_as_the_same_instant_in_utc(session: Session, moment: datetime):
    participant = f.make_participant(session)
    user_id = participant.id
    participant.last_active_at = moment
    session.flush()
    session.expire_all()  # read from the database, not from the identity map

    stored = session.exec(select(User.last_active_at).where(User.id == user_id)).one()
    assert stored == moment
    assert stored.tzinfo is UTC
    assert stored.replace(tzinfo=None) == moment.astimezone(UTC).replace(tzinfo=None)

    reloaded = session.get(User, user_id)
    assert reloaded is not None
    assert reloaded.last_active_at == moment
    assert reloaded.last_active_at.tzinfo is UTC
    # Untouched nullable timestamps stay empty.
    assert reloaded.deactivated_at is None


def test_defaults_are_aware_utc(session: Session):
    organisation = f.make_organisation(session)
    session.expire_all()
    assert organisation.created_at.tzinfo is UTC
    assert abs(organisation.created_at - datetime.now(UTC)) < timedelta(minutes=5)


def test_filters_compare_instants_not_wall_clock_times(session: Session):
    participant = f.make_participant(session)
    thread = f.make_thread(session, participant=participant)
    sent_at = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
    message = f.make_message(session, thread=thread, sender=participant, created_at=sent_at)
    session.expire_all()

    def sent_after(moment: datetime) -> list[int | None]:
        statement = select(Message.id).where(
            Message.thread_id == thread.id, col(Message.created_at) > moment
        )
        return list(session.exec(statement))

    # 11:30 in Amsterdam is 09:30 UTC: before the message. 12:30 there is after it.
    assert sent_after(datetime(2026, 5, 4, 11, 30, tzinfo=AMSTERDAM)) == [message.id]
    assert sent_after(datetime(2026, 5, 4, 12, 30, tzinfo=AMSTERDAM)) == []
