"""Writing content as a service: drafts, versions, publishing, validation and refusals."""

from dataclasses import dataclass

import pytest
from sqlmodel import Session, select

from jouw_omgeving.models import AuditEntry, ContentVersion, User
from jouw_omgeving.models.enums import ContentKind, ContentStatus
from jouw_omgeving.services import content_rules as rules
from jouw_omgeving.services.assignments import (
    assignment_detail,
    participant_assignments,
    submission_save,
)
from jouw_omgeving.services.assignments_counsellor import (
    assignment_assign,
    assignments_with_submissions,
)
from jouw_omgeving.services.content import assignable_content, library
from jouw_omgeving.services.content_authoring import (
    authoring_domains,
    authoring_item,
    authoring_list,
    content_create,
    content_publish,
    content_update,
)
from jouw_omgeving.services.errors import AccessDenied, InvalidInput
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_content_item,
    make_counsellor,
    make_evaluator,
    make_instrument,
    make_organisation,
    make_participant,
    make_partner,
)

CHOICE = {
    "key": "plan",
    "type": "choice",
    "prompt": {"nl": "Wanneer?", "en": "When?"},
    "options": [{"nl": "Vandaag", "en": "Today"}, {"nl": "Morgen", "en": ""}],
}


def _draft(**changes) -> dict:
    draft = {
        "title": {"nl": "Je week plannen", "en": "Plan your week"},
        "body": {"nl": "Kijk naar **je week**.", "en": ""},
        "life_domain_key": "",
        "questions": [CHOICE],
    }
    return draft | changes


@dataclass
class World:
    admin: User
    editor: User
    counsellor: User
    participant: User


@pytest.fixture
def world(session: Session) -> World:
    organisation = make_organisation(session)
    make_instrument(session, organisation=organisation)
    editor = make_counsellor(session, organisation=organisation, is_content_editor=True)
    counsellor = make_counsellor(session, organisation=organisation)
    participant = make_participant(session, counsellor=counsellor)
    return World(make_admin(session, organisation=organisation), editor, counsellor, participant)


def _v(user: User) -> Viewer:
    return Viewer.of(user, client_address="192.0.2.7")


def test_a_draft_is_not_seen_until_published_then_editing_makes_version_2(session, world):
    item = content_create(session, _v(world.editor), kind="assignment", draft=_draft())
    assert item.status == ContentStatus.DRAFT
    counsellor = _v(world.counsellor)
    assert str(item.public_id) not in {
        r["public_id"] for r in assignable_content(session, counsellor, lang="nl")
    }

    # Editing a draft changes it in place: still version 1.
    content_update(
        session,
        _v(world.editor),
        content_public_id=item.public_id,
        draft=_draft(body={"nl": "Nieuw"}),
    )
    assert (
        authoring_item(session, _v(world.editor), content_public_id=item.public_id)["version"] == 1
    )
    published = content_publish(session, _v(world.admin), content_public_id=item.public_id)
    assert (published.version, item.status) == (1, ContentStatus.PUBLISHED)
    assert str(item.public_id) in {
        r["public_id"] for r in assignable_content(session, counsellor, lang="nl")
    }

    second = content_update(
        session,
        _v(world.editor),
        content_public_id=item.public_id,
        draft=_draft(title={"nl": "Anders"}),
    )
    assert (second.version, second.published_at) == (2, None)
    row = next(
        r
        for r in authoring_list(session, _v(world.editor), lang="nl")
        if r["public_id"] == str(item.public_id)
    )
    assert (row["version"], row["published_version"], row["has_draft"]) == (2, 1, True)
    # The same text again makes no third version.
    again = content_update(
        session,
        _v(world.editor),
        content_public_id=item.public_id,
        draft=_draft(title={"nl": "Anders"}),
    )
    assert again.id == second.id


