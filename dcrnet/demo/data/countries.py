"""Demo country profiles: legal basis and political situation (facts file A9, B2, B4, D, E9).

The English texts are the profiles. As a network's editors would, the demo also has them in the
languages spoken in the country (Belgium in French and Dutch, Switzerland and Luxembourg in French
and German, ...): they say what the English says, cite the same sources at the same addresses (a
link's text names the source in the text's language) and use the country's own terms
(docs/glossary.md). Other languages show the English text with the "not yet translated" note.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .sources import SOURCES, link

NOT_DESCRIBED = "Not described yet: the sources used for this profile do not cover the legal basis."


def country(code: str, source: str, as_of: dt.date, legal_basis: str, political: str) -> dict:
    """A row for the loader: the English texts, and the translations TRANSLATED has."""
    title, url = SOURCES[source]
    row = {
        "code": code,
        "legal_basis_en": legal_basis.strip(),
        "political_situation_en": political.strip(),
        "source_title": title,
        "source_url": url,
        "as_of": as_of,
    }
    for language, (legal, political_text) in TRANSLATED.get(code, {}).items():
        row[f"legal_basis_{language}"] = legal.strip()
        row[f"political_situation_{language}"] = political_text.strip()
    return row


# The cited sources' titles in each language, for the links of the translated texts.
SOURCE_NAMES: dict[str, dict[str, str]] = {
    "fr": {
        "indcr-ch": "page pays de l'INDCR : Suisse",
        "indcr-lu": "page pays de l'INDCR : Luxembourg",
        "indcr-fr": "page pays de l'INDCR : France",
        "legal-routes": "SOLID-EXCEED : cadres juridiques et politiques (d'après l'EMCDDA)",
        "emcdda-2017": "décomptes de l'EMCDDA, Perspectives on Drugs, février 2017",
        "indcr-highlight-abrigado": "INDCR, structure du mois : Abrigado",
        "lu-journal": "Journal.lu : de vraies alternatives pour les usagers de drogues",
        "fr-paris-talkingdrugs": "TalkingDrugs : la première salle de France inaugurée à Paris",
        "be-vrt": "VRT NWS : une salle d'injection ouvre à Liège (5 septembre 2018)",
        "be-efus": "Efus : ouverture historique d'une salle de consommation à Bruxelles (2022)",
        "emcdda-2023-countries": "résumé du rapport conjoint de l'EMCDDA et de C-EHRN",
    },
    "de": {
        "indcr-ch": "INDCR-Länderseite: Schweiz",
        "indcr-de": "INDCR-Länderseite: Deutschland (Juni 2015)",
        "indcr-lu": "INDCR-Länderseite: Luxemburg",
        "legal-routes": "SOLID-EXCEED: Rechts- und Politikrahmen (nach der EMCDDA)",
        "emcdda-2017": "Zählung der EMCDDA, Perspectives on Drugs, Februar 2017",
        "de-augsburger": "Augsburger Allgemeine: Konsumräume – Überlebenshilfe oder Totgeburt?",
        "indcr-highlight-abrigado": "INDCR, Einrichtung des Monats: Abrigado",
        "lu-journal": "Journal.lu: echte Alternativen für Menschen, die Drogen konsumieren",
    },
    "nl": {
        "indcr-nl": "INDCR-landenpagina: Nederland",
        "legal-routes": "SOLID-EXCEED: juridische en beleidskaders (naar het EMCDDA)",
        "emcdda-2015": "tellingen van het EMCDDA, Perspectives on Drugs, juni 2015",
        "nl-idpc-2019": "IDPC: gebruiksruimten in Nederland (2019)",
        "ddn-room": "Drink and Drugs News: ruimte om te manoeuvreren",
        "be-vrt": "VRT NWS: spuitruimte opent in Luik (5 september 2018)",
        "be-efus": "Efus: historische opening van een gebruiksruimte in Brussel (2022)",
        "emcdda-2023-countries": "samenvatting van het gezamenlijke rapport van EMCDDA en C-EHRN",
    },
    "es": {
        "indcr-es": "página del INDCR sobre España",
        "legal-routes": "SOLID-EXCEED: marcos jurídicos y políticos (según el EMCDDA)",
        "emcdda-2017": "recuentos del EMCDDA, Perspectives on Drugs, febrero de 2017",
        "mx-ladosis": "La Dosis: cierran la primera sala de consumo; ONG piden priorizar la salud",
        "hri-2022": "Global State of Harm Reduction 2022",
    },
}


def cited_in(language: str) -> Callable[[str], str]:
    """A Markdown link to a source named in `language`."""
    return lambda key: link(key, SOURCE_NAMES[language][key])


fr, de, nl, es = (cited_in(language) for language in ("fr", "de", "nl", "es"))

TRANSLATED: dict[str, dict[str, tuple[str, str]]] = {
    "CH": {
        "fr": (
            f"""
