"""The participant's message list, and one thread (participant and counsellor alike).

Handlers take the thread's public id from the URL (any JSON type, validated by the
services) and re-check the session every time. Message text is only ever sent to the
browser as data and shown as text. Sending: :mod:`.messages_draft` keeps the draft in the
browser; live updates: :meth:`ThreadState.watch` polls the database.
"""

import time
from functools import partial
from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, format_datetime, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.routes import attachment_url
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.messages import (
    MessageItem,
    is_read_by_other_side,
    open_thread,
    poll_thread,
)
from jouw_omgeving.services.messages_access import ThreadReaders
from jouw_omgeving.services.messages_attachments import MAX_ATTACHMENT_BYTES, TOO_BIG
from jouw_omgeving.services.messages_participant import participant_thread_public_id
from jouw_omgeving.services.messages_send import send_message
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.messages_draft import clear_draft_script, restore_draft_script
from jouw_omgeving.state.messages_live import (
    MAX_WATCH_SECONDS,
    RECHECK_SECONDS,
    client_connected,
    poll_as,
    still_allowed,
    store_attachment,
    worker_label,
)
from jouw_omgeving.state.outage import is_database_outage
from jouw_omgeving.state.participant_detail import ROUTE_PARAMETER as PARTICIPANT_PARAMETER
from jouw_omgeving.state.participant_detail import route_parameter
from jouw_omgeving.state.session import SessionState, authenticate
from jouw_omgeving.state.thread_news import news_board

ROUTE_PARAMETER = "thread_public_id"
THREAD_ROLES = (Role.PARTICIPANT, Role.COUNSELLOR, Role.NETWORK_MEMBER)
MAX_SEND_TEXT = 20_000  # the service refuses over 5,000; this bounds what we even look at

READERS_PARTICIPANT = N_("Dit gesprek lezen: jij en je begeleider {names}.")
READERS_STAFF = N_("Dit gesprek lezen: {participant} en begeleider {names}.")
READERS_TEAM = N_("Ook de collega's van {team} kunnen meelezen.")
READERS_NETWORK = N_("Dit gesprek lezen: jij en {name}.")
NOBODY = N_("nog niemand")
UPLOAD_LABEL = N_("Foto of PDF sturen")


class MessageView(TypedDict):
    """One message as the page shows it (plain text; no integer ids)."""

    public_id: str
    body: str
    mine: bool
    sender: str
    sent_at: str
    read: bool
    attachment_url: str  # "" without an attachment
    attachment_is_image: bool


def readers_sentence(readers: ThreadReaders, participant_view: bool, lang: str) -> str:
    """Who can read this thread, in one or two plain sentences."""
    if readers.network_member_name is not None:
        other = readers.network_member_name if participant_view else readers.participant_name
        return gettext(READERS_NETWORK, lang).format(name=other)
    names = ", ".join(readers.counsellor_names) or gettext(NOBODY, lang)
    if participant_view:
        text = gettext(READERS_PARTICIPANT, lang).format(names=names)
    else:
        text = gettext(READERS_STAFF, lang).format(
            participant=readers.participant_name, names=names
        )
    if readers.team_name:
        text += " " + gettext(READERS_TEAM, lang).format(team=readers.team_name)
    return text


def _title(readers: ThreadReaders, participant_view: bool) -> str:
    """Whom the viewer talks to: the counsellor(s) or network member, or the participant."""
    if not participant_view:
        return readers.participant_name
    if readers.network_member_name is not None:
        return readers.network_member_name
    return ", ".join(readers.counsellor_names)


