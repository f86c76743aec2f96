"""The opened instrument version on the instruments page: domains and scale, one form open."""

import reflex as rx

from jouw_omgeving.components.face_scale import KNOWN_PICTOGRAMS, pictogram
from jouw_omgeving.components.text import t
from jouw_omgeving.i18n import N_
from jouw_omgeving.pages.beheer.widgets import form_grid, notices, submit
from jouw_omgeving.state.admin_instrument_edit import AdminInstrumentEditState as E


def _text_input(label: str, name: str, value: rx.Var, max_length: int) -> rx.Component:
    return rx.vstack(
        rx.el.label(t(label), html_for=name, font_weight="bold"),
        rx.input(
            id=name, name=name, default_value=value, size="3", width="100%", max_length=max_length
        ),
        spacing="1",
        width="100%",
    )


def _pictogram_select(current: rx.Var) -> rx.Component:
    # The label wraps the select and the select has no id: an id would make the form read a
    # shared ref (empty inside rx.foreach) instead of the selected value.
    return rx.el.label(
        rx.text(t("Pictogram"), weight="bold"),
        rx.el.select(
            rx.el.option(current, value=current),
            *[rx.el.option(name, value=name) for name in KNOWN_PICTOGRAMS],
            name="pictogram",
            default_value=current,
            style={"minHeight": "2.75rem", "width": "100%"},
        ),
        style={"display": "flex", "flexDirection": "column", "gap": "0.25rem", "width": "100%"},
    )


def _buttons() -> rx.Component:
    return rx.hstack(
        submit(t("Opslaan"), "save"),
        rx.button(t("Annuleren"), type="button", on_click=E.cancel, variant="outline", size="3"),
        spacing="3",
    )


def _domain_form(domain) -> rx.Component:
    return rx.form(
        form_grid(
            _text_input(N_("Naam (Nederlands)"), "name_nl", domain["name_nl"], 200),
            _text_input(N_("Naam (Engels, mag leeg)"), "name_en", domain["name_en"], 200),
            _pictogram_select(domain["pictogram"]),
            _text_input(N_("Vraag (Nederlands)"), "question_nl", domain["question_nl"], 300),
            _text_input(N_("Vraag (Engels, mag leeg)"), "question_en", domain["question_en"], 300),
        ),
        _buttons(),
        on_submit=E.save,
        reset_on_submit=False,
        id="domain-form",
    )


def _level_form(level) -> rx.Component:
    return rx.form(
        form_grid(
            _text_input(N_("Tekst (Nederlands)"), "label_nl", level["label_nl"], 120),
            _text_input(N_("Tekst (Engels, mag leeg)"), "label_en", level["label_en"], 120),
            _pictogram_select(level["pictogram"]),
        ),
        _buttons(),
        on_submit=E.save,
        reset_on_submit=False,
        id="level-form",
    )


def _edit_button(target: rx.Var) -> rx.Component:
    return rx.cond(
        E.newest,
        rx.button(
            rx.icon("pencil", aria_hidden="true"),
            t("Bewerken"),
            on_click=E.edit(target),
            size="2",
            variant="outline",
        ),
        rx.fragment(),
    )


def _domain(domain) -> rx.Component:
    return rx.card(
        rx.cond(
            E.editing == domain["target"],
            _domain_form(domain),
            rx.hstack(
                pictogram(domain["pictogram"]),
                rx.vstack(
                    rx.text(domain["name_nl"], " / ", domain["name_en"], weight="bold"),
                    rx.text(domain["question_nl"], size="2"),
                    spacing="1",
                ),
                rx.spacer(),
                _edit_button(domain["target"]),
                align="center",
                width="100%",
            ),
        ),
        width="100%",
        class_name="instrument-domain",
    )


def _level(level) -> rx.Component:
    return rx.card(
        rx.cond(
            E.editing == level["target"],
            _level_form(level),
            rx.hstack(
                rx.badge(level["value"], size="3"),
                pictogram(level["pictogram"]),
                rx.text(level["label_nl"], " / ", level["label_en"]),
                rx.spacer(),
                _edit_button(level["target"]),
                align="center",
                width="100%",
            ),
        ),
        width="100%",
        class_name="instrument-level",
    )


def instrument_editor() -> rx.Component:
    """Domains and scale of the opened version; nothing while none is open."""
    return rx.cond(
        E.public_id != "",
        rx.el.section(
            rx.vstack(
                rx.heading(E.title, " ", t("versie"), " ", E.version, as_="h2", size="5"),
                notices(E.error, E.notice),
                rx.cond(
                    E.newest,
                    rx.text(
                        t(
                            "Is deze versie al ingevuld, dan maakt een wijziging een nieuwe "
                            "versie. Wat al is ingevuld, houdt de oude versie."
                        ),
                        size="2",
                    ),
                    rx.text(t("Dit is een oude versie: je kunt hem alleen bekijken."), size="2"),
                ),
                rx.heading(t("Leefgebieden"), as_="h3", size="4"),
                rx.foreach(E.domains, _domain),
                rx.heading(t("Schaal"), as_="h3", size="4"),
                rx.foreach(E.levels, _level),
                spacing="3",
                width="100%",
            ),
            id="instrument-editor",
            width="100%",
        ),
        notices(E.error, ""),
    )
