"""Starter assignments (kind "assignment"), each tied to a life domain of the open instrument.

Each has a short Markdown introduction (what, why, how) and one to three questions that mix
text, choice and checklist. Answers are stored per question key: text -> str, choice -> option
index, checklist -> list of option indices.
"""

from __future__ import annotations

from typing import Any

from jouw_omgeving.seed.content_format import checklist_question as checklist
from jouw_omgeving.seed.content_format import choice_question as choice
from jouw_omgeving.seed.content_format import t
from jouw_omgeving.seed.content_format import text_question as text

# ---------------------------------------------------------------------------------------
# Geld
# ---------------------------------------------------------------------------------------

_VASTE_LASTEN_NL = """\
## Wat ga je doen?

**Vaste lasten** zijn rekeningen die je elke maand betaalt. In deze opdracht zet je ze op een
rij. Dan weet je hoeveel geld je overhoudt voor de rest.

## Zo doe je het

1. Pak de overzichten van je bankrekening erbij. Of kijk in je bank-app.
2. Zoek de betalingen die elke maand terugkomen.
3. Vink hieronder aan wat je betaalt.
4. Schrijf op hoeveel het samen is. Weet je het niet precies? Schat het dan.

Het hoeft niet perfect. Je begeleider kijkt met je mee. Samen kijken jullie of je ergens geld
kunt besparen. Of dat je recht hebt op een toeslag.
"""

_VASTE_LASTEN_EN = """\
## What will you do?

**Fixed costs** are bills you pay every month. In this assignment you list them. Then you
know how much money you have left for everything else.

## How to do it

1. Get the statements of your bank account. Or look in your banking app.
2. Find the payments that come back every month.
3. Tick below what you pay.
4. Write down how much it is together. Don't know exactly? Then make a guess.

It does not have to be perfect. Your counsellor will look at it with you. Together you see
whether you can save money somewhere. Or whether you are entitled to an allowance.
"""

_UITGAVEN_NL = """\
## Waar blijft mijn geld?

Veel mensen weten niet precies waar hun geld blijft. Kleine dingen tellen snel op. Een kop
koffie, een pakje shag, een kaartje voor de bus.

## Zo doe je het

1. Houd een week lang bij wat je uitgeeft. Doe het elke dag.
2. Schrijf het op een briefje of in je telefoon. Bewaar ook je bonnetjes.
3. Vul aan het eind van de week deze opdracht in.

Een voorbeeld: *maandag: brood 2 euro, bus 4 euro*.

Je hoeft niets te veranderen. Je kijkt alleen. Na een week weet je meer over je geld. Dat is
al een goede stap. Je begeleider bespreekt het daarna graag met je.
"""

_UITGAVEN_EN = """\
## Where does my money go?

Many people don't know exactly where their money goes. Small things add up quickly. A cup of
coffee, a pouch of tobacco, a bus ticket.

## How to do it

1. For one week, keep track of what you spend. Do it every day.
2. Write it on a note or in your phone. Keep your receipts too.
3. Fill in this assignment at the end of the week.

An example: *Monday: bread 2 euros, bus 4 euros*.

You don't have to change anything. You only look. After a week you know more about your
money. That is already a good step. Your counsellor will be glad to talk it through with you
afterwards.
"""

_BRIEF_NL = """\
## Een brief die je niet snapt

Brieven van de gemeente, de Belastingdienst of een bedrijf zijn vaak moeilijk. Dat ligt niet
aan jou. Met deze opdracht zoek je stap voor stap uit wat er staat.

## Zo doe je het

1. Pak de brief erbij.
2. Kijk bovenaan: **van wie** is de brief?
3. Zoek de **datum**. Moet je iets doen voor een bepaalde dag?
4. Zoek **wat** ze van je vragen. Moet je betalen, iets opsturen of bellen? Of is het alleen
   informatie?
5. Vul de vragen hieronder in.

Snap je het niet? Neem de brief mee naar je begeleider. Dat mag altijd. Gooi de brief niet
weg, ook niet als je hem eng vindt.
"""

_BRIEF_EN = """\
## A letter you don't understand

Letters from the municipality, the tax office or a company are often hard. That is not your
fault. With this assignment you find out step by step what it says.

## How to do it

1. Get the letter.
2. Look at the top: **who** is the letter from?
3. Find the **date**. Do you have to do something before a certain day?
4. Find **what** they ask of you. Do you have to pay, send something or call? Or is it only
   information?
5. Answer the questions below.

Don't understand it? Take the letter to your counsellor. That is always fine. Don't throw the
letter away, even if it scares you.
"""