def test_a_submission_keeps_showing_the_version_it_answered(session, world):
    item = content_create(session, _v(world.admin), kind="assignment", draft=_draft())
    content_publish(session, _v(world.admin), content_public_id=item.public_id)
    assignment = assignment_assign(
        session,
        _v(world.counsellor),
        participant_id=world.participant.id,
        content_public_id=item.public_id,
    )
    me = _v(world.participant)
    submission_save(
        session, me, assignment_public_id=assignment.public_id, answers={"plan": 1}, submit=True
    )

    changed = _draft(
        title={"nl": "Versie twee"},
        body={"nl": "Heel andere tekst"},
        questions=[{"type": "text", "prompt": {"nl": "Nieuwe vraag"}}],
    )
    content_update(session, _v(world.admin), content_public_id=item.public_id, draft=changed)
    v2 = content_publish(session, _v(world.admin), content_public_id=item.public_id)
    assert v2.version == 2

    shown = assignment_detail(session, me, assignment_public_id=assignment.public_id, lang="nl")
    assert shown["title"] == "Je week plannen"
    assert "je week" in shown["body"]
    assert [q["prompt"] for q in shown["questions"]] == ["Wanneer?"]
    assert shown["answers"] == {"plan": 1}
    (listed,) = participant_assignments(session, me, participant_id=world.participant.id, lang="nl")
    assert listed["title"] == "Je week plannen"
    # The counsellor reads the answers in the words of version 1 too.
    (row,) = assignments_with_submissions(
        session, _v(world.counsellor), participant_id=world.participant.id, lang="nl"
    )
    assert row["title"] == "Je week plannen"
    assert row["answers"] == [{"prompt": "Wanneer?", "answer": "Morgen"}]
    v1 = session.exec(
        select(ContentVersion).where(
            ContentVersion.content_id == item.id, ContentVersion.version == 1
        )
    ).one()
    assert v1.title == {"nl": "Je week plannen", "en": "Plan your week"}


def test_english_is_optional_and_empty_english_is_left_out(session, world):
    item = content_create(session, _v(world.admin), kind="info", draft=_draft(questions=[]))
    stored = authoring_item(session, _v(world.admin), content_public_id=item.public_id)
    assert stored["body"] == {"nl": "Kijk naar **je week**."}
    assert stored["title"] == {"nl": "Je week plannen", "en": "Plan your week"}
    content_publish(session, _v(world.admin), content_public_id=item.public_id)
    rows = library(session, _v(world.participant), lang="en")
    assert "Plan your week" in {r["title"] for r in rows}


def test_tags_are_life_domains_of_the_instrument(session, world):
    keys = [d["key"] for d in authoring_domains(session, _v(world.editor), lang="nl")]
    assert keys
    item = content_create(
        session, _v(world.editor), kind="info", draft=_draft(questions=[], life_domain_key=keys[0])
    )
    assert item.life_domain_key == keys[0]
    with pytest.raises(InvalidInput) as refused:
        content_update(
            session,
            _v(world.editor),
            content_public_id=item.public_id,
            draft=_draft(questions=[], life_domain_key="maan"),
        )
    assert refused.value.message_id == rules.UNKNOWN_DOMAIN


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": {"nl": "  ", "en": "Only English"}}, rules.TITLE_REQUIRED),
        ({"body": {"nl": "", "en": "Only English"}}, rules.BODY_REQUIRED),
        ({"title": {"nl": "x" * 201}}, rules.TITLE_TOO_LONG),
        ({"body": {"nl": "x" * 20_001}}, rules.BODY_TOO_LONG),
        ({"questions": [{**CHOICE, "options": [{"nl": "Alleen"}]}]}, rules.CHOICE_NEEDS_TWO),
        ({"questions": [{**CHOICE, "options": [{"nl": "A"}, {"nl": " "}]}]}, rules.OPTION_REQUIRED),
        (
            {"questions": [{"type": "checklist", "prompt": {"nl": "Lijst"}, "options": []}]},
            rules.CHECKLIST_NEEDS_ONE,
        ),
        ({"questions": [{"type": "text", "prompt": {"nl": ""}}]}, rules.PROMPT_REQUIRED),
        ({"questions": [{"type": "essay", "prompt": {"nl": "?"}}]}, rules.UNKNOWN_QUESTION_TYPE),
        ({"questions": [{"type": "text", "prompt": {"nl": "?"}}] * 31}, rules.TOO_MANY_QUESTIONS),
        ({"title": ["not", "text"]}, rules.BAD_DRAFT),
        ({"questions": "all of them"}, rules.BAD_DRAFT),
    ],
)
def test_bad_drafts_are_refused_with_a_dutch_sentence_and_nothing_changes(
    session, world, changes, message
):
    item = content_create(session, _v(world.editor), kind="assignment", draft=_draft())
    before = authoring_item(session, _v(world.editor), content_public_id=item.public_id)
    with pytest.raises(InvalidInput) as refused:
        content_update(
            session, _v(world.editor), content_public_id=item.public_id, draft=_draft(**changes)
        )
    assert refused.value.message_id == message
    assert authoring_item(session, _v(world.editor), content_public_id=item.public_id) == before


