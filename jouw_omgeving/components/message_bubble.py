"""Message bubbles and the send box, shared by the participant's and the counsellor's thread.

Message text is rendered as a text node (React escapes it): HTML in a message shows as the
characters typed. ``dir="auto"`` lets Arabic or Hebrew text run right to left.
"""

import reflex as rx
from reflex_components_core.core.banner import has_connection_errors

from jouw_omgeving.components.text import t
from jouw_omgeving.state.messages import MAX_ATTACHMENT_BYTES, ThreadState
from jouw_omgeving.state.messages_draft import INPUT_ID, save_draft_script, take_draft_script


def _attachment(message) -> rx.Component:
    """A photo shown scaled down (tap to open it whole), or a link to open the PDF."""
    return rx.cond(
        message["attachment_url"] != "",
        rx.el.a(
            rx.cond(
                message["attachment_is_image"],
                rx.image(
                    src=message["attachment_url"],
                    alt=message["body"],
                    max_width="100%",
                    max_height="16rem",
                    border_radius="0.5rem",
                ),
                rx.hstack(
                    rx.icon("file-text", aria_hidden="true"),
                    rx.text(t("PDF openen")),
                    align="center",
                    spacing="2",
                ),
            ),
            href=message["attachment_url"],
            target="_blank",
            rel="noopener",
            class_name="message-attachment",
        ),
        rx.fragment(),
    )


UPLOAD_ID = "attachment"


def message_bubble(message) -> rx.Component:
    """One message: own messages on the right; "gelezen" under own messages once read."""
    return rx.box(
        rx.vstack(
            _attachment(message),
            rx.text(
                message["body"],
                dir="auto",
                white_space="pre-wrap",
                overflow_wrap="anywhere",
                size="4",
                class_name="message-body",
            ),
            rx.hstack(
                rx.text(message["sender"], weight="bold", size="2"),
                rx.text(message["sent_at"], size="2", color="var(--gray-11)"),
                rx.cond(
                    message["read"],
                    rx.hstack(
                        rx.icon("check-check", size=16, aria_hidden="true"),
                        rx.text(t("gelezen"), size="2"),
                        spacing="1",
                        align="center",
                        class_name="message-read",
                    ),
                    rx.fragment(),
                ),
                spacing="2",
                align="center",
                wrap="wrap",
            ),
            spacing="1",
        ),
        background=rx.cond(message["mine"], "var(--indigo-3)", "var(--gray-3)"),
        border_radius="0.75rem",
        padding="0.75rem 1rem",
        max_width="85%",
        align_self=rx.cond(message["mine"], "flex-end", "flex-start"),
        class_name=rx.cond(message["mine"], "message message-mine", "message message-theirs"),
    )


def message_list() -> rx.Component:
    """Older messages on demand, then the messages oldest to newest (announced politely)."""
    return rx.vstack(
        rx.cond(
            ThreadState.has_older,
            rx.button(
                rx.icon("chevron-up", aria_hidden="true"),
                t("Oudere berichten"),
                on_click=ThreadState.load_older,
                variant="soft",
                size="3",
                id="load-older",
            ),
            rx.fragment(),
        ),
        rx.cond(
            ThreadState.messages.length() > 0,
            rx.fragment(),
            rx.text(t("Nog geen berichten. Schrijf het eerste bericht.")),
        ),
        rx.foreach(ThreadState.messages, message_bubble),
        width="100%",
        spacing="3",
        id="messages",
        aria_live="polite",
    )


def _alert_when(
    shown: rx.Var | bool, text: rx.Var | str, icon: str, element_id: str, color: str = "red"
) -> rx.Component:
    """A callout announced to screen readers, shown while ``shown`` holds."""
    callout = rx.callout(
        text, icon=icon, color_scheme=color, role="alert", id=element_id, width="100%"
    )
    return callout if shown is True else rx.cond(shown, callout, rx.fragment())


def send_box() -> rx.Component:
    """The text box (its draft kept in the browser), the send button and what went wrong."""
    return rx.vstack(
        rx.el.label(t("Jouw bericht"), html_for=INPUT_ID, font_weight="bold"),
        rx.text_area(
            id=INPUT_ID,
            name="body",
            rows="4",
            size="3",
            width="100%",
            dir="auto",
            custom_attrs={"data-thread": ThreadState.public_id},
            on_change=rx.call_script(save_draft_script()),
        ),
        _alert_when(
            has_connection_errors,
            t("Geen verbinding. Nog niet verstuurd — probeer opnieuw."),
            "wifi-off",
            "not-sent",
            color="orange",
        ),
        _alert_when(
            ThreadState.send_error != "", ThreadState.send_error, "triangle-alert", "send-error"
        ),
        rx.hstack(
            rx.button(
                rx.icon("send", aria_hidden="true"),
                t("Versturen"),
                on_click=rx.call_script(take_draft_script(), callback=ThreadState.send),
                loading=ThreadState.sending,
                size="4",
                id="send",
            ),
            rx.upload.root(
                rx.button(
                    rx.icon("paperclip", aria_hidden="true"),
                    t("Foto of PDF sturen"),
                    type="button",
                    variant="soft",
                    size="4",
                ),
                id=UPLOAD_ID,
                multiple=False,
                max_files=1,
                max_size=MAX_ATTACHMENT_BYTES,
                no_keyboard=True,  # the button inside is the one tab stop
                on_drop=ThreadState.send_file(rx.upload_files(upload_id=UPLOAD_ID)),
                on_drop_rejected=ThreadState.file_refused,
            ),
            spacing="3",
            wrap="wrap",
        ),
        width="100%",
        spacing="2",
    )


def thread_body() -> rx.Component:
    """Who reads along, the messages, and (for those who take part) the send box."""
    return rx.cond(
        ThreadState.error != "",
        _alert_when(True, ThreadState.error, "ban", "error"),
        rx.vstack(
            rx.hstack(
                rx.icon("users", aria_hidden="true"),
                rx.text(ThreadState.readers, id="thread-readers"),
                align="center",
                spacing="2",
            ),
            message_list(),
            rx.cond(ThreadState.can_write, send_box(), rx.fragment()),
            rx.cond(
                ThreadState.worker != "",
                rx.el.span(id="worker", hidden=True, custom_attrs={"data-pid": ThreadState.worker}),
                rx.fragment(),
            ),
            width="100%",
            spacing="4",
            # Room below the send button, so Reflex's connection notice never covers it.
            padding_bottom="6rem",
        ),
    )
