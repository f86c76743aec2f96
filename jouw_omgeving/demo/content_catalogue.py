"""Demo content: information, assignments and the digital-skills lessons, with their versions.

Questions follow the shape documented on ``ContentVersion.questions``. Answers in submissions
are keyed by question key: text -> str, choice -> option index, checklist -> list of indices.
"""

from __future__ import annotations

from typing import Any

DIGITAL_SKILLS_TRACK = "digital_skills"


def _t(nl: str, en: str) -> dict[str, str]:
    return {"nl": nl, "en": en}


def _choice(key: str, prompt: dict, options: list[dict], answer: int | None = None) -> dict:
    question: dict[str, Any] = {"key": key, "type": "choice", "prompt": prompt, "options": options}
    if answer is not None:
        question["answer"] = answer
    return question


def _text(key: str, prompt: dict) -> dict:
    return {"key": key, "type": "text", "prompt": prompt}


def _checklist(key: str, prompt: dict, options: list[dict]) -> dict:
    return {"key": key, "type": "checklist", "prompt": prompt, "options": options}


_MONEY_QUESTIONS_V1 = [
    _text("q1", _t("Welk geld komt er elke maand binnen?", "What money comes in every month?")),
    _checklist(
        "q2",
        _t("Welke rekeningen betaal je elke maand?", "Which bills do you pay every month?"),
        [
            _t("Huur", "Rent"),
            _t("Zorgverzekering", "Health insurance"),
            _t("Telefoon", "Phone"),
            _t("Energie", "Energy"),
        ],
    ),
    _choice(
        "q3",
        _t("Heb je brieven over schulden?", "Do you have letters about debts?"),
        [_t("Ja", "Yes"), _t("Nee", "No"), _t("Weet ik niet", "I don't know")],
    ),
]
_MONEY_QUESTIONS_V2 = [
    *_MONEY_QUESTIONS_V1,
    _text("q4", _t("Wie kan je helpen met je geld?", "Who can help you with your money?")),
]

