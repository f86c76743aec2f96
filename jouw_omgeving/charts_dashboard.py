"""The evaluator's dashboard in charts: from the families' (suppressed) frames to a title,
a plain explanation, a figure and sentences that say what it shows. Pure: no reflex, no
database; words come from the catalogues in the reader's language.
"""

from collections.abc import Callable
from typing import TypedDict

import pandas as pd
import plotly.graph_objects as go

from jouw_omgeving.charts import date_label, month_label, number
from jouw_omgeving.charts_evaluation import bar_chart, hidden_note, hidden_sentence, line_chart
from jouw_omgeving.i18n import N_, gettext


class EvaluationChart(TypedDict):
    """One chart of the dashboard, ready for a chart card."""

    key: str
    title: str
    explanation: str
    figure: go.Figure
    sentences: list[str]


MEASURES = {
    "enrolled": N_("Ingeschreven"),
    "active": N_("Actief (iets gedaan)"),
    "logged_in": N_("Ingelogd"),
    "messaged": N_("Bericht gestuurd"),
    "did_work": N_("Stap of opdracht gedaan"),
}
KINDS = {
    "visit": N_("Bezoek"),
    "phone": N_("Telefoon"),
    "video": N_("Video"),
    "platform": N_("Contact via het platform"),
    "message": N_("Berichten"),
}
GOAL_MEASURES = {
    "goals_set": N_("Doelen gesteld"),
    "goals_achieved": N_("Doelen bereikt"),
    "steps_done": N_("Stappen gezet"),
}
ASSESSORS = {"participant": N_("Deelnemer zelf"), "counsellor": N_("Begeleider")}
OTHER_DOMAIN = N_("Geen leefgebied")
TITLES = {
    "reach": N_("Bereik en gebruik per week"),
    "retention": N_("Blijven deelnemers actief?"),
    "contacts": N_("Contacten per deelnemer per maand"),
    "minutes": N_("Tijd van begeleiders per deelnemer per maand"),
    "goals": N_("Doelen per leefgebied"),
    "self_reliance": N_("Zelfredzaamheid: verandering per leefgebied"),
    "digital_skills": N_("Digitale vaardigheden: lessen afgerond"),
    "check_ins": N_("Hoe gaat het? Check-ins per week"),
}
EXPLANATIONS = {
    "reach": N_(
        "Hoeveel deelnemers ingeschreven waren, en hoeveel er elke week iets deden: "
        "inloggen, een bericht sturen, of een stap of opdracht afronden."
    ),
    "retention": N_(
        "Deelnemers die in dezelfde maand begonnen, vormen samen één groep. De lijn laat "
        "zien welk deel van die groep in de maanden daarna nog actief was."
    ),
    "contacts": N_(
        "Hoe vaak begeleider en deelnemer contact hadden, per soort contact. We delen door "
        "het aantal deelnemers dat die maand in begeleiding was."
    ),
    "minutes": N_(
        "De minuten die begeleiders bij hun contacten hebben ingevuld, gedeeld door het "
        "aantal deelnemers in begeleiding. Contacten zonder ingevulde duur tellen niet mee."
    ),
    "goals": N_(
        "Hoeveel doelen deelnemers in deze periode stelden en bereikten, en hoeveel kleine "
        "stappen ze zetten, per leefgebied."
    ),
    "self_reliance": N_(
        "Hoeveel de score op een leefgebied veranderde tussen de eerste en de laatste "
        "meting in deze periode. Boven nul is vooruit. Deelnemer en begeleider apart."
    ),
    "digital_skills": N_(
        "Welk deel van de deelnemers elke les van de training digitale vaardigheden heeft afgerond."
    ),
    "check_ins": N_(
        "Hoe deelnemers zich voelden bij hun wekelijkse check-in, van 1 (slecht) tot 5 (goed)."
    ),
}
AXES = {
    "week": N_("Week van"),
    "month": N_("Maand"),
    "participants": N_("Deelnemers"),
    "months_since": N_("Maanden na de start"),
    "percent": N_("Procent"),
    "per_participant": N_("Per deelnemer"),
    "minutes": N_("Minuten per deelnemer"),
    "count": N_("Aantal"),
    "change": N_("Verandering in score"),
    "lesson": N_("Les"),
    "mood": N_("Gemiddeld gevoel (1–5)"),
}
MEAN_ACTIVE = N_("Gemiddeld waren {n} deelnemers per week actief.")
TIMED_SHARE = N_("{timed} van de {total} contacten hebben een ingevulde duur.")
CHANGE_LABEL = N_("{change} (n={n})")


