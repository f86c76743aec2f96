"""Content-authoring handlers called as a hostile browser would: refused, audited, nothing lost."""

import uuid

import pytest
from sqlmodel import select

from jouw_omgeving.db import db_session
from jouw_omgeving.models import AuditEntry, ContentItem, ContentVersion, User
from jouw_omgeving.routes import LOGIN, PARTICIPANT_HOME
from jouw_omgeving.services.content_rules import CHOICE_NEEDS_TWO, TITLE_REQUIRED
from jouw_omgeving.state.assignments_form import AnswerFormState
from jouw_omgeving.state.content_editor import (
    ROUTE_PARAMETER,
    ContentEditorState,
    ContentListState,
)
from jouw_omgeving.state.content_form import ContentFormState
from tests.factories import (
    make_admin,
    make_counsellor,
    make_instrument,
    make_organisation,
    make_participant,
)
from tests.state.helpers import login_cookie, redirect_target, run_handler, set_router, state_for

pytestmark = pytest.mark.anyio
REFUSAL = "Je hebt geen toegang tot deze gegevens."
PATH = "/inhoud/[content_public_id]"


@pytest.fixture
def people(app_db) -> dict[str, User]:
    with db_session() as session:
        organisation = make_organisation(session)
        make_instrument(session, organisation=organisation)
        counsellor = make_counsellor(session, organisation=organisation)
        return {
            "editor": make_counsellor(session, organisation=organisation, is_content_editor=True),
            "counsellor": counsellor,
            "admin": make_admin(session, organisation=organisation),
            "participant": make_participant(session, counsellor=counsellor),
        }


async def _editor(user: User | None, public_id: object = "nieuw") -> ContentEditorState:
    cookie = login_cookie(user) if user else None
    state = await state_for(
        ContentEditorState, cookie=cookie, path=PATH, query={ROUTE_PARAMETER: public_id}
    )
    return state


async def _type_an_assignment(form: ContentFormState) -> None:
    await run_handler(form.set_kind, "assignment")
    await run_handler(form.set_title, "Je week plannen")
    await run_handler(form.set_body, "Kijk naar **je week**.\n\n<script>alert(1)</script>")
    await run_handler(form.add_question, "choice")
    await run_handler(form.set_prompt, 0, "Wanneer?")
    await run_handler(form.set_option, 0, 0, "Vandaag")
    await run_handler(form.set_option, 0, 1, "Morgen")


def _refusals(user: User) -> int:
    with db_session() as session:
        return len(
            session.exec(
                select(AuditEntry).where(
                    AuditEntry.actor_id == user.id, AuditEntry.outcome == "refused"
                )
            ).all()
        )


async def test_an_editor_writes_previews_saves_and_publishes(people):
    state = await _editor(people["editor"])
    await run_handler(state.load)
    assert state.allowed and state.public_id == ""
    form = await state.get_state(ContentFormState)
    await _type_an_assignment(form)

    # The preview is what the participant page gets: escaped text, the questions on screen.
    assert "&lt;script>" in form.preview_body
    answers = await state.get_state(AnswerFormState)
    assert [q["prompt"] for q in answers.questions] == ["Wanneer?"]
    assert [o["label"] for o in answers.questions[0]["options"]] == ["Vandaag", "Morgen"]

    events = await run_handler(state.save)
    target = redirect_target(events)
    assert target and target.startswith("/inhoud/")
    public_id = target.rsplit("/", 1)[-1]

    # The same tab follows the redirect: the editor of the new item, with the notice.
    set_router(
        state, cookie=login_cookie(people["editor"]), path=PATH, query={ROUTE_PARAMETER: public_id}
    )
    await run_handler(state.load)
    assert state.notice.startswith("Opgeslagen") and state.status_text == "Concept"
    await run_handler(state.publish)
    assert state.status_text == "Gepubliceerd, versie 1"
    with db_session() as session:
        item = session.exec(
            select(ContentItem).where(ContentItem.public_id == uuid.UUID(public_id))
        ).one()
        assert item.status == "published"

    form = await state.get_state(ContentFormState)
    await run_handler(form.set_tab, "en")
    await run_handler(form.set_title, "Plan your week")
    await run_handler(state.save)
    assert state.status_text == "Gepubliceerd, versie 1; versie 2 is een concept"

    listing = await state_for(ContentListState, cookie=login_cookie(people["admin"]))
    await run_handler(listing.load)
    row = next(r for r in listing.rows if r["public_id"] == public_id)
    assert row["title"] == "Je week plannen" and row["published"]