# Each item: slug, kind, track, position, life-domain key, status, versions (oldest first).
CONTENT_ITEMS: list[dict[str, Any]] = [
    {
        "slug": "welkom-bij-jouw-omgeving",
        "kind": "info",
        "track": None,
        "domain": None,
        "status": "published",
        "versions": [
            {
                "title": _t("Welkom bij Jouw Omgeving", "Welcome to Jouw Omgeving"),
                "body": _t(
                    "## Fijn dat je er bent\n\nHier zie je je **doelen**, je **berichten** en "
                    "hoe het met je gaat.\n\n- Je kiest zelf wie meekijkt.\n- Vragen? "
                    "Stuur je begeleider een bericht.",
                    "## Good to have you here\n\nHere you see your **goals**, your **messages** "
                    "and how you are doing.\n\n- You choose who can follow you.\n- Questions? "
                    "Send your counsellor a message.",
                ),
            }
        ],
    },
    {
        "slug": "hulp-bij-geldzorgen",
        "kind": "info",
        "track": None,
        "domain": "geld",
        "status": "published",
        "versions": [
            {
                "title": _t("Hulp bij geldzorgen", "Help with money worries"),
                "body": _t(
                    "## Geldzorgen? Je staat er niet alleen voor\n\n1. Open je post elke week."
                    "\n2. Bewaar alle brieven in één map.\n3. Vraag je begeleider om samen te "
                    "kijken.\n\nDe schuldhulp van de gemeente is gratis.",
                    "## Money worries? You are not alone\n\n1. Open your post every week.\n2. "
                    "Keep all letters in one folder.\n3. Ask your counsellor to look at them "
                    "with you.\n\nThe municipality's debt help is free.",
                ),
            }
        ],
    },
    {
        "slug": "je-rechten-als-huurder",
        "kind": "info",
        "track": None,
        "domain": "wonen",
        "status": "published",
        "versions": [
            {
                "title": _t("Je rechten als huurder", "Your rights as a tenant"),
                "body": _t(
                    "## Huren: wat mag en wat moet?\n\nJe betaalt de huur op tijd. De verhuurder "
                    "repareert grote dingen, zoals de verwarming.\n\nKrijg je een brief over je "
                    "huur? Laat hem aan je begeleider zien.",
                    "## Renting: what is allowed and what is required?\n\nYou pay the rent on "
                    "time. The landlord repairs big things, like the heating.\n\nDid you get a "
                    "letter about your rent? Show it to your counsellor.",
                ),
            }
        ],
    },
    {
        "slug": "mijn-geld-in-kaart",
        "kind": "assignment",
        "track": None,
        "domain": "geld",
        "status": "published",
        "versions": [
            {
                "title": _t("Mijn geld in kaart", "Mapping my money"),
                "body": _t(
                    "Vul in wat je weet. Het hoeft niet perfect.",
                    "Fill in what you know. It does not have to be perfect.",
                ),
                "questions": _MONEY_QUESTIONS_V1,
            },
            {
                "title": _t("Mijn geld in kaart", "Mapping my money"),
                "body": _t(
                    "Vul in wat je weet. Het hoeft niet perfect. Je begeleider kijkt mee.",
                    "Fill in what you know. It does not have to be perfect. Your counsellor "
                    "will look at it with you.",
                ),
                "questions": _MONEY_QUESTIONS_V2,
            },
        ],
    },
    {
        "slug": "wat-wil-ik-bereiken",
        "kind": "assignment",
        "track": None,
        "domain": None,
        "status": "published",
        "versions": [
            {
                "title": _t("Wat wil ik bereiken?", "What do I want to achieve?"),
                "body": _t(
                    "Denk na over het komende half jaar.",
                    "Think about the coming six months.",
                ),
                "questions": [
                    _text(
                        "q1",
                        _t("Wat wil je over een half jaar anders?", "What should be different?"),
                    ),
                    _choice(
                        "q2",
                        _t("Waar wil je mee beginnen?", "What do you want to start with?"),
                        [_t("Wonen", "Housing"), _t("Geld", "Money"), _t("Werk", "Work")],
                    ),
                ],
            }
        ],
    },
    {
        "slug": "mijn-netwerk",
        "kind": "assignment",
        "track": None,
        "domain": "sociale-contacten",
        "status": "published",
        "versions": [
            {
                "title": _t("Mijn netwerk", "My network"),
                "body": _t(
                    "Wie zijn er belangrijk voor jou?",
                    "Who are the important people for you?",
                ),
                "questions": [
                    _text("q1", _t("Wie kun je altijd bellen?", "Who can you always call?")),
                    _checklist(
                        "q2",
                        _t("Met wie heb je contact?", "Who are you in touch with?"),
                        [
                            _t("Familie", "Family"),
                            _t("Vrienden", "Friends"),
                            _t("Buren", "Neighbours"),
                        ],
                    ),
                ],
            }
        ],
    },
    {
        "slug": "digitaal-veilig-inloggen",
        "kind": "lesson",
        "track": DIGITAL_SKILLS_TRACK,
        "domain": None,
        "status": "published",
        "versions": [
            {
                "title": _t("Les 1: Veilig inloggen", "Lesson 1: Logging in safely"),
                "body": _t(
                    "## Je pincode is van jou\n\nVertel je pincode aan niemand. Ook niet aan je "
                    "begeleider.\n\nKlaar? Druk op **Uitloggen**.",
                    "## Your PIN is yours\n\nNever tell anyone your PIN. Not your counsellor "
                    "either.\n\nDone? Press **Log out**.",
                ),
                "questions": [
                    _choice(
                        "q1",
                        _t("Aan wie vertel je je pincode?", "Who do you tell your PIN?"),
                        [_t("Aan niemand", "No one"), _t("Aan mijn begeleider", "My counsellor")],
                        answer=0,
                    )
                ],
            }
        ],
    },
    {
        "slug": "digitaal-berichten-sturen",
        "kind": "lesson",
        "track": DIGITAL_SKILLS_TRACK,
        "domain": None,
        "status": "published",
        "versions": [
            {
                "title": _t("Les 2: Een bericht sturen", "Lesson 2: Sending a message"),
                "body": _t(
                    "## Zo stuur je een bericht\n\n1. Druk op **Berichten**.\n2. Typ je "
                    "bericht.\n3. Druk op **Versturen**.",
                    "## How to send a message\n\n1. Press **Messages**.\n2. Type your "
                    "message.\n3. Press **Send**.",
                ),
                "questions": [
                    _choice(
                        "q1",
                        _t("Waar druk je eerst op?", "What do you press first?"),
                        [_t("Berichten", "Messages"), _t("Doelen", "Goals")],
                        answer=0,
                    )
                ],
            }
        ],
    },
    {
        "slug": "digitaal-digid-gebruiken",
        "kind": "lesson",
        "track": DIGITAL_SKILLS_TRACK,
        "domain": "zelfzorg",
        "status": "published",
        "versions": [
            {
                "title": _t("Les 3: DigiD gebruiken", "Lesson 3: Using DigiD"),
                "body": _t(
                    "## Wat is DigiD?\n\nMet DigiD log je in bij de gemeente, de "
                    "Belastingdienst en je zorgverzekering.\n\nDe DigiD app is het "
                    "veiligst.",
                    "## What is DigiD?\n\nWith DigiD you log in at the municipality, the tax "
                    "office and your health insurer.\n\nThe DigiD app is the safest.",
                ),
                "questions": [
                    _choice(
                        "q1",
                        _t("Wat is het veiligst?", "What is the safest?"),
                        [_t("De DigiD app", "The DigiD app"), _t("Een briefje", "A note")],
                        answer=0,
                    )
                ],
            }
        ],
    },
    {
        "slug": "digitaal-online-betalen",
        "kind": "lesson",
        "track": DIGITAL_SKILLS_TRACK,
        "domain": "geld",
        "status": "published",
        "versions": [
            {
                "title": _t("Les 4: Veilig online betalen", "Lesson 4: Paying online safely"),
                "body": _t(
                    "## Let op nepberichten\n\nDe bank vraagt nooit om je pincode via sms of "
                    "WhatsApp.",
                    "## Watch out for fake messages\n\nThe bank never asks for your PIN by text "
                    "message or WhatsApp.",
                ),
                "questions": [
                    _choice(
                        "q1",
                        _t(
                            "Vraagt de bank om je pincode via WhatsApp?",
                            "Does the bank ask for your PIN on WhatsApp?",
                        ),
                        [_t("Nee, nooit", "No, never"), _t("Ja", "Yes")],
                        answer=0,
                    )
                ],
            }
        ],
    },
    {
        "slug": "gezond-eten-met-weinig-geld",
        "kind": "info",
        "track": None,
        "domain": "zelfzorg",
        "status": "draft",
        "versions": [
            {
                "title": _t("Gezond eten met weinig geld", "Healthy food on a small budget"),
                "body": _t(
                    "## In de maak\n\nTips voor goedkope en gezonde maaltijden.",
                    "## Work in progress\n\nTips for cheap and healthy meals.",
                ),
            }
        ],
    },
]
