"""Issue 16 part 3 for modules 00, 02, 03, 04 and 05: a 'Läs vidare – för din roll' section in each, the
civil-society agreements and lawful dialogue in module 03, and module 02's pointers to modules 06 and 07 and to
the reporting in Kravbyggaren's annex.

The notebooks are the source of truth; this script only applies these edits and can be run again (it replaces
what it wrote before and changes nothing else):

    .venv/bin/python scripts/authoring/edit_read_further.py [02 03 ...]   # the modules to edit; default all
    .venv/bin/python -m upphandlingskurs.content.glossary link course/0[0-5]_*.ipynb   # first uses of terms

Each 'Läs vidare' section gets a cell of its own after the cell with 'Nyckelpunkter' (tagged 'bild', a slide),
and 'Källor' is moved to a cell of its own after it, so the reading list does not become a slide.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_markdown_cell

REPO = Path(__file__).resolve().parents[2]
COURSE = REPO / "course"
HEADING = "## Läs vidare – för din roll"
READ_ID, SOURCES_ID = "las-vidare", "kallor"

# -- verified pages (search tool, 2026): name as the page calls itself, address ---------------------------------
UHM_SYSS = ("Upphandlingsmyndigheten, *Upphandling med mål att öka sysselsättningen*",
            "https://www.upphandlingsmyndigheten.se/hallbarhet/socialt-ansvarsfull-upphandling/"
            "upphandling-med-mal-att-oka-sysselsattningen/")
UHM_UO = ("Upphandlingsmyndigheten, *Upphandlande organisation – stöd vid sysselsättningskrav*",
          "https://www.upphandlingsmyndigheten.se/om-hallbar-upphandling/socialt-hallbar-upphandling/"
          "upphandling-med-mal-att-oka-sysselsattningen/upphandlande-organisation---stod-vid-sysselsattningskrav/")
UHM_MATCH = ("Upphandlingsmyndigheten, *Bidra till ökad sysselsättning* (för matchningsansvarig)",
             "https://www.upphandlingsmyndigheten.se/hallbarhet/socialt-ansvarsfull-upphandling/"
             "upphandling-med-mal-att-oka-sysselsattningen/for-matchningsansvarig-arbetsmarknadsaktor/")
UHM_REKRYT = ("Upphandlingsmyndigheten, *Tillämpning kontraktsvillkor – Rekrytering av person från avsedda "
              "målgruppen*",
              "https://www.upphandlingsmyndigheten.se/hallbarhet/socialt-ansvarsfull-upphandling/"
              "upphandling-med-mal-att-oka-sysselsattningen/"
              "tillampning-kontraktsvillkor-rekrytering-av-person-fran-avsedda-malgruppen/")
UHM_ATAGANDE = ("Upphandlingsmyndigheten, *Tillämpning kontraktsvillkor – Leverantörens åtagande*",
                "https://upphandlingsmyndigheten.se/om-hallbar-upphandling/socialt-hallbar-upphandling/"
                "upphandling-med-mal-att-oka-sysselsattningen/upphandlande-organisation---stod-vid-sysselsattningskrav/"
                "tillampning-kontraktsvillkor--leverantorens-atagande")
UHM_UPPF = ("Upphandlingsmyndigheten, *Tillämpning kontraktsvillkor – Uppföljning*",
            "https://www.upphandlingsmyndigheten.se/om-hallbar-upphandling/socialt-hallbar-upphandling/"
            "upphandling-med-mal-att-oka-sysselsattningen/upphandlande-organisation---stod-vid-sysselsattningskrav/"
            "tillampning-kontraktsvillkor--uppfoljning/")
UHM_BRISTER = ("Upphandlingsmyndigheten, *Tillämpning av kontraktsvillkor – Hantering av brister*",
               "https://www.upphandlingsmyndigheten.se/om-hallbar-upphandling/socialt-hallbar-upphandling/"
               "upphandling-med-mal-att-oka-sysselsattningen/upphandlande-organisation---stod-vid-sysselsattningskrav/"
               "tillampning-av-kontraktsvillkor--hantering-av-brister/")
UHM_KRITERIER = ("Upphandlingsmyndigheten, Kriterietjänsten, *Sysselsättningsfrämjande villkor*",
                 "https://www.upphandlingsmyndigheten.se/kriterier/sysselsattningsframjande-villkor/"
                 "sysselsattningsframjande-villkor/")
UHM_KALKYL = ("Upphandlingsmyndigheten, *Beräkna samhällsekonomiska effekter*",
              "https://www.upphandlingsmyndigheten.se/om-hallbar-upphandling/socialt-hallbar-upphandling/"
              "upphandling-med-mal-att-oka-sysselsattningen/berakna-samhallsekonomiska-effekter/")
UHM_RESERV = ("Upphandlingsmyndigheten, *Regler om reserverad upphandling*",
              "https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/"
              "regler-om-reserverad-upphandling/")
UHM_VILKA = ("Upphandlingsmyndigheten, *Vilka leverantörer avses?* (reserverad upphandling, 4 kap. 18 § LOU)",
             "https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/"
             "regler-om-reserverad-upphandling/vilka-leverantorer-avses/")
UHM_BILAGA2 = ("Upphandlingsmyndigheten, *Reserverad upphandling för vissa tjänster enligt bilaga 2* "
               "(19 kap. 25 a § LOU)",
               "https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/"
               "reserverad-upphandling-for-vissa-tjanster-enligt-bilaga-2/")
UHM_KONTAKTER = ("Upphandlingsmyndigheten, *Kontakter med leverantörer*",
                 "https://www.upphandlingsmyndigheten.se/inkopsprocessen/forbered-upphandling/kontakter-med-leverantorer/")
UHM_TIDIG_DIALOG = ("Upphandlingsmyndigheten, Frågeportalen, *Hur för man tidig dialog med leverantörerna utan att ge "
                    "några fördelar?*",
                    "https://frageportalen.upphandlingsmyndigheten.se/org/upphandlingsmyndigheten/d/"
                    "fraga-fran-publiken-vid-upphandlingsmyndighet-h3p5/")
UHM_IDEBURNA = ("Upphandlingsmyndigheten, *Samverkan med idéburna aktörer, civilsamhället och sociala företag*",
                "https://www.upphandlingsmyndigheten.se/kunskapsbank-for-offentliga-affarer/"
                "samverkan-med-ideburna-aktorer-civilsamhallet-och-sociala-foretag/")
UHM_IOP = ("Upphandlingsmyndigheten, Frågeportalen, *Går det att ingå ett gemensamt IOP?*",
           "https://www.upphandlingsmyndigheten.se/frageportalen/2457482/iop/")
UHM_FORENING = ("Upphandlingsmyndigheten, Frågeportalen, *Avtal mellan kommun och ideell förening*",
                "https://www.upphandlingsmyndigheten.se/frageportalen/1598146/avtal-mellan-kommun-och-ideell-forening/")
UHM_LAGAR = ("Upphandlingsmyndigheten, *Lagar och förordningar*",
             "https://upphandlingsmyndigheten.se/regler-och-lagstiftning/lagar-och-forordningar")
KKV_LAGAR = ("Konkurrensverket, *Lagar och förordningar* (upphandling)",
             "https://www.konkurrensverket.se/upphandling/lagar-och-regler/lagar-och-forordningar/")
KKV_VILLKOR = ("Konkurrensverket, *Särskilda kontraktsvillkor*",
               "http://www.konkurrensverket.se/upphandling/om-upphandlingsreglerna/hallbar-upphandling/"
               "sarskilda-kontraktsvillkor/")
KAMK_FAQ = ("Kammarkollegiet, *Frågor och svar om registret över idéburna organisationer*",
            "https://www.kammarkollegiet.se/vara-tjanster/ideburna-organisationer/"
            "fragor-och-svar-om-registret-over-ideburna-organisationer")
KAMK_ANSOK = ("Kammarkollegiet, *Ansök om att registrera idéburen organisation*",
              "https://www.kammarkollegiet.se/vara-tjanster/ideburna-organisationer/"
              "ansok-om-att-registrera-ideburen-organisation")
IMY_PUB = ("Integritetsskyddsmyndigheten (IMY), *Personuppgiftsbiträdesavtal*",
           "https://www.imy.se/verksamhet/dataskydd/det-har-galler-enligt-gdpr/"
           "personuppgiftsansvariga-och-personuppgiftsbitraden/personuppgiftsbitradesavtal/")
SKR_CIVIL = ("SKR (medlemsorganisation för kommuner och regioner), *Samverkan med civilsamhället*",
             "https://skr.se/demokratiledningstyrning/medborgardialogdelaktighet/samverkancivilsamhallet.373.html")
SKR_TILLSYN = ("SKR, *Skärpta regler om tillsyn på upphandlingsområdet* (2024)",
               "https://skr.se/skr/ekonomijuridik/juridik/nyhetsarkivjuridik/arkivjuridik/"
               "skarptaregleromtillsynpaupphandlingsomradet.78468.html")
PROP_TILLSYN = ("Regeringens proposition 2023/24:3, *En effektivare upphandlingstillsyn*",
                "https://data.riksdagen.se/dokument/HB033.html")
UHM_FORBEREDELSER = ("Upphandlingsmyndighetens frågeportal, *Måste man informera om vilka leverantörer man träffat "
                     "under förberedelsefasen?* (4 kap. 8 § LOU)",
                     "https://frageportalen.upphandlingsmyndigheten.se/org/upphandlingsmyndigheten/d/"
                     "fragor-om-transparens-i-forarbete-kravspecifikatio/")
RIR = ("Riksrevisionen, RiR 2025:21, *Arbetsrättsliga villkor i offentlig upphandling*",
       "http://data.riksdagen.se/dokument/HDB521.html")
KL = ("Kommunallagen (2017:725) på riksdagen.se",
      "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/kommunallag-2017725_sfs-2017-725/")
IVO = ("IVO, *Tillstånd för skyddat boende*",
       "https://www.ivo.se/vard-omsorgsgivare/tillstand/sol-verksamheter/tillstand-for-skyddat-boende/")
GBG_OK = ("Göteborgs Stad, *Överenskommelse mellan Göteborgs Stad och civilsamhällets organisationer*",
          "https://goteborg.se/wps/portal/start/kommun-o-politik/hallbar-stad--oppen-for-varlden/"
          "goteborgs-stad-samverkan-med-civilsamhallet/overenskommelse-mellan-goteborgs-stad-och-"
          "civilsamhallets-organisationer")
VGR_OK = ("Västra Götalandsregionen, *Överenskommelsen mellan Västra Götalandsregionen och det civila samhället*",
          "https://hh.vgregion.se/regional-utveckling/omraden/social-hallbarhet/"
          "overenskommelsen-med-det-civila-samhallet/")
VGR_OM = ("Västra Götalandsregionen, *Om överenskommelsen*",
          "http://hh.vgregion.se/regional-utveckling/verksamhetsomraden/social-hallbarhet/"
          "overenskommelsen-med-det-civila-samhallet/om-okc/")
VGR_PLAN = ("Västra Götalandsregionen, *Plan för samverkan med civilsamhället stärker demokratin* (plan 2024–2026)",
            "http://hh.vgregion.se/kultur/nyheter/nyheter-kultur/ny-overenskommelse-20242026/")
MUCF = ("MUCF, *Idéburet offentligt partnerskap*", "https://www.mucf.se/ideburetoffentligtpartnerskap")

M06 = "modul 06 [Från krav till jobb](06_fran_krav_till_jobb.ipynb)"
M07 = "modul 07 [På andra sidan bordet](07_andra_sidan_bordet.ipynb)"


def link(source: tuple[str, str]) -> str:
    """A Markdown link whose text is the source's name without the italics (a link text is not emphasised)."""
    name, url = source
    return f"[{name.replace('*', '')}]({url})"


