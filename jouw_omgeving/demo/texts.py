"""Dutch demo texts: goals in participants' own words, messages, notes.

Plain language on purpose; this is what the screens will show in a demo.
"""

from __future__ import annotations

# Per life-domain key: goals as a participant would say them, each with small steps.
GOAL_IDEAS: dict[str, list[tuple[str, list[str]]]] = {
    "wonen": [
        (
            "Een eigen huis vinden",
            [
                "Inschrijven bij WoningNet",
                "Urgentie aanvragen met Anja",
                "Elke week twee woningen bekijken",
                "Spullen verzamelen voor de verhuizing",
            ],
        ),
        (
            "Mijn kamer netjes houden",
            ["Elke zondag stofzuigen", "Was wegbrengen", "Afval op tijd buiten zetten"],
        ),
        (
            "Huur elke maand op tijd betalen",
            ["Automatische betaling regelen", "Huurtoeslag aanvragen", "Afschrift bewaren"],
        ),
    ],
    "geld": [
        (
            "Mijn schulden op een rij",
            [
                "Alle brieven in één map doen",
                "Lijst maken van wie ik geld moet geven",
                "Afspraak maken bij de schuldhulp",
                "Samen de lijst doorlopen",
            ],
        ),
        (
            "Elke week een vast bedrag om van te leven",
            ["Leefgeld uitrekenen", "Tweede rekening openen", "Bonnetjes bewaren"],
        ),
        (
            "Sparen voor een fiets",
            ["Elke week 5 euro opzij zetten", "Kijken op Marktplaats"],
        ),
    ],
    "gezondheid": [
        (
            "Naar de tandarts gaan",
            ["Tandarts zoeken in de buurt", "Afspraak maken", "Naar de afspraak gaan"],
        ),
        (
            "Minder roken",
            ["Bijhouden hoeveel ik rook", "Niet roken voor het ontbijt", "Praten met de huisarts"],
        ),
        (
            "Elke dag een stuk wandelen",
            ["Een rondje van 15 minuten", "Samen met de buurman lopen", "Rondje van 30 minuten"],
        ),
    ],
    "mentaal": [
        (
            "Beter slapen",
            ["Om 23 uur naar bed", "Geen telefoon in bed", "Slaapdagboek bijhouden"],
        ),
        (
            "Praten over hoe ik me voel",
            ["Afspraak bij de huisarts", "Gesprek met GGZ Oost", "Elke week even bellen met Anja"],
        ),
    ],
    "dagbesteding": [
        (
            "Vrijwilligerswerk vinden",
            ["Kijken op de vacaturebank", "Langsgaan bij de kringloop", "Proefdag doen"],
        ),
        (
            "Een cursus Nederlands doen",
            ["Cursus zoeken in de bibliotheek", "Inschrijven", "Eerste les"],
        ),
        (
            "Werken in de moestuin",
            ["Kennismaken met de groep", "Twee ochtenden per week gaan"],
        ),
    ],
    "sociale-contacten": [
        (
            "Weer contact met mijn dochter",
            ["Een kaartje sturen", "Bellen op haar verjaardag", "Samen koffie drinken"],
        ),
        (
            "Nieuwe mensen leren kennen",
            ["Naar de inloop in het buurthuis", "Meedoen met het voetbal op vrijdag"],
        ),
    ],
    "zelfzorg": [
        (
            "Elke dag warm eten",
            ["Boodschappenlijst maken", "Drie simpele recepten leren", "Samen koken op woensdag"],
        ),
        (
            "Mijn papieren bij elkaar houden",
            ["Map kopen", "ID-kaart aanvragen", "DigiD aanvragen"],
        ),
    ],
    "justitie-en-veiligheid": [
        (
            "Mijn boete regelen",
            ["Brief van het CJIB opzoeken", "Betalingsregeling vragen"],
        ),
        (
            "Afspraken met de reclassering nakomen",
            ["Afspraken in mijn agenda zetten", "Op tijd vertrekken"],
        ),
    ],
}

# The showcase goals of deelnemer01 (domain key, title), taken from GOAL_IDEAS.
SHOWCASE_GOALS: list[tuple[str, str]] = [
    ("wonen", "Een eigen huis vinden"),
    ("geld", "Mijn schulden op een rij"),
    ("sociale-contacten", "Weer contact met mijn dochter"),
]

HELPERS = [
    None,
    None,
    "mijn zus",
    "mijn buurman",
    "de schuldhulp",
    "mijn begeleider",
    "mijn moeder",
    "een vriend van de inloop",
]

