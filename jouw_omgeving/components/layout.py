"""The page shell: header, main landmark, logout and (for participants) a quick exit.

Participant pages also get "Voorlezen" (read aloud, in the browser, no network), a link to
their settings, larger text when they chose it, and the ``lang`` of their language.
"""

import reflex as rx

from jouw_omgeving.components.account_menu import logout_everywhere_menu
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import PARTICIPANT_SETTINGS
from jouw_omgeving.settings import get_settings
from jouw_omgeving.state.messages_draft import CLEAR_ALL_DRAFTS_SCRIPT
from jouw_omgeving.state.session import LARGE_TEXT_KEY, SessionState

APP_NAME = "Jouw Omgeving"


# A real POST to the server route that clears the HttpOnly cookie (Reflex forms cancel
# native submission, so the form is built and submitted by a tiny script).
# Message drafts kept on this device are forgotten first (phones are shared).
_LOGOUT_SCRIPT = (
    CLEAR_ALL_DRAFTS_SCRIPT
    + f"localStorage.removeItem('{LARGE_TEXT_KEY}');"
    + (
        "const f=document.createElement('form');f.method='post';f.action='/auth/logout';"
        "document.body.appendChild(f);f.submit();"
    )
)


def logout_button() -> rx.Component:
    """Log out: the server revokes the session and clears the cookie."""
    return rx.button(
        rx.icon("log-out", aria_hidden="true"),
        t("Uitloggen"),
        on_click=rx.call_script(_LOGOUT_SCRIPT),
        variant="soft",
        size="3",
    )


def quick_exit_button() -> rx.Component:
    """Leave at once for a neutral site, replacing this page in the tab's history."""
    url = get_settings().quick_exit_url
    return rx.button(
        rx.icon("door-open", aria_hidden="true"),
        t("Snel weg"),
        on_click=rx.call_script(f"window.location.replace({url!r})"),
        color_scheme="red",
        # Radix's solid red with white text is 3.9:1; high contrast (dark red) passes AA.
        high_contrast=True,
        size="3",
        id="quick-exit",
    )


# Reads the text of <main> with the browser's own speech synthesis in the page's language
# (a Dutch voice when the device has one); pressed while speaking, it stops.
_READ_ALOUD_SCRIPT = (
    "(()=>{const s=window.speechSynthesis;if(!s){return;}"
    "if(s.speaking||s.pending){s.cancel();return;}"
    "const m=document.querySelector('main');if(!m){return;}"
    "const l=((m.closest('[lang]')||document.documentElement).lang||'nl').slice(0,2);"
    "const u=new SpeechSynthesisUtterance(m.innerText);u.lang=l==='en'?'en-GB':'nl-NL';"
    "const v=s.getVoices().find(x=>(x.lang||'').toLowerCase().startsWith(l));"
    "if(v){u.voice=v;}s.speak(u);})()"
)


def read_aloud_button() -> rx.Component:
    """Read the page aloud with the browser's speech; press again to stop."""
    return rx.button(
        rx.icon("volume-2", aria_hidden="true"),
        t("Voorlezen"),
        on_click=rx.call_script(_READ_ALOUD_SCRIPT),
        variant="soft",
        size="3",
        id="read-aloud",
    )


def settings_link() -> rx.Component:
    """To the participant's settings: larger text and language."""
    return rx.button(
        rx.link(
            rx.icon("settings", aria_hidden="true"),
            href=PARTICIPANT_SETTINGS,
            aria_label=t("Instellingen"),
            id="settings-link",
        ),
        as_child=True,
        variant="soft",
        size="3",
    )


def header(participant: bool) -> rx.Component:
    """The top bar: the app name and the user's name, then the exits on a row of their own.

    The name arrives over the websocket after the first paint; on its own one-line row
    (cut short with an ellipsis, never wrapping) it cannot push the buttons or the page down.
    """
    return rx.el.header(
        rx.hstack(
            rx.text(APP_NAME, size="5", weight="bold", white_space="nowrap"),
            rx.text(
                SessionState.display_name,
                size="3",
                id="user-name",
                flex="1",
                min_width="0",
                text_align="right",
                white_space="nowrap",
                overflow="hidden",
                text_overflow="ellipsis",
            ),
            align="center",
            spacing="3",
            width="100%",
        ),
        rx.hstack(
            quick_exit_button() if participant else rx.fragment(),
            read_aloud_button() if participant else rx.fragment(),
            settings_link() if participant else rx.fragment(),
            logout_button(),
            logout_everywhere_menu(),
            align="center",
            justify="end",
            spacing="3",
            wrap="wrap",
            width="100%",
            margin_top="0.5rem",
        ),
        padding="0.75rem 1rem",
        border_bottom="1px solid var(--gray-6)",
    )


# Larger text: Radix sizes are fixed pixel variables, so the shell redefines them (x1.25).
# Until the account's choice arrives, this device's last choice (a class on <html>, set by
# LARGE_TEXT_HEAD_SCRIPT) decides, so the page does not jump when it arrives.
# Animations of the participant pages stop for people who asked for less motion.
LARGE_TEXT_HEAD_SCRIPT = (
    f"try{{if(localStorage.getItem('{LARGE_TEXT_KEY}')==='1')"
    "{document.documentElement.classList.add('jo-large-text')}}catch(e){}"
)
_SHELL_CSS = (
    ".large-text,:root.jo-large-text .text-unknown{"
    + "".join(
        f"--font-size-{i}:{round(px * 1.25)}px;--line-height-{i}:{round(lh * 1.25)}px;"
        for i, (px, lh) in enumerate(
            [(12, 16), (14, 20), (16, 24), (18, 26), (20, 28), (24, 30), (28, 36), (35, 40)],
            start=1,
        )
    )
    + "font-size:125%}"
    "@keyframes jo-pop{0%{transform:scale(.6);opacity:0}60%{transform:scale(1.15);opacity:1}"
    "100%{transform:scale(1)}}"
    ".jo-celebrate{animation:jo-pop .6s ease-out both}"
    "@media (prefers-reduced-motion: reduce){.jo-celebrate{animation:none}}"
)


def page_shell(*children: rx.Component, participant: bool = False) -> rx.Component:
    """Every logged-in page: header, then the content in a ``<main>`` landmark."""
    return rx.box(
        rx.el.style(_SHELL_CSS),
        header(participant),
        rx.el.main(
            rx.vstack(*children, spacing="4", width="100%"),
            max_width="60rem",
            margin="0 auto",
            padding="1rem",
        ),
        class_name=rx.cond(
            SessionState.role == "",
            "text-unknown",
            rx.cond(SessionState.large_text, "large-text", "normal-text"),
        ),
        lang=SessionState.lang,
    )


def back_link(label: rx.Var | str, href: str) -> rx.Component:
    """Back one level: the arrow beside its words (not above them) and a 48 px touch target."""
    return rx.link(
        rx.icon("arrow-left", aria_hidden="true", flex_shrink="0"),
        label,
        href=href,
        display="inline-flex",
        align_items="center",
        gap="0.4rem",
        min_height="48px",
    )


def loading_or(content: rx.Component, loaded: rx.Var) -> rx.Component:
    """Show a spinner until the page's data arrived over the websocket."""
    return rx.cond(loaded, content, rx.center(rx.spinner(size="3"), padding="2rem"))
