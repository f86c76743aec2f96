"""The draft of a message lives in the browser, so nothing typed is lost.

The text box is not bound to server state: what is typed stays in the box even while the
websocket is down, and is saved in ``localStorage`` under ``jo-draft:<thread>`` (the text,
and the random idempotency key made when the draft starts, so a resend after a reload or a
dropped connection is recognised by the server; a text edited after a send attempt gets a
new key, so the edit is not mistaken for the resend of the first text). The draft is
removed once the server has stored the message, and on logout. These scripts run in the
browser via ``rx.call_script``.
"""

import json

import reflex as rx

INPUT_ID = "message-input"
DRAFT_PREFIX = "jo-draft:"

# One small helper object, inlined into each script (no global script tag to load first).
# getRandomValues works on plain http too, where crypto.randomUUID does not exist.
_HELPER = (
    "const H={k:(t)=>'" + DRAFT_PREFIX + "'+t,"
    "el:()=>document.getElementById('" + INPUT_ID + "'),"
    "get(t){try{return JSON.parse(localStorage.getItem(H.k(t)))||null}catch(e){return null}},"
    "key(){const b=new Uint8Array(16);crypto.getRandomValues(b);"
    "return Array.from(b,(x)=>x.toString(16).padStart(2,'0')).join('')},"
    "save(t){const e=H.el();if(!e||!t)return null;const v=e.value;"
    "if(!v.trim()){localStorage.removeItem(H.k(t));return null}"
    "const d=H.get(t)||{};if(!d.key||(d.tried&&d.text!==v)){d.key=H.key();d.tried=false}"
    "d.text=v;"
    "localStorage.setItem(H.k(t),JSON.stringify(d));return d}};"
)


def _thread_of_input() -> str:
    return "const t=(H.el()&&H.el().dataset.thread)||'';"


def save_draft_script() -> str:
    """Save what is in the box now (on every change)."""
    return f"(()=>{{{_HELPER}{_thread_of_input()}H.save(t);}})()"


def take_draft_script() -> str:
    """Save, then hand the text and its key to the send handler."""
    return (
        f"(()=>{{{_HELPER}{_thread_of_input()}const d=H.save(t);"
        "if(d){d.tried=true;localStorage.setItem(H.k(t),JSON.stringify(d))}"
        "return {thread:t,text:d?d.text:(H.el()?H.el().value:''),key:d?d.key:''};})()"
    )


def restore_draft_script(thread_public_id: str, upload_label: str = "") -> rx.event.EventSpec:
    """Put the saved draft of this thread (or nothing) into the box after loading, and
    scroll to it: the newest messages are just above the box.

    ``upload_label`` names the upload's hidden file input for screen readers (Reflex renders
    it without a label; the visible button beside it says the same).
    """
    tid, label = json.dumps(thread_public_id), json.dumps(upload_label)
    # The box appears only once the page's data has been rendered: wait for it briefly.
    return rx.call_script(
        f"(()=>{{{_HELPER}let n=0;const put=()=>{{const e=H.el();"
        f"if(!e){{if(n++<50)setTimeout(put,50);return}}e.dataset.thread={tid};"
        f"const d=H.get({tid});e.value=(d&&d.text)||'';e.scrollIntoView({{block:'end'}});"
        f"const f=document.querySelector('main input[type=file]');"
        f"if(f&&{label})f.setAttribute('aria-label',{label});}};"
        "put();})()"
    )


def clear_draft_script(thread_public_id: str, key: str) -> rx.event.EventSpec:
    """The message with ``key`` is stored: empty the box and forget that draft."""
    tid, k = json.dumps(thread_public_id), json.dumps(key)
    return rx.call_script(
        f"(()=>{{{_HELPER}const d=H.get({tid});if(d&&d.key!=={k})return;"
        f"localStorage.removeItem(H.k({tid}));const e=H.el();"
        f"if(e&&e.dataset.thread==={tid})e.value='';}})()"
    )


CLEAR_ALL_DRAFTS_SCRIPT = (
    "Object.keys(localStorage).filter((k)=>k.startsWith('"
    + DRAFT_PREFIX
    + "')).forEach((k)=>localStorage.removeItem(k));"
)
"""Forget every draft on this device (run on logout: phones are shared)."""
