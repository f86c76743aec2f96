"""The starter content the platform ships with: information, assignments, digital-skills track.

Real content in plain Dutch (B1) with English translations, written for people in guidance
after homelessness. The texts live in ``content_info``, ``content_assignments`` and
``content_lessons``; this module puts them in one list and loads what is missing.

Items are global (no organisation) and found by slug. An item that already exists is left
alone, so an editor's changes are never overwritten and loading twice adds nothing.
"""

from __future__ import annotations

import copy
from typing import Any

from sqlmodel import Session, select

from jouw_omgeving.models import ContentItem, ContentVersion
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import ContentKind, ContentStatus
from jouw_omgeving.seed.content_assignments import ASSIGNMENT_ITEMS
from jouw_omgeving.seed.content_format import DIGITAL_SKILLS_TRACK
from jouw_omgeving.seed.content_info import INFO_ITEMS
from jouw_omgeving.seed.content_lessons import LESSON_ITEMS


def _entry(
    spec: dict[str, Any], kind: ContentKind, track: str | None = None, position: int = 0
) -> dict[str, Any]:
    return {
        "slug": spec["slug"],
        "kind": kind.value,
        "track": track,
        "position": position,
        "life_domain_key": spec.get("life_domain_key"),
        "title": {lang: text.strip() for lang, text in spec["title"].items()},
        "body": {lang: text.strip() for lang, text in spec["body"].items()},
        "questions": spec.get("questions", []),
    }


# Every starter item: slug, kind, track, position, life_domain_key, title, body, questions.
STARTER_CONTENT: list[dict[str, Any]] = [
    *(_entry(spec, ContentKind.INFO) for spec in INFO_ITEMS),
    *(_entry(spec, ContentKind.ASSIGNMENT) for spec in ASSIGNMENT_ITEMS),
    *(
        _entry(spec, ContentKind.LESSON, DIGITAL_SKILLS_TRACK, position)
        for position, spec in enumerate(LESSON_ITEMS, start=1)
    ),
]


def ensure_starter_content(session: Session) -> int:
    """Create the starter items that are missing (by slug); return how many were created.

    Each new item gets version 1, published now, and status "published". Existing items are
    not touched. Rows are flushed (so they have ids) but not committed: the caller's
    transaction decides.
    """
    slugs = [spec["slug"] for spec in STARTER_CONTENT]
    existing = set(session.exec(select(ContentItem.slug).where(ContentItem.slug.in_(slugs))))
    now = utcnow()
    created = 0
    for spec in STARTER_CONTENT:
        if spec["slug"] in existing:
            continue
        item = ContentItem(
            slug=spec["slug"],
            kind=spec["kind"],
            track=spec["track"],
            position=spec["position"],
            life_domain_key=spec["life_domain_key"],
            status=ContentStatus.PUBLISHED.value,
            created_at=now,
        )
        session.add(item)
        session.flush()
        session.add(
            ContentVersion(
                content_id=item.id,
                version=1,
                title=dict(spec["title"]),
                body=dict(spec["body"]),
                questions=copy.deepcopy(spec["questions"]),
                created_at=now,
                published_at=now,
            )
        )
        existing.add(spec["slug"])
        created += 1
    session.flush()
    return created
