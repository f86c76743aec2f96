"""Every public event handler checks the session, or is listed here with the reason it needn't.

Any public method of a state is callable from a browser with any arguments (STACK.md,
"Reflex pitfalls" 1). A handler that touches data must call ``authenticate(...)`` itself or
in a private helper it calls (``self._show(...)`` and the like).
"""

import importlib
import inspect
import pkgutil
import re
import textwrap

import reflex as rx

import jouw_omgeving.pages
import jouw_omgeving.state

# "StateClass.handler": why it may run without a logged-in user.
NO_SESSION_NEEDED = {
    "SessionState.login": "the login itself: checks username and secret (throttled)",
    "SessionState.second_factor": "the login's second step: the pending login plus TOTP code",
    "SessionState.cancel_second_factor": "forgets a pending login; touches no data",
    "SessionState.set_language": "switches the interface language of this view",
    "ActivationState.load": "activation: the one-time code is the credential",
    "ActivationState.check_code": "activation: the one-time code is the credential",
    "ActivationState.choose_username": "activation: the one-time code is the credential",
    "ActivationState.complete": "activation: the one-time code is the credential",
    "ActivationState.toggle_password": "shows or hides the password field",
    "ActivationState.back": "goes back a step in the form",
    "OidcLoginState.show_callback_error": "shows a login error message; no data",
    "ThreadState.stop_watching": "ends this tab's polling loop; touches no data",
    "ThreadState.file_refused": "shows that a file is too big; touches no data",
    "ThreadState.watch": "checks the session before news and every 10 s (still_allowed)",
    "ContactsState.forget": "clears the previous participant's rows from the view; reads none",
    "CounsellorAppointmentsState.forget": "clears the previous participant's rows; reads none",
    "CounsellorConsentState.forget": "clears the previous participant's consents; reads none",
    "CounsellorAssignmentsState.forget": "clears the previous participant's rows; reads none",
    "ThreadState.forget": "clears the previous participant's thread from the view; reads none",
    "CounsellorProgressState.forget": "clears the previous participant's charts; reads none",
    "CounsellorNetworkState.forget": "clears the previous participant's network; reads none",
    "CounsellorGoalsState.forget": "clears the previous notice; reads none",
    "ContactsState.choose_kind": "opens the contact form for a checked kind; no data",
    "ContactsState.pick_duration": "sets the form's minutes (checked 1-600); no data",
    "ContactsState.close_form": "closes the contact form; no data",
    "CounsellorAppointmentsState.open_form": "opens the plan form; no data",
    "CounsellorAppointmentsState.close_form": "closes the plan form; no data",
    "CounsellorAppointmentsState.choose_kind": "sets the form's kind (checked); no data",
    "CounsellorAppointmentsState.pick_duration": "sets the form's minutes (checked); no data",
    "CaseloadState.poll": "checks the session on every refresh (_still_signed_in), unextended",
    "HomeUnreadState.watch_home": "checks the session every 10 s (viewer_without_touch)",
    # Typing answers or feedback on screen: checked, and nothing is stored until save/submit.
    "AnswerFormState.set_text": "typing an answer on screen; touches no data",
    "AnswerFormState.set_choice": "picking an option on screen; touches no data",
    "AnswerFormState.set_tick": "ticking an option on screen; touches no data",
    "CounsellorAssignmentsState.set_picked": "choosing from the picker on screen; no data",
    "CounsellorAssignmentsState.set_due": "typing a date on screen; touches no data",
    "CounsellorAssignmentsState.set_draft": "typing feedback on screen; touches no data",
    # The content editor's form on screen (checked); saving and publishing authenticate.
    **{
        f"ContentFormState.{name}": "editing the content form on screen; touches no data"
        for name in (
            "set_tab",
            "set_kind",
            "set_title",
            "set_body",
            "set_domain",
            "add_question",
            "remove_question",
            "move_question",
            "set_prompt",
            "add_option",
            "remove_option",
            "move_option",
            "set_option",
        )
    },
}

_HELPER_CALL = re.compile(r"self\.(_\w+)\(")


def _modules(package) -> list:
    return [
        importlib.import_module(f"{package.__name__}.{info.name}")
        for info in pkgutil.walk_packages(package.__path__)
        if not info.ispkg
    ]


def _states() -> list[type[rx.State]]:
    found = []
    for module in _modules(jouw_omgeving.state) + _modules(jouw_omgeving.pages):
        for obj in vars(module).values():
            if (
                inspect.isclass(obj)
                and issubclass(obj, rx.State)
                and obj.__module__ == module.__name__
            ):
                found.append(obj)
    return found


def _source_with_helpers(cls: type, fn, depth: int = 3) -> str:
    source = textwrap.dedent(inspect.getsource(fn))
    if depth == 0:
        return source
    for helper in set(_HELPER_CALL.findall(source)):
        method = getattr(cls, helper, None)
        if callable(method):
            source += _source_with_helpers(cls, method, depth - 1)
    return source


def _public_handlers() -> dict[str, str]:
    handlers = {}
    for cls in _states():
        for name, handler in cls.event_handlers.items():
            fn = handler.fn
            if name.startswith("_") or not fn.__module__.startswith("jouw_omgeving"):
                continue
            handlers[f"{cls.__name__}.{name}"] = _source_with_helpers(cls, fn)
    return handlers


def test_the_scan_finds_the_handlers():
    handlers = _public_handlers()
    assert "ParticipantDetailState.load" in handlers
    assert "AuditSearchState.next_page" in handlers
    assert "SessionState.set_language" in handlers


def test_every_data_handler_authenticates():
    unchecked = sorted(
        name
        for name, source in _public_handlers().items()
        if "authenticate(" not in source and name not in NO_SESSION_NEEDED
    )
    assert unchecked == [], "handlers without authenticate(): add the check (or a reason)"


def test_listed_exceptions_really_do_not_authenticate():
    """Keeps the list honest: a handler that gained a check no longer needs an exception."""
    handlers = _public_handlers()
    needless = [n for n in NO_SESSION_NEEDED if "authenticate(" in handlers.get(n, "")]
    assert needless == []
