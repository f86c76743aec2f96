"""Assignment, lesson and counsellor-panel handlers, called as a (hostile) browser would."""

import pytest
from sqlmodel import select

from jouw_omgeving.components.assignments_panel import counsellor_assignments_panel
from jouw_omgeving.db import db_session
from jouw_omgeving.models import Assignment, AuditEntry, Feedback, Submission, User
from jouw_omgeving.models.enums import ContentKind
from jouw_omgeving.routes import COUNSELLOR_HOME, LOGIN, PARTICIPANT_HOME
from jouw_omgeving.state.assignments import ROUTE_PARAMETER, AssignmentListState, AssignmentState
from jouw_omgeving.state.assignments_form import AnswerFormState
from jouw_omgeving.state.counsellor_assignments import CounsellorAssignmentsState
from jouw_omgeving.state.library import ContentState, DigitalSkillsState, LessonState
from jouw_omgeving.state.participant_detail import ROUTE_PARAMETER as PARTICIPANT_PARAMETER
from tests.factories import (
    make_assignment,
    make_content_item,
    make_counsellor,
    make_participant,
    make_submission,
)
from tests.state.helpers import login_cookie, redirect_target, run_handler, state_for

pytestmark = pytest.mark.anyio
REFUSAL = "Je hebt geen toegang tot deze gegevens."
QUESTIONS = [
    {"key": "why", "type": "text", "prompt": {"nl": "Waarom?"}},
    {
        "key": "pick",
        "type": "choice",
        "prompt": {"nl": "Kies"},
        "options": [{"nl": "Ja"}, {"nl": "Nee"}],
    },
    {
        "key": "tick",
        "type": "checklist",
        "prompt": {"nl": "Vink"},
        "options": [{"nl": "A"}, {"nl": "B"}],
    },
]


@pytest.fixture
def world(app_db):
    with db_session() as session:
        counsellor = make_counsellor(session)
        participant = make_participant(session, counsellor=counsellor)
        item = make_content_item(session, questions=QUESTIONS, title="Mijn week")
        assignment = make_assignment(
            session, participant=participant, content=item, assigned_by=counsellor
        )
        stranger = make_participant(session)
        theirs = make_assignment(session, participant=stranger)
        lesson = make_content_item(
            session,
            kind=ContentKind.LESSON,
            track="digital_skills",
            title="Les over inloggen",
            questions=[{**QUESTIONS[1], "answer": 0}],
        )
    return counsellor, participant, item, assignment, stranger, theirs, lesson


async def _assignment(user: User | None, public_id: object) -> tuple[AssignmentState, list]:
    state = await state_for(
        AssignmentState,
        cookie=login_cookie(user) if user else None,
        query={ROUTE_PARAMETER: public_id},
    )
    return state, await run_handler(state.load)


def test_the_panel_builds():
    assert counsellor_assignments_panel() is not None


async def test_answer_save_reload_submit(world):
    _, participant, _, assignment, *_ = world
    state, _ = await _assignment(participant, str(assignment.public_id))
    assert state.title == "Mijn week" and state.status_text == "Te doen"
    form = await state.get_state(AnswerFormState)
    form.set_text("why", "Omdat het moet")
    form.set_choice("pick", "1")
    form.set_tick("tick", "0", True)
    await run_handler(state.save)
    assert state.notice == "Bewaard. Je kunt later verder."
    again, _ = await _assignment(participant, str(assignment.public_id))
    form = await again.get_state(AnswerFormState)
    assert (form.texts, form.choices, form.ticks) == (
        {"why": "Omdat het moet"},
        {"pick": "1"},
        {"tick": ["0"]},
    )
    await run_handler(again.submit)
    assert again.submitted and again.status_text == "Ingeleverd" and form.locked
    form.set_text("why", "later veranderd")  # locked: ignored
    assert form.texts["why"] == "Omdat het moet"
    with db_session() as session:
        stored = session.exec(
            select(Submission).where(Submission.assignment_id == assignment.id)
        ).one()
    assert stored.answers == {"why": "Omdat het moet", "pick": 1, "tick": [0]}


