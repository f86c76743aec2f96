"""What the simulated people do: the pages they open and the clicks they make.

A participant goes round: goals → one goal → mark a step done (or open again) → the thread
with the counsellor → send a message → home. A counsellor: caseload → sort it → inbox →
a participant's thread → send a message. Each step is one round trip, timed from sending
until the update that shows its result (the names of those updates are the app's state
paths; ``tests/bench/test_load.py`` checks them against the real state classes).
"""

import random
import uuid
from dataclasses import dataclass, field

from bench.load.protocol import ROOT, Delta, Tab, hydrated

GOAL_STATE = f"{ROOT}.jouw_omgeving___state___goals____goal_state"
THREAD_STATE = f"{ROOT}.jouw_omgeving___state___messages____thread_state"
CASELOAD_STATE = f"{ROOT}.jouw_omgeving___state___caseload____caseload_state"
SESSION_STATE = f"{ROOT}.jouw_omgeving___state___session____session_state"
MY_DATA_STATE = f"{ROOT}.jouw_omgeving___state___my_data____my_data_state"
SORTS = ("name", "attention", "unread", "contact")


def _has(state: str, var: str, value: object = ...):
    """A done-test: the update changes ``var`` of ``state`` (to ``value`` if given)."""

    def done(delta: Delta, _events: list[dict]) -> bool:
        changes = delta.get(state)
        if not changes or f"{var}_rx_state_" not in changes:
            return False
        return value is ... or changes[f"{var}_rx_state_"] == value

    return done


def _has_event(name: str):
    def done(_delta: Delta, events: list[dict]) -> bool:
        return any(event.get("name") == name for event in events)

    return done


@dataclass
class ParticipantPlan:
    """A participant's session cookie and the ids their clicks need."""

    cookie: str
    thread_id: str
    goals: list[tuple[str, list[tuple[str, bool]]]] = field(default_factory=list)


@dataclass
class CounsellorPlan:
    """A counsellor's session cookie and the threads of their caseload."""

    cookie: str
    threads: list[str]


class Participant:
    """The participant's round of pages and clicks."""

    first_page = "/deelnemer"

    def __init__(self, plan: ParticipantPlan, rng: random.Random) -> None:
        self.plan, self.rng = plan, rng
        self.done_steps = {s: d for _g, steps in plan.goals for s, d in steps}

    def steps(self, tab: Tab):
        """An endless sequence of (action name, coroutine factory)."""
        while True:
            yield "open goals", lambda: tab.navigate("/deelnemer/doelen")
            if self.plan.goals:
                goal_id, steps = self.rng.choice(self.plan.goals)
                path = f"/deelnemer/doel/{goal_id}"
                yield "open goal", lambda p=path, g=goal_id: tab.navigate(p, {"goal_public_id": g})
                if steps:
                    step_id = self.rng.choice(steps)[0]
                    yield "mark step", lambda s=step_id: self._mark(tab, s)
            thread = self.plan.thread_id
            path = f"/deelnemer/berichten/{thread}"
            yield "open thread", lambda p=path, t=thread: tab.navigate(p, {"thread_public_id": t})
            yield "send message", lambda: send_message(tab, self.rng)
            yield "open home", lambda: leave_thread_then(tab, "/deelnemer")

    async def _mark(self, tab: Tab, step_id: str) -> float:
        done = not self.done_steps.get(step_id, False)
        self.done_steps[step_id] = done
        payload = {"step_public_id": step_id, "done": done}
        return await tab.call(f"{GOAL_STATE}.mark_step", payload, done=_has(GOAL_STATE, "goal"))


