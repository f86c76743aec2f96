"""Starter information items (kind "info"): plain Dutch at B1 level, with English translations.

Written for people who recently had no home: short sentences, concrete steps, no blame.
Bodies are Markdown. Phone numbers that an editor should check now and then are marked with a
``CHECK`` comment next to the text that holds them.
"""

from __future__ import annotations

from typing import Any

from jouw_omgeving.seed.content_format import t

# ---------------------------------------------------------------------------------------
# Wonen: a postal address
# ---------------------------------------------------------------------------------------

_BRIEFADRES_NL = """\
## Wat is een briefadres?

Heb je geen vast woonadres? Dan kun je bij de **gemeente** een **briefadres** aanvragen.
Dat is een adres waar je post naartoe gaat. Je woont daar niet. Maar je post komt daar wel aan.

## Waarom is het belangrijk?

Met een briefadres sta je ingeschreven bij de gemeente. Dat heb je nodig voor veel dingen:

- een uitkering aanvragen
- een zorgverzekering en zorgtoeslag
- een **DigiD** aanvragen
- een nieuw identiteitsbewijs

## Waar kan het?

- Bij iemand die je vertrouwt, zoals familie of een vriend. Die persoon moet het goedvinden
  en tekenen.
- Bij een organisatie, zoals het **Leger des Heils** of de opvang.

## Zo vraag je het aan

1. Maak een afspraak bij de gemeente.
2. Neem je **identiteitsbewijs** mee. Heb je dat niet? Vraag je begeleider wat je kunt doen.
3. Neem de **toestemming** mee van de persoon of organisatie waar je post komt. Dat is een
   formulier met hun handtekening. Het formulier krijg je bij de gemeente.

Haal je post elke week op. Zo mis je geen belangrijke brieven. Je begeleider kan met je
meegaan naar de gemeente.
"""

_BRIEFADRES_EN = """\
## What is a postal address?

Do you have no fixed home address? Then you can apply to the **municipality** (gemeente) for
a **postal address** (briefadres). It is an address where your post is sent. You do not live
there. But your post does arrive there.

## Why does it matter?

With a postal address you are registered with the municipality. You need that for many
things:

- applying for benefits
- health insurance and healthcare allowance
- applying for a **DigiD**
- a new identity document

## Where can it be?

- With someone you trust, such as family or a friend. That person must agree and sign.
- With an organisation, such as the **Salvation Army** (Leger des Heils) or the shelter.

## How to apply

1. Make an appointment at the municipality.
2. Bring your **identity document**. Don't have one? Ask your counsellor what you can do.
3. Bring the **consent** of the person or organisation where your post will go. This is a
   form with their signature. You get the form from the municipality.

Collect your post every week. That way you do not miss important letters. Your counsellor can
come with you to the municipality.
"""

# ---------------------------------------------------------------------------------------
# Geld: a weekly budget
# ---------------------------------------------------------------------------------------

_WEEKBUDGET_NL = """\
## Eerst de vaste lasten

**Vaste lasten** zijn rekeningen die je elke maand betaalt. Betaal die altijd eerst. Denk aan:

- huur
- gas, stroom en water
- zorgverzekering
- telefoon
- gemeentebelasting

Zo houd je je woning, je zorg en je telefoon.

## Dan je weekbudget

1. Kijk hoeveel geld er elke maand binnenkomt.
2. Haal de vaste lasten eraf.
3. Deel wat overblijft door 4. Dat is je **weekbudget**.
4. Van dit geld betaal je boodschappen, reizen en andere dingen.

Een maand heeft soms 5 weken. Houd daarom elke week een klein beetje apart.

## Tips

- Zet je weekbudget elke maandag klaar. Neem het contant op, of zet het op een aparte
  rekening.
- Schrijf op wat je uitgeeft. Dan zie je waar je geld blijft.
- Kom je niet rond? Dat is geen schande. Praat erover met je begeleider. Misschien heb je
  recht op **toeslagen** of op extra hulp van de gemeente.
"""

