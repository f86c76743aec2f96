"""The evaluator's dashboard: every figure family at once, the key figures, CSV export.

The families live in ``evaluation_use`` (reach, retention), ``evaluation_contacts``
(contact mix, counsellor time), ``evaluation_goals`` and ``evaluation_outcomes``
(self-reliance, digital skills, check-ins). All of them aggregate in SQL and suppress small
groups (:func:`~.evaluation_scope.suppress`); this module only runs them together.
"""

import io
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import AbstractContextManager
from typing import TypedDict

import pandas as pd
from sqlmodel import Session, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import Organisation, Team
from jouw_omgeving.models.enums import AuditOutcome, OrganisationKind, Role
from jouw_omgeving.services.access import Action, Category, require_role
from jouw_omgeving.services.audit import audit_record
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.evaluation_contacts import contact_mix, counsellor_minutes
from jouw_omgeving.services.evaluation_goals import goals_by_domain
from jouw_omgeving.services.evaluation_outcomes import (
    check_ins_weekly,
    digital_skills_progress,
    self_reliance_change,
)
from jouw_omgeving.services.evaluation_scope import (
    EvaluationFilter,
    evaluation_scope,
    organisation_threshold,
)
from jouw_omgeving.services.evaluation_use import reach_weekly, retention_cohorts
from jouw_omgeving.services.viewer import Viewer

FAMILIES = (
    "reach",
    "retention",
    "contacts",
    "minutes",
    "goals",
    "self_reliance",
    "digital_skills",
    "check_ins",
)
# The order in which they run side by side: the longest first (PostgreSQL, large scale).
SLOWEST_FIRST = (
    "reach",
    "contacts",
    "self_reliance",
    "retention",
    "minutes",
    "goals",
    "check_ins",
    "digital_skills",
)
# Families built side by side on separate connections (the pilot's server has two cores).
WORKERS = 2
BAD_FAMILY = N_("Deze grafiek bestaat niet.")
KEY_FIGURES = (
    "active_per_week",
    "contacts_per_participant",
    "minutes_per_participant",
    "goals_achieved",
    "steps_done",
    "mean_mood",
)


class TeamOption(TypedDict):
    """A team the evaluator can filter on."""

    public_id: str
    name: str


class OrganisationOption(TypedDict):
    """An organisation the evaluator can choose, with its teams."""

    public_id: str
    name: str
    threshold: int
    teams: list[TeamOption]


def evaluation_options(session: Session, viewer: Viewer) -> list[OrganisationOption]:
    """The organisations (own kind) and their teams, for the filter; evaluators only."""
    require_role(viewer, Role.EVALUATOR, session=session, category=Category.AGGREGATES)
    organisations = session.exec(
        select(Organisation)
        .where(Organisation.kind == OrganisationKind.OWN)
        .order_by(Organisation.name)
    ).all()
    teams = session.exec(select(Team).order_by(Team.name)).all()
    return [
        OrganisationOption(
            public_id=str(o.public_id),
            name=o.name,
            threshold=organisation_threshold(o),
            teams=[
                TeamOption(public_id=str(t.public_id), name=t.name)
                for t in teams
                if t.organisation_id == o.id
            ],
        )
        for o in organisations
    ]


_RUNNERS = {
    "reach": lambda s, v, q, lang: reach_weekly(s, v, q),
    "retention": lambda s, v, q, lang: retention_cohorts(s, v, q),
    "contacts": lambda s, v, q, lang: contact_mix(s, v, q),
    "minutes": lambda s, v, q, lang: counsellor_minutes(s, v, q),
    "goals": lambda s, v, q, lang: goals_by_domain(s, v, q, lang=lang),
    "self_reliance": lambda s, v, q, lang: self_reliance_change(s, v, q, lang=lang),
    "digital_skills": lambda s, v, q, lang: digital_skills_progress(s, v, q, lang=lang),
    "check_ins": lambda s, v, q, lang: check_ins_weekly(s, v, q),
}


def evaluation_family(
    session: Session, viewer: Viewer, query: EvaluationFilter, family: str, *, lang: str = "nl"
) -> pd.DataFrame:
    """One figure family (a name of :data:`FAMILIES`), aggregated and suppressed.

    Raises:
        AccessDenied: not an evaluator (audited).
        InvalidInput: an unknown family or a filter that does not fit.
    """
    runner = _RUNNERS.get(family) if isinstance(family, str) else None
    if runner is None:
        evaluation_scope(session, viewer, query)  # refuses non-evaluators first (audited)
        raise InvalidInput(BAD_FAMILY, f"family {family!r}")
    return runner(session, viewer, query, lang)


def evaluation_begin(session: Session, viewer: Viewer, query: EvaluationFilter) -> int:
    """Check the filter, write one audit entry for the whole dashboard; return the threshold.

    Raises:
        AccessDenied: not an evaluator (audited).
        InvalidInput: a filter that does not fit.
    """
    scope = evaluation_scope(session, viewer, query)
    audit_record(
        session,
        viewer=viewer,
        participant_id=None,
        action=Action.READ,
        category=Category.AGGREGATES,
        outcome=AuditOutcome.ALLOWED,
        detail=(
            f"evaluation organisation={scope.organisation_id} team={scope.team_id} "
            f"{query.start}..{query.end} compare={query.compare_start}..{query.compare_end}"
        ),
    )
    session.commit()
    return scope.threshold


