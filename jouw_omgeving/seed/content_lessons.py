"""The digital-skills track (kind "lesson", track "digital_skills"), in order.

Each lesson is short and ends with a check: one to three choice questions whose ``answer`` is
the index of the right option. The first lessons reuse the slugs of the demo catalogue, so the
demo generator finds these lessons and adds none of its own to the track.
"""

from __future__ import annotations

from typing import Any

from jouw_omgeving.seed.content_format import choice_question as choice
from jouw_omgeving.seed.content_format import t

# ---------------------------------------------------------------------------------------
# 1. Logging in to this platform
# ---------------------------------------------------------------------------------------

_INLOGGEN_NL = """\
## Je eigen plek

Jouw Omgeving is jouw eigen plek. Hier staan je doelen, je berichten en je opdrachten.
Alleen jij kunt inloggen met jouw gegevens.

## Zo log je in

1. Open Jouw Omgeving op je telefoon of computer.
2. Typ je **gebruikersnaam**.
3. Typ je **pincode** of je wachtwoord.
4. Druk op **Inloggen**.

Je gebruikersnaam kreeg je van je begeleider, op een kaartje met een code.

## Pincode vergeten?

Geen probleem. Ga naar je begeleider. Samen maken jullie een nieuwe pincode. Dat gaat altijd
persoonlijk, niet via de telefoon.

## Klaar? Log uit

Druk op **Uitloggen** als je klaar bent. Zeker als je de telefoon met anderen deelt.

## De knop Snel weg

Bovenaan zie je de knop **Snel weg**. Komt er iemand aan die niet mag meekijken? Druk dan op
**Snel weg**. Je ziet meteen een andere, gewone website.
"""

_INLOGGEN_EN = """\
## Your own place

Jouw Omgeving is your own place. Here you find your goals, your messages and your
assignments. Only you can log in with your details.

## How to log in

1. Open Jouw Omgeving on your phone or computer.
2. Type your **username**.
3. Type your **PIN** or your password.
4. Press **Log in**.

You got your username from your counsellor, on a card with a code.

## Forgot your PIN?

No problem. Go to your counsellor. Together you make a new PIN. This is always done in
person, not over the phone.

## Done? Log out

Press **Log out** when you are done. Especially if you share the phone with others.

## The Quick exit button

At the top you see the **Quick exit** button. Is someone coming who should not see your
screen? Then press **Quick exit**. You will see a different, ordinary website at once.
"""

# ---------------------------------------------------------------------------------------
# 2. Sending a message
# ---------------------------------------------------------------------------------------

# CHECK (phone numbers): 112 emergency; 113 / 0800-0113 113 Zelfmoordpreventie.
_BERICHTEN_NL = """\
## Berichten aan je begeleider

In Jouw Omgeving kun je je begeleider een bericht sturen. Zo kun je iets vragen of vertellen.
Ook als je elkaar niet ziet.

## Zo stuur je een bericht

1. Druk op **Berichten**.
2. Typ je bericht in het vak onderaan.
3. Druk op **Versturen**.

Staat er een getal bij Berichten? Dan heb je nieuwe berichten. Je ziet ook of je begeleider
je bericht heeft gelezen.

## Goed om te weten

- Je begeleider leest je bericht tijdens werktijd. Een antwoord kan dus even duren.
- Een melding op je telefoon laat nooit zien wat er in het bericht staat. Zo kan niemand
  meelezen.
- Berichten zijn niet voor spoed. Is er gevaar? Bel **112**. Denk je aan zelfmoord? Bel
  **113**, of gratis **0800-0113**.
"""

_BERICHTEN_EN = """\
## Messages to your counsellor

In Jouw Omgeving you can send your counsellor a message. That way you can ask or tell them
something. Even when you don't see each other.

## How to send a message

1. Press **Messages**.
2. Type your message in the box at the bottom.
3. Press **Send**.

Is there a number next to Messages? Then you have new messages. You can also see whether
your counsellor has read your message.

## Good to know

- Your counsellor reads your message during working hours. So an answer may take a while.
- A notification on your phone never shows what the message says. That way nobody can read
  along.
- Messages are not for emergencies. Are you in danger? Call **112**. Are you thinking about
  suicide? Call **113**, or **0800-0113** for free.
"""