_WEEKBUDGET_EN = """\
## Fixed costs first

**Fixed costs** are bills you pay every month. Always pay them first. Think of:

- rent
- gas, electricity and water
- health insurance
- phone
- municipal taxes

That way you keep your home, your care and your phone.

## Then your weekly budget

1. Look at how much money comes in every month.
2. Take off the fixed costs.
3. Divide what is left by 4. That is your **weekly budget**.
4. From this money you pay for groceries, travel and other things.

Some months have 5 weeks. So put a little aside every week.

## Tips

- Set your weekly budget aside every Monday. Take it out in cash, or move it to a separate
  account.
- Write down what you spend. Then you see where your money goes.
- Can't make ends meet? That is nothing to be ashamed of. Talk about it with your counsellor.
  You may be entitled to **allowances** (toeslagen) or to extra help from the municipality.
"""

# ---------------------------------------------------------------------------------------
# Gezondheid: health insurance and healthcare allowance
# ---------------------------------------------------------------------------------------

_ZORGVERZEKERING_NL = """\
## Iedereen moet verzekerd zijn

In Nederland moet iedereen vanaf 18 jaar een **zorgverzekering** hebben. Dat heet de
**basisverzekering**. Die betaalt bijvoorbeeld de huisarts, het ziekenhuis en medicijnen.

Je betaalt elke maand een bedrag aan de verzekeraar. Dat heet de **premie**. Heb je geen
verzekering? Dan krijg je een boete. Regel het dus snel.

## Eigen risico

Een deel van je zorg betaal je elk jaar zelf. Dat heet het **eigen risico**. De huisarts
valt daar niet onder. Naar de huisarts gaan kost je dus niets extra.

## Zorgtoeslag

Heb je een laag inkomen? Dan kun je **zorgtoeslag** krijgen. Dat is geld van de overheid voor
je premie.

- Je vraagt zorgtoeslag aan bij **Dienst Toeslagen**.
- Je hebt daarvoor je **DigiD** nodig.
- Je krijgt het geld elke maand op je bankrekening.

Verandert je inkomen? Geef dat snel door. Anders moet je later misschien geld terugbetalen.

## Tip

Veel gemeenten hebben een goedkope zorgverzekering voor mensen met een laag inkomen. Vraag
ernaar bij de gemeente of bij je begeleider.
"""

_ZORGVERZEKERING_EN = """\
## Everyone must be insured

In the Netherlands everyone aged 18 or over must have **health insurance**. This is called
the **basic insurance** (basisverzekering). It pays for things like your GP, the hospital and
medicines.

You pay the insurer an amount every month. This is called the **premium**. No insurance? Then
you get a fine. So arrange it soon.

## Deductible

You pay part of your care yourself every year. This is called the **deductible** (eigen
risico). Your GP does not count towards it. So going to your GP costs you nothing extra.

## Healthcare allowance

Do you have a low income? Then you can get **healthcare allowance** (zorgtoeslag). It is money
from the government towards your premium.

- You apply for it at the **Benefits Service** (Dienst Toeslagen).
- You need your **DigiD** for this.
- You get the money in your bank account every month.

Does your income change? Report it quickly. Otherwise you may have to pay money back later.

## Tip

Many municipalities offer cheap health insurance for people with a low income. Ask the
municipality or your counsellor about it.
"""

# ---------------------------------------------------------------------------------------
# Geld: debt help (slug shared with the demo catalogue, so the demo reuses this text)
# ---------------------------------------------------------------------------------------

