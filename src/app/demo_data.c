/* SPDX-License-Identifier: MIT */
/*
 * Demo content for kijkronde: one fictional vervolgbijeenkomst of the Leernetwerk Rekenen
 * Rivierenland at Basisschool De Wilgenkrakeling, with the kijkvraag 'rekenen-vastlopen'. Four
 * tweetallen from four fictional visiting schools make seven classroom visits during the
 * morning and type short, timestamped notes. Most notes are factual (who, does or says what,
 * how many, how long, on which task), so the reflection has overeenkomsten and verschillen to
 * find: learners who first ask a neighbour, wait with a finger up, use a hulpkaart or concrete
 * material, or skip an opgave. Exactly seven notes are deliberately judging, the kind
 * observers slip into (marked below with a comment), so the oordeeldetector has something to
 * find. All names, schools and places are invented; pupils are only described by position.
 */
#include "demo_data.h"

const struct kr_demo_session kr_demo_session = {
    .network = "Leernetwerk Rekenen Rivierenland",
    .host_school = "Basisschool De Wilgenkrakeling",
    .date = "2026-03-12",
    .basisvaardigheid = "rekenen-wiskunde",
    .ontwikkelvraag =
        "Hoe houden we bij rekenen hoge verwachtingen vast voor alle leerlingen, zodat zij bij "
        "een moeilijke opgave zelf blijven doordenken in plaats van dat wij het denkwerk van ze "
        "overnemen?",
    .kijkvraag_id = "rekenen-vastlopen",
    .kijkvraag =
        "Wat doen en zeggen leerlingen als een rekenopgave moeilijk voor ze is? Wat doen ze "
        "daarna?",
    .utc_offset = "+01:00",
};

const struct kr_demo_tweetal kr_demo_tweetallen[] = {
    {
        "Tweetal 1",
        {
            {"Marieke", "schoolleider", "IKC De Dijkpiraat"},
            {"Sander", "rekencoördinator", "CBS Het Uiterwaardje"},
        },
    },
    {
        "Tweetal 2",
        {
            {"Fatima", "intern begeleider", "OBS De Kribbenbalk"},
            {"Joost", "leraar groep 6", "IKC De Dijkpiraat"},
        },
    },
    {
        "Tweetal 3",
        {
            {"Ineke", "teamleider bovenbouw", "CBS Het Uiterwaardje"},
            {"Rachid", "schoolleider", "RKBS Sint-Zwaluw"},
        },
    },
    {
        "Tweetal 4",
        {
            {"Bram", "intern begeleider", "RKBS Sint-Zwaluw"},
            {"Lotte", "rekencoördinator", "OBS De Kribbenbalk"},
        },
    },
};
const size_t kr_demo_n_tweetallen = sizeof kr_demo_tweetallen / sizeof kr_demo_tweetallen[0];

const struct kr_demo_visit kr_demo_visits[] = {
    {"g3", 0, "groep 3", "rekenen", "09:05", "09:30"},
    {"g6a", 1, "groep 6a", "rekenen", "09:05", "09:35"},
    {"g8", 3, "groep 8", "rekenen", "09:10", "09:35"},
    {"g5", 2, "groep 5", "rekenen", "09:40", "10:05"},
    {"g4", 0, "groep 4", "rekenen", "10:35", "11:00"},
    {"g7", 1, "groep 7", "rekenen", "10:40", "11:10"},
    {"g6b", 3, "groep 6b", "wereldoriëntatie", "11:15", "11:40"},
};
const size_t kr_demo_n_visits = sizeof kr_demo_visits / sizeof kr_demo_visits[0];

