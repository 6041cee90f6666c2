# ruff: noqa: E501 (names and summaries keep their lines)
"""Demo content of the knowledge exchange besides the guide's texts: the expertise tags, the
documents' topics, the documents (real public documents, as links to their sources), the
demonstration experts and the demonstration planning project.

Documents: titles and publishers as shared/data/facts-indcr-and-peers.md gives them (B2, B5,
A6). A document has a version only where the facts give its publication date; a year or a
month alone is set to the 1st and the change note says so. Nothing is uploaded: the
document's source link is where to read it.
"""

from __future__ import annotations

import datetime as dt

from .knowledge_sources import ALL_SOURCES

LANGUAGES = ("en", "fr", "de", "nl", "es")

# One tag per step of the guide (slug = the step's slug), then the three training topics of
# INDCR's home page (facts file, A1): running a DCR, health prevention in a DCR, cost-effectiveness.
EXPERTISE: list[dict] = [
    {
        "slug": "needs-assessment",
        "name": (
            "Needs assessment",
            "Évaluation des besoins",
            "Bedarfsanalyse",
            "Behoefteanalyse",
            "Evaluación de necesidades",
        ),
    },
    {
        "slug": "coalition-and-stakeholders",
        "name": (
            "Coalition and stakeholders",
            "Coalition et parties prenantes",
            "Bündnis und Beteiligte",
            "Coalitie en belanghebbenden",
            "Coalición y partes interesadas",
        ),
    },
    {
        "slug": "legal-route",
        "name": (
            "Legal route",
            "Voie juridique",
            "Rechtsgrundlage",
            "Juridische basis",
            "Vía legal",
        ),
    },
    {
        "slug": "site-selection",
        "name": (
            "Site selection",
            "Choix du site",
            "Standortwahl",
            "Locatiekeuze",
            "Selección del emplazamiento",
        ),
    },
    {
        "slug": "community-consultation",
        "name": (
            "Community consultation and a good-neighbour group",
            "Concertation avec le voisinage et comité de bon voisinage",
            "Anwohnerbeteiligung und Nachbarschaftsgremium",
            "Buurtconsultatie en een buurtoverleg",
            "Consulta vecinal y comisión de buena vecindad",
        ),
    },
    {
        "slug": "floor-plan-and-house-rules",
        "name": (
            "Floor plan and house rules",
            "Plan des locaux et règlement intérieur",
            "Raumplan und Hausordnung",
            "Plattegrond en huisregels",
            "Plano del local y normas internas",
        ),
    },
    {
        "slug": "funding",
        "name": ("Funding", "Financement", "Finanzierung", "Financiering", "Financiación"),
    },
    {
        "slug": "staffing-and-training",
        "name": (
            "Staffing and training",
            "Personnel et formation",
            "Personal und Schulung",
            "Personeel en opleiding",
            "Personal y formación",
        ),
    },
    {
        "slug": "evaluation-plan",
        "name": (
            "Evaluation plan",
            "Plan d'évaluation",
            "Evaluationsplan",
            "Evaluatieplan",
            "Plan de evaluación",
        ),
    },
    {
        "slug": "opening-and-first-year",
        "name": (
            "Opening and the first year",
            "Ouverture et première année",
            "Eröffnung und erstes Jahr",
            "Opening en het eerste jaar",
            "Apertura y primer año",
        ),
    },
    {
        "slug": "running-a-dcr",
        "name": (
            "Running a DCR",
            "Gérer une salle de consommation",
            "Betrieb eines Drogenkonsumraums",
            "Beheer van een gebruiksruimte",
            "Gestión de una sala de consumo supervisado",
        ),
    },
    {
        "slug": "health-prevention",
        "name": (
            "Health prevention in a DCR",
            "Prévention santé en salle de consommation",
            "Gesundheitsprävention im Drogenkonsumraum",
            "Gezondheidspreventie in een gebruiksruimte",
            "Prevención en salud en una sala de consumo supervisado",
        ),
    },
    {
        "slug": "cost-effectiveness",
        "name": (
            "Cost-effectiveness",
            "Coût-efficacité",
            "Kosteneffektivität",
            "Kosteneffectiviteit",
            "Coste-efectividad",
        ),
    },
]

