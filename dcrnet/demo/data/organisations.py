"""Demo organisations: the operators of the demo facilities, and INDCR itself.

Only what shared/data/facts-indcr-and-peers.md and the facility sources say: the name as our
facility data gives it (`operator`), the country of its facilities, a website only where a cited
source is the organisation's own site, and `source` = the source that names it as the operator
(for an organisation with two facilities, the source of the first). Where two organisations run
one facility together ("Médicos do Mundo and GAT"), each is an organisation of its own.

No source says that an operator is anything but the operator of its room, so every operator is
of the kind "dcr operator" (a health authority among them included: our sources do not say it).
The statements are ours, not the organisations': they say so ("Demonstration entry …").
"""

from __future__ import annotations

from .sources import SOURCES

DCR_OPERATOR = "dcr operator"
NGO = "ngo"

# slug, name, kind, country, website, source key (the source naming it), facility public_ids
OPERATORS: list[tuple[str, str, str, str, str, str, list[str]]] = [
    ("contact-netz", "Contact Netz", DCR_OPERATOR, "CH", "", "indcr-ch", ["ch-bern-contact-netz"]),
    (
        "premiere-ligne",
        "Première Ligne",
        DCR_OPERATOR,
        "CH",
        "",
        "ch-quai9-mediavivant",
        ["ch-geneva-quai-9"],
    ),
    (
        "integrative-drogenhilfe",
        "Integrative Drogenhilfe",
        DCR_OPERATOR,
        "DE",
        "",
        "de-augsburger",
        ["de-frankfurt-niddastrasse"],
    ),
    ("vista", "Vista", DCR_OPERATOR, "DE", "", "de-bz-birkenstube", ["de-berlin-birkenstube"]),
    (
        "fixpunkt",
        "Fixpunkt",
        DCR_OPERATOR,
        "DE",
        # The cited source (de-fixpunkt-mobile) is a page of Fixpunkt's own site.
        "https://www.fixpunkt.org/",
        "de-fixpunkt-mobile",
        ["de-berlin-fixpunkt-mobile", "de-berlin-fixpunkt-karl-marx-strasse"],
    ),
    ("jdh", "JDH", DCR_OPERATOR, "LU", "", "lu-wort", ["lu-esch-contact-esch"]),
    ("gaia", "Gaïa", DCR_OPERATOR, "FR", "", "fr-paris-talkingdrugs", ["fr-paris-scmr-gaia"]),
    ("ithaque", "Ithaque", DCR_OPERATOR, "FR", "", "fr-strasbourg", ["fr-strasbourg-argos"]),
    (
        "medicos-del-mundo",
        "Médicos del Mundo",
        DCR_OPERATOR,
        "ES",
        "",
        "es-spanish-literature",
        ["es-bilbao-medicos-del-mundo"],
    ),
    ("transit", "Transit", DCR_OPERATOR, "BE", "", "be-efus", ["be-brussels-gate"]),
    (
        "okana",
        "OKANA",
        DCR_OPERATOR,
        "GR",
        "",
        "gr-idpc-2015",
        ["gr-athens-odysseas", "gr-athens-okana"],
    ),
    (
        "medicos-do-mundo",
        "Médicos do Mundo",
        DCR_OPERATOR,
        "PT",
        "",
        "pt-lisboa",
        ["pt-lisbon-mobile"],
    ),
    ("gat", "GAT", DCR_OPERATOR, "PT", "", "pt-lisboa", ["pt-lisbon-mobile"]),
    (
        "vancouver-coastal-health",
        "Vancouver Coastal Health",
        DCR_OPERATOR,
        "CA",
        "",
        "ca-insite-wikipedia",
        ["ca-vancouver-insite"],
    ),
    (
        "phs-community-services-society",
        "PHS Community Services Society",
        DCR_OPERATOR,
        "CA",
        "",
        "ca-insite-wikipedia",
        ["ca-vancouver-insite"],
    ),
    (
        "cactus-montreal",
        "CACTUS Montréal",
        DCR_OPERATOR,
        "CA",
        "",
        "ca-lapresse-2017",
        ["ca-montreal-cactus"],
    ),
    (
        "fraser-health",
        "Fraser Health",
        DCR_OPERATOR,
        "CA",
        "",
        "ca-darpan-2017",
        ["ca-surrey-safepoint"],
    ),
    # sydneymsic.com (the facility's website) is the centre's site, not Uniting's: no website.
    ("uniting", "Uniting", DCR_OPERATOR, "AU", "", "au-msic-wikipedia", ["au-sydney-uniting-msic"]),
    (
        "onpoint-nyc",
        "OnPoint NYC",
        DCR_OPERATOR,
        "US",
        # The cited source (us-onpoint-2023) is a page of OnPoint NYC's own site.
        "https://onpointnyc.org/",
        "us-onpoint-2023",
        ["us-new-york-onpoint"],
    ),
    ("verter", "Verter", DCR_OPERATOR, "MX", "", "mx-eluniversal", ["mx-mexicali-la-sala"]),
]

DEMO_NOTE = "Demonstration entry, written from public sources, not by the organisation."

# The network itself (section A of the facts file). Its country is left empty: the facts say
# only that the Regenboog Groep Amsterdam hosts its website.
INDCR = {
    "slug": "indcr",
    "name": "International Network of Drug Consumption Rooms (INDCR)",
    "kind": NGO,
    "country": "",
    "website": SOURCES["indcr-home"][1],
    "source": SOURCES["indcr-about"][1],
    "facilities": [],
    "statement": (
        f"{DEMO_NOTE} The network brings together professionals who run or plan drug"
        " consumption rooms: guidance, training and mutual support, exchange between providers,"
        " people who use drugs and policy makers, support for research, and monitoring of DCR"
        " developments for advocacy. Its about page says it has done so since 2011; Correlation"
        " (C-EHRN) says it has hosted INDCR since 2007. The Regenboog Groep Amsterdam hosts its"
        f" website (source: {SOURCES['indcr-about'][1]})."
    ),
}


def _statement(facilities: list[dict], source_url: str) -> str:
    runs = "; ".join(f"{f['name']} in {f['city']}" for f in facilities)
    return f"{DEMO_NOTE} Operates {runs} (source: {source_url})."


def organisations(facilities_by_id: dict[str, dict]) -> list[dict]:
    """Every demo organisation as the loader writes it (statements built from the facilities)."""
    rows = []
    for slug, name, kind, country, website, source, public_ids in OPERATORS:
        url = SOURCES[source][1]
        rows.append(
            {
                "slug": slug,
                "name": name,
                "kind": kind,
                "country": country,
                "website": website,
                "source": url,
                "facilities": public_ids,
                "statement": _statement([facilities_by_id[p] for p in public_ids], url),
            }
        )
    rows.append(INDCR)
    return rows
