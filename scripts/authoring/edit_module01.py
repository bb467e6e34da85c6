"""Add the topics of issue 16, part 3, to module 01 and two judgement questions to its exercise.

Run from the repository root:  .venv/bin/python scripts/authoring/edit_module01.py

The notebooks stay the source of truth. The script is idempotent: a new cell has a fixed id (``m01-…``) and is
replaced, not added again, when the script runs a second time; edits of existing cells are string replacements
that are skipped once done. Afterwards it links first uses to the glossary (module 01 only). Then run
``make exercises`` and commit ``exercises/01_upphandling_social_hallbarhet/``.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell

from upphandlingskurs.content import glossary
from upphandlingskurs.content.authoring import answer, md, selfcheck_test
from upphandlingskurs.content.selfcheck import digest

REPO = Path(__file__).resolve().parents[2]
COURSE = REPO / "course" / "01_upphandling_social_hallbarhet.ipynb"
SOLUTION = REPO / "solutions" / "01_upphandling_social_hallbarhet" / "01_upphandling_social_hallbarhet.ipynb"

UHM = "https://www.upphandlingsmyndigheten.se"
URL = {
    "kontakter": f"{UHM}/inkopsprocessen/forbered-upphandling/kontakter-med-leverantorer/",
    "uppdelning": f"{UHM}/regler-och-lagstiftning/olika-sorters-avtal-och-kontrakt/uppdelning-av-kontrakt/",
    "motivering": "https://frageportalen.upphandlingsmyndigheten.se/org/upphandlingsmyndigheten/d/"
                  "hej-en-fraga-angaende-motiveringsskyldigheten-och-/",
    "uppdelning_19": f"{UHM}/frageportalen/1452204/mojligheten-att-dela-upp-kontrakt-upphandlade-enli/",
    "rapport": f"{UHM}/inkopsprocessen/genomfor-upphandlingen/innehall-i-individuell-rapport--och-dokumentationsplikt/",
    "tillg_fp": f"{UHM}/frageportalen/2396028/lou-vs-lagen-om-tillganglighet-i-digital-offentlig/",
    "tillg_fp_proportionalitet": f"{UHM}/frageportalen/2371313/proportionalitetsprincipen-kopplat-till-krav-pa-ti/",
    "mfd_kollektivtrafik": "https://www.mfd.se/samhallsomraden/transport/lagar-och-regler-om-transporter/"
                           "tillganglighet-i-byggnader-for-kollektivtrafik/",
    "eu_2019_882": "https://eur-lex.europa.eu/legal-content/SV/TXT/?uri=CELEX:32019L0882",
    "forberedelser_fp": "https://frageportalen.upphandlingsmyndigheten.se/org/upphandlingsmyndigheten/d/"
                        "fragor-om-transparens-i-forarbete-kravspecifikatio/",
    "delkontrakt_fp": f"{UHM}/frageportalen/1486174/lou-kap-4-15/",
    "digg_krav": "https://www.digg.se/kunskap-och-stod/digital-tillganglighet/rattslig-vagledning/"
                 "7.-ataganden---vilka-ar-kraven",
    "sfs_2023_254": "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/"
                    "lag-2023254-om-vissa-produkters-och-tjansters_sfs-2023-254/",
    "prop_2022_23_42": "https://rkrattsbaser.gov.se/prop?page=11&post_id=328",
    "onormalt": f"{UHM}/upphandla/ny-lagstiftning/nya-lagarna---en-overblick/nya-lagen-om-offentlig-upphandling-nya-lou/"
                "onormalt-laga-anbud/",
    "golvpris_fp": "https://frageportalen.upphandlingsmyndigheten.se/org/upphandlingsmyndigheten/d/miniminiva-for-lon/",
    "inkopsradet_kontradiktoriskt": "https://inkopsradet.se/om-vikten-av-det-kontradiktoriska-forfarandet",
    "leveranskedjor": f"{UHM}/om-hallbar-upphandling/socialt-hallbar-upphandling/arbetsrattsliga-villkor/"
                      "ansvarsfulla-leveranskedjor/upphandla/",
    "ilo_kriterier": f"{UHM}/hallbarhet/stall-hallbarhetskrav/arbetsrattsliga-villkor/"
                     "arbetsrattsliga-villkor-enligt-ilos-karnkonventioner-och-hallbara-leveranskedjor/",
    "ilo_efterlevnad": f"{UHM}/hallbarhet/socialt-ansvarsfull-upphandling/arbetsrattsliga-villkor/"
                       "efterlevnad-av-ilos-karnkonventioner/",
    "ilo_basniva": f"{UHM}/hallbarhet/socialt-ansvarsfull-upphandling/arbetsrattsliga-villkor/"
                   "villkor-enligt-ilos-karnkonventioner-och-hallbara-leveranskedjor/inkopsprocess-for-ansvarsfulla-"
                   "leveranskedjor/upphandla/",
    "kravnivaer": "https://old.upphandlingsmyndigheten.se/hallbarhet/stall-hallbarhetskrav/om-kriterierna/kravnivaer/",
    "beentjes": "https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=CELEX:61987CJ0031",
    "nord_pas": "https://eur-lex.europa.eu/legal-content/SV/TXT/?uri=CELEX:61998CJ0225",
    "concordia": "https://eur-lex.europa.eu/legal-content/SV/TXT/?uri=CELEX:61999CJ0513",
    "ruffert": "https://eur-lex.europa.eu/legal-content/SV/TXT/?uri=CELEX:62006CJ0346",
    "max_havelaar": "https://eur-lex.europa.eu/legal-content/SV/TXT/?uri=CELEX:62010CJ0368",
    "bundesdruckerei": "https://eur-lex.europa.eu/legal-content/SV/TXT/?uri=CELEX:62013CJ0549",
    "markning": f"{UHM}/regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/regler-for-anvandning-av-markning/",
    "regiopost": "https://eur-lex.europa.eu/legal-content/SV/TXT/HTML/?uri=ecli:ECLI:EU:C:2015:760",
    "eu_arbetsratt": "https://arbetsratt.juridicum.su.se/euarb/00-3/07left.asp",
    "skr_kos": "https://skl.se/demokratiledningstyrning/driftformervalfrihet/privatautforarekonkurrens/"
               "offentligsaljverksamhet.3243.html",
    "inkopsradet_kos": "https://inkopsradet.se/kort-om-kos-reglerna",
    "prop_kos": "https://rkrattsbaser.gov.se/prop?page=125&post_id=3588",
    # the same address as module 00's 'Läs vidare' (one address for one page)
    "sysselsattning": f"{UHM}/hallbarhet/socialt-ansvarsfull-upphandling/upphandling-med-mal-att-oka-sysselsattningen/",
    "stod_sysselsattning": f"{UHM}/om-hallbar-upphandling/socialt-hallbar-upphandling/upphandling-med-mal-att-oka-"
                           "sysselsattningen/upphandlande-organisation---stod-vid-sysselsattningskrav/",
    "tillampning": f"{UHM}/om-hallbar-upphandling/socialt-hallbar-upphandling/upphandling-med-mal-att-oka-"
                   "sysselsattningen/upphandlande-organisation---stod-vid-sysselsattningskrav/"
                   "tillampningsanvisningar-sysselsattningskrav/",
    "reserverad": f"{UHM}/regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/regler-om-reserverad-upphandling/",
    "reserverad_bilaga2": f"{UHM}/regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/"
                          "reserverad-upphandling-for-vissa-tjanster-enligt-bilaga-2/",
    "kammarkollegiet": "https://www.kammarkollegiet.se/vara-tjanster/ideburna-organisationer/"
                       "fragor-och-svar-om-registret-over-ideburna-organisationer",
    "tjanster": f"{UHM}/upphandla/om-upphandlingsreglerna/om-lagstiftningen/upphandling-av-tjanster/",
    "tillganglighet": f"{UHM}/hallbarhet/socialt-ansvarsfull-upphandling/Tillganglighet-och-samtliga-anvandares-behov/",
}

# --- the lecture notebook ---------------------------------------------------------------------------------

DIALOG = f"""
### Dialog med marknaden före upphandlingen