def _words(table: dict[str, str], lang: str) -> dict[str, str]:
    return {k: gettext(v, lang) for k, v in table.items()}


def _reach(frame: pd.DataFrame, lang: str, note: str) -> tuple[go.Figure, list[str]]:
    frame = frame.assign(label=[date_label(w, lang) for w in frame["week"]])
    figure = line_chart(
        frame,
        x="label",
        y="participants",
        series="measure",
        names=_words(MEASURES, lang),
        title=gettext(TITLES["reach"], lang),
        x_label=gettext(AXES["week"], lang),
        y_label=gettext(AXES["participants"], lang),
        note=note,
    )
    active = frame.loc[frame["measure"] == "active", "participants"].dropna()
    mean = number(round(float(active.mean()), 1), lang) if len(active) else "–"
    return figure, [gettext(MEAN_ACTIVE, lang).format(n=mean)]


def _retention(frame: pd.DataFrame, lang: str, note: str) -> tuple[go.Figure, list[str]]:
    frame = frame.assign(percent=frame["retention"] * 100)
    names = {c: month_label(c, lang) for c in dict.fromkeys(frame["cohort"])}
    figure = line_chart(
        frame,
        x="months_since",
        y="percent",
        series="cohort",
        names=names,
        title=gettext(TITLES["retention"], lang),
        x_label=gettext(AXES["months_since"], lang),
        y_label=gettext(AXES["percent"], lang),
        note=note,
        y_range=(0, 105),
    )
    return figure, []


def _contacts(frame: pd.DataFrame, lang: str, note: str) -> tuple[go.Figure, list[str]]:
    frame = frame.assign(label=[month_label(m, lang) for m in frame["month"]])
    figure = bar_chart(
        frame,
        x="label",
        y="per_participant",
        series="kind",
        names=_words(KINDS, lang),
        title=gettext(TITLES["contacts"], lang),
        x_label=gettext(AXES["month"], lang),
        y_label=gettext(AXES["per_participant"], lang),
        note=note,
        stacked=True,
    )
    return figure, []


def _minutes(frame: pd.DataFrame, lang: str, note: str) -> tuple[go.Figure, list[str]]:
    frame = frame.assign(
        label=[month_label(m, lang) for m in frame["month"]],
        text=[
            "" if pd.isna(v) else number(round(float(v)), lang)
            for v in frame["minutes_per_participant"]
        ],
    )
    figure = bar_chart(
        frame,
        x="label",
        y="minutes_per_participant",
        series=None,
        names={"": gettext(AXES["minutes"], lang)},
        title=gettext(TITLES["minutes"], lang),
        x_label=gettext(AXES["month"], lang),
        y_label=gettext(AXES["minutes"], lang),
        note=note,
        text="text",
    )
    timed = int(frame["contacts_timed"].dropna().sum())
    total = timed + int(frame["contacts_untimed"].dropna().sum())
    sentence = gettext(TIMED_SHARE, lang).format(
        timed=number(timed, lang), total=number(total, lang)
    )
    return figure, [sentence]


def _domain_names(frame: pd.DataFrame, lang: str) -> pd.Series:
    other = gettext(OTHER_DOMAIN, lang)
    return frame["domain_name"].where(frame["domain_name"] != "", other)


