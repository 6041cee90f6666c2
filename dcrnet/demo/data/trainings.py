# ruff: noqa: E501 (catalogue texts keep their lines)
"""The training catalogue: the three trainings and the experts' help that INDCR names on its home
page (facts file, A1), and the learning material of section B5 that has a source.

Only what shared/data/facts-indcr-and-peers.md says. The network names its trainings without
describing them: their summaries say so and are drawn from the named topic, the network's aims
(A2) and this site's guide. No duration is invented: the network's trainings are "to be agreed
with the organisers", material read at its source is "at your own pace". Learning outcomes of
material whose own outcomes our sources do not give follow its topics, and say so.

English is the source text; French, German, Dutch and Spanish say the same in the terms of
docs/glossary.md (formal register). French texts go through `fr()`, which puts the no-break
space before : ; ? and !.
"""

from __future__ import annotations

import re

from .knowledge_sources import src

LANGUAGES = ("en", "fr", "de", "nl", "es")


def fr(text: str) -> str:
    """French typography: a no-break space (U+00A0) before : ; ? and !."""
    return re.sub(r" ([:;?!])", "\u00a0\\1", text)


def texts(en: dict, fr_: dict, de: dict, nl: dict, es: dict) -> dict[str, dict[str, str]]:
    return {
        "en": en,
        "fr": {field: fr(value) for field, value in fr_.items()},
        "de": de,
        "nl": nl,
        "es": es,
    }


# --- Texts shared by several entries ---------------------------------------------------------

TO_BE_AGREED = {
    "en": "To be agreed with the organisers.",
    "fr": fr("À convenir avec l'équipe organisatrice."),
    "de": "Nach Absprache mit dem Organisationsteam.",
    "nl": "In overleg met de organisatoren.",
    "es": "A convenir con la organización.",
}

# Material read (or followed) at its source: our sources give no duration.
OWN_PACE = {
    "en": "At your own pace; our sources give no duration.",
    "fr": fr("À votre rythme ; nos sources n'indiquent pas de durée."),
    "de": "Im eigenen Tempo; unsere Quellen nennen keine Dauer.",
    "nl": "In uw eigen tempo; onze bronnen noemen geen duur.",
    "es": "A su ritmo; nuestras fuentes no indican la duración.",
}

NONE_PUBLISHED = {
    "en": "None published by the network.",
    "fr": fr("Le réseau n'en a publié aucun."),
    "de": "Das Netzwerk hat keine veröffentlicht.",
    "nl": "Het netwerk heeft er geen gepubliceerd.",
    "es": "La red no ha publicado ninguno.",
}

NONE_STATED = {
    "en": "None stated in our sources.",
    "fr": fr("Nos sources n'en mentionnent aucun."),
    "de": "Unsere Quellen nennen keine.",
    "nl": "Onze bronnen noemen er geen.",
    "es": "Nuestras fuentes no indican ninguno.",
}

# The network's aims (A2): guidance, training and mutual support for organisations that run or
# plan a DCR.
NETWORK_AUDIENCE = {
    "en": "Organisations that run or plan a drug consumption room: guidance, training and mutual support for them is the network's first aim.",
    "fr": fr(
        "Les organisations qui gèrent une salle de consommation ou en préparent une : leur apporter conseil, formation et soutien mutuel est le premier objectif du réseau."
    ),
    "de": "Organisationen, die einen Drogenkonsumraum betreiben oder planen: Beratung, Schulung und gegenseitige Unterstützung für sie sind das erste Ziel des Netzwerks.",
    "nl": "Organisaties die een gebruiksruimte beheren of plannen: hen begeleiden, opleiden en onderling steunen is het eerste doel van het netwerk.",
    "es": "Las entidades que gestionan o planifican una sala de consumo supervisado: ofrecerles orientación, formación y apoyo mutuo es el primer objetivo de la red.",
}

NAMED_ONLY = {
    "en": "One of the three on-site trainings INDCR names on its home page, which has published no description of it: this description is drawn from the topic and from this site's guide.",
    "fr": fr(
        "L'une des trois formations sur site que l'INDCR cite sur sa page d'accueil, sans en avoir publié de description : celle-ci est tirée du thème et du guide de ce site."
    ),
    "de": "Eine der drei Schulungen vor Ort, die INDCR auf seiner Startseite nennt, ohne sie zu beschreiben: Diese Beschreibung ist aus dem Thema und dem Leitfaden dieser Website abgeleitet.",
    "nl": "Een van de drie trainingen op locatie die INDCR op zijn homepage noemt, zonder er een beschrijving van te publiceren: deze beschrijving is afgeleid van het onderwerp en van de handleiding van deze site.",
    "es": "Una de las tres formaciones presenciales que INDCR menciona en su página de inicio, sin haber publicado una descripción: esta se basa en el tema y en la guía de este sitio.",
}

MODULE_OUTCOMES = {
    "en": "_The module states its own learning outcomes at its source; this list follows the module's topics as our sources describe them._",
    "fr": fr(
        "_Le module présente ses propres objectifs d'apprentissage à sa source ; cette liste suit les thèmes du module tels que nos sources les décrivent._"
    ),
    "de": "_Das Modul nennt an seiner Quelle eigene Lernziele; diese Liste folgt den Themen des Moduls, wie unsere Quellen sie beschreiben._",
    "nl": "_De module vermeldt bij de bron eigen leerdoelen; deze lijst volgt de onderwerpen van de module zoals onze bronnen die beschrijven._",
    "es": "_El módulo indica sus propios objetivos de aprendizaje en su fuente; esta lista sigue los temas del módulo tal como los describen nuestras fuentes._",
}

GUIDE_OUTCOMES = {
    "en": "_Our sources state no learning outcomes for this document; this list follows the steps of the guide that draw on it._",
    "fr": fr(
        "_Nos sources n'indiquent pas d'objectifs d'apprentissage pour ce document ; cette liste suit les étapes du guide qui s'appuient sur lui._"
    ),
    "de": "_Unsere Quellen nennen für dieses Dokument keine Lernziele; diese Liste folgt den Schritten des Leitfadens, die sich darauf stützen._",
    "nl": "_Onze bronnen noemen voor dit document geen leerdoelen; deze lijst volgt de stappen van de handleiding die erop steunen._",
    "es": "_Nuestras fuentes no indican objetivos de aprendizaje para este documento; esta lista sigue los pasos de la guía que se apoyan en él._",
}

NETWORK_NOTE = (
    "INDCR's home page names this training (Exchange / visits / trainings) without a published"
    " description: the summary, outcomes and audience here are drawn from the named topic, the"
    " network's aims and this site's guide."
)
MODULE_NOTE = (
    "Content as our sources list it (facts file, B5); the course's own pages give the full text"
    " and the module's learning outcomes."
)
DOCUMENT_NOTE = (
    "Described from our sources (facts file, B5); the outcomes follow the steps of this site's"
    " guide that draw on the document."
)


STEPS_ALL = [
    "needs-assessment",
    "coalition-and-stakeholders",
    "legal-route",
    "site-selection",
    "community-consultation",
    "floor-plan-and-house-rules",
    "funding",
    "staffing-and-training",
    "evaluation-plan",
    "opening-and-first-year",
]