def links(*sources: tuple[str, str]) -> str:
    return "; ".join(link(s) for s in sources)


def section(intro: str, bullets: list[tuple[str, str]]) -> str:
    lines = [HEADING, "", intro, ""]
    lines += [f"- **{role}:** {text}" for role, text in bullets]
    return "\n".join(lines)


READ_FURTHER = {
    "00": section(
        "Välj din roll. Varje punkt har officiella källor att läsa vidare i och den modul som passar dig härnäst. "
        "ASF betyder arbetsintegrerande socialt företag. Startsidan har också **Välj din väg**, med de moduler "
        "och avsnitt som passar din roll.",
        [("Beslutsfattare",
          f"{links(UHM_SYSS)}. Där börjar modellen med ett beslut i ledningen. Läs sedan modul 01 och modul 05."),
         ("Upphandlare", f"{links(UHM_LAGAR, KKV_LAGAR)}. Läs sedan modul 01 och modul 02."),
         ("Matchningsansvarig och arbetsmarknadsenhet", f"{links(UHM_MATCH)}. Läs sedan modul 02 och {M06}."),
         ("Leverantör och ASF",
          f"{links(UHM_VILKA)}. Läs sedan modul 02 och {M07}."),
         ("Idéburen organisation", f"{links(KAMK_FAQ)}. Läs sedan modul 03 och {M07}."),
         ("Socialtjänst", f"{links(UHM_IOP)}. Läs sedan modul 03."),
         ]),
    "02": section(
        "Välj din roll. Varje punkt har officiella källor att läsa vidare i och den modul som passar dig härnäst.",
        [("Beslutsfattare",
          f"{links(UHM_UO, UHM_KALKYL)}. Startfrågorna och kalkylatorn är underlag för ett beslut i ledningen. "
          "Läs sedan modul 05."),
         ("Upphandlare",
          f"{links(UHM_KRITERIER, UHM_UPPF, KKV_VILLKOR)}. Läs sedan modul 04 om uppföljningen och {M06}."),
         ("Matchningsansvarig och arbetsmarknadsenhet",
          f"{links(UHM_MATCH, UHM_REKRYT)}. Läs sedan {M06}."),
         ("Leverantör och ASF",
          f"{links(UHM_ATAGANDE, UHM_VILKA)}. Läs sedan {M07}."),
         ]),
    "03": section(
        "Välj din roll. Varje punkt har officiella källor att läsa vidare i och den modul som passar dig härnäst.",
        [("Beslutsfattare",
          f"{links(SKR_CIVIL, GBG_OK, PROP_TILLSYN)}. Den sista handlar om Konkurrensverkets tillsyn och "
          "upphandlingsskadeavgiften sedan 2024. Läs sedan modul 05, avsnitt 4 *Kandidater för IOP*."),
         ("Upphandlare",
          f"{links(UHM_BILAGA2, UHM_KONTAKTER, UHM_IDEBURNA)}. Läs sedan modul 01 om reserverad upphandling."),
         ("Idéburen organisation",
          f"{links(KAMK_ANSOK, VGR_OK, MUCF)}. Läs sedan {M07}: hur ni tar initiativ till ett IOP och lämnar anbud."),
         ("Socialtjänst",
          f"{links(UHM_FORENING, IVO, KL)}. Läs sedan modul 05, avsnitt 4 *Kandidater för IOP*."),
         ]),
    "04": section(
        "Välj din roll. Varje punkt har officiella källor att läsa vidare i och den modul som passar dig härnäst.",
        [("Beslutsfattare", f"{links(RIR, UHM_KALKYL)}. Läs sedan modul 05."),
         ("Upphandlare", f"{links(UHM_UPPF, UHM_BRISTER)}. Läs sedan {M06}: uppföljningen i vardagen."),
         ("Matchningsansvarig och arbetsmarknadsenhet",
          f"{links(IMY_PUB, UHM_MATCH)}. Läs sedan {M06}."),
         ("Leverantör och ASF",
          f"{links(UHM_UPPF)}. Rapportmallen som kursen använder sparar du under Kravbyggaren i modul 02. "
          f"Läs sedan {M07}."),
         ]),
    "05": section(
        "Välj din roll. Varje punkt har officiella källor att läsa vidare i och den modul som passar dig härnäst.",
        [("Beslutsfattare", f"{links(UHM_UO, SKR_CIVIL)}. Läs sedan {M06}."),
         ("Upphandlare", f"{links(UHM_KONTAKTER, UHM_RESERV)}. Läs sedan {M06}."),
         ("Matchningsansvarig och arbetsmarknadsenhet", f"{links(UHM_MATCH)}. Läs sedan {M06}."),
         ("Idéburen organisation", f"{links(GBG_OK, VGR_OK, KAMK_FAQ)}. Läs sedan {M07}."),
         ("Socialtjänst", f"{links(UHM_IOP, IVO)}. Läs sedan modul 03, avsnitt 8 *Bygga ett IOP steg för steg*."),
         ]),
}

