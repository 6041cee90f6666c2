# ruff: noqa: E501 (texts in five languages keep their lines)
"""The seeded initiatives, in five languages: the network's COVID-19 statement of 23 March 2020,
summarised from the facts file (its text is not in our sources, so none is presented as such),
and a demonstration initiative, marked as one, built on the network's stated mission and aims.

Facts: shared/data/facts-indcr-and-peers.md, rows A1 and A10 (the COVID-19 statement on the
home page, 23 March 2020: lockdowns raise the risks for people who use drugs through less
income, fewer dealers, fewer NGOs operating and physical proximity) and A2 (About us: the
mission and the four aims). Nothing else is claimed.

`load(tally)` is idempotent: a second run saves nothing (no `updated_at` moves, no history row).
`tally` is anything with `add(label, outcome)` (the demo loader's Tally); outcomes are
"created", "updated" and "unchanged".
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Protocol

from django.db import transaction

from dcrnet.evidence.models import Reference

from .models import Initiative, Kind

HOME = "http://drugconsumptionroom-international.org/index.php"
ABOUT = "https://www.drugconsumptionroom-international.org/index.php/about-us/"
LANGUAGES = ("en", "fr", "de", "nl", "es")
LABEL = "advocacy initiatives"


class Tally(Protocol):
    def add(self, label: str, outcome: str) -> None: ...


def french(text: str) -> str:
    """French typography: a no-break space before : ; ? ! and inside « »."""
    text = re.sub(r" ([:;?!])", "\u00a0\\1", text)
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")


COVID = {
    "slug": "covid-19-statement-2020",
    "kind": Kind.STATEMENT,
    "date": dt.date(2020, 3, 23),
    "published": True,
    # Recorded as a summary of a statement made in 2020: nobody endorses a summary.
    "accepts_endorsements": False,
    "allows_individuals": False,
    "is_demo": False,
    "sources": (
        f"- [INDCR home page, with the COVID-19 statement of 23 March 2020]({HOME}) "
        "(as stored; the statement was published there)"
    ),
    "references": [],
    "text": {
        "en": {
            "title": "COVID-19 statement of the network (23 March 2020)",
            "summary": "On 23 March 2020 the network published a statement on the greater risks that the COVID-19 lockdowns brought for people who use drugs. This page summarises it; the original wording is not reproduced here.",
            "text": """**This is a summary of the statement, not its text.** The network published the statement on the home page of its website on 23 March 2020.

According to our source, the statement addressed the heightened risks that lockdowns brought for people who use drugs, because of:

- less income;
- fewer dealers;
- fewer NGOs operating;
- physical proximity.

What the statement asked for is not recorded in our source. Where it was published is under “Sources”.""",
            "asks": "",
        },
        "fr": {
            "title": "Déclaration du réseau sur la COVID-19 (23 mars 2020)",
            "summary": "Le 23 mars 2020, le réseau a publié une déclaration sur les risques accrus que les confinements liés à la COVID-19 faisaient courir aux personnes qui consomment des drogues. Cette page la résume ; le texte original n'y est pas reproduit.",
            "text": """**Ceci est un résumé de la déclaration, pas son texte.** Le réseau a publié la déclaration sur la page d'accueil de son site le 23 mars 2020.

Selon notre source, la déclaration portait sur les risques accrus que les confinements faisaient courir aux personnes qui consomment des drogues, en raison :

- de revenus plus faibles ;
- d'un nombre réduit de revendeurs ;
- d'un nombre réduit d'ONG en activité ;
- de la proximité physique.

Notre source n'indique pas ce que demandait la déclaration. L'endroit où elle a été publiée figure sous « Sources ».""",
            "asks": "",
        },
        "de": {
            "title": "Erklärung des Netzwerks zu COVID-19 (23. März 2020)",
            "summary": "Am 23. März 2020 veröffentlichte das Netzwerk eine Erklärung zu den erhöhten Risiken, die die Lockdowns während der COVID-19-Pandemie für Menschen, die Drogen konsumieren, mit sich brachten. Diese Seite fasst sie zusammen; der ursprüngliche Wortlaut ist hier nicht wiedergegeben.",
            "text": """**Dies ist eine Zusammenfassung der Erklärung, nicht ihr Wortlaut.** Das Netzwerk veröffentlichte die Erklärung am 23. März 2020 auf der Startseite seiner Website.