def test_information_pages_have_no_questions_and_lessons_are_not_authored_here(session, world):
    with pytest.raises(InvalidInput) as refused:
        content_create(session, _v(world.admin), kind="info", draft=_draft())
    assert refused.value.message_id == rules.INFO_HAS_NO_QUESTIONS
    with pytest.raises(InvalidInput):
        content_create(session, _v(world.admin), kind=ContentKind.LESSON, draft=_draft())


def test_question_keys_are_made_unique(session, world):
    questions = [{"key": "x", **{k: v for k, v in CHOICE.items() if k != "key"}}] * 2 + [
        {"key": "<script>", "type": "text", "prompt": {"nl": "Waarom?"}}
    ]
    item = content_create(
        session, _v(world.admin), kind="assignment", draft=_draft(questions=questions)
    )
    keys = [
        q["key"]
        for q in authoring_item(session, _v(world.admin), content_public_id=item.public_id)[
            "questions"
        ]
    ]
    assert len(set(keys)) == 3 and keys[0] == "x"


def _refusals(session: Session, user: User) -> int:
    return len(
        session.exec(
            select(AuditEntry).where(
                AuditEntry.actor_id == user.id, AuditEntry.outcome == "refused"
            )
        ).all()
    )


def test_counsellors_without_the_right_and_other_roles_are_refused_and_audited(session, world):
    item = content_create(session, _v(world.editor), kind="assignment", draft=_draft())
    others = [world.counsellor, world.participant, make_evaluator(session), make_partner(session)]
    for user in others:
        calls = [
            lambda v: authoring_list(session, v, lang="nl"),
            lambda v: authoring_item(session, v, content_public_id=item.public_id),
            lambda v: content_create(session, v, kind="info", draft=_draft(questions=[])),
            lambda v: content_update(session, v, content_public_id=item.public_id, draft=_draft()),
            lambda v: content_publish(session, v, content_public_id=item.public_id),
        ]
        for number, call in enumerate(calls, start=1):
            with pytest.raises(AccessDenied):
                call(_v(user))
            assert _refusals(session, user) == number
    assert (
        authoring_item(session, _v(world.editor), content_public_id=item.public_id)["status"]
        == "draft"
    )


def test_an_editor_of_another_organisation_cannot_touch_the_item(session, world):
    item = content_create(session, _v(world.editor), kind="assignment", draft=_draft())
    stranger = make_counsellor(
        session, organisation=make_organisation(session), is_content_editor=True
    )
    assert str(item.public_id) not in {
        r["public_id"] for r in authoring_list(session, _v(stranger), lang="nl")
    }
    for garbage in (item.public_id, "nope", None, 42):
        with pytest.raises(AccessDenied):
            content_publish(session, _v(stranger), content_public_id=garbage)
    assert _refusals(session, stranger) == 4


def test_shared_starter_content_is_edited_by_admins_only(session, world):
    shared = make_content_item(session, kind=ContentKind.INFO, title="Voor iedereen")
    assert str(shared.public_id) in {
        r["public_id"] for r in authoring_list(session, _v(world.admin), lang="nl")
    }
    with pytest.raises(AccessDenied):
        authoring_item(session, _v(world.editor), content_public_id=shared.public_id)


def test_changes_are_audited_as_allowed(session, world):
    item = content_create(session, _v(world.editor), kind="assignment", draft=_draft())
    content_publish(session, _v(world.editor), content_public_id=item.public_id)
    details = [
        e.detail
        for e in session.exec(
            select(AuditEntry).where(
                AuditEntry.actor_id == world.editor.id, AuditEntry.outcome == "allowed"
            )
        )
    ]
    assert any("created" in d for d in details) and any("published" in d for d in details)