# ---------------------------------------------------------------------------------------
# 3. Safe PINs and passwords
# ---------------------------------------------------------------------------------------

_PINCODE_NL = """\
## Je pincode is een sleutel

Je pincode en je wachtwoord zijn de sleutels van je account. Wie de sleutel heeft, kan erin.
Dus ook in je berichten of je geld. Zorg er daarom goed voor.

## Een goede pincode

- Kies geen makkelijke pincode, zoals **1234** of **0000**.
- Kies niet je geboortedatum.
- Gebruik voor je bank een andere pincode dan voor Jouw Omgeving.

## Een goed wachtwoord

Een lang wachtwoord is sterk. Maak een rijtje van drie of vier woorden die bij elkaar niet
logisch zijn. Bijvoorbeeld: *FietsRegenKoffieBlauw*. Verzin wel je eigen woorden. Gebruik niet
overal hetzelfde wachtwoord.

## Vertel het aan niemand

Vertel je pincode aan **niemand**. Ook niet aan familie of vrienden. Ook niet aan je
begeleider of aan iemand van het Leger des Heils. Wij vragen er nooit om.

Vraagt iemand toch om je pincode? Zeg dan nee. Typ je pincode zo dat niemand meekijkt. Houd
je hand erboven.
"""

_PINCODE_EN = """\
## Your PIN is a key

Your PIN and your password are the keys to your account. Whoever has the key can get in.
That includes your messages or your money. So look after them well.

## A good PIN

- Don't choose an easy PIN, like **1234** or **0000**.
- Don't choose your date of birth.
- Use a different PIN for your bank than for Jouw Omgeving.

## A good password

A long password is strong. Make a row of three or four words that don't belong together. For
example: *BikeRainCoffeeBlue*. But think of your own words. Don't use the same password
everywhere.

## Tell no one

Tell **no one** your PIN. Not family or friends. Not your counsellor or anyone from the
Salvation Army either. We never ask for it.

Does someone ask for your PIN anyway? Then say no. Type your PIN so that nobody can see it.
Cover it with your hand.
"""

# ---------------------------------------------------------------------------------------
# 4. Using your (shared) phone safely
# ---------------------------------------------------------------------------------------

_TELEFOON_NL = """\
## Je telefoon beschermen

Op je telefoon staat veel over jou. Je berichten, je foto's en misschien je bank. Met een paar
stappen houd je dat veilig.

## Zet een schermvergrendeling aan

Met een **schermvergrendeling** kan alleen jij je telefoon openen. Gebruik een pincode, een
patroon of je vingerafdruk. Je vindt dit bij **Instellingen**, meestal onder **Beveiliging**.

## Deel je een telefoon?

- Log altijd uit als je klaar bent. Bij Jouw Omgeving, bij je bank en bij je mail.
- Laat de telefoon je wachtwoord **niet** onthouden. Vraagt de telefoon dat? Kies dan *Nee*.
- Gebruik een **privévenster** in je internetbrowser. Dat heet soms ook *incognito*. Dan
  onthoudt de telefoon niet wat je hebt bekeken.

## Updates

Doe de **updates** van je telefoon en je apps. Die maken je telefoon veiliger. Doe dat als je
wifi hebt. Dan gaat het niet van je bundel af.

## Telefoon kwijt?

Vertel het meteen aan je begeleider. Samen zorgen jullie dat niemand anders in je account
kan. Stond je bank-app op de telefoon? Bel dan ook je bank.
"""

