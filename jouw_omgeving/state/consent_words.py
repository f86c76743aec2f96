"""Consent in plain words: what an organisation will see, statuses, and the history.

Every text is a catalogue msgid (Dutch, B1); placeholders are filled after translation.
"""

from datetime import date, datetime

from jouw_omgeving.i18n import N_, format_date, gettext
from jouw_omgeving.state.audit_words import CATEGORY_WORDS, moment, word

# The category as a label on the page ("Doelen") and its pictogram.
CATEGORY_LABELS = {
    "goals": N_("Doelen"),
    "progress": N_("Voortgang"),
    "assignments": N_("Opdrachten"),
}
CATEGORY_ICONS = {"goals": "target", "progress": "trending-up", "assignments": "clipboard-list"}

GRANT_UNTIL = N_(
    "{organisation} mag dan je {what} zien, tot en met {date}. Je kunt dit altijd weer uitzetten."
)
GRANT_OPEN = N_("{organisation} mag dan je {what} zien. Je kunt dit altijd weer uitzetten.")
WITHDRAW = N_("{organisation} kan dan je {what} niet meer zien. Dat gaat meteen in.")
DECLINE = N_("{organisation} mag dan je {what} niet zien.")

STATUS_ON_UNTIL = N_("Aan, tot en met {date}")
STATUS_ON = N_("Aan")
STATUS_OFF = N_("Uit")
STATUS_ENDED = N_("Uit. Afgelopen op {date}")

BUTTON_ON = N_("{what} aanzetten voor {organisation}")
BUTTON_OFF = N_("{what} uitzetten voor {organisation}")

REQUEST_UNTIL = N_("Je begeleider vraagt: mag {organisation} je {what} zien, tot en met {date}?")
REQUEST_OPEN = N_("Je begeleider vraagt: mag {organisation} je {what} zien?")

HISTORY = {
    "grant": N_("{who} gaf {organisation} toestemming voor je {what}."),
    "withdraw": N_("{who} zette {what} uit voor {organisation}."),
    "request": N_("{who} vroeg of {organisation} je {what} mag zien."),
    "decline": N_("{who} zei nee tegen {organisation} voor je {what}."),
}
HISTORY_UNTIL = N_("Tot en met {date}.")
ON_YOUR_REQUEST = N_("Op jouw verzoek.")
YOU = N_("Jij")
COUNSELLOR = N_("{name} (begeleider)")


def day_text(iso_day: str, lang: str) -> str:
    """An ISO date as the language writes it ("1 maart 2027"), "" for none."""
    return format_date(date.fromisoformat(iso_day), lang) if iso_day else ""


def what(category: str, lang: str) -> str:
    """The category as in "je doelen"."""
    return word(CATEGORY_WORDS, category, lang)


def label(category: str, lang: str) -> str:
    """The category as a label: "Doelen"."""
    return word(CATEGORY_LABELS, category, lang)


def confirmation(kind: str, organisation: str, category: str, last_day: str, lang: str) -> str:
    """What will happen, said exactly, before the participant confirms a change."""
    if kind in ("grant", "accept"):
        template = GRANT_UNTIL if last_day else GRANT_OPEN
    else:
        template = WITHDRAW if kind == "withdraw" else DECLINE
    return gettext(template, lang).format(
        organisation=organisation, what=what(category, lang), date=day_text(last_day, lang)
    )


def status_text(status: str, last_day: str, lang: str) -> str:
    """ "Aan, tot en met 1 maart 2027", "Aan", "Uit" or "Uit. Afgelopen op ..."."""
    if status == "granted":
        template = STATUS_ON_UNTIL if last_day else STATUS_ON
    elif status == "expired":
        template = STATUS_ENDED
    else:
        template = STATUS_OFF
    return gettext(template, lang).format(date=day_text(last_day, lang))


def button_label(active: bool, organisation: str, category: str, lang: str) -> str:
    """The accessible name of a switch button: "Doelen aanzetten voor GGZ Oost"."""
    template = BUTTON_OFF if active else BUTTON_ON
    return gettext(template, lang).format(what=label(category, lang), organisation=organisation)


def request_text(organisation: str, category: str, last_day: str, lang: str) -> str:
    """A counsellor's pending request, as a question to the participant."""
    template = REQUEST_UNTIL if last_day else REQUEST_OPEN
    return gettext(template, lang).format(
        organisation=organisation, what=what(category, lang), date=day_text(last_day, lang)
    )


def history_sentence(row, lang: str, *, to_participant: bool = True) -> str:
    """ "Jij gaf GGZ Oost toestemming voor je doelen. Tot en met 1 maart 2027."

    For staff (``to_participant=False``) the participant is named instead of "Jij".
    """
    if row["recorded_by_role"] == "participant":
        who = gettext(YOU, lang) if to_participant else row["recorded_by_name"]
    else:
        who = gettext(COUNSELLOR, lang).format(name=row["recorded_by_name"])
    template = HISTORY.get(row["action"], HISTORY["grant"])
    parts = [
        gettext(template, lang).format(
            who=who, organisation=row["organisation_name"], what=what(row["category"], lang)
        )
    ]
    if row["action"] == "grant" and row["last_day"]:
        parts.append(gettext(HISTORY_UNTIL, lang).format(date=day_text(row["last_day"], lang)))
    if row["on_participants_request"]:
        parts.append(gettext(ON_YOUR_REQUEST, lang))
    return " ".join(parts)


def history_moment(recorded_at: str, lang: str) -> str:
    """When the change was recorded, in the Dutch time zone."""
    return moment(datetime.fromisoformat(recorded_at), lang)
