"""Assignments, library and digital-skills track as services: what is stored and refused."""

from datetime import date, timedelta

import pytest
from sqlmodel import Session, select

from jouw_omgeving.models import AuditEntry, Organisation, Submission
from jouw_omgeving.models.enums import ConsentCategory, ContentKind
from jouw_omgeving.services.assignments import (
    assignment_detail,
    participant_assignments,
    submission_save,
)
from jouw_omgeving.services.assignments_counsellor import (
    assignment_assign,
    assignments_with_submissions,
    feedback_give,
)
from jouw_omgeving.services.assignments_track import (
    lesson_check_submit,
    lesson_detail,
    track_progress,
)
from jouw_omgeving.services.content import content_item, library
from jouw_omgeving.services.content_text import safe_markdown
from jouw_omgeving.services.errors import AccessDenied, InvalidInput
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_assignment,
    make_consent,
    make_content_item,
    make_content_version,
    make_counsellor,
    make_evaluator,
    make_participant,
    make_partner,
)

QUESTIONS = [
    {"key": "why", "type": "text", "prompt": {"nl": "Waarom?", "en": "Why?"}},
    {
        "key": "pick",
        "type": "choice",
        "prompt": {"nl": "Kies", "en": "Pick"},
        "options": [{"nl": "Ja", "en": "Yes"}, {"nl": "Nee", "en": "No"}],
    },
    {
        "key": "tick",
        "type": "checklist",
        "prompt": {"nl": "Vink aan", "en": "Tick"},
        "options": [{"nl": "A"}, {"nl": "B"}, {"nl": "C"}],
    },
]


def _v(user) -> Viewer:
    return Viewer.of(user, client_address="192.0.2.5")


@pytest.fixture
def world(session: Session):
    counsellor = make_counsellor(session)
    participant = make_participant(session, counsellor=counsellor)
    item = make_content_item(session, questions=QUESTIONS, title="Mijn week")
    assignment = make_assignment(
        session, participant=participant, content=item, assigned_by=counsellor
    )
    return counsellor, participant, item, assignment


def test_draft_then_submit_keeps_the_version(session: Session, world):
    _, participant, item, assignment = world
    pid = str(assignment.public_id)
    view = submission_save(session, _v(participant), assignment_public_id=pid, answers={"pick": 1})
    assert view["answers"] == {"pick": 1} and not view["submitted"]
    first_version = session.exec(select(Submission)).one().content_version_id
    view = submission_save(
        session,
        _v(participant),
        assignment_public_id=pid,
        answers={"why": "  Omdat  ", "pick": "0", "tick": [2, 0, 2]},
        submit=True,
    )
    assert view["submitted"] and view["status"] == "submitted"
    assert view["answers"] == {"why": "Omdat", "pick": 0, "tick": [0, 2]}
    make_content_version(session, content=item, title="Nieuwe titel", questions=[])
    again = assignment_detail(session, _v(participant), assignment_public_id=pid, lang="nl")
    assert again["title"] == "Mijn week"  # still the version that was answered
    assert [q["key"] for q in again["questions"]] == ["why", "pick", "tick"]
    assert session.exec(select(Submission)).one().content_version_id == first_version
    with pytest.raises(InvalidInput):
        submission_save(session, _v(participant), assignment_public_id=pid, answers={})


@pytest.mark.parametrize(
    "answers",
    [
        {"why": "x" * 2001},
        {"why": 5},
        {"pick": 2},
        {"pick": True},
        {"pick": "ja"},
        {"tick": [3]},
        {"tick": "A"},
        {"unknown": "x"},
        ["why"],
    ],
)
def test_answers_that_do_not_fit_are_refused(session: Session, world, answers):
    _, participant, _, assignment = world
    with pytest.raises(InvalidInput):
        submission_save(
            session,
            _v(participant),
            assignment_public_id=str(assignment.public_id),
            answers=answers,
        )
    assert session.exec(select(Submission)).all() == []


def test_submit_needs_text_and_choice(session: Session, world):
    _, participant, _, assignment = world
    with pytest.raises(InvalidInput):
        submission_save(
            session,
            _v(participant),
            assignment_public_id=str(assignment.public_id),
            answers={"why": "ok"},
            submit=True,
        )
    submission_save(
        session,
        _v(participant),
        assignment_public_id=str(assignment.public_id),
        answers={"why": "x" * 2000, "pick": 0},
        submit=True,
    )


