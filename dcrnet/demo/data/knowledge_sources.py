"""Sources of the knowledge-exchange demo content (guide, documents), by key: (title, URL).

Every one is listed in shared/data/facts-indcr-and-peers.md (sections B and E); the facilities'
sources are in sources.py and are reused from there.
"""

from __future__ import annotations

from .sources import SOURCES

KNOWLEDGE_SOURCES: dict[str, tuple[str, str]] = {
    "hc-apply": (
        "Health Canada: supervised consumption sites, before you apply",
        "https://www.canada.ca/en/health-canada/services/substance-use/"
        "supervised-consumption-sites/apply/before-you-start.html",
    ),
    "bccsu": (
        "BCCSU: Supervised Consumption Services Operational Guidance",
        "https://docslib.org/doc/3292390/operating-supervised-consumption-services",
    ),
    "dr-peter": (
        "Dr. Peter Centre (2017): Guidance on Community Consultation and Engagement Related to"
        " Implementation of SCS",
        "https://pdfslide.us/documents/"
        "guidance-on-community-consultation-and-engagement-related-rha-and-its-partners.html",
    ),
    "evaluation-guide": (
        "Lisbon Addictions 2024: evaluation of drug consumption rooms, guidance step by step",
        "https://www.lisbonaddictions.eu/lisbon-addictions-2024/sessions/"
        "evaluation-drug-consumption-rooms-guidance-step-step",
    ),
    "solid-exceed": (
        "SOLID-EXCEED e-learning on drug consumption rooms",
        "https://learn.solid-exceed.org/solid-exceed-training-content/drug-consumption-rooms/",
    ),
    "solidify-checklist": (
        "SOLIDIFY (Efus): quality standards self-assessment",
        "http://self-assessment.institut-utrip.si/index.php/83611?newtest=Y&lang=en",
    ),
    "solidify": (
        "SOLIDIFY (Efus): final publication, English version",
        "https://issuu.com./efus/docs/english_version",
    ),
    "lethbridge": (
        "The extensive consultations of the SCS: a history (Lethbridge, 2020)",
        "https://siever.ca/kim/2020/02/25/the-extensive-consultations-of-the-scs-a-history",
    ),
    "waterloo": (
        "Waterloo Region Record: region taking suggestions for possible supervised consumption"
        " sites",
        "https://www.therecord.com/news-story/"
        "8728326-region-taking-suggestions-for-possible-supervised-consumption-sites/",
    ),
    "hcv-census": (
        "INHSU: online census of DCRs as a setting to address HCV (2016 census)",
        "https://inhsu.org/resource/online-census-of-drug-consumption-rooms-dcrs-as-a-setting-"
        "to-address-hcv-current-practice-and-future-capacity/",
    ),
    "staff-experiences": (
        "Lisbon Addictions 2024: experiences of drug consumption room professionals",
        "https://www.lisbonaddictions.eu/lisbon-addictions-2024/presentations/"
        "experiences-drug-consumption-room-professionals",
    ),
    "creidu": (
        "CREIDU: network of drug consumption rooms project",
        "https://creidu.edu.au/projects/23-network-of-drug-consumption-rooms",
    ),
    "indcr-survey-2017": (
        "INDCR: DCR survey 2017 (HCV census report)",
        "http://www.drugconsumptionroom-international.org/index.php/dcr-survey/dcr-survey-2017",
    ),
    "nhrc": (
        "National Harm Reduction Coalition: supervised consumption services in the United States",
        "https://harmreduction.org/issues/supervised-consumption-services/overview-united-states/",
    ),
}

ALL_SOURCES: dict[str, tuple[str, str]] = {**SOURCES, **KNOWLEDGE_SOURCES}


def src(key: str, text: str = "") -> str:
    """A Markdown link to a source; `text` names it in the language of the text around it."""
    title, url = ALL_SOURCES[key]
    return f"[{text or title}]({url})"


def source_list(*keys: str) -> str:
    """The `sources` field of a step: one Markdown list item a source."""
    return "\n".join(f"- {src(key)}" for key in keys)


def cite_source(key: str) -> dict[str, str]:
    title, url = ALL_SOURCES[key]
    return {"source": title, "source_url": url}
