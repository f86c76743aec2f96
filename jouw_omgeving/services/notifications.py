"""The notification hook: someone has a new message. Never the text, never the sender.

Shared phones are common, so a notification may only say *that* there is something new.
The hook therefore receives nothing but the recipient's user id and the thread's public id;
an implementation (push, SMS "je hebt een bericht") looks up what it may show itself.
"""

from typing import Protocol


class MessageNotifier(Protocol):
    """Told about each new message; must stay content-free."""

    def message_arrived(self, *, recipient_id: int, thread_public_id: str) -> None:
        """A message for ``recipient_id`` arrived in the thread ``thread_public_id``."""


class NoNotifications:
    """The default: the in-app unread badges are the only notification."""

    def message_arrived(self, *, recipient_id: int, thread_public_id: str) -> None:
        """Do nothing."""


_notifier: MessageNotifier = NoNotifications()


def get_notifier() -> MessageNotifier:
    """The notifier in use."""
    return _notifier


def set_notifier(notifier: MessageNotifier) -> MessageNotifier:
    """Install ``notifier`` (e.g. at start-up or in a test); returns the previous one."""
    global _notifier
    previous, _notifier = _notifier, notifier
    return previous