# (participant writes, counsellor answers)
PARTICIPANT_OPENERS: list[tuple[str, str]] = [
    (
        "Hoi, ik heb een brief gekregen van de gemeente. Ik snap hem niet.",
        "Goed dat je het laat weten. Neem je hem mee donderdag? Dan lezen we hem samen.",
    ),
    (
        "Ik heb vandaag een woning bekeken! Hij was wel klein.",
        "Wat goed dat je bent gegaan! Zullen we volgende week bespreken wat je ervan vond?",
    ),
    (
        "Ik kan morgen niet komen, ik ben ziek.",
        "Beterschap! Ik bel je vrijdag even. Rust goed uit.",
    ),
    (
        "Mijn uitkering is nog niet binnen. Wat moet ik doen?",
        "Ik kijk het vandaag na bij de gemeente en laat het je vanmiddag weten.",
    ),
    (
        "Het gaat niet zo goed met me deze week.",
        "Fijn dat je het zegt. Wil je dat ik morgen langskom? Bel ook gerust als het zwaar wordt.",
    ),
    ("Ik heb de opdracht af!", "Top, ik heb hem gezien. Ik heb er iets bij geschreven."),
    (
        "Mag mijn zus ook mee naar de afspraak?",
        "Natuurlijk, dat is goed. Tot dinsdag om 10 uur.",
    ),
    ("Ik ben mijn pas kwijt.", "Vervelend. We vragen samen een nieuwe aan. Neem je ID mee."),
    (
        "Ik heb de huisarts gebeld, ik mag volgende week komen.",
        "Mooi! Zet je het in je agenda? Dan vraag ik na de afspraak hoe het ging.",
    ),
    (
        "De schuldhulp heeft gebeld. Ze willen een nieuwe afspraak.",
        "Goed zo. Zal ik meegaan? Laat maar weten welke dag.",
    ),
    ("Ik heb 3 dagen gewerkt in de moestuin.", "Wat een goed nieuws! Hoe vond je het?"),
    (
        "Waar moet ik de huurtoeslag aanvragen?",
        "Dat doen we samen op de computer. Neem je DigiD mee.",
    ),
]

# (counsellor writes, participant answers)
COUNSELLOR_OPENERS: list[tuple[str, str]] = [
    ("Hoi! Hoe gaat het deze week?", "Het gaat wel. Beter dan vorige week."),
    ("Denk je aan de afspraak bij de schuldhulp morgen om 14 uur?", "Ja, ik ben er op tijd."),
    (
        "Ik heb een nieuwe opdracht voor je klaargezet over je geld.",
        "Oké, ik kijk er vanavond naar.",
    ),
    ("Je hebt een stap afgerond bij je doel. Goed bezig!", "Dank je! Ik ben er trots op."),
    (
        "Wil je deze week je leefgebieden weer invullen?",
        "Ja, dat doe ik morgen.",
    ),
    ("Ik heb je al even niet gesproken. Alles goed?", "Sorry, mijn telefoon was kapot."),
    ("Zal ik donderdag om 11 uur langskomen?", "Ja, dat is goed."),
    ("De woningcorporatie heeft gereageerd. Bel je me even?", "Ik bel je zo."),
]

# Messages a participant sent last, that the counsellor has not read yet.
UNREAD_PARTICIPANT_MESSAGES = [
    "Kunt u mij bellen? Het is belangrijk.",
    "Ik heb weer een brief gekregen van de deurwaarder.",
    "Ik heb de foto van de brief gestuurd. Kunt u kijken?",
    "Morgen heb ik de bezichtiging. Ik ben zenuwachtig.",
    "Ik weet niet meer hoe ik moet inloggen bij DigiD.",
    "Ik wil mijn afspraak verzetten naar volgende week.",
]

NETWORK_CONVERSATION = [
    ("member", "Hoi! Ik zag dat je een nieuwe stap hebt gezet. Goed bezig!"),
    ("participant", "Dank je. Ga je zaterdag mee naar de kringloop?"),
    ("member", "Ja, ik haal je om 10 uur op."),
]

CONTACT_NOTES: dict[str, list[str | None]] = {
    "visit": [
        "Huisbezoek. Post samen doorgenomen.",
        "Samen naar de gemeente geweest.",
        "Op de koffie; goed gesprek over wonen.",
        None,
    ],
    "phone": ["Kort gebeld over de afspraak van morgen.", "Telefonisch bijgepraat.", None],
    "video": ["Beeldbellen; geoefend met de app.", "Videogesprek over de doelen.", None],
    "platform": [
        "Berichten over de schuldhulp beantwoord.",
        "Opdracht nagekeken en feedback gegeven.",
        None,
    ],
}

APPOINTMENT_LOCATIONS = {
    "visit": ["Thuis", "Kantoor Leger des Heils", "Buurthuis De Pijp", "Gemeentehuis"],
    "phone": [None],
    "video": ["Videobellen in de app"],
    "platform": [None],
}

CHECK_IN_NOTES: dict[int, list[str]] = {
    1: ["Slechte week.", "Veel ruzie gehad.", "Ik slaap slecht."],
    2: ["Niet zo goed.", "Zorgen over geld."],
    3: ["Gaat wel.", "Rustige week."],
    4: ["Goede week gehad.", "Leuke dag met mijn zus."],
    5: ["Super week!", "Ik heb een woning!", "Heel blij vandaag."],
}

HANDOVER_NOTES = [
    "Overgedragen vanwege nieuwe werkverdeling in het team. Warme overdracht gedaan.",
    "Begeleider met verlof; overdracht besproken met de deelnemer.",
]
MOVED_NOTE = "Deelnemer verhuisd naar ander stadsdeel; nieuw team neemt over."

FEEDBACK_TEXTS = [
    "Goed gedaan! Je hebt er echt over nagedacht.",
    "Dank je. Laten we dit donderdag samen bespreken.",
    "Mooi dat je dit hebt ingevuld. Ik zie dat je al veel stappen zet.",
    "Top! Wil je de laatste vraag nog wat uitgebreider invullen?",
]

ASSESSMENT_NOTES = [None, None, None, "Samen ingevuld tijdens huisbezoek.", "Zelf ingevuld."]

TEXT_ANSWERS = [
    "Ik wil graag een eigen plek waar ik rust heb.",
    "Mijn zus helpt mij en de schuldhulp.",
    "Ik vind het moeilijk maar ik probeer het.",
    "Elke week een beetje beter.",
]
