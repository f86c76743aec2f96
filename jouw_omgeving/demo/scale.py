"""How much demo data to make, and what was made."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class DemoScale:
    """Sizes of a demo data set. Per-participant figures are averages over the whole set.

    The default is a believable pilot (two teams, 40 participants, 10 months); ``large()`` is
    the benchmark set. Participants are spread round-robin over counsellors, counsellors in
    equal blocks over teams.
    """

    participants: int = 40
    counsellors: int = 6
    teams: int = 2
    partner_organisations: int = 2
    months: int = 10
    max_goals_per_participant: int = 5
    messages_per_participant: int = 24
    contacts_per_participant: int = 18
    assessment_interval_days: int = 42
    check_in_rate: float = 0.7
    chunk_size: int = 5_000

    def __post_init__(self) -> None:
        """Refuse sizes the generator cannot honour."""
        if self.participants < 3 or self.counsellors < self.teams or self.teams < 1:
            msg = "need at least 3 participants and at least one counsellor per team"
            raise ValueError(msg)
        if not 1 <= self.partner_organisations <= 6:
            msg = "partner_organisations must be between 1 and 6"
            raise ValueError(msg)
        if self.months < 2:
            msg = "months must be at least 2"
            raise ValueError(msg)

    @classmethod
    def default(cls) -> DemoScale:
        """A believable pilot: 2 teams, 6 counsellors, 40 participants, 10 months."""
        return cls()

    @classmethod
    def large(cls) -> DemoScale:
        """The benchmark set: ~10,000 participants, 300 counsellors, ~1,000,000 messages,
        ~200,000 contacts and ~100,000 assessments."""
        return cls(
            participants=10_000,
            counsellors=300,
            teams=30,
            partner_organisations=6,
            messages_per_participant=100,
            contacts_per_participant=20,
            assessment_interval_days=27,
        )

    @classmethod
    def named(cls, name: str) -> DemoScale:
        """The scale called ``name`` ("default" or "large")."""
        scales = {"default": cls.default, "large": cls.large}
        if name not in scales:
            msg = f"unknown scale {name!r}; choose one of {sorted(scales)}"
            raise ValueError(msg)
        return scales[name]()

    @property
    def days(self) -> int:
        """Length of the pilot period in days."""
        return self.months * 30


@dataclass
class DemoSummary:
    """What :func:`generate_demo` made: rows per table and how long it took."""

    seed: int
    today: date
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        """Human-readable summary lines (table: rows)."""
        width = max((len(name) for name in self.counts), default=0)
        header = f"Demo data (seed {self.seed}, today {self.today.isoformat()}):"
        rows = [f"  {name:<{width}}  {count:>9,}" for name, count in sorted(self.counts.items())]
        return [header, *rows, f"  {self.seconds:.1f} s"]