def _families(
    session: Session, viewer: Viewer, query: EvaluationFilter, lang: str
) -> dict[str, pd.DataFrame]:
    return {f: evaluation_family(session, viewer, query, f, lang=lang) for f in FAMILIES}


def evaluation_families(
    open_session: Callable[[], AbstractContextManager[Session]],
    viewer: Viewer,
    query: EvaluationFilter,
    *,
    lang: str = "nl",
    workers: int = WORKERS,
    on_done: Callable[[str], None] | None = None,
) -> dict[str, pd.DataFrame]:
    """Every family of :data:`FAMILIES`, ``workers`` at a time, each in its own session
    (so its own database connection) from ``open_session``; ``on_done(family)`` is called
    in the caller's thread as each one is ready (for a progress bar).

    The families are independent reads, so on two cores two of them run side by side.
    With ``workers=1`` they run one after the other in the caller's thread (then
    ``open_session`` may hand out the same session each time).

    Raises:
        AccessDenied: not an evaluator (audited).
        InvalidInput: a filter that does not fit.
    """

    def one(family: str) -> pd.DataFrame:
        with open_session() as session:
            return evaluation_family(session, viewer, query, family, lang=lang)

    frames: dict[str, pd.DataFrame] = {}
    if workers <= 1:
        for family in FAMILIES:
            frames[family] = one(family)
            if on_done is not None:
                on_done(family)
        return frames
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="evaluation") as pool:
        # The slowest first, so the last to start are the quick ones.
        futures = {pool.submit(one, family): family for family in SLOWEST_FIRST}
        try:
            for future in as_completed(futures):
                frames[futures[future]] = future.result()
                if on_done is not None:
                    on_done(futures[future])
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return {family: frames[family] for family in FAMILIES}


def _mean(values: pd.Series) -> float | None:
    values = values.dropna()
    return None if values.empty else float(values.mean())


def _total(values: pd.Series) -> float | None:
    values = values.dropna()
    return None if values.empty else float(values.sum())


def key_figures(frames: dict[str, pd.DataFrame]) -> dict[str, float | None]:
    """A few headline figures from the (already suppressed) families; ``None`` = hidden.

    Suppressed cells stay out of every sum and mean, so nothing hidden leaks back.
    """
    reach, contacts = frames["reach"], frames["contacts"]
    per_month = contacts.groupby("month")["per_participant"].agg(lambda s: _total(s))
    check_ins = frames["check_ins"].dropna(subset=["mean_mood"])
    weights = check_ins["check_ins"].astype(float)
    return {
        "active_per_week": _mean(reach.loc[reach["measure"] == "active", "participants"]),
        "contacts_per_participant": _mean(per_month.astype("Float64")),
        "minutes_per_participant": _mean(frames["minutes"]["minutes_per_participant"]),
        "goals_achieved": _total(frames["goals"]["goals_achieved"]),
        "steps_done": _total(frames["goals"]["steps_done"]),
        "mean_mood": (
            float((check_ins["mean_mood"].astype(float) * weights).sum() / weights.sum())
            if weights.sum()
            else None
        ),
    }


def evaluation_comparison(
    session: Session,
    viewer: Viewer,
    query: EvaluationFilter,
    frames: dict[str, pd.DataFrame],
    *,
    lang: str = "nl",
    open_session: Callable[[], AbstractContextManager[Session]] | None = None,
) -> pd.DataFrame | None:
    """The key figures of the period (from ``frames``) beside the comparison period's
    (columns figure, period, comparison); ``None`` without a comparison period.

    The comparison period's families are read in ``session``, or with ``open_session``
    side by side (:func:`evaluation_families`)."""
    evaluation_scope(session, viewer, query)  # refuses non-evaluators (audited)
    compare = query.comparison()
    if compare is None:
        return None
    other = key_figures(
        _families(session, viewer, compare, lang)
        if open_session is None
        else evaluation_families(open_session, viewer, compare, lang=lang)
    )
    mine = key_figures(frames)
    return pd.DataFrame(
        [[k, mine[k], other[k]] for k in KEY_FIGURES],
        columns=["figure", "period", "comparison"],
    )


def evaluation_dashboard(
    session: Session,
    viewer: Viewer,
    query: EvaluationFilter,
    *,
    lang: str = "nl",
    open_session: Callable[[], AbstractContextManager[Session]] | None = None,
) -> dict[str, pd.DataFrame]:
    """Every figure family (see :data:`FAMILIES`) for ``query``; with a comparison period
    also ``"comparison"``. One audit entry says what was looked at.

    Without ``open_session`` the families are read in ``session``, one after the other;
    with it, side by side on sessions of their own (:func:`evaluation_families`: they
    see committed data only).

    Raises:
        AccessDenied: not an evaluator (audited).
        InvalidInput: a filter that does not fit.
    """
    evaluation_begin(session, viewer, query)
    if open_session is None:
        frames = _families(session, viewer, query, lang)
    else:
        frames = evaluation_families(open_session, viewer, query, lang=lang)
    comparison = evaluation_comparison(
        session, viewer, query, frames, lang=lang, open_session=open_session
    )
    if comparison is not None:
        frames["comparison"] = comparison
    return frames


def frame_csv(frame: pd.DataFrame) -> str:
    """The CSV text of one (suppressed) figure frame; hidden cells are empty."""
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, na_rep="", float_format="%.2f")
    return buffer.getvalue()
