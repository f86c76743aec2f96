"""Benchmark: the evaluator's full dashboard (every figure family) at pilot-wide scale.

Times :func:`~jouw_omgeving.services.evaluation.evaluation_dashboard` (aggregation in SQL,
``GROUP BY`` per week/month/domain, pandas only shapes the result) as the app runs it (the
families side by side on separate connections) and on one connection, beside a naive baseline
that loads every row of the tables involved into pandas (``SELECT *``) and aggregates there,
in the same run, on SQLite and (with --postgres-url) PostgreSQL. The period is the whole
pilot, the organisation every participant's, so nothing is filtered away.

    .venv/bin/python -m bench.evaluation                              # large scale, SQLite
    .venv/bin/python -m bench.evaluation --scale small --postgres-url postgresql+psycopg://postgres@127.0.0.1/test
"""

import argparse
import json
import os
import statistics
from datetime import date, timedelta

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session, select

from bench.common import load_scale, print_table, scratch_database, time_calls
from jouw_omgeving.charts_dashboard import evaluation_chart
from jouw_omgeving.db import READ_ONLY, make_engine
from jouw_omgeving.demo.scale import DemoScale
from jouw_omgeving.models import Organisation, User
from jouw_omgeving.models.enums import OrganisationKind, Role
from jouw_omgeving.services.evaluation import FAMILIES, WORKERS, evaluation_dashboard, frame_csv
from jouw_omgeving.services.evaluation_scope import EvaluationFilter, Scope, evaluation_scope
from jouw_omgeving.services.viewer import Viewer

SCALES = {
    "demo": DemoScale.default(),
    "small": DemoScale(participants=1_000, counsellors=30, teams=3, messages_per_participant=100),
    "large": DemoScale.large(),
}
TABLES = (
    "app_user",
    "login_session",
    "message",
    "message_thread",
    "goal",
    "goal_step",
    "assignment",
    "submission",
    "content_item",
    "contact_moment",
    "assessment",
    "assessment_score",
    "check_in",
)
TIMESTAMPS = (
    "enrolled_at",
    "created_at",
    "done_at",
    "submitted_at",
    "occurred_at",
    "taken_at",
    "completed_at",
)


def _load_everything(engine: sa.Engine) -> dict[str, pd.DataFrame]:
    """The naive first step: every row of every table involved, as DataFrames."""
    with engine.connect() as connection:
        frames = {t: pd.read_sql(f"SELECT * FROM {t}", connection) for t in TABLES}  # noqa: S608
    for frame in frames.values():
        for column in TIMESTAMPS:
            if column in frame:
                frame[column] = pd.to_datetime(frame[column], utc=True, format="mixed")
    return frames


def _weekly(events: pd.DataFrame, scope: Scope) -> pd.Series:
    weeks = (events["at"] - pd.Timestamp(scope.week_anchor)) // pd.Timedelta(weeks=1)
    return events.assign(week=weeks).groupby(["kind", "week"])["pid"].nunique()