# ---------------------------------------------------------------------------------------
# Sociale contacten (slug shared with the demo catalogue)
# ---------------------------------------------------------------------------------------

_NETWERK_NL = """\
## Je netwerk

Je **netwerk** zijn de mensen om je heen. Familie, vrienden, buren, mensen van je werk of van
het inloophuis. Maar ook hulpverleners, zoals je begeleider of de huisarts.

Iedereen heeft soms hulp nodig. Het helpt als je weet bij wie je terecht kunt.

## Zo doe je het

1. Denk aan de mensen die je kent.
2. Wie vertrouw je? Wie kun je bellen als het moeilijk is?
3. Wie helpt je met praktische dingen, zoals een brief of een verhuizing?
4. Schrijf hun namen op. Een voornaam of bijnaam is genoeg.

Weinig namen? Dat geeft niet. Veel mensen beginnen klein. Samen met je begeleider kijk je hoe
je netwerk groter wordt. In Jouw Omgeving kun je ook iemand uitnodigen om mee te kijken.
"""

_NETWERK_EN = """\
## Your network

Your **network** is the people around you. Family, friends, neighbours, people from work or
from the drop-in centre. But also professionals, like your counsellor or your GP.

Everyone needs help sometimes. It helps to know who you can turn to.

## How to do it

1. Think of the people you know.
2. Who do you trust? Who can you call when things are hard?
3. Who helps you with practical things, like a letter or a move?
4. Write down their names. A first name or nickname is enough.

Only a few names? That's fine. Many people start small. Together with your counsellor you can
see how your network can grow. In Jouw Omgeving you can also invite someone to follow along.
"""

# ---------------------------------------------------------------------------------------
# Mentaal
# ---------------------------------------------------------------------------------------

_RUSTIGE_DAG_NL = """\
## Waarom een plan?

Soms is alles te veel. Je hoofd is vol, je slaapt slecht of je maakt je zorgen. Op zo'n dag
helpt een eenvoudig plan. Dan hoef je niet na te denken over wat je moet doen.

## Zo doe je het

Bedenk nu, op een goede dag, wat jou rust geeft. Denk aan kleine dingen:

- op vaste tijden eten en slapen
- een stukje wandelen
- muziek luisteren
- iemand bellen die je vertrouwt

Schrijf je plan hieronder op. Lees het terug als het niet goed gaat.

Gaat het echt niet meer? Lees dan de informatie over hulp in een crisis. Of bel **113**,
gratis op **0800-0113**. Je hoeft het niet alleen te doen.
"""

_RUSTIGE_DAG_EN = """\
## Why a plan?

Sometimes everything is too much. Your head is full, you sleep badly or you are worried. On a
day like that a simple plan helps. Then you don't have to think about what to do.

## How to do it

Think now, on a good day, about what makes you feel calm. Think of small things:

- eating and sleeping at regular times
- a short walk
- listening to music
- calling someone you trust

Write your plan below. Read it again when things are not going well.

Are things really too much? Then read the information about help in a crisis. Or call
**113**, free on **0800-0113**. You don't have to do it alone.
"""

# ---------------------------------------------------------------------------------------
# Dagbesteding
# ---------------------------------------------------------------------------------------

_LEREN_NL = """\
## Leren kan altijd

Leren is niet alleen voor school. Je kunt op elke leeftijd iets nieuws leren. Bijvoorbeeld
koken, je telefoon gebruiken, beter lezen of een vak.

Iets nieuws leren geeft vertrouwen. Het helpt ook om werk of dagbesteding te vinden.

## Zo doe je het

1. Denk na over wat je leuk vindt.
2. Wat kon je vroeger goed? Wat wil je weer oppakken?
3. Beantwoord de vragen hieronder.

Je begeleider zoekt samen met jou een plek om te leren. Denk aan de bibliotheek, een
buurthuis of een cursus via de gemeente. Veel cursussen zijn gratis.
"""

_LEREN_EN = """\
## It is never too late to learn

Learning is not only for school. You can learn something new at any age. For example
cooking, using your phone, reading better or a trade.

Learning something new gives you confidence. It also helps you find work or daytime
activities.

## How to do it

1. Think about what you enjoy.
2. What were you good at before? What would you like to pick up again?
3. Answer the questions below.

Your counsellor will look for a place to learn together with you. Think of the library, a
community centre or a course through the municipality. Many courses are free.
"""

# ---------------------------------------------------------------------------------------
# Gezondheid
# ---------------------------------------------------------------------------------------

