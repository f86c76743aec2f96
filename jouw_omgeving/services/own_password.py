"""A staff member replaces the one-time initial password an admin gave them.

Order of the first login of a staff account an admin created (documented in the README):

1. username + the initial password (:func:`jouw_omgeving.auth.local_login.login_check`);
2. enrolment of an authenticator app (TOTP), as on every staff login without a second factor;
3. a full session exists now, but :func:`jouw_omgeving.state.session.authenticate` refuses it
   on every page except the one where the user chooses their own password
   (:func:`own_password_change`). Only then do they reach their start page.

The password comes after the second factor: the admin who knows the initial password can
then no longer finish a login in the new user's name once the user enrolled their own app,
and the new password is chosen in a session that proved both factors.
"""

from sqlmodel import Session

from jouw_omgeving.auth.passwords import hash_secret, verify_secret
from jouw_omgeving.i18n import N_
from jouw_omgeving.models import User
from jouw_omgeving.models.enums import STAFF_ROLES
from jouw_omgeving.services.access import Action, Category, require_role
from jouw_omgeving.services.admin_common import admin_audit
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.viewer import Viewer

STAFF_PASSWORD_MIN = 12
STAFF_PASSWORD_MAX = 128
PASSWORD_RULES = N_(
    "Kies een wachtwoord van 12 tot 128 tekens, niet alleen cijfers en zonder spaties aan "
    "het begin of eind."
)
NOT_THE_SAME = N_("De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw.")
NOT_THE_OLD = N_("Kies een ander wachtwoord dan het wachtwoord dat je kreeg.")


def staff_password_problem(password: object, repeat: object) -> str | None:
    """The msgid of what is wrong with a new staff password, or ``None``."""
    if not isinstance(password, str) or not isinstance(repeat, str):
        return PASSWORD_RULES
    if (
        not STAFF_PASSWORD_MIN <= len(password) <= STAFF_PASSWORD_MAX
        or password != password.strip()
        or password.isdigit()
        or not password.isprintable()
    ):
        return PASSWORD_RULES
    return None if password == repeat else NOT_THE_SAME


def own_password_change(
    session: Session, viewer: Viewer, *, password: object, repeat: object
) -> User:
    """Store the viewer's own new password and lift the forced change; audited.

    Slow (argon2 twice): call it off the event loop.

    Raises:
        AccessDenied: the viewer is not staff (participants set a PIN at activation).
        InvalidInput: the password breaks the rules, the two differ, or it is the old one.
    """
    require_role(
        viewer, *STAFF_ROLES, session=session, category=Category.ACCOUNT, action=Action.UPDATE
    )
    problem = staff_password_problem(password, repeat)
    if problem:
        raise InvalidInput(problem, "new password refused")
    user = session.get(User, viewer.user_id)
    old_hash = user.password_hash
    # End the read before the slow hashes: no transaction is held while argon2 runs.
    session.commit()
    if verify_secret(old_hash, str(password)):
        raise InvalidInput(NOT_THE_OLD, "new password equals the old one")
    new_hash = hash_secret(str(password))
    user = session.get(User, viewer.user_id)
    user.password_hash = new_hash
    user.must_change_password = False
    session.add(user)
    admin_audit(
        session,
        viewer,
        action=Action.UPDATE,
        category=Category.ACCOUNT,
        detail=f"user {user.public_id} chose their own password",
    )
    session.commit()
    return user