def naive_dashboard(engine: sa.Engine, scope: Scope) -> dict[str, object]:
    """The same figures from all rows in pandas (aggregates only, not shaped or suppressed)."""
    t = _load_everything(engine)
    users = t["app_user"]
    people = users[
        (users["role"] == Role.PARTICIPANT)
        & (users["organisation_id"] == scope.organisation_id)
        & users["enrolled_at"].notna()
    ][["id", "enrolled_at"]].rename(columns={"id": "pid"})
    start, end = pd.Timestamp(scope.start), pd.Timestamp(scope.end)
    goals = t["goal"].rename(columns={"participant_id": "pid"})
    steps = t["goal_step"].merge(
        goals[["id", "pid", "life_domain_id"]],
        left_on="goal_id",
        right_on="id",
        suffixes=("", "_goal"),
    )
    handed_in = t["submission"].merge(
        t["assignment"], left_on="assignment_id", right_on="id", suffixes=("", "_assignment")
    )
    events = pd.concat(
        [
            t["login_session"][["user_id", "created_at"]]
            .set_axis(["pid", "at"], axis=1)
            .assign(kind="logged_in"),
            t["message"][["sender_id", "created_at"]]
            .set_axis(["pid", "at"], axis=1)
            .assign(kind="messaged"),
            steps.loc[steps["status"] == "done", ["pid", "done_at"]]
            .set_axis(["pid", "at"], axis=1)
            .assign(kind="did_work"),
            handed_in.loc[handed_in["status"] == "submitted", ["participant_id", "submitted_at"]]
            .set_axis(["pid", "at"], axis=1)
            .assign(kind="did_work"),
        ]
    ).merge(people, on="pid")
    in_period = events[(events["at"] >= start) & (events["at"] < end)]
    reach = _weekly(in_period, scope)
    cohorts = events[events["at"] >= events["enrolled_at"]].assign(
        cohort=lambda f: f["enrolled_at"].dt.strftime("%Y-%m"),
        month=lambda f: (f["at"] - f["enrolled_at"]) // pd.Timedelta(days=30.4375),
    )
    retention = cohorts.groupby(["cohort", "month"])["pid"].nunique()
    contacts = t["contact_moment"].merge(people, left_on="participant_id", right_on="pid")
    contacts = contacts[(contacts["occurred_at"] >= start) & (contacts["occurred_at"] < end)]
    contacts = contacts.assign(month=contacts["occurred_at"].dt.strftime("%Y-%m"))
    mix = contacts.groupby(["month", "kind"]).agg(n=("id", "size"), p=("pid", "nunique"))
    minutes = contacts.groupby("month")["duration_minutes"].agg(["sum", "count"])
    threads = t["message_thread"].rename(columns={"id": "thread", "participant_id": "pid"})
    messages = (
        t["message"]
        .merge(threads[["thread", "pid"]], left_on="thread_id", right_on="thread")
        .merge(people, on="pid")
    )
    messages = messages[(messages["created_at"] >= start) & (messages["created_at"] < end)]
    message_months = messages.groupby(messages["created_at"].dt.strftime("%Y-%m"))["pid"].agg(
        ["size", "nunique"]
    )
    my_goals = goals.merge(people, on="pid")
    goal_figures = my_goals.groupby("life_domain_id", dropna=False).agg(
        set=("created_at", lambda s: ((s >= start) & (s < end)).sum()),
        done=("completed_at", lambda s: ((s >= start) & (s < end)).sum()),
    )
    step_figures = (
        steps[(steps["done_at"] >= start) & (steps["done_at"] < end)]
        .groupby("life_domain_id", dropna=False)
        .size()
    )
    assessments = t["assessment"].merge(people, left_on="participant_id", right_on="pid")
    assessments = assessments[(assessments["taken_at"] >= start) & (assessments["taken_at"] < end)]
    ordered = assessments.sort_values("taken_at").groupby(["pid", "assessor_role"])
    pairs = pd.concat([ordered["id"].first(), ordered["id"].last(), ordered.size()], axis=1)
    pairs.columns = ["first", "last", "n"]
    pairs = pairs[pairs["n"] >= 2].reset_index()
    scores = t["assessment_score"]
    change = pairs.merge(scores, left_on="first", right_on="assessment_id").merge(
        scores,
        left_on=["last", "life_domain_id"],
        right_on=["assessment_id", "life_domain_id"],
        suffixes=("_first", "_last"),
    )
    self_reliance = change.groupby(["assessor_role", "life_domain_id"]).agg(
        n=("pid", "nunique"), first=("score_first", "mean"), last=("score_last", "mean")
    )
    lessons = t["content_item"]
    lesson_ids = lessons.loc[lessons["track"] == "digital_skills", "id"]
    lessons_done = handed_in[
        handed_in["content_id"].isin(lesson_ids) & (handed_in["status"] == "submitted")
    ]
    digital = lessons_done.groupby("content_id")["participant_id"].nunique()
    check_ins = t["check_in"].merge(people, left_on="participant_id", right_on="pid")
    check_ins = check_ins[(check_ins["created_at"] >= start) & (check_ins["created_at"] < end)]
    weeks = (check_ins["created_at"] - pd.Timestamp(scope.week_anchor)) // pd.Timedelta(weeks=1)
    moods = check_ins.groupby(weeks).agg(n=("id", "size"), p=("pid", "nunique"), m=("mood", "mean"))
    return {
        "reach": reach,
        "retention": retention,
        "contacts": mix,
        "minutes": minutes,
        "messages": message_months,
        "goals": goal_figures,
        "steps": step_figures,
        "self_reliance": self_reliance,
        "digital_skills": digital,
        "check_ins": moods,
    }