Innan kommunen annonserar får den tala med leverantörer om sina planer. EU-direktivet säger det uttryckligen: myndigheten får göra marknadsundersökningar för att förbereda upphandlingen och berätta för leverantörerna om sina planer och krav. Det som kommer fram får användas, så länge det inte snedvrider konkurrensen och inte bryter mot principerna om icke-diskriminering och öppenhet (art. 40 direktiv 2014/24/EU). Dialogen är ofta det bästa sättet att ta reda på om ett socialt krav går att uppfylla och vad det kostar.

Så håller kommunen dialogen laglig ([Upphandlingsmyndigheten, Kontakter med leverantörer]({URL["kontakter"]})):

- **Säg var ni är i processen.** Upphandlingen har inte börjat, och samtalet är ingen förhandling.
- **Bjud in brett.** Stora och små företag, arbetsintegrerande sociala företag och idéburna organisationer. Ett annonserat informationsmöte eller en skriftlig förfrågan som alla kan svara på når fler än ett samtal med en leverantör som kommunen redan känner. Funderar kommunen på en reserverad upphandling (avsnitt 5) visar dialogen om det finns leverantörer som uppfyller villkoren.
- **Behandla alla lika.** Ingen leverantör får gynnas, och ingen får information som de andra inte får (likabehandling, 4 kap. 1 § LOU). LOU har ingen egen regel om marknadsundersökningar; då gäller artikel 40 i direktivet och de grundläggande principerna. Har en leverantör deltagit i förberedelserna ska de andra anbudsgivarna få veta vilka upplysningar av betydelse för upphandlingen som lämnades då. Leverantören får uteslutas bara om likabehandling inte kan säkras på annat sätt, och först efter att den har fått visa att dess deltagande inte snedvrider konkurrensen (4 kap. 8 § LOU; [Upphandlingsmyndighetens frågeportal, Måste man informera om vilka leverantörer man träffat under förberedelsefasen?]({URL["forberedelser_fp"]})).
- **Dokumentera.** Skriv ned vilka kommunen talade med, vad som kom fram och hur det påverkade upphandlingsdokumenten.
"""

DELKONTRAKT = f"""
### Dela upp upphandlingen i delkontrakt

Ett stort kontrakt kan vara för stort för ett litet företag eller ett arbetsintegrerande socialt företag. Delar kommunen upp upphandlingen i **delkontrakt** – efter område (en skola eller en kommundel) eller efter slag av arbete (städning, fönsterputs, mattservice) – kan fler lämna anbud. Reglerna är främst till för att göra det lättare för små företag att delta ([Upphandlingsmyndigheten, Uppdelning av kontrakt]({URL["uppdelning"]})).

- **Ta ställning.** I direktivstyrda upphandlingar ska kommunen ta ställning till om kontraktet kan delas upp i separata delar (4 kap. 13–17 §§ LOU). Lagen kräver inte att kontraktet delas upp (samma källa).
- **Motivera ett nej.** Delar kommunen inte upp kontraktet ska den ange skälen, antingen i upphandlingsdokumenten eller i den individuella rapporten, alltså den dokumentation som kommunen i regel ska upprätta för varje kontrakt i en direktivstyrd upphandling (4 kap. 14 § LOU; [Upphandlingsmyndighetens frågeportal, Motiveringsskyldigheten]({URL["motivering"]}); [Upphandlingsmyndigheten, Individuell rapport]({URL["rapport"]})).
- **Styr fördelningen.** Kommunen får bestämma om anbud får lämnas på alla delkontrakt eller på vissa kombinationer, och får begränsa hur många delkontrakt en leverantör kan få ([Upphandlingsmyndigheten, Uppdelning av kontrakt]({URL["uppdelning"]})). Det ska anges i förväg: i annonsen står om anbud får lämnas på ett, flera eller alla delkontrakt och hur många delkontrakt en leverantör högst kan få. I upphandlingsdokumenten anger kommunen objektiva regler för vilka delkontrakt en leverantör får om den skulle vinna fler än så (art. 46.2 direktiv 2014/24/EU; 4 kap. 13–17 §§ LOU; [Upphandlingsmyndighetens frågeportal, Tilldelning av delkontrakt]({URL["delkontrakt_fp"]})).
- **Under tröskelvärdena och för bilaga 2-tjänster** gäller inte skyldigheten, men kommunen får ändå dela upp kontraktet ([Upphandlingsmyndighetens frågeportal]({URL["uppdelning_19"]})).
- **Värdet räknas samman.** Delkontrakten i en upphandling räknas samman när värdet beräknas, och en upphandling får inte delas upp för att komma under en gräns (avsnitt 7).

Ett delkontrakt kan också reserveras enligt 4 kap. 18 § LOU, till exempel fruktkorgarna eller tvätten i en större upphandling (avsnitt 5).
"""

TILLGANGLIGHET = f"""
### Tillgänglighetskrav – så ställer kommunen dem