def _goals(frame: pd.DataFrame, lang: str, note: str) -> tuple[go.Figure, list[str]]:
    frame = frame.assign(domain=_domain_names(frame, lang))
    long = frame.melt(
        id_vars=["domain", "suppressed"], value_vars=list(GOAL_MEASURES), var_name="measure"
    )
    long["text"] = ["" if pd.isna(v) else number(int(v), lang) for v in long["value"]]
    figure = bar_chart(
        long,
        x="domain",
        y="value",
        series="measure",
        names=_words(GOAL_MEASURES, lang),
        title=gettext(TITLES["goals"], lang),
        x_label=gettext(AXES["count"], lang),
        y_label="",
        note=note,
        text="text",
        horizontal=True,
    )
    return figure, []


def _self_reliance(frame: pd.DataFrame, lang: str, note: str) -> tuple[go.Figure, list[str]]:
    frame = frame.assign(domain=_domain_names(frame, lang))
    frame["text"] = [
        ""
        if pd.isna(c)
        else gettext(CHANGE_LABEL, lang).format(
            change=f"{float(c):+.1f}".replace(".", "," if lang == "nl" else "."),
            n=number(int(n), lang),
        )
        for c, n in zip(frame["mean_change"], frame["participants"], strict=True)
    ]
    figure = bar_chart(
        frame,
        x="domain",
        y="mean_change",
        series="assessor_role",
        names=_words(ASSESSORS, lang),
        title=gettext(TITLES["self_reliance"], lang),
        x_label=gettext(AXES["change"], lang),
        y_label="",
        note=note,
        text="text",
        horizontal=True,
    )
    return figure, []


def _digital_skills(frame: pd.DataFrame, lang: str, note: str) -> tuple[go.Figure, list[str]]:
    frame = frame.assign(percent=frame["share"] * 100)
    frame["text"] = [
        "" if pd.isna(v) else f"{number(round(float(v)), lang)}%" for v in frame["percent"]
    ]
    figure = bar_chart(
        frame,
        x="lesson",
        y="percent",
        series=None,
        names={"": gettext(AXES["percent"], lang)},
        title=gettext(TITLES["digital_skills"], lang),
        x_label="",
        y_label=gettext(AXES["percent"], lang),
        note=note,
        text="text",
        horizontal=True,
    )
    return figure, []


def _check_ins(frame: pd.DataFrame, lang: str, note: str) -> tuple[go.Figure, list[str]]:
    frame = frame.assign(label=[date_label(w, lang) for w in frame["week"]], series="mood")
    figure = line_chart(
        frame,
        x="label",
        y="mean_mood",
        series="series",
        names={"mood": gettext(AXES["mood"], lang)},
        title=gettext(TITLES["check_ins"], lang),
        x_label=gettext(AXES["week"], lang),
        y_label=gettext(AXES["mood"], lang),
        note=note,
        y_range=(0.8, 5.2),
    )
    return figure, []


_BUILDERS: dict[str, Callable[[pd.DataFrame, str, str], tuple[go.Figure, list[str]]]] = {
    "reach": _reach,
    "retention": _retention,
    "contacts": _contacts,
    "minutes": _minutes,
    "goals": _goals,
    "self_reliance": _self_reliance,
    "digital_skills": _digital_skills,
    "check_ins": _check_ins,
}


def evaluation_chart(
    key: str, frame: pd.DataFrame, *, threshold: int, lang: str
) -> EvaluationChart:
    """The chart of one family (``key`` as in ``services.evaluation.FAMILIES``)."""
    figure, sentences = _BUILDERS[key](frame, lang, hidden_note(threshold, lang))
    return EvaluationChart(
        key=key,
        title=gettext(TITLES[key], lang),
        explanation=gettext(EXPLANATIONS[key], lang),
        figure=figure,
        sentences=[*sentences, hidden_sentence(frame, threshold, lang)],
    )