_SCHULDEN_NL = """\
## Je staat er niet alleen voor

Veel mensen hebben schulden. Dat is niets om je voor te schamen. Er is hulp, en die hulp is
**gratis**.

## Schuldhulpverlening van de gemeente

Elke gemeente heeft **schuldhulpverlening**. Daar kijken ze samen met jou naar je schulden.
Ze maken een plan. Soms maken ze afspraken met de bedrijven waar je geld aan moet betalen.
Je begeleider kan je aanmelden of met je meegaan.

## Wat neem je mee?

- je identiteitsbewijs
- de brieven van bedrijven of instanties waar je geld aan moet betalen
- de overzichten van je bankrekening van de laatste 3 maanden
- een brief over je inkomen, zoals van je uitkering of je loon
- je huurcontract en je zorgpolis, als je die hebt

Heb je niet alles? Ga toch. Ze helpen je om de rest te vinden.

## Negeer je post niet

- Open elke brief, ook als je er bang voor bent.
- Stop alle brieven in één map.
- Krijg je een brief van een **deurwaarder**? Een deurwaarder haalt geld op voor iemand aan
  wie je geld schuldig bent. Vraag dan meteen hulp.
- Wacht niet. Hoe eerder je hulp vraagt, hoe kleiner het probleem blijft.
"""

_SCHULDEN_EN = """\
## You are not alone

Many people have debts. It is nothing to be ashamed of. There is help, and that help is
**free**.

## Debt help from the municipality

Every municipality offers **debt help** (schuldhulpverlening). They look at your debts
together with you. They make a plan. Sometimes they make arrangements with the companies you
owe money to. Your counsellor can sign you up or go with you.

## What to bring

- your identity document
- the letters from companies or agencies you owe money to
- the statements of your bank account for the last 3 months
- a letter about your income, such as from your benefits or your wages
- your rental contract and your health insurance policy, if you have them

Don't have everything? Go anyway. They will help you find the rest.

## Don't ignore your post

- Open every letter, even if you are afraid of it.
- Put all letters in one folder.
- Did you get a letter from a **bailiff** (deurwaarder)? A bailiff collects money for someone
  you owe money to. Ask for help straight away.
- Don't wait. The sooner you ask for help, the smaller the problem stays.
"""

# ---------------------------------------------------------------------------------------
# Dagbesteding: something to do during the day
# ---------------------------------------------------------------------------------------

_DAGBESTEDING_NL = """\
## Waarom is dat fijn?

Iets te doen hebben geeft rust en ritme. Je ontmoet mensen. En je leert nieuwe dingen. Het
hoeft niet meteen betaald werk te zijn.

## Waar kun je kijken?

- **Inloophuis**: een plek waar je zonder afspraak binnen kunt lopen. Je drinkt koffie, praat
  met mensen of doet mee met een activiteit. Het Leger des Heils heeft in veel plaatsen een
  inloophuis.
- **Dagbesteding**: een vaste plek met werk of activiteiten. Bijvoorbeeld in een werkplaats,
  een tuin of een keuken. Soms moet je dit aanvragen bij de gemeente. Je begeleider helpt je.
- **Vrijwilligerswerk**: je helpt mee, zonder loon. Bijvoorbeeld in een kringloopwinkel, bij
  de voedselbank of in een buurthuis. Veel gemeenten hebben een **vrijwilligerscentrale**.
- **Bibliotheek**: daar zijn vaak gratis cursussen. Bijvoorbeeld over de computer of over
  taal.

## Zo begin je

1. Bedenk wat je leuk vindt of wat je goed kunt.
2. Kies één plek om te bekijken.
3. Ga een keer kijken. Neem iemand mee als je dat fijn vindt.

Begin klein. Eén ochtend per week is al een goede stap.
"""

_DAGBESTEDING_EN = """\
## Why is it good?

Having something to do gives calm and rhythm. You meet people. And you learn new things. It
does not have to be paid work straight away.

## Where can you look?

- **Drop-in centre** (inloophuis): a place you can walk into without an appointment. You have
  a coffee, talk to people or join an activity. The Salvation Army has a drop-in centre in
  many places.
- **Day activities** (dagbesteding): a regular place with work or activities. For example in a
  workshop, a garden or a kitchen. Sometimes you have to apply to the municipality for this.
  Your counsellor will help you.
- **Volunteering**: you help out, without pay. For example in a second-hand shop, at the food
  bank or in a community centre. Many municipalities have a **volunteer centre**.
- **Library**: there are often free courses there. For example about computers or language.

## How to start

1. Think about what you enjoy or what you are good at.
2. Choose one place to look at.
3. Go and have a look. Take someone with you if you like.

Start small. One morning a week is already a good step.
"""