const struct kr_demo_note kr_demo_notes[] = {
    /* groep 3, rekenen, Tweetal 1 */
    {"g3", "09:06:20",
     "Op het bord staat: 'Ik kan getallen tot 20 splitsen.' Naast het bord hangt een "
     "klassenrekenrek met 20 kralen.",
     "leerinhoud", 1},
    {"g3", "09:07:45",
     "Leerkracht schuift 13 kralen naar links en vraagt: 'Hoe zie je zonder tellen dat dit er 13 "
     "zijn?' 9 van 24 leerlingen steken hun vinger op.",
     "leraar", 0},
    {"g3", "09:08:30", "Jongen vooraan zegt: 'Tien rood en dan nog drie wit.'", NULL, 0},
    {"g3", "09:10:05",
     "Werkblad blz. 42: splitshuizen van 14, 16 en 18. Op elke tafel ligt een klein rekenrek.",
     "leerinhoud", 1},
    /* bewust oordelend */
    {"g3", "09:12:10", "De juf legt het splitsen heel goed uit, fijn om te zien.", NULL, 0},
    {"g3", "09:13:40",
     "Meisje aan tafel 2 telt de kralen één voor één met haar vinger, hardop tot 16, en "
     "begint daarna opnieuw bij 1.",
     "leerling", 1},
    {"g3", "09:15:00",
     "Leerling bij het raam laat bij het splitshuis van 16 het tweede vakje leeg en kijkt naar "
     "het blad van zijn buurman. Buurman schuift zijn blad naar hem toe.",
     "leerling", 0},
    {"g3", "09:19:10",
     "Twee leerlingen aan tafel 4 steken hun vinger op en wachten van 09:16 tot 09:19 tot de "
     "leerkracht bij hen komt. Hun rekenrek ligt onaangeraakt naast het werkblad.",
     NULL, 1},
    {"g3", "09:19:30",
     "Leerkracht knielt bij tafel 4 en vraagt: 'Wat weet je al van 16?' Leerling antwoordt: 'Tien "
     "en nog zes.' Leerkracht loopt door zonder het antwoord voor te zeggen.",
     "leraar", 1},
    {"g3", "09:21:15",
     "Jongen vooraan zegt tegen zijn buurvrouw: “Eerst de tien, dan hoef je niet te tellen.” "
     "Buurvrouw schuift 10 kralen in één keer opzij.",
     NULL, 0},
    {"g3", "09:24:00",
     "Om 09:24 hebben 15 van 24 leerlingen de drie splitshuizen ingevuld; 4 leerlingen zijn nog "
     "bij het eerste.",
     NULL, 1},
    {"g3", "09:27:30",
     "Leerkracht sluit af: 'Wie heeft vandaag iets moeilijks gedaan en wat deed je toen?' Meisje "
     "bij de kast zegt: 'Ik ging het rekenrek gebruiken.'",
     "leraar", 0},

    /* groep 6a, rekenen, Tweetal 2 */
    {"g6a", "09:06:10",
     "Op het bord staat het lesdoel ‘Ik kan breuken met verschillende noemers vergelijken.’ "
     "Methode: blok 6, les 3, blz. 58.",
     "leerinhoud", 0},
    {"g6a", "09:07:30",
     "Leerkracht houdt een breukenstrook van 2/3 en een van 3/4 omhoog en vraagt: 'Welke is "
     "langer, en hoe weet je dat?' 7 van 27 leerlingen steken hun vinger op.",
     "leraar", 1},
    /* bewust oordelend */
    {"g6a", "09:11:45",
     "Ik vind dat de instructie veel te lang duurt, de kinderen zitten maar te wachten.", NULL, 1},
    {"g6a", "09:14:20",
     "Meisje aan tafel 3 zegt tegen haar buurvrouw: 'Ik snap 3/4 niet.' Buurvrouw pakt de "
     "breukenstrook en legt de vierde stukjes naast de derde stukjes.",
     "leerling", 0},
    {"g6a", "09:19:05",
     "Uitleg aan het bord van 09:07 tot 09:19. In die tijd stellen leerlingen 2 vragen; de "
     "leerkracht stelt er 11.",
     "leraar", 1},
    {"g6a", "09:19:40",
     "Leerkracht: 'Wie het nog lastig vindt, komt naar de instructietafel.' 6 leerlingen gaan "
     "naar de instructietafel, 2 van hen na een knik van de leerkracht.",
     "leraar", 0},
    {"g6a", "09:21:05",
     "Op de tafels liggen 8 hulpkaarten 'Breuken vergelijken in 3 stappen'. Leerling bij het raam "
     "legt zijn kaart omgekeerd onder zijn schrift.",
     "leerinhoud", 1},
    {"g6a", "09:23:30", "Jongen achterin slaat opgave 4 (5/6 of 7/8) over en begint aan opgave 5.",
     NULL, 1},
    {"g6a", "09:25:10",
     "Aan de instructietafel vraagt de leerkracht: 'Hoe heb je dat aangepakt?' Leerling: 'Ik heb "
     "de stroken onder elkaar gelegd en gekeken welke langer is.'",
     "leraar", 0},
    {"g6a", "09:28:10",
     "3 leerlingen zitten met hun vinger omhoog en wachten, de langste 4 minuten (09:24-09:28). "
     "Geen van de drie schrijft in die tijd iets op.",
     "leerling", 1},
    {"g6a", "09:29:20",
     "Twee meisjes aan tafel 5 overleggen over opgave 6: 'Als de noemer groter is, zijn de "
     "stukjes kleiner.' Ze schrijven 3/8 < 3/5 op.",
     NULL, 0},
    {"g6a", "09:32:00",
     "Om 09:32 zijn 17 van 27 leerlingen bij opgave 6 of verder; 4 leerlingen zijn bij opgave 2. "
     "Opgave 4 van de jongen achterin is nog leeg.",
     NULL, 1},
    {"g6a", "09:33:30",
     "Leerkracht vraagt een jongen die klaar is: 'Kun je een breuk bedenken die tussen 2/3 en 3/4 "
     "ligt?' Jongen schrijft 7/10 in zijn schrift en zegt: 'Bijna zeker.'",
     NULL, 0},

    /* groep 8, rekenen, Tweetal 4 */
    {"g8", "09:11:00",
     "Op het bord: 'Ik kan procenten berekenen met de 10%-regel.' Na de instructie werken "
     "leerlingen in het digitale oefenprogramma op Chromebooks.",
     "leerinhoud", 1},
    {"g8", "09:12:30",
     "Leerkracht rekent 35% van 80 voor: eerst 10%, dan 30%, dan 5%. Ze vraagt: 'Waarom begin ik "
     "bij 10%?' Leerling vooraan: 'Omdat dat makkelijk is, dan deel je door tien.'",
     "leraar", 0},
    {"g8", "09:15:10",
     "Vanaf 09:15 werken 22 leerlingen op de Chromebook; 6 leerlingen zitten aan de "
     "instructietafel voor verlengde instructie.",
     NULL, 1},
    {"g8", "09:17:40",
     "Jongen bij de deur klikt bij opgave 3 vier keer op de knop 'hint' en daarna op 'toon "
     "antwoord'. Hij typt het getoonde antwoord over en gaat naar opgave 4.",
     "leerling", 0},
    {"g8", "09:19:05",
     "Jongen bij de deur legt om 09:19 zijn hoofd op zijn arm; op het scherm staat opgave 4, het "
     "invulvak is leeg.",
     NULL, 0},
    /* bewust oordelend */
    {"g8", "09:20:30",
     "Die jongen bij de deur verveelt zich en heeft gewoon geen zin in procenten.", "leerling", 1},
    {"g8", "09:21:50",
     "Twee meisjes bij het raam overleggen in het Arabisch over opgave 5 (15% korting op € 60). "
     "Daarna typt een van hen 51 in en zegt in het Nederlands: 'Eerst tien procent, dan de helft "
     "erbij.'",
     "leerling", 1},
    {"g8", "09:24:15",
     "Bij 4 leerlingen in de middelste rij is opgave 7 in de voortgangsbalk grijs (overgeslagen); "
     "zij werken aan opgave 8 of 9.",
     NULL, 0},
    {"g8", "09:26:40",
     "Aan de instructietafel legt de leerkracht een strook van 0 tot 100% neer en vraagt: 'Waar "
     "ligt 25% ongeveer?' 4 van de 6 leerlingen wijzen dezelfde plek aan.",
     "leraar", 1},
    {"g8", "09:28:20",
     "Leerling aan de instructietafel zegt: 'Ik snap niet waarom je door tien deelt.' Leerkracht: "
     "'Hoeveel is 10 van de 100?' Leerling schrijft 10/100 = 1/10 op zijn wisbordje.",
     "leerling", 0},
    {"g8", "09:31:00",
     "Meisje achterin steekt haar vinger op, laat hem na 2 minuten zakken en vraagt het haar "
     "buurman. Buurman wijst naar de hulpkaart op de muur: '10% = : 10'.",
     "leerling", 1},
    {"g8", "09:33:30",
     "Om 09:33 staat de voortgangsbalk bij 19 van 22 leerlingen op 8 of meer opgaven; bij 3 "
     "leerlingen op 4 of minder.",
     NULL, 0},

    /* groep 5, rekenen, Tweetal 3 */
    {"g5", "09:41:10",
     "Op het bord: 'Ik kan keersommen zoals 6 x 14 uitrekenen door te splitsen.' Op elke tafel "
     "staat een stoplichtblokje (rood, oranje, groen).",
     "leerinhoud", 0},
    {"g5", "09:42:30",
     "Leerkracht tekent 6 x 14 als 6 x 10 en 6 x 4 in een rechthoek en vraagt: 'Waarom mag ik 14 "
     "in twee stukken hakken?' 3 leerlingen steken hun vinger op; leerkracht wacht 8 seconden en "
     "kiest dan een leerling zonder vinger.",
     "leraar", 1},
    {"g5", "09:45:00",
     "Leerling op de tweede rij antwoordt: 'Omdat het er samen nog steeds 14 zijn.'", NULL, 1},
    {"g5", "09:47:20",
     "Om 09:47 staan 5 blokjes op rood en 3 op oranje. Leerkracht roept de 5 leerlingen met rood "
     "naar de instructietafel.",
     NULL, 0},
    /* bewust oordelend */
    {"g5", "09:49:10", "Het zwakke groepje aan de instructietafel begrijpt er niks van.",
     "leerling", 0},
    {"g5", "09:50:30",
     "Aan de instructietafel pakken 3 van de 5 leerlingen MAB en leggen 6 rijen van 1 staaf en 4 "
     "blokjes. Een jongen zegt: 'O, dus zes tientjes.'",
     "leerling", 1},
    {"g5", "09:52:45",
     "Jongen bij het raam zet zijn blokje op oranje, kijkt 30 seconden naar opgave 3 (7 x 16) en "
     "vraagt dan zijn buurjongen: 'Hoe deed jij die?' Buurjongen wijst naar zijn schrift.",
     "leerling", 0},
    {"g5", "09:54:20",
     "Op de tafels ligt een hulpkaart 'Splitsen bij keer' met 3 stappen. 4 leerlingen hebben de "
     "kaart open naast hun schrift; 2 van hen schrijven per opgave 'stap 1', 'stap 2' in hun "
     "schrift.",
     "leerinhoud", 1},
    {"g5", "09:56:40",
     "Meisje aan tafel 1 schrijft bij opgave 5 (8 x 23) het antwoord 164, gumt het uit en "
     "schrijft 184. Ze zet haar blokje van oranje op groen.",
     NULL, 1},
    {"g5", "09:59:00",
     "Leerkracht loopt langs 6 tafels met een oranje of groen blokje en vraagt: 'Laat eens zien "
     "hoe je het gesplitst hebt.' Ze schrijft zelf geen antwoorden op.",
     "leraar", 0},
    {"g5", "10:02:30",
     "Om 10:02 hebben 14 van 25 leerlingen opgave 1 t/m 6 af; 2 leerlingen zijn begonnen aan de "
     "plusopgave ‘Verzin zelf een keersom met 15’.",
     NULL, 1},

    /* groep 4, rekenen, Tweetal 1 */
    {"g4", "10:36:00",
     "Op het bord staat ‘Ik kan over het tiental springen op de getallenlijn.’ Methode: blok "
     "7, les 2. Op een tafel achterin staan bakken met MAB.",
     "leerinhoud", 1},
    {"g4", "10:37:15",
     "Leerkracht tekent een lege getallenlijn en vraagt: 'Hoe spring je van 38 naar 45?' Leerling "
     "vooraan zegt: 'Eerst naar 40, dan nog vijf.'",
     "leraar", 0},
    {"g4", "10:40:20",
     "Leerkracht: 'Pak je werkboek, blz. 31. Wie wil, komt bij mij aan de instructietafel.' Vanaf "
     "10:40 lopen 9 leerlingen door het lokaal.",
     NULL, 1},
    /* bewust oordelend */
    {"g4", "10:42:00",
     "Chaotische overgang naar het zelfstandig werken, het klassenmanagement is niet op orde.",
     "leraar", 0},
    {"g4", "10:44:10",
     "Om 10:44 zitten 8 van de 9 leerlingen die door het lokaal liepen met het werkboek open aan "
     "hun tafel; 1 staat bij de kapstok.",
     NULL, 1},
    {"g4", "10:45:30",
     "Aan de instructietafel zitten 4 leerlingen. Leerkracht laat 38 + 7 leggen met MAB. Een "
     "meisje wisselt 10 blokjes in voor een staaf en zegt: 'Nu zijn het vier staven.'",
     "leerling", 1},
    {"g4", "10:47:10",
     "Jongen aan tafel 3 steekt zijn vinger op bij opgave 4 (57 + 6). Zijn potlood ligt naast het "
     "werkboek.",
     "leerling", 0},
    {"g4", "10:49:00",
     "Twee meisjes aan tafel 5 tekenen bij elke opgave een getallenlijn in de kantlijn; bij "
     "opgave 4 tekenen ze twee sprongen: 57-60 en 60-63.",
     NULL, 1},
    {"g4", "10:51:30",
     "Leerling bij de kast loopt naar de MAB-bak, pakt 5 staven en 7 blokjes en legt ze op zijn "
     "tafel. Hij telt de blokjes hardop en schrijft 63 op.",
     NULL, 0},
    {"g4", "10:52:20",
     "Jongen aan tafel 3 heeft zijn vinger van 10:47 tot 10:52 omhoog gehouden en in die tijd "
     "niets opgeschreven.",
     "leerling", 1},
    {"g4", "10:53:00",
     "Leerkracht bij tafel 3: 'Wat heb je al geprobeerd?' Jongen: 'Niks, ik wist het niet.' "
     "Leerkracht: 'Wat is het volgende tiental na 57?' Jongen: 'Zestig.' Hij schrijft 60 in de "
     "kantlijn.",
     "leraar", 1},
    {"g4", "10:55:20",
     "Naast het lesdoel hangt een stappenplan met drie plaatjes: ‘1. naar het tiental, 2. wat "
     "is er nog over, 3. spring verder’. Tussen 10:50 en 10:55 kijken 3 leerlingen aan tafel 2 "
     "ernaar tijdens het werken.",
     "leerinhoud", 0},
    {"g4", "10:58:10",
     "Om 10:58 hebben 16 van 26 leerlingen opgave 1 t/m 6 ingevuld; bij 5 leerlingen is opgave 4 "
     "leeg en opgave 5 wel ingevuld.",
     NULL, 1},

    /* groep 7, rekenen, Tweetal 2 */
    {"g7", "10:41:20",
     "Lesdoel op het bord: 'Ik kan een verhoudingstabel gebruiken bij een recept.' Daaronder een "
     "kaart: ‘Vastgelopen? 1. Lees de vraag nog eens. 2. Vraag je maatje. 3. Pak de hulpkaart. "
     "4. Dan de meester.’",
     "leerinhoud", 0},
    {"g7", "10:42:50",
     "Leerkracht leest voor: pannenkoeken voor 4 personen, 250 gram meel; hoeveel meel voor 10 "
     "personen? Hij vraagt: 'Wat weet je al en wat wil je weten?' en laat tweetallen 30 seconden "
     "overleggen.",
     "leraar", 1},
    {"g7", "10:45:40",
     "Van de 14 tweetallen schrijven er 9 een verhoudingstabel op het wisbordje; 3 tweetallen "
     "schrijven alleen een getal (625, 600 en 1000).",
     NULL, 0},
    {"g7", "10:48:00",
     "Leerkracht vraagt het tweetal met 1000: 'Hoe kom je daaraan?' Jongen: 'Vier keer 250.' "
     "Leerkracht: 'Voor hoeveel personen is dat dan?' Jongen kijkt naar zijn buurman en zegt: 'O, "
     "voor zestien.'",
     "leraar", 1},
    {"g7", "10:51:10",
     "Tijdens het zelfstandig werken (vanaf 10:50) vragen 7 leerlingen eerst hun buurman om hulp "
     "voordat ze hun vinger opsteken; 2 leerlingen steken meteen hun vinger op.",
     "leerling", 0},
    {"g7", "10:53:30",
     "Twee jongens aan tafel 6 overleggen in het Turks over opgave 3 en schrijven daarna in het "
     "Nederlands in de tabel: '3 personen - 180 ml melk'.",
     NULL, 1},
    /* bewust oordelend */
    {"g7", "10:55:00",
     "Die twee jongens praten de hele tijd Turks, dat hoort niet in de rekenles. Komt natuurlijk "
     "doordat ze thuis geen Nederlands spreken.",
     NULL, 0},
    {"g7", "10:57:40",
     "Meisje vooraan slaat opgave 4 over (recept voor 6 personen omrekenen naar 9) en zet er een "
     "potloodstreepje bij.",
     "leerling", 1},
    {"g7", "11:00:10",
     "Jongen aan tafel 2 pakt de hulpkaart ‘Verhoudingstabel’ uit zijn la, legt hem naast "
     "zijn schrift en schrijft boven de tabel 'personen' en 'gram', zoals op de kaart.",
     NULL, 0},
    {"g7", "11:02:30",
     "Leerkracht zit vanaf 10:58 aan de instructietafel met 5 leerlingen. Tussen 10:58 en 11:02 "
     "steken 4 andere leerlingen hun vinger op; 3 van hen werken verder aan de volgende opgave "
     "terwijl ze wachten.",
     "leerling", 1},
    {"g7", "11:04:00",
     "Aan de instructietafel vraagt de leerkracht: 'Welke kolom kun je makkelijk maken?' "
     "Leerling: 'Voor 2 personen, dat is de helft.' Hij schrijft 2 - 125 in de tabel.",
     NULL, 0},
    {"g7", "11:06:20",
     "Meisje vooraan gaat terug naar opgave 4, maakt in de tabel een tussenkolom voor 3 personen "
     "en vult daarna de kolom voor 9 personen in.",
     "leerling", 1},
    {"g7", "11:08:15",
     "Leerkracht sluit af: 'Wie is vandaag ergens vastgelopen? Wat deed je toen?' 6 leerlingen "
     "steken hun vinger op; 2 noemen 'maatje', 1 noemt 'de hulpkaart'.",
     NULL, 0},

    /* groep 6b, wereldoriëntatie, Tweetal 4 */
    {"g6b", "11:16:00",
     "Aardrijkskundeles over de eigen provincie. Op het bord: ‘Ik kan met de schaal uitrekenen "
     "hoe ver iets is.’ Schaalstok op de kaart: 1 cm = 5 km.",
     "leerinhoud", 0},
    {"g6b", "11:17:30",
     "Leerkracht vraagt: 'Is dit nu aardrijkskunde of rekenen?' Meisje op de eerste rij: "
     "'Allebei, want je moet keer doen.'",
     "leraar", 1},
    {"g6b", "11:19:40",
     "12 tweetallen werken met een kaart, een liniaal en een werkblad met 6 afstanden. Er is in "
     "deze les geen instructietafel.",
     NULL, 0},
    {"g6b", "11:21:10",
     "Tweetal bij de deur meet 7,5 cm tussen twee plaatsen en schrijft 7,5 km. Na 1 minuut zegt "
     "een van hen: 'Wacht, het is keer vijf.' Ze verbeteren het in 37,5 km.",
     "leerling", 1},
    {"g6b", "11:23:45",
     "Jongen aan tafel 4 legt zijn liniaal bij de 1 aan in plaats van bij de 0 en meet 5 cm; zijn "
     "buurvrouw meet 4 cm. Ze leggen hun linialen naast elkaar en de jongen zegt: 'O, ik begon "
     "bij één.'",
     "leerling", 0},
    /* bewust oordelend */
    {"g6b", "11:25:30",
     "Mooi om te zien hoe zelfstandig ze met de schaal bezig zijn, echt een fijne klas!", NULL, 1},
    {"g6b", "11:27:10",
     "3 tweetallen slaan opgave 5 over (afstand langs de rivier, met bochten). Eén tweetal legt "
     "een touwtje langs de rivier en meet het touwtje daarna met de liniaal.",
     "leerling", 0},
    {"g6b", "11:29:40",
     "Leerkracht vraagt een tweetal dat opgave 5 heeft overgeslagen: 'Wat zou je kunnen gebruiken "
     "om een bocht te meten?' Na 20 seconden zonder antwoord wijst ze naar het touwtje van het "
     "tweetal ernaast.",
     "leraar", 1},
    {"g6b", "11:32:00",
     "Meisje bij het raam vraagt: 'Mag ik de rekenmachine?' Leerkracht: 'Probeer eerst 10 cm, "
     "hoeveel km is dat?' Meisje schrijft 10 cm = 50 km in de kantlijn.",
     NULL, 0},
    {"g6b", "11:34:20",
     "Op de kaart van 4 tweetallen staan potloodstreepjes per centimeter; zij tellen daarna "
     "hardop in stappen van 5 ('5, 10, 15, 20').",
     NULL, 1},
    {"g6b", "11:37:30",
     "Om 11:37 hebben 8 van de 12 tweetallen opgave 1 t/m 4 ingevuld; 2 tweetallen zijn ook aan "
     "opgave 6 begonnen.",
     NULL, 0},
};
const size_t kr_demo_n_notes = sizeof kr_demo_notes / sizeof kr_demo_notes[0];