La Suisse a ouvert ses espaces d'accueil et d'injection sur la base d'un avis juridique d'expert
(1989) plutôt que d'une disposition spécifique de sa loi sur les stupéfiants. Des normes
nationales pour ces structures ont suivi en 2011. Sources : {fr("indcr-ch")} ;
{fr("legal-routes")}.
""",
            f"""
La première salle de consommation au monde a ouvert à Berne en 1986, suivie de Zurich en 1987.
La page de l'INDCR recense 13 structures dans 8 villes ; l'EMCDDA en comptait 12 dans 8 villes
en juin 2015, puis de nouveau en février 2017 : l'écart tient donc à la date ou à la définition.
Sources : {fr("indcr-ch")} ; {fr("emcdda-2017")}.
""",
        ),
        "de": (
            f"""
Die Schweiz eröffnete ihre Kontakt- und Anlaufstellen auf Grundlage eines juristischen
Gutachtens (1989), nicht einer besonderen Bestimmung ihres Betäubungsmittelgesetzes. Nationale
Standards für diese Einrichtungen folgten 2011. Quellen: {de("indcr-ch")};
{de("legal-routes")}.
""",
            f"""
Der weltweit erste Drogenkonsumraum wurde 1986 in Bern eröffnet, Zürich folgte 1987. Die
INDCR-Seite zählt 13 Einrichtungen in 8 Städten; die EMCDDA zählte im Juni 2015 und erneut im
Februar 2017 12 in 8 Städten – der Unterschied liegt also am Datum oder an der Definition.
Quellen: {de("indcr-ch")}; {de("emcdda-2017")}.
""",
        ),
    },
    "DE": {
        "de": (
            f"""
Die Drogenkonsumräume in Deutschland stützten sich zunächst auf ein juristisches Gutachten
(1993). Eine Änderung des Betäubungsmittelgesetzes im Jahr 2000 (§ 10a BtMG) gab ihnen dann
eine ausdrückliche Rechtsgrundlage. Quellen: {de("indcr-de")}; {de("legal-routes")}.
""",
            f"""
Im Juni 2015 gab es in Deutschland 24 Drogenkonsumräume in 15 Städten in 6 Bundesländern,
darunter 5 in Hamburg, 4 in Frankfurt und 2 in Berlin sowie ein mobiles Angebot; die EMCDDA
zählte im Februar 2017 weiterhin 24. In Frankfurt, wo 1994 der erste offizielle
Drogenkonsumraum eröffnete, sank die Zahl der Drogentoten von 147 im Jahr 1991 auf 20 im Jahr
2022. Quellen: {de("indcr-de")}; {de("emcdda-2017")}; {de("de-augsburger")}.
""",
        ),
    },
    "NL": {
        "nl": (
            f"""
De Nederlandse gebruiksruimten berusten op een juridisch deskundigenadvies (1996), landelijke
richtlijnen uit 1996 en een aanwijzing uit 2000. Bronnen: {nl("indcr-nl")};
{nl("legal-routes")}.
""",
            f"""