# -- module 03: the civil-society agreements (a new section 11) and lawful dialogue (after section 8) ----------
AGREEMENTS_ID = "overenskommelser"
AGREEMENTS = f"""## 11. Överenskommelserna med civilsamhället i Göteborg och Västra Götaland

Göteborgs Stad och Västra Götalandsregionen (VGR) har var sin **överenskommelse** med civilsamhällets organisationer. En överenskommelse anger mål och principer för hur parterna vill samverka; VGR kallar sin en gemensam viljeyttring. Den är ingen sjätte samverkansform vid sidan av dem i avsnitt 3. Pengar till en organisation ges fortfarande som bidrag, genom ett IOP eller efter en upphandling.

- **Göteborgs Stad.** Kommunfullmäktige beslutade 2012, efter dialog med civilsamhället, om en överenskommelse om samverkan mellan civilsamhällets organisationer och Göteborgs Stad. Drygt 100 organisationer har skrivit under. Målen är att stärka demokratin, öka delaktigheten och minska utanförskapet. Överenskommelsen bygger på sex principer: integritet och oberoende, dialog, kvalitet, långsiktighet, öppenhet och insyn samt mångfald. Sedan 2017 håller kansliet Got United ihop arbetet. Det drivs av civilsamhället ([{GBG_OK[0].replace('*', '')}]({GBG_OK[1]})).
- **Västra Götalandsregionen.** Överenskommelsen mellan Västra Götalandsregionen och det civila samhället beslutades 2014. Då anslöt sig 70 organisationer, och i maj 2024 var de 121 ({link(VGR_OK)}). Den bygger på de sex principerna i den nationella överenskommelsen från 2008 mellan regeringen, idéburna organisationer inom det sociala området och Sveriges Kommuner och Landsting (i dag Sveriges Kommuner och Regioner, SKR): dialog, långsiktighet, kvalitet, öppenhet och insyn, självständighet och oberoende samt mångfald ({link(VGR_OM)}). Planen för 2024–2026 har tre områden: kunskap om parternas förutsättningar och villkor, jämbördiga strukturer för dialog i tidigt skede och långsiktiga former för stöd och finansiering ({link(VGR_PLAN)}).

**Vad betyder det för ett IOP?** En överenskommelse kan vara det politiska program där idéburna organisationer nämns, som Forums andra kriterium talar om (avsnitt 2). Den ger stöd för dialog och för ett medvetet val av form. Men den ändrar inte juridiken:

- Ett avtal där organisationen åtar sig att utföra en tjänst åt kommunen mot ersättning ska upphandlas, vad som än står i en överenskommelse (HFD 2020:15).
- Att en organisation har skrivit under ger den inget företräde. Ett bidrag ges på lika villkor (likställighetsprincipen, 2 kap. 3 § kommunallagen), och i en upphandling ska alla leverantörer behandlas lika (4 kap. 1 § LOU).

Har er kommun en egen överenskommelse? Kontrollera på kommunens webbplats; kursen har bara kontrollerat Göteborgs och VGR:s."""