async def test_bad_input_is_refused_in_words_and_the_form_keeps_what_was_typed(people):
    state = await _editor(people["admin"])
    await run_handler(state.load)
    form = await state.get_state(ContentFormState)
    await _type_an_assignment(form)
    await run_handler(form.set_title, "   ")
    await run_handler(state.save)
    assert state.error == TITLE_REQUIRED
    assert (
        form.body["nl"].startswith("Kijk naar") and form.questions[0]["prompt"]["nl"] == "Wanneer?"
    )

    await run_handler(form.set_title, "Toch een titel")
    await run_handler(form.remove_option, 0, 1)
    await run_handler(state.publish)
    assert state.error == CHOICE_NEEDS_TWO
    assert state.public_id == ""
    with db_session() as session:
        assert not session.exec(
            select(ContentVersion).where(ContentVersion.created_by_id == people["admin"].id)
        ).all()


async def test_a_counsellor_without_the_editor_right_is_refused_and_audited(people):
    counsellor = people["counsellor"]
    listing = await state_for(ContentListState, cookie=login_cookie(counsellor))
    await run_handler(listing.load)
    assert (listing.rows, listing.error) == ([], REFUSAL)
    state = await _editor(counsellor)
    await run_handler(state.load)
    assert not state.allowed and state.error == REFUSAL
    form = await state.get_state(ContentFormState)
    await _type_an_assignment(form)
    await run_handler(state.save)
    assert state.error == REFUSAL
    assert _refusals(counsellor) == 3


@pytest.mark.parametrize(
    "garbage", ["not-a-uuid", "00000000-0000-4000-8000-000000000000", 7, None, ["x"]]
)
async def test_garbage_ids_in_the_url_are_refused(people, garbage):
    state = await _editor(people["editor"], garbage)
    await run_handler(state.load)
    assert not state.allowed and state.error == REFUSAL


async def test_other_roles_and_no_session_are_sent_away(people):
    for user, home in ((None, LOGIN), (people["participant"], PARTICIPANT_HOME)):
        state = await _editor(user)
        assert redirect_target(await run_handler(state.load)) == home
        assert redirect_target(await run_handler(state.publish)) == home
        listing = await state_for(ContentListState, cookie=login_cookie(user) if user else None)
        assert redirect_target(await run_handler(listing.load)) == home


async def test_the_form_handlers_ignore_hostile_arguments(people):
    state = await _editor(people["editor"])
    await run_handler(state.load)
    form = await state.get_state(ContentFormState)
    await _type_an_assignment(form)
    before = (dict(form.title), dict(form.body), [dict(q) for q in form.questions], form.tab)
    for handler, args in [
        (form.set_tab, ("de",)),
        (form.set_tab, (None,)),
        (form.set_kind, ("lesson",)),
        (form.set_title, (["a"],)),
        (form.set_body, ({"nl": "x"},)),
        (form.add_question, ("essay",)),
        (form.remove_question, (99,)),
        (form.remove_question, ("0",)),
        (form.remove_question, (True,)),
        (form.move_question, (0, 5)),
        (form.move_question, (0, -1)),
        (form.set_prompt, (-1, "x")),
        (form.set_prompt, (0, 12)),
        (form.add_option, ("0",)),
        (form.remove_option, (0, 9)),
        (form.move_option, (0, 1, 1)),
        (form.move_option, (0, "1", -1)),
        (form.set_option, (0, 7, "x")),
        (form.set_option, (None, None, "x")),
        (form.set_domain, (["wonen"],)),
    ]:
        await run_handler(handler, *args)
    assert (form.title, form.body, form.questions, form.tab) == before

    await run_handler(form.set_body, "x" * 1_000_000)
    assert len(form.body["nl"]) < 30_000
    for _ in range(40):
        await run_handler(form.add_question, "text")
    assert len(form.questions) == 30


async def test_reordering_questions_and_answers(people):
    state = await _editor(people["editor"])
    await run_handler(state.load)
    form = await state.get_state(ContentFormState)
    await _type_an_assignment(form)
    await run_handler(form.add_question, "checklist")
    await run_handler(form.set_prompt, 1, "Wat neem je mee?")
    await run_handler(form.move_question, 1, -1)
    assert [q["prompt"]["nl"] for q in form.questions] == ["Wat neem je mee?", "Wanneer?"]
    await run_handler(form.move_option, 1, 0, 1)
    assert [o["nl"] for o in form.questions[1]["options"]] == ["Morgen", "Vandaag"]
    answers = await state.get_state(AnswerFormState)
    assert [q["type"] for q in answers.questions] == ["checklist", "choice"]
