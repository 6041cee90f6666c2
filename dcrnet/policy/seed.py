"""The tracker's first events: dated facts of shared/data/facts-indcr-and-peers.md (A8, A9, B2, B4,
D), each with its source at the address the facts file gives, in the five languages.

`seed_events()` is idempotent: it looks each event up by country, date, kind and source address,
creates the missing ones and rewrites only the fields that differ (so a second run saves nothing
and adds no history). Whether an event is published is set when it is created and never again,
so an editor's unpublishing stays.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import translation

from dcrnet.directory.models import Country, Facility

from .models import Event, Kind, Precision

INDCR = "http://www.drugconsumptionroom-international.org/index.php"

SOURCES: dict[str, tuple[str, str]] = {
    "indcr-ch": (
        "INDCR country page: Switzerland",
        f"{INDCR}/locations/2015-09-27-13-40-35/location-switzerland",
    ),
    "indcr-de": (
        "INDCR country page: Germany (June 2015)",
        f"{INDCR}/locations/germany/location-germany",
    ),
    "indcr-nl": (
        "INDCR country page: the Netherlands",
        f"{INDCR}/locations/2015-09-27-13-38-33/location-the-netherlands",
    ),
    "indcr-es": (
        "INDCR country page: Spain",
        f"{INDCR}/locations/2015-09-27-13-39-55/location-spain",
    ),
    "indcr-dk": (
        "INDCR country page: Denmark",
        f"{INDCR}/locations/2015-09-27-13-35-04/location-denmark",
    ),
    "indcr-no": (
        "INDCR country page: Norway",
        f"{INDCR}/locations/2015-09-27-13-39-15/location-norway",
    ),
    "indcr-fr": (
        "INDCR country page: France",
        f"{INDCR}/locations/2016-11-22-12-51-59/location-france",
    ),
    "indcr-ca": (
        "INDCR country page: Canada",
        f"{INDCR}/locations/2015-09-27-13-31-46/location-canada",
    ),
    "indcr-highlight-abrigado": (
        "INDCR Monthly Highlight DCR: Abrigado",
        f"{INDCR}/monthly-highlight-dcr/highl-abrigado/monthly-highlight",
    ),
    "emcdda-2015": (
        "EMCDDA Perspectives on Drugs counts, June 2015 (via drugwarfacts.org)",
        "http://drugwarfacts.org/node/1837",
    ),
    "emcdda-2023": (
        "EMCDDA and C-EHRN, Drug consumption rooms (joint report, December 2023)",
        "https://www.emcdda.europa.eu/publications/technical-reports/2023/drug-consumption-rooms_en",
    ),
    "hri-2019": (
        "Harm Reduction International, Global State of Harm Reduction 2019",
        "https://www.hri.global/global-state-of-harm-reduction-2019",
    ),
    "de-augsburger": (
        "Augsburger Allgemeine: drug consumption rooms, survival aid or stillbirth?",
        "https://www.augsburger-allgemeine.de/ratgeber/gesundheit/"
        "drogen-drogenkonsumraeume-ueberlebenshilfe-oder-totgeburt-103010218",
    ),
    "nl-idpc-2019": (
        "IDPC: drug consumption rooms in the Netherlands (2019)",
        "https://idpc.net/publications/2019/07/drug-consumption-rooms-in-the-netherlands",
    ),
    "fr-paris-talkingdrugs": (
        "TalkingDrugs: France's first drug consumption room inaugurated in Paris (2016)",
        "http://www.talkingdrugs.org/france-first-drug-consumption-room-inaugurated-in-paris/",
    ),
    "fr-strasbourg": (
        "TalkingDrugs: second French city opens a drug consumption room (2016)",
        "https://www.talkingdrugs.org/second-french-city-opens-a-drug-consumption-room/",
    ),
    "be-vrt": (
        "VRT NWS: injecting room opens in Liège (5 September 2018)",
        "https://www.vrt.be/vrtnws/en/2018/09/05/injecting-room-opens-in-liege/",
    ),
    "be-efus": (
        "Efus: historic opening of a consumption room in Brussels (2022)",
        "https://efus.eu/topics/drugs/"
        "drogue-ouverture-historique-dune-salle-de-consommation-a-moindre-risque-a-bruxelles/",
    ),
    "gr-idpc-2015": (
        "IDPC: struggle to revive the Athens drug consumption room (July 2015)",
        "https://idpc.net/alerts/2015/07/struggle-to-revive-athens-drug-consumption-room-2015",
    ),
    "pt-idpc-2019": (
        "IDPC: inside Portugal's first mobile safe consumption site (July 2019)",
        "https://idpc.net/news/2019/07/inside-portugal-s-first-mobile-safe-consumption-site",
    ),
    "gb-tribyoon": (
        "Tribyoon: Glasgow launches the UK's first safer drug consumption facility",
        "https://tribyoon.co.uk/local-news/glasgow-launches-uks-first-safer-drug-consumption-facility",
    ),
    "ca-darpan-2017": (
        "Darpan: Health Canada allows oral and nasal use at two BC consumption sites (2017)",
        "https://darpanmagazine.com/news/international/"
        "health-canada-allows-oral-and-nasal-use-of-drugs-at-2-bc-consumption-sites/?page=206",
    ),
    "au-msic-wikipedia": (
        "Wikipedia: Uniting Medically Supervised Injecting Centre",
        "https://en.wikipedia.org/wiki/Uniting_Medically_Supervised_Injecting_Centre",
    ),
    "au-vic-health": (
        "Victoria Department of Health: the injecting room",
        "https://www2.health.vic.gov.au/alcohol-and-drugs/aod-treatment-services/injecting-room",
    ),
    "us-nyc-2021": (
        "NYC Health Department press release (2021): overdose prevention centers prevent 59 deaths",
        "https://www.nyc.gov/site/doh/about/press/pr2021/overdose-prevention-centers-prevent-59-deaths.page",
    ),
    "mx-descriminalizacion": (
        "descriminalizacion.org: first safe consumption room in Latin America opens",
        "http://descriminalizacion.org/abren-la-primera-sala-de-consumo-seguro-de-drogas-en-latinoamerica/",
    ),
}

LANGUAGES = ("en", "fr", "de", "nl", "es")


def french(text: str) -> str:
    """French typography (docs/glossary.md): a no-break space before : ; ? and !."""
    return re.sub(r" ([:;?!])", "\u00a0\\1", text)


@dataclass(frozen=True)
class Seed:
    country: str
    date: dt.date
    precision: str
    kind: str
    source: str
    facility: str
    texts: dict[str, tuple[str, str]]  # language → (title, summary)


def seed(
    country: str,
    date: str,
    kind: str,
    source: str,
    facility: str = "",
    **texts: tuple[str, str],
) -> Seed:
    """date: "2012" (year), "2012-06" (month) or "2012-06-01" (day), as precise as the source."""
    parts = [int(p) for p in date.split("-")]
    precision = {1: Precision.YEAR, 2: Precision.MONTH, 3: Precision.DAY}[len(parts)]
    parts += [1] * (3 - len(parts))
    assert set(texts) == set(LANGUAGES), (country, date)
    texts["fr"] = (french(texts["fr"][0]), french(texts["fr"][1]))
    return Seed(country, dt.date(*parts), precision, kind, source, facility, texts)


# The same words in the three events that name an expert legal opinion (EMCDDA report, B2).
OPINION = {
    "en": "Expert legal opinion on drug consumption rooms",
    "fr": "Avis juridique d'expert sur les salles de consommation",
    "de": "Juristisches Gutachten zu Drogenkonsumräumen",
    "nl": "Juridisch deskundigenadvies over gebruiksruimten",
    "es": "Dictamen jurídico de expertos sobre las salas de consumo supervisado",
}

EVENTS: list[Seed] = [
    # Switzerland
    seed(
        "CH", "1986-06", Kind.OPENED, "emcdda-2015", "ch-bern-contact-netz",
        en=("The world's first drug consumption room opens in Bern",
            "Contact Netz opened the first drug consumption room in Bern in June 1986."),
        fr=("La première salle de consommation au monde ouvre à Berne",
            "Contact Netz a ouvert à Berne, en juin 1986, la première salle de consommation."),
        de=("Der weltweit erste Drogenkonsumraum öffnet in Bern",
            "Contact Netz eröffnete im Juni 1986 in Bern den ersten Drogenkonsumraum."),
        nl=("De eerste gebruiksruimte ter wereld opent in Bern",
            "Contact Netz opende in juni 1986 in Bern de eerste gebruiksruimte."),
        es=("Abre en Berna la primera sala de consumo supervisado del mundo",
            "Contact Netz abrió en Berna, en junio de 1986, la primera sala de consumo"
            " supervisado."),
    ),
    seed(
        "CH", "1989", Kind.OTHER, "emcdda-2023",
        en=(OPINION["en"],
            "The EMCDDA and C-EHRN joint report lists an expert legal opinion of 1989 as the"
            " legal route of the drug consumption rooms in Switzerland."),
        fr=(OPINION["fr"],
            "Le rapport conjoint de l'EMCDDA et de C-EHRN cite un avis juridique d'expert de 1989"
            " comme base juridique des salles de consommation en Suisse."),
        de=(OPINION["de"],
            "Der gemeinsame Bericht von EMCDDA und C-EHRN nennt ein juristisches Gutachten von"
            " 1989 als Rechtsgrundlage der Drogenkonsumräume in der Schweiz."),
        nl=(OPINION["nl"],
            "Het gezamenlijke rapport van het EMCDDA en C-EHRN noemt een juridisch"
            " deskundigenadvies uit 1989 als juridische basis van de gebruiksruimten in"
            " Zwitserland."),
        es=(OPINION["es"],
            "El informe conjunto del EMCDDA y C-EHRN cita un dictamen jurídico de expertos de"
            " 1989 como base jurídica de las salas de consumo supervisado en Suiza."),
    ),
    seed(
        "CH", "2011", Kind.STATEMENT, "indcr-ch",
        en=("National standards for drug consumption rooms",
            "According to the network's country page, the national standards for drug"
            " consumption rooms in Switzerland date from 2011."),
        fr=("Normes nationales pour les salles de consommation",
            "Selon la page pays de l'INDCR, les normes nationales des salles de consommation en"
            " Suisse datent de 2011."),
        de=("Nationale Standards für Drogenkonsumräume",
            "Laut der INDCR-Länderseite stammen die nationalen Standards für Drogenkonsumräume in"
            " der Schweiz aus dem Jahr 2011."),
        nl=("Landelijke normen voor gebruiksruimten",
            "Volgens de INDCR-landenpagina dateren de landelijke normen voor gebruiksruimten in"
            " Zwitserland uit 2011."),
        es=("Normas nacionales para las salas de consumo supervisado",
            "Según la página del INDCR sobre Suiza, las normas nacionales de las salas de consumo"
            " supervisado datan de 2011."),
    ),
    # Germany
    seed(
        "DE", "1993", Kind.OTHER, "emcdda-2023",
        en=(OPINION["en"],
            "The EMCDDA and C-EHRN joint report lists an expert legal opinion of 1993 as a legal"
            " route of the drug consumption rooms in Germany, before the specific provision in"
            " drug law (§ 10a BtMG)."),
        fr=(OPINION["fr"],
            "Le rapport conjoint de l'EMCDDA et de C-EHRN cite un avis juridique d'expert de 1993"
            " comme base juridique des salles de consommation en Allemagne, avant la disposition"
            " spécifique de la loi sur les stupéfiants (§ 10a BtMG)."),
        de=(OPINION["de"],
            "Der gemeinsame Bericht von EMCDDA und C-EHRN nennt ein juristisches Gutachten von"
            " 1993 als Rechtsgrundlage der Drogenkonsumräume in Deutschland, vor der besonderen"
            " Bestimmung im Betäubungsmittelgesetz (§ 10a BtMG)."),
        nl=(OPINION["nl"],
            "Het gezamenlijke rapport van het EMCDDA en C-EHRN noemt een juridisch"
            " deskundigenadvies uit 1993 als juridische basis van de gebruiksruimten in"
            " Duitsland, vóór de specifieke bepaling in de drugswet (§ 10a BtMG)."),
        es=(OPINION["es"],
            "El informe conjunto del EMCDDA y C-EHRN cita un dictamen jurídico de expertos de"
            " 1993 como base jurídica de las salas de consumo supervisado en Alemania, antes de la"
            " disposición específica de la ley de estupefacientes (§ 10a BtMG)."),
    ),
    seed(
        "DE", "1994-12", Kind.OPENED, "de-augsburger", "de-frankfurt-eastside",
        en=("First official drug consumption room in Germany opens in Frankfurt",
            "Eastside in Frankfurt (Fechenheim) opened in December 1994 as the first official"
            " drug consumption room in Germany."),
        fr=("La première salle de consommation officielle d'Allemagne ouvre à Francfort",
            "Eastside, à Francfort (Fechenheim), a ouvert en décembre 1994 : c'est la première"
            " salle de consommation officielle d'Allemagne."),
        de=("Erster offizieller Drogenkonsumraum Deutschlands öffnet in Frankfurt",
            "Eastside in Frankfurt-Fechenheim eröffnete im Dezember 1994 als erster offizieller"
            " Drogenkonsumraum Deutschlands."),
        nl=("Eerste officiële gebruiksruimte van Duitsland opent in Frankfurt",
            "Eastside in Frankfurt (Fechenheim) opende in december 1994 als eerste officiële"
            " gebruiksruimte van Duitsland."),
        es=("Abre en Fráncfort la primera sala de consumo supervisado oficial de Alemania",
            "Eastside, en Fráncfort (Fechenheim), abrió en diciembre de 1994 como la primera sala"
            " de consumo supervisado oficial de Alemania."),
    ),
    seed(
        "DE", "2000", Kind.LAW, "indcr-de",
        en=("Narcotics Act amendment gives drug consumption rooms a legal basis",
            "An amendment to the Narcotics Act in 2000 (§ 10a BtMG) is the legal basis of the"
            " drug consumption rooms in Germany."),
        fr=("Une modification de la loi sur les stupéfiants donne une base légale aux salles de"
            " consommation",
            "Une modification de la loi sur les stupéfiants adoptée en 2000 (§ 10a BtMG) est la"
            " base légale des salles de consommation en Allemagne."),
        de=("Änderung des Betäubungsmittelgesetzes gibt Drogenkonsumräumen eine Rechtsgrundlage",
            "Eine Änderung des Betäubungsmittelgesetzes im Jahr 2000 (§ 10a BtMG) ist die"
            " Rechtsgrundlage der Drogenkonsumräume in Deutschland."),
        nl=("Wijziging van de Duitse drugswet geeft gebruiksruimten een wettelijke basis",
            "Een wijziging van de Duitse drugswet (Betäubungsmittelgesetz) in 2000 (§ 10a BtMG)"
            " is de wettelijke basis van de gebruiksruimten in Duitsland."),
        es=("Una reforma de la ley de estupefacientes da base legal a las salas de consumo"
            " supervisado",
            "Una reforma de la ley de estupefacientes de 2000 (§ 10a BtMG) es la base legal de las"
            " salas de consumo supervisado en Alemania."),
    ),
    # The Netherlands
    seed(
        "NL", "1994-06-10", Kind.OPENED, "nl-idpc-2019", "nl-maastricht-first-dcr",
        en=("First formal drug consumption room in the Netherlands opens in Maastricht",
            "The first formal drug consumption room of the Netherlands opened in Maastricht on"
            " 10 June 1994."),
        fr=("La première salle de consommation officielle des Pays-Bas ouvre à Maastricht",
            "La première salle de consommation officielle des Pays-Bas a ouvert à Maastricht le"
            " 10 juin 1994."),
        de=("Erster offizieller Drogenkonsumraum der Niederlande öffnet in Maastricht",
            "Der erste offizielle Drogenkonsumraum der Niederlande eröffnete am 10. Juni 1994 in"
            " Maastricht."),
        nl=("Eerste officiële gebruiksruimte van Nederland opent in Maastricht",
            "De eerste officiële gebruiksruimte van Nederland opende op 10 juni 1994 in"
            " Maastricht."),
        es=("Abre en Maastricht la primera sala de consumo supervisado oficial de los Países Bajos",
            "La primera sala de consumo supervisado oficial de los Países Bajos abrió en"
            " Maastricht el 10 de junio de 1994."),
    ),
    seed(
        "NL", "1996", Kind.OTHER, "emcdda-2023",
        en=(OPINION["en"],
            "The EMCDDA and C-EHRN joint report lists an expert legal opinion of 1996 as the"
            " legal route of the drug consumption rooms in the Netherlands."),
        fr=(OPINION["fr"],
            "Le rapport conjoint de l'EMCDDA et de C-EHRN cite un avis juridique d'expert de 1996"
            " comme base juridique des salles de consommation aux Pays-Bas."),
        de=(OPINION["de"],
            "Der gemeinsame Bericht von EMCDDA und C-EHRN nennt ein juristisches Gutachten von"
            " 1996 als Rechtsgrundlage der Drogenkonsumräume in den Niederlanden."),
        nl=(OPINION["nl"],
            "Het gezamenlijke rapport van het EMCDDA en C-EHRN noemt een juridisch"
            " deskundigenadvies uit 1996 als juridische basis van de gebruiksruimten in"
            " Nederland."),
        es=(OPINION["es"],
            "El informe conjunto del EMCDDA y C-EHRN cita un dictamen jurídico de expertos de"
            " 1996 como base jurídica de las salas de consumo supervisado en los Países Bajos."),
    ),
    seed(
        "NL", "1996", Kind.STATEMENT, "indcr-nl",
        en=("Guidelines for drug consumption rooms",
            "The network's country page names guidelines of 1996 among the bases of the drug"
            " consumption rooms in the Netherlands."),
        fr=("Lignes directrices pour les salles de consommation",
            "La page pays de l'INDCR cite des lignes directrices de 1996 parmi les bases des"
            " salles de consommation aux Pays-Bas."),
        de=("Richtlinien für Drogenkonsumräume",
            "Die INDCR-Länderseite nennt Richtlinien von 1996 als eine Grundlage der"
            " Drogenkonsumräume in den Niederlanden."),
        nl=("Richtlijnen voor gebruiksruimten",
            "De INDCR-landenpagina noemt richtlijnen uit 1996 als een van de grondslagen van de"
            " gebruiksruimten in Nederland."),
        es=("Directrices para las salas de consumo supervisado",
            "La página del INDCR sobre los Países Bajos cita unas directrices de 1996 entre las"
            " bases de las salas de consumo supervisado del país."),
    ),
    seed(
        "NL", "2000", Kind.STATEMENT, "indcr-nl",
        en=("Instruction on drug consumption rooms",
            "The network's country page names an instruction of 2000 among the bases of the drug"
            " consumption rooms in the Netherlands."),
        fr=("Instruction sur les salles de consommation",
            "La page pays de l'INDCR cite une instruction de 2000 parmi les bases des salles de"
            " consommation aux Pays-Bas."),
        de=("Anweisung zu Drogenkonsumräumen",
            "Die INDCR-Länderseite nennt eine Anweisung von 2000 als eine Grundlage der"
            " Drogenkonsumräume in den Niederlanden."),
        nl=("Aanwijzing over gebruiksruimten",
            "De INDCR-landenpagina noemt een aanwijzing uit 2000 als een van de grondslagen van"
            " de gebruiksruimten in Nederland."),
        es=("Instrucción sobre las salas de consumo supervisado",
            "La página del INDCR sobre los Países Bajos cita una instrucción de 2000 entre las"
            " bases de las salas de consumo supervisado del país."),
    ),
    # Spain
    seed(
        "ES", "2000", Kind.OPENED, "indcr-es", "es-madrid-dave",
        en=("First drug consumption room in Spain opens in Madrid",
            "DAVE opened in Madrid in 2000, the first drug consumption room in Spain."),
        fr=("La première salle de consommation d'Espagne ouvre à Madrid",
            "DAVE a ouvert à Madrid en 2000 : c'est la première salle de consommation"
            " d'Espagne."),
        de=("Erster Drogenkonsumraum Spaniens öffnet in Madrid",
            "DAVE eröffnete im Jahr 2000 in Madrid als erster Drogenkonsumraum Spaniens."),
        nl=("Eerste gebruiksruimte van Spanje opent in Madrid",
            "DAVE opende in 2000 in Madrid als eerste gebruiksruimte van Spanje."),
        es=("Abre en Madrid la primera sala de consumo supervisado de España",
            "DAVE abrió en Madrid en 2000; fue la primera sala de consumo supervisado de"
            " España."),
    ),
    seed(
        "ES", "2011", Kind.CLOSED, "indcr-es", "es-madrid-dave",
        en=("DAVE closes in Madrid",
            "DAVE, the first drug consumption room in Spain, closed at the end of 2011."),
        fr=("Fermeture de DAVE à Madrid",
            "DAVE, la première salle de consommation d'Espagne, a fermé fin 2011."),
        de=("DAVE in Madrid schließt",
            "DAVE, der erste Drogenkonsumraum Spaniens, schloss Ende 2011."),
        nl=("DAVE in Madrid sluit",
            "DAVE, de eerste gebruiksruimte van Spanje, sloot eind 2011."),
        es=("Cierra DAVE en Madrid",
            "DAVE, la primera sala de consumo supervisado de España, cerró a finales de 2011."),
    ),
    # Luxembourg
    seed(
        "LU", "2001", Kind.LAW, "indcr-highlight-abrigado",
        en=("Legal framework for drug consumption rooms",
            "Luxembourg adopted the legal framework of its drug consumption rooms in 2001."),
        fr=("Cadre légal des salles de consommation",
            "Le Luxembourg a adopté en 2001 le cadre légal de ses salles de consommation."),
        de=("Rechtlicher Rahmen für Konsumräume",
            "Luxemburg hat 2001 den rechtlichen Rahmen für seine Konsumräume geschaffen."),
        nl=("Wettelijk kader voor gebruiksruimten",
            "Luxemburg stelde in 2001 het wettelijk kader voor zijn gebruiksruimten vast."),
        es=("Marco legal de las salas de consumo supervisado",
            "Luxemburgo adoptó en 2001 el marco legal de sus salas de consumo supervisado."),
    ),
    seed(
        "LU", "2005-07", Kind.OPENED, "indcr-highlight-abrigado", "lu-abrigado",
        en=("Abrigado opens in Luxembourg City",
            "Abrigado, the first drug consumption room in Luxembourg, opened in July 2005."),
        fr=("Abrigado ouvre à Luxembourg-ville",
            "Abrigado, la première salle de consommation du Luxembourg, a ouvert en juillet"
            " 2005."),
        de=("Abrigado öffnet in Luxemburg-Stadt",
            "Abrigado, der erste Konsumraum Luxemburgs, eröffnete im Juli 2005."),
        nl=("Abrigado opent in Luxemburg-Stad",
            "Abrigado, de eerste gebruiksruimte van Luxemburg, opende in juli 2005."),
        es=("Abre Abrigado en la ciudad de Luxemburgo",
            "Abrigado, la primera sala de consumo supervisado de Luxemburgo, abrió en julio de"
            " 2005."),
    ),
    # Norway
    seed(
        "NO", "2004", Kind.LAW, "emcdda-2023",
        en=("Act on drug consumption rooms",
            "The EMCDDA and C-EHRN joint report lists a Norwegian act of 2004 among the specific"
            " provisions in drug law on which drug consumption rooms rest."),
        fr=("Loi sur les salles de consommation",
            "Le rapport conjoint de l'EMCDDA et de C-EHRN cite une loi norvégienne de 2004 parmi"
            " les dispositions spécifiques du droit des drogues sur lesquelles reposent les salles"
            " de consommation."),
        de=("Gesetz über Drogenkonsumräume",
            "Der gemeinsame Bericht von EMCDDA und C-EHRN nennt ein norwegisches Gesetz von 2004"
            " unter den besonderen Bestimmungen im Drogenrecht, auf denen Drogenkonsumräume"
            " beruhen."),
        nl=("Wet over gebruiksruimten",
            "Het gezamenlijke rapport van het EMCDDA en C-EHRN noemt een Noorse wet uit 2004 als"
            " een van de specifieke bepalingen in de drugswetgeving waarop gebruiksruimten"
            " berusten."),
        es=("Ley sobre las salas de consumo supervisado",
            "El informe conjunto del EMCDDA y C-EHRN cita una ley noruega de 2004 entre las"
            " disposiciones específicas de la legislación sobre drogas en las que se basan las"
            " salas de consumo supervisado."),
    ),
    seed(
        "NO", "2005-02-01", Kind.OPENED, "indcr-no", "no-oslo-sproyterommet",
        en=("The Oslo injection room opens",
            "The first drug consumption room in Norway opened in Oslo on 1 February 2005: for"
            " heroin only, for people aged 18 and over, one dose per visit."),
        fr=("Ouverture de la salle d'injection d'Oslo",
            "La première salle de consommation de Norvège a ouvert à Oslo le 1er février 2005 :"
            " héroïne uniquement, à partir de 18 ans, une dose par visite."),
        de=("Der Konsumraum in Oslo öffnet",
            "Der erste Drogenkonsumraum Norwegens eröffnete am 1. Februar 2005 in Oslo: nur für"
            " Heroin, ab 18 Jahren, eine Dosis pro Besuch."),
        nl=("De gebruiksruimte van Oslo opent",
            "De eerste gebruiksruimte van Noorwegen opende op 1 februari 2005 in Oslo: alleen"
            " voor heroïne, vanaf 18 jaar, één dosis per bezoek."),
        es=("Abre la sala de inyección de Oslo",
            "La primera sala de consumo supervisado de Noruega abrió en Oslo el 1 de febrero de"
            " 2005: solo heroína, a partir de 18 años, una dosis por visita."),
    ),
    # Denmark
    seed(
        "DK", "2012-06", Kind.LAW, "indcr-dk",
        en=("Law on drug consumption rooms passed",
            "Denmark passed its law on drug consumption rooms in June 2012."),
        fr=("Adoption d'une loi sur les salles de consommation",
            "Le Danemark a adopté sa loi sur les salles de consommation en juin 2012."),
        de=("Gesetz über Drogenkonsumräume verabschiedet",
            "Dänemark verabschiedete im Juni 2012 sein Gesetz über Drogenkonsumräume."),
        nl=("Wet op gebruiksruimten aangenomen",
            "Denemarken nam in juni 2012 zijn wet op gebruiksruimten aan."),
        es=("Aprobada una ley sobre las salas de consumo supervisado",
            "Dinamarca aprobó su ley sobre las salas de consumo supervisado en junio de 2012."),
    ),
    seed(
        "DK", "2012-10", Kind.OPENED, "indcr-dk",
        en=("First drug consumption room in Denmark opens",
            "The first drug consumption room in Denmark opened in October 2012."),
        fr=("Ouverture de la première salle de consommation du Danemark",
            "La première salle de consommation du Danemark a ouvert en octobre 2012."),
        de=("Erster Drogenkonsumraum Dänemarks öffnet",
            "Der erste Drogenkonsumraum Dänemarks eröffnete im Oktober 2012."),
        nl=("Eerste gebruiksruimte van Denemarken opent",
            "De eerste gebruiksruimte van Denemarken opende in oktober 2012."),
        es=("Abre la primera sala de consumo supervisado de Dinamarca",
            "La primera sala de consumo supervisado de Dinamarca abrió en octubre de 2012."),
    ),
    # France
    seed(
        "FR", "2016", Kind.LAW, "indcr-fr",
        en=("Law allows a six-year trial of drug consumption rooms",
            "Article 43 of a 2016 law allows drug consumption rooms (SCMR) as a six-year trial."),
        fr=("Une loi autorise l'expérimentation des salles de consommation pendant six ans",
            "L'article 43 d'une loi de 2016 autorise les salles de consommation à moindre risque"
            " (SCMR) à titre expérimental pour six ans."),
        de=("Gesetz erlaubt eine sechsjährige Erprobung von Drogenkonsumräumen",
            "Artikel 43 eines Gesetzes von 2016 erlaubt Drogenkonsumräume (SCMR) als"
            " sechsjährigen Versuch."),
        nl=("Wet staat een proef van zes jaar met gebruiksruimten toe",
            "Artikel 43 van een wet uit 2016 staat gebruiksruimten (SCMR) toe als proef van zes"
            " jaar."),
        es=("Una ley permite ensayar las salas de consumo supervisado durante seis años",
            "El artículo 43 de una ley de 2016 permite las salas de consumo supervisado (SCMR)"
            " como ensayo de seis años."),
    ),
    seed(
        "FR", "2016-10-17", Kind.OPENED, "fr-paris-talkingdrugs", "fr-paris-scmr-gaia",
        en=("First drug consumption room in France opens in Paris",
            "The SCMR run by Gaïa opened at Lariboisière hospital in Paris on 17 October 2016."),
        fr=("La première salle de consommation de France ouvre à Paris",
            "La SCMR gérée par Gaïa a ouvert à l'hôpital Lariboisière, à Paris, le 17 octobre"
            " 2016."),
        de=("Erster Drogenkonsumraum Frankreichs öffnet in Paris",
            "Der von Gaïa betriebene Konsumraum (SCMR) eröffnete am 17. Oktober 2016 im"
            " Krankenhaus Lariboisière in Paris."),
        nl=("Eerste gebruiksruimte van Frankrijk opent in Parijs",
            "De door Gaïa beheerde gebruiksruimte (SCMR) opende op 17 oktober 2016 in het"
            " ziekenhuis Lariboisière in Parijs."),
        es=("Abre en París la primera sala de consumo supervisado de Francia",
            "La sala (SCMR) gestionada por Gaïa abrió en el hospital Lariboisière de París el 17"
            " de octubre de 2016."),
    ),
    seed(
        "FR", "2016-11-07", Kind.OPENED, "fr-strasbourg", "fr-strasbourg-argos",
        en=("Second drug consumption room in France opens in Strasbourg",
            "Argos, run by Ithaque, opened in a hospital in Strasbourg on 7 November 2016."),
        fr=("Une deuxième salle de consommation ouvre en France, à Strasbourg",
            "Argos, gérée par Ithaque, a ouvert dans un hôpital de Strasbourg le 7 novembre"
            " 2016."),
        de=("Zweiter Drogenkonsumraum Frankreichs öffnet in Straßburg",
            "Argos, betrieben von Ithaque, eröffnete am 7. November 2016 in einem Straßburger"
            " Krankenhaus."),
        nl=("Tweede gebruiksruimte van Frankrijk opent in Straatsburg",
            "Argos, beheerd door Ithaque, opende op 7 november 2016 in een ziekenhuis in"
            " Straatsburg."),
        es=("Abre en Estrasburgo la segunda sala de consumo supervisado de Francia",
            "Argos, gestionada por Ithaque, abrió en un hospital de Estrasburgo el 7 de noviembre"
            " de 2016."),
    ),
    # Belgium
    seed(
        "BE", "2018-09", Kind.OPENED, "be-vrt", "be-liege-saf-ti",
        en=("Saf ti opens in Liège",
            "Saf ti, an injecting room, opened in Liège in September 2018; the city invested"
            " €1 million, and the room is tolerated without a national law."),
        fr=("Saf ti ouvre à Liège",
            "Saf ti, une salle d'injection, a ouvert à Liège en septembre 2018 ; la ville a"
            " investi un million d'euros et la salle est tolérée sans loi nationale."),
        de=("Saf ti öffnet in Lüttich",
            "Saf ti, ein Konsumraum mit Injektionsplätzen, eröffnete im September 2018 in Lüttich;"
            " die Stadt investierte 1 Million Euro, der Raum wird ohne nationales Gesetz"
            " geduldet."),
        nl=("Saf ti opent in Luik",
            "Saf ti, een gebruiksruimte voor injecteren, opende in september 2018 in Luik; de"
            " stad investeerde 1 miljoen euro en de ruimte wordt gedoogd zonder nationale wet."),
        es=("Abre Saf ti en Lieja",
            "Saf ti, una sala de inyección supervisada, abrió en Lieja en septiembre de 2018; la"
            " ciudad invirtió 1 millón de euros y la sala se tolera sin una ley nacional."),
    ),
    seed(
        "BE", "2022-05-05", Kind.OPENED, "be-efus", "be-brussels-gate",
        en=("GATE opens in Brussels",
            "GATE, run by Transit, opened in Brussels on 5 May 2022."),
        fr=("GATE ouvre à Bruxelles",
            "GATE, gérée par Transit, a ouvert à Bruxelles le 5 mai 2022."),
        de=("GATE öffnet in Brüssel",
            "GATE, betrieben von Transit, eröffnete am 5. Mai 2022 in Brüssel."),
        nl=("GATE opent in Brussel",
            "GATE, beheerd door Transit, opende op 5 mei 2022 in Brussel."),
        es=("Abre GATE en Bruselas",
            "GATE, gestionada por Transit, abrió en Bruselas el 5 de mayo de 2022."),
    ),
    # Greece
    seed(
        "GR", "2013", Kind.PILOT, "gr-idpc-2015", "gr-athens-odysseas",
        en=("Pilot drug consumption room in Athens",
            "OKANA opened Odysseas in Athens as a pilot in 2013; it closed within a year."),
        fr=("Salle de consommation pilote à Athènes",
            "L'OKANA a ouvert Odysseas à Athènes à titre pilote en 2013 ; la salle a fermé moins"
            " d'un an plus tard."),
        de=("Modellprojekt Drogenkonsumraum in Athen",
            "OKANA eröffnete 2013 in Athen Odysseas als Modellprojekt; der Raum schloss innerhalb"
            " eines Jahres."),
        nl=("Proef met een gebruiksruimte in Athene",
            "OKANA opende in 2013 Odysseas in Athene als proef; de ruimte sloot binnen een jaar."),
        es=("Sala de consumo supervisado piloto en Atenas",
            "OKANA abrió Odysseas en Atenas como proyecto piloto en 2013; la sala cerró antes de"
            " un año."),
    ),
    # Portugal
    seed(
        "PT", "2000", Kind.LAW, "emcdda-2023",
        en=("Law 30/2000",
            "The EMCDDA and C-EHRN joint report lists Law 30/2000 among the specific provisions"
            " in drug law on which drug consumption rooms rest."),
        fr=("Loi 30/2000",
            "Le rapport conjoint de l'EMCDDA et de C-EHRN cite la loi 30/2000 parmi les"
            " dispositions spécifiques du droit des drogues sur lesquelles reposent les salles de"
            " consommation."),
        de=("Gesetz 30/2000",
            "Der gemeinsame Bericht von EMCDDA und C-EHRN nennt das Gesetz 30/2000 unter den"
            " besonderen Bestimmungen im Drogenrecht, auf denen Drogenkonsumräume beruhen."),
        nl=("Wet 30/2000",
            "Het gezamenlijke rapport van het EMCDDA en C-EHRN noemt wet 30/2000 als een van de"
            " specifieke bepalingen in de drugswetgeving waarop gebruiksruimten berusten."),
        es=("Ley 30/2000",
            "El informe conjunto del EMCDDA y C-EHRN cita la Ley 30/2000 entre las disposiciones"
            " específicas de la legislación sobre drogas en las que se basan las salas de consumo"
            " supervisado."),
    ),
    seed(
        "PT", "2019-04", Kind.OPENED, "pt-idpc-2019", "pt-lisbon-mobile",
        en=("First mobile drug consumption room in Portugal starts in Lisbon",
            "Médicos do Mundo and GAT started a mobile drug consumption room (a van with two"
            " places, injecting only) in Lisbon in April 2019."),
        fr=("La première salle de consommation mobile du Portugal démarre à Lisbonne",
            "Médicos do Mundo et GAT ont lancé à Lisbonne, en avril 2019, une salle de"
            " consommation mobile (un véhicule de deux places, injection uniquement)."),
        de=("Erster mobiler Drogenkonsumraum Portugals startet in Lissabon",
            "Médicos do Mundo und GAT starteten im April 2019 in Lissabon einen mobilen"
            " Drogenkonsumraum (ein Fahrzeug mit zwei Plätzen, nur für intravenösen Konsum)."),
        nl=("Eerste mobiele gebruiksruimte van Portugal start in Lissabon",
            "Médicos do Mundo en GAT startten in april 2019 in Lissabon een mobiele"
            " gebruiksruimte (een bus met twee plekken, alleen voor injecteren)."),
        es=("Empieza en Lisboa la primera sala de consumo supervisado móvil de Portugal",
            "Médicos do Mundo y GAT pusieron en marcha en Lisboa, en abril de 2019, una sala de"
            " consumo supervisado móvil (una furgoneta con dos plazas, solo para consumo"
            " inyectado)."),
    ),
    # Ukraine
    seed(
        "UA", "2018", Kind.OPENED, "hri-2019", "ua-sumy",
        en=("Fixed drug consumption room in Sumy",
            "The 2019 update of Harm Reduction International added Ukraine for a fixed site"
            " opened in Sumy in late 2018."),
        fr=("Salle de consommation fixe à Soumy",
            "La mise à jour 2019 de Harm Reduction International a ajouté l'Ukraine pour une salle"
            " fixe ouverte à Soumy fin 2018."),
        de=("Stationärer Drogenkonsumraum in Sumy",
            "Die Ausgabe 2019 von Harm Reduction International nahm die Ukraine auf, wegen eines"
            " Ende 2018 in Sumy eröffneten stationären Konsumraums."),
        nl=("Vaste gebruiksruimte in Soemy",
            "De update van 2019 van Harm Reduction International voegde Oekraïne toe vanwege een"
            " vaste gebruiksruimte die eind 2018 in Soemy opende."),
        es=("Sala de consumo supervisado fija en Sumy",
            "La actualización de 2019 de Harm Reduction International añadió Ucrania por una sala"
            " fija abierta en Sumy a finales de 2018."),
    ),
    # United Kingdom
    seed(
        "GB", "2025-01-13", Kind.OPENED, "gb-tribyoon", "gb-glasgow-thistle",
        en=("The Thistle opens in Glasgow",
            "The Thistle, the first safer drug consumption facility in the United Kingdom, opened"
            " in Glasgow on 13 January 2025."),
        fr=("The Thistle ouvre à Glasgow",
            "The Thistle, la première salle de consommation du Royaume-Uni, a ouvert à Glasgow le"
            " 13 janvier 2025."),
        de=("The Thistle öffnet in Glasgow",
            "The Thistle, der erste Drogenkonsumraum im Vereinigten Königreich, eröffnete am"
            " 13. Januar 2025 in Glasgow."),
        nl=("The Thistle opent in Glasgow",
            "The Thistle, de eerste gebruiksruimte van het Verenigd Koninkrijk, opende op"
            " 13 januari 2025 in Glasgow."),
        es=("Abre The Thistle en Glasgow",
            "The Thistle, la primera sala de consumo supervisado del Reino Unido, abrió en Glasgow"
            " el 13 de enero de 2025."),
    ),
    # Canada
    seed(
        "CA", "2003-09", Kind.OPENED, "indcr-ca", "ca-vancouver-insite",
        en=("Insite opens in Vancouver under a section 56 exemption",
            "Insite, a supervised injection site, opened in Vancouver in September 2003 under an"
            " exemption from section 56 of the Controlled Drugs and Substances Act (CDSA)."),
        fr=("Insite ouvre à Vancouver grâce à une exemption au titre de l'article 56",
            "Insite, une salle d'injection supervisée, a ouvert à Vancouver en septembre 2003"
            " grâce à une exemption au titre de l'article 56 de la Loi réglementant certaines"
            " drogues et autres substances (LRCDAS)."),
        de=("Insite öffnet in Vancouver mit einer Ausnahmegenehmigung nach Section 56",
            "Insite, ein Konsumraum mit Injektionsplätzen, eröffnete im September 2003 in"
            " Vancouver mit einer Ausnahmegenehmigung nach Section 56 des kanadischen"
            " Betäubungsmittelgesetzes (CDSA)."),
        nl=("Insite opent in Vancouver met een vrijstelling op grond van artikel 56",
            "Insite, een gebruiksruimte voor injecteren, opende in september 2003 in Vancouver"
            " met een vrijstelling op grond van artikel 56 van de Canadese drugswet (CDSA)."),
        es=("Abre Insite en Vancouver con una exención del artículo 56",
            "Insite, una sala de inyección supervisada, abrió en Vancouver en septiembre de 2003"
            " con una exención del artículo 56 de la ley canadiense de drogas y sustancias"
            " controladas (CDSA)."),
    ),
    seed(
        "CA", "2017-06-27", Kind.OTHER, "ca-darpan-2017", "ca-surrey-safepoint",
        en=("Health Canada allows oral and nasal use at SafePoint",
            "From 27 June 2017, SafePoint in Surrey may supervise oral and nasal use as well as"
            " injecting: the first such exemption in Canada."),
        fr=("Santé Canada autorise la consommation orale et nasale à SafePoint",
            "Depuis le 27 juin 2017, SafePoint, à Surrey, peut superviser la consommation orale et"
            " nasale en plus de l'injection : c'est la première exemption de ce type au Canada."),
        de=("Health Canada erlaubt oralen und nasalen Konsum bei SafePoint",
            "Seit dem 27. Juni 2017 darf SafePoint in Surrey neben dem intravenösen auch oralen"
            " und nasalen Konsum beaufsichtigen – die erste solche Ausnahmegenehmigung in"
            " Kanada."),
        nl=("Health Canada staat oraal en nasaal gebruik toe bij SafePoint",
            "Sinds 27 juni 2017 mag SafePoint in Surrey naast injecteren ook oraal en nasaal"
            " gebruik begeleiden: de eerste vrijstelling van die soort in Canada."),
        es=("Health Canada permite el consumo oral y nasal en SafePoint",
            "Desde el 27 de junio de 2017, SafePoint, en Surrey, puede supervisar el consumo oral"
            " y nasal además del inyectado: la primera exención de este tipo en Canadá."),
    ),
    # Australia
    seed(
        "AU", "2001-05-06", Kind.OPENED, "au-msic-wikipedia", "au-sydney-uniting-msic",
        en=("Sydney's Medically Supervised Injecting Centre opens as a trial",
            "The Medically Supervised Injecting Centre opened in Kings Cross, Sydney, on 6 May"
            " 2001 as a trial."),
        fr=("Le centre d'injection supervisée de Sydney ouvre à titre expérimental",
            "Le Medically Supervised Injecting Centre a ouvert à Kings Cross, à Sydney, le 6 mai"
            " 2001, à titre expérimental."),
        de=("Sydneys Medically Supervised Injecting Centre öffnet als Versuch",
            "Das Medically Supervised Injecting Centre eröffnete am 6. Mai 2001 in Kings Cross,"
            " Sydney, als Versuch."),
        nl=("Het Medically Supervised Injecting Centre in Sydney opent als proef",
            "Het Medically Supervised Injecting Centre opende op 6 mei 2001 in Kings Cross,"
            " Sydney, als proef."),
        es=("Abre en Sídney, como ensayo, el Medically Supervised Injecting Centre",
            "El Medically Supervised Injecting Centre abrió en Kings Cross, Sídney, el 6 de mayo"
            " de 2001 como ensayo."),
    ),
    seed(
        "AU", "2010", Kind.OTHER, "au-msic-wikipedia", "au-sydney-uniting-msic",
        en=("Sydney's injecting centre made permanent",
            "The trial of the Medically Supervised Injecting Centre in Sydney was made permanent"
            " in 2010."),
        fr=("Le centre d'injection supervisée de Sydney devient permanent",
            "L'expérimentation du Medically Supervised Injecting Centre de Sydney est devenue"
            " permanente en 2010."),
        de=("Sydneys Injektionszentrum wird dauerhaft",
            "Der Versuch mit dem Medically Supervised Injecting Centre in Sydney wurde 2010 in"
            " einen Dauerbetrieb überführt."),
        nl=("Het injectiecentrum in Sydney wordt permanent",
            "De proef met het Medically Supervised Injecting Centre in Sydney werd in 2010"
            " permanent."),
        es=("El centro de inyección de Sídney pasa a ser permanente",
            "El ensayo del Medically Supervised Injecting Centre de Sídney pasó a ser permanente"
            " en 2010."),
    ),
    seed(
        "AU", "2018-06-30", Kind.OPENED, "au-vic-health", "au-melbourne-north-richmond",
        en=("Medically supervised injecting room opens in North Richmond, Melbourne",
            "The medically supervised injecting room in North Richmond, Melbourne, opened on"
            " 30 June 2018, for people aged 18 and over."),
        fr=("Ouverture d'une salle d'injection supervisée à North Richmond, Melbourne",
            "La salle d'injection supervisée de North Richmond, à Melbourne, a ouvert le 30 juin"
            " 2018, pour les personnes de 18 ans et plus."),
        de=("Beaufsichtigter Injektionsraum in North Richmond, Melbourne, öffnet",
            "Der medizinisch beaufsichtigte Injektionsraum in North Richmond, Melbourne,"
            " eröffnete am 30. Juni 2018 für Menschen ab 18 Jahren."),
        nl=("Gesuperviseerde injectieruimte opent in North Richmond, Melbourne",
            "De medisch gesuperviseerde injectieruimte in North Richmond, Melbourne, opende op"
            " 30 juni 2018 voor mensen van 18 jaar en ouder."),
        es=("Abre una sala de inyección supervisada en North Richmond, Melbourne",
            "La sala de inyección supervisada médicamente de North Richmond, en Melbourne, abrió"
            " el 30 de junio de 2018 para personas de 18 años o más."),
    ),
    # United States
    seed(
        "US", "2021-11-30", Kind.OPENED, "us-nyc-2021", "us-new-york-onpoint",
        en=("OnPoint NYC opens overdose prevention centres in New York",
            "OnPoint NYC opened two overdose prevention centres, in East Harlem and Washington"
            " Heights, on 30 November 2021."),
        fr=("OnPoint NYC ouvre des centres de prévention des surdoses à New York",
            "OnPoint NYC a ouvert deux centres de prévention des surdoses, à East Harlem et à"
            " Washington Heights, le 30 novembre 2021."),
        de=("OnPoint NYC eröffnet Überdosis-Präventionszentren in New York",
            "OnPoint NYC eröffnete am 30. November 2021 zwei Überdosis-Präventionszentren in East"
            " Harlem und Washington Heights."),
        nl=("OnPoint NYC opent centra voor overdosispreventie in New York",
            "OnPoint NYC opende op 30 november 2021 twee centra voor overdosispreventie, in East"
            " Harlem en Washington Heights."),
        es=("OnPoint NYC abre centros de prevención de sobredosis en Nueva York",
            "OnPoint NYC abrió dos centros de prevención de sobredosis, en East Harlem y"
            " Washington Heights, el 30 de noviembre de 2021."),
    ),
    # Mexico
    seed(
        "MX", "2018", Kind.OPENED, "mx-descriminalizacion", "mx-mexicali-la-sala",
        en=("La Sala opens in Mexicali, the first in Latin America",
            "Verter opened La Sala in Mexicali in 2018; for its first three months the room was"
            " for women only."),
        fr=("La Sala ouvre à Mexicali, première salle de consommation d'Amérique latine",
            "Verter a ouvert La Sala à Mexicali en 2018 ; pendant ses trois premiers mois, la"
            " salle était réservée aux femmes."),
        de=("La Sala öffnet in Mexicali, der erste Drogenkonsumraum Lateinamerikas",
            "Verter eröffnete 2018 La Sala in Mexicali; in den ersten drei Monaten war der Raum"
            " nur für Frauen geöffnet."),
        nl=("La Sala opent in Mexicali, de eerste gebruiksruimte van Latijns-Amerika",
            "Verter opende in 2018 La Sala in Mexicali; de eerste drie maanden was de ruimte"
            " alleen voor vrouwen."),
        es=("Abre La Sala en Mexicali, la primera sala de consumo supervisado de América Latina",
            "Verter abrió La Sala en Mexicali en 2018; durante sus tres primeros meses, la sala"
            " atendió solo a mujeres."),
    ),
]  # fmt: skip


def _values(row: Seed) -> dict:
    title, url = SOURCES[row.source]
    values = {"precision": row.precision, "source_title": title}
    for language, (event_title, summary) in row.texts.items():
        values[f"title_{language}"] = event_title
        values[f"summary_{language}"] = summary
    return values


def seed_events() -> Counter[str]:
    """Create or update the seeded events; returns counts of "created", "updated", "unchanged"."""
    counts: Counter[str] = Counter()
    facilities = {
        f.public_id: f
        for f in Facility.objects.filter(public_id__in={row.facility for row in EVENTS})
    }
    # In English: the base columns (and so the history's copy) hold the English texts.
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        for row in EVENTS:
            country, _created = Country.objects.get_or_create(code=row.country)
            lookup = {
                "country": country,
                "date": row.date,
                "kind": row.kind,
                "source_url": SOURCES[row.source][1],
            }
            values = _values(row)
            if row.facility in facilities:  # else left as it is (none, or an editor's choice)
                values["facility"] = facilities[row.facility]
            event = Event.objects.filter(**lookup).first()
            if event is None:
                event = Event(**lookup, **values, published=True)
                event.full_clean()
                event.save()
                counts["created"] += 1
                continue
            changed = {k: v for k, v in values.items() if getattr(event, k) != v}
            if not changed:
                counts["unchanged"] += 1
                continue
            for field, value in changed.items():
                setattr(event, field, value)
            event.full_clean()
            event.save()
            counts["updated"] += 1
    return counts