def test_counsellor_assigns_sees_answers_and_gives_feedback(session: Session, world):
    counsellor, participant, item, _ = world
    given = assignment_assign(
        session,
        _v(counsellor),
        participant_id=participant.id,
        content_public_id=str(item.public_id),
        due_date=date.today() + timedelta(days=7),
    )
    rows = participant_assignments(
        session, _v(participant), participant_id=participant.id, lang="nl"
    )
    assert {r["public_id"] for r in rows} >= {str(given.public_id)}
    submission_save(
        session,
        _v(participant),
        assignment_public_id=str(given.public_id),
        answers={"why": "Daarom", "pick": 1, "tick": [1]},
        submit=True,
    )
    seen = {
        r["public_id"]: r
        for r in assignments_with_submissions(
            session, _v(counsellor), participant_id=participant.id, lang="nl"
        )
    }
    row = seen[str(given.public_id)]
    assert [(a["prompt"], a["answer"]) for a in row["answers"]] == [
        ("Waarom?", "Daarom"),
        ("Kies", "Nee"),
        ("Vink aan", "B"),
    ]
    feedback_give(
        session, _v(counsellor), submission_public_id=row["submission_public_id"], body="Goed!"
    )
    view = assignment_detail(
        session, _v(participant), assignment_public_id=str(given.public_id), lang="nl"
    )
    assert view["status"] == "reviewed" and view["feedback"][0]["body"] == "Goed!"
    with pytest.raises(InvalidInput):
        feedback_give(
            session, _v(counsellor), submission_public_id=row["submission_public_id"], body=" "
        )
    with pytest.raises(InvalidInput):
        assignment_assign(
            session,
            _v(counsellor),
            participant_id=participant.id,
            content_public_id=str(item.public_id),
            due_date=date.today() - timedelta(days=1),
        )


def test_drafts_stay_with_the_participant(session: Session, world):
    counsellor, participant, _, assignment = world
    submission_save(
        session,
        _v(participant),
        assignment_public_id=str(assignment.public_id),
        answers={"why": "geheim"},
    )
    rows = assignments_with_submissions(
        session, _v(counsellor), participant_id=participant.id, lang="nl"
    )
    assert rows[0]["answers"] == [] and rows[0]["submission_public_id"] == ""


def test_refusals_are_audited(session: Session, world):
    counsellor, participant, item, assignment = world
    other = make_participant(session)
    stranger = make_counsellor(session)
    pid = str(assignment.public_id)
    for viewer in (
        other,
        stranger,
        make_evaluator(session),
        make_admin(session),
        make_partner(session),
    ):
        with pytest.raises(AccessDenied):
            assignment_detail(session, _v(viewer), assignment_public_id=pid, lang="nl")
        with pytest.raises(AccessDenied):
            submission_save(session, _v(viewer), assignment_public_id=pid, answers={})
        refused = session.exec(
            select(AuditEntry).where(
                AuditEntry.actor_id == viewer.id, AuditEntry.outcome == "refused"
            )
        ).all()
        assert len(refused) >= 2
    # Even the own counsellor may read but never answer for the participant.
    assignment_detail(session, _v(counsellor), assignment_public_id=pid, lang="nl")
    with pytest.raises(AccessDenied):
        submission_save(session, _v(counsellor), assignment_public_id=pid, answers={"pick": 0})
    with pytest.raises(AccessDenied):
        assignment_assign(
            session,
            _v(stranger),
            participant_id=participant.id,
            content_public_id=str(item.public_id),
        )
    with pytest.raises(AccessDenied):
        assignment_assign(
            session,
            _v(participant),
            participant_id=participant.id,
            content_public_id=str(item.public_id),
        )


def test_partner_with_assignments_consent_reads_only(session: Session, world):
    _, participant, item, assignment = world
    partner = make_partner(session)
    make_consent(
        session,
        participant=participant,
        organisation=session.get(Organisation, partner.organisation_id),
        category=ConsentCategory.ASSIGNMENTS,
    )
    submission_save(
        session,
        _v(participant),
        assignment_public_id=str(assignment.public_id),
        answers={"why": "a", "pick": 0},
        submit=True,
    )
    rows = assignments_with_submissions(
        session, _v(partner), participant_id=participant.id, lang="nl"
    )
    assert rows and rows[0]["submission_public_id"]
    allowed = session.exec(
        select(AuditEntry).where(AuditEntry.actor_id == partner.id, AuditEntry.outcome == "allowed")
    ).all()
    assert allowed and allowed[-1].subject_participant_id == participant.id
    with pytest.raises(AccessDenied):
        feedback_give(
            session, _v(partner), submission_public_id=rows[0]["submission_public_id"], body="x"
        )
    with pytest.raises(AccessDenied):
        assignment_assign(
            session,
            _v(partner),
            participant_id=participant.id,
            content_public_id=str(item.public_id),
        )
    with pytest.raises(AccessDenied):
        submission_save(
            session, _v(partner), assignment_public_id=str(assignment.public_id), answers={}
        )