_TELEFOON_EN = """\
## Protecting your phone

Your phone holds a lot about you. Your messages, your photos and maybe your bank. A few steps
keep all that safe.

## Turn on a screen lock

With a **screen lock** only you can open your phone. Use a PIN, a pattern or your
fingerprint. You find this under **Settings**, usually under **Security**.

## Do you share a phone?

- Always log out when you are done. From Jouw Omgeving, from your bank and from your email.
- Do **not** let the phone remember your password. Does the phone ask? Then choose *No*.
- Use a **private window** in your internet browser. It is sometimes called *incognito*. Then
  the phone does not remember what you looked at.

## Updates

Install the **updates** for your phone and your apps. They make your phone safer. Do it when
you are on wifi, so it does not use up your data.

## Lost your phone?

Tell your counsellor straight away. Together you make sure nobody else can get into your
account. Was your banking app on the phone? Then call your bank too.
"""

# ---------------------------------------------------------------------------------------
# 5. Recognising fake messages (phishing)
# ---------------------------------------------------------------------------------------

_NEPBERICHTEN_NL = """\
## Wat is een nepbericht?

Oplichters sturen sms'jes, mails en WhatsApp-berichten die echt lijken. Ze willen je geld of
je inloggegevens. Dit heet ook **phishing**.

## Voorbeelden

- *"Je pakket kon niet worden bezorgd. Klik hier."*
- *"Je DigiD verloopt vandaag. Log snel in."*
- *"Hoi mam, dit is mijn nieuwe nummer. Kun je iets voor me betalen?"*
- *"Je bankpas wordt geblokkeerd."*

## Zo herken je het

- Je moet **snel** iets doen. Anders gebeurt er iets ergs.
- Er staat een **link** in waar je op moet klikken.
- Ze vragen om je **pincode**, een code of geld.
- Je kent de afzender niet, of het is een nieuw nummer.

## Wat doe je?

1. Klik **niet** op de link.
2. Twijfel je? Bel de organisatie zelf. Zoek het nummer op een echte brief of op je pas. Niet
   in het bericht.
3. Verwijder het bericht.

Heb je toch geklikt of iets ingevuld? Schaam je niet, het overkomt veel mensen. Bel meteen je
bank. En vertel het aan je begeleider.
"""

_NEPBERICHTEN_EN = """\
## What is a fake message?

Scammers send text messages, emails and WhatsApp messages that look real. They want your
money or your login details. This is also called **phishing**.

## Examples

- *"Your parcel could not be delivered. Click here."*
- *"Your DigiD expires today. Log in quickly."*
- *"Hi mum, this is my new number. Can you pay something for me?"*
- *"Your bank card will be blocked."*

## How to spot it

- You must do something **quickly**. Otherwise something bad will happen.
- There is a **link** in it that you have to click.
- They ask for your **PIN**, a code or money.
- You don't know the sender, or it is a new number.

## What do you do?

1. Do **not** click the link.
2. Not sure? Call the organisation yourself. Find the number on a real letter or on your
   card. Not in the message.
3. Delete the message.

Did you click or fill something in anyway? Don't be ashamed, it happens to many people. Call
your bank straight away. And tell your counsellor.
"""

# ---------------------------------------------------------------------------------------
# 6. DigiD
# ---------------------------------------------------------------------------------------

_DIGID_NL = """\
## Wat is DigiD?

**DigiD** is je digitale sleutel voor de overheid. Met DigiD log je in bij de gemeente, de
Belastingdienst, het UWV en je zorgverzekeraar. Je hebt het bijvoorbeeld nodig voor
zorgtoeslag of huurtoeslag.

## DigiD aanvragen

1. Je hebt een **BSN** nodig. Dat is je burgerservicenummer. Het staat op je paspoort of
   identiteitskaart.
2. Je moet ingeschreven staan bij een gemeente. Een briefadres is ook goed.
3. Vraag DigiD aan op de website van DigiD.
4. Je krijgt een brief met een **activeringscode**. Gebruik die code snel. Hij is maar kort
   geldig.

Lukt het niet alleen? Je begeleider helpt je. In veel bibliotheken helpt het **Informatiepunt
Digitale Overheid** je ook, gratis.

## De DigiD app

De **DigiD app** is makkelijk en veilig. Je logt dan in met een pincode van 5 cijfers.

## Geef je DigiD nooit aan een ander

Je DigiD is van jou, net als je handtekening. Geef je wachtwoord of pincode aan niemand. Ook
niet aan iemand die je wil helpen. Laat een helper naast je zitten, terwijl jij zelf inlogt.
Moet iemand echt dingen voor je regelen? Dat kan officieel met **DigiD Machtigen**.
"""

