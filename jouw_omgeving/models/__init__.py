"""All tables. Importing this package registers them on ``SQLModel.metadata``."""

from jouw_omgeving.models.audit import AuditEntry
from jouw_omgeving.models.caseload import CaseloadAssignment
from jouw_omgeving.models.consent import Consent, ConsentRecord
from jouw_omgeving.models.contacts import Appointment, ContactMoment
from jouw_omgeving.models.content import (
    Assignment,
    ContentItem,
    ContentVersion,
    Feedback,
    Submission,
)
from jouw_omgeving.models.erasure import ErasureRequest
from jouw_omgeving.models.goals import Goal, GoalShare, GoalStatusChange, GoalStep
from jouw_omgeving.models.instruments import (
    Assessment,
    AssessmentScore,
    CheckIn,
    Instrument,
    LifeDomain,
    ScaleLevel,
)
from jouw_omgeving.models.messages import Attachment, Message, MessageThread, ThreadReadMarker
from jouw_omgeving.models.network import NetworkMembership
from jouw_omgeving.models.oidc import OidcLoginRequest
from jouw_omgeving.models.organisations import Organisation, Team
from jouw_omgeving.models.users import ActivationCode, LoginAttempt, LoginSession, User

__all__ = [
    "ActivationCode",
    "Appointment",
    "Assessment",
    "AssessmentScore",
    "Assignment",
    "Attachment",
    "AuditEntry",
    "CaseloadAssignment",
    "CheckIn",
    "Consent",
    "ConsentRecord",
    "ContactMoment",
    "ContentItem",
    "ContentVersion",
    "ErasureRequest",
    "Feedback",
    "Goal",
    "GoalShare",
    "GoalStatusChange",
    "GoalStep",
    "Instrument",
    "LifeDomain",
    "LoginAttempt",
    "LoginSession",
    "Message",
    "MessageThread",
    "NetworkMembership",
    "OidcLoginRequest",
    "Organisation",
    "ScaleLevel",
    "Submission",
    "Team",
    "ThreadReadMarker",
    "User",
]