class Counsellor:
    """The counsellor's round: caseload, sorted, inbox, a thread, a reply."""

    first_page = "/begeleider"

    def __init__(self, plan: CounsellorPlan, rng: random.Random) -> None:
        self.plan, self.rng = plan, rng
        self.sort = 0

    def steps(self, tab: Tab):
        """An endless sequence of (action name, coroutine factory)."""
        while True:
            yield "open caseload", lambda: leave_thread_then(tab, "/begeleider")
            yield "sort caseload", lambda: self._sort(tab)
            yield "open inbox", lambda: tab.navigate("/begeleider/berichten")
            if self.plan.threads:
                thread = self.rng.choice(self.plan.threads)
                path = f"/begeleider/berichten/{thread}"
                yield (
                    "open thread",
                    lambda p=path, t=thread: tab.navigate(p, {"thread_public_id": t}),
                )
                yield "send message", lambda: send_message(tab, self.rng)

    async def _sort(self, tab: Tab) -> float:
        self.sort = (self.sort + 1) % len(SORTS)
        value = SORTS[self.sort]
        return await tab.call(
            f"{CASELOAD_STATE}.set_sort", {"value": value}, done=_has(CASELOAD_STATE, "sort", value)
        )


async def send_message(tab: Tab, rng: random.Random) -> float:
    """Type and send a short message; done when it shows as sent (``sending`` false)."""
    text = rng.choice(["Dank je!", "Ik kom morgen langs.", "Lukt het om te bellen?", "Top."])
    draft = {"text": f"{text} ({rng.randrange(10_000)})", "key": uuid.uuid4().hex}
    return await tab.call(
        f"{THREAD_STATE}.send", {"draft": draft}, done=_has(THREAD_STATE, "sending", False)
    )


async def leave_thread_then(tab: Tab, page: str) -> float:
    """Leave a thread page (its unmount stops the live poll), then open ``page``."""
    if "/berichten/" in tab.page:
        await tab.fire(f"{THREAD_STATE}.stop_watching", {})
    return await tab.navigate(page, done=hydrated)


class Echo:
    """The same tab against the bare echo server: every event answered at once."""

    first_page = "/"

    def __init__(self, _plan: object, rng: random.Random) -> None:
        self.rng = rng

    def steps(self, tab: Tab):
        """Events shaped like the app's (a navigation, a click with a payload)."""
        from bench.load.protocol import any_update

        while True:
            yield "echo navigate", lambda: tab.navigate("/deelnemer/doelen", done=any_update)
            yield (
                "echo click",
                lambda: tab.call(
                    f"{GOAL_STATE}.mark_step",
                    {"step_public_id": str(uuid.uuid4()), "done": True},
                    done=any_update,
                ),
            )


class Floor:
    """Reflex's own cost of an event: a handler without database work, on the same server.

    Switches the login page's language back and forth (``SessionState.set_language``, no
    session, no query): one small state change and its update, nothing of the app's logic.
    """

    first_page = "/inloggen"

    def __init__(self, _plan: object, rng: random.Random) -> None:
        self.rng = rng

    def steps(self, tab: Tab):
        """Alternate the language, so every click changes one var."""
        while True:
            for lang in ("en", "nl"):
                yield (
                    "floor: set language",
                    lambda value=lang: tab.call(
                        f"{SESSION_STATE}.set_language",
                        {"lang": value},
                        done=_has(SESSION_STATE, "lang", value),
                    ),
                )


class SlowLogin:
    """Logs in with username and PIN over and over (argon2 on the server)."""

    first_page = "/inloggen"

    def __init__(self, plan: tuple[str, str], rng: random.Random) -> None:
        self.username, self.secret = plan
        self.rng = rng

    def steps(self, tab: Tab):
        """Each login ends with the call_script that sends the browser to /auth/exchange."""
        form = {"username": self.username, "secret": self.secret}
        while True:
            yield (
                "slow: login",
                lambda: tab.call(
                    f"{SESSION_STATE}.login", {"form_data": form}, done=_has_event("_call_script")
                ),
            )


class SlowExport:
    """A participant with a lot of data opens "Mijn gegevens" and downloads it, again and again."""

    first_page = "/deelnemer"

    def __init__(self, plan: ParticipantPlan, rng: random.Random) -> None:
        self.plan, self.rng = plan, rng

    def steps(self, tab: Tab):
        """Open the readable export, then the JSON download."""
        while True:
            yield "slow: my data", lambda: tab.navigate("/deelnemer/mijn-gegevens")
            yield (
                "slow: download",
                lambda: tab.call(f"{MY_DATA_STATE}.download", {}, done=_has_event("_download")),
            )