_DIGID_EN = """\
## What is DigiD?

**DigiD** is your digital key for the government. With DigiD you log in at the municipality,
the tax office, the UWV (benefits agency) and your health insurer. You need it, for example,
for healthcare allowance or housing allowance.

## Applying for DigiD

1. You need a **BSN**. That is your citizen service number. It is on your passport or
   identity card.
2. You must be registered with a municipality. A postal address is fine too.
3. Apply for DigiD on the DigiD website.
4. You get a letter with an **activation code**. Use that code soon. It is only valid for a
   short time.

Can't manage on your own? Your counsellor will help you. In many libraries the **Digital
Government Information Point** (Informatiepunt Digitale Overheid) helps you too, for free.

## The DigiD app

The **DigiD app** is easy and safe. You then log in with a 5-digit PIN.

## Never give your DigiD to someone else

Your DigiD is yours, just like your signature. Give your password or PIN to no one. Not even
to someone who wants to help you. Let a helper sit next to you while you log in yourself.
Does someone really need to arrange things for you? That can be done officially with **DigiD
Machtigen** (DigiD authorisation).
"""

# ---------------------------------------------------------------------------------------
# 7. Government letters online
# ---------------------------------------------------------------------------------------

# CHECK (phone number): BelastingTelefoon 0800-0543.
_BERICHTENBOX_NL = """\
## De Berichtenbox

Veel instanties sturen hun brieven online. Die komen in de **Berichtenbox** van
**MijnOverheid**. Denk aan de gemeente, de Belastingdienst, het UWV en het CJIB. Het CJIB is
de organisatie die boetes stuurt.

Je logt in op MijnOverheid met je **DigiD**.

## Zo houd je overzicht

1. Log elke week één keer in op MijnOverheid.
2. Open de nieuwe berichten in de Berichtenbox.
3. Lees wat je moet doen, en voor welke datum.
4. Zet een melding aan. Dan krijg je een mail als er nieuwe post is. Heb je geen mailadres?
   Je begeleider helpt je er een te maken.

Let op: een bericht in de Berichtenbox is net zo geldig als een brief op papier. Dus ook als
je het niet leest.

## De Belastingdienst

De Belastingdienst stuurt veel brieven op papier, in een **blauwe envelop**. Soms komen ze in
de Berichtenbox. Open ze altijd. Heb je vragen? Bel de **BelastingTelefoon**, gratis op
**0800-0543**.
"""

_BERICHTENBOX_EN = """\
## The Message Box

Many agencies send their letters online. They arrive in the **Message Box** (Berichtenbox) of
**MijnOverheid**, the government's personal website. Think of the municipality, the tax
office, the UWV and the CJIB. The CJIB is the organisation that sends fines.

You log in to MijnOverheid with your **DigiD**.

## How to keep track

1. Log in to MijnOverheid once every week.
2. Open the new messages in the Message Box.
3. Read what you have to do, and by which date.
4. Turn on a notification. Then you get an email when there is new post. No email address?
   Your counsellor will help you make one.

Note: a message in the Message Box counts just as much as a letter on paper. Even if you don't
read it.

## The tax office

The tax office (Belastingdienst) sends many letters on paper, in a **blue envelope**.
Sometimes they arrive in the Message Box. Always open them. Questions? Call the **tax
helpline** (BelastingTelefoon), free on **0800-0543**.
"""

