"""Audit entries in words: roles, categories, actions and the plain-language sentence.

Every text is a catalogue msgid (Dutch); placeholders are filled after translation, so each
language keeps its own word order.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from jouw_omgeving.i18n import N_, format_date, format_datetime, gettext

# Days are Dutch days: an access at 00:30 on 4 March (Amsterdam) happened "op 4 maart".
_AMSTERDAM = ZoneInfo("Europe/Amsterdam")

ROLE_WORDS = {
    "participant": N_("deelnemer"),
    "network_member": N_("netwerklid"),
    "counsellor": N_("begeleider"),
    "partner": N_("ketenpartner"),
    "evaluator": N_("evaluator"),
    "admin": N_("beheerder"),
}

# What was looked at, as in "bekeek je {what}".
CATEGORY_WORDS = {
    "profile": N_("gegevens"),
    "goals": N_("doelen"),
    "progress": N_("voortgang"),
    "assignments": N_("opdrachten"),
    "messages": N_("berichten"),
    "contacts": N_("contactmomenten"),
    "appointments": N_("afspraken"),
    "consent": N_("toestemmingen"),
    "network": N_("netwerk"),
    "account": N_("account"),
    "caseload": N_("begeleiding"),
    "access_log": N_("lijst ‘Wie keek mee’"),
    "audit": N_("logboek"),
    "caseload_overview": N_("overzicht van deelnemers"),
    "aggregates": N_("pilotcijfers"),
    "administration": N_("beheeroverzicht"),
}

# One sentence per action; {who} is the person, {what} a category word, {date} a date.
SENTENCES = {
    "read": N_("{who} bekeek je {what} op {date}"),
    "create": N_("{who} voegde iets toe aan je {what} op {date}"),
    "update": N_("{who} veranderde je {what} op {date}"),
    "delete": N_("{who} haalde iets weg uit je {what} op {date}"),
}
OTHER_SENTENCE = N_("{who} gebruikte je {what} op {date}")

ACTION_WORDS = {
    "read": N_("bekijken"),
    "create": N_("toevoegen"),
    "update": N_("wijzigen"),
    "delete": N_("verwijderen"),
}

OUTCOME_WORDS = {"allowed": N_("toegestaan"), "refused": N_("geweigerd")}


def word(table: dict[str, str], key: str, lang: str) -> str:
    """The translated word for ``key``, or the key itself when the table has none."""
    msgid = table.get(key)
    return gettext(msgid, lang) if msgid else key


def who(name: str, role: str, organisation: str, lang: str) -> str:
    """ "Anja de Vries (begeleider, Leger des Heils)"; without organisation when unknown."""
    role_word = word(ROLE_WORDS, role, lang)
    if role == "partner" and organisation:
        # Plain words for someone from outside: "Lotte Hermans van GGZ Oost".
        return gettext("{name} van {organisation}", lang).format(
            name=name, organisation=organisation
        )
    if organisation:
        return gettext("{name} ({role}, {organisation})", lang).format(
            name=name, role=role_word, organisation=organisation
        )
    return gettext("{name} ({role})", lang).format(name=name, role=role_word)


def access_sentence(
    *,
    name: str,
    role: str,
    organisation: str,
    action: str,
    category: str,
    occurred_at: datetime,
    lang: str,
) -> str:
    """ "Anja de Vries (begeleider, Leger des Heils) bekeek je doelen op 3 maart 2026"."""
    template = SENTENCES.get(action, OTHER_SENTENCE)
    day = occurred_at.astimezone(_AMSTERDAM).date()
    return gettext(template, lang).format(
        who=who(name, role, organisation, lang),
        what=word(CATEGORY_WORDS, category, lang),
        date=format_date(day, lang),
    )


def moment(occurred_at: datetime, lang: str) -> str:
    """Date and time in the Dutch time zone, as the language writes it."""
    return format_datetime(occurred_at, lang)