/* The end of the debrief: two groepjes wrote a theory of action (the school chose the first)
 * and the group agreed on four next steps, each resting on notes from the visits. */
const struct kr_demo_toa kr_demo_toas[] = {
    {"Groepje 1",
     "elke maand een teamoverleg inroostert waarin leraren notities meebrengen over wat "
     "leerlingen doen als ze vastlopen",
     "bij het zelfstandig werken eerst vragen wat een leerling al geprobeerd heeft en verwijzen "
     "naar de hulpkaart of het materiaal",
     "bij een moeilijke opgave eerst zelf een hulpmiddel pakken of hun maatje vragen voordat ze "
     "hun vinger opsteken",
     "minder leerlingen die minuten met hun vinger omhoog wachten zonder iets op te schrijven",
     1,
     {"g3 09:19:10", "g6a 09:28:10", "g4 10:53:00", "g7 11:00:10"}},
    {"Groepje 2",
     "voor alle groepen één stappenplan 'Vastgelopen?' laat maken, naar het voorbeeld van groep 7",
     "het stappenplan bij de instructie samen met de leerlingen oefenen",
     "een opgave die ze overslaan later weer oppakken met het stappenplan",
     NULL,
     0,
     {"g6a 09:23:30", "g4 10:58:10", "g7 10:57:40", "g7 10:41:20"}},
};
const size_t kr_demo_n_toas = sizeof kr_demo_toas / sizeof kr_demo_toas[0];

