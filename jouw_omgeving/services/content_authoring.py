"""Writing content: information pages and assignments, drafts, versions and publishing.

Only admins and counsellors with the editor right write content (anyone else is refused,
audited). An editor works on their own organisation's items; an admin also on the shared
starter content (no organisation). Content is nobody's personal data, so reads are not
audited; every change is (category ``administration``).

Versions: the newest version of an item is either a draft (not yet published, changed in
place) or published. Editing after publishing starts a new draft version; published
versions never change, so a submission keeps showing the text it answered.
"""

import uuid
from typing import Any, TypedDict

import sqlalchemy as sa
from sqlmodel import Session, col, select

from jouw_omgeving.models import ContentItem, ContentVersion
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import AuditOutcome, ContentStatus, Role
from jouw_omgeving.services.access import Action, Category, refuse
from jouw_omgeving.services.audit import audit_record
from jouw_omgeving.services.content import life_domain_names
from jouw_omgeving.services.content_rules import AUTHORED_KINDS, clean_draft, clean_kind
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.instruments import translated
from jouw_omgeving.services.viewer import Viewer

MAX_LISTED = 500


class AuthoringRow(TypedDict):
    """One item in the editors' list."""

    public_id: str
    kind: str
    title: str
    status: str  # draft | published
    version: int  # the newest version
    published_version: int  # 0 when never published
    has_draft: bool  # the newest version is not published yet
    life_domain: str


class AuthoringItem(TypedDict):
    """The newest version of an item in every language, to edit."""

    public_id: str
    kind: str
    status: str
    version: int
    published_version: int
    has_draft: bool
    title: dict[str, str]
    body: dict[str, str]
    questions: list[dict[str, Any]]
    life_domain_key: str


class DomainChoice(TypedDict):
    """A life domain to tag content with."""

    key: str
    name: str


def _require_editor(session: Session, viewer: Viewer, action: str) -> None:
    if viewer.role == Role.ADMIN or (viewer.role == Role.COUNSELLOR and viewer.is_content_editor):
        return
    refuse(
        session,
        viewer,
        participant_id=None,
        category=Category.ADMINISTRATION,
        action=action,
        detail=f"content authoring needs the editor right ({viewer.role})",
    )


def _editable_condition(viewer: Viewer):
    own = ContentItem.organisation_id == viewer.organisation_id
    scope = (
        sa.or_(own, col(ContentItem.organisation_id).is_(None))
        if viewer.role == Role.ADMIN
        else own
    )
    return sa.and_(scope, col(ContentItem.kind).in_(AUTHORED_KINDS))


def _audit_change(session: Session, viewer: Viewer, action: str, detail: str) -> None:
    audit_record(
        session,
        viewer=viewer,
        participant_id=None,
        action=str(action),
        category=str(Category.ADMINISTRATION),
        outcome=AuditOutcome.ALLOWED,
        detail=detail,
    )


def _versions(session: Session, content_ids: list[int]) -> dict[int, list[ContentVersion]]:
    """All versions per item, newest first."""
    found: dict[int, list[ContentVersion]] = {cid: [] for cid in content_ids}
    if content_ids:
        for version in session.exec(
            select(ContentVersion)
            .where(col(ContentVersion.content_id).in_(content_ids))
            .order_by(ContentVersion.content_id, col(ContentVersion.version).desc())
        ).all():
            found[version.content_id].append(version)
    return found


def _published_number(versions: list[ContentVersion]) -> int:
    return next((v.version for v in versions if v.published_at is not None), 0)


def _editable_item(session: Session, viewer: Viewer, public_id: object, action: str) -> ContentItem:
    parsed = parse_public_id(public_id)
    item = (
        session.exec(
            select(ContentItem).where(ContentItem.public_id == parsed, _editable_condition(viewer))
        ).first()
        if parsed is not None
        else None
    )
    if item is None:
        refuse(
            session,
            viewer,
            participant_id=None,
            category=Category.ADMINISTRATION,
            action=action,
            detail=f"no editable content {repr(public_id)[:60]}",
        )
    return item


def authoring_list(session: Session, viewer: Viewer, *, lang: str) -> list[AuthoringRow]:
    """Information pages and assignments the editor may change, newest first."""
    _require_editor(session, viewer, Action.READ)
    items = session.exec(
        select(ContentItem)
        .where(_editable_condition(viewer))
        .order_by(col(ContentItem.created_at).desc(), col(ContentItem.id).desc())
        .limit(MAX_LISTED)
    ).all()
    versions = _versions(session, [i.id for i in items])
    domains = life_domain_names(session, lang)
    return [
        AuthoringRow(
            public_id=str(item.public_id),
            kind=item.kind,
            title=translated(versions[item.id][0].title, lang),
            status=item.status,
            version=versions[item.id][0].version,
            published_version=_published_number(versions[item.id]),
            has_draft=versions[item.id][0].published_at is None,
            life_domain=domains.get(item.life_domain_key or "", ""),
        )
        for item in items
        if versions[item.id]
    ]


