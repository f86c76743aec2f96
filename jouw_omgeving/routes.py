"""Every page route in one place (Dutch URLs), and where each role starts."""

from jouw_omgeving.models.enums import Role

LOGIN = "/inloggen"
PARTICIPANT_HOME = "/deelnemer"
PARTICIPANT_GOALS = "/deelnemer/doelen"
COUNSELLOR_HOME = "/begeleider"
EVALUATOR_HOME = "/evaluator"
ADMIN_HOME = "/beheer"
PARTNER_HOME = "/ketenpartner"
NETWORK_HOME = "/netwerk"

_HOMES = {
    Role.PARTICIPANT: PARTICIPANT_HOME,
    Role.COUNSELLOR: COUNSELLOR_HOME,
    Role.EVALUATOR: EVALUATOR_HOME,
    Role.ADMIN: ADMIN_HOME,
    Role.PARTNER: PARTNER_HOME,
    Role.NETWORK_MEMBER: NETWORK_HOME,
}


def home_for_role(role: str) -> str:
    """The start page of a role."""
    return _HOMES.get(Role(role), LOGIN)
