"""Every page route in one place (Dutch URLs), and where each role starts."""

from jouw_omgeving.models.enums import Role

LOGIN = "/inloggen"
# A staff account on its one-time initial password is sent here by authenticate().
CHOOSE_PASSWORD = "/wachtwoord-kiezen"  # noqa: S105 (a page route, not a password)
PARTICIPANT_HOME = "/deelnemer"
PARTICIPANT_GOALS = "/deelnemer/doelen"
PARTICIPANT_ACCESS_LOG = "/deelnemer/wie-keek-mee"
PARTICIPANT_GOAL_NEW = "/deelnemer/doelen/nieuw"
PARTICIPANT_GOAL_BASE = "/deelnemer/doel"
PARTICIPANT_GOAL = f"{PARTICIPANT_GOAL_BASE}/[goal_public_id]"
COUNSELLOR_HOME = "/begeleider"
COUNSELLOR_PARTICIPANT_BASE = "/begeleider/deelnemer"
COUNSELLOR_PARTICIPANT = f"{COUNSELLOR_PARTICIPANT_BASE}/[participant_public_id]"
EVALUATOR_HOME = "/evaluator"
ADMIN_HOME = "/beheer"
ADMIN_AUDIT = "/beheer/audit"
ADMIN_ORGANISATIONS = "/beheer/organisaties"
ADMIN_ACCOUNTS = "/beheer/accounts"
ADMIN_ACCOUNT_BASE = "/beheer/accounts"
ADMIN_ACCOUNT = f"{ADMIN_ACCOUNT_BASE}/[user_public_id]"
ADMIN_PARTICIPANTS = "/beheer/deelnemers"
ADMIN_CASELOADS = "/beheer/begeleiding"
ADMIN_ERASURE = "/beheer/verwijderverzoeken"
ADMIN_INSTRUMENTS = "/beheer/instrumenten"
ADMIN_SETTINGS_BASE = "/beheer/instellingen"
ADMIN_SETTINGS = f"{ADMIN_SETTINGS_BASE}/[organisation_public_id]"
PARTNER_HOME = "/ketenpartner"
PARTNER_PARTICIPANT_BASE = "/ketenpartner/deelnemer"
PARTNER_PARTICIPANT = f"{PARTNER_PARTICIPANT_BASE}/[participant_public_id]"
NETWORK_HOME = "/netwerk"
ACTIVATE = "/activeren"
COUNSELLOR_NEW_PARTICIPANT = "/begeleider/nieuwe-deelnemer"
COUNSELLOR_ACTIVATION_CARD_BASE = "/begeleider/activatiekaart"
COUNSELLOR_ACTIVATION_CARD = f"{COUNSELLOR_ACTIVATION_CARD_BASE}/[participant_public_id]"