class ThreadState(rx.State):
    """One open thread: a page of messages, the send box's status, live updates."""

    public_id: str = ""
    title: str = ""
    readers: str = ""
    messages: list[MessageView] = []
    has_older: bool = False
    can_write: bool = False
    error: str = ""
    send_error: str = ""
    sending: bool = False
    loaded: bool = False
    worker: str = ""  # only in the two-worker browser test (see messages_live.worker_label)
    _thread_id: int = 0
    _last_id: int = 0
    # (message id, from the participant) per shown message, for the receipts.
    _shown: list[tuple[int, bool]] = []
    _read_upto: tuple[int, int] = (0, 0)
    _generation: int = 0
    # The page the thread was opened on (a thread page, or the participant detail page).
    _opened_path: str = ""

    def _reset_view(self) -> None:
        self.public_id = self.title = self.readers = self.error = self.send_error = ""
        self.messages, self._shown = [], []
        self.has_older = self.can_write = self.sending = self.loaded = False
        self._thread_id = self._last_id = 0
        self._read_upto = (0, 0)

    def _views(self, items: list[MessageItem], lang: str) -> list[MessageView]:
        participant_upto, staff_upto = self._read_upto
        return [
            MessageView(
                public_id=item.public_id,
                body=item.body,
                mine=item.mine,
                sender=item.sender_name,
                sent_at=format_datetime(item.created_at, lang),
                read=item.mine and is_read_by_other_side(item, participant_upto, staff_upto),
                attachment_url=attachment_url(item.attachment_public_id)
                if item.attachment_public_id
                else "",
                attachment_is_image=item.attachment_type.startswith("image/"),
            )
            for item in items
        ]

    def _refresh_receipts(self) -> None:
        participant_upto, staff_upto = self._read_upto
        updated = []
        for view, (message_id, from_participant) in zip(self.messages, self._shown, strict=True):
            upto = staff_upto if from_participant else participant_upto
            read = view["mine"] and message_id <= upto
            updated.append(view if view["read"] == read else {**view, "read": read})
        self.messages = updated

    def _append(self, items: list[MessageItem], lang: str) -> None:
        fresh = [item for item in items if item.id > self._last_id]
        if fresh:
            self.messages = self.messages + self._views(fresh, lang)
            self._shown = self._shown + [(i.id, i.from_participant) for i in fresh]
            self._last_id = fresh[-1].id

    async def _show_stored(self, viewer: Viewer, item: MessageItem, lang: str) -> None:
        """Show a message just stored, after what the others sent since the last poll.

        Appending only ``item`` would move ``_last_id`` past a message that arrived between
        two polls, and the poll would never show that one.
        """
        thread_id, after = self._thread_id, self._last_id

        def work() -> list[MessageItem]:
            try:
                with db_session() as session:
                    result = poll_thread(session, viewer, thread_id=thread_id, after_id=after)
            except ServiceError:
                return []
            return result.messages

        news = await rx.run_in_thread(work)  # off the event loop
        if all(news_item.id != item.id for news_item in news):
            news = [*news, item]
        self._append(news, lang)

    async def _open(self, *roles: Role, from_participant: bool = False):
        self._reset_view()
        self._generation += 1
        viewer = await authenticate(self, *roles)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        parameter = route_parameter(
            self, PARTICIPANT_PARAMETER if from_participant else ROUTE_PARAMETER
        )

        def work():
            with db_session() as session:
                # On the participant detail page the URL names the participant, not the thread.
                thread_public_id = (
                    participant_thread_public_id(session, viewer, parameter)
                    if from_participant
                    else parameter
                )
                return open_thread(session, viewer, thread_public_id=thread_public_id)

        try:
            page = await rx.run_in_thread(work)  # off the event loop
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            self.loaded = True
            return None
        participant_view = viewer.role == Role.PARTICIPANT
        self.public_id = page.public_id
        self._thread_id = page.thread_id
        self._opened_path = self.router.url.path.rstrip("/")
        self.title = _title(page.readers, participant_view)
        self.readers = readers_sentence(page.readers, participant_view, lang)
        self.can_write = page.can_write
        self.has_older = page.has_older
        self._read_upto = (page.participant_read_upto, page.staff_read_upto)
        self._append(page.messages, lang)
        self.worker = worker_label()
        self.loaded = True
        upload_label = gettext(UPLOAD_LABEL, lang)
        return [restore_draft_script(page.public_id, upload_label), ThreadState.watch]

    @rx.event
    async def load_for_participant(self):
        """Open the thread in the URL on the participant's page."""
        return await self._open(Role.PARTICIPANT)

    @rx.event
    async def load_for_counsellor(self):
        """Open the thread in the URL on the counsellor's page."""
        return await self._open(Role.COUNSELLOR)

    @rx.event
    async def load_for_participant_detail(self):
        """Open the counsellor thread of the participant in the URL (the detail page's tab)."""
        return await self._open(Role.COUNSELLOR, from_participant=True)

    @rx.event
    def forget(self):
        """On opening a participant: drop the thread shown of the previous one (reads none)."""
        self._generation += 1
        self._reset_view()

    @rx.event
    async def load_for_network_member(self):
        """Open the thread in the URL on the network member's page."""
        return await self._open(Role.NETWORK_MEMBER)

    @rx.event
    async def load_older(self):
        """Put the page of messages before the oldest shown one on top."""
        viewer = await authenticate(self, *THREAD_ROLES)
        if not isinstance(viewer, Viewer):
            return viewer
        if not self.public_id or not self.messages:
            return None
        lang = (await self.get_state(SessionState)).lang
        try:
            with db_session() as session:
                page = open_thread(
                    session,
                    viewer,
                    thread_public_id=self.public_id,
                    before=self.messages[0]["public_id"],
                )
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            return None
        self.messages = self._views(page.messages, lang) + self.messages
        self._shown = [(i.id, i.from_participant) for i in page.messages] + self._shown
        self.has_older = page.has_older
        return None

    @rx.event
    async def send(self, draft: dict):
        """Store the draft (text and key from the browser) and show it once it is stored."""
        viewer = await authenticate(self, *THREAD_ROLES)
        if not isinstance(viewer, Viewer):
            yield viewer
            return
        lang = (await self.get_state(SessionState)).lang
        text = draft.get("text") if isinstance(draft, dict) else None
        key = draft.get("key") if isinstance(draft, dict) else None
        if isinstance(text, str) and len(text) > MAX_SEND_TEXT:
            text = text[: MAX_SEND_TEXT + 1]  # still too long: the service says so
        if not self.public_id:
            return
        self.sending, self.send_error = True, ""
        yield
        public_id = self.public_id

        def work():
            with db_session() as session:
                return send_message(
                    session, viewer, thread_public_id=public_id, body=text, idempotency_key=key
                )

        try:
            item = await rx.run_in_thread(work)  # off the event loop
        except ServiceError as refusal:
            self.send_error = gettext(refusal.message_id, lang)
            return
        finally:
            self.sending = False
        await self._show_stored(viewer, item, lang)
        yield clear_draft_script(self.public_id, str(key))

    @rx.event
    async def send_file(self, files: list[rx.UploadFile]):
        """Send one photo or PDF (checked by its content) as a message of its own."""
        viewer = await authenticate(self, *THREAD_ROLES)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        if not self.public_id or not isinstance(files, list) or len(files) != 1:
            return None
        upload = files[0]
        if not callable(getattr(upload, "read", None)):
            return None  # only Reflex's upload endpoint hands over real files
        data = await upload.read(MAX_ATTACHMENT_BYTES + 1)
        try:
            item = await rx.run_in_thread(
                partial(store_attachment, viewer, self.public_id, getattr(upload, "name", ""), data)
            )
        except ServiceError as refusal:
            self.send_error = gettext(refusal.message_id, lang)
            return None
        self.send_error = ""
        await self._show_stored(viewer, item, lang)
        return None

    @rx.event
    async def file_refused(self, _rejections: list):
        """The browser refused the file before sending it (too big)."""
        lang = (await self.get_state(SessionState)).lang
        self.send_error = gettext(TOO_BIG, lang)

    @rx.event
    def stop_watching(self):
        """End this tab's polling loop at its next tick.

        Not tied to the page's unmount: after a reconnect (a worker died) Reflex renders the
        page again, and that unmount would end the loop the new page load just started. The
        loop also ends by itself once the tab's events come from another page.
        """
        self._generation += 1

    def _still_on_this_thread(self) -> bool:
        """Whether the tab's latest event came from the page the thread was opened on."""
        return bool(self.public_id) and self.router.url.path.rstrip("/") == self._opened_path

    @rx.event(background=True)
    async def watch(self):
        """Wait for new messages and receipts while this thread stays open.

        The worker's news board (:mod:`.thread_news`) asks the database for all its open
        threads at once and wakes this loop only when this thread changed; the tab's state
        is locked only to deliver news and for the periodic check (every
        ``RECHECK_SECONDS``) that the tab is still on this thread and signed in.
        """
        async with self:
            generation = self._generation
            thread_id = self._thread_id
            token = self.router.session.client_token
            cookie = self.router.headers.cookie
            address = self.router.session.client_ip or ""
            lang = (await self.get_state(SessionState)).lang
        if not thread_id:
            return
        deadline = time.monotonic() + MAX_WATCH_SECONDS
        seen: tuple[int, int] | None = None  # the news mark the page shows
        board = news_board()
        with board.watching(thread_id):
            while time.monotonic() < deadline:
                mark = await board.next_mark(thread_id, seen, RECHECK_SECONDS)
                if not await client_connected(token):
                    return
                async with self:
                    if self._generation != generation or self._thread_id != thread_id:
                        return
                    if not self._still_on_this_thread():
                        return
                    after = self._last_id
                if mark is None:
                    continue  # no answer yet (the database is restarting): wait on
                if mark == seen:
                    allowed = await rx.run_in_thread(
                        partial(still_allowed, cookie, address, THREAD_ROLES)
                    )
                    if not allowed:
                        return  # session gone: the next click redirects
                    continue
                try:
                    result = await rx.run_in_thread(
                        partial(poll_as, cookie, address, thread_id, after, THREAD_ROLES)
                    )
                except Exception as error:
                    if is_database_outage(error):
                        continue
                    raise
                if result is None:
                    return  # session gone or access withdrawn: the next click redirects
                seen = mark
                async with self:
                    if self._generation != generation:
                        return
                    self._append(result.messages, lang)
                    positions = (result.participant_read_upto, result.staff_read_upto)
                    if positions != self._read_upto:
                        self._read_upto = positions
                        self._refresh_receipts()