def test_library_in_language_with_dutch_fallback(session: Session, world):
    _, participant, _, _ = world
    info = make_content_item(session, kind=ContentKind.INFO, title="Huurtoeslag", questions=[])
    version = make_content_version(session, content=info, title="Huurtoeslag", questions=[])
    version.title = {"nl": "Alleen Nederlands"}
    session.add(version)
    session.flush()
    make_content_item(session, kind=ContentKind.INFO, title="Concept", status="draft", questions=[])
    rows = library(session, _v(participant), lang="en")
    titles = {r["public_id"]: r["title"] for r in rows}
    assert titles[str(info.public_id)] == "Alleen Nederlands"
    assert "Concept" not in titles.values()
    assert all(r["kind"] in ("info", "lesson") for r in rows)
    with pytest.raises(AccessDenied):
        library(session, _v(make_evaluator(session)), lang="nl")


def test_script_and_html_are_neutralised(session: Session, world):
    _, participant, _, _ = world
    body = (
        "Hoi <script>alert(1)</script> <img src=x onerror=alert(2)> ![x](http://example.com/a.png)"
    )
    item = make_content_item(session, kind=ContentKind.INFO, body=body, questions=[])
    view = content_item(session, _v(participant), content_public_id=str(item.public_id), lang="nl")
    assert "<" not in view["body"]
    assert "&lt;script>" in view["body"] and "![" not in view["body"]
    assert safe_markdown("a & b") == "a &amp; b"


def test_track_progress_counts_handed_in_checks(session: Session, world):
    _, participant, _, _ = world
    check = [{**QUESTIONS[1], "answer": 0}]
    lessons = [
        make_content_item(
            session, kind=ContentKind.LESSON, track="test_track", questions=check, title=f"Les {n}"
        )
        for n in range(3)
    ]
    for n, lesson in enumerate(lessons):
        lesson.position = n
        session.add(lesson)
    session.flush()
    track = track_progress(
        session, _v(participant), participant_id=participant.id, lang="nl", track="test_track"
    )
    assert (track["done"], track["total"]) == (0, 3)
    with pytest.raises(InvalidInput):
        lesson_check_submit(
            session,
            _v(participant),
            content_public_id=str(lessons[1].public_id),
            answers={},
            lang="nl",
        )
    done = lesson_check_submit(
        session,
        _v(participant),
        content_public_id=str(lessons[1].public_id),
        answers={"pick": 1},
        lang="nl",
    )
    assert done["done"] and (done["right"], done["scored"]) == (0, 1)
    track = track_progress(
        session, _v(participant), participant_id=participant.id, lang="nl", track="test_track"
    )
    assert (track["done"], [r["done"] for r in track["lessons"]]) == (1, [False, True, False])
    # Lessons done alone are not "Opdrachten" (and the home count stays as it was).
    assert (
        participant_assignments(session, _v(participant), participant_id=participant.id, lang="nl")[
            0
        ]["kind"]
        != "lesson"
    )
    assert (
        "answer"
        not in lesson_detail(
            session, _v(participant), content_public_id=str(lessons[0].public_id), lang="nl"
        )["content"]["questions"][0]
    )
    with pytest.raises(AccessDenied):
        lesson_check_submit(
            session,
            _v(make_counsellor(session)),
            content_public_id=str(lessons[0].public_id),
            answers={},
            lang="nl",
        )
    with pytest.raises(AccessDenied):
        track_progress(
            session, _v(make_participant(session)), participant_id=participant.id, lang="nl"
        )


def test_home_count_matches_the_open_assignments_on_the_list(session: Session, world):
    from jouw_omgeving.services.overviews import participant_home

    counsellor, participant, _, _ = world
    lesson = make_content_item(session, kind=ContentKind.LESSON, track="digital_skills")
    make_assignment(session, participant=participant, content=lesson)  # taken up alone
    make_assignment(session, participant=participant, content=lesson, assigned_by=counsellor)
    rows = participant_assignments(
        session, _v(participant), participant_id=participant.id, lang="nl"
    )
    open_rows = [r for r in rows if r["status"] == "open"]
    assert participant_home(session, _v(participant))["open_assignments"] == len(open_rows) == 2