Nach unserer Quelle ging es in der Erklärung um die erhöhten Risiken, die die Lockdowns für Menschen, die Drogen konsumieren, mit sich brachten, wegen:

- geringerer Einkommen;
- weniger Dealer;
- weniger aktiver NGOs;
- räumlicher Nähe.

Was die Erklärung forderte, ist in unserer Quelle nicht festgehalten. Wo sie veröffentlicht wurde, steht unter „Quellen“.""",
            "asks": "",
        },
        "nl": {
            "title": "Verklaring van het netwerk over COVID-19 (23 maart 2020)",
            "summary": "Op 23 maart 2020 publiceerde het netwerk een verklaring over de grotere risico's die de lockdowns tijdens COVID-19 meebrachten voor mensen die drugs gebruiken. Deze pagina vat haar samen; de oorspronkelijke tekst staat hier niet.",
            "text": """**Dit is een samenvatting van de verklaring, niet de tekst zelf.** Het netwerk publiceerde de verklaring op 23 maart 2020 op de startpagina van zijn website.

Volgens onze bron ging de verklaring over de grotere risico's die lockdowns meebrachten voor mensen die drugs gebruiken, door:

- minder inkomen;
- minder dealers;
- minder actieve ngo's;
- fysieke nabijheid.

Wat de verklaring vroeg, staat niet in onze bron. Waar zij is gepubliceerd, staat onder 'Bronnen'.""",
            "asks": "",
        },
        "es": {
            "title": "Declaración de la red sobre la COVID-19 (23 de marzo de 2020)",
            "summary": "El 23 de marzo de 2020 la red publicó una declaración sobre los mayores riesgos que los confinamientos por la COVID-19 suponían para las personas que usan drogas. Esta página la resume; el texto original no se reproduce aquí.",
            "text": """**Esto es un resumen de la declaración, no su texto.** La red publicó la declaración en la página de inicio de su sitio web el 23 de marzo de 2020.

Según nuestra fuente, la declaración trataba de los mayores riesgos que los confinamientos suponían para las personas que usan drogas, debido a:

- menos ingresos;
- menos vendedores;
- menos ONG en funcionamiento;
- la proximidad física.

Nuestra fuente no recoge lo que pedía la declaración. En «Fuentes» se indica dónde se publicó.""",
            "asks": "",
        },
    },
}

DEMO = {
    "slug": "demonstration-dcrs-in-public-health",
    "kind": Kind.CAMPAIGN,
    "date": dt.date(2026, 1, 1),
    "published": True,
    "accepts_endorsements": True,
    "allows_individuals": True,
    "is_demo": True,
    "sources": f"- [INDCR: About us]({ABOUT}): the network's mission and its four aims",
    # Two systematic reviews of the outcomes of DCRs in the seed bibliography (by DOI).
    "references": ["10.1007/s11904-017-0363-y", "10.1016/j.drugalcdep.2014.10.012"],
    "text": {
        "en": {
            "title": "Demonstration: recognise drug consumption rooms as part of public health",
            "summary": "A demonstration of how initiatives work on this site: organisations of the network endorse them through their contact person, and anyone with an account may add their name. It is not a statement of the network.",
            "text": """**Demonstration initiative.** This page shows how an initiative works on this site. Its wording was written for the demonstration and is not a statement of the network; the facts quoted below carry their source.

The network's mission, as its About page states it, is to improve access to drug consumption rooms and their quality, using evidence together with the knowledge of providers and of people who use drugs. It names four aims:

1. guidance, training and mutual support for organisations that run or plan a drug consumption room;
2. exchange between providers, people who use drugs and policy makers;
3. support for research;
4. monitoring of developments and policy around drug consumption rooms, for advocacy at local, national and EU level.""",
            "asks": """*Wording written for the demonstration.*

