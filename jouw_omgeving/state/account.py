"""The logged-in user's own account: "log out everywhere"."""

import reflex as rx

from jouw_omgeving.auth.sessions import session_revoke_all
from jouw_omgeving.db import db_session
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.messages_draft import CLEAR_ALL_DRAFTS_SCRIPT
from jouw_omgeving.state.session import SessionState, authenticate

# A real POST to the route that clears the HttpOnly cookie; a full page load follows, so
# the websocket reconnects without the (now revoked) session.
LOGOUT_POST_SCRIPT = CLEAR_ALL_DRAFTS_SCRIPT + (
    "const f=document.createElement('form');f.method='post';f.action='/auth/logout';"
    "document.body.appendChild(f);f.submit();"
)


class AccountState(rx.State):
    """Actions on the logged-in user's own account."""

    @rx.event
    async def logout_everywhere(self):
        """End every session of the logged-in user (all devices), then go to the login page."""
        viewer = await authenticate(self)
        if not isinstance(viewer, Viewer):
            return viewer
        with db_session() as session:
            session_revoke_all(session, user_id=viewer.user_id)
        (await self.get_state(SessionState))._forget_check()
        return rx.call_script(LOGOUT_POST_SCRIPT)