# Planned pages, named here first so features built in parallel link to each other.
PARTICIPANT_MESSAGES = "/deelnemer/berichten"
PARTICIPANT_THREAD_BASE = "/deelnemer/berichten"
PARTICIPANT_THREAD = f"{PARTICIPANT_THREAD_BASE}/[thread_public_id]"
PARTICIPANT_PROGRESS = "/deelnemer/voortgang"
PARTICIPANT_SELF_ASSESSMENT = "/deelnemer/voortgang/hoe-gaat-het"
PARTICIPANT_CHECK_IN = "/deelnemer/voortgang/check-in"
PARTICIPANT_ASSIGNMENTS = "/deelnemer/opdrachten"
PARTICIPANT_ASSIGNMENT_BASE = "/deelnemer/opdracht"
PARTICIPANT_ASSIGNMENT = f"{PARTICIPANT_ASSIGNMENT_BASE}/[assignment_public_id]"
PARTICIPANT_LIBRARY = "/deelnemer/informatie"
PARTICIPANT_CONTENT_BASE = "/deelnemer/informatie"
PARTICIPANT_CONTENT = f"{PARTICIPANT_CONTENT_BASE}/[content_public_id]"
PARTICIPANT_DIGITAL_SKILLS = "/deelnemer/digitale-vaardigheden"
PARTICIPANT_LESSON_BASE = "/deelnemer/digitale-vaardigheden"
PARTICIPANT_LESSON = f"{PARTICIPANT_LESSON_BASE}/[content_public_id]"
PARTICIPANT_APPOINTMENTS = "/deelnemer/afspraken"
PARTICIPANT_CONSENT = "/deelnemer/wie-kijkt-mee"
PARTICIPANT_MY_DATA = "/deelnemer/mijn-gegevens"
PARTICIPANT_HELP = "/deelnemer/hulp"
PARTICIPANT_NETWORK = "/deelnemer/netwerk"
PARTICIPANT_SETTINGS = "/deelnemer/instellingen"
COUNSELLOR_INBOX = "/begeleider/berichten"
COUNSELLOR_THREAD_BASE = "/begeleider/berichten"
COUNSELLOR_THREAD = f"{COUNSELLOR_THREAD_BASE}/[thread_public_id]"
COUNSELLOR_TEAM = "/begeleider/team"
NETWORK_MESSAGES = "/netwerk/berichten"
NETWORK_THREAD_BASE = "/netwerk/berichten"
NETWORK_THREAD = f"{NETWORK_THREAD_BASE}/[thread_public_id]"
# Not a page: a backend route that sends an attachment to those who may read its thread.
ATTACHMENT_BASE = "/bijlage"
# Not a page: a backend route that streams the participant's own "Mijn gegevens" file.
MY_DATA_FILE = "/mijn-gegevens.json"
EVALUATOR_REPORT = "/evaluator/rapport"
# Content authoring, for admins and counsellors with the editor right.
CONTENT_LIST = "/inhoud"
CONTENT_EDITOR_BASE = "/inhoud"
CONTENT_EDITOR = f"{CONTENT_EDITOR_BASE}/[content_public_id]"
CONTENT_NEW = f"{CONTENT_EDITOR_BASE}/nieuw"

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


def content_editor(public_id: object) -> str:
    """The editor of one content item (``public_id`` may be a str or a Var)."""
    return f"{CONTENT_EDITOR_BASE}/{public_id}"


def counsellor_participant(public_id: object) -> str:
    """The detail page of one participant (``public_id`` may be a str or a Var)."""
    return f"{COUNSELLOR_PARTICIPANT_BASE}/{public_id}"


def partner_participant(public_id: object) -> str:
    """One participant as a partner sees them (``public_id`` may be a str or a Var)."""
    return f"{PARTNER_PARTICIPANT_BASE}/{public_id}"


def activation_card(public_id: object) -> str:
    """The page with a freshly issued activation code and its printable card."""
    return f"{COUNSELLOR_ACTIVATION_CARD_BASE}/{public_id}"


def participant_goal(public_id: object) -> str:
    """One goal on the participant's board (``public_id`` may be a str or a Var)."""
    return f"{PARTICIPANT_GOAL_BASE}/{public_id}"


def participant_thread(public_id: object) -> str:
    """A message thread as the participant opens it."""
    return f"{PARTICIPANT_THREAD_BASE}/{public_id}"


def counsellor_thread(public_id: object) -> str:
    """A message thread as a counsellor opens it."""
    return f"{COUNSELLOR_THREAD_BASE}/{public_id}"


def network_thread(public_id: object) -> str:
    """A message thread as the network member opens it."""
    return f"{NETWORK_THREAD_BASE}/{public_id}"


def admin_account(public_id: object) -> str:
    """An admin's page of one staff account."""
    return f"{ADMIN_ACCOUNT_BASE}/{public_id}"


def admin_settings(public_id: object) -> str:
    """An admin's page of one organisation's settings."""
    return f"{ADMIN_SETTINGS_BASE}/{public_id}"


def attachment_url(public_id: object) -> str:
    """Where an attachment is downloaded (a backend route, not a page)."""
    return f"{ATTACHMENT_BASE}/{public_id}"


def participant_assignment(public_id: object) -> str:
    """One assignment as the participant answers it."""
    return f"{PARTICIPANT_ASSIGNMENT_BASE}/{public_id}"


def participant_content(public_id: object) -> str:
    """One information item of the library."""
    return f"{PARTICIPANT_CONTENT_BASE}/{public_id}"


def participant_lesson(public_id: object) -> str:
    """One lesson of the digital-skills track."""
    return f"{PARTICIPANT_LESSON_BASE}/{public_id}"