- Recognise drug consumption rooms as part of public health.
- Base decisions about them on evidence and on the knowledge of providers and of people who use drugs.""",
        },
        "fr": {
            "title": "Démonstration : reconnaître les salles de consommation comme partie intégrante de la santé publique",
            "summary": "Une démonstration du fonctionnement des initiatives sur ce site : les organisations du réseau les soutiennent par l'intermédiaire de leur contact, et toute personne ayant un compte peut y ajouter son nom. Ce n'est pas une déclaration du réseau.",
            "text": """**Initiative de démonstration.** Cette page montre comment fonctionne une initiative sur ce site. Son texte a été rédigé pour la démonstration et n'est pas une déclaration du réseau ; les faits cités ci-dessous sont accompagnés de leur source.

La mission du réseau, telle que la présente sa page « À propos », est d'améliorer l'accès aux salles de consommation et leur qualité, en s'appuyant sur les données probantes ainsi que sur les connaissances des gestionnaires et des personnes qui consomment des drogues. Elle comporte quatre objectifs :

1. l'accompagnement, la formation et le soutien mutuel des organisations qui gèrent ou projettent une salle de consommation ;
2. les échanges entre gestionnaires, personnes qui consomment des drogues et responsables politiques ;
3. le soutien à la recherche ;
4. le suivi des évolutions et des politiques relatives aux salles de consommation, pour le plaidoyer aux niveaux local, national et européen.""",
            "asks": """*Texte rédigé pour la démonstration.*

- Reconnaître les salles de consommation comme partie intégrante de la santé publique.
- Fonder les décisions les concernant sur les données probantes et sur les connaissances des gestionnaires et des personnes qui consomment des drogues.""",
        },
        "de": {
            "title": "Demonstration: Drogenkonsumräume als Teil der öffentlichen Gesundheit anerkennen",
            "summary": "Eine Demonstration, wie Initiativen auf dieser Website funktionieren: Organisationen des Netzwerks unterstützen sie über ihre Ansprechperson, und alle Personen mit einem Konto können ihren Namen hinzufügen. Es handelt sich nicht um eine Erklärung des Netzwerks.",
            "text": """**Demonstrationsinitiative.** Diese Seite zeigt, wie eine Initiative auf dieser Website funktioniert. Ihr Wortlaut wurde für die Demonstration geschrieben und ist keine Erklärung des Netzwerks; die unten zitierten Fakten sind mit ihrer Quelle angegeben.

Die Mission des Netzwerks ist laut seiner Seite „Über uns“, den Zugang zu Drogenkonsumräumen und ihre Qualität zu verbessern, gestützt auf Evidenz sowie auf das Wissen der Träger und der Menschen, die Drogen konsumieren. Sie nennt vier Ziele:

1. Beratung, Schulung und gegenseitige Unterstützung für Organisationen, die einen Drogenkonsumraum betreiben oder planen;
2. Austausch zwischen Trägern, Menschen, die Drogen konsumieren, und der Politik;
3. Unterstützung der Forschung;
4. Beobachtung der Entwicklungen und der Politik rund um Drogenkonsumräume, für die Interessenvertretung auf lokaler, nationaler und EU-Ebene.""",
            "asks": """*Für die Demonstration geschriebener Wortlaut.*

- Drogenkonsumräume als Teil der öffentlichen Gesundheit anerkennen.
- Entscheidungen über sie auf Evidenz und auf das Wissen der Träger und der Menschen, die Drogen konsumieren, stützen.""",
        },
        "nl": {
            "title": "Demonstratie: erken gebruiksruimten als onderdeel van de volksgezondheid",
            "summary": "Een demonstratie van hoe initiatieven op deze site werken: organisaties van het netwerk steunen ze via hun contactpersoon, en iedereen met een account kan er zijn naam aan toevoegen. Het is geen verklaring van het netwerk.",
            "text": """**Demonstratie-initiatief.** Deze pagina laat zien hoe een initiatief op deze site werkt. De tekst is voor de demonstratie geschreven en is geen verklaring van het netwerk; de feiten hieronder staan met hun bron vermeld.