def authoring_domains(session: Session, viewer: Viewer, *, lang: str) -> list[DomainChoice]:
    """The life domains content can be tagged with, in ``lang``."""
    _require_editor(session, viewer, Action.READ)
    return [DomainChoice(key=k, name=n) for k, n in life_domain_names(session, lang).items()]


def authoring_item(session: Session, viewer: Viewer, *, content_public_id: object) -> AuthoringItem:
    """The newest version of one editable item, every language, to fill the editor."""
    _require_editor(session, viewer, Action.READ)
    item = _editable_item(session, viewer, content_public_id, Action.READ)
    versions = _versions(session, [item.id])[item.id]
    newest = versions[0]
    return AuthoringItem(
        public_id=str(item.public_id),
        kind=item.kind,
        status=item.status,
        version=newest.version,
        published_version=_published_number(versions),
        has_draft=newest.published_at is None,
        title=dict(newest.title),
        body=dict(newest.body),
        questions=list(newest.questions),
        life_domain_key=item.life_domain_key or "",
    )


def content_create(session: Session, viewer: Viewer, *, kind: object, draft: object) -> ContentItem:
    """A new draft information page or assignment (version 1, not yet published).

    Raises:
        AccessDenied: not an admin or an editor (audited).
        InvalidInput: a missing Dutch title or body, bad questions, texts too long.
    """
    _require_editor(session, viewer, Action.CREATE)
    kind = clean_kind(kind)
    clean = clean_draft(kind, draft, domain_keys=set(life_domain_names(session, "nl")))
    item = ContentItem(
        slug=f"{kind}-{uuid.uuid4().hex[:16]}",
        kind=kind,
        life_domain_key=clean["life_domain_key"],
        organisation_id=viewer.organisation_id,
        status=ContentStatus.DRAFT,
        created_by_id=viewer.user_id,
    )
    session.add(item)
    session.flush()
    session.add(
        ContentVersion(
            content_id=item.id,
            version=1,
            title=clean["title"],
            body=clean["body"],
            questions=clean["questions"],
            created_by_id=viewer.user_id,
        )
    )
    _audit_change(session, viewer, Action.CREATE, f"content {item.public_id} created")
    session.flush()
    return item


def content_update(
    session: Session, viewer: Viewer, *, content_public_id: object, draft: object
) -> ContentVersion:
    """Store an edit: the open draft changes; after publishing, a new draft version starts.

    Nothing changes when the draft equals the newest version (no empty new versions).

    Raises:
        AccessDenied: not an editor, or an item they may not edit (audited).
        InvalidInput: as :func:`content_create`; nothing is stored.
    """
    _require_editor(session, viewer, Action.UPDATE)
    item = _editable_item(session, viewer, content_public_id, Action.UPDATE)
    clean = clean_draft(item.kind, draft, domain_keys=set(life_domain_names(session, "nl")))
    item.life_domain_key = clean["life_domain_key"]
    session.add(item)
    newest = _versions(session, [item.id])[item.id][0]
    texts = {"title": clean["title"], "body": clean["body"], "questions": clean["questions"]}
    same = texts == {"title": newest.title, "body": newest.body, "questions": newest.questions}
    if newest.published_at is not None and not same:
        newest = ContentVersion(
            content_id=item.id, version=newest.version + 1, created_by_id=viewer.user_id, **texts
        )
    elif not same:
        newest.title, newest.body, newest.questions = (
            texts["title"],
            texts["body"],
            texts["questions"],
        )
        newest.created_at = utcnow()
    session.add(newest)
    session.flush()
    _audit_change(session, viewer, Action.UPDATE, f"content {item.public_id} v{newest.version}")
    return newest


def content_publish(
    session: Session, viewer: Viewer, *, content_public_id: object
) -> ContentVersion:
    """Publish the newest version: participants and counsellors see it from now on.

    Publishing what is already published changes nothing.

    Raises:
        AccessDenied: not an editor, or an item they may not edit (audited).
    """
    _require_editor(session, viewer, Action.UPDATE)
    item = _editable_item(session, viewer, content_public_id, Action.UPDATE)
    newest = _versions(session, [item.id])[item.id][0]
    if newest.published_at is None:
        newest.published_at = utcnow()
        session.add(newest)
    item.status = ContentStatus.PUBLISHED
    session.add(item)
    session.flush()
    _audit_change(
        session, viewer, Action.UPDATE, f"content {item.public_id} v{newest.version} published"
    )
    return newest
