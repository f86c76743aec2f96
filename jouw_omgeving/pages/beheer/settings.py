"""One organisation's settings: help numbers, session timeouts, threshold, retention."""

import reflex as rx

from jouw_omgeving.components.forms import labelled_input
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.i18n import N_
from jouw_omgeving.pages.beheer.widgets import form_grid, notices, submit
from jouw_omgeving.routes import ADMIN_ORGANISATIONS, ADMIN_SETTINGS
from jouw_omgeving.state.admin_settings import AdminSettingsState as S

_SESSION_LABELS = [
    ("staff_idle", N_("Medewerkers: minuten zonder gebruik")),
    ("staff_absolute", N_("Medewerkers: minuten in totaal")),
    ("participant_idle", N_("Deelnemers: minuten zonder gebruik")),
    ("participant_absolute", N_("Deelnemers: minuten in totaal")),
]


def _number(label: str, name: str, value: rx.Var) -> rx.Component:
    return labelled_input(
        t(label), name, input_type="number", default_value=value.to_string(), max_length=6
    )


def _help_row(row) -> rx.Component:
    def field(label: str, part: str, max_length: int) -> rx.Component:
        name = f"{part}_" + row["index"]
        return rx.vstack(
            rx.el.label(t(label), html_for=name, font_weight="bold"),
            rx.input(
                id=name,
                name=name,
                default_value=row[{"label": "label", "phone": "number", "note": "note"}[part]],
                size="3",
                width="100%",
                max_length=max_length,
            ),
            spacing="1",
            width="100%",
        )

    return rx.el.fieldset(
        rx.el.legend(t("Nummer"), " ", row["position"], style={"fontWeight": "bold"}),
        form_grid(
            field(N_("Naam van het nummer"), "label", 80),
            field(N_("Telefoonnummer"), "phone", 20),
            field(N_("Toelichting"), "note", 120),
        ),
        style={"border": "1px solid var(--gray-6)", "borderRadius": "8px", "padding": "0.75rem"},
        width="100%",
    )


@rx.page(route=ADMIN_SETTINGS, title=APP_NAME, on_load=S.load)
def settings_page() -> rx.Component:
    """All settings of one organisation in one form."""
    return page_shell(
        back_link(t("Organisaties"), ADMIN_ORGANISATIONS),
        rx.heading(t("Instellingen"), " ", S.organisation, size="7", as_="h1"),
        notices(S.error, S.notice),
        loading_or(
            rx.cond(
                S.organisation != "",
                rx.form(
                    rx.vstack(
                        rx.heading(t("Hulpnummers voor deelnemers"), as_="h2", size="5"),
                        rx.text(
                            t(
                                "Laat je alle regels leeg, dan zien deelnemers de landelijke "
                                "nummers (112, 113 Zelfmoordpreventie en andere)."
                            )
                        ),
                        rx.foreach(S.help_rows, _help_row),
                        rx.heading(t("Sessies"), as_="h2", size="5"),
                        rx.text(
                            t("Nieuwe tijden gelden vanaf de volgende keer dat iemand inlogt.")
                        ),
                        form_grid(
                            *[
                                _number(label, name, S.session_minutes[name])
                                for name, label in _SESSION_LABELS
                            ]
                        ),
                        rx.heading(t("Evaluatie en bewaren"), as_="h2", size="5"),
                        form_grid(
                            _number(
                                N_("Kleinste groep in evaluaties (5 tot 100)"),
                                "suppression_threshold",
                                S.suppression_threshold,
                            ),
                            _number(
                                N_("Bewaartermijn in maanden (1 tot 120)"),
                                "retention_months",
                                S.retention_months,
                            ),
                        ),
                        submit(t("Instellingen opslaan"), "save"),
                        spacing="3",
                        width="100%",
                    ),
                    on_submit=S.save,
                    reset_on_submit=False,
                    id="settings-form",
                ),
                rx.fragment(),
            ),
            S.loaded,
        ),
    )