De eerste officiële gebruiksruimte opende in 1994 in Maastricht. De INDCR-pagina telt 30
gebruiksruimten in 26 gemeenten (2014); het EMCDDA telde er in juni 2015 31 in 25 steden en in
februari 2017 opnieuw 31. Nederlandse gebruiksruimten zijn vooral op roken gericht: in 2010
gemiddeld 14 rookplekken en 5 injectieplekken. Eén gebruiksruimte in Den Haag (Woodstock)
bevindt zich nu in een zorginstelling. Bronnen: {nl("indcr-nl")}; {nl("emcdda-2015")};
{nl("nl-idpc-2019")}; {nl("ddn-room")}.
""",
        ),
    },
    "LU": {
        "fr": (
            f"""
Le Luxembourg a adopté en 2001 le cadre légal des salles de consommation. Source :
{fr("indcr-highlight-abrigado")}.
""",
            f"""
Abrigado a ouvert à Luxembourg-ville en juillet 2005, et une deuxième salle, prévue dans le sud
du pays, a ouvert à Esch-sur-Alzette en 2019. Abrigado estime qu'un pays d'environ
550 000 habitants, qui compte plus de 2 200 personnes ayant un usage problématique de
drogues, a besoin de davantage de petites salles. Le profil de l'INDCR mentionne aussi des
projets de traitement assisté par l'héroïne et le plan d'action VIH/sida 2011–2015. Sources :
{fr("indcr-highlight-abrigado")} ; {fr("indcr-lu")} ; {fr("lu-journal")}.
""",
        ),
        "de": (
            f"""
Luxemburg hat 2001 den rechtlichen Rahmen für Konsumräume geschaffen. Quelle:
{de("indcr-highlight-abrigado")}.
""",
            f"""
Abrigado eröffnete im Juli 2005 in Luxemburg-Stadt; ein zweiter Konsumraum, für den Süden des
Landes geplant, eröffnete 2019 in Esch-sur-Alzette. Abrigado argumentiert, dass ein Land mit
rund 550.000 Einwohner:innen und mehr als 2.200 Menschen mit problematischem Drogenkonsum mehr
kleine Konsumräume braucht. Das INDCR-Profil erwähnt außerdem Pläne für eine heroingestützte
Behandlung und den HIV/Aids-Aktionsplan 2011–2015. Quellen: {de("indcr-highlight-abrigado")};
{de("indcr-lu")}; {de("lu-journal")}.
""",
        ),
    },
    "FR": {
        "fr": (
            f"""
L'article 43 d'une loi de 2016 autorise les salles de consommation à moindre risque (SCMR) à
titre expérimental pour six ans. Source : {fr("indcr-fr")}.
""",
            f"""
Les deux premières salles ont ouvert dans des hôpitaux : à Paris le 17 octobre 2016 et à
Strasbourg le 7 novembre 2016. À Paris, des opposants tiennent un site web où les riverains
signalent des incidents. Sources : {fr("indcr-fr")} ; {fr("fr-paris-talkingdrugs")}.
""",
        ),
    },
    "ES": {
        "es": (
            f"""
En España, las salas de consumo supervisado se basan en normas locales de salud pública y no en
una disposición de la legislación nacional sobre drogas, según la síntesis del EMCDDA sobre las
vías legales. Fuente: {es("legal-routes")}.
""",
            f"""
Madrid abrió la primera sala de España, DAVE, en 2000; cerró a finales de 2011 por motivos
políticos y económicos. Las cifras varían según la fecha y la definición: la página del INDCR
recoge 7 centros (el de Reus abría una hora al día en 2015), mientras que el EMCDDA contaba 12
salas en junio de 2015 y 13 en 7 ciudades en febrero de 2017. Fuentes: {es("indcr-es")};
{es("emcdda-2017")}.
""",
        ),
    },
    "BE": {
        "fr": (
            f"""
Pas encore décrite : les sources utilisées pour ce profil ne traitent pas de la base légale. La
salle de Liège, ouverte en septembre 2018, a été tolérée en l'absence de loi nationale.
Source : {fr("be-vrt")}.
""",
            f"""