När det som köps ska användas av människor ska de tekniska specifikationerna bestämmas med hänsyn till alla användares behov, däribland tillgängligheten för personer med funktionsnedsättning. Undantag får göras bara om det finns särskilda skäl. Har EU beslutat om obligatoriska tillgänglighetskrav i en rättsakt ska specifikationerna hänvisa till den rättsakten (9 kap. 2 § LOU; [Upphandlingsmyndighetens frågeportal, Hur förhåller sig LOU till lagen om digital offentlig service?]({URL["tillg_fp"]})). Skyldigheten gäller i direktivstyrda upphandlingar, och både för det som allmänheten använder och det som kommunens anställda använder ([Upphandlingsmyndighetens frågeportal, Proportionalitetsprincipens förhållande till tillgänglighetskrav]({URL["tillg_fp_proportionalitet"]})).

Så ställer kommunen kraven:

1. **Börja med användarna.** Vilka ska använda det som köps, och vad behöver de? Fråga gärna brukare och funktionsrättsorganisationer i dialogen före upphandlingen.
2. **Digitala produkter och tjänster:** hänvisa till den europeiska standarden **EN 301 549**, som anger tillgänglighetskrav för informations- och kommunikationsteknik och för webbinnehåll hänvisar till riktlinjerna WCAG 2.1. För kommunens webbplatser och appar gäller dessutom lagen (2018:1937) om tillgänglighet till digital offentlig service (se ovan). Digital service som uppfyller kraven i bilaga A till EN 301 549 (version 3.2.1) uppfyller också kraven i föreskrifterna från Myndigheten för digital förvaltning (DIGG) till den lagen. Standarden är inget lagkrav; kraven kan uppfyllas på annat sätt ([DIGG, Åtaganden – vilka är kraven?]({URL["digg_krav"]})).
3. **Vissa produkter, till exempel datorer och självbetjäningsautomater, och vissa tjänster till konsumenter, till exempel e-handel och banktjänster,** ska sedan <!--fakta:tillganglighetslagen_produkter_tjanster_ikraft-->28 juni 2025<!--/fakta--> uppfylla kraven i lagen (2023:254) om vissa produkters och tjänsters tillgänglighet, med vissa övergångsregler. Lagen genomför EU:s tillgänglighetsdirektiv (EU) 2019/882 ([riksdagen.se, SFS 2023:254]({URL["sfs_2023_254"]}); [prop. 2022/23:42]({URL["prop_2022_23_42"]})). Direktivet säger att dess tillgänglighetskrav är sådana obligatoriska krav som 9 kap. 2 § LOU talar om (art. 24 direktiv (EU) 2019/882; [EUR-Lex]({URL["eu_2019_882"]})). Köper kommunen sådana produkter eller tjänster i en direktivstyrd upphandling, till exempel en biljettautomat, **ska** de tekniska specifikationerna därför hänvisa till kraven. Under tröskelvärdena och för bilaga 2-tjänster **får** kommunen hänvisa till dem (samma frågeportal som ovan).
4. **Byggnader och kollektivtrafik** har egna tillgänglighetskrav i annan lagstiftning, till exempel i plan- och bygglagen (2010:900) och i förordningen (2011:339) om handikappanpassning av vissa byggnader. De gäller oavsett vad upphandlingen säger ([Myndigheten för delaktighet, Tillgänglighet i byggnader för kollektivtrafik]({URL["mfd_kollektivtrafik"]})).
5. **Kontrollera vid leveransen** att kraven är uppfyllda, till exempel genom att granska en webbplats mot standarden innan den tas i bruk.
"""

ONORMALT = f"""
### Onormalt låga anbud och arbetsrätten

Ett mycket lågt pris kan betyda att leverantören tänker spara på löner, arbetstider eller arbetsmiljö. Reglerna om **onormalt låga anbud** finns i 16 kap. 7–8 §§ LOU ([Upphandlingsmyndighetens frågeportal, Strider ett krav på miniminivå för lön mot förbudet om golvpriser?]({URL["golvpris_fp"]})) och bygger på artikel 69 i direktiv 2014/24/EU. De innebär tre steg ([Upphandlingsmyndigheten, Onormalt låga anbud]({URL["onormalt"]})):

1. **Fråga.** Verkar ett anbud onormalt lågt *ska* kommunen begära att leverantören förklarar priset. Frågan kan till exempel gälla arbetsmetoder, tekniska lösningar, ovanligt gynnsamma förhållanden eller hur leverantören ska följa de miljö-, social- och arbetsrättsliga skyldigheter som gäller för arbetet.
2. **Förkasta om förklaringen inte räcker.** Kan leverantören inte förklara priset på ett tillfredsställande sätt *ska* anbudet förkastas.
3. **Förkasta om priset bygger på att reglerna bryts.** Visar förklaringen att priset är lågt för att leverantören inte skulle följa sina miljö-, social- eller arbetsrättsliga skyldigheter, till exempel arbetstidslagen, *ska* anbudet förkastas (samma källa; art. 69.3 direktiv 2014/24/EU).

Om ett anbud verkar onormalt lågt bedöms i förhållande till det som köps. Uppgifter från bransch- och fackförbund och priserna i jämförbara upphandlingar kan vara till hjälp (samma källa). Har kommunen ställt villkor om lön, semester och arbetstid (avsnitt 6) är nivåerna i villkoren ett naturligt underlag när priset bedöms. Men kommunen får inte sätta ett golvpris som automatiskt sorterar bort anbud under en viss nivå: varje anbud som verkar onormalt lågt prövas i det enskilda fallet (HFD 2018 ref. 50). Villkor om lägsta lön under avtalstiden är något annat och är tillåtna ([Upphandlingsmyndighetens frågeportal]({URL["golvpris_fp"]})). Ge leverantören en verklig möjlighet att förklara sig och dokumentera frågan och svaret: en domstol kan pröva om kommunen gjorde det ([Inköpsrådet, Om vikten av det kontradiktoriska förfarandet]({URL["inkopsradet_kontradiktoriskt"]})). Har leverantören tidigare åsidosatt sådana skyldigheter kan kommunen i stället pröva att utesluta den (13 kap. 3 § 1 LOU; avsnitt 3).
"""

LEVERANSKEDJOR = f"""
### Ansvarsfulla leveranskedjor och ILO:s kärnkonventioner

Mycket av det kommunen köper tillverkas utanför Sverige, till exempel arbetskläder, skyddshandskar, IT-utrustning och livsmedel. Där gäller inte svensk arbetsrätt, och riskerna för tvångsarbete, barnarbete och farliga arbetsplatser kan vara stora.