_HUISARTS_NL = """\
## Een goed gesprek met de huisarts

Een afspraak bij de huisarts duurt vaak maar 10 minuten. Dat is kort. Als je je voorbereidt,
haal je er meer uit.

Heb je nog geen huisarts? Vraag je begeleider om hulp. Samen zoeken jullie een huisarts bij
jou in de buurt.

## Zo doe je het

1. Schrijf op welke klachten je hebt. Sinds wanneer heb je ze?
2. Schrijf op welke medicijnen je gebruikt.
3. Schrijf je vragen op. Neem het briefje mee.
4. Neem je **identiteitsbewijs** en je **zorgpas** mee.

Snap je iets niet? Vraag het gewoon. De huisarts legt het graag nog een keer uit. Je mag ook
iemand meenemen naar de afspraak.
"""

_HUISARTS_EN = """\
## A good talk with your GP

An appointment with your GP often lasts only 10 minutes. That is short. If you prepare, you
get more out of it.

No GP yet? Ask your counsellor for help. Together you look for a GP near where you live.

## How to do it

1. Write down what complaints you have. Since when have you had them?
2. Write down which medicines you take.
3. Write down your questions. Take the note with you.
4. Bring your **identity document** and your **health insurance card**.

Don't understand something? Just ask. The GP is happy to explain it again. You may also bring
someone with you to the appointment.
"""

# ---------------------------------------------------------------------------------------
# Wonen
# ---------------------------------------------------------------------------------------

_WONING_NL = """\
## Een eigen plek

Gefeliciteerd! Een eigen woning is een grote stap. Er komt ook veel op je af. Met deze lijst
vergeet je niets.

## Wat moet je regelen?

- **Inschrijven bij de gemeente** op je nieuwe adres. Doe dit binnen 5 dagen na je
  verhuizing. Had je een briefadres? Dat stopt dan vanzelf.
- **Gas, stroom en water** regelen. Schrijf de meterstanden op als je de sleutel krijgt.
- **Huurtoeslag** aanvragen, als je een laag inkomen hebt.
- Je nieuwe adres doorgeven aan je bank, je telefoonaanbieder en je zorgverzekering.
- Een **inboedelverzekering** afsluiten. Die betaalt als je spullen kapotgaan, bijvoorbeeld
  door brand.

Vink hieronder aan wat al klaar is. Wat nog niet klaar is, pak je samen met je begeleider op.
Stap voor stap.
"""

_WONING_EN = """\
## A place of your own

Congratulations! A home of your own is a big step. There is also a lot to deal with. With
this list you won't forget anything.

## What do you need to arrange?

- **Register with the municipality** at your new address. Do this within 5 days of moving.
  Did you have a postal address? It then stops by itself.
- Arrange **gas, electricity and water**. Write down the meter readings when you get the key.
- Apply for **housing allowance** if you have a low income.
- Give your new address to your bank, your phone provider and your health insurer.
- Take out **contents insurance**. It pays if your belongings get damaged, for example by
  fire.

Tick below what is already done. What is not done yet, you pick up together with your
counsellor. Step by step.
"""

_YES_NO_UNSURE = [t("Ja", "Yes"), t("Nee", "No"), t("Weet ik niet", "I don't know")]