# ---------------------------------------------------------------------------------------
# 8. Paying safely with your phone
# ---------------------------------------------------------------------------------------

_BETALEN_NL = """\
## Betalen met de bank-app

Met de app van je bank kun je geld overmaken en zien hoeveel geld je hebt. Dat is handig.
Let wel goed op.

## Zo betaal je veilig

- Haal de bank-app alleen uit de Play Store of de App Store.
- Zet een pincode op de bank-app. Vertel die aan niemand.
- Kijk voor je betaalt goed naar het **bedrag** en de **naam**. Klopt het? Alleen dan
  bevestig je de betaling.
- Krijg je een **betaalverzoek** van iemand die je niet kent? Betaal dan niet.

## De bank vraagt nooit:

- om je pincode of je inlogcodes
- om je bankpas op te sturen of af te geven
- om geld over te maken naar een *veilige rekening*

Gebeurt dat toch, via de telefoon, sms of mail? Hang op of reageer niet. Het is oplichting.

## Pas kwijt of geld weg?

Bel meteen je bank en laat je pas blokkeren. Het nummer staat in de bank-app. Of vraag je
begeleider om het op te zoeken. Vertel het ook aan je begeleider.
"""

_BETALEN_EN = """\
## Paying with the banking app

With your bank's app you can transfer money and see how much money you have. That is handy.
But pay close attention.

## How to pay safely

- Only get the banking app from the Play Store or the App Store.
- Put a PIN on the banking app. Tell it to no one.
- Before you pay, look carefully at the **amount** and the **name**. Is it right? Only then
  confirm the payment.
- Do you get a **payment request** from someone you don't know? Then don't pay.

## The bank never asks:

- for your PIN or your login codes
- for you to send or hand over your bank card
- for you to transfer money to a *safe account*

Does that happen anyway, by phone, text or email? Hang up or don't respond. It is a scam.

## Lost your card or money gone?

Call your bank straight away and have your card blocked. The number is in the banking app.
Or ask your counsellor to look it up. Tell your counsellor as well.
"""