- **ILO:s kärnkonventioner.** Internationella arbetsorganisationen (ILO) är FN:s organ för arbetslivsfrågor. Den har <!--fakta:ilo_karnkonventioner_antal-->10<!--/fakta--> kärnkonventioner inom fem områden: föreningsfrihet och kollektiva förhandlingar (nr 87 och 98), tvångsarbete (29 och 105), barnarbete (138 och 182), diskriminering i arbetslivet (100 och 111) och, sedan 2022, en säker och hälsosam arbetsmiljö (155 och 187) ([Upphandlingsmyndigheten, Ansvarsfulla leveranskedjor – Upphandla]({URL["leveranskedjor"]})).
- **Skyldigheten.** Utförs arbetet där svensk arbetsrätt inte gäller ska kommunen i direktivstyrda upphandlingar ställa villkor enligt kärnkonventionerna, när det är behövligt. Kommunen ska också kräva att underleverantörer som direkt medverkar till att fullgöra kontraktet uppfyller villkoren, och villkoren får avse att de bestämmelser som gäller där arbetet utförs ska följas (17 kap. 4 § LOU; [Upphandlingsmyndigheten, Efterlevnad av ILO:s kärnkonventioner]({URL["ilo_efterlevnad"]}); [Upphandlingsmyndigheten, Arbetsrättsliga villkor enligt ILO:s kärnkonventioner och hållbara leveranskedjor]({URL["ilo_kriterier"]})). Behövligt bedöms på samma sätt som ovan: finns det en risk för oskäliga arbetsvillkor?
- **Kriteriernas nivåer.** Upphandlingsmyndighetens kriterier finns om möjligt i tre nivåer. **Basnivån** kräver inte så stora resurser och är lätt att verifiera. **Avancerad nivå** går längre och kräver mer uppföljning. **Spjutspetsnivån** efterfrågar det bästa som finns på marknaden och kräver mest kunskap och tid ([Upphandlingsmyndigheten, Krav i olika nivåer]({URL["kravnivaer"]})).
- **Två nivåer för leveranskedjor**, båda särskilda kontraktsvillkor ([Upphandlingsmyndigheten, Ansvarsfulla leveranskedjor – Upphandla]({URL["leveranskedjor"]})):
  - *basnivå – arbetsrättsliga villkor enligt ILO:s kärnkonventioner*: villkoren är gjorda för att uppfylla skyldigheten när arbetet utförs utanför Sverige (17 kap. 4 § LOU);
  - *avancerad nivå – hållbara leveranskedjor*: villkoren omfattar mänskliga rättigheter, arbetares rättigheter, miljö och antikorruption, och hela leveranskedjan. Sådana villkor ställs med stöd av 17 kap. 1 § LOU.
- **Uppföljning.** Till villkoren hör formulär där leverantören själv rapporterar hur den uppfyller dem (bilaga 1A för basnivå och 1B för avancerad nivå) ([Upphandlingsmyndigheten, kriterierna]({URL["ilo_kriterier"]})). Börja med de avtal där riskerna är störst.

**Åtta eller tio?** Upphandlingsmyndighetens kontraktsvillkor på basnivå har räknat upp de åtta konventioner som gällde före 2022 (nr 29, 87, 98, 100, 105, 111, 138 och 182) ([Upphandlingsmyndigheten, Upphandla]({URL["ilo_basniva"]})). ⚠ Kursen har inte kunnat kontrollera om skyldigheten i 17 kap. LOU numera också omfattar nr 155 och 187. Kontrollera vilken version av villkoren ni använder, och fråga er upphandlingsjurist.
"""

EU_DOMAR = f"""
## 10. EU-domstolens viktigaste domar om sociala hänsyn

EU-domstolen har i flera domar prövat hur långt sociala hänsyn får gå. Domarna gällde äldre direktiv, men de förklarar varför reglerna ser ut som de gör i dag.

| Dom | Vad domstolen kom fram till |
|---|---|
| **Beentjes**, mål 31/87, dom 20 september 1988 ([EUR-Lex]({URL["beentjes"]})) | Ett villkor om att anställa långtidsarbetslösa får ställas, om det inte direkt eller indirekt diskriminerar leverantörer från andra medlemsstater och om det anges i annonsen. Villkoret har inget att göra med prövningen av leverantörens kvalifikationer ([EU & arbetsrätt, Stockholms universitet]({URL["eu_arbetsratt"]})). |
| **Kommissionen mot Frankrike (Nord-Pas-de-Calais)**, C-225/98, dom 26 september 2000 ([EUR-Lex]({URL["nord_pas"]})) | Ett kriterium om en lokal insats mot arbetslöshet fick användas när kontraktet tilldelades, om det följer de grundläggande principerna, särskilt icke-diskriminering, och anges i annonsen ([EU & arbetsrätt, Stockholms universitet]({URL["eu_arbetsratt"]})). |
| **Concordia Bus Finland**, C-513/99, dom 17 september 2002 ([EUR-Lex]({URL["concordia"]})) | Helsingfors fick ta hänsyn till bussarnas utsläpp och buller när det ekonomiskt mest fördelaktiga anbudet skulle väljas. Kriterierna ska ha anknytning till det som köps, får inte ge myndigheten obegränsad valfrihet, ska anges i förväg och ska följa de grundläggande principerna. Det var tillåtet också när stadens egen trafikenhet (HKL) lättast kunde uppfylla kriterierna; att bara några få kan uppfylla ett kriterium gör det inte diskriminerande. |
| **Rüffert**, C-346/06, dom 3 april 2008 ([EUR-Lex]({URL["ruffert"]})) | En tysk delstatslag fick inte kräva att entreprenörer betalar minst lönen i det kollektivavtal som gällde på orten, när avtalet inte var allmänt tillämpligt. Det stred mot utstationeringsdirektivet 96/71/EG, tolkat mot bakgrund av friheten att tillhandahålla tjänster. |
| **Kommissionen mot Nederländerna (Max Havelaar)**, C-368/10, dom 10 maj 2012 ([EUR-Lex]({URL["max_havelaar"]})) | En provins fick inte kräva att kaffe och te skulle ha vissa märkningar (EKO och Max Havelaar). Den skulle i stället ange de krav som ligger bakom märkningarna. Domstolen godtog däremot att ett tilldelningskriterium gäller att varorna kommer från rättvis handel: ett kriterium behöver inte avse varans fysiska egenskaper för att ha anknytning till det som köps. |
| **Bundesdruckerei**, C-549/13, dom 18 september 2014 ([EUR-Lex]({URL["bundesdruckerei"]})) | En minimilön i lag kunde inte krävas av en underleverantör i en annan medlemsstat som utförde hela arbetet där (art. 56 FEUF). |
| **RegioPost**, C-115/14, dom 17 november 2015 ([EUR-Lex]({URL["regiopost"]})) | En regional lag fick kräva att anbudsgivare och deras underleverantörer skriftligen åtar sig att betala personalen som utför kontraktet den minimilön som lagen anger (art. 26 direktiv 2004/18/EG). |