ASSIGNMENT_ITEMS: list[dict[str, Any]] = [
    {
        "slug": "mijn-vaste-lasten-op-een-rij",
        "life_domain_key": "geld",
        "title": t("Mijn vaste lasten op een rij", "Listing my fixed costs"),
        "body": t(_VASTE_LASTEN_NL, _VASTE_LASTEN_EN),
        "questions": [
            checklist(
                "q1",
                t("Welke vaste lasten heb jij?", "Which fixed costs do you have?"),
                [
                    t("Huur", "Rent"),
                    t("Gas en stroom", "Gas and electricity"),
                    t("Water", "Water"),
                    t("Zorgverzekering", "Health insurance"),
                    t("Telefoon of internet", "Phone or internet"),
                    t("Gemeentebelasting", "Municipal taxes"),
                    t("Aflossing van een schuld", "Paying off a debt"),
                    t("Iets anders", "Something else"),
                ],
            ),
            text(
                "q2",
                t(
                    "Hoeveel betaal je ongeveer per maand aan vaste lasten?",
                    "Roughly how much do you pay in fixed costs per month?",
                ),
            ),
            choice(
                "q3",
                t("Betaal je je vaste lasten op tijd?", "Do you pay your fixed costs on time?"),
                [
                    t("Ja, altijd", "Yes, always"),
                    t("Meestal wel", "Usually"),
                    t("Vaak niet", "Often not"),
                    t("Weet ik niet", "I don't know"),
                ],
            ),
        ],
    },
    {
        "slug": "een-week-uitgaven-bijhouden",
        "life_domain_key": "geld",
        "title": t("Een week bijhouden wat ik uitgeef", "Tracking my spending for a week"),
        "body": t(_UITGAVEN_NL, _UITGAVEN_EN),
        "questions": [
            text(
                "q1",
                t(
                    "Wat heb je deze week uitgegeven? Schrijf per dag op wat je kocht.",
                    "What did you spend this week? Write down what you bought each day.",
                ),
            ),
            checklist(
                "q2",
                t("Waar ging je geld vooral naartoe?", "Where did most of your money go?"),
                [
                    t("Boodschappen en eten", "Groceries and food"),
                    t("Roken of drinken", "Smoking or drinking"),
                    t("Reizen", "Travel"),
                    t("Telefoon", "Phone"),
                    t("Kleding", "Clothes"),
                    t("Uitgaan of iets leuks", "Going out or something fun"),
                    t("Schulden afbetalen", "Paying off debts"),
                    t("Iets anders", "Something else"),
                ],
            ),
            choice(
                "q3",
                t(
                    "Hoe voel je je over je uitgaven van deze week?",
                    "How do you feel about your spending this week?",
                ),
                [
                    t("Goed, ik heb overzicht", "Good, I know where I stand"),
                    t("Het viel me mee", "Better than I thought"),
                    t("Het viel me tegen", "Worse than I thought"),
                    t("Ik weet het nog niet", "I don't know yet"),
                ],
            ),
        ],
    },
    {
        "slug": "brief-van-een-instantie",
        "life_domain_key": "geld",
        "title": t(
            "Brief van een instantie: wat moet ik doen?",
            "A letter from an agency: what do I need to do?",
        ),
        "body": t(_BRIEF_NL, _BRIEF_EN),
        "questions": [
            text(
                "q1",
                t(
                    "Van wie is de brief? En welke datum staat erop?",
                    "Who is the letter from? And what date is on it?",
                ),
            ),
            choice(
                "q2",
                t("Wat vraagt de brief van jou?", "What does the letter ask of you?"),
                [
                    t("Ik moet iets betalen", "I have to pay something"),
                    t("Ik moet iets opsturen of invullen", "I have to send or fill in something"),
                    t(
                        "Ik moet bellen of een afspraak maken",
                        "I have to call or make an appointment",
                    ),
                    t("Niets, het is alleen informatie", "Nothing, it is only information"),
                    t("Ik weet het niet", "I don't know"),
                ],
            ),
            choice(
                "q3",
                t(
                    "Wil je dat je begeleider de brief met je bekijkt?",
                    "Would you like your counsellor to look at the letter with you?",
                ),
                _YES_NO_UNSURE,
            ),
        ],
    },
    {
        "slug": "mijn-netwerk",
        "life_domain_key": "sociale-contacten",
        "title": t("Wie kan mij helpen?", "Who can help me?"),
        "body": t(_NETWERK_NL, _NETWERK_EN),
        "questions": [
            text(
                "q1",
                t(
                    "Wie kun je bellen als het niet goed met je gaat?",
                    "Who can you call when you are not doing well?",
                ),
            ),
            text(
                "q2",
                t(
                    "Wie helpt je met praktische dingen? Bijvoorbeeld met post of geld.",
                    "Who helps you with practical things? For example with post or money.",
                ),
            ),
            checklist(
                "q3",
                t("Met wie heb je contact?", "Who are you in touch with?"),
                [
                    t("Familie", "Family"),
                    t("Vrienden", "Friends"),
                    t("Buren", "Neighbours"),
                    t(
                        "Mensen van werk, school of dagbesteding",
                        "People from work, school or day activities",
                    ),
                    t(
                        "Mensen van het inloophuis of de kerk",
                        "People from the drop-in centre or church",
                    ),
                    t("Hulpverleners, zoals mijn begeleider", "Professionals, like my counsellor"),
                ],
            ),
        ],
    },
    {
        "slug": "mijn-plan-voor-een-rustige-dag",
        "life_domain_key": "mentaal",
        "title": t("Mijn plan voor een rustige dag", "My plan for a calm day"),
        "body": t(_RUSTIGE_DAG_NL, _RUSTIGE_DAG_EN),
        "questions": [
            checklist(
                "q1",
                t("Wat geeft jou rust?", "What makes you feel calm?"),
                [
                    t("Wandelen of bewegen", "Walking or exercise"),
                    t("Muziek", "Music"),
                    t("Iemand bellen of spreken", "Calling or seeing someone"),
                    t("Douchen en schone kleren", "A shower and clean clothes"),
                    t("Iets lekkers eten", "Eating something nice"),
                    t("Opruimen", "Tidying up"),
                    t("Naar buiten, de natuur in", "Going outside, into nature"),
                    t("Bidden of stil zijn", "Praying or being quiet"),
                ],
            ),
            text(
                "q2",
                t(
                    "Hoe begin je een rustige dag? Schrijf 2 of 3 dingen op.",
                    "How do you start a calm day? Write down 2 or 3 things.",
                ),
            ),
            text(
                "q3",
                t("Wie bel je als het te veel wordt?", "Who do you call when it gets too much?"),
            ),
        ],
    },
    {
        "slug": "wat-wil-ik-leren",
        "life_domain_key": "dagbesteding",
        "title": t("Wat wil ik leren?", "What do I want to learn?"),
        "body": t(_LEREN_NL, _LEREN_EN),
        "questions": [
            checklist(
                "q1",
                t("Waar wil je meer over leren?", "What would you like to learn more about?"),
                [
                    t("Mijn telefoon of computer gebruiken", "Using my phone or computer"),
                    t("Lezen, schrijven of rekenen", "Reading, writing or maths"),
                    t("Koken en boodschappen doen", "Cooking and shopping"),
                    t("Geld en post regelen", "Handling money and post"),
                    t(
                        "Een vak, zoals bouw, zorg of horeca",
                        "A trade, like building, care or catering",
                    ),
                    t("Sporten of gezond leven", "Sport or healthy living"),
                ],
            ),
            text(
                "q2",
                t(
                    "Wat kun je al goed? Noem iets waar je trots op bent.",
                    "What are you already good at? Name something you are proud of.",
                ),
            ),
            choice(
                "q3",
                t("Hoe leer je het liefst?", "How do you like to learn best?"),
                [
                    t("Samen in een groep", "Together in a group"),
                    t("Alleen, met iemand die helpt", "On my own, with someone who helps"),
                    t("Door het gewoon te doen", "By just doing it"),
                    t("Met filmpjes op mijn telefoon", "With videos on my phone"),
                ],
            ),
        ],
    },
    {
        "slug": "naar-de-huisarts",
        "life_domain_key": "gezondheid",
        "title": t("Naar de huisarts: zo bereid ik me voor", "Going to the GP: how I prepare"),
        "body": t(_HUISARTS_NL, _HUISARTS_EN),
        "questions": [
            text(
                "q1",
                t(
                    "Waarom wil je naar de huisarts? Schrijf je klachten op.",
                    "Why do you want to see the GP? Write down your complaints.",
                ),
            ),
            text(
                "q2",
                t("Welke vragen wil je stellen?", "Which questions do you want to ask?"),
            ),
            checklist(
                "q3",
                t("Wat neem je mee?", "What will you bring?"),
                [
                    t("Mijn identiteitsbewijs", "My identity document"),
                    t("Mijn zorgpas", "My health insurance card"),
                    t("Een lijstje met mijn medicijnen", "A list of my medicines"),
                    t("Mijn briefje met vragen", "My note with questions"),
                    t("Iemand die met me meegaat", "Someone who comes with me"),
                ],
            ),
        ],
    },
    {
        "slug": "mijn-nieuwe-woning-regelen",
        "life_domain_key": "wonen",
        "title": t(
            "Ik krijg een woning: wat moet ik regelen?",
            "I am getting a home: what do I need to arrange?",
        ),
        "body": t(_WONING_NL, _WONING_EN),
        "questions": [
            checklist(
                "q1",
                t("Wat heb je al geregeld?", "What have you already arranged?"),
                [
                    t("Ingeschreven bij de gemeente", "Registered with the municipality"),
                    t("Gas en stroom", "Gas and electricity"),
                    t("Water", "Water"),
                    t("Meterstanden opgeschreven", "Meter readings written down"),
                    t("Huurtoeslag aangevraagd", "Applied for housing allowance"),
                    t("Nieuw adres doorgegeven", "New address passed on"),
                    t("Inboedelverzekering", "Contents insurance"),
                ],
            ),
            text(
                "q2",
                t("Waar heb je nog hulp bij nodig?", "What do you still need help with?"),
            ),
            choice(
                "q3",
                t("Hoe voel je je over je nieuwe woning?", "How do you feel about your new home?"),
                [
                    t("Blij", "Happy"),
                    t("Blij, maar ook een beetje zenuwachtig", "Happy, but a bit nervous too"),
                    t("Zenuwachtig", "Nervous"),
                    t("Ik weet het nog niet", "I don't know yet"),
                ],
            ),
        ],
    },
]
