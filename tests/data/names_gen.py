import random, sys
part = sys.argv[1]
rnd = random.Random(7 if part == 'test' else 3)
names_test = ["Fatima","Yusuf","Zoë","Noël","Daan","Emma","Mohammed","Elif","Kerem","Anouk","Shanice","Jayden","Giovanni","Marisol","Wiktoria","Jakub","Omar","Lina","Rahel","Yonas","Tesfay","Aziz","Soufiane","Meryem","Bram","Sanne","Priya","Rishi","Djamila","Kenrick","Chanel","Zofia","Bilal","Hiba","Selin","Mert","Luuk","Fenna","Naomi","Ricardo","Aaliyah","Kacper","Amanuel","Senait","Ayoub","Nour","Tim","Roos","Lotte","Ilyas"]
names_dev = ["Jan","Sophie","Ahmed","Ayşe","Emre","Sem","Julia","Milan","Sara","Noah","Iris","Khadija","Imane","Hamza","Burak","Zeynep","Kevin","Dewi","Romano","Jurgen","Oliwia","Mateusz","Rania","Abdullah","Merhawi","Filmon","Saba","Thijs","Lieke","Mees","Yara","Ravi","Anjali","Shaquille","Xiomara","Piotr","Kinga","Hassan","Layla","Eritrea" if False else "Ruth","Ibrahim","Nina","Finn","Femke","Sarita","Dayenne","Tomasz","Ghada","Mehmet","Esra","Bas"]
teach_t = ["Jansen","Bakker","Yilmaz","El Idrissi","Karin","Petra","Mark","Wouter","Özdemir","Ramdin"]
teach_d = ["De Vries","Visser","Hendriks","Ans","Ellen","Koen","Brouwer","Demir","Ramautar","Nowak"]
nonname_t = ["Snappet","Gynzy","Pluspunt","Staal","Nieuwsbegrip","Wereld in getallen","Taal actief","Estafette","Blink","Getal & Ruimte","Rotterdam","Marokko","Turkije","Suriname","Polen","Syrië","Eritrea","Engels","Arabisch","Frans","januari","Kerstmis","Pasen","Suikerfeest","Sinterklaas","Chromebook","iPad","Lego","Jip en Janneke","Dolfje Weerwolfje","Kikker","Leerling A","Groep 6","Zwijsen","YouTube","Google","Bomberbot","Squla","Utrecht","Nederland"]
nonname_d = ["Rekentuin","Taalzee","Alles telt","Veilig leren lezen","Naut","Meander","Brandaan","Kleuterplein","Amsterdam","Den Haag","Turks","Pools","Tigrinya","Spanje","Curaçao","Aruba","Ramadan","Pinksteren","Koningsdag","Prowise","Kahoot","Minecraft","Word","Oxford","De Gruffalo","Harry Potter","Leerling B","Groep 7","Malmberg","Noordhoff","Duitsland","Afrika","Holi","Diwali","maart","Carnaval","Microsoft","Teams","Nederlands","Wereldoriëntatie"]
names = names_test if part=='test' else names_dev
teach = teach_t if part=='test' else teach_d
nonn = nonname_t if part=='test' else nonname_d
N = lambda: rnd.choice(names)
T = lambda: rnd.choice(teach)
NN = lambda: rnd.choice(nonn)
pos_test = [
 "{n} steekt zijn vinger op.", "{n} vraagt aan de buurman wat hij moet doen.", "Om 9:14 pakt {n} een schrift.",
 "De juf zegt: 'Heel goed, {n}.'", "Juf {t} loopt naar tafel 3.", "Meester {t} schrijft de som op het bord.",
 "{n} en {m} werken samen aan opdracht 4.", "Een jongen ({n}) kijkt naar het bord.", "Tijdens het lezen fluistert {n} iets tegen {m}.",
 "'Ik ben klaar', zegt {n}.", "Mevrouw {t} vraagt wie de vraag kan herhalen.", "Na de uitleg gaat {n} direct aan het werk.",
 "Leerlingen aan tafel 2 ({n}, {m}) overleggen.", "{n} wijst de plaats aan op de kaart.", "Juf vraagt {n} om voor te lezen.",
 "Ook {n} doet mee met het kringgesprek.", "{n}, {m} en {k} staan bij de kast.", "De leraar zegt tegen {n}: 'Probeer het nog eens.'",
 "Meneer {t} deelt de werkbladen uit.", "{n} telt hardop tot twintig.",
]
pos_dev = [
 "{n} zegt dat het antwoord 12 is.", "{n} pakt een potlood uit de bak.", "Juf {t} zegt: 'Pak je boek.'",
 "'Kom maar, {n}', zegt de meester.", "{n} en {m} lezen samen.", "Een meisje ({n}) draait zich om.",
 "Bij de instructietafel zit {n}.", "Meester {t} geeft {n} een blad.", "Daarna vraagt {n} om hulp.",
 "{n} loopt naar de kapstok.", "De juf noemt {n} en {m} bij naam.", "{n} schrijft drie zinnen op.",
 "Mevrouw {t} legt de som uit.", "Aan tafel 5 praten {n} en {m} over de opdracht.", "{n} kijkt naar het voorbeeld op het bord.",
 "Tijdens de les helpt {n} een klasgenoot.", "{n}, {m} en {k} zitten samen.", "'Goed zo {n}', zegt juf.",
 "Meneer {t} loopt rond.", "Om 10:02 leest {n} hardop voor.",
]
neg_test = [
 "Leerlingen werken in {x}.", "Vijf leerlingen openen {x} op hun laptop.", "De juf start {x} op het digibord.",
 "{x} staat open op het bord.", "Een leerling vertelt over een reis naar {x}.", "Twee leerlingen praten {x} met elkaar.",
 "Op de muur hangt een tekening van {x}.", "Leerling A pakt een blad.", "Groep 6 werkt in tweetallen.",
 "De klas leest uit {x}.", "Een jongen zegt: 'Ik ga met {x} naar opa.'", "Zeven leerlingen kijken naar de klok.",
 "Na de pauze werken ze met {x}.", "Een meisje wijst op de kaart {x} aan.", "Daarna gaan de leerlingen in de kring zitten.",
 "Iedereen pakt een schrift.", "Om 9:30 begint de les over {x}.", "Zij vraagt of ze {x} mag gebruiken.",
 "Leerlingen schrijven de datum op: 12 {x}.", "De leraar laat een filmpje over {x} zien.",
]
neg_dev = [
 "De leerlingen maken de les in {x}.", "{x} wordt gebruikt voor de verwerking.", "Drie leerlingen lezen over {x}.",
 "Een meisje vertelt over {x}.", "Leerling B vraagt om een gum.", "Groep 7 zit in groepjes van vier.",
 "De juf pakt het boek {x}.", "Veel leerlingen noemen {x}.", "Een jongen zegt dat hij in {x} is geboren.",
 "Het werkblad komt uit {x}.", "Tijdens de les over {x} luisteren de leerlingen.", "Sommige leerlingen kijken uit het raam.",
 "Zij zegt: 'Ik heb {x} op mijn telefoon.'", "Na de uitleg openen ze {x}.", "De opdracht gaat over {x}.",
 "Elke leerling krijgt een blad.", "Op het bord staat {x}.", "Hij vraagt of {x} ook mag.",
 "In de klas hangt een poster over {x}.", "De kinderen zingen een lied over {x}.",
]
pos = pos_test if part=='test' else pos_dev
neg = neg_test if part=='test' else neg_dev
out=set()
rows=[]
while len([r for r in rows if r[0]=='naam'])<150:
    t = rnd.choice(pos)
    a = rnd.sample(names,3); tt = T()
    s = t.format(n=a[0], m=a[1], k=a[2], t=tt)
    if s in out: continue
    out.add(s)
    found=[]
    for key,v in (('{n}',a[0]),('{m}',a[1]),('{k}',a[2]),('{t}',tt)):
        if key in t: found.append(v)
    rows.append(('naam', s, ';'.join(found)))
while len([r for r in rows if r[0]=='geen'])<150:
    t = rnd.choice(neg); x = NN()
    s = t.format(x=x)
    if s[0].islower(): s = s[0].upper()+s[1:]
    if s in out: continue
    out.add(s); rows.append(('geen', s, ''))
rnd.shuffle(rows)
print("# kind\tsentence\tnames (;)  generated by tests/data/names_gen.py part=%s; label: naam = holds these names, geen = none" % part)
for r in rows: print('\t'.join(r))