def _evaluator_and_query(session: Session, scale: DemoScale) -> tuple[Viewer, EvaluationFilter]:
    evaluator = session.exec(select(User).where(User.role == Role.EVALUATOR)).first()
    organisation = session.exec(
        select(Organisation).where(Organisation.kind == OrganisationKind.OWN)
    ).first()
    today = date.today()
    query = EvaluationFilter(
        organisation_public_id=str(organisation.public_id),
        start=today - timedelta(days=scale.days + 31),
        end=today,
    )
    return Viewer.of(evaluator), query


def _page(session, viewer, query, open_session, threshold: int) -> None:
    """What the evaluator's page builds: the figures, then a plotly figure (as JSON) and a
    CSV text per family (as ``state/evaluation_dashboard.py`` does)."""
    frames = evaluation_dashboard(session, viewer, query, open_session=open_session)
    for key in FAMILIES:
        chart = evaluation_chart(key, frames[key], threshold=threshold, lang="nl")
        json.loads(chart["figure"].to_json())
        frame_csv(frames[key])


def bench_database(
    kind: str, url: str, scale: DemoScale, repeat: int, *, generate: bool = True
) -> list[list[object]]:
    """Generate (unless reusing), then time the SQL dashboard and the naive baseline."""
    if generate:
        engine, seconds = load_scale(url, scale)
        print(f"{kind}: generated the data set in {seconds:.0f} s", flush=True)
    else:
        engine = make_engine(url)
    with Session(engine) as session:
        viewer, query = _evaluator_and_query(session, scale)
        scope = evaluation_scope(session, viewer, query)
        counts = {
            t: session.exec(sa.text(f"SELECT count(*) FROM {t}")).one()[0]  # noqa: S608
            for t in ("app_user", "message", "contact_moment", "assessment")
        }
        print(f"{kind}: rows {counts}", flush=True)
        # The families only read: as in the app, on read-only sessions (on SQLite a writing
        # one would wait for this session's audit row to commit).
        reader = engine.execution_options(**{READ_ONLY: True})
        side_by_side = time_calls(
            lambda: evaluation_dashboard(
                session, viewer, query, open_session=lambda: Session(reader)
            ),
            repeat,
        )
        page = time_calls(
            lambda: _page(session, viewer, query, lambda: Session(reader), scope.threshold),
            repeat,
        )
        one_by_one = time_calls(lambda: evaluation_dashboard(session, viewer, query), repeat)
    naive = time_calls(lambda: naive_dashboard(engine, scope), max(1, repeat // 2))
    engine.dispose()
    return [
        [kind, f"SQL, {WORKERS} connections (the app)", *_summary(side_by_side)],
        [kind, "the page: as above + charts, CSV", *_summary(page)],
        [kind, "SQL, one connection", *_summary(one_by_one)],
        [kind, "naive: all rows into pandas", *_summary(naive)],
    ]


def _summary(timings: list[float]) -> list[object]:
    return [len(timings), statistics.median(timings), max(timings)]


def main() -> None:
    """Parse arguments, run on each database, print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="large")
    parser.add_argument("--postgres-url", help="also run on this PostgreSQL server")
    parser.add_argument("--only-postgres", action="store_true", help="skip SQLite")
    parser.add_argument("--repeat", type=int, default=5, help="timed dashboards per database")
    parser.add_argument(
        "--database-url",
        action="append",
        default=[],
        help="reuse a database generated at --scale before (repeatable; skips generating)",
    )
    args = parser.parse_args()
    scale = SCALES[args.scale]
    rows = []
    for url in args.database_url:
        kind = sa.make_url(url).get_backend_name()
        rows += bench_database(kind, url, scale, args.repeat, generate=False)
    kinds = [] if args.only_postgres or args.database_url else ["sqlite"]
    kinds += ["postgresql"] if args.postgres_url else []
    for kind in kinds:
        with scratch_database(kind, args.postgres_url) as url:
            rows += bench_database(kind, url, scale, args.repeat)
    print(
        f"\nFull evaluation dashboard (8 figure families), scale {args.scale}: "
        f"{scale.participants} participants"
    )
    print_table(["database", "implementation", "runs", "median ms", "max ms"], rows)
    print(f"load average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
