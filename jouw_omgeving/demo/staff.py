"""Organisations, teams and staff accounts (counsellors, evaluator, admin, partners)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from jouw_omgeving.demo import accounts
from jouw_omgeving.demo.context import (
    Counsellor,
    DemoContext,
    random_hex,
    random_uuid,
)
from jouw_omgeving.models import Organisation, Team, User
from jouw_omgeving.models.enums import OrganisationKind, Role

OWN_ORGANISATION_NAME = "Leger des Heils"
TEAM_CITIES = [
    "Amsterdam-Oost", "Utrecht", "Rotterdam-Zuid", "Den Haag", "Eindhoven", "Groningen",
    "Arnhem", "Zwolle", "Almere", "Leeuwarden", "Tilburg", "Nijmegen", "Haarlem", "Breda",
    "Enschede", "Maastricht", "Amersfoort", "Apeldoorn", "Leiden", "Deventer",
]  # fmt: skip


def _label(nl: str, en: str) -> dict[str, str]:
    return {"nl": nl, "en": en}


# Shown on every participant page; an admin keeps these up to date per organisation.
HELP_NUMBERS = [
    {"label": _label("Spoed: politie, brandweer, ambulance", "Emergency"), "number": "112"},
    {
        "label": _label(
            "113 Zelfmoordpreventie (gratis, dag en nacht)",
            "113 Suicide prevention (free, day and night)",
        ),
        "number": "0800-0113",
    },
    {
        "label": _label("Leger des Heils hulplijn", "Salvation Army helpline"),
        "number": "036-5398111",
    },
    {"label": _label("Politie, geen spoed", "Police, non-emergency"), "number": "0900-8844"},
    {
        "label": _label(
            "Huisartsenpost Amsterdam (avond, nacht, weekend)", "Amsterdam out-of-hours GP"
        ),
        "number": "088-0030600",
    },
]

OWN_SETTINGS: dict[str, Any] = {"help_numbers": HELP_NUMBERS, "suppression_threshold": 5}


def team_name(index: int) -> str:
    """``Team Amsterdam-Oost``, ``Team Utrecht``, ... numbered once the cities run out."""
    city = TEAM_CITIES[index % len(TEAM_CITIES)]
    round_ = index // len(TEAM_CITIES)
    return f"Team {city}" if round_ == 0 else f"Team {city} {round_ + 1}"


def user_row(ctx: DemoContext, rng, **values: Any) -> dict[str, Any]:
    """A complete ``app_user`` row (bulk inserts need the same keys in every row)."""
    row: dict[str, Any] = {
        "public_id": random_uuid(rng),
        "pseudonym": random_hex(rng, 12),
        "password_hash": ctx.staff_hash,
        "totp_secret": None,
        "oidc_subject": None,
        "organisation_id": ctx.own_organisation_id,
        "team_id": None,
        "is_team_lead": False,
        "is_content_editor": False,
        "language": "nl",
        "large_text": False,
        "active": True,
        "enrolled_at": None,
        "last_active_at": None,
        "created_at": ctx.pilot_start - timedelta(days=30),
        "deactivated_at": None,
    }
    row.update(values)
    return row


def add_organisations(ctx: DemoContext) -> None:
    """The own organisation, its teams and the partner organisations."""
    rng = ctx.rng("organisations")
    created = ctx.pilot_start - timedelta(days=60)
    ctx.own_organisation_id = ctx.add(
        Organisation,
        {
            "public_id": random_uuid(rng),
            "name": OWN_ORGANISATION_NAME,
            "kind": OrganisationKind.OWN.value,
            "partner_type": None,
            "settings": OWN_SETTINGS,
            "created_at": created,
        },
    )
    for index in range(ctx.scale.teams):
        team_id = ctx.add(
            Team,
            {
                "public_id": random_uuid(rng),
                "organisation_id": ctx.own_organisation_id,
                "name": team_name(index),
                "team_reads_messages": index % 2 == 0,
                "created_at": created,
            },
        )
        ctx.team_ids.append(team_id)
    for partner in accounts.PARTNER_ACCOUNTS[: ctx.scale.partner_organisations]:
        organisation_id = ctx.add(
            Organisation,
            {
                "public_id": random_uuid(rng),
                "name": partner.organisation,
                "kind": OrganisationKind.PARTNER.value,
                "partner_type": partner.partner_type,
                "settings": {},
                "created_at": created,
            },
        )
        ctx.partner_organisation_ids.append(organisation_id)


def add_staff(ctx: DemoContext) -> None:
    """Counsellors (first of each team leads it), evaluator, admin and partner workers."""
    rng = ctx.rng("staff")
    scale = ctx.scale
    editor_index = min(2, scale.counsellors - 1)
    for index in range(scale.counsellors):
        number = index + 1
        team_id = ctx.team_ids[index * scale.teams // scale.counsellors]
        is_lead = team_id not in ctx.team_lead_ids
        name = accounts.counsellor_display_name(number)
        user_id = ctx.add(
            User,
            user_row(
                ctx,
                rng,
                role=Role.COUNSELLOR.value,
                display_name=name,
                username=accounts.counsellor_username(number),
                totp_secret=accounts.DEMO_TOTP_SECRET,
                team_id=team_id,
                is_team_lead=is_lead,
                is_content_editor=index == editor_index,
                last_active_at=ctx.now
                - timedelta(days=rng.randint(1, 3), hours=rng.randint(4, 14)),
            ),
        )
        if is_lead:
            ctx.team_lead_ids[team_id] = user_id
        if index == editor_index:
            ctx.content_editor_id = user_id
        ctx.counsellors.append(Counsellor(user_id, number, team_id, name.split()[0]))
        ctx.counsellor_names[user_id] = name.split()[0]
    for username, role, name in [
        (accounts.EVALUATOR_USERNAME, Role.EVALUATOR, accounts.EVALUATOR_DISPLAY_NAME),
        (accounts.ADMIN_USERNAME, Role.ADMIN, accounts.ADMIN_DISPLAY_NAME),
    ]:
        user_id = ctx.add(
            User,
            user_row(
                ctx,
                rng,
                role=role.value,
                display_name=name,
                username=username,
                totp_secret=accounts.DEMO_TOTP_SECRET,
            ),
        )
        if role == Role.ADMIN:
            ctx.admin_id = user_id
    for partner, organisation_id in zip(
        accounts.PARTNER_ACCOUNTS, ctx.partner_organisation_ids, strict=False
    ):
        ctx.add(
            User,
            user_row(
                ctx,
                rng,
                role=Role.PARTNER.value,
                display_name=partner.display_name,
                username=partner.username,
                totp_secret=accounts.DEMO_TOTP_SECRET,
                organisation_id=organisation_id,
            ),
        )