async def test_submit_with_open_questions_is_explained(world):
    _, participant, _, assignment, *_ = world
    state, _ = await _assignment(participant, str(assignment.public_id))
    await run_handler(state.submit)
    assert state.error.startswith("Beantwoord eerst alle vragen") and not state.submitted


@pytest.mark.parametrize(
    ("handler", "args"),
    [
        ("set_text", ("nope", "x")),
        ("set_text", ("why", 5)),
        ("set_text", (["why"], "x")),
        ("set_choice", ("pick", "2")),
        ("set_choice", ("pick", 1)),
        ("set_choice", ("why", "0")),
        ("set_tick", ("tick", "9", True)),
        ("set_tick", ("pick", "0", True)),
        ("set_tick", ("tick", None, True)),
    ],
    ids=repr,
)
async def test_garbage_answers_are_ignored(world, handler, args):
    _, participant, _, assignment, *_ = world
    state, _ = await _assignment(participant, str(assignment.public_id))
    form = await state.get_state(AnswerFormState)
    before = (dict(form.texts), dict(form.choices), {k: list(v) for k, v in form.ticks.items()})
    getattr(form, handler)(*args)
    assert (form.texts, form.choices, form.ticks) == before


async def test_a_long_text_is_cut_and_the_service_refuses_more(world):
    _, participant, _, assignment, *_ = world
    state, _ = await _assignment(participant, str(assignment.public_id))
    form = await state.get_state(AnswerFormState)
    form.set_text("why", "x" * 5000)
    assert len(form.texts["why"]) == 2000


@pytest.mark.parametrize("public_id", ["theirs", "not-a-uuid", None, 5, ["x"], "0" * 400])
async def test_other_or_garbage_assignment_ids_are_refused(world, public_id):
    _, participant, _, _, _, theirs, _ = world
    shown = str(theirs.public_id) if public_id == "theirs" else public_id
    state, _ = await _assignment(participant, shown)
    assert state.public_id == "" and state.error == REFUSAL
    await run_handler(state.save)
    await run_handler(state.submit)
    with db_session() as session:
        assert (
            session.exec(select(Submission).where(Submission.assignment_id == theirs.id)).all()
            == []
        )
        refused = session.exec(
            select(AuditEntry).where(
                AuditEntry.actor_id == participant.id, AuditEntry.outcome == "refused"
            )
        ).all()
    assert len(refused) >= 3


async def test_staff_and_strangers_are_sent_away(world):
    counsellor, _, _, assignment, *_ = world
    _, events = await _assignment(counsellor, str(assignment.public_id))
    assert redirect_target(events) == COUNSELLOR_HOME
    _, events = await _assignment(None, str(assignment.public_id))
    assert redirect_target(events) == LOGIN
    listing = await state_for(AssignmentListState, cookie=login_cookie(counsellor))
    assert redirect_target(await run_handler(listing.load)) == COUNSELLOR_HOME


async def test_lesson_check_raises_the_track_progress(world):
    _, participant, *_, lesson = world
    cookie = login_cookie(participant)
    track = await state_for(DigitalSkillsState, cookie=cookie)
    await run_handler(track.load)
    before = track.done
    state = await state_for(
        LessonState, cookie=cookie, query={"content_public_id": str(lesson.public_id)}
    )
    await run_handler(state.load)
    assert state.has_check and not state.done
    (await state.get_state(AnswerFormState)).set_choice("pick", "0")
    await run_handler(state.submit)
    assert state.done and state.score == "1 van 1 goed"
    await run_handler(track.load)
    assert track.done == before + 1
    # Doing the lesson again adds nothing.
    await run_handler(state.submit)
    assert state.error


@pytest.mark.parametrize("public_id", ["assignment", "not-a-uuid", None, 7])
async def test_lessons_and_content_refuse_garbage(world, public_id):
    _, participant, item, *_ = world
    shown = str(item.public_id) if public_id == "assignment" else public_id
    lesson = await state_for(
        LessonState, cookie=login_cookie(participant), query={"content_public_id": shown}
    )
    await run_handler(lesson.load)
    assert lesson.public_id == "" and lesson.error == REFUSAL
    await run_handler(lesson.submit)
    assert lesson.error == REFUSAL
    if public_id != "assignment":
        content = await state_for(
            ContentState, cookie=login_cookie(participant), query={"content_public_id": shown}
        )
        await run_handler(content.load)
        assert content.title == "" and content.error == REFUSAL


