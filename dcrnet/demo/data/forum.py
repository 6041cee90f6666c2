"""The forum's six categories (in the site's five languages) and the demonstration threads.

The categories are the site's structure: they load everywhere. Members only by default; two are
public-readable as an example of the per-category choice ("Planning a new DCR" and "Research
and evaluation": what the network knows about opening and evaluating a room is meant to reach
people outside it). Staff change that in the admin.

The threads are demonstration content (`is_demo`), written by the demo accounts, so they load
only with DEBUG on, like those accounts. Every opening post starts with DEMO_LINE. No figure in
them is invented: each one is quoted from shared/data/facts-indcr-and-peers.md with its source
in the text.
"""

from __future__ import annotations

from .sources import SOURCES

CATEGORIES: list[dict] = [
    {
        "slug": "running-a-dcr",
        "position": 1,
        "public_readable": False,
        "text": {
            "en": (
                "Running a DCR",
                "Day-to-day work in a drug consumption room: shifts, house rules, overdose"
                " response, support and supervision for the team.",
            ),
            "fr": (
                "Faire fonctionner une salle de consommation",
                "Le travail quotidien dans une salle de consommation : équipes, règlement"
                " intérieur, prise en charge des surdoses, soutien et supervision de l'équipe.",
            ),
            "de": (
                "Einen Drogenkonsumraum betreiben",
                "Die tägliche Arbeit im Drogenkonsumraum: Schichten, Hausordnung,"
                " Drogennotfälle, Unterstützung und Supervision des Teams.",
            ),
            "nl": (
                "Een gebruiksruimte beheren",
                "Het dagelijkse werk in een gebruiksruimte: diensten, huisregels, reageren op"
                " overdoses, steun en supervisie voor het team.",
            ),
            "es": (
                "Gestionar una sala de consumo supervisado",
                "El trabajo diario en una sala de consumo supervisado: turnos, normas internas,"
                " atención a sobredosis, apoyo y supervisión del equipo.",
            ),
        },
    },
    {
        "slug": "the-user-perspective",
        "position": 2,
        "public_readable": False,
        "text": {
            "en": (
                "The user perspective",
                "The voice of people who use or have used drugs: experiences with services,"
                " peer work and what should change.",
            ),
            "fr": (
                "Le point de vue des usagers",
                "La parole des personnes qui consomment ou ont consommé des drogues :"
                " expériences des services, travail pair et ce qui devrait changer.",
            ),
            "de": (
                "Die Perspektive der Nutzer:innen",
                "Die Stimme von Menschen, die Drogen konsumieren oder konsumiert haben:"
                " Erfahrungen mit Angeboten, Peer-Arbeit und was sich ändern sollte.",
            ),
            "nl": (
                "Het perspectief van gebruikers",
                "De stem van mensen die drugs gebruiken of hebben gebruikt: ervaringen met"
                " voorzieningen, ervaringsdeskundigheid en wat er moet veranderen.",
            ),
            "es": (
                "La perspectiva de las personas usuarias",
                "La voz de las personas que usan o han usado drogas: experiencias con los"
                " servicios, trabajo entre pares y lo que debería cambiar.",
            ),
        },
    },
    {
        "slug": "research-and-evaluation",
        "position": 3,
        "public_readable": True,
        "text": {
            "en": (
                "Research and evaluation",
                "Studies, evaluation plans, data collection and indicators: questions for"
                " researchers and from them.",
            ),
            "fr": (
                "Recherche et évaluation",
                "Études, plans d'évaluation, collecte de données et indicateurs : questions"
                " posées aux chercheurs et par eux.",
            ),
            "de": (
                "Forschung und Evaluation",
                "Studien, Evaluationspläne, Datenerhebung und Indikatoren: Fragen an die"
                " Forschung und aus der Forschung.",
            ),
            "nl": (
                "Onderzoek en evaluatie",
                "Studies, evaluatieplannen, gegevensverzameling en indicatoren: vragen aan en"
                " van onderzoekers.",
            ),
            "es": (
                "Investigación y evaluación",
                "Estudios, planes de evaluación, recogida de datos e indicadores: preguntas"
                " para la investigación y desde ella.",
            ),
        },
    },
    {
        "slug": "advocacy-and-policy",
        "position": 4,
        "public_readable": False,
        "text": {
            "en": (
                "Advocacy and policy",
                "Laws, legal routes, local politics and campaigns for drug consumption rooms"
                " and harm reduction.",
            ),
            "fr": (
                "Plaidoyer et politiques publiques",
                "Lois, cadres juridiques, politique locale et campagnes pour les salles de"
                " consommation et la réduction des risques.",
            ),
            "de": (
                "Interessenvertretung und Politik",
                "Gesetze, rechtliche Grundlagen, Kommunalpolitik und Kampagnen für"
                " Drogenkonsumräume und Schadensminderung.",
            ),
            "nl": (
                "Belangenbehartiging en beleid",
                "Wetgeving, juridische kaders, lokale politiek en campagnes voor"
                " gebruiksruimtes en schadebeperking.",
            ),
            "es": (
                "Incidencia y políticas públicas",
                "Leyes, marcos legales, política local y campañas a favor de las salas de"
                " consumo supervisado y la reducción de daños.",
            ),
        },
    },
    {
        "slug": "planning-a-new-dcr",
        "position": 5,
        "public_readable": True,
        "text": {
            "en": (
                "Planning a new DCR",
                "From the needs assessment to the opening day: legal route, site, community"
                " consultation, funding, staff and evaluation.",
            ),
            "fr": (
                "Préparer une nouvelle salle de consommation",
                "De l'évaluation des besoins au jour de l'ouverture : cadre juridique, choix du"
                " lieu, concertation avec le voisinage, financement, équipe et évaluation.",
            ),
            "de": (
                "Einen neuen Drogenkonsumraum planen",
                "Von der Bedarfsanalyse bis zur Eröffnung: rechtliche Grundlage, Standort,"
                " Beteiligung der Nachbarschaft, Finanzierung, Personal und Evaluation.",
            ),
            "nl": (
                "Een nieuwe gebruiksruimte plannen",
                "Van behoefteonderzoek tot de opening: juridische basis, locatie, overleg met"
                " de buurt, financiering, personeel en evaluatie.",
            ),
            "es": (
                "Planificar una nueva sala de consumo supervisado",
                "De la evaluación de necesidades al día de la apertura: vía legal, ubicación,"
                " consulta vecinal, financiación, personal y evaluación.",
            ),
        },
    },
    {
        "slug": "drug-market-and-alerts",
        "position": 6,
        "public_readable": False,
        "text": {
            "en": (
                "Drug market and alerts",
                "Changes in the drug market seen in the rooms, new substances, drug checking"
                " results and warnings to share.",
            ),
            "fr": (
                "Marché des drogues et alertes",
                "Évolutions du marché observées dans les salles, nouvelles substances,"
                " résultats d'analyse de produits et alertes à partager.",
            ),
            "de": (
                "Drogenmarkt und Warnungen",
                "Veränderungen des Drogenmarkts in den Konsumräumen, neue Substanzen,"
                " Ergebnisse des Drug-Checkings und Warnungen zum Weitergeben.",
            ),
            "nl": (
                "Drugsmarkt en waarschuwingen",
                "Veranderingen op de drugsmarkt die gebruiksruimtes zien, nieuwe middelen,"
                " resultaten van drugs testen en waarschuwingen om te delen.",
            ),
            "es": (
                "Mercado de drogas y alertas",
                "Cambios en el mercado de drogas observados en las salas, nuevas sustancias,"
                " resultados del análisis de sustancias y alertas para compartir.",
            ),
        },
    },
]