# ---------------------------------------------------------------------------------------
# Mentaal: where to go in a crisis
# ---------------------------------------------------------------------------------------

# CHECK (phone numbers, verify yearly): 112 emergency; 113 / 0800-0113 113 Zelfmoordpreventie;
# 0900-8844 police (no emergency); 0800-2000 Veilig Thuis; 088-0767000 De Luisterlijn.
_CRISIS_NL = """\
## Direct gevaar? Bel 112

Is er levensgevaar? Of is er brand of een ongeluk? Bel dan **112**. Dat is gratis.

## Denk je aan zelfmoord?

Praat erover. Dat helpt echt. Bel **113 Zelfmoordpreventie**:

- bel **113**, of gratis **0800-0113**
- dag en nacht bereikbaar
- chatten kan ook, via de website van 113
- je hoeft je naam niet te zeggen

## Ziek of gewond, maar geen levensgevaar?

- Overdag: bel je **huisarts**.
- 's Avonds, 's nachts en in het weekend: bel de **huisartsenpost**. Bel altijd eerst, voordat
  je erheen gaat.

## Andere hulp

- Politie, maar geen spoed: bel **0900-8844**.
- Geweld of bedreiging thuis: bel **Veilig Thuis**, gratis op **0800-2000**.
- Wil je gewoon met iemand praten? Bel **De Luisterlijn**: **088-0767000**.

## Je begeleider

Gaat het niet goed met je? Vertel het aan je **begeleider**. Stuur een bericht of bel. Je
begeleider werkt niet dag en nacht. Heb je 's nachts hulp nodig? Bel dan de nummers hierboven.

Onder **Hulp** in Jouw Omgeving staan ook de nummers van je eigen team.
"""

_CRISIS_EN = """\
## Immediate danger? Call 112

Is someone's life in danger? Or is there a fire or an accident? Then call **112**. It is
free.

## Are you thinking about suicide?

Talk about it. It really helps. Call **113 Suicide Prevention** (113 Zelfmoordpreventie):

- call **113**, or **0800-0113** for free
- available day and night
- you can also chat, on the 113 website
- you do not have to give your name

## Ill or injured, but not in danger of your life?

- During the day: call your **GP** (huisarts).
- In the evening, at night and at weekends: call the **out-of-hours GP service**
  (huisartsenpost). Always call first, before you go there.

## Other help

- Police, but not an emergency: call **0900-8844**.
- Violence or threats at home: call **Veilig Thuis**, free on **0800-2000**.
- Do you just want to talk to someone? Call **De Luisterlijn** (the listening line):
  **088-0767000**.

## Your counsellor

Are things not going well? Tell your **counsellor**. Send a message or call. Your counsellor
does not work day and night. Need help at night? Then call the numbers above.

Under **Help** in Jouw Omgeving you will also find the numbers of your own team.
"""

# ---------------------------------------------------------------------------------------
# Wonen: renting (slug shared with the demo catalogue, so the demo reuses this text)
# ---------------------------------------------------------------------------------------

