"""Which user an organisation's OpenID identity (``sub``) belongs to, if any.

Identities are never created on the fly: an admin links ``User.oidc_subject`` within the
user's organisation. Only active staff may log in this way.
"""

import uuid

from sqlmodel import Session, select

from jouw_omgeving.auth.oidc_errors import OidcRefusal
from jouw_omgeving.models import Organisation, User
from jouw_omgeving.models.enums import STAFF_ROLES
from jouw_omgeving.settings import OidcProviderSettings


def provider_organisation(session: Session, provider: OidcProviderSettings) -> Organisation | None:
    """The organisation a provider serves: by ``public_id``, or else by its exact name.

    A name that several organisations share matches none (configure the public id then).
    """
    try:
        public_id = uuid.UUID(provider.organisation)
    except ValueError:
        matches = session.exec(
            select(Organisation).where(Organisation.name == provider.organisation).limit(2)
        ).all()
        return matches[0] if len(matches) == 1 else None
    return session.exec(select(Organisation).where(Organisation.public_id == public_id)).first()


def staff_user_for_subject(
    session: Session, provider: OidcProviderSettings, subject: str
) -> tuple[User | None, OidcRefusal | None]:
    """The active staff member linked to ``subject`` at the provider's organisation.

    Returns ``(user, None)`` on success and ``(None, reason)`` when the login is refused.
    """
    organisation = provider_organisation(session, provider)
    if organisation is None or not subject:
        return None, OidcRefusal.UNKNOWN_ACCOUNT
    user = session.exec(
        select(User).where(User.organisation_id == organisation.id, User.oidc_subject == subject)
    ).first()
    if user is None:
        return None, OidcRefusal.UNKNOWN_ACCOUNT
    if user.role not in STAFF_ROLES:
        return None, OidcRefusal.NOT_STAFF
    if not user.active:
        return None, OidcRefusal.INACTIVE
    return user, None
