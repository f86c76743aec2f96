"""One information page or assignment: write it per language, tag it, preview it, publish it.

The preview uses the very components of the participant's pages: ``safe_markdown`` for the
text and ``question_form`` for the questions.
"""

import reflex as rx

from jouw_omgeving.components.content_builder import language_fields
from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.markdown_safe import safe_markdown
from jouw_omgeving.components.question_form import question_form
from jouw_omgeving.components.text import t
from jouw_omgeving.pages.deelnemer.assignments_one import notice
from jouw_omgeving.routes import CONTENT_EDITOR, CONTENT_LIST
from jouw_omgeving.state.content_editor import ContentEditorState as E
from jouw_omgeving.state.content_form import ContentFormState as F


def _kind_choice() -> rx.Component:
    def item(value: str, label: rx.Var) -> rx.Component:
        return rx.el.label(
            rx.hstack(rx.radio_group.item(value=value), rx.text(label, as_="span"), align="center"),
            cursor="pointer",
        )

    return rx.cond(
        E.public_id == "",
        rx.vstack(
            rx.text(t("Wat schrijf je?"), weight="bold", id="kind-label"),
            rx.radio_group.root(
                rx.hstack(
                    item("assignment", t("Opdracht (met vragen)")),
                    item("info", t("Informatie")),
                    spacing="4",
                ),
                value=F.kind,
                on_change=F.set_kind,
                aria_labelledby="kind-label",
            ),
            spacing="1",
        ),
        rx.fragment(),
    )


def _domain_picker() -> rx.Component:
    return rx.el.label(
        rx.text(t("Levensgebied"), weight="bold", as_="span"),
        rx.el.select(
            rx.el.option(t("Geen"), value=""),
            rx.foreach(E.domains, lambda d: rx.el.option(d["name"], value=d["key"])),
            value=F.domain,
            on_change=F.set_domain,
            id="content-domain",
            style={"minHeight": "2.5rem", "maxWidth": "20rem"},
        ),
        display="flex",
        flex_direction="column",
        gap="0.25rem",
    )


def _language_tabs() -> rx.Component:
    return rx.tabs.root(
        rx.tabs.list(
            rx.tabs.trigger(t("Nederlands"), value="nl", id="tab-nl"),
            rx.tabs.trigger(t("Engels (niet verplicht)"), value="en", id="tab-en"),
        ),
        rx.tabs.content(language_fields("nl"), value="nl", padding_top="1rem"),
        rx.tabs.content(language_fields("en"), value="en", padding_top="1rem"),
        value=F.tab,
        on_change=F.set_tab,
        width="100%",
    )


def _publish_button() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(
            rx.button(rx.icon("send", aria_hidden="true"), t("Publiceren"), size="3", id="publish")
        ),
        rx.alert_dialog.content(
            rx.alert_dialog.title(t("Nu publiceren?")),
            rx.alert_dialog.description(
                t(
                    "Deelnemers en begeleiders zien dan deze versie. Wie al iets heeft "
                    "ingeleverd, houdt de versie die hij of zij beantwoordde."
                )
            ),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button(t("Annuleren"), variant="soft", size="3")),
                rx.alert_dialog.action(
                    rx.button(
                        t("Ja, publiceren"), on_click=E.publish, size="3", id="confirm-publish"
                    )
                ),
                spacing="3",
                justify="end",
                margin_top="1rem",
            ),
        ),
    )


def _preview() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(t("Voorbeeld: zo ziet de deelnemer het"), size="4", as_="h2"),
            rx.box(
                rx.heading(F.preview_title, size="7", as_="h3", id="preview-title"),
                rx.box(safe_markdown(F.preview_body), id="preview-body", width="100%"),
                question_form(),
                lang=F.tab,
                width="100%",
            ),
            width="100%",
        ),
        width="100%",
        align_self="start",
        id="content-preview",
    )


def _editor() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.heading(
                rx.cond(E.public_id == "", t("Nieuwe inhoud"), t("Inhoud bewerken")),
                size="7",
                as_="h1",
            ),
            rx.badge(E.status_text, size="3", id="content-status"),
            align="center",
            wrap="wrap",
        ),
        _kind_choice(),
        _domain_picker(),
        rx.grid(
            _language_tabs(),
            _preview(),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            width="100%",
        ),
        error_callout(E.error),
        notice(E.notice),
        rx.hstack(
            rx.button(
                rx.icon("save", aria_hidden="true"),
                t("Opslaan als concept"),
                on_click=E.save,
                variant="soft",
                size="3",
                id="save-draft",
            ),
            _publish_button(),
            spacing="3",
            wrap="wrap",
        ),
        spacing="4",
        width="100%",
    )


@rx.page(route=CONTENT_EDITOR, title=APP_NAME, on_load=E.load)
def content_editor_page() -> rx.Component:
    """The editor for the item in the URL (``nieuw`` for a new one)."""
    return page_shell(
        back_link(t("Inhoud"), CONTENT_LIST),
        loading_or(
            rx.cond(
                E.allowed,
                _editor(),
                rx.vstack(
                    rx.heading(t("Geen toegang"), size="7", as_="h1"),
                    error_callout(E.error),
                    width="100%",
                ),
            ),
            E.loaded,
        ),
    )