DIALOG_ID = "dialog"
DIALOG = f"""**Dialog före ett IOP eller en upphandling.** Kommunen får och bör tala med idéburna organisationer, arbetsintegrerande sociala företag och andra leverantörer innan den bestämmer sig. Det är så den gemensamma analysen i steg 2 blir av. Tre saker gör dialogen laglig och hållbar:

1. **Säg var ni är i processen.** Tala om att ingen upphandling har påbörjats och att samtalet inte är en förhandling ({link(UHM_KONTAKTER)}).
2. **Behandla alla lika.** Kan samarbetet bli en upphandling får ingen leverantör gynnas, och ingen som deltar i dialogen får kunna forma upphandlingen till sin egen fördel. Ge alla samma information (likabehandling och icke-diskriminering, 4 kap. 1 § LOU; {link(UHM_KONTAKTER)}). Har en leverantör deltagit i förberedelserna av en upphandling, ska de andra anbudsgivarna få veta vilka upplysningar av betydelse för upphandlingen som lämnades då (4 kap. 8 § LOU; {link(UHM_FORBEREDELSER)}).
3. **Dokumentera.** Skriv ner vem som deltog, vad som kom fram och vad kommunen sedan beslutade. Upphandlingsmyndigheten råder att dokumentera dialogerna noggrant och gärna sammanfatta dem och sprida sammanfattningen, till exempel i en bilaga till upphandlingsdokumenten, så att alla leverantörer får samma underlag ({link(UHM_TIDIG_DIALOG)}). Det stöder likabehandling och öppenhet (4 kap. 1 § LOU). Inför ett IOP visar samma anteckningar att formen valdes medvetet och varför samarbetet inte är ett köp.

Mer om dialog med leverantörer inför en upphandling finns i modul 01."""