DEMO_LINE = (
    "**Demonstration content:** this thread was written for the demo of the site. The accounts"
    " and the conversation are not real; facts and figures in it are quoted with their source."
)


def _src(key: str) -> str:
    title, url = SOURCES[key]
    return f"[{title}]({url})"


LISBON_2024 = (
    "[Lisbon Addictions 2024: experiences of drug consumption room professionals]"
    "(https://www.lisbonaddictions.eu/lisbon-addictions-2024/presentations/"
    "experiences-drug-consumption-room-professionals)"
)
EVALUATION_GUIDE = (
    "[Lisbon Addictions 2024: evaluation of drug consumption rooms, guidance step by step]"
    "(https://www.lisbonaddictions.eu/lisbon-addictions-2024/sessions/"
    "evaluation-drug-consumption-rooms-guidance-step-step)"
)
HC_APPLY = (
    "[Health Canada: before you apply for a supervised consumption site]"
    "(https://www.canada.ca/en/health-canada/services/substance-use/"
    "supervised-consumption-sites/apply/before-you-start.html)"
)
WATERLOO = (
    "[The Record: region taking suggestions for possible supervised consumption sites]"
    "(https://www.therecord.com/news-story/8728326-region-taking-suggestions-for-possible-"
    "supervised-consumption-sites/)"
)

