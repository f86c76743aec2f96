"""Reading content: the library (information and lessons), one item, the counsellor's picker.

Content is not anyone's personal data, so these reads are guarded by role only (audited
when refused). Only published items with a published version are shown, each in its
latest published version; items of another organisation stay out of sight.
"""

from typing import TypedDict

import sqlalchemy as sa
from sqlmodel import Session, col, select

from jouw_omgeving.models import ContentItem, ContentVersion, LifeDomain
from jouw_omgeving.models.enums import ContentKind, ContentStatus, Role
from jouw_omgeving.services.access import Action, Category, refuse, require_role
from jouw_omgeving.services.content_text import QuestionView, question_views, safe_markdown
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.instruments import translated
from jouw_omgeving.services.viewer import Viewer

LIBRARY_KINDS = (ContentKind.INFO.value, ContentKind.LESSON.value)
_READERS = (Role.PARTICIPANT, Role.COUNSELLOR)


class LibraryRow(TypedDict):
    """One item of the library or the picker."""

    public_id: str
    kind: str
    title: str
    life_domain_key: str
    life_domain: str
    track: str


class ContentView(TypedDict):
    """One item in its latest published version, in the reader's language."""

    public_id: str
    kind: str
    track: str
    title: str
    body: str  # safe Markdown (see content_text.safe_markdown)
    questions: list[QuestionView]


def visible_items_condition(viewer: Viewer):
    """Published items of everyone, or of the viewer's own organisation."""
    return sa.and_(
        ContentItem.status == ContentStatus.PUBLISHED,
        sa.or_(
            col(ContentItem.organisation_id).is_(None),
            ContentItem.organisation_id == viewer.organisation_id,
        ),
    )


def latest_published_versions(
    session: Session, content_ids: list[int]
) -> dict[int, ContentVersion]:
    """The highest published version of each item (items without one are left out)."""
    if not content_ids:
        return {}
    rows = session.exec(
        select(ContentVersion)
        .where(
            col(ContentVersion.content_id).in_(content_ids),
            col(ContentVersion.published_at).is_not(None),
        )
        .order_by(ContentVersion.content_id, col(ContentVersion.version).desc())
    ).all()
    latest: dict[int, ContentVersion] = {}
    for version in rows:
        latest.setdefault(version.content_id, version)
    return latest


def life_domain_names(session: Session, lang: str) -> dict[str, str]:
    """Key -> name of the life domains (the first instrument that names a key wins)."""
    names: dict[str, str] = {}
    for domain in session.exec(select(LifeDomain).order_by(LifeDomain.id)).all():
        names.setdefault(domain.key, translated(domain.name, lang))
    return names


def _rows(session: Session, viewer: Viewer, kinds: tuple[str, ...], lang: str) -> list[LibraryRow]:
    items = session.exec(
        select(ContentItem)
        .where(visible_items_condition(viewer), col(ContentItem.kind).in_(kinds))
        .order_by(
            ContentItem.kind, ContentItem.life_domain_key, ContentItem.position, ContentItem.id
        )
        .limit(500)
    ).all()
    versions = latest_published_versions(session, [i.id for i in items])
    domains = life_domain_names(session, lang)
    return [
        LibraryRow(
            public_id=str(item.public_id),
            kind=item.kind,
            title=translated(versions[item.id].title, lang),
            life_domain_key=item.life_domain_key or "",
            life_domain=domains.get(item.life_domain_key or "", ""),
            track=item.track or "",
        )
        for item in items
        if item.id in versions
    ]


def library(session: Session, viewer: Viewer, *, lang: str) -> list[LibraryRow]:
    """Published information and lessons, by life domain / track, in ``lang`` (Dutch fallback)."""
    require_role(viewer, *_READERS, session=session, category=Category.ASSIGNMENTS)
    return _rows(session, viewer, LIBRARY_KINDS, lang)


def assignable_content(session: Session, viewer: Viewer, *, lang: str) -> list[LibraryRow]:
    """Everything a counsellor can give a participant: assignments first, then the rest."""
    require_role(viewer, Role.COUNSELLOR, session=session, category=Category.ASSIGNMENTS)
    rows = _rows(session, viewer, tuple(k.value for k in ContentKind), lang)
    rows.sort(key=lambda r: r["kind"] != ContentKind.ASSIGNMENT)
    return rows


def visible_item(
    session: Session, viewer: Viewer, public_id: object, *, action: str = Action.READ
) -> tuple[ContentItem, ContentVersion]:
    """The published item behind ``public_id`` and its latest published version.

    Raises:
        AccessDenied: unknown, malformed, unpublished or another organisation's (audited).
    """
    parsed = parse_public_id(public_id)
    item = (
        session.exec(
            select(ContentItem).where(
                ContentItem.public_id == parsed, visible_items_condition(viewer)
            )
        ).first()
        if parsed is not None
        else None
    )
    version = latest_published_versions(session, [item.id]).get(item.id) if item else None
    if item is None or version is None:
        refuse(
            session,
            viewer,
            participant_id=None,
            category=Category.ASSIGNMENTS,
            action=action,
            detail=f"no visible content {repr(public_id)[:60]}",
        )
    return item, version


def content_view(item: ContentItem, version: ContentVersion, lang: str) -> ContentView:
    """An item the caller may read, shaped for a page in ``lang``."""
    return ContentView(
        public_id=str(item.public_id),
        kind=item.kind,
        track=item.track or "",
        title=translated(version.title, lang),
        body=safe_markdown(translated(version.body, lang)),
        questions=question_views(version.questions, lang),
    )


def content_item(
    session: Session, viewer: Viewer, *, content_public_id: object, lang: str
) -> ContentView:
    """One item (information, lesson or assignment) in its latest published version."""
    require_role(viewer, *_READERS, session=session, category=Category.ASSIGNMENTS)
    item, version = visible_item(session, viewer, content_public_id)
    return content_view(item, version, lang)