**Läs domarna med dagens regler.** Tilldelningskriterier ska ha anknytning till det som köps (16 kap. 1 § LOU), sociala villkor för hur kontraktet fullgörs ställs som särskilda kontraktsvillkor (17 kap. 1 § LOU), och i Sverige anger 17 kap. 2–5 §§ LOU vilka villkor om lön, semester och arbetstid som ska ställas (avsnitt 6). Med dagens regler får kommunen också kräva en viss märkning, till exempel en social märkning, som bevis för att det som köps har de egenskaper som krävs, om märkningen uppfyller vissa villkor och likvärdiga märkningar godtas (reglerna om märkning i 9 kap. LOU, som också gäller vid upphandling enligt 19 kap.; art. 43 direktiv 2014/24/EU; [Upphandlingsmyndigheten, Regler för användning av märkning]({URL["markning"]})). Max Havelaar-domen gäller alltså inte längre fullt ut.
"""

KOS = f"""
## 11. När en kommunal enhet säljer tjänster – konkurrenslagen

Många kommuner har en arbetsmarknadsenhet som ger arbetsträning i till exempel lokalvård, tvätteri, snickeri eller café. Säljer enheten tjänster till företag, privatpersoner eller andra organisationer uppträder kommunen som säljare på en marknad. Då gäller reglerna om **konkurrensbegränsande offentlig säljverksamhet** i konkurrenslagen (2008:579):

- **Ett förfarande kan förbjudas.** Staten, en kommun eller en region kan förbjudas att i en säljverksamhet tillämpa ett förfarande som snedvrider, eller är ägnat att snedvrida, förutsättningarna för effektiv konkurrens, eller som hämmar sådan konkurrens. Ett förfarande som är försvarbart från allmän synpunkt får dock inte förbjudas (3 kap. 27 § konkurrenslagen; [prop. 2008/09:231, Konfliktlösning vid offentlig säljverksamhet på marknaden]({URL["prop_kos"]})).
- **En hel verksamhet kan förbjudas.** En kommun eller en region kan också förbjudas att bedriva en viss säljverksamhet som har sådana verkningar på konkurrensen, men inte om verksamheten är förenlig med lag (samma lagrum; [prop. 2008/09:231]({URL["prop_kos"]})). Vad en kommun får göra avgörs bland annat av kommunallagen (2017:725).
- **Kommunala bolag omfattas också** ([SKR, Konkurrensbegränsande offentlig säljverksamhet]({URL["skr_kos"]}); SKR är kommunernas och regionernas medlemsorganisation).
- **Klagomål utreds av Konkurrensverket.** Klagomålen har bland annat gällt lokalvård och gym ([Inköpsrådet]({URL["inkopsradet_kos"]})).

**Så minskar kommunen risken.** Ta ett politiskt beslut om vad enheten får sälja och varför. Se till att priserna täcker kostnaderna. Följ Konkurrensverkets vägledning *Offentlig säljverksamhet – så fungerar reglerna i konkurrenslagen*, som SKR länkar till ([SKR]({URL["skr_kos"]})). Vill kommunen att arbetsträning sker hos privata arbetsgivare finns andra vägar: sysselsättningskrav (modul 02) och reserverad upphandling för arbetsintegrerande sociala företag (avsnitt 5).
"""

NYCKELPUNKTER_NEW = [
    "- Dialog med leverantörer och den sociala ekonomin före upphandlingen är tillåten (art. 40 direktiv 2014/24/EU), "
    "om alla behandlas lika och dialogen dokumenteras.",
    "- I direktivstyrda upphandlingar ska kommunen ta ställning till delkontrakt och ange skälen om den inte delar upp "
    "kontraktet (4 kap. 13–17 §§, 14 § om skälen). Delkontrakt gör det lättare för små företag och arbetsintegrerande "
    "sociala företag att lämna anbud.",
    "- Tillgänglighet ska beaktas i de tekniska specifikationerna (9 kap. 2 §). För digitala produkter och tjänster är "
    "EN 301 549 standarden; lagen (2018:1937) och lagen (2023:254) ställer egna krav. Har EU antagit obligatoriska "
    "tillgänglighetskrav, som i lagen (2023:254), ska specifikationerna hänvisa till dem (9 kap. 2 §).",
    "- Ett onormalt lågt anbud ska ifrågasättas, och förkastas om förklaringen inte räcker eller visar att "
    "miljö-, social- eller arbetsrättsliga skyldigheter inte skulle följas (16 kap. 7–8 §§).",
    "- Villkor enligt ILO:s kärnkonventioner ska ställas när arbetet utförs där svensk arbetsrätt inte gäller och det "
    "är behövligt (17 kap. 4 §). Sedan 2022 har ILO "
    "<!--fakta:ilo_karnkonventioner_antal-->10<!--/fakta--> kärnkonventioner. ⚠ Om skyldigheten också omfattar de två "
    "nya, nr 155 och 187, har kursen inte kunnat kontrollera (avsnitt 6). Upphandlingsmyndighetens villkor finns "
    "på basnivå och avancerad nivå (hållbara leveranskedjor).",
    "- En kommunal enhet som säljer tjänster kan förbjudas att snedvrida konkurrensen (3 kap. 27 § konkurrenslagen).",
]

LAS_VIDARE = f"""
## Läs vidare – för din roll

