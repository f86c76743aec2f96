"""Instruments: which one each organisation uses, every version, export, import, editing."""

import reflex as rx

from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.i18n import N_
from jouw_omgeving.pages.beheer.instrument_edit import instrument_editor
from jouw_omgeving.pages.beheer.widgets import (
    back_to_admin,
    form_grid,
    labelled_select,
    notices,
    submit,
    table,
)
from jouw_omgeving.routes import ADMIN_INSTRUMENTS
from jouw_omgeving.services.instrument_file import MAX_FILE_BYTES
from jouw_omgeving.state.admin_instrument_edit import AdminInstrumentEditState as E
from jouw_omgeving.state.admin_instruments import AdminInstrumentsState as S

UPLOAD_ID = "instrument-upload"


def _usage_row(row) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["organisation"]),
        rx.table.cell(row["instrument"]),
        class_name="usage-row",
    )


def _instrument_row(row) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["name"]),
        rx.table.cell(row["key"], " v", row["version"]),
        rx.table.cell(
            rx.cond(row["organisation"] != "", row["organisation"], t("Open, voor iedereen"))
        ),
        rx.table.cell(rx.cond(row["active"], t("actief"), t("niet actief"))),
        rx.table.cell(row["assessments"]),
        rx.table.cell(
            rx.hstack(
                rx.button(
                    t("Bekijken"), on_click=E.open(row["public_id"]), size="2", variant="outline"
                ),
                rx.button(
                    rx.icon("download", aria_hidden="true"),
                    t("Exporteren"),
                    on_click=S.export(row["public_id"]),
                    size="2",
                    variant="outline",
                ),
                spacing="2",
            )
        ),
        class_name="instrument-row",
    )


def _organisation_options() -> rx.Component:
    return rx.foreach(
        S.usage,
        lambda row: rx.el.option(row["organisation"], value=row["organisation_public_id"]),
    )


def _choose_form() -> rx.Component:
    return rx.form(
        form_grid(
            labelled_select(
                t("Organisatie"),
                "organisation",
                rx.el.option(t("Kies een organisatie"), value=""),
                _organisation_options(),
            ),
            labelled_select(
                t("Instrument"),
                "instrument",
                rx.el.option(t("Kies een instrument"), value=""),
                rx.foreach(
                    S.lines,
                    lambda row: rx.cond(
                        row["newest"],
                        rx.el.option(
                            row["name"],
                            " (",
                            row["key"],
                            " v",
                            row["version"],
                            ")",
                            value=row["public_id"],
                        ),
                        rx.fragment(),
                    ),
                ),
            ),
        ),
        submit(t("Dit instrument gebruiken"), "check"),
        on_submit=S.choose,
        reset_on_submit=False,
        id="instrument-choose-form",
    )


def _import() -> rx.Component:
    return rx.vstack(
        rx.heading(t("Instrument laden uit een bestand"), as_="h2", size="5"),
        rx.text(
            t(
                "Heeft je organisatie een licentie op een ander instrument? Laad het als "
                "JSON-bestand, in de vorm van een geëxporteerd bestand. Een bestand met fouten "
                "wordt geweigerd en verandert niets."
            )
        ),
        rx.vstack(
            rx.el.label(t("Voor organisatie"), html_for="import-organisation", font_weight="bold"),
            rx.el.select(
                rx.el.option(t("Kies een organisatie"), value=""),
                _organisation_options(),
                id="import-organisation",
                on_change=S.pick_import_organisation,
                style={"minHeight": "2.75rem", "width": "100%"},
            ),
            spacing="1",
            width="100%",
        ),
        rx.upload.root(
            rx.button(
                rx.icon("upload", aria_hidden="true"),
                t("Bestand kiezen en laden"),
                type="button",
                size="3",
            ),
            id=UPLOAD_ID,
            multiple=False,
            max_files=1,
            max_size=MAX_FILE_BYTES,
            no_keyboard=True,  # the button inside is the one tab stop
            on_drop=S.import_file(rx.upload_files(upload_id=UPLOAD_ID)),
            on_drop_rejected=S.file_refused,
        ),
        spacing="3",
        width="100%",
    )


@rx.page(route=ADMIN_INSTRUMENTS, title=APP_NAME, on_load=S.load)
def instruments_page() -> rx.Component:
    """The instruments an organisation can fill in, and how to change or load one."""
    return page_shell(
        back_to_admin(),
        rx.heading(t("Instrumenten"), size="7", as_="h1"),
        notices(S.error, S.notice),
        loading_or(
            rx.vstack(
                rx.heading(t("Welk instrument elke organisatie gebruikt"), as_="h2", size="5"),
                table(
                    [N_("Organisatie"), N_("Instrument")],
                    rx.table.body(rx.foreach(S.usage, _usage_row)),
                    "instrument-usage",
                ),
                _choose_form(),
                rx.heading(t("Alle instrumenten en versies"), as_="h2", size="5"),
                table(
                    [
                        N_("Naam"),
                        N_("Sleutel en versie"),
                        N_("Van"),
                        N_("Status"),
                        N_("Keer ingevuld"),
                        N_("Acties"),
                    ],
                    rx.table.body(rx.foreach(S.lines, _instrument_row)),
                    "instrument-list",
                ),
                instrument_editor(),
                _import(),
                spacing="4",
                width="100%",
            ),
            S.loaded,
        ),
    )