_HUURDER_NL = """\
## Wat doe jij?

- Je betaalt de huur op tijd, elke maand.
- Je zorgt goed voor je woning.
- Je doet kleine reparaties zelf. Bijvoorbeeld een lamp vervangen of een wc-bril vastzetten.
- Je houdt rekening met je buren.
- Is er iets kapot? Meld het snel bij de verhuurder.

## Wat doet de verhuurder?

- De verhuurder doet grote reparaties. Bijvoorbeeld aan de verwarming, het dak of een lekkage.
- De verhuurder zorgt dat je veilig kunt wonen.
- De verhuurder mag niet zomaar je woning in. Dat mag alleen als jij het goedvindt.

## Huurtoeslag

Heb je een laag inkomen? Dan kun je misschien **huurtoeslag** krijgen. Dat is geld van de
overheid voor je huur. Je vraagt het aan bij Dienst Toeslagen, met je **DigiD**.

## Lukt het niet om de huur te betalen?

Wacht niet. Bel de verhuurder en vraag om een **betalingsregeling**. Dan betaal je de
achterstand in kleine delen terug. Vertel het ook aan je begeleider. Hoe eerder, hoe beter.
Zo voorkom je dat je je woning kwijtraakt.

Ben je het niet eens met je verhuurder? Bijvoorbeeld over onderhoud of de hoogte van de huur?
Dan kan de **Huurcommissie** helpen.
"""

_HUURDER_EN = """\
## What do you do?

- You pay the rent on time, every month.
- You take good care of your home.
- You do small repairs yourself. For example replacing a light bulb or fixing a toilet seat.
- You take your neighbours into account.
- Is something broken? Report it to the landlord quickly.

## What does the landlord do?

- The landlord does big repairs. For example to the heating, the roof or a leak.
- The landlord makes sure you can live safely.
- The landlord may not just enter your home. Only when you agree.

## Housing allowance

Do you have a low income? Then you may be able to get **housing allowance** (huurtoeslag). It
is money from the government towards your rent. You apply for it at the Benefits Service
(Dienst Toeslagen), with your **DigiD**.

## Can't pay the rent?

Don't wait. Call the landlord and ask for a **payment arrangement** (betalingsregeling). Then
you pay back what you owe in small parts. Tell your counsellor too. The sooner, the better.
That way you avoid losing your home.

Do you disagree with your landlord? For example about repairs or the amount of rent? Then the
**Rent Tribunal** (Huurcommissie) can help.
"""

INFO_ITEMS: list[dict[str, Any]] = [
    {
        "slug": "briefadres-aanvragen",
        "life_domain_key": "wonen",
        "title": t("Een briefadres aanvragen", "Applying for a postal address"),
        "body": t(_BRIEFADRES_NL, _BRIEFADRES_EN),
    },
    {
        "slug": "weekbudget-maken",
        "life_domain_key": "geld",
        "title": t("Een weekbudget maken", "Making a weekly budget"),
        "body": t(_WEEKBUDGET_NL, _WEEKBUDGET_EN),
    },
    {
        "slug": "zorgverzekering-en-zorgtoeslag",
        "life_domain_key": "gezondheid",
        "title": t("Zorgverzekering en zorgtoeslag", "Health insurance and healthcare allowance"),
        "body": t(_ZORGVERZEKERING_NL, _ZORGVERZEKERING_EN),
    },
    {
        "slug": "hulp-bij-geldzorgen",
        "life_domain_key": "geld",
        "title": t("Hulp bij geldzorgen en schulden", "Help with money worries and debts"),
        "body": t(_SCHULDEN_NL, _SCHULDEN_EN),
    },
    {
        "slug": "dagbesteding-vinden",
        "life_domain_key": "dagbesteding",
        "title": t("Iets te doen overdag", "Something to do during the day"),
        "body": t(_DAGBESTEDING_NL, _DAGBESTEDING_EN),
    },
    {
        "slug": "hulp-in-een-crisis",
        "life_domain_key": "mentaal",
        "title": t("Hulp in een crisis: wie bel je?", "Help in a crisis: who do you call?"),
        "body": t(_CRISIS_NL, _CRISIS_EN),
    },
    {
        "slug": "je-rechten-als-huurder",
        "life_domain_key": "wonen",
        "title": t("Je rechten als huurder", "Your rights as a tenant"),
        "body": t(_HUURDER_NL, _HUURDER_EN),
    },
]