- **Beslutsfattare:** [Upphandlingsmyndigheten, Upphandling med mål att öka sysselsättningen]({URL["sysselsattning"]}); [Regeringens proposition 2008/09:231, Konfliktlösning vid offentlig säljverksamhet på marknaden]({URL["prop_kos"]}) (om kommunen säljer tjänster).
- **Upphandlare:** [Upphandlingsmyndigheten, Uppdelning av kontrakt]({URL["uppdelning"]}); [Upphandlingsmyndigheten, Onormalt låga anbud]({URL["onormalt"]}); [Upphandlingsmyndigheten, Ansvarsfulla leveranskedjor – Upphandla]({URL["leveranskedjor"]}).
- **Matchningsansvarig och arbetsmarknadsenhet:** [Upphandlingsmyndigheten, Stöd vid sysselsättningskrav]({URL["stod_sysselsattning"]}); [Upphandlingsmyndigheten, Tillämpningsanvisningar sysselsättningskrav]({URL["tillampning"]}); [Regeringens proposition 2008/09:231, Konfliktlösning vid offentlig säljverksamhet på marknaden]({URL["prop_kos"]}) (om enheten säljer tjänster).
- **Leverantör och ASF:** [Upphandlingsmyndigheten, Regler om reserverad upphandling]({URL["reserverad"]}); [Upphandlingsmyndigheten, Uppdelning av kontrakt]({URL["uppdelning"]}); [Upphandlingsmyndigheten, Kontakter med leverantörer]({URL["kontakter"]}).
- **Idéburen organisation:** [Upphandlingsmyndigheten, Reserverad upphandling för vissa tjänster enligt bilaga 2]({URL["reserverad_bilaga2"]}); [Kammarkollegiet, Frågor och svar om registret över idéburna organisationer]({URL["kammarkollegiet"]}).
- **Socialtjänst:** [Upphandlingsmyndigheten, Upphandling av tjänster]({URL["tjanster"]}) (bilaga 2-tjänster); [Upphandlingsmyndigheten, Reserverad upphandling för vissa tjänster enligt bilaga 2]({URL["reserverad_bilaga2"]}); [Upphandlingsmyndigheten, Tillgänglighet och samtliga användares behov]({URL["tillganglighet"]}).
"""

KALLOR_NEW = [
    f"- Direktiv 2014/24/EU, art. 40 (marknadsundersökningar), art. 43 (märkning), art. 46.2 (delkontrakt) och art. 69 (onormalt låga anbud); Upphandlingsmyndigheten, *Kontakter med leverantörer*: {URL['kontakter']}; frågeportalen om 4 kap. 8 § LOU (leverantörer som har deltagit i förberedelserna): {URL['forberedelser_fp']}",
    f"- Upphandlingsmyndigheten, *Uppdelning av kontrakt*: {URL['uppdelning']}; frågeportalen om motiveringsskyldigheten (4 kap. 14 § LOU): {URL['motivering']} och om 19 kap.: {URL['uppdelning_19']}; om tilldelning av delkontrakt: {URL['delkontrakt_fp']}; *Individuell rapport och dokumentationsplikt*: {URL['rapport']}",
    f"- Upphandlingsmyndighetens frågeportal om 9 kap. 2 § LOU och lagen om tillgänglighet till digital offentlig service: {URL['tillg_fp']}; om tillgänglighetskrav och proportionalitet (över och under tröskelvärdet): {URL['tillg_fp_proportionalitet']}; Myndigheten för delaktighet, *Tillgänglighet i byggnader för kollektivtrafik*: {URL['mfd_kollektivtrafik']}",
    f"- DIGG, *Åtaganden – vilka är kraven?* (EN 301 549): {URL['digg_krav']}",
    f"- Lag (2023:254) om vissa produkters och tjänsters tillgänglighet: {URL['sfs_2023_254']}; prop. 2022/23:42: {URL['prop_2022_23_42']}; direktiv (EU) 2019/882, art. 24: {URL['eu_2019_882']}",
    f"- Upphandlingsmyndigheten, *Onormalt låga anbud*: {URL['onormalt']}; frågeportalen om golvpris och miniminivå för lön (16 kap. 7–8 §§ LOU, HFD 2018 ref. 50): {URL['golvpris_fp']}; Inköpsrådet (2025): {URL['inkopsradet_kontradiktoriskt']}",
    f"- Upphandlingsmyndigheten, *Ansvarsfulla leveranskedjor – Upphandla*: {URL['leveranskedjor']}; *Efterlevnad av ILO:s kärnkonventioner* (17 kap. 4 § LOU): {URL['ilo_efterlevnad']}; *Arbetsrättsliga villkor enligt ILO:s kärnkonventioner och hållbara leveranskedjor*: {URL['ilo_kriterier']}; äldre villkor på basnivå: {URL['ilo_basniva']}; *Krav i olika nivåer*: {URL['kravnivaer']}",
    f"- EU-domstolen: mål 31/87 Beentjes (ECLI:EU:C:1988:422) {URL['beentjes']}; C-225/98 Kommissionen mot Frankrike {URL['nord_pas']}; C-513/99 Concordia Bus Finland (ECLI:EU:C:2002:495) {URL['concordia']}; C-346/06 Rüffert (ECLI:EU:C:2008:189) {URL['ruffert']}; C-368/10 Kommissionen mot Nederländerna (ECLI:EU:C:2012:284) {URL['max_havelaar']}; C-549/13 Bundesdruckerei (ECLI:EU:C:2014:2235) {URL['bundesdruckerei']}; C-115/14 RegioPost (ECLI:EU:C:2015:760) {URL['regiopost']}; EU & arbetsrätt 3/2000 (Stockholms universitet): {URL['eu_arbetsratt']}; Upphandlingsmyndigheten, *Regler för användning av märkning*: {URL['markning']}",
    f"- Konkurrenslagen (2008:579) 3 kap. 27 §; prop. 2008/09:231 *Konfliktlösning vid offentlig säljverksamhet på marknaden m.m.*: {URL['prop_kos']}; SKR (medlemsorganisation), *Konkurrensbegränsande offentlig säljverksamhet*: {URL['skr_kos']}; Inköpsrådet, *Kort om KOS-reglerna* (2020): {URL['inkopsradet_kos']}",
]

NEW_QUESTION = "- Hur öppnar kommunen upphandlingen för små leverantörer och sociala företag, och vad gör den med ett misstänkt för lågt pris?"
NEW_OBJECTIVE = ("beskriva hur kommunen lagligt för dialog med marknaden, delar upp i delkontrakt, ställer "
                 "tillgänglighetskrav och hanterar ett onormalt lågt anbud, med lagrum.")
EXERCISE_MIN = 55  # two more letter questions, about five minutes
READING_MIN = 80  # ~7 100 words at ~110 words/min (65 min) plus the two widgets (15 min), as for the earlier 60


def _put(nb, cell, after_id: str) -> None:
    """Insert ``cell`` after the cell ``after_id``, or replace the cell with the same id."""
    ids = [c.get("id") for c in nb.cells]
    if cell.id in ids:
        old = nb.cells[ids.index(cell.id)]
        old.source, old.metadata = cell.source, cell.metadata
        return
    nb.cells.insert(ids.index(after_id) + 1, cell)


def _mdcell(cid: str, text: str, tags: list[str] | None = None):
    cell = new_markdown_cell(text.strip("\n"))
    cell.id = cid
    if tags:
        cell.metadata["tags"] = tags
    return cell


GLOSSARY_LINK = re.compile(r"\[([^\]]*)\]\(ordlista\.ipynb#[^)]*\)")


def _plain(text: str) -> str:
    """The text without glossary links (``glossary link`` adds them after this script has run)."""
    return GLOSSARY_LINK.sub(r"\1", text)


def _replace_once(cell, old: str, new: str) -> None:
    if new in cell.source or new in _plain(cell.source):
        return
    if old not in cell.source:
        if old in _plain(cell.source):  # a glossary link sits inside the text: edit the unlinked text
            cell.source = _plain(cell.source)
        else:
            sys.exit(f"text not found in cell {cell.get('id')}: {old[:60]!r}")
    cell.source = cell.source.replace(old, new, 1)


def _upsert_line(source: str, line: str, key_len: int, before: str) -> str:
    """Replace the line that starts like ``line`` (first ``key_len`` characters, glossary links ignored), or
    insert ``line`` before ``before`` when there is none."""
    lines = source.split("\n")
    key = _plain(line)[:key_len]
    for i, old in enumerate(lines):
        if _plain(old).startswith(key):
            if _plain(old) != _plain(line):
                lines[i] = line
            return "\n".join(lines)
    i = source.index(before)
    if before.startswith("\n"):  # ``before`` begins with the line break that ends the last line
        return source[:i] + "\n" + line + source[i:]
    return source[:i] + line + "\n" + source[i:]


def edit_course() -> None:
    nb = nbformat.read(COURSE, as_version=4)
    by_id = {c.get("id"): c for c in nb.cells}
    # Frågor, Lärandemål, Tid (cell 1) and the metadata
    head = by_id["dd9d0d0f"]
    q4 = "- Vad är [reserverad upphandling](ordlista.ipynb#reserverad-upphandling) och [arbetsrättsliga villkor](ordlista.ipynb#arbetsrättsliga-villkor)?"
    _replace_once(head, q4, q4 + "\n" + NEW_QUESTION)
    o4 = "4. beskriva när reserverad upphandling (4 kap. 18 §, 19 kap. 25 och 25 a §§) och arbetsrättsliga villkor (17 kap.) kan användas."
    if "\n5. beskriva hur kommunen lagligt för dialog" not in head.source:  # the glossary may link a word in it
        _replace_once(head, o4, o4.rstrip(".") + ",\n5. " + NEW_OBJECTIVE)
    head.source = re.sub(r"- Läsning och widgetar: cirka \d+ minuter",
                         f"- Läsning och widgetar: cirka {READING_MIN} minuter", head.source)
    kurs = nb.metadata["kurs"]
    # one term for one thing: the metadata says "direktivstyrda" like the Frågor in the cell
    kurs["fragor"] = [q.replace("de EU-styrda reglerna", "de direktivstyrda reglerna") for q in kurs["fragor"]]
    if NEW_QUESTION[2:] not in kurs["fragor"]:
        kurs["fragor"].append(NEW_QUESTION[2:])
    objective = NEW_OBJECTIVE[0].upper() + NEW_OBJECTIVE[1:]
    if objective not in kurs["larandemal"]:
        kurs["larandemal"].append(objective)
    head.source = re.sub(r"(- Övningen `01_upphandling_social_hallbarhet`: cirka )\d+( minuter)",
                         rf"\g<1>{EXERCISE_MIN}\g<2>", head.source)
    kurs["tid_lasning_min"] = READING_MIN
    kurs["tid_ovning_min"] = EXERCISE_MIN
    kurs["senast_granskad"] = "2026-12"

    # section 3: the abnormally low tender bullet names its paragraphs and points to the new subsection
    _replace_once(by_id["35969d40"],
                  "skyldigheter (16 kap. LOU; art. 69.3 direktiv 2014/24/EU).",
                  "skyldigheter (16 kap. 7–8 §§ LOU; art. 69.3 direktiv 2014/24/EU; *Onormalt låga anbud* i avsnitt 4).")

    # section 6: the ILO duty is 17 kap. 4 § LOU (UHM, Efterlevnad av ILO:s kärnkonventioner, quotes it)
    _replace_once(by_id["a08d151c"], "enligt arbetsrätten där arbetet utförs (17 kap. 4–5 §§ LOU).",
                  "enligt arbetsrätten där arbetet utförs (17 kap. 4 § LOU).")

    # section 4: after the process widget, the four subsections
    _put(nb, _mdcell("m01-marknadsdialog", DIALOG, ["bild"]), "d2205681")
    _put(nb, _mdcell("m01-delkontrakt", DELKONTRAKT, ["bild"]), "m01-marknadsdialog")
    _put(nb, _mdcell("m01-tillganglighet", TILLGANGLIGHET, ["bild"]), "m01-delkontrakt")
    _put(nb, _mdcell("m01-onormalt-laga", ONORMALT, ["bild"]), "m01-tillganglighet")
    # section 6: responsible supply chains after the labour-law section
    _put(nb, _mdcell("m01-leveranskedjor", LEVERANSKEDJOR, ["bild"]), "a08d151c")
    # sections 10 and 11 after section 9 (cell 34c492eb)
    _put(nb, _mdcell("m01-eu-domar", EU_DOMAR, ["bild"]), "34c492eb")
    _put(nb, _mdcell("m01-kos", KOS, ["bild"]), "m01-eu-domar")

    # Nyckelpunkter | Läs vidare | Källor: split the last cell once
    last = by_id["de0bd0e4"]
    if "m01-kallor" not in [c.get("id") for c in nb.cells]:
        nyckel, kallor = last.source.split("## Källor", 1)
        last.source = nyckel.rstrip("\n")
        kallor_cell = _mdcell("m01-kallor", "## Källor" + kallor)
        nb.cells.insert(nb.cells.index(last) + 1, kallor_cell)
    kallor_cell = next(c for c in nb.cells if c.get("id") == "m01-kallor")
    bullets_end = "- Ungefär <!--fakta:sociala_krav_andel_2021-->"
    superseded = ("- ILO:s kärnkonventioner är ",)  # bullets of an earlier run of this script
    last.source = "\n".join(ln for ln in last.source.split("\n") if not ln.startswith(superseded))
    for bullet in NYCKELPUNKTER_NEW:  # a bullet is known by its first 40 characters
        last.source = _upsert_line(last.source, bullet, 40, bullets_end)
    _put(nb, _mdcell("m01-las-vidare", LAS_VIDARE), "de0bd0e4")
    _replace_once(kallor_cell, "> ⚠ **Om källorna.** Två uppgifter", "> ⚠ **Om källorna.** Tre uppgifter")
    _replace_once(kallor_cell, "Kontrollera dem på riksdagen.se och på Upphandlingsmyndighetens sida om tröskelvärden "
                               "innan ni använder dem i ett beslut.",
                  "Kontrollera dem på riksdagen.se och på Upphandlingsmyndighetens sida om tröskelvärden, och "
                  "ILO-frågan i prop. 2016/17:163 (författningskommentaren till 17 kap. 4 §), innan ni använder "
                  "dem i ett beslut.")
    _replace_once(kallor_cell, ", och tröskelvärdenas belopp i kronor för 2026–2027 (avsnitt 7).",
                  ", tröskelvärdenas belopp i kronor för 2026–2027 (avsnitt 7) och om skyldigheten i 17 kap. LOU också "
                  "omfattar ILO-konventionerna nr 155 och 187 (avsnitt 6).")
    anchor = "\n\n**Nästa steg:**"
    # source lines of an earlier run whose start changed
    superseded_sources = ("- Direktiv 2014/24/EU, art. 40 (marknadsundersökningar) och art. 69",
                          "- Konkurrenslagen (2008:579) 3 kap. 27 §; SKR")
    kallor_cell.source = "\n".join(ln for ln in kallor_cell.source.split("\n")
                                   if not _plain(ln).startswith(superseded_sources))
    for source in KALLOR_NEW:  # a source line is known by its first 60 characters
        kallor_cell.source = _upsert_line(kallor_cell.source, source, 60, anchor)
    nbformat.validate(nb)
    nbformat.write(nb, COURSE)
    glossary.link_notebook(COURSE)


# --- the exercise (solution notebook) ---------------------------------------------------------------------

Q10 = """
## Fråga 10 (2 poäng) – Ett kontrakt eller flera?