# Each entry: `slug`; `format`; `languages` it is given in (ISO 639-1, only where our sources
# show it: [] when they do not); `topic` (an expertise tag's slug); the guide `steps` it serves;
# `documents` (slugs) and evidence `references` (seed bibliography numbers) as its materials;
# `provider` ("" for the network); `source` (a key of ALL_SOURCES); `source_note`; `text`.
CATALOGUE: list[dict] = [
    # INDCR's three trainings (A1) ---------------------------------------------------------------
    {
        "slug": "running-a-dcr",
        "format": "on_site",
        "languages": [],
        "topic": "running-a-dcr",
        "steps": ["floor-plan-and-house-rules", "staffing-and-training", "opening-and-first-year"],
        "documents": [
            "bccsu-operational-guidance",
            "safer-consumption-spaces",
            "emcdda-miniguide-dcr",
        ],
        "references": [13, 46],
        "provider": "",
        "source": "indcr-home",
        "source_note": NETWORK_NOTE,
        "text": texts(
            {
                "title": "Running a drug consumption room",
                "summary": f"""{NAMED_ONLY["en"]}

Running a room means managing and maintaining it from both the professional and the user perspective, as the network puts it ({src("indcr-home", "INDCR")}): its rooms, places, services and house rules (guide, step 6), a team and its training (step 8), and the first weeks and the first year of operation (step 10).""",
                "outcomes": """- Plan the rooms, places and services of a drug consumption room and write its house rules (guide, step 6).
- Build and train a multidisciplinary team and plan its supervision (step 8).
- Prepare the opening and follow the first year of operation (step 10).""",
                "audience": NETWORK_AUDIENCE["en"],
                "prerequisites": NONE_PUBLISHED["en"],
                "duration": TO_BE_AGREED["en"],
            },
            {
                "title": "Gérer une salle de consommation",
                "summary": f"""{NAMED_ONLY["fr"]}

Gérer une salle, c'est la faire fonctionner et la maintenir du point de vue des professionnels comme de celui des usagers, selon les termes du réseau ({src("indcr-home", "INDCR")}) : ses espaces, ses places, ses services et son règlement intérieur (guide, étape 6), une équipe et sa formation (étape 8), les premières semaines et la première année de fonctionnement (étape 10).""",
                "outcomes": """- Prévoir les espaces, les places et les services d'une salle de consommation et rédiger son règlement intérieur (guide, étape 6).
- Constituer et former une équipe pluridisciplinaire et prévoir sa supervision (étape 8).
- Préparer l'ouverture et suivre la première année de fonctionnement (étape 10).""",
                "audience": NETWORK_AUDIENCE["fr"],
                "prerequisites": NONE_PUBLISHED["fr"],
                "duration": TO_BE_AGREED["fr"],
            },
            {
                "title": "Betrieb eines Drogenkonsumraums",
                "summary": f"""{NAMED_ONLY["de"]}

Einen Konsumraum zu betreiben heißt, ihn aus fachlicher Sicht wie aus Sicht der Nutzer:innen zu führen und zu erhalten, wie das Netzwerk es formuliert ({src("indcr-home", "INDCR")}): seine Räume, Plätze, Angebote und seine Hausordnung (Leitfaden, Schritt 6), ein Team und seine Schulung (Schritt 8) sowie die ersten Wochen und das erste Betriebsjahr (Schritt 10).""",
                "outcomes": """- Räume, Plätze und Angebote eines Drogenkonsumraums planen und seine Hausordnung schreiben (Leitfaden, Schritt 6).
- Ein multiprofessionelles Team aufbauen und schulen und seine Supervision planen (Schritt 8).
- Die Eröffnung vorbereiten und das erste Betriebsjahr begleiten (Schritt 10).""",
                "audience": NETWORK_AUDIENCE["de"],
                "prerequisites": NONE_PUBLISHED["de"],
                "duration": TO_BE_AGREED["de"],
            },
            {
                "title": "Een gebruiksruimte beheren",
                "summary": f"""{NAMED_ONLY["nl"]}

Een gebruiksruimte beheren betekent haar laten werken en onderhouden vanuit het perspectief van zowel de hulpverleners als de bezoekers, in de woorden van het netwerk ({src("indcr-home", "INDCR")}): de ruimten, plekken, diensten en huisregels (handleiding, stap 6), een team en zijn opleiding (stap 8), en de eerste weken en het eerste jaar (stap 10).""",
                "outcomes": """- De ruimten, plekken en diensten van een gebruiksruimte plannen en de huisregels opstellen (handleiding, stap 6).
- Een multidisciplinair team samenstellen en opleiden en de supervisie ervan plannen (stap 8).
- De opening voorbereiden en het eerste jaar volgen (stap 10).""",
                "audience": NETWORK_AUDIENCE["nl"],
                "prerequisites": NONE_PUBLISHED["nl"],
                "duration": TO_BE_AGREED["nl"],
            },
            {
                "title": "Gestión de una sala de consumo supervisado",
                "summary": f"""{NAMED_ONLY["es"]}

Gestionar una sala es hacerla funcionar y mantenerla desde la perspectiva de los profesionales y de los usuarios/as, en palabras de la red ({src("indcr-home", "INDCR")}): sus espacios, plazas, servicios y normas internas (guía, paso 6), un equipo y su formación (paso 8), y las primeras semanas y el primer año de funcionamiento (paso 10).""",
                "outcomes": """- Planificar los espacios, las plazas y los servicios de una sala de consumo supervisado y redactar sus normas internas (guía, paso 6).
- Formar un equipo multidisciplinar, capacitarlo y planificar su supervisión (paso 8).
- Preparar la apertura y acompañar el primer año de funcionamiento (paso 10).""",
                "audience": NETWORK_AUDIENCE["es"],
                "prerequisites": NONE_PUBLISHED["es"],
                "duration": TO_BE_AGREED["es"],
            },
        ),
    },
    {
        "slug": "health-prevention-in-a-dcr",
        "format": "on_site",
        "languages": [],
        "topic": "health-prevention",
        "steps": ["floor-plan-and-house-rules", "staffing-and-training"],
        "documents": ["emcdda-miniguide-dcr", "bccsu-operational-guidance"],
        "references": [11, 24, 25],
        "provider": "",
        "source": "indcr-home",
        "source_note": NETWORK_NOTE,
        "text": texts(
            {
                "title": "Health prevention in a drug consumption room",
                "summary": f"""{NAMED_ONLY["en"]}

Its ground is the EMCDDA's checklist of what rooms provide: sterile injecting and smoking equipment, on-site overdose response, counselling, primary care, training in safer use, overdose and naloxone, opioid agonist treatment and referral ({src("emcdda-miniguide", "EMCDDA mini-guide")}). The network's census of rooms in 2016 asked about hepatitis C testing and treatment ({src("indcr-survey-2017", "INDCR, DCR survey 2017")}).""",
                "outcomes": """- Describe the health services a room can offer, after the EMCDDA's checklist (guide, step 6).
- Plan training for clients in safer use, overdose and naloxone (step 8).
- Organise the response to an overdose on site and referral to treatment and care.""",
                "audience": NETWORK_AUDIENCE["en"],
                "prerequisites": NONE_PUBLISHED["en"],
                "duration": TO_BE_AGREED["en"],
            },
            {
                "title": "Prévention santé en salle de consommation",
                "summary": f"""{NAMED_ONLY["fr"]}

Elle s'appuie sur la liste des services des salles établie par l'EMCDDA : matériel stérile d'injection et d'inhalation, prise en charge des surdoses sur place, conseil, soins de premier recours, formation à la consommation à moindre risque, aux surdoses et à la naloxone, traitement de substitution aux opioïdes et orientation ({src("emcdda-miniguide", "mini-guide de l'EMCDDA")}). Le recensement des salles mené par le réseau en 2016 portait sur le dépistage et le traitement de l'hépatite C ({src("indcr-survey-2017", "INDCR, enquête 2017")}).""",
                "outcomes": """- Décrire les services de santé qu'une salle peut proposer, d'après la liste de l'EMCDDA (guide, étape 6).
- Prévoir la formation des usagers à la consommation à moindre risque, aux surdoses et à la naloxone (étape 8).
- Organiser la prise en charge d'une surdose sur place et l'orientation vers le traitement et les soins.""",
                "audience": NETWORK_AUDIENCE["fr"],
                "prerequisites": NONE_PUBLISHED["fr"],
                "duration": TO_BE_AGREED["fr"],
            },
            {
                "title": "Gesundheitsprävention im Drogenkonsumraum",
                "summary": f"""{NAMED_ONLY["de"]}

Grundlage ist die Liste der Angebote von Konsumräumen der EMCDDA: steriles Injektions- und Rauchzubehör, Versorgung von Drogennotfällen vor Ort, Beratung, medizinische Grundversorgung, Schulungen zu Safer Use, Überdosis und Naloxon, Substitutionsbehandlung und Weitervermittlung ({src("emcdda-miniguide", "Mini-Guide der EMCDDA")}). Die Erhebung des Netzwerks unter den Konsumräumen 2016 fragte nach Testung und Behandlung von Hepatitis C ({src("indcr-survey-2017", "INDCR, Erhebung 2017")}).""",
                "outcomes": """- Die Gesundheitsangebote beschreiben, die ein Konsumraum machen kann, nach der Liste der EMCDDA (Leitfaden, Schritt 6).
- Schulungen für Klient:innen zu Safer Use, Überdosis und Naloxon planen (Schritt 8).
- Die Versorgung eines Drogennotfalls vor Ort und die Weitervermittlung in Behandlung und Versorgung organisieren.""",
                "audience": NETWORK_AUDIENCE["de"],
                "prerequisites": NONE_PUBLISHED["de"],
                "duration": TO_BE_AGREED["de"],
            },
            {
                "title": "Gezondheidspreventie in een gebruiksruimte",
                "summary": f"""{NAMED_ONLY["nl"]}

De basis is de lijst van het EMCDDA met wat gebruiksruimten bieden: steriel injectie- en rookmateriaal, opvang van overdoses ter plaatse, counseling, eerstelijnszorg, training in veiliger gebruik, overdosis en naloxon, substitutiebehandeling en doorverwijzing ({src("emcdda-miniguide", "mini-gids van het EMCDDA")}). De telling van gebruiksruimten die het netwerk in 2016 hield, ging over testen op en behandelen van hepatitis C ({src("indcr-survey-2017", "INDCR, enquête 2017")}).""",
                "outcomes": """- De gezondheidsdiensten beschrijven die een gebruiksruimte kan bieden, naar de lijst van het EMCDDA (handleiding, stap 6).
- Training voor bezoekers plannen in veiliger gebruik, overdosis en naloxon (stap 8).
- De opvang van een overdosis ter plaatse en de doorverwijzing naar behandeling en zorg organiseren.""",
                "audience": NETWORK_AUDIENCE["nl"],
                "prerequisites": NONE_PUBLISHED["nl"],
                "duration": TO_BE_AGREED["nl"],
            },
            {
                "title": "Prevención en salud en una sala de consumo supervisado",
                "summary": f"""{NAMED_ONLY["es"]}

Parte de la lista de servicios de las salas que establece el EMCDDA: material estéril para inyectarse y fumar, atención de sobredosis en la propia sala, asesoramiento, atención primaria, formación en consumo de menor riesgo, sobredosis y naloxona, tratamiento con agonistas opioides y derivación ({src("emcdda-miniguide", "miniguía del EMCDDA")}). El censo de salas que la red realizó en 2016 preguntaba por la detección y el tratamiento de la hepatitis C ({src("indcr-survey-2017", "INDCR, encuesta 2017")}).""",
                "outcomes": """- Describir los servicios de salud que puede ofrecer una sala, según la lista del EMCDDA (guía, paso 6).
- Planificar la formación de los usuarios/as en consumo de menor riesgo, sobredosis y naloxona (paso 8).
- Organizar la atención de una sobredosis en la propia sala y la derivación a tratamiento y cuidados.""",
                "audience": NETWORK_AUDIENCE["es"],
                "prerequisites": NONE_PUBLISHED["es"],
                "duration": TO_BE_AGREED["es"],
            },
        ),
    },
    {
        "slug": "cost-effectiveness",
        "format": "on_site",
        "languages": [],
        "topic": "cost-effectiveness",
        "steps": ["funding", "evaluation-plan"],
        "documents": ["evaluation-guide-7-steps"],
        "references": [37, 51, 52, 61, 62, 66],
        "provider": "",
        "source": "indcr-home",
        "source_note": NETWORK_NOTE,
        "text": texts(
            {
                "title": "Cost-effectiveness of drug consumption rooms",
                "summary": f"""{NAMED_ONLY["en"]}

It links what a room costs to set up and to run (guide, step 7) with what its evaluation measures (step 9). The evidence library holds cost-effectiveness and cost-benefit studies of rooms in Vancouver, Toronto and Ottawa, Baltimore and Calgary, among others; they are among this training's materials.""",
                "outcomes": """- Read a cost-effectiveness or cost-benefit study of a room: what it counts as costs and as effects.
- List the set-up and running costs of a room for a funding application (guide, step 7).
- Plan which costs and outcomes the room's evaluation will record (step 9).""",
                "audience": NETWORK_AUDIENCE["en"],
                "prerequisites": NONE_PUBLISHED["en"],
                "duration": TO_BE_AGREED["en"],
            },
            {
                "title": "Coût-efficacité des salles de consommation",
                "summary": f"""{NAMED_ONLY["fr"]}

Elle relie ce que coûtent l'aménagement et le fonctionnement d'une salle (guide, étape 7) à ce que mesure son évaluation (étape 9). La bibliothèque scientifique contient des études coût-efficacité et coût-bénéfice de salles à Vancouver, Toronto et Ottawa, Baltimore et Calgary, entre autres ; elles figurent parmi les ressources de cette formation.""",
                "outcomes": """- Lire une étude coût-efficacité ou coût-bénéfice d'une salle : ce qu'elle compte comme coûts et comme effets.
- Établir les coûts d'aménagement et de fonctionnement d'une salle pour une demande de financement (guide, étape 7).
- Prévoir les coûts et les critères de résultat que l'évaluation de la salle relèvera (étape 9).""",
                "audience": NETWORK_AUDIENCE["fr"],
                "prerequisites": NONE_PUBLISHED["fr"],
                "duration": TO_BE_AGREED["fr"],
            },
            {
                "title": "Kosteneffektivität von Drogenkonsumräumen",
                "summary": f"""{NAMED_ONLY["de"]}

Sie verbindet, was Einrichtung und Betrieb eines Konsumraums kosten (Leitfaden, Schritt 7), mit dem, was seine Evaluation misst (Schritt 9). Die Studienbibliothek enthält Kosteneffektivitäts- und Kosten-Nutzen-Studien zu Konsumräumen unter anderem in Vancouver, Toronto und Ottawa, Baltimore und Calgary; sie gehören zu den Materialien dieser Schulung.""",
                "outcomes": """- Eine Kosteneffektivitäts- oder Kosten-Nutzen-Studie zu einem Konsumraum lesen: was sie als Kosten und als Wirkungen zählt.
- Die Einrichtungs- und Betriebskosten eines Konsumraums für einen Finanzierungsantrag aufstellen (Leitfaden, Schritt 7).
- Planen, welche Kosten und Endpunkte die Evaluation des Konsumraums erfasst (Schritt 9).""",
                "audience": NETWORK_AUDIENCE["de"],
                "prerequisites": NONE_PUBLISHED["de"],
                "duration": TO_BE_AGREED["de"],
            },
            {
                "title": "Kosteneffectiviteit van gebruiksruimten",
                "summary": f"""{NAMED_ONLY["nl"]}

Ze verbindt wat de inrichting en de exploitatie van een gebruiksruimte kosten (handleiding, stap 7) met wat de evaluatie ervan meet (stap 9). De bibliotheek van onderzoek bevat kosteneffectiviteits- en kosten-batenstudies van gebruiksruimten in onder meer Vancouver, Toronto en Ottawa, Baltimore en Calgary; ze horen bij het materiaal van deze training.""",
                "outcomes": """- Een kosteneffectiviteits- of kosten-batenstudie van een gebruiksruimte lezen: wat ze als kosten en als effecten telt.
- De inrichtings- en exploitatiekosten van een gebruiksruimte opstellen voor een financieringsaanvraag (handleiding, stap 7).
- Plannen welke kosten en uitkomstmaten de evaluatie van de gebruiksruimte vastlegt (stap 9).""",
                "audience": NETWORK_AUDIENCE["nl"],
                "prerequisites": NONE_PUBLISHED["nl"],
                "duration": TO_BE_AGREED["nl"],
            },
            {
                "title": "Coste-efectividad de las salas de consumo supervisado",
                "summary": f"""{NAMED_ONLY["es"]}

Relaciona lo que cuesta poner en marcha y mantener una sala (guía, paso 7) con lo que mide su evaluación (paso 9). La biblioteca de evidencia contiene estudios de coste-efectividad y de coste-beneficio de salas en Vancouver, Toronto y Ottawa, Baltimore y Calgary, entre otras; forman parte de los materiales de esta formación.""",
                "outcomes": """- Leer un estudio de coste-efectividad o de coste-beneficio de una sala: qué cuenta como costes y como efectos.
- Detallar los costes de puesta en marcha y de funcionamiento de una sala para una solicitud de financiación (guía, paso 7).
- Planificar qué costes y resultados registrará la evaluación de la sala (paso 9).""",
                "audience": NETWORK_AUDIENCE["es"],
                "prerequisites": NONE_PUBLISHED["es"],
                "duration": TO_BE_AGREED["es"],
            },
        ),
    },
    {
        "slug": "how-to-help-for-new-dcrs",
        "format": "hybrid",
        "languages": [],
        "topic": None,
        "steps": STEPS_ALL,
        "documents": [],
        "references": [],
        "provider": "",
        "source": "indcr-home",
        "source_note": (
            "INDCR's home page offers 'how-to' help for new DCRs through contact with 'our"
            " experts', without a published description: this one says how the help starts on"
            " this site (the guide and the experts)."
        ),
        "text": texts(
            {
                "title": "How-to help for new DCRs from the network's experts",
                "summary": f"""INDCR's home page offers new drug consumption rooms "how-to" help through contact with the network's experts ({src("indcr-home", "INDCR")}). The network has published no description of how this help works. On this site it starts from the guide to opening a DCR: find the step your project has reached, then the experts who know that step, and ask them.""",
                "outcomes": """- Know which step of the guide your project has reached and what that step asks for.
- Find an expert who knows that step and ask for advice.
- Take the advice back into your project's plan.""",
                "audience": "Teams opening a new drug consumption room, and organisations planning one.",
                "prerequisites": NONE_PUBLISHED["en"],
                "duration": TO_BE_AGREED["en"],
            },
            {
                "title": "Accompagnement des nouvelles salles par les expert·es du réseau",
                "summary": f"""La page d'accueil de l'INDCR propose aux nouvelles salles de consommation un accompagnement pratique grâce au contact avec les expert·es du réseau ({src("indcr-home", "INDCR")}). Le réseau n'a pas publié de description de cet accompagnement. Sur ce site, il part du guide pour ouvrir une salle : trouvez l'étape où en est votre projet, puis les expert·es de cette étape, et posez-leur vos questions.""",
                "outcomes": """- Savoir à quelle étape du guide se trouve votre projet et ce que cette étape demande.
- Trouver un·e expert·e de cette étape et lui demander conseil.
- Intégrer ce conseil au plan de votre projet.""",
                "audience": "Les équipes qui ouvrent une nouvelle salle de consommation et les organisations qui en préparent une.",
                "prerequisites": NONE_PUBLISHED["fr"],
                "duration": TO_BE_AGREED["fr"],
            },
            {
                "title": "Praxishilfe für neue Drogenkonsumräume durch die Expert:innen des Netzwerks",
                "summary": f"""Auf seiner Startseite bietet INDCR neuen Drogenkonsumräumen praktische Hilfe durch den Kontakt mit den Expert:innen des Netzwerks an ({src("indcr-home", "INDCR")}). Wie diese Hilfe abläuft, hat das Netzwerk nicht beschrieben. Auf dieser Website beginnt sie beim Leitfaden zur Eröffnung eines Drogenkonsumraums: Suchen Sie den Schritt, an dem Ihr Projekt steht, dann die Expert:innen für diesen Schritt, und fragen Sie sie.""",
                "outcomes": """- Wissen, an welchem Schritt des Leitfadens Ihr Projekt steht und was dieser Schritt verlangt.
- Expert:innen für diesen Schritt finden und um Rat fragen.
- Den Rat in den Plan Ihres Projekts übernehmen.""",
                "audience": "Teams, die einen neuen Drogenkonsumraum eröffnen, und Organisationen, die einen planen.",
                "prerequisites": NONE_PUBLISHED["de"],
                "duration": TO_BE_AGREED["de"],
            },
            {
                "title": "Praktische hulp voor nieuwe gebruiksruimten door de experts van het netwerk",
                "summary": f"""Op zijn homepage biedt INDCR nieuwe gebruiksruimten praktische hulp aan via contact met de experts van het netwerk ({src("indcr-home", "INDCR")}). Hoe die hulp verloopt, heeft het netwerk niet beschreven. Op deze site begint ze bij de handleiding voor het openen van een gebruiksruimte: zoek de stap waar uw project staat, dan de experts voor die stap, en stel hun uw vragen.""",
                "outcomes": """- Weten bij welke stap van de handleiding uw project staat en wat die stap vraagt.
- Een expert voor die stap vinden en om advies vragen.
- Het advies verwerken in het plan van uw project.""",
                "audience": "Teams die een nieuwe gebruiksruimte openen, en organisaties die er een plannen.",
                "prerequisites": NONE_PUBLISHED["nl"],
                "duration": TO_BE_AGREED["nl"],
            },
            {
                "title": "Ayuda práctica para nuevas salas con las personas expertas de la red",
                "summary": f"""La página de inicio de INDCR ofrece a las nuevas salas de consumo supervisado ayuda práctica mediante el contacto con las personas expertas de la red ({src("indcr-home", "INDCR")}). La red no ha descrito cómo funciona esta ayuda. En este sitio parte de la guía para abrir una sala: busque el paso en el que está su proyecto, después a las personas expertas en ese paso, y consúltelas.""",
                "outcomes": """- Saber en qué paso de la guía está su proyecto y qué exige ese paso.
- Encontrar a un experto/a en ese paso y pedirle consejo.
- Incorporar el consejo al plan de su proyecto.""",
                "audience": "Equipos que abren una nueva sala de consumo supervisado y entidades que planifican una.",
                "prerequisites": NONE_PUBLISHED["es"],
                "duration": TO_BE_AGREED["es"],
            },
        ),
    },
    # SOLID-EXCEED e-learning (B5) ---------------------------------------------------------------
    {
        "slug": "solid-exceed-dcr-module-1",
        "format": "online",
        "languages": ["en"],
        "topic": "site-selection",
        "steps": ["site-selection"],
        "documents": ["emcdda-drug-consumption-rooms-2023", "emcdda-miniguide-dcr"],
        "references": [1, 2, 3],
        "provider": "SOLID-EXCEED",
        "source": "solid-exceed-m1",
        "source_note": MODULE_NOTE,
        "text": texts(
            {
                "title": "SOLID-EXCEED e-learning on drug consumption rooms: module 1, introduction and foundation",
                "summary": f"""The first module of SOLID-EXCEED's e-learning course on drug consumption rooms: an introduction to what rooms are, their history and their types, integrated and specialised ({src("solid-exceed-m1", "SOLID-EXCEED, module 1")}). Zürich, one of its examples, opened its first room in 1987. Each module of the course states its learning outcomes and leads on to the next.""",
                "outcomes": f"""- Explain what a drug consumption room is.
- Outline the history of drug consumption rooms.
- Tell integrated and specialised rooms apart.

{MODULE_OUTCOMES["en"]}""",
                "audience": "Not stated in our sources; the first module starts from the basics.",
                "prerequisites": NONE_STATED["en"],
                "duration": OWN_PACE["en"],
            },
            {
                "title": "Formation en ligne SOLID-EXCEED sur les salles de consommation : module 1, introduction et fondements",
                "summary": f"""Le premier module de la formation en ligne SOLID-EXCEED sur les salles de consommation : ce que sont les salles, leur histoire et leurs types, intégré et spécialisé ({src("solid-exceed-m1", "SOLID-EXCEED, module 1")}). Zurich, l'un de ses exemples, a ouvert sa première salle en 1987. Chaque module de la formation présente ses objectifs d'apprentissage et mène au suivant.""",
                "outcomes": f"""- Expliquer ce qu'est une salle de consommation.
- Retracer l'histoire des salles de consommation.
- Distinguer les salles intégrées des salles spécialisées.

{MODULE_OUTCOMES["fr"]}""",
                "audience": "Non précisé dans nos sources ; le premier module part des bases.",
                "prerequisites": NONE_STATED["fr"],
                "duration": OWN_PACE["fr"],
            },
            {
                "title": "SOLID-EXCEED-E-Learning zu Drogenkonsumräumen: Modul 1, Einführung und Grundlagen",
                "summary": f"""Das erste Modul des E-Learning-Kurses von SOLID-EXCEED zu Drogenkonsumräumen: was Konsumräume sind, ihre Geschichte und ihre Typen, integriert und spezialisiert ({src("solid-exceed-m1", "SOLID-EXCEED, Modul 1")}). Zürich, eines seiner Beispiele, eröffnete seinen ersten Konsumraum 1987. Jedes Modul des Kurses nennt seine Lernziele und führt zum nächsten.""",
                "outcomes": f"""- Erklären, was ein Drogenkonsumraum ist.
- Die Geschichte der Drogenkonsumräume skizzieren.
- Integrierte und spezialisierte Konsumräume unterscheiden.

{MODULE_OUTCOMES["de"]}""",
                "audience": "In unseren Quellen nicht angegeben; das erste Modul beginnt bei den Grundlagen.",
                "prerequisites": NONE_STATED["de"],
                "duration": OWN_PACE["de"],
            },
            {
                "title": "SOLID-EXCEED-e-learning over gebruiksruimten: module 1, inleiding en basis",
                "summary": f"""De eerste module van de e-learningcursus van SOLID-EXCEED over gebruiksruimten: wat gebruiksruimten zijn, hun geschiedenis en hun typen, geïntegreerd en gespecialiseerd ({src("solid-exceed-m1", "SOLID-EXCEED, module 1")}). Zürich, een van de voorbeelden, opende zijn eerste gebruiksruimte in 1987. Elke module van de cursus vermeldt haar leerdoelen en leidt naar de volgende.""",
                "outcomes": f"""- Uitleggen wat een gebruiksruimte is.
- De geschiedenis van gebruiksruimten schetsen.
- Geïntegreerde en gespecialiseerde gebruiksruimten van elkaar onderscheiden.

{MODULE_OUTCOMES["nl"]}""",
                "audience": "Niet vermeld in onze bronnen; de eerste module begint bij de basis.",
                "prerequisites": NONE_STATED["nl"],
                "duration": OWN_PACE["nl"],
            },
            {
                "title": "Curso en línea SOLID-EXCEED sobre salas de consumo supervisado: módulo 1, introducción y fundamentos",
                "summary": f"""El primer módulo del curso en línea de SOLID-EXCEED sobre salas de consumo supervisado: qué son las salas, su historia y sus tipos, integrado y especializado ({src("solid-exceed-m1", "SOLID-EXCEED, módulo 1")}). Zúrich, uno de sus ejemplos, abrió su primera sala en 1987. Cada módulo del curso indica sus objetivos de aprendizaje y lleva al siguiente.""",
                "outcomes": f"""- Explicar qué es una sala de consumo supervisado.
- Resumir la historia de las salas de consumo supervisado.
- Distinguir las salas integradas de las especializadas.

{MODULE_OUTCOMES["es"]}""",
                "audience": "No consta en nuestras fuentes; el primer módulo parte de lo básico.",
                "prerequisites": NONE_STATED["es"],
                "duration": OWN_PACE["es"],
            },
        ),
    },
    {
        "slug": "solid-exceed-dcr-module-2",
        "format": "online",
        "languages": ["en"],
        "topic": "floor-plan-and-house-rules",
        "steps": [
            "coalition-and-stakeholders",
            "legal-route",
            "site-selection",
            "floor-plan-and-house-rules",
        ],
        "documents": ["emcdda-drug-consumption-rooms-2023", "safer-consumption-spaces"],
        "references": [4, 13],
        "provider": "SOLID-EXCEED",
        "source": "solid-exceed-m2",
        "source_note": MODULE_NOTE,
        "text": texts(
            {
                "title": "SOLID-EXCEED e-learning on drug consumption rooms: module 2",
                "summary": f"""The second module of SOLID-EXCEED's e-learning course on drug consumption rooms ({src("solid-exceed-m2", "SOLID-EXCEED")}) covers:

- the location and the venue;
- the rooms a service needs: a waiting area, toilets and showers, injecting and smoking rooms, a consulting room;
- the number of places: on average 7.41 injecting and 6.73 smoking places per European room, after Woods (2014); Skyen in Copenhagen has 8 injecting and 20 smoking places;
- legal frameworks;
- partnerships with the city, police, health services and residents.""",
                "outcomes": f"""- Weigh a location and a venue for a room.
- List the rooms a service needs and size its injecting and smoking places.
- Describe the legal frameworks rooms work under.
- Plan partnerships with the city, police, health services and residents.

{MODULE_OUTCOMES["en"]}""",
                "audience": "Not stated in our sources.",
                "prerequisites": "Module 1 of the same course comes before it.",
                "duration": OWN_PACE["en"],
            },
            {
                "title": "Formation en ligne SOLID-EXCEED sur les salles de consommation : module 2",
                "summary": f"""Le deuxième module de la formation en ligne SOLID-EXCEED sur les salles de consommation ({src("solid-exceed-m2", "SOLID-EXCEED")}) traite :

- de l'emplacement et des locaux ;
- des espaces dont le service a besoin : une salle d'attente, des toilettes et douches, des espaces d'injection et d'inhalation, un local de consultation ;
- du nombre de places : en moyenne 7,41 places d'injection et 6,73 places d'inhalation par salle européenne, d'après Woods (2014) ; Skyen, à Copenhague, compte 8 places d'injection et 20 places d'inhalation ;
- des cadres juridiques ;
- des partenariats avec la ville, la police, les services de santé et les riverains.""",
                "outcomes": f"""- Évaluer un emplacement et des locaux pour une salle.
- Énumérer les espaces dont le service a besoin et dimensionner ses places d'injection et d'inhalation.
- Décrire les cadres juridiques dans lesquels les salles fonctionnent.
- Prévoir les partenariats avec la ville, la police, les services de santé et les riverains.

{MODULE_OUTCOMES["fr"]}""",
                "audience": "Non précisé dans nos sources.",
                "prerequisites": "Le module 1 de la même formation le précède.",
                "duration": OWN_PACE["fr"],
            },
            {
                "title": "SOLID-EXCEED-E-Learning zu Drogenkonsumräumen: Modul 2",
                "summary": f"""Das zweite Modul des E-Learning-Kurses von SOLID-EXCEED zu Drogenkonsumräumen ({src("solid-exceed-m2", "SOLID-EXCEED")}) behandelt:

- Lage und Räumlichkeiten;
- die Räume, die ein Angebot braucht: einen Wartebereich, Toiletten und Duschen, Injektions- und Rauchräume, einen Beratungsraum;
- die Zahl der Plätze: im Durchschnitt 7,41 Injektions- und 6,73 Rauchplätze je europäischem Konsumraum, nach Woods (2014); Skyen in Kopenhagen hat 8 Injektions- und 20 Rauchplätze;
- rechtliche Rahmenbedingungen;
- Partnerschaften mit Stadt, Polizei, Gesundheitsdiensten und Anwohnenden.""",
                "outcomes": f"""- Eine Lage und Räumlichkeiten für einen Konsumraum abwägen.
- Die Räume aufzählen, die ein Angebot braucht, und die Zahl seiner Injektions- und Rauchplätze bemessen.
- Die rechtlichen Rahmenbedingungen beschreiben, unter denen Konsumräume arbeiten.
- Partnerschaften mit Stadt, Polizei, Gesundheitsdiensten und Anwohnenden planen.

{MODULE_OUTCOMES["de"]}""",
                "audience": "In unseren Quellen nicht angegeben.",
                "prerequisites": "Modul 1 desselben Kurses geht ihm voraus.",
                "duration": OWN_PACE["de"],
            },
            {
                "title": "SOLID-EXCEED-e-learning over gebruiksruimten: module 2",
                "summary": f"""De tweede module van de e-learningcursus van SOLID-EXCEED over gebruiksruimten ({src("solid-exceed-m2", "SOLID-EXCEED")}) behandelt:

- de locatie en het gebouw;
- de ruimten die een voorziening nodig heeft: een wachtruimte, toiletten en douches, injectie- en rookruimten, een spreekkamer;
- het aantal plekken: gemiddeld 7,41 injectie- en 6,73 rookplekken per Europese gebruiksruimte, naar Woods (2014); Skyen in Kopenhagen heeft 8 injectie- en 20 rookplekken;
- juridische kaders;
- samenwerking met de gemeente, de politie, de gezondheidszorg en omwonenden.""",
                "outcomes": f"""- Een locatie en een gebouw voor een gebruiksruimte afwegen.
- De ruimten opsommen die een voorziening nodig heeft en het aantal injectie- en rookplekken bepalen.
- De juridische kaders beschrijven waarbinnen gebruiksruimten werken.
- Samenwerking plannen met de gemeente, de politie, de gezondheidszorg en omwonenden.

{MODULE_OUTCOMES["nl"]}""",
                "audience": "Niet vermeld in onze bronnen.",
                "prerequisites": "Module 1 van dezelfde cursus gaat eraan vooraf.",
                "duration": OWN_PACE["nl"],
            },
            {
                "title": "Curso en línea SOLID-EXCEED sobre salas de consumo supervisado: módulo 2",
                "summary": f"""El segundo módulo del curso en línea de SOLID-EXCEED sobre salas de consumo supervisado ({src("solid-exceed-m2", "SOLID-EXCEED")}) trata:

- la ubicación y el local;
- los espacios que necesita un centro: una sala de espera, aseos y duchas, salas para inyectarse y para fumar, una consulta;
- el número de plazas: una media de 7,41 plazas de inyección y 6,73 para fumar por sala europea, según Woods (2014); Skyen, en Copenhague, tiene 8 plazas de inyección y 20 para fumar;
- los marcos jurídicos;
- las alianzas con el ayuntamiento, la policía, los servicios de salud y el vecindario.""",
                "outcomes": f"""- Valorar una ubicación y un local para una sala.
- Enumerar los espacios que necesita un centro y dimensionar sus plazas de inyección y para fumar.
- Describir los marcos jurídicos en los que funcionan las salas.
- Planificar alianzas con el ayuntamiento, la policía, los servicios de salud y el vecindario.

{MODULE_OUTCOMES["es"]}""",
                "audience": "No consta en nuestras fuentes.",
                "prerequisites": "Lo precede el módulo 1 del mismo curso.",
                "duration": OWN_PACE["es"],
            },
        ),
    },
    # Guidance and manuals with a source (B1, B5) ------------------------------------------------
    {
        "slug": "nhrc-opc-training-guide",
        "format": "online",
        "languages": ["en"],
        "topic": "staffing-and-training",
        "steps": ["staffing-and-training"],
        "documents": [],
        "references": [],
        "provider": "National Harm Reduction Coalition",
        "source": "nhrc",
        "source_note": (
            "The facts file (B5) names the coalition's OPC training guide, reached from this"
            " page; our sources do not describe its content."
        ),
        "text": texts(
            {
                "title": "Overdose prevention centre (OPC) training guide",
                "summary": f"""A training guide on overdose prevention centres (OPCs) by the National Harm Reduction Coalition, offered with its overview of supervised consumption services in the United States ({src("nhrc", "National Harm Reduction Coalition")}). Our sources name the guide without describing its content: read it at its source.""",
                "outcomes": "Our sources do not list its learning outcomes: the guide, at its source, says what it covers.",
                "audience": "Not stated in our sources. The guide belongs to the coalition's overview of supervised consumption services in the United States.",
                "prerequisites": NONE_STATED["en"],
                "duration": OWN_PACE["en"],
            },
            {
                "title": "Guide de formation sur les centres de prévention des surdoses (OPC)",
                "summary": f"""Un guide de formation sur les centres de prévention des surdoses (overdose prevention centres, OPC) de la National Harm Reduction Coalition, proposé avec sa présentation des services de consommation supervisée aux États-Unis ({src("nhrc", "National Harm Reduction Coalition")}). Nos sources citent le guide sans en décrire le contenu : consultez-le à sa source.""",
                "outcomes": "Nos sources n'indiquent pas ses objectifs d'apprentissage : le guide, à sa source, précise ce qu'il couvre.",
                "audience": "Non précisé dans nos sources. Le guide fait partie de la présentation des services de consommation supervisée aux États-Unis par la coalition.",
                "prerequisites": NONE_STATED["fr"],
                "duration": OWN_PACE["fr"],
            },
            {
                "title": "Schulungsleitfaden zu Überdosis-Präventionszentren (OPC)",
                "summary": f"""Ein Schulungsleitfaden zu Überdosis-Präventionszentren (overdose prevention centres, OPC) der National Harm Reduction Coalition, angeboten mit ihrer Übersicht über beaufsichtigte Konsumangebote in den Vereinigten Staaten ({src("nhrc", "National Harm Reduction Coalition")}). Unsere Quellen nennen den Leitfaden, ohne seinen Inhalt zu beschreiben: Lesen Sie ihn an seiner Quelle.""",
                "outcomes": "Unsere Quellen nennen seine Lernziele nicht: Der Leitfaden sagt an seiner Quelle, was er behandelt.",
                "audience": "In unseren Quellen nicht angegeben. Der Leitfaden gehört zur Übersicht der Coalition über beaufsichtigte Konsumangebote in den Vereinigten Staaten.",
                "prerequisites": NONE_STATED["de"],
                "duration": OWN_PACE["de"],
            },
            {
                "title": "Opleidingsgids over centra voor overdosispreventie (OPC)",
                "summary": f"""Een opleidingsgids over centra voor overdosispreventie (overdose prevention centres, OPC) van de National Harm Reduction Coalition, aangeboden bij haar overzicht van gesuperviseerd gebruik in de Verenigde Staten ({src("nhrc", "National Harm Reduction Coalition")}). Onze bronnen noemen de gids zonder de inhoud te beschrijven: lees hem bij de bron.""",
                "outcomes": "Onze bronnen noemen de leerdoelen niet: de gids zegt bij de bron wat hij behandelt.",
                "audience": "Niet vermeld in onze bronnen. De gids hoort bij het overzicht van de coalitie van gesuperviseerd gebruik in de Verenigde Staten.",
                "prerequisites": NONE_STATED["nl"],
                "duration": OWN_PACE["nl"],
            },
            {
                "title": "Guía de formación sobre centros de prevención de sobredosis (OPC)",
                "summary": f"""Una guía de formación sobre centros de prevención de sobredosis (overdose prevention centres, OPC) de la National Harm Reduction Coalition, ofrecida con su panorama de los servicios de consumo supervisado en Estados Unidos ({src("nhrc", "National Harm Reduction Coalition")}). Nuestras fuentes mencionan la guía sin describir su contenido: consúltela en su fuente.""",
                "outcomes": "Nuestras fuentes no indican sus objetivos de aprendizaje: la guía, en su fuente, explica lo que trata.",
                "audience": "No consta en nuestras fuentes. La guía forma parte del panorama de la coalición sobre los servicios de consumo supervisado en Estados Unidos.",
                "prerequisites": NONE_STATED["es"],
                "duration": OWN_PACE["es"],
            },
        ),
    },
    {
        "slug": "bccsu-operational-guidance",
        "format": "online",
        "languages": ["en"],
        "topic": "running-a-dcr",
        "steps": ["floor-plan-and-house-rules", "staffing-and-training", "opening-and-first-year"],
        "documents": ["bccsu-operational-guidance"],
        "references": [],
        "provider": "British Columbia Centre on Substance Use (BCCSU)",
        "source": "bccsu",
        "source_note": DOCUMENT_NOTE,
        "text": texts(
            {
                "title": "Supervised Consumption Services Operational Guidance (BCCSU)",
                "summary": f"""*Supervised Consumption Services Operational Guidance*, from the British Columbia Centre on Substance Use (BCCSU): operational guidance for supervised consumption services in British Columbia, Canada ({src("bccsu", "BCCSU")}). This site's guide draws on it for the floor plan and house rules, staffing and training, and the first year (steps 6, 8 and 10).""",
                "outcomes": f"""- Write the procedures of a room's daily work (guide, step 6).
- Prepare the team for that work (step 8).
- Review the procedures during the first year of operation (step 10).

{GUIDE_OUTCOMES["en"]}""",
                "audience": "Written for supervised consumption services in British Columbia, Canada.",
                "prerequisites": NONE_STATED["en"],
                "duration": OWN_PACE["en"],
            },
            {
                "title": "Guide opérationnel des services de consommation supervisée (BCCSU)",
                "summary": f"""*Supervised Consumption Services Operational Guidance*, du British Columbia Centre on Substance Use (BCCSU) : un guide opérationnel pour les services de consommation supervisée de Colombie-Britannique, au Canada ({src("bccsu", "BCCSU")}). Le guide de ce site s'appuie sur lui pour le plan des locaux et le règlement intérieur, le personnel et la formation, et la première année (étapes 6, 8 et 10).""",
                "outcomes": f"""- Rédiger les procédures du travail quotidien d'une salle (guide, étape 6).
- Préparer l'équipe à ce travail (étape 8).
- Revoir les procédures pendant la première année de fonctionnement (étape 10).

{GUIDE_OUTCOMES["fr"]}""",
                "audience": "Rédigé pour les services de consommation supervisée de Colombie-Britannique, au Canada.",
                "prerequisites": NONE_STATED["fr"],
                "duration": OWN_PACE["fr"],
            },
            {
                "title": "Betriebsleitfaden für beaufsichtigte Konsumangebote (BCCSU)",
                "summary": f"""*Supervised Consumption Services Operational Guidance* des British Columbia Centre on Substance Use (BCCSU): ein Betriebsleitfaden für beaufsichtigte Konsumangebote in British Columbia, Kanada ({src("bccsu", "BCCSU")}). Der Leitfaden dieser Website stützt sich darauf bei Raumplan und Hausordnung, Personal und Schulung und dem ersten Jahr (Schritte 6, 8 und 10).""",
                "outcomes": f"""- Die Abläufe der täglichen Arbeit eines Konsumraums festlegen (Leitfaden, Schritt 6).
- Das Team auf diese Arbeit vorbereiten (Schritt 8).
- Die Abläufe im ersten Betriebsjahr überprüfen (Schritt 10).

{GUIDE_OUTCOMES["de"]}""",
                "audience": "Geschrieben für beaufsichtigte Konsumangebote in British Columbia, Kanada.",
                "prerequisites": NONE_STATED["de"],
                "duration": OWN_PACE["de"],
            },
            {
                "title": "Operationele richtlijn voor gesuperviseerd gebruik (BCCSU)",
                "summary": f"""*Supervised Consumption Services Operational Guidance* van het British Columbia Centre on Substance Use (BCCSU): een operationele richtlijn voor voorzieningen voor gesuperviseerd gebruik in British Columbia, Canada ({src("bccsu", "BCCSU")}). De handleiding van deze site steunt erop voor de plattegrond en de huisregels, personeel en opleiding, en het eerste jaar (stappen 6, 8 en 10).""",
                "outcomes": f"""- De procedures van het dagelijkse werk in een gebruiksruimte vastleggen (handleiding, stap 6).
- Het team op dat werk voorbereiden (stap 8).
- De procedures in het eerste jaar herzien (stap 10).

{GUIDE_OUTCOMES["nl"]}""",
                "audience": "Geschreven voor voorzieningen voor gesuperviseerd gebruik in British Columbia, Canada.",
                "prerequisites": NONE_STATED["nl"],
                "duration": OWN_PACE["nl"],
            },
            {
                "title": "Guía operativa de servicios de consumo supervisado (BCCSU)",
                "summary": f"""*Supervised Consumption Services Operational Guidance*, del British Columbia Centre on Substance Use (BCCSU): una guía operativa para los servicios de consumo supervisado de Columbia Británica, en Canadá ({src("bccsu", "BCCSU")}). La guía de este sitio se apoya en ella para el plano del local y las normas internas, el personal y la formación, y el primer año (pasos 6, 8 y 10).""",
                "outcomes": f"""- Redactar los procedimientos del trabajo diario de una sala (guía, paso 6).
- Preparar al equipo para ese trabajo (paso 8).
- Revisar los procedimientos durante el primer año de funcionamiento (paso 10).

{GUIDE_OUTCOMES["es"]}""",
                "audience": "Redactada para los servicios de consumo supervisado de Columbia Británica (Canadá).",
                "prerequisites": NONE_STATED["es"],
                "duration": OWN_PACE["es"],
            },
        ),
    },
    {
        "slug": "community-consultation-guidance",
        "format": "online",
        "languages": ["en"],
        "topic": "community-consultation",
        "steps": ["coalition-and-stakeholders", "community-consultation"],
        "documents": ["dr-peter-centre-community-consultation"],
        "references": [16, 33],
        "provider": "Dr. Peter Centre",
        "source": "dr-peter",
        "source_note": DOCUMENT_NOTE,
        "text": texts(
            {
                "title": "Guidance on community consultation and engagement (Dr. Peter Centre, 2017)",
                "summary": f"""*Guidance on Community Consultation and Engagement Related to Implementation of SCS*, written in 2017 by the Dr. Peter Centre for British Columbia's health authorities: how to consult and engage the community when they implement supervised consumption services (SCS) ({src("dr-peter", "Dr. Peter Centre")}). This site's guide draws on it for the coalition and the community consultation (steps 2 and 5).""",
                "outcomes": f"""- Bring partners together in a coalition around the project (guide, step 2).
- Plan who to consult before a room opens, and how (step 5).
- Run a community consultation and set up a good-neighbour group (step 5).

{GUIDE_OUTCOMES["en"]}""",
                "audience": "Written for British Columbia's health authorities and their partners.",
                "prerequisites": NONE_STATED["en"],
                "duration": OWN_PACE["en"],
            },
            {
                "title": "Guide de concertation et d'implication du voisinage (Dr. Peter Centre, 2017)",
                "summary": f"""*Guidance on Community Consultation and Engagement Related to Implementation of SCS*, rédigé en 2017 par le Dr. Peter Centre pour les autorités sanitaires de Colombie-Britannique : comment consulter et impliquer le voisinage lors de la mise en place de services de consommation supervisée ({src("dr-peter", "Dr. Peter Centre")}). Le guide de ce site s'appuie sur lui pour la coalition et la concertation avec le voisinage (étapes 2 et 5).""",
                "outcomes": f"""- Réunir des partenaires en coalition autour du projet (guide, étape 2).
- Prévoir qui consulter avant l'ouverture d'une salle, et comment (étape 5).
- Mener une concertation avec le voisinage et mettre en place un comité de bon voisinage (étape 5).

{GUIDE_OUTCOMES["fr"]}""",
                "audience": "Rédigé pour les autorités sanitaires de Colombie-Britannique et leurs partenaires.",
                "prerequisites": NONE_STATED["fr"],
                "duration": OWN_PACE["fr"],
            },
            {
                "title": "Leitfaden zu Anwohnerbeteiligung und Einbindung der Nachbarschaft (Dr. Peter Centre, 2017)",
                "summary": f"""*Guidance on Community Consultation and Engagement Related to Implementation of SCS*, 2017 vom Dr. Peter Centre für die Gesundheitsbehörden von British Columbia geschrieben: wie sie die Nachbarschaft befragen und einbinden, wenn sie beaufsichtigte Konsumangebote einrichten ({src("dr-peter", "Dr. Peter Centre")}). Der Leitfaden dieser Website stützt sich darauf beim Bündnis und bei der Anwohnerbeteiligung (Schritte 2 und 5).""",
                "outcomes": f"""- Partner in einem Bündnis rund um das Projekt zusammenbringen (Leitfaden, Schritt 2).
- Planen, wen Sie vor der Eröffnung eines Konsumraums befragen, und wie (Schritt 5).
- Eine Anwohnerbeteiligung durchführen und ein Nachbarschaftsgremium einrichten (Schritt 5).

{GUIDE_OUTCOMES["de"]}""",
                "audience": "Geschrieben für die Gesundheitsbehörden von British Columbia und ihre Partner.",
                "prerequisites": NONE_STATED["de"],
                "duration": OWN_PACE["de"],
            },
            {
                "title": "Richtlijn voor buurtconsultatie en betrokkenheid van de buurt (Dr. Peter Centre, 2017)",
                "summary": f"""*Guidance on Community Consultation and Engagement Related to Implementation of SCS*, in 2017 geschreven door het Dr. Peter Centre voor de gezondheidsautoriteiten van British Columbia: hoe zij de buurt raadplegen en betrekken wanneer ze voorzieningen voor gesuperviseerd gebruik invoeren ({src("dr-peter", "Dr. Peter Centre")}). De handleiding van deze site steunt erop voor de coalitie en de buurtconsultatie (stappen 2 en 5).""",
                "outcomes": f"""- Partners samenbrengen in een coalitie rond het project (handleiding, stap 2).
- Plannen wie u raadpleegt voordat een gebruiksruimte opengaat, en hoe (stap 5).
- Een buurtconsultatie houden en een buurtoverleg opzetten (stap 5).

{GUIDE_OUTCOMES["nl"]}""",
                "audience": "Geschreven voor de gezondheidsautoriteiten van British Columbia en hun partners.",
                "prerequisites": NONE_STATED["nl"],
                "duration": OWN_PACE["nl"],
            },
            {
                "title": "Guía de consulta y participación vecinal (Dr. Peter Centre, 2017)",
                "summary": f"""*Guidance on Community Consultation and Engagement Related to Implementation of SCS*, redactada en 2017 por el Dr. Peter Centre para las autoridades sanitarias de Columbia Británica: cómo consultar e implicar al vecindario cuando ponen en marcha servicios de consumo supervisado ({src("dr-peter", "Dr. Peter Centre")}). La guía de este sitio se apoya en ella para la coalición y la consulta vecinal (pasos 2 y 5).""",
                "outcomes": f"""- Reunir a los socios en una coalición en torno al proyecto (guía, paso 2).
- Planificar a quién consultar antes de abrir una sala, y cómo (paso 5).
- Llevar a cabo una consulta vecinal y crear una comisión de buena vecindad (paso 5).

{GUIDE_OUTCOMES["es"]}""",
                "audience": "Redactada para las autoridades sanitarias de Columbia Británica y sus socios.",
                "prerequisites": NONE_STATED["es"],
                "duration": OWN_PACE["es"],
            },
        ),
    },
    {
        "slug": "safer-consumption-spaces-manual",
        "format": "online",
        "languages": ["en"],
        "topic": "running-a-dcr",
        "steps": ["floor-plan-and-house-rules", "staffing-and-training", "opening-and-first-year"],
        "documents": ["safer-consumption-spaces"],
        "references": [],
        "provider": "European Network of Drug Consumption Rooms (ENDCR) and C-EHRN",
        "source": "cehrn-endcr",
        "source_note": DOCUMENT_NOTE,
        "text": texts(
            {
                "title": "Safer Consumption Spaces: the ENDCR manual",
                "summary": f"""*Safer Consumption Spaces*, the manual of the European Network of Drug Consumption Rooms (ENDCR) with Correlation – European Harm Reduction Network (C-EHRN): implementing, operating and improving drug consumption rooms ({src("cehrn-endcr", "C-EHRN")}). This site's guide draws on it for the floor plan and house rules, staffing and training, and the first year (steps 6, 8 and 10).""",
                "outcomes": f"""- Plan the implementation of a room (guide, step 6).
- Organise its daily operation and its team (step 8).
- Improve a room once it is open (step 10).

{GUIDE_OUTCOMES["en"]}""",
                "audience": "Organisations that run or plan a drug consumption room; ENDCR brings together those of the WHO Europe region.",
                "prerequisites": NONE_STATED["en"],
                "duration": OWN_PACE["en"],
            },
            {
                "title": "Safer Consumption Spaces : le manuel de l'ENDCR",
                "summary": f"""*Safer Consumption Spaces*, le manuel du réseau européen des salles de consommation (ENDCR) avec Correlation – European Harm Reduction Network (C-EHRN) : mettre en place, faire fonctionner et améliorer les salles de consommation ({src("cehrn-endcr", "C-EHRN")}). Le guide de ce site s'appuie sur lui pour le plan des locaux et le règlement intérieur, le personnel et la formation, et la première année (étapes 6, 8 et 10).""",
                "outcomes": f"""- Préparer la mise en place d'une salle (guide, étape 6).
- Organiser son fonctionnement quotidien et son équipe (étape 8).
- Améliorer une salle une fois ouverte (étape 10).

{GUIDE_OUTCOMES["fr"]}""",
                "audience": "Les organisations qui gèrent une salle de consommation ou en préparent une ; l'ENDCR réunit celles de la région Europe de l'OMS.",
                "prerequisites": NONE_STATED["fr"],
                "duration": OWN_PACE["fr"],
            },
            {
                "title": "Safer Consumption Spaces: das Handbuch des ENDCR",
                "summary": f"""*Safer Consumption Spaces*, das Handbuch des Europäischen Netzwerks der Drogenkonsumräume (ENDCR) mit Correlation – European Harm Reduction Network (C-EHRN): Drogenkonsumräume einrichten, betreiben und verbessern ({src("cehrn-endcr", "C-EHRN")}). Der Leitfaden dieser Website stützt sich darauf bei Raumplan und Hausordnung, Personal und Schulung und dem ersten Jahr (Schritte 6, 8 und 10).""",
                "outcomes": f"""- Die Einrichtung eines Konsumraums planen (Leitfaden, Schritt 6).
- Seinen täglichen Betrieb und sein Team organisieren (Schritt 8).
- Einen Konsumraum nach der Eröffnung verbessern (Schritt 10).

{GUIDE_OUTCOMES["de"]}""",
                "audience": "Organisationen, die einen Drogenkonsumraum betreiben oder planen; das ENDCR vereint die der WHO-Region Europa.",
                "prerequisites": NONE_STATED["de"],
                "duration": OWN_PACE["de"],
            },
            {
                "title": "Safer Consumption Spaces: het handboek van het ENDCR",
                "summary": f"""*Safer Consumption Spaces*, het handboek van het Europese netwerk van gebruiksruimten (ENDCR) met Correlation – European Harm Reduction Network (C-EHRN): gebruiksruimten opzetten, laten werken en verbeteren ({src("cehrn-endcr", "C-EHRN")}). De handleiding van deze site steunt erop voor de plattegrond en de huisregels, personeel en opleiding, en het eerste jaar (stappen 6, 8 en 10).""",
                "outcomes": f"""- De opzet van een gebruiksruimte plannen (handleiding, stap 6).
- De dagelijkse werking en het team organiseren (stap 8).
- Een gebruiksruimte na de opening verbeteren (stap 10).

{GUIDE_OUTCOMES["nl"]}""",
                "audience": "Organisaties die een gebruiksruimte beheren of plannen; het ENDCR brengt die van de WHO-regio Europa samen.",
                "prerequisites": NONE_STATED["nl"],
                "duration": OWN_PACE["nl"],
            },
            {
                "title": "Safer Consumption Spaces: el manual de la ENDCR",
                "summary": f"""*Safer Consumption Spaces*, el manual de la Red Europea de Salas de Consumo (ENDCR) con Correlation – European Harm Reduction Network (C-EHRN): poner en marcha, hacer funcionar y mejorar las salas de consumo supervisado ({src("cehrn-endcr", "C-EHRN")}). La guía de este sitio se apoya en él para el plano del local y las normas internas, el personal y la formación, y el primer año (pasos 6, 8 y 10).""",
                "outcomes": f"""- Planificar la puesta en marcha de una sala (guía, paso 6).
- Organizar su funcionamiento diario y su equipo (paso 8).
- Mejorar una sala una vez abierta (paso 10).

{GUIDE_OUTCOMES["es"]}""",
                "audience": "Entidades que gestionan o planifican una sala de consumo supervisado; la ENDCR reúne a las de la región europea de la OMS.",
                "prerequisites": NONE_STATED["es"],
                "duration": OWN_PACE["es"],
            },
        ),
    },
    {
        "slug": "dcr-evaluation-in-7-steps",
        "format": "online",
        "languages": ["en"],
        "topic": "evaluation-plan",
        "steps": ["evaluation-plan"],
        "documents": ["evaluation-guide-7-steps"],
        "references": [8, 30, 37],
        "provider": "EMCDDA with ENDCR and C-EHRN",
        "source": "evaluation-guide",
        "source_note": (
            "Described from our sources (facts file, B1 and E2); the link leads to the Lisbon"
            " Addictions 2024 workshop that used the guide."
        ),
        "text": texts(
            {
                "title": "Guide for Evaluation of DCRs: 7 steps to an evaluation plan",
                "summary": f"""*Guide for Evaluation of DCRs: 7 steps to an evaluation plan*, by the EMCDDA with ENDCR and C-EHRN: seven steps to an evaluation plan for a drug consumption room. It was used at a workshop of Lisbon Addictions 2024; the link leads to that session ({src("evaluation-guide", "Lisbon Addictions 2024")}). It answers a known difficulty: rooms define and measure their outcomes in many different ways, so their results are hard to compare. This site's guide draws on it for the evaluation plan (step 9).""",
                "outcomes": f"""- Write an evaluation plan for a room in seven steps (guide, step 9).
- Choose definitions and outcome measures that other rooms' results can be compared with.

{GUIDE_OUTCOMES["en"]}""",
                "audience": "Not stated in our sources; the guide is about a room's evaluation plan.",
                "prerequisites": NONE_STATED["en"],
                "duration": OWN_PACE["en"],
            },
            {
                "title": "Guide d'évaluation des salles de consommation : 7 étapes vers un plan d'évaluation",
                "summary": f"""Un guide de l'EMCDDA avec l'ENDCR et C-EHRN (*Guide for Evaluation of DCRs: 7 steps to an evaluation plan*) : sept étapes vers un plan d'évaluation pour une salle de consommation. Il a servi lors d'un atelier de Lisbon Addictions 2024 ; le lien mène à cette session ({src("evaluation-guide", "Lisbon Addictions 2024")}). Il répond à une difficulté connue : les salles définissent et mesurent leurs résultats de façons très diverses, ce qui rend leurs résultats difficiles à comparer. Le guide de ce site s'appuie sur lui pour le plan d'évaluation (étape 9).""",
                "outcomes": f"""- Rédiger en sept étapes un plan d'évaluation pour une salle (guide, étape 9).
- Choisir des définitions et des critères de résultat comparables à ceux d'autres salles.

{GUIDE_OUTCOMES["fr"]}""",
                "audience": "Non précisé dans nos sources ; le guide porte sur le plan d'évaluation d'une salle.",
                "prerequisites": NONE_STATED["fr"],
                "duration": OWN_PACE["fr"],
            },
            {
                "title": "Leitfaden zur Evaluation von Drogenkonsumräumen: in 7 Schritten zum Evaluationsplan",
                "summary": f"""Ein Leitfaden der EMCDDA mit ENDCR und C-EHRN (*Guide for Evaluation of DCRs: 7 steps to an evaluation plan*): in sieben Schritten zu einem Evaluationsplan für einen Drogenkonsumraum. Er wurde in einem Workshop der Lisbon Addictions 2024 verwendet; der Link führt zu dieser Sitzung ({src("evaluation-guide", "Lisbon Addictions 2024")}). Er antwortet auf ein bekanntes Problem: Konsumräume definieren und messen ihre Ergebnisse auf sehr unterschiedliche Weise, daher lassen sich ihre Ergebnisse schwer vergleichen. Der Leitfaden dieser Website stützt sich darauf beim Evaluationsplan (Schritt 9).""",
                "outcomes": f"""- In sieben Schritten einen Evaluationsplan für einen Konsumraum schreiben (Leitfaden, Schritt 9).
- Definitionen und Endpunkte wählen, die mit den Ergebnissen anderer Konsumräume vergleichbar sind.

{GUIDE_OUTCOMES["de"]}""",
                "audience": "In unseren Quellen nicht angegeben; der Leitfaden behandelt den Evaluationsplan eines Konsumraums.",
                "prerequisites": NONE_STATED["de"],
                "duration": OWN_PACE["de"],
            },
            {
                "title": "Gids voor de evaluatie van gebruiksruimten: in 7 stappen naar een evaluatieplan",
                "summary": f"""Een gids van het EMCDDA met het ENDCR en C-EHRN (*Guide for Evaluation of DCRs: 7 steps to an evaluation plan*): in zeven stappen naar een evaluatieplan voor een gebruiksruimte. Hij werd gebruikt in een workshop van Lisbon Addictions 2024; de link leidt naar die sessie ({src("evaluation-guide", "Lisbon Addictions 2024")}). Hij beantwoordt een bekend probleem: gebruiksruimten definiëren en meten hun uitkomsten op zeer verschillende manieren, waardoor hun resultaten moeilijk te vergelijken zijn. De handleiding van deze site steunt erop voor het evaluatieplan (stap 9).""",
                "outcomes": f"""- In zeven stappen een evaluatieplan voor een gebruiksruimte schrijven (handleiding, stap 9).
- Definities en uitkomstmaten kiezen die met de resultaten van andere gebruiksruimten te vergelijken zijn.

{GUIDE_OUTCOMES["nl"]}""",
                "audience": "Niet vermeld in onze bronnen; de gids gaat over het evaluatieplan van een gebruiksruimte.",
                "prerequisites": NONE_STATED["nl"],
                "duration": OWN_PACE["nl"],
            },
            {
                "title": "Guía de evaluación de las salas de consumo: 7 pasos hacia un plan de evaluación",
                "summary": f"""Una guía del EMCDDA con la ENDCR y C-EHRN (*Guide for Evaluation of DCRs: 7 steps to an evaluation plan*): siete pasos hacia un plan de evaluación para una sala de consumo supervisado. Se utilizó en un taller de Lisbon Addictions 2024; el enlace lleva a esa sesión ({src("evaluation-guide", "Lisbon Addictions 2024")}). Responde a una dificultad conocida: las salas definen y miden sus resultados de maneras muy distintas, por lo que es difícil compararlos. La guía de este sitio se apoya en ella para el plan de evaluación (paso 9).""",
                "outcomes": f"""- Redactar en siete pasos un plan de evaluación para una sala (guía, paso 9).
- Elegir definiciones y resultados comparables con los de otras salas.

{GUIDE_OUTCOMES["es"]}""",
                "audience": "No consta en nuestras fuentes; la guía trata del plan de evaluación de una sala.",
                "prerequisites": NONE_STATED["es"],
                "duration": OWN_PACE["es"],
            },
        ),
    },
    {
        "slug": "munduko-medikuak-good-practice-manual",
        "format": "online",
        "languages": ["es"],
        "topic": "opening-and-first-year",
        "steps": ["opening-and-first-year"],
        "documents": ["munduko-medikuak-manual"],
        "references": [],
        "provider": "Munduko Medikuak",
        "source": "es-spanish-literature",
        "source_note": (
            "Listed by salledeconsommation.fr among the Spanish literature on DCRs (facts file,"
            " B5); our sources give its subject and year, not its original title or contents."
        ),
        "text": texts(
            {
                "title": "Good-practice manual for opening a drug consumption room (Munduko Medikuak, 2010)",
                "summary": f"""A good-practice manual for opening a drug consumption room, published in Spanish by Munduko Medikuak in 2010 and listed by salledeconsommation.fr among the Spanish literature on drug consumption rooms ({src("es-spanish-literature", "salledeconsommation.fr")}). Our sources give its subject but not its original title or its contents. This site's guide lists it for the opening and the first year (step 10).""",
                "outcomes": f"""- Prepare the opening of a drug consumption room with good practice from rooms already open (guide, step 10).

{GUIDE_OUTCOMES["en"]}""",
                "audience": "Not stated in our sources; the manual is written in Spanish.",
                "prerequisites": "Reading Spanish.",
                "duration": OWN_PACE["en"],
            },
            {
                "title": "Manuel de bonnes pratiques pour ouvrir une salle de consommation (Munduko Medikuak, 2010)",
                "summary": f"""Un manuel de bonnes pratiques pour ouvrir une salle de consommation, publié en espagnol par Munduko Medikuak en 2010 et cité par salledeconsommation.fr parmi la littérature espagnole sur les salles de consommation ({src("es-spanish-literature", "salledeconsommation.fr")}). Nos sources en donnent le sujet, mais ni le titre original ni le contenu. Le guide de ce site le cite pour l'ouverture et la première année (étape 10).""",
                "outcomes": f"""- Préparer l'ouverture d'une salle de consommation à partir des bonnes pratiques de salles déjà ouvertes (guide, étape 10).

{GUIDE_OUTCOMES["fr"]}""",
                "audience": "Non précisé dans nos sources ; le manuel est rédigé en espagnol.",
                "prerequisites": "Lire l'espagnol.",
                "duration": OWN_PACE["fr"],
            },
            {
                "title": "Handbuch guter Praxis zur Eröffnung eines Drogenkonsumraums (Munduko Medikuak, 2010)",
                "summary": f"""Ein Handbuch guter Praxis zur Eröffnung eines Drogenkonsumraums, 2010 von Munduko Medikuak auf Spanisch veröffentlicht und von salledeconsommation.fr unter der spanischsprachigen Literatur zu Drogenkonsumräumen aufgeführt ({src("es-spanish-literature", "salledeconsommation.fr")}). Unsere Quellen nennen sein Thema, aber weder den Originaltitel noch den Inhalt. Der Leitfaden dieser Website führt es bei der Eröffnung und dem ersten Jahr auf (Schritt 10).""",
                "outcomes": f"""- Die Eröffnung eines Drogenkonsumraums mit der guten Praxis bestehender Konsumräume vorbereiten (Leitfaden, Schritt 10).

{GUIDE_OUTCOMES["de"]}""",
                "audience": "In unseren Quellen nicht angegeben; das Handbuch ist auf Spanisch geschrieben.",
                "prerequisites": "Spanischkenntnisse.",
                "duration": OWN_PACE["de"],
            },
            {
                "title": "Handboek goede praktijk voor het openen van een gebruiksruimte (Munduko Medikuak, 2010)",
                "summary": f"""Een handboek goede praktijk voor het openen van een gebruiksruimte, in 2010 in het Spaans uitgegeven door Munduko Medikuak en door salledeconsommation.fr vermeld bij de Spaanstalige literatuur over gebruiksruimten ({src("es-spanish-literature", "salledeconsommation.fr")}). Onze bronnen noemen het onderwerp, maar niet de oorspronkelijke titel of de inhoud. De handleiding van deze site vermeldt het bij de opening en het eerste jaar (stap 10).""",
                "outcomes": f"""- De opening van een gebruiksruimte voorbereiden met de goede praktijk van gebruiksruimten die al open zijn (handleiding, stap 10).

{GUIDE_OUTCOMES["nl"]}""",
                "audience": "Niet vermeld in onze bronnen; het handboek is in het Spaans geschreven.",
                "prerequisites": "Spaans kunnen lezen.",
                "duration": OWN_PACE["nl"],
            },
            {
                "title": "Manual de buenas prácticas para abrir una sala de consumo supervisado (Munduko Medikuak, 2010)",
                "summary": f"""Un manual de buenas prácticas para abrir una sala de consumo supervisado, publicado en español por Munduko Medikuak en 2010 y recogido por salledeconsommation.fr entre la literatura en español sobre salas de consumo ({src("es-spanish-literature", "salledeconsommation.fr")}). Nuestras fuentes indican su tema, pero no su título original ni su contenido. La guía de este sitio lo recoge para la apertura y el primer año (paso 10).""",
                "outcomes": f"""- Preparar la apertura de una sala de consumo supervisado con las buenas prácticas de salas ya abiertas (guía, paso 10).

{GUIDE_OUTCOMES["es"]}""",
                "audience": "No consta en nuestras fuentes; el manual está escrito en español.",
                "prerequisites": "Leer español.",
                "duration": OWN_PACE["es"],
            },
        ),
    },
]
