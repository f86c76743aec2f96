"""Shared state of one generator run: the seeded randomness, the clock and who exists.

Every random choice comes from :meth:`DemoContext.rng`, a ``random.Random`` seeded from the run
seed plus a label (string seeds hash with SHA-512, independent of ``PYTHONHASHSEED``), so each
participant's story is the same whatever the scale and whichever part runs first.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from jouw_omgeving.demo.scale import DemoScale
from jouw_omgeving.demo.writer import RowWriter


def random_uuid(rng: random.Random) -> uuid.UUID:
    """A version-4 UUID drawn from ``rng`` (reproducible, unlike ``uuid4``)."""
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def random_hex(rng: random.Random, length: int) -> str:
    """``length`` hex digits drawn from ``rng``."""
    return f"{rng.getrandbits(4 * length):0{length}x}"


@dataclass(frozen=True)
class Counsellor:
    """A generated counsellor."""

    id: int
    number: int
    team_id: int
    first_name: str


@dataclass(frozen=True)
class Period:
    """One caseload assignment: ``counsellor_id`` guides from ``starts_at`` until ``ends_at``."""

    counsellor_id: int
    starts_at: datetime
    ends_at: datetime | None


@dataclass
class ParticipantPlan:
    """The outline of one participant's story that every part of the generator follows."""

    id: int
    number: int
    enrolled_at: datetime
    last_active_at: datetime
    periods: list[Period]
    engagement: float  # 0..1, how much they use the platform
    trend: str  # "improving", "flat" or "declining"
    unread_for_counsellor: bool
    team_id: int = 0

    @property
    def counsellor_id(self) -> int:
        """The current counsellor."""
        return self.periods[-1].counsellor_id

    def counsellor_at(self, moment: datetime) -> int:
        """The counsellor who guided this participant at ``moment``."""
        for period in self.periods:
            if period.ends_at is None or moment < period.ends_at:
                return period.counsellor_id
        return self.periods[-1].counsellor_id


@dataclass
class DemoContext:
    """Everything the parts of the generator share during one run."""

    seed: int
    today: date
    scale: DemoScale
    writer: RowWriter
    staff_hash: str
    participant_hash: str
    own_organisation_id: int = 0
    instrument_id: int = 0
    domain_ids: dict[str, int] = field(default_factory=dict)
    team_ids: list[int] = field(default_factory=list)
    team_lead_ids: dict[int, int] = field(default_factory=dict)
    partner_organisation_ids: list[int] = field(default_factory=list)
    counsellors: list[Counsellor] = field(default_factory=list)
    counsellor_names: dict[int, str] = field(default_factory=dict)
    content_editor_id: int = 0
    admin_id: int = 0
    participants: list[ParticipantPlan] = field(default_factory=list)
    network_member_ids: list[int] = field(default_factory=list)

    @property
    def now(self) -> datetime:
        """The generator's "now": the start of ``today`` in UTC. History lies before it."""
        return datetime.combine(self.today, time(0), UTC)

    @property
    def pilot_start(self) -> datetime:
        """When the pilot began (``months`` before today)."""
        return self.now - timedelta(days=self.scale.days)

    def rng(self, *labels: object) -> random.Random:
        """A random generator for one part of the story, e.g. ``rng("goals", 17)``."""
        return random.Random(":".join(str(label) for label in (self.seed, *labels)))

    def add(self, model: type, row: dict) -> int:
        """Buffer a row for insertion; return its id."""
        return self.writer.add(model, row)


def moment_between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    """A random moment in ``[start, end)``, rounded to the minute (``start`` if empty)."""
    span = (end - start).total_seconds()
    if span <= 60:
        return start
    moment = start + timedelta(seconds=rng.uniform(0, span))
    return moment.replace(second=0, microsecond=0)


def daytime_between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    """Like :func:`moment_between`, but moved to Dutch waking hours (07-21 UTC) if possible."""
    moment = moment_between(rng, start, end)
    if 7 <= moment.hour < 21:
        return moment
    shifted = moment.replace(hour=rng.randint(7, 20))
    return shifted if start <= shifted < end else moment


def in_daytime(rng: random.Random, moment: datetime) -> datetime:
    """``moment``, or the same day at a waking hour (07-20 UTC) if it falls at night."""
    if 7 <= moment.hour < 21:
        return moment
    return moment.replace(hour=rng.randint(7, 20))


def spread(rng: random.Random, start: datetime, end: datetime, count: int) -> list[datetime]:
    """``count`` sorted daytime moments between ``start`` and ``end``."""
    return sorted(daytime_between(rng, start, end) for _ in range(count))