*(Fiktivt fall)* Alingsås kommun upphandlar lokalvård för alla sina skolor i ett enda kontrakt. Upphandlingen är direktivstyrd. Ett arbetsintegrerande socialt företag i kommunen säger att kontraktet är för stort för att det ska kunna lämna anbud. Kommunen vill ändå inte dela upp kontraktet.

Vad kräver LOU av kommunen?

- **A** Kommunen måste dela upp kontraktet i ett delkontrakt per skola.
- **B** Kommunen ska ange skälen till att den inte delar upp kontraktet, i upphandlingsdokumenten eller i den individuella rapporten.
- **C** Ingenting. Reglerna om delkontrakt gäller bara under tröskelvärdena.
- **D** Kommunen måste reservera ett av delkontrakten för arbetsintegrerande sociala företag.

Svara med en bokstav inom citattecken.
"""

Q11 = """
## Fråga 11 (2 poäng) – Ett misstänkt lågt pris

*(Fiktivt fall)* Kungsbacka kommun upphandlar lokalvård. Upphandlingen är direktivstyrd. Ett anbud är 35 procent billigare än de andra. Kommunen begär att leverantören förklarar priset. Leverantören svarar att priset bygger på att städarna ska arbeta mer övertid än vad arbetstidslagen och det kollektivavtal som gäller tillåter.