SOURCES_03 = [
    f"- {GBG_OK[0]}: {GBG_OK[1]}",
    f"- {VGR_OK[0]}: {VGR_OK[1]} ; {VGR_OM[0]}: {VGR_OM[1]} ; {VGR_PLAN[0]}: {VGR_PLAN[1]}",
    f"- {UHM_KONTAKTER[0]}: {UHM_KONTAKTER[1]}",
    f"- {UHM_TIDIG_DIALOG[0]}: {UHM_TIDIG_DIALOG[1]}",
    f"- {UHM_FORBEREDELSER[0]}: {UHM_FORBEREDELSER[1]}",
    f"- {PROP_TILLSYN[0]}: {PROP_TILLSYN[1]}",
]

# -- module 02: pointers to modules 06 and 07, and the reporting in the annex ----------------------------------
ROLES_ANCHOR = "Modellen togs fram med start 2016"
ROLES_POINTER = (f"{M06[0].upper() + M06[1:]} visar arbetet steg för steg för den matchningsansvariga, och "
                 f"{M07} visar det för leverantören.")
FOLLOW_UP_ANCHOR = "Kravbyggaren varnar om du kryssar ur *Avtalet har uppföljning och sanktioner*."
FOLLOW_UP_ADDITION = f"""**Rapporteringen i kravbilagan.** Kravbilagan från Kravbyggaren (avsnitt 4) skriver in råd 2 och 3 i avtalsvillkoren. Villkorsfilen *Särskilda kontraktsvillkor – sysselsättning* säger att leverantören rapporterar senast ett visst antal dagar efter varje kvartals slut och när avtalet upphör, i beställarens rapportmall: en rad per avtal och rapportperiod, bara antal och inga uppgifter om enskilda personer. Antalet dagar fyller du i; kursen föreslår inget antal. Ge leverantören rimlig tid (råd 2). Sanktionerna följer råd 3. I varianterna med anställning eller praktik ser de ut så här:

- **Delmål.** Villkoren har ett delmål för varje avtalsår: hur stor andel av de åtagna heltidsmånaderna som ska vara fullgjord. Andelarna fyller du i.
- **Rättelse först.** Når leverantören inte ett delmål ska den inom en viss tid lämna en plan för hur de saknade månaderna tas igen. Planen gäller när beställaren har godtagit den.
- **Vite med tak.** Vite utgår bara om leverantören inte lämnar en plan som kan godtas eller inte följer planen, och vid det sista delmålet när avtalet upphör. Vitet räknas per saknad heltidsmånad och har ett tak per avtalsår och för hela avtalstiden. En plats som leverantören i tid har anmält, utan att få förslag på någon kandidat ur målgruppen som uppfyller kraven, ger inget vite.
- **Hävning** bara vid väsentligt avtalsbrott, till exempel om leverantören vid två delmål i följd har fullgjort mindre än en viss andel av delmålet. En enstaka sen rapport räcker inte.

Gäller upphandlingen ett ramavtal kan leverantören också stängas av från nya avrop tills bristen är rättad. Beloppen, tiderna och andelarna fyller du i, och er upphandlingsjurist bör granska dem. Som rapportmall kan du använda kursens mall (Excel). Du sparar den under Kravbyggaren och bifogar den till upphandlingsdokumenten. En ifylld mall kan du läsa in i analysen i modul 04.

**Matchningen och uppföljningen i praktiken.** {M06[0].upper() + M06[1:]} tar upp hur den matchningsansvariga arbetar steg för steg, hur leverantören visar att en person tillhör målgruppen, vad personuppgifterna kräver och hur uppföljningen går till i vardagen. Är du leverantör eller arbetsintegrerande socialt företag (ASF)? Då tar {M07} upp hur du läser och prissätter ett anbud med sysselsättningskrav."""