Liège a ouvert la première salle de consommation en 2018, avec environ 1 million d'euros de la
ville, et Bruxelles a suivi avec GATE en mai 2022. La Belgique figure parmi les pays dotés de
salles de consommation dans le rapport 2023 de l'EMCDDA. Sources : {fr("be-vrt")} ;
{fr("be-efus")} ; {fr("emcdda-2023-countries")}.
""",
        ),
        "nl": (
            f"""
Nog niet beschreven: de bronnen van dit profiel behandelen de wettelijke basis niet. De
gebruiksruimte in Luik, geopend in september 2018, werd gedoogd zonder nationale wet. Bron:
{nl("be-vrt")}.
""",
            f"""
Luik opende in 2018 de eerste gebruiksruimte, met ongeveer 1 miljoen euro van de stad, en
Brussel volgde in mei 2022 met GATE. België staat in het EMCDDA-rapport van 2023 bij de landen
met gebruiksruimten. Bronnen: {nl("be-vrt")}; {nl("be-efus")}; {nl("emcdda-2023-countries")}.
""",
        ),
    },
    "MX": {
        "es": (
            "Aún no descrita: las fuentes utilizadas para este perfil no tratan la base jurídica.",
            f"""
La organización Verter abrió la primera sala en Mexicali en 2018; el ayuntamiento la cerró en
una ocasión por cuestiones de permisos. La edición de 2022 de Harm Reduction International
contó a México entre los cuatro nuevos países con salas de consumo supervisado. Fuentes:
{es("mx-ladosis")}; {es("hri-2022")}.
""",
        ),
    },
}


D = dt.date

COUNTRIES: list[dict] = [
    country(
        "CH",
        "emcdda-2017",
        D(2017, 2, 1),
        f"""
Switzerland opened its rooms on the strength of an expert legal opinion (1989) rather than a
specific provision in its drug law. National standards for drug consumption rooms followed in
2011. Sources: {link("indcr-ch")}; {link("legal-routes")}.
""",
        f"""
The first drug consumption room in the world opened in Bern in 1986, and Zürich followed in
1987. The INDCR page counts 13 rooms in 8 cities; the EMCDDA counted 12 in 8 cities in June 2015
and again in February 2017, so the difference is one of date or definition. Sources:
{link("indcr-ch")}; {link("emcdda-2017")}.
""",
    ),
    country(
        "DE",
        "emcdda-2017",
        D(2017, 2, 1),
        f"""
Germany's rooms first rested on an expert legal opinion (1993). An amendment to the Narcotics
Act in 2000 (§10a BtMG) then gave them an explicit basis in drug law. Sources:
{link("indcr-de")}; {link("legal-routes")}.
""",
        f"""
In June 2015 Germany had 24 rooms in 15 cities in 6 of its states, among them 5 in Hamburg, 4 in
Frankfurt and 2 in Berlin plus a mobile unit; the EMCDDA still counted 24 in February 2017.
Frankfurt, where the first official room opened in 1994, saw drug deaths fall from 147 in 1991
to 20 in 2022. Sources: {link("indcr-de")}; {link("emcdda-2017")}; {link("de-augsburger")}.
""",
    ),
    country(
        "NL",
        "nl-idpc-2019",
        D(2019, 7, 1),
        f"""
The Dutch rooms rest on an expert legal opinion (1996), national guidelines of 1996 and an
instruction of 2000. Sources: {link("indcr-nl")}; {link("legal-routes")}.
""",
        f"""
The first formal room opened in Maastricht in 1994. The INDCR page counts 30 rooms in 26
municipalities (2014); the EMCDDA counted 31 in 25 cities in June 2015 and 31 in February 2017.
Dutch rooms lean towards smoking: 14 smoking and 5 injecting places on average in 2010. One
room in The Hague (Woodstock) now sits inside a care home. Sources: {link("indcr-nl")};
{link("emcdda-2015")}; {link("nl-idpc-2019")}; {link("ddn-room")}.
""",
    ),
    country(
        "DK",
        "emcdda-2017",
        D(2017, 2, 1),
        f"""
