"""Authored content on the participant's page: its HTML and scripts arrive as text only.

The path a body takes: the editor stores it as typed -> the service escapes it
(``content_text.safe_markdown``) -> the page renders it with ``components.markdown_safe``
(raw HTML off). The preview in the editor takes the same path.
"""

import reflex as rx

from jouw_omgeving.pages.content.editor import _preview
from jouw_omgeving.pages.deelnemer.assignments_one import _assignment
from jouw_omgeving.pages.deelnemer.library import content_page
from jouw_omgeving.services.assignments import assignment_detail
from jouw_omgeving.services.assignments_counsellor import assignment_assign
from jouw_omgeving.services.content import content_item
from jouw_omgeving.services.content_authoring import content_create, content_publish
from jouw_omgeving.services.viewer import Viewer
from tests.factories import make_admin, make_counsellor, make_organisation, make_participant

HOSTILE = (
    "<script>window.__pwned = 1</script>\n\n"
    '<img src="x" onerror="window.__pwned = 2">\n\n'
    "![plaatje](http://192.0.2.1/x.png) <iframe src=x></iframe> **vet**"
)


def test_pages_that_show_content_render_it_without_raw_html():
    assert "rehypeRaw" in str(rx.box(rx.box(rx.markdown("x"))))  # nested markdown shows up
    for component in (_assignment(), content_page(), _preview()):
        rendered = str(component)
        assert "rehypeRaw" not in rendered
        assert "dangerouslySetInnerHTML" not in rendered


def test_authored_html_reaches_the_participant_escaped(session):
    organisation = make_organisation(session)
    admin = Viewer.of(make_admin(session, organisation=organisation))
    counsellor = make_counsellor(session, organisation=organisation)
    participant = make_participant(session, counsellor=counsellor)
    draft = {"title": {"nl": "<b>Titel</b>"}, "body": {"nl": HOSTILE, "en": HOSTILE}}
    info = content_create(session, admin, kind="info", draft=draft)
    task = content_create(
        session,
        admin,
        kind="assignment",
        draft=draft | {"questions": [{"type": "text", "prompt": {"nl": "<i>Waarom?</i>"}}]},
    )
    for item in (info, task):
        content_publish(session, admin, content_public_id=item.public_id)
    me = Viewer.of(participant)
    for lang in ("nl", "en"):
        shown = content_item(session, me, content_public_id=info.public_id, lang=lang)
        assert "<" not in shown["body"] and "**vet**" in shown["body"]
        assert "!\\[plaatje]" in shown["body"]
    assignment = assignment_assign(
        session,
        Viewer.of(counsellor),
        participant_id=participant.id,
        content_public_id=task.public_id,
    )
    shown = assignment_detail(session, me, assignment_public_id=assignment.public_id, lang="nl")
    assert "<" not in shown["body"]
    # Titles and questions are shown as plain text (never Markdown or HTML).
    assert shown["title"] == "<b>Titel</b>" and shown["questions"][0]["prompt"] == "<i>Waarom?</i>"