const struct kr_demo_step kr_demo_steps[] = {
    {"In elke groep vragen leraren bij een vinger omhoog eerst: 'Wat heb je al geprobeerd?'",
     "leraren",
     "week",
     {"g3 09:19:30", "g4 10:53:00", "g4 10:52:20"}},
    {"De schoolleiding plant een teamoverleg over de hulpkaarten en het stappenplan "
     "'Vastgelopen?' uit groep 7.",
     "schoolleiding",
     "maand",
     {"g7 10:41:20", "g7 11:00:10", "g5 09:54:20"}},
    {"Het team telt in drie lessen hoe vaak leerlingen een opgave overslaan en wat ze daarna "
     "doen.",
     "team",
     "schooljaar",
     {"g6a 09:23:30", "g7 10:57:40", "g4 10:58:10"}},
    {"Het netwerk neemt 'wachten met de vinger omhoog' mee als kijkpunt bij de volgende "
     "bijeenkomst.",
     "netwerk",
     "schooljaar",
     {"g6a 09:28:10", "g8 09:31:00"}},
};
const size_t kr_demo_n_steps = sizeof kr_demo_steps / sizeof kr_demo_steps[0];

/* In analyseren the group kept the proposal for the skipped opgaven and raised the waiting
 * with a finger up to "de meeste": they had seen it in groep 8 too, outside the notes. */
const struct kr_demo_extent kr_demo_extents[] = {
    {"g3 09:19:10", "de meeste"},
    {"g6a 09:23:30", "sommige"},
};
const size_t kr_demo_n_extents = sizeof kr_demo_extents / sizeof kr_demo_extents[0];

const char kr_demo_prediction[] =
    "Een leerling die alles doet wat gevraagd wordt, rekent de opgaven van de les uit en steekt "
    "zijn vinger op als hij vastloopt. Hij leert nog niet om zelf een hulpkaart, het materiaal of "
    "zijn maatje te kiezen voordat hij gaat wachten.";