TOPICS: list[dict] = [
    {
        "slug": "planning-and-implementation",
        "position": 1,
        "name": (
            "Planning and implementation",
            "Planification et mise en œuvre",
            "Planung und Umsetzung",
            "Planning en implementatie",
            "Planificación e implantación",
        ),
    },
    {
        "slug": "community-engagement",
        "position": 2,
        "name": (
            "Community engagement",
            "Engagement auprès de la communauté",
            "Einbindung der Nachbarschaft",
            "Betrokkenheid van de buurt",
            "Relación con la comunidad",
        ),
    },
    {
        "slug": "operations",
        "position": 3,
        "name": (
            "Operating a room",
            "Fonctionnement d'une salle",
            "Betrieb eines Konsumraums",
            "Werking van een gebruiksruimte",
            "Funcionamiento de una sala",
        ),
    },
    {
        "slug": "evaluation",
        "position": 4,
        "name": ("Evaluation", "Évaluation", "Evaluation", "Evaluatie", "Evaluación"),
    },
    {
        "slug": "policy-and-evidence",
        "position": 5,
        "name": (
            "Policy and evidence",
            "Politiques et données probantes",
            "Politik und Evidenz",
            "Beleid en onderzoek",
            "Políticas y evidencia",
        ),
    },
]


def version(date: dt.date, note: str) -> dict:
    return {"number": 1, "date": date, "change_note": note}


PUBLICATION_YEAR = "Publication year only in our sources; date set to 1 January. No file: the document is read at its source."
PUBLICATION_MONTH = "Publication month only in our sources; date set to the 1st. No file: the document is read at its source."
PUBLICATION_DATE = (
    "Date of the version our sources describe. No file: the document is read at its source."
)

DOCUMENTS: list[dict] = [
    {
        "slug": "bccsu-operational-guidance",
        "title": "Supervised Consumption Services Operational Guidance",
        "publisher": "British Columbia Centre on Substance Use (BCCSU)",
        "kind": "guidance",
        "perspective": "professional",
        "topic": "operations",
        "country": "CA",
        "language": "en",
        "source": "bccsu",
        "summary": "Operational guidance for supervised consumption services in British Columbia, Canada.",
        "version": None,  # our sources give no date
    },
    {
        "slug": "dr-peter-centre-community-consultation",
        "title": "Guidance on Community Consultation and Engagement Related to Implementation of SCS",
        "publisher": "Dr. Peter Centre",
        "kind": "guidance",
        "perspective": "professional",
        "topic": "community-engagement",
        "country": "CA",
        "language": "en",
        "source": "dr-peter",
        "summary": "Guidance for British Columbia's health authorities on consulting and engaging the community when they implement supervised consumption services (SCS).",
        "version": version(dt.date(2017, 1, 1), PUBLICATION_YEAR),
    },
    {
        "slug": "safer-consumption-spaces",
        "title": "Safer Consumption Spaces",
        "publisher": "Correlation – European Harm Reduction Network (C-EHRN), European Network of DCRs (ENDCR)",
        "kind": "guidance",
        "perspective": "professional",
        "topic": "operations",
        "country": "",
        "language": "en",
        "source": "cehrn-endcr",
        "summary": "The ENDCR's manual on implementing, operating and improving drug consumption rooms.",
        "version": None,
    },
    {
        "slug": "evaluation-guide-7-steps",
        "title": "Guide for Evaluation of DCRs: 7 steps to an evaluation plan",
        "publisher": "EMCDDA with ENDCR and C-EHRN",
        "kind": "guidance",
        "perspective": "professional",
        "topic": "evaluation",
        "country": "",
        "language": "en",
        "source": "evaluation-guide",
        "summary": "Seven steps to an evaluation plan for a drug consumption room; used at a Lisbon Addictions 2024 workshop (the link leads to that session).",
        "version": None,
    },
    {
        "slug": "solidify",
        "title": "SOLIDIFY: final publication (English version)",
        "publisher": "European Forum for Urban Security (Efus)",
        "kind": "guidance",
        "perspective": "professional",
        "topic": "planning-and-implementation",
        "country": "",
        "language": "en",
        "source": "solidify",
        "summary": "Final publication of SOLIDIFY (Efus, 2018–20), a project on quality standards for cities with or planning a drug consumption room. Its quality-standards self-assessment checklist is online: [SOLIDIFY self-assessment]({url}).".format(
            url=ALL_SOURCES["solidify-checklist"][1]
        ),
        "version": None,  # the project ran 2018–20; our sources give no publication date
    },
    {
        "slug": "munduko-medikuak-manual",
        "title": "Munduko Medikuak: good-practice manual for opening a drug consumption room (in Spanish)",
        "publisher": "Munduko Medikuak",
        "kind": "guidance",
        "perspective": "professional",
        "topic": "planning-and-implementation",
        "country": "ES",
        "language": "es",
        "source": "es-spanish-literature",
        "summary": "A good-practice manual for opening a drug consumption room, in Spanish, listed by salledeconsommation.fr among the Spanish literature on DCRs. Our sources describe it but do not give its original Spanish title: the title here describes it.",
        "version": version(dt.date(2010, 1, 1), PUBLICATION_YEAR),
    },
    {
        "slug": "emcdda-drug-consumption-rooms-2023",
        "title": "Drug consumption rooms",
        "publisher": "EMCDDA and Correlation – European Harm Reduction Network (joint technical report)",
        "kind": "policy paper",
        "perspective": "professional",
        "topic": "policy-and-evidence",
        "country": "",
        "language": "en",
        "source": "emcdda-2023",
        "summary": "Joint report of the EMCDDA and C-EHRN: what drug consumption rooms are, implementation considerations (including the legal routes taken), how rooms operate, impact and evidence, and the future.",
        "version": version(dt.date(2023, 12, 1), PUBLICATION_MONTH),
    },
    {
        "slug": "emcdda-miniguide-dcr",
        "title": "Health and social responses: drug consumption rooms",
        "publisher": "EMCDDA (mini-guide)",
        "kind": "guidance",
        "perspective": "professional",
        "topic": "policy-and-evidence",
        "country": "",
        "language": "en",
        "source": "emcdda-miniguide",
        "summary": "The EMCDDA's mini-guide on drug consumption rooms: aims, target groups and a checklist of the services rooms provide.",
        "version": version(
            dt.date(2024, 4, 24), "Last update (24 April 2024). " + PUBLICATION_DATE
        ),
    },
    {
        "slug": "uniting-msic-literature-overview",
        "title": "Overview of International Literature – SIF & DCR (Issue 1, August 2017)",
        "publisher": "Uniting Medically Supervised Injecting Centre, Sydney",
        "kind": "policy paper",
        "perspective": "professional",
        "topic": "policy-and-evidence",
        "country": "AU",
        "language": "en",
        "source": "indcr-survey-2017",
        "summary": "A literature overview on supervised injecting facilities and drug consumption rooms by Uniting MSIC, linked from INDCR's DCR survey 2017 page (the link leads there).",
        "version": version(dt.date(2017, 8, 1), PUBLICATION_MONTH),
    },
]