ANNEX_ANCHOR = "**Kravbilaga att ta med hem.**"
ANNEX_PARAGRAPH = """**Kravbilaga att ta med hem.** Under Kravbyggaren finns formuläret *Kravbilaga att lägga i upphandlingsdokumenten*. Det skriver villkoret från Kravbyggarens senaste förslag i två filer (Word, Markdown eller webbsida). Den första filen heter *Särskilda kontraktsvillkor – sysselsättning*; formuläret och anvisningen kallar den del A. Det är avtalsvillkoren som du bifogar upphandlingsdokumenten: åtagandet, vad leverantören ska rapportera och när, hur leverantören visar att en person tillhör målgruppen, matchningen och sanktionerna ([rättelse](ordlista.ipynb#rättelse), [vite](ordlista.ipynb#vite) och [hävning](ordlista.ipynb#hävning)). Den andra filen, del B, är en anvisning till dig som inte bifogas: vad du måste fylla i eller bestämma med er upphandlingsjurist innan villkoren används, personuppgifter och allmänna handlingar, Kravbyggarens flaggor och källorna. Fält inom hakparentes [ ], till exempel tider, delmål och vitesbelopp, fyller du i själv. Formuläret har två rutor som ändrar bilagan. Kryssa i **ramavtal** om upphandlingen gäller ett ramavtal: då räknas åtagandet på det leverantören fakturerar, och villkoren säger att leverantören kan stängas av från nya avrop. Föreslår tumregeln ingen plats skapas ingen bilaga med krav på anställning eller praktik. Välj då dialogvarianten, eller kryssa i rutan om att ni ändå ställer kravet, men bara om ni har motiverat varför det är proportionerligt (4 kap. 1 § LOU). Du kan också spara leverantörens rapportmall (Excel), som analysen i modul 04 kan läsa in. Filerna sparas i mappen `mina_dokument`. Bilagan är kursens förslag: låt kommunens upphandlingsjurist granska den innan den används."""


