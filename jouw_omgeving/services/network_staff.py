"""The participant's network as their counsellor sees it: who is in it, read-only.

Only the participant manages their network (:mod:`.network_invites`); the caseload counsellor
and the team lead may look (category ``network``, read), and every look is audited.
"""

from datetime import datetime

from sqlmodel import Session

from jouw_omgeving.models.base import utcnow
from jouw_omgeving.services.access import Category
from jouw_omgeving.services.network_invites import NetworkRow, network_rows
from jouw_omgeving.services.participants import participant_by_public_id
from jouw_omgeving.services.viewer import Viewer


def participant_network_for_staff(
    session: Session,
    viewer: Viewer,
    participant_public_id: object,
    *,
    now: datetime | None = None,
) -> list[NetworkRow]:
    """Members and open invites of the participant in the URL, with the goals each sees.

    Raises:
        AccessDenied: unknown, malformed or not allowed (one message for all three; audited).
    """
    participant = participant_by_public_id(
        session, viewer, participant_public_id, category=Category.NETWORK
    )
    return network_rows(session, participant.id, now or utcnow())