# --- DEBUG only: demonstration people and a demonstration project ---------------------------

DEMO_BIO = (
    "Demonstration profile: this expert does not exist. It shows how an expert's profile, "
    "expertise and languages appear on the platform."
)

# `key` is the local part of the email address at the demo domain; handles are "demo-<key>".
EXPERTS: list[dict] = [
    {
        "key": "expert-consultation",
        "password": "demo expert consultation passphrase",
        "expertise": ["community-consultation", "coalition-and-stakeholders", "legal-route"],
        "languages": ["en", "fr"],
        "countries": ["CA", "FR", "BE"],
        "hours_per_month": 4,
    },
    {
        "key": "expert-evaluation",
        "password": "demo expert evaluation passphrase",
        "expertise": ["evaluation-plan", "needs-assessment", "cost-effectiveness", "funding"],
        "languages": ["en", "de", "nl"],
        "countries": ["DE", "NL", "CH"],
        "hours_per_month": 2,
    },
    {
        "key": "expert-operations",
        "password": "demo expert operations passphrase",
        "expertise": [
            "floor-plan-and-house-rules",
            "staffing-and-training",
            "opening-and-first-year",
            "site-selection",
            "running-a-dcr",
            "health-prevention",
        ],
        "languages": ["es", "en", "pt"],
        "countries": ["ES", "PT"],
        "hours_per_month": 3,
    },
]

PROJECT = {
    "name": "Demonstration project",
    "city": "Demonstration city (not a real city)",
    "country": "LU",
    "summary": (
        "Demonstration project: a fictional team shows how the planning tracker works. It is "
        "not any real city's plan, and its notes, decision and comment are invented examples."
    ),
    "lead": "member",  # the demo member account
    "steps": {
        "needs-assessment": (
            "done",
            "Demonstration note: overdose and ambulance figures gathered with their dates and sources.",
        ),
        "coalition-and-stakeholders": (
            "in progress",
            "Demonstration note: first meeting held; the police and a residents' association are still to be invited.",
        ),
        "legal-route": (
            "in progress",
            "Demonstration note: asking which legal basis applies in our country.",
        ),
        "community-consultation": (
            "in progress",
            "Demonstration note: drafting the consultation plan and the good-neighbour group's terms.",
        ),
    },
    "decision": {
        "step": "needs-assessment",
        "text": "Demonstration decision: the room will offer injecting and smoking places.",
        "decided_on": dt.date(2025, 11, 3),
    },
    "expert_step": "community-consultation",
    "expert": "expert-consultation",
    "comment": (
        "Demonstration comment: start the good-neighbour group before opening, and invite "
        "people who will use the room as well as residents."
    ),
}