Denmark passed a law allowing drug consumption rooms in June 2012. Source: {link("indcr-dk")}.
""",
        f"""
The first rooms opened in Copenhagen in October 2012; the two Copenhagen rooms served 1,800
users and up to 800 injections a day. The EMCDDA counted 5 rooms in 3 cities in June 2015 and 5
in 4 cities in February 2017. Sources: {link("indcr-dk")}; {link("emcdda-2017")}.
""",
    ),
    country(
        "NO",
        "no-regjeringen",
        D(2018, 1, 1),
        f"""
A specific act of 2004 allows drug consumption rooms in Norway. The law limits them to injecting
heroin, by people aged 18 or over, one dose per visit. Sources: {link("indcr-no")};
{link("legal-routes")}.
""",
        f"""
Oslo opened the first room on 1 February 2005, evaluated by SIRUS in 2007 and 2009, and Bergen
the second in December 2016. The heroin-only rule is contested: Bergen's director has criticised
it. Sources: {link("indcr-no")}; {link("no-regjeringen")};
{link("emcdda-2017")}.
""",
    ),
    country(
        "LU",
        "lu-journal",
        D(2019, 7, 1),
        f"""
Luxembourg adopted the legal framework for drug consumption rooms in 2001. Source:
{link("indcr-highlight-abrigado")}.
""",
        f"""
Abrigado opened in Luxembourg City in July 2005, and a second room, planned for the south of the
country, opened in Esch-sur-Alzette in 2019. Abrigado argues that a country of about 550,000
people with more than 2,200 problem drug users needs more small rooms. The INDCR profile also
mentions plans for heroin-assisted treatment and the HIV/AIDS action plan 2011–15. Sources:
{link("indcr-highlight-abrigado")}; {link("indcr-lu")}; {link("lu-journal")}.
""",
    ),
    country(
        "FR",
        "indcr-fr",
        D(2016, 11, 7),
        f"""
Article 43 of a 2016 law allows drug consumption rooms as a six-year trial. Source:
{link("indcr-fr")}.
""",
        f"""
The first two rooms opened in hospitals: Paris on 17 October 2016 and Strasbourg on 7 November
2016. Opponents in Paris run a website for residents to report incidents.
Sources: {link("indcr-fr")}; {link("fr-paris-talkingdrugs")}.
""",
    ),
    country(
        "ES",
        "indcr-es",
        D(2017, 2, 1),
        f"""
In Spain, rooms rest on local public-health rules rather than on a provision of national drug
law, according to the EMCDDA's overview of legal routes. Source: {link("legal-routes")}.
""",
        f"""
Madrid opened Spain's first room, DAVE, in 2000; it closed at the end of 2011 for political and
financial reasons. Counts differ with date and definition: the INDCR page lists 7 facilities
(with Reus open one hour a day in 2015), while the EMCDDA counted 12 rooms in June 2015 and 13 in
7 cities in February 2017. Sources: {link("indcr-es")}; {link("emcdda-2017")}.
""",
    ),
    country(
        "BE",
        "be-efus",
        D(2022, 5, 5),
        NOT_DESCRIBED
        + f""" Liège's room, opened in September 2018, was tolerated without a national law.
Source: {link("be-vrt")}.""",
        f"""
Liège opened the first room in 2018 with about €1 million from the city, and Brussels followed
with GATE in May 2022. Belgium is among the countries with DCRs in the EMCDDA's 2023 report.
Sources: {link("be-vrt")}; {link("be-efus")}; {link("emcdda-2023-countries")}.
""",
    ),
    country(
        "GR",
        "gr-drogy-2022",
        D(2022, 4, 14),
        NOT_DESCRIBED
        + f""" The 2013 pilot in Athens was shut down by a prosecutor within a year. Source:
{link("gr-idpc-2015")}.""",
        f"""