LESSON_ITEMS: list[dict[str, Any]] = [
    {
        "slug": "digitaal-veilig-inloggen",
        "title": t("Inloggen in Jouw Omgeving", "Logging in to Jouw Omgeving"),
        "body": t(_INLOGGEN_NL, _INLOGGEN_EN),
        "questions": [
            choice(
                "q1",
                t(
                    "Je bent je pincode vergeten. Wat doe je?",
                    "You forgot your PIN. What do you do?",
                ),
                [
                    t("Ik ga naar mijn begeleider", "I go to my counsellor"),
                    t("Ik vraag een vriend om mijn pincode", "I ask a friend for my PIN"),
                    t("Ik probeer 1234", "I try 1234"),
                ],
                answer=0,
            ),
            choice(
                "q2",
                t(
                    "Iemand kijkt mee op je scherm. Dat wil je niet. Waar druk je op?",
                    "Someone is looking at your screen. You don't want that. What do you press?",
                ),
                [
                    t("Berichten", "Messages"),
                    t("Snel weg", "Quick exit"),
                    t("Mijn doelen", "My goals"),
                ],
                answer=1,
            ),
        ],
    },
    {
        "slug": "digitaal-berichten-sturen",
        "title": t("Een bericht sturen", "Sending a message"),
        "body": t(_BERICHTEN_NL, _BERICHTEN_EN),
        "questions": [
            choice(
                "q1",
                t(
                    "Je wilt je begeleider iets vragen. Waar druk je eerst op?",
                    "You want to ask your counsellor something. What do you press first?",
                ),
                [
                    t("Berichten", "Messages"),
                    t("Uitloggen", "Log out"),
                    t("Snel weg", "Quick exit"),
                ],
                answer=0,
            ),
            choice(
                "q2",
                t(
                    "Het is nacht en je bent in gevaar. Wat doe je?",
                    "It is night and you are in danger. What do you do?",
                ),
                [
                    t("Ik stuur mijn begeleider een bericht", "I send my counsellor a message"),
                    t("Ik wacht tot morgen", "I wait until tomorrow"),
                    t("Ik bel 112", "I call 112"),
                ],
                answer=2,
            ),
        ],
    },
    {
        "slug": "digitaal-veilige-pincode",
        "title": t("Een veilige pincode en wachtwoord", "A safe PIN and password"),
        "body": t(_PINCODE_NL, _PINCODE_EN),
        "questions": [
            choice(
                "q1",
                t("Welke pincode is het veiligst?", "Which PIN is the safest?"),
                [
                    t("1234", "1234"),
                    t("Mijn geboortedatum", "My date of birth"),
                    t("Cijfers die niemand kan raden", "Numbers nobody can guess"),
                ],
                answer=2,
            ),
            choice(
                "q2",
                t(
                    "Iemand van het Leger des Heils vraagt om je pincode. Wat doe je?",
                    "Someone from the Salvation Army asks for your PIN. What do you do?",
                ),
                [
                    t("Ik zeg nee", "I say no"),
                    t("Ik geef mijn pincode", "I give my PIN"),
                ],
                answer=0,
            ),
        ],
    },
    {
        "slug": "digitaal-telefoon-veilig-gebruiken",
        "title": t("Je telefoon veilig gebruiken", "Using your phone safely"),
        "body": t(_TELEFOON_NL, _TELEFOON_EN),
        "questions": [
            choice(
                "q1",
                t(
                    "Je leent de telefoon van een vriend. Wat doe je als je klaar bent?",
                    "You borrow a friend's phone. What do you do when you are done?",
                ),
                [
                    t("Ik laat alles open staan", "I leave everything open"),
                    t("Ik log uit", "I log out"),
                ],
                answer=1,
            ),
            choice(
                "q2",
                t(
                    "Een gedeelde telefoon vraagt: wachtwoord opslaan? Wat kies je?",
                    "A shared phone asks: save password? What do you choose?",
                ),
                [t("Nee", "No"), t("Ja", "Yes")],
                answer=0,
            ),
            choice(
                "q3",
                t(
                    "Waarom zet je een schermvergrendeling aan?",
                    "Why do you turn on a screen lock?",
                ),
                [
                    t("Zodat alleen ik mijn telefoon kan openen", "So only I can open my phone"),
                    t("Zodat mijn batterij langer meegaat", "So my battery lasts longer"),
                ],
                answer=0,
            ),
        ],
    },
    {
        "slug": "digitaal-nepberichten-herkennen",
        "title": t("Nepberichten herkennen", "Recognising fake messages"),
        "body": t(_NEPBERICHTEN_NL, _NEPBERICHTEN_EN),
        "questions": [
            choice(
                "q1",
                t(
                    "Je krijgt een sms: 'Je pakket ligt klaar. Betaal 1 euro via deze link.' "
                    "Wat doe je?",
                    "You get a text: 'Your parcel is waiting. Pay 1 euro via this link.' "
                    "What do you do?",
                ),
                [
                    t("Ik betaal snel", "I pay quickly"),
                    t("Ik klik niet en verwijder de sms", "I don't click and delete the text"),
                    t("Ik stuur de sms door naar vrienden", "I forward the text to friends"),
                ],
                answer=1,
            ),
            choice(
                "q2",
                t(
                    "Een bericht zegt: 'Je DigiD verloopt vandaag. Log in via deze link.' "
                    "Is dit echt?",
                    "A message says: 'Your DigiD expires today. Log in via this link.' Is it real?",
                ),
                [
                    t("Ja, ik moet snel inloggen", "Yes, I must log in quickly"),
                    t("Nee, het is waarschijnlijk nep", "No, it is probably fake"),
                ],
                answer=1,
            ),
        ],
    },
    {
        "slug": "digitaal-digid-gebruiken",
        "title": t("DigiD: je digitale sleutel", "DigiD: your digital key"),
        "body": t(_DIGID_NL, _DIGID_EN),
        "questions": [
            choice(
                "q1",
                t("Waarvoor gebruik je DigiD?", "What do you use DigiD for?"),
                [
                    t(
                        "Om in te loggen bij de overheid, zoals de Belastingdienst",
                        "To log in at the government, such as the tax office",
                    ),
                    t("Om te betalen in de winkel", "To pay in a shop"),
                    t("Om te bellen", "To make phone calls"),
                ],
                answer=0,
            ),
            choice(
                "q2",
                t(
                    "Een kennis wil je zorgtoeslag regelen. Hij vraagt je DigiD-wachtwoord. "
                    "Wat doe je?",
                    "An acquaintance wants to arrange your healthcare allowance. He asks for "
                    "your DigiD password. What do you do?",
                ),
                [
                    t("Ik geef hem mijn wachtwoord", "I give him my password"),
                    t(
                        "Ik log zelf in, terwijl hij naast me zit",
                        "I log in myself, while he sits next to me",
                    ),
                ],
                answer=1,
            ),
        ],
    },
    {
        "slug": "digitaal-post-van-de-overheid",
        "title": t("Post van de overheid online", "Government post online"),
        "body": t(_BERICHTENBOX_NL, _BERICHTENBOX_EN),
        "questions": [
            choice(
                "q1",
                t(
                    "Waar vind je online brieven van de overheid?",
                    "Where do you find online letters from the government?",
                ),
                [
                    t(
                        "In de Berichtenbox van MijnOverheid",
                        "In the Message Box of MijnOverheid",
                    ),
                    t("In WhatsApp", "In WhatsApp"),
                    t("Bij de spam in mijn mail", "In the spam folder of my email"),
                ],
                answer=0,
            ),
            choice(
                "q2",
                t("Hoe log je in op MijnOverheid?", "How do you log in to MijnOverheid?"),
                [
                    t("Met mijn bankpas", "With my bank card"),
                    t("Met mijn DigiD", "With my DigiD"),
                    t("Met de pincode van Jouw Omgeving", "With my Jouw Omgeving PIN"),
                ],
                answer=1,
            ),
            choice(
                "q3",
                t(
                    "Telt een bericht in de Berichtenbox net zo zwaar als een brief op papier?",
                    "Does a message in the Message Box count as much as a letter on paper?",
                ),
                [t("Ja", "Yes"), t("Nee", "No")],
                answer=0,
            ),
        ],
    },
    {
        "slug": "digitaal-online-betalen",
        "title": t("Veilig betalen met je telefoon", "Paying safely with your phone"),
        "body": t(_BETALEN_NL, _BETALEN_EN),
        "questions": [
            choice(
                "q1",
                t(
                    "Iemand belt. Hij zegt dat hij van je bank is en vraagt je pincode. "
                    "Wat doe je?",
                    "Someone calls. He says he is from your bank and asks for your PIN. "
                    "What do you do?",
                ),
                [
                    t("Ik geef mijn pincode", "I give my PIN"),
                    t("Ik hang op", "I hang up"),
                ],
                answer=1,
            ),
            choice(
                "q2",
                t(
                    "Wat doe je voordat je een betaling bevestigt?",
                    "What do you do before you confirm a payment?",
                ),
                [
                    t(
                        "Ik kijk of het bedrag en de naam kloppen",
                        "I check that the amount and the name are right",
                    ),
                    t("Niets, ik druk meteen op OK", "Nothing, I press OK straight away"),
                ],
                answer=0,
            ),
            choice(
                "q3",
                t("Je bankpas is weg. Wat doe je?", "Your bank card is gone. What do you do?"),
                [
                    t("Ik wacht een paar dagen", "I wait a few days"),
                    t(
                        "Ik bel meteen mijn bank en laat de pas blokkeren",
                        "I call my bank straight away and have the card blocked",
                    ),
                ],
                answer=1,
            ),
        ],
    },
]
