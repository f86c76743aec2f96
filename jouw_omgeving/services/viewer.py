"""Who is asking: resolved on the server from the session, never sent by the browser."""

from dataclasses import dataclass

from jouw_omgeving.models import User
from jouw_omgeving.models.enums import Role


@dataclass(frozen=True)
class Viewer:
    """The logged-in user as services need them."""

    user_id: int
    role: Role
    organisation_id: int | None
    team_id: int | None
    is_team_lead: bool
    client_address: str | None = None
    # A staff account still on its one-time initial password (see services/own_password.py).
    must_change_password: bool = False
    # The right to write and publish content (counsellors; admins may always).
    is_content_editor: bool = False

    @classmethod
    def of(cls, user: User, client_address: str | None = None) -> "Viewer":
        """Build a viewer from a user row."""
        return cls(
            user_id=user.id,
            role=Role(user.role),
            organisation_id=user.organisation_id,
            team_id=user.team_id,
            is_team_lead=user.is_team_lead,
            client_address=client_address,
            must_change_password=bool(user.must_change_password),
            is_content_editor=bool(user.is_content_editor),
        )
