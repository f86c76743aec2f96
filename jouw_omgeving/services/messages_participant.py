"""The counsellor thread of one participant, found from the participant (the detail page).

The detail page knows the participant, not the thread: this resolves the one to the other
under the messages guard (audited), so the page can open the thread with the ordinary
thread services (reading marks it read, as in the inbox).
"""

from sqlmodel import Session

from jouw_omgeving.services.access import Category
from jouw_omgeving.services.messages import ensure_counsellor_thread
from jouw_omgeving.services.participants import participant_by_public_id
from jouw_omgeving.services.viewer import Viewer


def participant_thread_public_id(
    session: Session, viewer: Viewer, participant_public_id: object
) -> str:
    """The public id of the participant's counsellor thread (created the first time).

    Raises:
        AccessDenied: unknown, malformed, or the viewer may not read this participant's
            messages (one message for all; audited).
    """
    participant = participant_by_public_id(
        session, viewer, participant_public_id, category=Category.MESSAGES
    )
    return str(ensure_counsellor_thread(session, participant.id).public_id)