async def test_hostile_content_is_escaped_in_state(world):
    _, participant, *_ = world
    with db_session() as session:
        hostile = make_content_item(
            session,
            kind=ContentKind.INFO,
            questions=[],
            body="<script>window.x=1</script><img src=x onerror=alert(1)>",
            title="Let op",
        )
    state = await state_for(
        ContentState,
        cookie=login_cookie(participant),
        query={"content_public_id": str(hostile.public_id)},
    )
    await run_handler(state.load)
    assert state.title == "Let op" and "<" not in state.body


async def _panel(
    user: User | None, participant: User | str | None
) -> tuple[CounsellorAssignmentsState, list]:
    public_id = str(participant.public_id) if isinstance(participant, User) else participant
    state = await state_for(
        CounsellorAssignmentsState,
        cookie=login_cookie(user) if user else None,
        query={PARTICIPANT_PARAMETER: public_id},
    )
    return state, await run_handler(state.load)


async def test_counsellor_assigns_and_the_participant_sees_feedback(world):
    counsellor, participant, item, *_ = world
    panel, _ = await _panel(counsellor, participant)
    assert str(item.public_id) in {c["value"] for c in panel.choices}
    panel.set_picked(str(item.public_id))
    panel.set_due("2999-01-01")
    await run_handler(panel.assign)
    assert panel.error == "Kies een datum binnen een jaar."
    panel.set_due("")
    await run_handler(panel.assign)
    assert panel.notice.startswith("De opdracht staat klaar")
    new = next(r for r in panel.rows if r["status_text"] == "Te doen" and r["public_id"])
    mine, _ = await _assignment(participant, new["public_id"])
    form = await mine.get_state(AnswerFormState)
    form.set_text("why", "Zo")
    form.set_choice("pick", "0")
    await run_handler(mine.submit)
    await run_handler(panel.load)
    row = next(r for r in panel.rows if r["public_id"] == new["public_id"])
    assert [(a["prompt"], a["answer"]) for a in row["answers"]][:2] == [
        ("Waarom?", "Zo"),
        ("Kies", "Ja"),
    ]
    panel.set_draft(row["submission_public_id"], "Mooi gedaan!")
    await run_handler(panel.give_feedback, row["submission_public_id"])
    assert panel.notice.startswith("Je reactie staat")
    again, _ = await _assignment(participant, new["public_id"])
    assert again.status_text == "Reactie gekregen"
    assert [f["body"] for f in again.feedback] == ["Mooi gedaan!"]


async def test_panel_refuses_strangers_and_garbage(world):
    counsellor, participant, item, _, stranger, theirs, _ = world
    other, _ = await _panel(make_counsellor_committed(), participant)
    assert other.rows == [] and other.error == REFUSAL
    other.picked = str(item.public_id)  # even with a forged pick
    await run_handler(other.assign)
    assert other.error == REFUSAL
    for garbage in ("not-a-uuid", None, 3, str(stranger.public_id)):
        state, _ = await _panel(counsellor, garbage)
        assert state.rows == [] and state.error == REFUSAL
    panel, _ = await _panel(counsellor, participant)
    panel.set_picked("not-in-the-list")
    assert panel.picked == ""
    panel.set_draft("unknown", "x")
    assert panel.drafts == {}
    with db_session() as session:
        sub = make_submission(session, assignment=theirs)
        foreign = str(sub.public_id)
    panel.drafts = {foreign: "Hack"}
    await run_handler(panel.give_feedback, foreign)
    assert panel.error == REFUSAL
    await run_handler(panel.give_feedback, ["x"])
    assert panel.error
    with db_session() as session:
        assert session.exec(select(Feedback).where(Feedback.submission_id == sub.id)).all() == []
        assert (
            len(
                session.exec(
                    select(Assignment).where(Assignment.participant_id == participant.id)
                ).all()
            )
            == 1
        )
    _, events = await _panel(participant, participant)
    assert redirect_target(events) == PARTICIPANT_HOME


def make_counsellor_committed() -> User:
    with db_session() as session:
        return make_counsellor(session)
