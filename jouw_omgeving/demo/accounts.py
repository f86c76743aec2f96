"""The demo logins: fixed usernames, roles and secrets that the README lists.

These exist only in demo data. Never load demo data into a database with real people in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from jouw_omgeving.models.enums import Role

DEMO_STAFF_PASSWORD = "Welkom-demo-2026"
"""Password of every demo staff and network account."""

DEMO_PARTICIPANT_PIN = "12345"
"""PIN of every demo participant."""

DEMO_TOTP_SECRET = "JODEMOJODEMOJODEMOJODEMOJODEMO23"
"""TOTP secret (base32) of every demo staff account: ``python -m jouw_omgeving.demo totp``
prints the current code. Participants and network members have no second factor."""

COUNSELLOR_NAMES = [
    "Anja de Vries",
    "Mohamed El Amrani",
    "Petra Jansen",
    "Sanne Bakker",
    "Kees van Dijk",
    "Fatma Yilmaz",
]
"""Display names of the first counsellors (begeleider1..6); more get generated names."""

PARTICIPANT_FIRST_NAMES = [
    "Jan", "Marco", "Sandra", "Peter", "Ricardo", "Linda", "Ahmed", "Esther", "Dennis", "Wendy",
    "Mustafa", "Patrick", "Monique", "Rob", "Samira", "Erik", "Jolanda", "Kevin", "Nicole",
    "Hassan", "Priscilla", "Henk", "Bianca", "Stefan", "Yvonne", "Gerrit", "Naima", "Ronald",
    "Tamara", "Edwin", "Ilse", "Jeroen", "Shirley", "Bart", "Fatima", "Wim", "Chantal", "Ruud",
    "Angela", "Youssef", "Ingrid", "Mark", "Desiree", "Ferry", "Miranda", "Orlando",
]  # fmt: skip

SURNAMES = [
    "Bos", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Vos", "Peters",
    "Hendriks", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Kaya", "Öztürk", "Koster",
    "Verhoeven", "Prins", "Huisman", "Kok", "Postma", "van Leeuwen", "Willems", "Kuipers",
]  # fmt: skip


@dataclass(frozen=True)
class DemoAccount:
    """One demo login: username, role and the secret that logs it in."""

    username: str
    role: Role
    secret: str


def counsellor_username(number: int) -> str:
    """``begeleider1``, ``begeleider2``, ... (1-based)."""
    return f"begeleider{number}"


def participant_username(number: int) -> str:
    """``deelnemer01`` ... ``deelnemer40``; wider numbers past 99 (1-based)."""
    return f"deelnemer{number:02d}"


def participant_display_name(number: int) -> str:
    """A Dutch first name and an initial, e.g. ``Jan B.`` (deterministic, 1-based)."""
    first = PARTICIPANT_FIRST_NAMES[(number - 1) % len(PARTICIPANT_FIRST_NAMES)]
    initial = SURNAMES[(number * 7) % len(SURNAMES)].split()[-1][0].upper()
    return f"{first} {initial}."


def counsellor_display_name(number: int) -> str:
    """A realistic Dutch full name for counsellor ``number`` (1-based, deterministic)."""
    if number <= len(COUNSELLOR_NAMES):
        return COUNSELLOR_NAMES[number - 1]
    first = PARTICIPANT_FIRST_NAMES[(number * 5) % len(PARTICIPANT_FIRST_NAMES)]
    last = SURNAMES[(number * 3) % len(SURNAMES)]
    return f"{first} {last}"


EVALUATOR_USERNAME = "evaluator"
EVALUATOR_DISPLAY_NAME = "Dr. Ingrid Vermeulen"
ADMIN_USERNAME = "beheerder"
ADMIN_DISPLAY_NAME = "Joost Hoekstra"


@dataclass(frozen=True)
class PartnerAccount:
    """A partner organisation of the demo and its one partner login."""

    organisation: str
    partner_type: str
    username: str
    display_name: str


PARTNER_ACCOUNTS = [
    PartnerAccount("GGZ Oost", "ggz", "partner-ggz", "Lotte Hermans"),
    PartnerAccount("Schuldhulp Stad", "schuldhulp", "partner-schuldhulp", "Bas Willems"),
    PartnerAccount("Reclassering Midden", "reclassering", "partner-reclassering", "Ruben Kok"),
    PartnerAccount("Woonstichting Thuis", "wonen", "partner-wonen", "Ellen Smit"),
    PartnerAccount("GGZ West", "ggz", "partner-ggz-west", "Tessa Mulder"),
    PartnerAccount("Schuldhulp Noord", "schuldhulp", "partner-schuldhulp-noord", "Omar Bouzid"),
]
"""Partner organisations in order; the default scale uses the first two."""
DEMO_PARTNER_COUNT = 2
NETWORK_USERNAMES = ["netwerk1", "netwerk2"]
NETWORK_DISPLAY_NAMES = ["Marieke B.", "Ton K."]
NETWORK_RELATIONS = ["zus", "buddy"]
DEMO_COUNSELLOR_COUNT = 6
DEMO_PARTICIPANT_COUNT = 40


def demo_accounts() -> list[DemoAccount]:
    """Every fixed demo login of the default scale, in a stable order."""
    staff = DEMO_STAFF_PASSWORD
    accounts = [
        DemoAccount(counsellor_username(n), Role.COUNSELLOR, staff)
        for n in range(1, DEMO_COUNSELLOR_COUNT + 1)
    ]
    accounts += [
        DemoAccount(participant_username(n), Role.PARTICIPANT, DEMO_PARTICIPANT_PIN)
        for n in range(1, DEMO_PARTICIPANT_COUNT + 1)
    ]
    accounts += [
        DemoAccount(EVALUATOR_USERNAME, Role.EVALUATOR, staff),
        DemoAccount(ADMIN_USERNAME, Role.ADMIN, staff),
    ]
    accounts += [
        DemoAccount(partner.username, Role.PARTNER, staff)
        for partner in PARTNER_ACCOUNTS[:DEMO_PARTNER_COUNT]
    ]
    accounts += [DemoAccount(name, Role.NETWORK_MEMBER, staff) for name in NETWORK_USERNAMES]
    return accounts


DEMO_ACCOUNTS: list[DemoAccount] = demo_accounts()
"""The fixed demo logins (default scale; larger scales add more of the same patterns)."""