De missie van het netwerk is volgens zijn pagina 'Over ons' de toegang tot gebruiksruimten en hun kwaliteit te verbeteren, op basis van wetenschappelijk bewijs en van de kennis van beheerders en van mensen die drugs gebruiken. Het noemt vier doelen:

1. begeleiding, training en onderlinge steun voor organisaties die een gebruiksruimte beheren of plannen;
2. uitwisseling tussen beheerders, mensen die drugs gebruiken en beleidsmakers;
3. steun voor onderzoek;
4. het volgen van ontwikkelingen en beleid rond gebruiksruimten, voor belangenbehartiging op lokaal, nationaal en EU-niveau.""",
            "asks": """*Tekst geschreven voor de demonstratie.*

- Erken gebruiksruimten als onderdeel van de volksgezondheid.
- Baseer beslissingen erover op wetenschappelijk bewijs en op de kennis van beheerders en van mensen die drugs gebruiken.""",
        },
        "es": {
            "title": "Demostración: reconocer las salas de consumo supervisado como parte de la salud pública",
            "summary": "Una demostración de cómo funcionan las iniciativas en este sitio: las organizaciones de la red las respaldan a través de su persona de contacto, y cualquier persona con una cuenta puede añadir su nombre. No es una declaración de la red.",
            "text": """**Iniciativa de demostración.** Esta página muestra cómo funciona una iniciativa en este sitio. Su texto se redactó para la demostración y no es una declaración de la red; los datos citados a continuación van acompañados de su fuente.

La misión de la red, según su página «Quiénes somos», es mejorar el acceso a las salas de consumo supervisado y su calidad, basándose en la evidencia y en el conocimiento de las entidades gestoras y de las personas que usan drogas. Enumera cuatro objetivos:

1. orientación, formación y apoyo mutuo para las organizaciones que gestionan o planifican una sala de consumo supervisado;
2. intercambio entre entidades gestoras, personas que usan drogas y responsables políticos;
3. apoyo a la investigación;
4. seguimiento de la evolución y de las políticas relativas a las salas de consumo supervisado, para la incidencia política a nivel local, nacional y de la UE.""",
            "asks": """*Texto redactado para la demostración.*

- Reconocer las salas de consumo supervisado como parte de la salud pública.
- Basar las decisiones sobre ellas en la evidencia y en el conocimiento de las entidades gestoras y de las personas que usan drogas.""",
        },
    },
}

INITIATIVES = [COVID, DEMO]


def _values(row: dict) -> dict:
    values = {
        key: row[key]
        for key in (
            "kind",
            "date",
            "published",
            "accepts_endorsements",
            "allows_individuals",
            "is_demo",
            "sources",
        )
    }
    for code in LANGUAGES:
        for field, text in row["text"][code].items():
            values[f"{field}_{code}"] = french(text) if code == "fr" else text
    return values


@transaction.atomic
def load(tally: Tally | None = None) -> list[Initiative]:
    """Create or update the seeded initiatives, touching only what differs."""
    loaded = []
    for row in INITIATIVES:
        values = _values(row)
        initiative = Initiative.objects.filter(slug=row["slug"]).first()
        if initiative is None:
            initiative = Initiative(slug=row["slug"], **values)
            outcome = "created"
        else:
            changed = {k: v for k, v in values.items() if getattr(initiative, k) != v}
            outcome = "updated" if changed else "unchanged"
            for key, value in changed.items():
                setattr(initiative, key, value)
        if outcome != "unchanged":
            initiative.full_clean(validate_unique=False, validate_constraints=False)
            initiative.save()
        wanted = set(
            Reference.objects.filter(doi__in=row["references"]).values_list("pk", flat=True)
        )
        if set(initiative.references.values_list("pk", flat=True)) != wanted:
            initiative.references.set(wanted)
            outcome = "updated" if outcome == "unchanged" else outcome
        if tally is not None:
            tally.add(LABEL, outcome)
        loaded.append(initiative)
    return loaded