def _notebook(nn: str) -> Path:
    return next(COURSE.glob(f"{nn}_*.ipynb"))


def _index(nb, cell_id: str) -> int | None:
    return next((i for i, c in enumerate(nb.cells) if c.get("id") == cell_id), None)


def _md(text: str, cell_id: str):
    cell = new_markdown_cell(text)
    cell.id = cell_id
    return cell


def _put_after(nb, after: int, text: str, cell_id: str) -> None:
    """Insert (or replace) the Markdown cell ``cell_id`` right after cell ``after``."""
    old = _index(nb, cell_id)
    if old is not None:
        nb.cells.pop(old)
        after = after if old > after else after - 1
    nb.cells.insert(after + 1, _md(text, cell_id))


def set_read_further(nb, text: str) -> None:
    """Put ``text`` in its own cell between *Nyckelpunkter* and *Källor* (moving *Källor* to its own cell)."""
    key = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and "## Nyckelpunkter" in c.source)
    cell = nb.cells[key]
    if "## Källor" in cell.source:
        head, _, tail = cell.source.partition("## Källor")
        cell.source = head.rstrip("\n")
        nb.cells.insert(key + 1, _md("## Källor" + tail, SOURCES_ID))
    _put_after(nb, key, text, READ_ID)


def edit_03(nb) -> None:
    # Section 10 (examples from Göteborg) is followed by the agreements; "Hur många IOP" becomes section 12.
    examples = next(i for i, c in enumerate(nb.cells) if c.source.startswith("## 10. Exempel från Göteborg"))
    _put_after(nb, examples, AGREEMENTS, AGREEMENTS_ID)
    for c in nb.cells:
        if c.source.startswith("## 11. Hur många IOP"):
            c.source = c.source.replace("## 11. Hur många IOP", "## 12. Hur många IOP", 1)
    steps = next(i for i, c in enumerate(nb.cells) if c.source.startswith("## 8. Bygga ett IOP steg för steg"))
    _put_after(nb, steps, DIALOG, DIALOG_ID)
    sources = nb.cells[_index(nb, SOURCES_ID)]
    lines = sources.source.split("\n")
    missing = [s for s in SOURCES_03 if s not in lines]
    if missing:
        last = max(i for i, line in enumerate(lines) if line.startswith("- "))
        sources.source = "\n".join(lines[:last + 1] + missing + lines[last + 1:])