OKANA's pilot room Odysseas opened in Athens in 2013 and closed within a year; in June 2015 the
EMCDDA listed Greece's room as closed. OKANA opened a new room in Athens, visited by the EMCDDA's
director in April 2022. Sources: {link("gr-idpc-2015")}; {link("emcdda-2015")};
{link("gr-drogy-2022")}.
""",
    ),
    country(
        "PT",
        "pt-idpc-2019",
        D(2019, 7, 1),
        f"""
Portugal's drug law (Law 30/2000) contains a specific provision for drug consumption rooms.
Source: {link("legal-routes")}.
""",
        f"""
In 2015 Portugal was only considering rooms. Its first, a mobile unit run by Médicos do Mundo
and GAT, began in Lisbon in April 2019. Sources: {link("indcr-what")}; {link("pt-idpc-2019")};
{link("hri-2019")}.
""",
    ),
    country(
        "UA",
        "hri-2019",
        D(2019, 1, 1),
        NOT_DESCRIBED,
        f"""
Ukraine entered Harm Reduction International's list of countries with DCRs in its 2019 update,
with a fixed site in Sumy opened in late 2018. Source: {link("hri-2019")}.
""",
    ),
    country(
        "GB",
        "gb-tribyoon",
        D(2025, 1, 13),
        NOT_DESCRIBED,
        f"""
In 2015 the UK was among the countries considering drug consumption rooms. The first, The
Thistle in Glasgow, opened on 13 January 2025. Sources: {link("indcr-what")};
{link("gb-tribyoon")}.
""",
    ),
    country(
        "CA",
        "hc-dashboard",
        D(2024, 5, 15),
        f"""
Supervised consumption sites in Canada operate under an exemption granted by Health Canada under
section 56 of the Controlled Drugs and Substances Act. Applicants describe their services
(injection, inhalation, intranasal, oral, drug checking), hours, floor plan and a community
consultation, and report to Health Canada. Sources: {link("indcr-ca")}; {link("hc-status")}.
""",
        f"""
Insite opened in Vancouver in 2003. Every exempted site has reported to Health Canada since
January 2017, in a standard format since March 2020; overdose prevention sites are counted
separately. In 2024 a Commons committee heard of more than 4.4 million visits since 2017, about
52,000 overdoses reversed and close to 400,000 referrals. There has also been local opposition,
such as resident protests in Montreal. Sources: {link("hc-dashboard")};
{link("ca-commons-2024")}.
""",
    ),
    country(
        "AU",
        "au-vic-health",
        D(2018, 6, 30),
        f"""
In New South Wales, section 360 of the state's drug law provides for the Sydney centre, which
began as a trial in 2001 and was made permanent in 2010. Our sources do not describe Victoria's
legal basis. Sources: {link("legal-routes")}; {link("au-msic-wikipedia")}.
""",
        f"""
Sydney's Uniting MSIC was long Australia's only centre; Victoria opened a second in North
Richmond, Melbourne, on 30 June 2018. Sources: {link("indcr-au")}; {link("emcdda-2017")};
{link("au-vic-health")}.
""",
    ),
    country(
        "US",
        "us-onpoint-2023",
        D(2023, 7, 1),
        NOT_DESCRIBED,
        f"""
OnPoint NYC opened two overdose prevention centres in New York on 30 November 2021; by July
2023 they had averted 1,008 overdoses. The United States is among the countries with DCRs in the
EMCDDA's 2023 report. Separately, one unsanctioned US site recorded 10,514 injections and 33
overdoses, with no deaths, over five years. Sources: {link("us-nyc-2021")};
{link("us-onpoint-2023")}; {link("emcdda-2023-countries")}; {link("drugwarfacts-us")}.
""",
    ),
    country(
        "MX",
        "hri-2022",
        D(2022, 1, 1),
        NOT_DESCRIBED,
        f"""
The organisation Verter opened the first room in Mexicali in 2018; the city closed
it once over permits. Harm Reduction International's 2022 edition counted Mexico among four new
countries with DCRs. Sources: {link("mx-ladosis")}; {link("hri-2022")}.
""",
    ),
]