Vad ska kommunen göra?

- **A** Anta anbudet, eftersom det har lägst pris.
- **B** Anta anbudet och kontrollera arbetstiderna under avtalstiden.
- **C** Förkasta anbudet. Priset bygger på att leverantören inte skulle följa arbetsrättsliga skyldigheter.
- **D** Utesluta leverantören från alla kommunens upphandlingar de kommande fem åren.

Svara med en bokstav inom citattecken.
"""

EXPL10 = ("B. I en direktivstyrd upphandling ska kommunen ta ställning till om kontraktet kan delas upp, men lagen kräver "
          "inte uppdelning. Delar kommunen inte upp kontraktet ska den ange skälen i upphandlingsdokumenten eller i den "
          "individuella rapporten (4 kap. 14 § LOU; reglerna om delkontrakt finns i 4 kap. 13–17 §§ LOU).")
EXPL11 = ("C. Ett anbud som verkar onormalt lågt ska kommunen ifrågasätta. Visar förklaringen att priset bygger på att "
          "leverantören inte skulle följa arbetsrättsliga skyldigheter, här arbetstidslagen, ska anbudet förkastas "
          "(16 kap. 7–8 §§ LOU; art. 69.3 direktiv 2014/24/EU).")

INTRO_OLD = ("Den ger **14 poäng** som rättas automatiskt (fråga 1–7) och **7 poäng** som kursledaren bedömer "
             "(fråga 8–9).")
INTRO_NEW = ("Den ger **18 poäng** som rättas automatiskt (fråga 1–7, 10 och 11) och **7 poäng** som kursledaren "
             "bedömer (fråga 8–9).")


def _letter_test(grade_id: str, question: str, variable: str, correct: str, explanation: str):
    """The course's self-check form for a one-letter answer, with the options listed like questions 1–7."""
    cell = selfcheck_test(grade_id, 2, question, variable, correct, kind="bokstav", explanation=explanation)
    cell.source = cell.source.replace(f'kind="bokstav", name="{variable}")',
                                      f'kind="bokstav", options={["A", "B", "C", "D"]!r}, name="{variable}")', 1)
    assert digest(question, correct, "bokstav") in cell.source
    return cell


def edit_solution() -> None:
    nb = nbformat.read(SOLUTION, as_version=4)
    intro = nb.cells[0]
    _replace_once(intro, INTRO_OLD, INTRO_NEW)
    for cell in nb.cells:  # one term for one thing: "den matchningsansvariga" (question 1)
        if cell.cell_type == "markdown" and "matchningsansvarige" in cell.source:
            cell.source = cell.source.replace("matchningsansvarige", "matchningsansvariga")
    gids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
    new = [
        md(Q10, grade_id="fraga_10"),
        answer("svar_10", 'svar_10 = None  # Ersätt None med en bokstav inom citattecken', 'svar_10 = "B"'),
        _letter_test("test_svar_10", "01-10", "svar_10", "B", EXPL10),
        md(Q11, grade_id="fraga_11"),
        answer("svar_11", 'svar_11 = None  # Ersätt None med en bokstav inom citattecken', 'svar_11 = "C"'),
        _letter_test("test_svar_11", "01-11", "svar_11", "C", EXPL11),
    ]
    for cell in new:
        gid = cell.metadata["nbgrader"]["grade_id"]
        cell.id = gid.replace("_", "-")
        if gid in gids:
            old = nb.cells[gids.index(gid)]
            old.source, old.metadata = cell.source, cell.metadata
        else:
            at = gids.index("slut")
            nb.cells.insert(at, cell)
            gids.insert(at, gid)
    nbformat.validate(nb)
    nbformat.write(nb, SOLUTION)


if __name__ == "__main__":
    edit_course()
    edit_solution()
    print("module 01 and its exercise updated; now run `make exercises`")
