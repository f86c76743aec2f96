"""Content items with versions, assignments to participants, submissions and feedback.

Content items are found by slug; ones that already exist are reused (their versions are read
back), so demo data can load next to content an editor made.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import select

from jouw_omgeving.demo.content_catalogue import CONTENT_ITEMS
from jouw_omgeving.demo.context import DemoContext, ParticipantPlan, daytime_between, random_uuid
from jouw_omgeving.demo.texts import FEEDBACK_TEXTS, TEXT_ANSWERS
from jouw_omgeving.models import Assignment, ContentItem, ContentVersion, Feedback, Submission
from jouw_omgeving.models.enums import (
    AssignmentStatus,
    ContentKind,
    ContentStatus,
    SubmissionStatus,
)


@dataclass
class VersionPlan:
    """A content version as the generator needs it."""

    id: int
    published_at: datetime | None
    questions: list[dict[str, Any]]


@dataclass
class ContentPlan:
    """A content item and its versions (oldest first)."""

    id: int
    kind: str
    status: str
    versions: list[VersionPlan] = field(default_factory=list)

    def version_at(self, moment: datetime) -> VersionPlan:
        """The newest version published at ``moment`` (else the first)."""
        published = [v for v in self.versions if v.published_at and v.published_at <= moment]
        return published[-1] if published else self.versions[0]


def add_content(ctx: DemoContext) -> list[ContentPlan]:
    """Create the demo content items that do not exist yet; return all of them."""
    rng = ctx.rng("content")
    session = ctx.writer.session
    slugs = [item["slug"] for item in CONTENT_ITEMS]
    existing = {
        item.slug: item
        for item in session.exec(select(ContentItem).where(ContentItem.slug.in_(slugs)))
    }
    plans: list[ContentPlan] = []
    track_positions: dict[str, int] = {}
    for spec in CONTENT_ITEMS:
        if spec["slug"] in existing:
            plans.append(_existing_plan(ctx, existing[spec["slug"]]))
            continue
        position = 0
        if spec["track"]:
            position = track_positions[spec["track"]] = track_positions.get(spec["track"], 0) + 1
        draft = spec["status"] == ContentStatus.DRAFT
        created = ctx.now - timedelta(days=5) if draft else ctx.pilot_start - timedelta(days=14)
        item_id = ctx.add(
            ContentItem,
            {
                "public_id": random_uuid(rng),
                "slug": spec["slug"],
                "kind": spec["kind"],
                "track": spec["track"],
                "position": position,
                "life_domain_key": spec["domain"],
                "organisation_id": ctx.own_organisation_id,
                "status": spec["status"],
                "created_by_id": ctx.content_editor_id,
                "created_at": created,
            },
        )
        plan = ContentPlan(item_id, spec["kind"], spec["status"])
        for number, version in enumerate(spec["versions"], start=1):
            published = None
            if not draft:
                published = ctx.pilot_start - timedelta(days=7)
                if number > 1:
                    published = ctx.pilot_start + timedelta(days=int(ctx.scale.days * 0.6))
            questions = version.get("questions", [])
            version_id = ctx.add(
                ContentVersion,
                {
                    "content_id": item_id,
                    "version": number,
                    "title": version["title"],
                    "body": version["body"],
                    "questions": questions,
                    "created_by_id": ctx.content_editor_id,
                    "created_at": published or created,
                    "published_at": published,
                },
            )
            plan.versions.append(VersionPlan(version_id, published, questions))
        plans.append(plan)
    return plans


def _existing_plan(ctx: DemoContext, item: ContentItem) -> ContentPlan:
    versions = ctx.writer.session.exec(
        select(ContentVersion)
        .where(ContentVersion.content_id == item.id)
        .order_by(ContentVersion.version)
    ).all()
    return ContentPlan(
        item.id,
        item.kind,
        item.status,
        [VersionPlan(v.id, v.published_at, list(v.questions or [])) for v in versions],
    )


def add_assignments(ctx: DemoContext, content: list[ContentPlan]) -> None:
    """Assignments and digital-skills lessons per participant, with answers and feedback."""
    usable = [c for c in content if c.status == ContentStatus.PUBLISHED and c.versions]
    tasks = [c for c in usable if c.kind == ContentKind.ASSIGNMENT]
    lessons = [c for c in usable if c.kind == ContentKind.LESSON]
    for plan in ctx.participants:
        rng = ctx.rng("assignments", plan.number)
        tenure = (ctx.now - plan.enrolled_at).days
        if plan.number == 1:
            chosen = tasks
            outcomes = [
                AssignmentStatus.REVIEWED,
                AssignmentStatus.SUBMITTED,
                AssignmentStatus.OPEN,
            ]
        else:
            chosen = rng.sample(tasks, min(len(tasks), rng.randint(0, 1 + tenure // 90)))
            outcomes = [None] * len(chosen)
        for item, outcome in zip(chosen, outcomes, strict=False):
            assigned = daytime_between(rng, plan.enrolled_at, ctx.now - timedelta(days=1))
            _assign(ctx, rng, plan, item, assigned, plan.counsellor_at(assigned), outcome)
        reach = plan.engagement * min(1.0, tenure / 120) * len(lessons) + rng.random()
        moment = plan.enrolled_at + timedelta(days=rng.randint(3, 14))
        for item in lessons[: min(len(lessons), int(reach) + 1)]:
            if moment >= ctx.now:
                break
            by = None if rng.random() < 0.5 else plan.counsellor_at(moment)
            _assign(ctx, rng, plan, item, moment, by, None)
            moment += timedelta(days=rng.randint(7, 30))


def _assign(
    ctx: DemoContext,
    rng: random.Random,
    plan: ParticipantPlan,
    item: ContentPlan,
    assigned: datetime,
    assigned_by: int | None,
    outcome: AssignmentStatus | None,
) -> None:
    """One assignment; a submission unless it is still open, feedback once reviewed."""
    if outcome is None:
        outcome = AssignmentStatus.OPEN
        if assigned < plan.last_active_at:
            outcome = rng.choices(list(AssignmentStatus), [25, 30, 45])[0]
    assignment_id = ctx.add(
        Assignment,
        {
            "public_id": random_uuid(rng),
            "content_id": item.id,
            "participant_id": plan.id,
            "assigned_by_id": assigned_by,
            "status": outcome.value,
            "due_date": (assigned + timedelta(days=14)).date() if rng.random() < 0.5 else None,
            "assigned_at": assigned,
        },
    )
    keeps_draft = plan.number == 1 or rng.random() < 0.5
    if outcome == AssignmentStatus.OPEN and (assigned >= plan.last_active_at or not keeps_draft):
        return
    version = item.version_at(assigned)
    saved = daytime_between(rng, assigned, max(plan.last_active_at, assigned))
    submitted = outcome != AssignmentStatus.OPEN
    submission_id = ctx.add(
        Submission,
        {
            "public_id": random_uuid(rng),
            "assignment_id": assignment_id,
            "content_version_id": version.id,
            "answers": _answers(rng, version.questions, complete=submitted),
            "status": (SubmissionStatus.SUBMITTED if submitted else SubmissionStatus.DRAFT).value,
            "saved_at": saved,
            "submitted_at": saved if submitted else None,
        },
    )
    if outcome == AssignmentStatus.REVIEWED:
        written = min(saved + timedelta(hours=rng.randint(2, 48)), ctx.now - timedelta(hours=1))
        ctx.add(
            Feedback,
            {
                "submission_id": submission_id,
                "author_id": plan.counsellor_at(written),
                "body": rng.choice(FEEDBACK_TEXTS),
                "created_at": written,
            },
        )


def _answers(rng: random.Random, questions: list[dict[str, Any]], *, complete: bool) -> dict:
    """Answers keyed by question key: text, option index, or list of option indices."""
    answers: dict[str, Any] = {}
    for question in questions if complete else questions[:1]:
        options = len(question.get("options", []))
        if question["type"] == "text":
            answers[question["key"]] = rng.choice(TEXT_ANSWERS)
        elif question["type"] == "choice" and options:
            correct = question.get("answer")
            good = correct is not None and rng.random() < 0.85
            answers[question["key"]] = correct if good else rng.randrange(options)
        elif question["type"] == "checklist" and options:
            answers[question["key"]] = sorted(rng.sample(range(options), rng.randint(1, options)))
    return answers
