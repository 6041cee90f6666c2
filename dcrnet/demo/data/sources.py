"""Sources the demo data cite, by key: (title, URL).

All are listed in shared/data/facts-indcr-and-peers.md, except three marked by a comment: those
were read to date an event that the facts file leaves undated.
"""

from __future__ import annotations

INDCR = "http://www.drugconsumptionroom-international.org/index.php"

SOURCES: dict[str, tuple[str, str]] = {
    # INDCR's own pages (section A of the facts file).
    "indcr-home": ("INDCR home page", "http://drugconsumptionroom-international.org/"),
    "indcr-about": (
        "INDCR: About us",
        "https://www.drugconsumptionroom-international.org/index.php/about-us/",
    ),
    "indcr-what": (
        "INDCR: What is a DCR (July 2015)",
        f"{INDCR}/what-is-a-dcr/2015-09-28-19-01-37/what-is-a-dcr",
    ),
    "indcr-models": (
        "INDCR: DCR models",
        "https://www.drugconsumptionroom-international.org/index.php/models/",
    ),
    "indcr-survey-2014": (
        "INDCR DCR Resource Centre: 2014 European survey (Woods)",
        f"{INDCR}/dcr-survey/research/dcr-survey-2",
    ),
    "indcr-highlight-abrigado": (
        "INDCR Monthly Highlight DCR: Abrigado",
        f"{INDCR}/monthly-highlight-dcr/highl-abrigado/monthly-highlight",
    ),
    "indcr-lu": (
        "INDCR country page: Luxembourg",
        f"{INDCR}/locations/2015-09-27-13-37-46/location-luxembourg",
    ),
    "indcr-de": (
        "INDCR country page: Germany (June 2015)",
        f"{INDCR}/locations/germany/location-germany",
    ),
    "indcr-ch": (
        "INDCR country page: Switzerland",
        f"{INDCR}/locations/2015-09-27-13-40-35/location-switzerland",
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
    "indcr-au": (
        "INDCR country page: Australia",
        f"{INDCR}/locations/australia2/australia-overview",
    ),
    # EMCDDA / EUDA and other peers (section B).
    "emcdda-2015": (
        "EMCDDA Perspectives on Drugs counts, June 2015 (via drugwarfacts.org)",
        "http://drugwarfacts.org/node/1837",
    ),
    "emcdda-2017": (
        "EMCDDA Perspectives on Drugs counts, February 2017 (via drugpolicyfacts.org)",
        "https://www.drugpolicyfacts.org/node/1837",
    ),
    "emcdda-2023": (
        "EMCDDA and C-EHRN, Drug consumption rooms (joint report, December 2023)",
        "https://www.emcdda.europa.eu/publications/technical-reports/2023/drug-consumption-rooms_en",
    ),
    "emcdda-2023-countries": (
        "Summary of the EMCDDA and C-EHRN joint report (hepcoalition.org)",
        "https://hepcoalition.org/en/advocate/advocacy-tools/article/"
        "joint-report-on-drug-consumption-rooms-in-europe",
    ),
    "legal-routes": (
        "SOLID-EXCEED: legal and policy frameworks (after the EMCDDA)",
        "https://learn.solid-exceed.org/solid-exceed-training-content/drug-consumption-rooms/",
    ),
    "solid-exceed-m1": (
        "SOLID-EXCEED e-learning, DCR module 1: introduction",
        "https://learn.solid-exceed.org/solid-exceed-training-content/drug-consumption-rooms/"
        "module-1-introduction-and-foundation/introduction-to-drug-consumption-rooms-dcrs/",
    ),
    "solid-exceed-m2": (
        "SOLID-EXCEED e-learning, DCR module 2 (places after Woods 2014)",
        "https://learn.solid-exceed.org/solid-exceed-training-content/drug-consumption-rooms/",
    ),
    "emcdda-miniguide": (
        "EMCDDA mini-guide: drug consumption rooms (24 April 2024)",
        "http://issues06.emcdda.europa.eu/publications/mini-guides/"
        "health-and-social-responses-drug-consumption-rooms_en",
    ),
    "cehrn-endcr": (
        "Correlation (C-EHRN): ENDCR page (mirror of correlation-net.org)",
        "https://cehrn.demosrv.ru/?p=7943&post_type=post",
    ),
    "ddn-room": (
        "Drink and Drugs News: room for manoeuvre",
        "https://www.drinkanddrugsnews.com/room-for-manoeuvre-consumption-rooms/",
    ),
    "hri-2019": (
        "Harm Reduction International, Global State of Harm Reduction 2019",
        "https://www.hri.global/global-state-of-harm-reduction-2019",
    ),
    "hri-2022": (
        "Global State of Harm Reduction 2022 (via drugpolicyfacts.org)",
        "https://www.drugpolicyfacts.org/node/4139",
    ),
    "hc-status": (
        "Health Canada: status of supervised consumption site applications",
        "https://www.canada.ca/en/health-canada/services/substance-use/"
        "supervised-consumption-sites/status-application.html",
    ),
    "hc-dashboard": (
        "Health Canada: supervised consumption sites dashboard",
        "https://health-infobase.canada.ca/supervised-consumption-sites/",
    ),
    "ca-commons-2024": (
        "House of Commons health committee, 2024 (openparliament.ca)",
        "https://openparliament.ca/committees/health/44-1/107/gord-johns-1",
    ),
    "drugwarfacts-us": (
        "Drug War Facts: supervised consumption",
        "https://drugwarfacts.org/chapter/supervised_consumption",
    ),
    # Facility sources (section D).
    "ch-quai9-2021": (
        "Quai 9 activity figures 2021 (RESO, UCLouvain)",
        "https://sites.uclouvain.be/reso/opac_css/index.php?id=980823&lvl=notice_display",
    ),
    "ch-quai9-inhalation": (
        "salledeconsommation.fr: Quai 9 to open a room for inhalation",
        "http://www.salledeconsommation.fr/quai-9-va-ouvrir-une-salle-pour-l-inhalation-de-drogues.html",
    ),
    "ch-quai9-mediavivant": (
        "mediavivant.fr: Quai 9, welcoming drug users in Geneva",
        "https://mediavivant.fr/aller-plus-loin/quai-n9-laccueil-des-usagers-de-drogues-a-geneve/",
    ),
    "de-augsburger": (
        "Augsburger Allgemeine: drug consumption rooms, survival aid or stillbirth?",
        "https://www.augsburger-allgemeine.de/ratgeber/gesundheit/"
        "drogen-drogenkonsumraeume-ueberlebenshilfe-oder-totgeburt-103010218",
    ),
    "de-borkener": (
        "Borkener Zeitung: Frankfurt rebuilds a drug consumption room",
        "https://www.borkenerzeitung.de/welt/in-ausland/panorama/"
        "Frankfurt-baut-Drogenkonsumraum-um-690473.html",
    ),
    "de-rheinmain": (
        # Not in the facts file: read to date the rebuild, which the file leaves undated.
        "Rhein-Main Verlag: Bahnhofsviertel consumption room reopened after rebuild (2025)",
        "https://www.rheinmainverlag.de/2025/11/23/"
        "drogenkonsumraum-im-frankfurter-bahnhofsviertel-nach-umbau-wiedereroeffnet",
    ),
    "de-morgenweb": (
        "Mannheimer Morgen: hardly any heroin left (2018)",
        "https://www.morgenweb.de/mannheimer-morgen_artikel,"
        "-laender-im-heroin-kaum-noch-heroin-_arid,1218962.html",
    ),
    "de-bz-birkenstube": (
        "B.Z. Berlin: politicians celebrate the Moabit consumption room",
        "https://bz-berlin.de/archiv-artikel/politiker-feiern-fixer-treff-in-moabit",
    ),
    "de-abendblatt-birkenstube": (
        "Berliner Abendblatt: the Birkenstube is a safe place (2018 figures)",
        "https://berliner-abendblatt.de/service/"
        "die-birkenstube-ist-ein-sicherer-ort-fuer-abhaengige-id78997",
    ),
    "de-fixpunkt-mobile": (
        "Fixpunkt: Drogenkonsummobile",
        "https://www.fixpunkt.org/drogenkonsummobile-2/",
    ),
    "de-morgenpost-neukoelln": (
        "Berliner Morgenpost: first fixed consumption room opens in Neukölln",
        "https://www.morgenpost.de/bezirke/neukoelln/article216329419/"
        "Erste-feste-Fixerstube-in-Neukoelln-eroeffnet.html",
    ),
    "de-donaustrasse": (
        # Not in the facts file: read to date the opening, which the file leaves undated.
        "Quartiersmanagement Donaustraße-Nord: Fixpunkt in Karl-Marx-Straße since 2019",
        "https://www.donaustrasse-nord.de/index.php?id=97&L=0&amp=&tx_news_pi1%5B%40widget_0%5D"
        "%5BcurrentPage%5D=2&cHash=66ad09b5d6230908f1d1b952d122c033",
    ),
    "nl-idpc-2019": (
        "IDPC: drug consumption rooms in the Netherlands (2019)",
        "https://idpc.net/publications/2019/07/drug-consumption-rooms-in-the-netherlands",
    ),
    "dk-cphpost": (
        "The Copenhagen Post: injection rooms to be open at night (18 September 2014)",
        "https://cphpost.dk/2014-09-18/news/local-news/"
        "successful-drug-injection-rooms-to-be-open-at-night",
    ),
    "dk-h17": (
        "TalkingDrugs: world's largest drug consumption room opens in Copenhagen (2016)",
        "http://www.talkingdrugs.org/world-largest-drug-consumption-room-opens-in-copenhagen/",
    ),
    "no-urbandrugpolicy": (
        "Urban Drug Policy: consumption rooms, how does it work and why (about 2010)",
        "http://www.urbandrugpolicy.com/en/catalogue/detail/7/114/"
        "Interactive-workshop-Consumption-rooms-how-does-it-work-and-why-",
    ),
    "no-regjeringen": (
        "Norwegian government, Prop. 13 L (2018–2019)",
        "https://regjeringen.no/no/dokumenter/prop.-13-l-20182019/id2618109/?ch=2",
    ),
    "no-bergen": (
        "salledeconsommation.fr: Bergen, a second supervised injection site",
        "http://salledeconsommation.fr/bergen-a-second-supervised-injection-site.html",
    ),
    "lu-chronicle": (
        "Chronicle.lu: Esch contact centre for drug users inaugurated",
        "https://chronicle.lu/category/medical/29958-esch-contact-centre-for-drug-addicts-inaugurated",
    ),
    "lu-journal": (
        "Journal.lu: real alternatives for drug users",
        "https://journal.lu/en/real-alternatives-drug-addicts",
    ),
    "lu-wort": (
        "Luxemburger Wort: Contact Esch, 25 consumptions a day",
        "https://www.wort.lu/de/lokales/contact-esch-25-konsumvorgaenge-pro-tag-5e4d2d40da2cc1784e356835",
    ),
    "fr-paris-talkingdrugs": (
        "TalkingDrugs: France's first drug consumption room inaugurated in Paris (2016)",
        "http://www.talkingdrugs.org/france-first-drug-consumption-room-inaugurated-in-paris/",
    ),
    "fr-paris-choopers": (
        "Choopers Guide: France is opening its first drug consumption room",
        "https://choopersguide.com/article/france-is-opening-its-first-ever-drug-consumption-room.html",
    ),
    "fr-strasbourg": (
        "TalkingDrugs: second French city opens a drug consumption room (2016)",
        "https://www.talkingdrugs.org/second-french-city-opens-a-drug-consumption-room/",
    ),
    "es-ddn-2008": (
        "Drink and Drugs News daily update, 11–12 May 2008",
        "http://cjwellings.com/ddn/dailyupdate1112may08/files/assets/basic-html/page4.html",
    ),
    "es-herald-2022": (
        "The Herald: how Barcelona tackled an epidemic of overdose deaths (2022)",
        "https://www.heraldscotland.com/politics/"
        "20585811.barcelona-tackled-epidemic-drug-overdose-deaths/",
    ),
    "es-spanish-literature": (
        "salledeconsommation.fr: Spanish literature on DCRs",
        "http://salledeconsommation.fr/spanish-literature.html",
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
    "be-bulletin": (
        "The Bulletin: Brussels' first drug consumption space",
        "https://www.thebulletin.be/"
        "brussels-first-drug-consumption-space-offers-safe-haven-addicts-embracing-harm-reduction",
    ),
    "gr-idpc-2015": (
        "IDPC: struggle to revive the Athens drug consumption room (July 2015)",
        "https://idpc.net/alerts/2015/07/struggle-to-revive-athens-drug-consumption-room-2015",
    ),
    "gr-sdc-2014": (
        # Not in the facts file: read to date the closure, which the file gives as "within a year".
        "salledeconsommation.fr: interview with Odysseas (February 2014, closure noted "
        "17 September 2014)",
        "http://salledeconsommation.fr/"
        "interview-with-odysseas-the-first-drug-consumption-room-created-in-greece.html",
    ),
    "gr-drogy-2022": (
        "EMCDDA news: Director pays official visit to Athens DCR (14 April 2022)",
        "https://www.drogy-info.cz/article/emcdda-news/"
        "EMCDDA-Director-pays-official-visit-to-Athens-drug-consumption-room-20220414/",
    ),
    "pt-lisboa": (
        "Lisboa.pt: using drugs under the attentive look of healthcare professionals",
        "https://www.lisboa.pt/en/translate-to-en-atualidade/reports/"
        "using-drugs-under-the-attentive-look-of-healthcare-professionals",
    ),
    "pt-idpc-2019": (
        "IDPC: inside Portugal's first mobile safe consumption site (July 2019)",
        "https://idpc.net/news/2019/07/inside-portugal-s-first-mobile-safe-consumption-site",
    ),
    "gb-independent": (
        "The Independent: Glasgow's safer drug consumption facility (2025)",
        "https://www.independent.co.uk/news/uk/"
        "glasgow-glasgow-city-council-scottish-government-scottish-b2673408.html",
    ),
    "gb-tribyoon": (
        "Tribyoon: Glasgow launches the UK's first safer drug consumption facility",
        "https://tribyoon.co.uk/local-news/glasgow-launches-uks-first-safer-drug-consumption-facility",
    ),
    "gb-socialcare": (
        "Social Care Today: 131 visits in the first week (22 January 2025)",
        "https://socialcare.today/2025/01/22/glasgow-drug-consumption-clinic-gets-131-visits-in-first-week/",
    ),
    "ca-insite-wikipedia": ("Wikipedia: Insite", "https://en.wikipedia.org/wiki/Insite"),
    "ca-mapinc-2006": (
        "MAP drug news (2006): the Dr. Peter Centre",
        "http://mapinc.org/drugnews/v06/n1224/a12.html",
    ),
    "ca-lapresse-2017": (
        "La Presse (12 May 2017): two Montreal supervised injection centres to open within weeks",
        "http://www.lapresse.ca/actualites/sante/201705/12/"
        "01-5097348-deux-centres-dinjection-supervises-de-montreal-ouvriront-dans-quelques-semaines.php",
    ),
    "ca-globe-2017": (
        "The Globe and Mail (2017): Montreal opens first of three supervised injection sites",
        "https://beta.theglobeandmail.com/news/national/"
        "montreal-opens-first-of-three-supervised-injection-sites/article35376110/",
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
    "au-msic-how": (
        "Uniting MSIC: how the centre works",
        "http://www.sydneymsic.com/how-the-centre-works",
    ),
    "au-vic-health": (
        "Victoria Department of Health: the injecting room",
        "https://www2.health.vic.gov.au/alcohol-and-drugs/aod-treatment-services/injecting-room",
    ),
    "au-yahoo-2018": (
        "Yahoo News Australia: inside Victoria's first safe injecting room (2018)",
        "https://au.news.yahoo.com/inside-victorias-first-safe-injection-rooms-125357230.html",
    ),
    "us-onpoint-2023": (
        "OnPoint NYC: intervened in over 1,000 overdoses (2023)",
        "https://onpointnyc.org/intervened-in-over-1000-overdoses/",
    ),
    "us-nyc-2021": (
        "NYC Health Department press release (2021): overdose prevention centers prevent 59 deaths",
        "https://www.nyc.gov/site/doh/about/press/pr2021/overdose-prevention-centers-prevent-59-deaths.page",
    ),
    "mx-eluniversal": (
        "El Universal: Mexicali offers safe spot for heroin users (2018)",
        "https://eluniversal.com.mx/english/mexicali-offers-safe-spot-for-heroin-addicts",
    ),
    "mx-descriminalizacion": (
        "descriminalizacion.org: first safe consumption room in Latin America opens",
        "http://descriminalizacion.org/abren-la-primera-sala-de-consumo-seguro-de-drogas-en-latinoamerica/",
    ),
    "mx-ladosis": (
        "La Dosis: first consumption room closed; NGOs call for priority to health",
        "https://ladosis.org/articulos/"
        "cierran-primer-sala-de-consumo-de-drogas-ong-s-llaman-a-priorizar-salud-de-personas-que-se-inyectan-drogas",
    ),
}


def link(key: str, text: str = "") -> str:
    """A Markdown link to a source; `text` names it in another language than its title's."""
    title, url = SOURCES[key]
    return f"[{text or title}]({url})"


def cite(key: str) -> dict[str, str]:
    """The `source` and `source_url` fields of a sourced row."""
    title, url = SOURCES[key]
    return {"source": title, "source_url": url}