def edit_02(nb) -> None:
    for c in nb.cells:
        if ANNEX_ANCHOR in c.source:  # section 4: the annex form as Kravbyggaren writes it now
            head, _, rest = c.source.partition(ANNEX_ANCHOR)
            _, sep, tail = rest.partition("\n\n")
            c.source = head + ANNEX_PARAGRAPH + (sep + tail if sep else "")
        if ROLES_ANCHOR in c.source:
            kept = [p for p in c.source.split("\n\n") if "06_fran_krav_till_jobb.ipynb" not in p]  # an earlier run
            c.source = "\n\n".join(kept).replace(ROLES_ANCHOR, ROLES_POINTER + "\n\n" + ROLES_ANCHOR, 1)
        if FOLLOW_UP_ANCHOR in c.source:
            head, _, _ = c.source.partition(FOLLOW_UP_ANCHOR)
            c.source = head + FOLLOW_UP_ANCHOR + "\n\n" + FOLLOW_UP_ADDITION


def main(argv: list[str] | None = None) -> int:
    """Edit the modules named on the command line (for example ``02 03``), or all of them."""
    wanted = set(sys.argv[1:] if argv is None else argv) or set(READ_FURTHER)
    for nn, text in READ_FURTHER.items():
        if nn not in wanted:
            continue
        path = _notebook(nn)
        nb = nbformat.read(path, as_version=4)
        set_read_further(nb, text)
        if nn == "03":
            edit_03(nb)
        if nn == "02":
            edit_02(nb)
        nbformat.validate(nb)
        nbformat.write(nb, path)
        print(f"skrev {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