# Each thread: its category, title, and posts as (author key, Markdown); the author key is the
# local part of a demo account's address (dcrnet.demo.accounts).
THREADS: list[dict] = [
    {
        "category": "running-a-dcr",
        "title": "Night shifts: how do you keep the team going?",
        "posts": [
            (
                "member",
                f"""{DEMO_LINE}

We are about to extend our opening hours into the evening, and the team is worried about
late shifts. Professionals working in consumption rooms describe a heavy emotional load and a
risk of burnout, and say they rely on peer support and supervision ({LISBON_2024}).

How do you organise debriefings after a difficult night, and who supervises your team?""",
            ),
            (
                "contact",
                """In our rooms a short debriefing closes every shift, whatever happened, so that it
is never only "the bad nights". External supervision is booked for the whole team, not only
for those who ask for it.

What helped most was never planning anyone alone on a late shift.""",
            ),
            (
                "moderator",
                """Thank you both. A reminder for everyone replying: describe practices, not
people. Please do not name clients or colleagues, even by first name.""",
            ),
        ],
    },
    {
        "category": "planning-a-new-dcr",
        "title": "Community consultation before opening: where to start?",
        "posts": [
            (
                "member",
                f"""{DEMO_LINE}

Our city council has asked for a consultation of residents and businesses before it decides
on a site. Where did you start, and what would you do differently?

For reference, a Canadian application has to include a community consultation report
({HC_APPLY}).""",
            ),
            (
                "contact",
                f"""Start with the site criteria before the site: people accept a process more
easily than a finished choice. Waterloo Region, for example, published its criteria: high need, at
least 1,000 sq ft (ideally 2,000), within a ten-minute walk of where people use, transit
access, near services and reachable by first responders ({WATERLOO}).

In Montreal, CACTUS set up a good-neighbour committee (see its page in the directory).""",
            ),
            (
                "member",
                """That is helpful, thank you. We will publish the criteria first and invite the
neighbours' associations to a meeting before any address is discussed.""",
            ),
        ],
    },
    {
        "category": "research-and-evaluation",
        "title": "Comparing our figures with other rooms",
        "posts": [
            (
                "member",
                f"""{DEMO_LINE}

We would like to compare our yearly figures with other rooms, but every report seems to count
differently. Health Canada, for instance, standardised the reporting of its sites only in March
2020, so its dashboard has two sections ({_src("hc-dashboard")}).

Is there a shared set of definitions we could start from?""",
            ),
            (
                "moderator",
                f"""The evaluation guide of the EMCDDA with ENDCR and C-EHRN (seven steps to an
evaluation plan) was discussed in a workshop at Lisbon Addictions 2024 ({EVALUATION_GUIDE}).
This site's indicator dictionary also gives a definition for each monthly figure.""",
            ),
        ],
    },
    {
        "category": "drug-market-and-alerts",
        "title": "More demand for smoking places?",
        "posts": [
            (
                "contact",
                f"""{DEMO_LINE}

Do others see more people asking to smoke rather than inject? The published examples point
that way: the room in Frankfurt's Niddastraße was rebuilt and went from four smoking places to
16 ({_src("de-borkener")}), and Quai 9 in Geneva added an inhalation room with three places in
2009 ({_src("ch-quai9-inhalation")}).""",
            ),
            (
                "member",
                """We see the same wish among our visitors, but our building has no room that
could be ventilated for smoking. Has anyone converted an existing room, and what did the
ventilation require?""",
            ),
        ],
    },
    {
        "category": "the-user-perspective",
        "title": "What makes a room a place you come back to?",
        "posts": [
            (
                "member",
                f"""{DEMO_LINE}

For those of you who use or have used a consumption room: what made you come back, and what
kept you away? House rules, waiting times, the way staff speak to people?""",
            ),
            (
                "moderator",
                """A welcome thread for everyone's experience. You do not have to say anything
about yourself that you would not want others to know: your handle is enough.""",
            ),
        ],
    },
]
