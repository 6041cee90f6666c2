"""Demo editable pages: home, About, What is a DCR, DCR models (from sections A1–A4, B1–B3, E10),
in English and in French, German, Dutch and Spanish.

Each page's `text` gives its title, summary and body per language. The translations say what
the English says, citing the same sources at the same addresses (a link's text names the source
in the page's language); they use the field's own terms of docs/glossary.md.
"""

from __future__ import annotations

from .sources import link

# How each language's pages name the sources they cite (the links go to the same addresses).
SOURCE_NAMES: dict[str, dict[str, str]] = {
    "fr": {
        "indcr-home": "page d'accueil de l'INDCR",
        "indcr-about": "INDCR, page « About us »",
        "cehrn-endcr": "Correlation (C-EHRN), page de l'ENDCR, copie de correlation-net.org",
        "indcr-what": "INDCR, « What is a DCR », juillet 2015",
        "emcdda-miniguide": "mini-guide de l'EMCDDA sur les salles de consommation, 24 avril 2024",
        "emcdda-2023-countries": (
            "résumé du rapport conjoint de l'EMCDDA et de C-EHRN, hepcoalition.org"
        ),
        "indcr-models": "INDCR, « DCR models »",
        "emcdda-2023": "EMCDDA et C-EHRN, Drug consumption rooms, rapport conjoint, décembre 2023",
        "hc-dashboard": "Santé Canada, tableau de bord des sites de consommation supervisée",
    },
    "de": {
        "indcr-home": "Startseite des INDCR",
        "indcr-about": "INDCR, Seite „About us“",
        "cehrn-endcr": "Correlation (C-EHRN), Seite des ENDCR, Kopie von correlation-net.org",
        "indcr-what": "INDCR, „What is a DCR“, Juli 2015",
        "emcdda-miniguide": "EMCDDA-Miniguide zu Drogenkonsumräumen, 24. April 2024",
        "emcdda-2023-countries": (
            "Zusammenfassung des gemeinsamen Berichts von EMCDDA und C-EHRN, hepcoalition.org"
        ),
        "indcr-models": "INDCR, „DCR models“",
        "emcdda-2023": (
            "EMCDDA und C-EHRN, Drug consumption rooms, gemeinsamer Bericht, Dezember 2023"
        ),
        "hc-dashboard": "Health Canada, Dashboard der supervised consumption sites",
    },
    "nl": {
        "indcr-home": "homepage van het INDCR",
        "indcr-about": "INDCR, pagina ‘About us’",
        "cehrn-endcr": "Correlation (C-EHRN), pagina van het ENDCR, kopie van correlation-net.org",
        "indcr-what": "INDCR, ‘What is a DCR’, juli 2015",
        "emcdda-miniguide": "EMCDDA-miniguide over gebruiksruimten, 24 april 2024",
        "emcdda-2023-countries": (
            "samenvatting van het gezamenlijke rapport van het EMCDDA en C-EHRN, hepcoalition.org"
        ),
        "indcr-models": "INDCR, ‘DCR models’",
        "emcdda-2023": (
            "EMCDDA en C-EHRN, Drug consumption rooms, gezamenlijk rapport, december 2023"
        ),
        "hc-dashboard": "Health Canada, dashboard van de supervised consumption sites",
    },
    "es": {
        "indcr-home": "página de inicio de la INDCR",
        "indcr-about": "INDCR, página «About us»",
        "cehrn-endcr": "Correlation (C-EHRN), página de la ENDCR, copia de correlation-net.org",
        "indcr-what": "INDCR, «What is a DCR», julio de 2015",
        "emcdda-miniguide": "miniguía del EMCDDA sobre salas de consumo, 24 de abril de 2024",
        "emcdda-2023-countries": (
            "resumen del informe conjunto del EMCDDA y C-EHRN, hepcoalition.org"
        ),
        "indcr-models": "INDCR, «DCR models»",
        "emcdda-2023": (
            "EMCDDA y C-EHRN, Drug consumption rooms, informe conjunto, diciembre de 2023"
        ),
        "hc-dashboard": "Health Canada, panel de las supervised consumption sites",
    },
}


def _links(language: str):
    """link() naming the source as the pages in `language` do."""
    return lambda key: link(key, SOURCE_NAMES[language][key])


fr, de, nl, es = (_links(code) for code in ("fr", "de", "nl", "es"))

PAGES: list[dict] = [
    {
        "slug": "home",
        "menu_order": None,
        "text": {
            "en": {
                "title": "Drug consumption rooms, worldwide, in one place",
                "summary": "Which drug consumption rooms exist, where, since when, what they "
                "offer, and under which law: one directory, with a source for every fact.",
                "body": f"""
The DCR Network brings together the people who run drug consumption rooms, the people who use
them, researchers and policy makers. This site answers, in one place, a question that had no
single answer before: which drug consumption rooms exist, where, since when, what they offer and
under which law.

Every facility has a dated history (planned, open, suspended, closed) and dated profiles of the
routes, places, opening hours, admission rules and services it offers. Every fact links to its
source, and every count carries the date it refers to, because published counts differ with
date and definition.

Joan Colom i Farran once compared demanding ever more proof for drug consumption rooms to
demanding a trial that parachutes work (2014, quoted on {link("indcr-home")}). Beyond the
directory, the network shares practice and research, opens up the literature, and arranges
exchanges, visits and training for teams that run a room or plan one.
""",
            },
            "fr": {
                "title": "Les salles de consommation du monde entier, en un seul lieu",
                "summary": "Quelles salles de consommation existent, où, depuis quand, ce "
                "qu'elles proposent et dans quel cadre légal : un seul répertoire, avec une "
                "source pour chaque fait.",
                "body": f"""
Le Réseau DCR rassemble les personnes qui gèrent des salles de consommation, celles qui les
fréquentent, les chercheurs et chercheuses ainsi que les responsables politiques. Ce site répond,
en un seul lieu, à une question qui n'avait jusqu'ici pas de réponse unique : quelles salles de
consommation existent, où, depuis quand, ce qu'elles proposent et dans quel cadre légal.

Chaque structure a un historique daté (en projet, ouverte, suspendue, fermée) et des profils datés
qui décrivent ses modes de consommation, ses places, ses horaires d'ouverture, ses critères
d'admission et les services qu'elle propose. Chaque fait renvoie à sa source, et chaque chiffre
indique la date à laquelle il se rapporte, car les décomptes publiés varient selon la date et la
définition retenues.

Joan Colom i Farran a un jour comparé le fait d'exiger toujours plus de preuves pour les salles de
consommation au fait d'exiger un essai montrant que les parachutes fonctionnent (2014, cité sur la
{fr("indcr-home")}). Au-delà du répertoire, le réseau partage
pratiques et travaux de recherche, ouvre l'accès à la littérature et organise des échanges, des
visites et des formations pour les équipes qui gèrent une salle ou en préparent une.
""",
            },
            "de": {
                "title": "Drogenkonsumräume weltweit an einem Ort",
                "summary": "Welche Drogenkonsumräume es gibt, wo, seit wann, was sie anbieten "
                "und auf welcher Rechtsgrundlage: ein Verzeichnis, mit einer Quelle für jede "
                "Angabe.",
                "body": f"""
Das DCR-Netzwerk bringt die Menschen zusammen, die Drogenkonsumräume betreiben, die Menschen, die
sie nutzen, Forschende und politische Entscheidungsträger:innen. Diese Website beantwortet an einem
Ort eine Frage, auf die es bisher keine einheitliche Antwort gab: Welche Drogenkonsumräume gibt es,
wo, seit wann, was bieten sie an und auf welcher Rechtsgrundlage?

Jede Einrichtung hat eine datierte Geschichte (geplant, geöffnet, ausgesetzt, geschlossen) und
datierte Profile mit den Konsumformen, Plätzen, Öffnungszeiten, Zugangskriterien und Angeboten, die
sie bietet. Jede Angabe verweist auf ihre Quelle, und jede Zahl nennt den Stichtag, auf den sie
sich bezieht, denn veröffentlichte Zahlen unterscheiden sich je nach Stichtag und Definition.

Joan Colom i Farran verglich es einmal, immer mehr Belege für Drogenkonsumräume zu verlangen, mit
der Forderung nach einer Studie, die beweist, dass Fallschirme funktionieren (2014, zitiert auf der
{de("indcr-home")}). Über das Verzeichnis hinaus teilt das Netzwerk
Praxiswissen und Forschung, erschließt die Fachliteratur und organisiert Austausch, Besuche und
Schulungen für Teams, die einen Konsumraum betreiben oder planen.
""",
            },
            "nl": {
                "title": "Gebruiksruimten wereldwijd, op één plek",
                "summary": "Welke gebruiksruimten er zijn, waar, sinds wanneer, wat ze bieden "
                "en onder welke wetgeving: één overzicht, met een bron voor elk feit.",
                "body": f"""
Het DCR-netwerk brengt de mensen samen die gebruiksruimten beheren, de mensen die er gebruik van
maken, onderzoekers en beleidsmakers. Deze site beantwoordt op één plek een vraag waarop eerder
geen eenduidig antwoord bestond: welke gebruiksruimten er zijn, waar, sinds wanneer, wat ze bieden
en onder welke wetgeving.

Elke voorziening heeft een gedateerde geschiedenis (gepland, open, opgeschort, gesloten) en
gedateerde profielen van de gebruikswijzen, plekken, openingstijden, toelatingscriteria en diensten
die ze biedt. Elk feit verwijst naar zijn bron en bij elk aantal staat de datum waarop het
betrekking heeft, want gepubliceerde aantallen verschillen naargelang de datum en de definitie.

Joan Colom i Farran vergeleek het ooit eisen van steeds meer bewijs voor gebruiksruimten met het
eisen van een onderzoek dat aantoont dat parachutes werken (2014, geciteerd op de
{nl("indcr-home")}). Naast het overzicht deelt het netwerk
praktijkkennis en onderzoek, ontsluit het de literatuur en organiseert het uitwisselingen,
werkbezoeken en trainingen voor teams die een gebruiksruimte beheren of er een plannen.
""",
            },
            "es": {
                "title": "Las salas de consumo supervisado de todo el mundo, en un solo lugar",
                "summary": "Qué salas de consumo supervisado existen, dónde, desde cuándo, qué "
                "ofrecen y con qué marco legal: un solo directorio, con una fuente para cada "
                "dato.",
                "body": f"""
La Red DCR reúne a las personas que gestionan salas de consumo supervisado, a las personas que las
usan, a investigadores e investigadoras y a responsables políticos. Este sitio responde, en un solo
lugar, a una pregunta que hasta ahora no tenía una respuesta única: qué salas de consumo
supervisado existen, dónde, desde cuándo, qué ofrecen y con qué marco legal.

Cada centro tiene una historia fechada (en proyecto, abierto, suspendido, cerrado) y perfiles
fechados de las vías de consumo, plazas, horarios, criterios de admisión y servicios que ofrece.
Cada dato enlaza con su fuente, y cada cifra indica la fecha a la que se refiere, porque los
recuentos publicados varían según la fecha y la definición.

Joan Colom i Farran comparó una vez el exigir cada vez más pruebas sobre las salas de consumo
supervisado con exigir un ensayo que demuestre que los paracaídas funcionan (2014, citado en la
{es("indcr-home")}). Más allá del directorio, la red comparte
prácticas e investigación, abre el acceso a la literatura y organiza intercambios, visitas y
formaciones para los equipos que gestionan una sala o planean abrirla.
""",
            },
        },
    },
    {
        "slug": "about",
        "menu_order": 1,
        "text": {
            "en": {
                "title": "About the network",
                "summary": "What the International Network of Drug Consumption Rooms is for, "
                "and where it comes from.",
                "body": f"""
## Our mission

The network works to make drug consumption rooms easier to reach and better at what they do. It
builds on research and on what providers and people who use drugs know from experience
({link("indcr-about")}).

## Our aims

1. Guide, train and support organisations that run a drug consumption room or plan to open one.
2. Bring providers, people who use drugs and policy makers together to exchange experience.
3. Support research on drug consumption rooms.
4. Follow how rooms and policies develop, to argue for them at local, national and European
   level.

## History

The Regenboog Groep in Amsterdam hosts the network's website, which also carries the logo of
Correlation, the European Harm Reduction Network. The network's own pages say it has brought
professionals together since 2011; Correlation says it has hosted the network since 2007
({link("cehrn-endcr")}). We give 2011, the network's own statement, and note the other date here.

The earlier site offered country essays from 2015–16, survey charts as images and a monthly
highlight that stopped at one facility. This site replaces them with a directory that editors
and facilities keep up to date, with a source and a date for every fact.

## Related networks

Since 2022 the European Network of Drug Consumption Rooms (ENDCR) has gathered organisations
in the WHO Europe region that run or plan a room. Its yearly update feeds Correlation's map of
European facilities, and it has published the *Safer Consumption Spaces* manual
({link("cehrn-endcr")}).
""",
            },
            "fr": {
                "title": "À propos du réseau",
                "summary": "La raison d'être du Réseau international des salles de "
                "consommation, et ses origines.",
                "body": f"""
## Notre mission

Le réseau s'attache à rendre les salles de consommation plus accessibles et plus efficaces. Il
s'appuie sur la recherche et sur le savoir d'expérience des équipes qui les gèrent et des personnes
qui consomment des drogues ({fr("indcr-about")}).

## Nos objectifs

1. Orienter, former et accompagner les organismes qui gèrent une salle de consommation ou qui
   prévoient d'en ouvrir une.
2. Réunir les équipes des salles, les personnes qui consomment des drogues et les responsables
   politiques pour qu'ils échangent leurs expériences.
3. Soutenir la recherche sur les salles de consommation.
4. Suivre l'évolution des salles et des politiques, pour plaider en leur faveur aux niveaux local,
   national et européen.

## Historique

Le Regenboog Groep, à Amsterdam, héberge le site du réseau, qui porte aussi le logo de
Correlation, le réseau européen de réduction des risques (European Harm Reduction Network). Selon
ses propres pages, le réseau réunit des professionnel·les depuis 2011 ; Correlation indique
l'héberger depuis 2007 ({fr("cehrn-endcr")}). Nous retenons 2011, la date que donne le réseau
lui-même, et signalons ici l'autre date.

L'ancien site proposait des présentations par pays datant de 2015–2016, des graphiques d'enquête
sous forme d'images et une structure du mois qui s'est arrêtée à une seule structure. Ce site les
remplace par un répertoire que les éditeurs et éditrices et les structures tiennent à jour, avec
une source et une date pour chaque fait.

## Réseaux apparentés

Depuis 2022, le Réseau européen des salles de consommation (European Network of Drug Consumption
Rooms, ENDCR) rassemble les organismes de la région Europe de l'OMS qui gèrent une salle ou en
projettent une. Sa mise à jour annuelle alimente la carte des structures européennes de
Correlation, et il a publié le manuel *Safer Consumption Spaces*
({fr("cehrn-endcr")}).
""",
            },
            "de": {
                "title": "Über das Netzwerk",
                "summary": "Wofür das Internationale Netzwerk der Drogenkonsumräume da ist und "
                "woher es kommt.",
                "body": f"""
## Unser Auftrag

Das Netzwerk setzt sich dafür ein, dass Drogenkonsumräume leichter erreichbar sind und ihre
Aufgaben besser erfüllen. Es stützt sich auf Forschung und auf das Erfahrungswissen von Trägern
und von Menschen, die Drogen konsumieren ({de("indcr-about")}).

## Unsere Ziele

1. Organisationen, die einen Drogenkonsumraum betreiben oder eröffnen wollen, beraten, schulen
   und unterstützen.
2. Träger, Menschen, die Drogen konsumieren, und politische Entscheidungsträger:innen zum
   Erfahrungsaustausch zusammenbringen.
3. Forschung zu Drogenkonsumräumen unterstützen.
4. Verfolgen, wie sich Konsumräume und Drogenpolitik entwickeln, um sich auf lokaler, nationaler
   und europäischer Ebene für sie einzusetzen.

## Geschichte

Die Regenboog Groep in Amsterdam betreibt die Website des Netzwerks, die auch das Logo von
Correlation trägt, dem European Harm Reduction Network. Nach eigenen Angaben bringt das
Netzwerk seit 2011 Fachleute zusammen; Correlation gibt an, das Netzwerk seit 2007 zu beherbergen
({de("cehrn-endcr")}).
Wir nennen 2011, die Angabe des Netzwerks selbst, und vermerken das andere Datum hier.

Die frühere Website bot Länderberichte aus den Jahren 2015–16, Erhebungsgrafiken als Bilder und
eine Einrichtung des Monats, die nach einer einzigen Einrichtung endete. Diese Website ersetzt sie
durch ein Verzeichnis, das Redaktion und Einrichtungen aktuell halten, mit einer Quelle und einem
Datum für jede Angabe.

## Verwandte Netzwerke

Seit 2022 vereint das European Network of Drug Consumption Rooms (ENDCR) Organisationen in der
WHO-Region Europa, die einen Konsumraum betreiben oder planen. Seine jährliche Aktualisierung
fließt in die Karte der europäischen Einrichtungen von Correlation ein, und es hat das Handbuch
*Safer Consumption Spaces* veröffentlicht
({de("cehrn-endcr")}).
""",
            },
            "nl": {
                "title": "Over het netwerk",
                "summary": "Waarvoor het Internationale Netwerk van Gebruiksruimten bestaat, en "
                "waar het vandaan komt.",
                "body": f"""
## Onze missie

Het netwerk zet zich ervoor in dat gebruiksruimten beter bereikbaar worden en hun werk beter
kunnen doen. Het bouwt voort op onderzoek en op de ervaringskennis van aanbieders en van mensen
die drugs gebruiken ({nl("indcr-about")}).

## Onze doelen

1. Organisaties die een gebruiksruimte beheren of er een willen openen, begeleiden, trainen en
   ondersteunen.
2. Aanbieders, mensen die drugs gebruiken en beleidsmakers samenbrengen om ervaringen uit te
   wisselen.
3. Onderzoek naar gebruiksruimten ondersteunen.
4. Volgen hoe gebruiksruimten en beleid zich ontwikkelen, om er op lokaal, nationaal en Europees
   niveau voor te pleiten.

## Geschiedenis

De Regenboog Groep in Amsterdam host de website van het netwerk, waarop ook het logo staat van
Correlation, het European Harm Reduction Network. Volgens zijn eigen pagina's brengt het netwerk
sinds 2011 professionals samen; Correlation zegt het netwerk sinds 2007 te hosten
({nl("cehrn-endcr")}).
Wij houden 2011 aan, de opgave van het netwerk zelf, en vermelden de andere datum hier.

De vorige site bood landenbeschrijvingen uit 2015–16, enquêtegrafieken als afbeeldingen en een
voorziening van de maand die bij één voorziening bleef steken. Deze site vervangt ze door een
overzicht dat redacteuren en voorzieningen actueel houden, met een bron en een datum bij elk feit.

## Verwante netwerken

Sinds 2022 brengt het European Network of Drug Consumption Rooms (ENDCR) organisaties samen in de
WHO-regio Europa die een gebruiksruimte beheren of plannen. De jaarlijkse update ervan voedt de
kaart van Europese voorzieningen van Correlation, en het ENDCR heeft het handboek *Safer
Consumption Spaces* uitgebracht
({nl("cehrn-endcr")}).
""",
            },
            "es": {
                "title": "Sobre la red",
                "summary": "Para qué existe la Red Internacional de Salas de Consumo "
                "Supervisado y de dónde viene.",
                "body": f"""
## Nuestra misión

La red trabaja para que las salas de consumo supervisado sean más accesibles y cumplan mejor su
función. Se basa en la investigación y en lo que los equipos que las gestionan y las personas que
usan drogas saben por experiencia ({es("indcr-about")}).

## Nuestros objetivos

1. Orientar, formar y apoyar a las organizaciones que gestionan una sala de consumo supervisado o
   que prevén abrir una.
2. Reunir a los equipos de las salas, a las personas que usan drogas y a los responsables
   políticos para que intercambien experiencias.
3. Apoyar la investigación sobre las salas de consumo supervisado.
4. Seguir la evolución de las salas y de las políticas, para defenderlas a nivel local, nacional y
   europeo.

## Historia

La Regenboog Groep de Ámsterdam aloja el sitio web de la red, que también lleva el logotipo de
Correlation, la red europea de reducción de daños (European Harm Reduction Network). Según sus
propias páginas, la red reúne a profesionales desde 2011; Correlation afirma acogerla desde 2007
({es("cehrn-endcr")}).
Indicamos 2011, la fecha que da la propia red, y dejamos constancia aquí de la otra.

El sitio anterior ofrecía textos por país de 2015–16, gráficos de encuestas en forma de imágenes y
un centro del mes que se quedó en un solo centro. Este sitio los sustituye por un directorio que el
equipo editorial y los propios centros mantienen al día, con una fuente y una fecha para cada dato.

## Redes relacionadas

Desde 2022, la Red Europea de Salas de Consumo (European Network of Drug Consumption Rooms, ENDCR)
reúne a organizaciones de la región europea de la OMS que gestionan una sala o planean abrirla. Su
actualización anual alimenta el mapa de centros europeos de Correlation, y ha publicado el manual
*Safer Consumption Spaces*
({es("cehrn-endcr")}).
""",
            },
        },
    },
    {
        "slug": "what-is-a-dcr",
        "menu_order": 2,
        "text": {
            "en": {
                "title": "What is a drug consumption room?",
                "summary": "A definition, a short history and what drug consumption rooms aim "
                "to achieve.",
                "body": f"""
A drug consumption room (DCR) is a professionally supervised place where people can use drugs
they bring with them in safer and more hygienic conditions. The same idea goes by many names:
supervised injection facility (SIF), medically supervised injecting centre (MSIC), safe
injecting site, fixing room, supervised consumption site or overdose prevention centre. Most
rooms also allow smoking or snorting, and a few are for smoking only ({link("indcr-what")}).

## Who they are for

They serve people who cannot or will not stop using drugs, and people who have few hygienic
places to inject or inhale ({link("emcdda-miniguide")}).

## What they aim for

The network describes aims on several levels ({link("indcr-what")}):

1. survival and better health;
2. a protected place to use;
3. education on safer use;
4. access to health and social services;
5. less public nuisance;
6. lower health costs.

The EMCDDA adds the aims of reaching people at high risk and of referring them to treatment
and care ({link("emcdda-miniguide")}).

## A short history

The first drug consumption room opened in Bern, Switzerland, in 1986. By July 2015 there were
about 100 in nine countries: Australia, Canada, Denmark, Germany, Luxembourg, the Netherlands,
Norway, Spain and Switzerland ({link("indcr-what")}). In 2022 the EMCDDA counted more than 100
worldwide in Belgium, Denmark, France, Germany, Greece, Luxembourg, the Netherlands, Norway,
Portugal, Spain, Switzerland, Australia, Canada, Mexico and the United States
({link("emcdda-2023-countries")}).

## Why counts differ

Published totals do not agree: depending on the source, the date and what is counted (for
example, whether mobile units or overdose prevention sites are included), figures range from
about 100 to about 200 facilities. This directory gives every count with its date and source.
""",
            },
            "fr": {
                "title": "Qu'est-ce qu'une salle de consommation ?",
                "summary": "Une définition, un bref historique et les objectifs des salles de "
                "consommation.",
                "body": f"""
Une salle de consommation est un lieu encadré par des professionnel·les où des personnes peuvent
consommer les drogues qu'elles apportent dans des conditions plus sûres et plus hygiéniques. La
même idée porte de nombreux noms : salle d'injection supervisée, centre d'injection sous
supervision médicale, site d'injection sécurisé, « fixing room », site de consommation supervisée
ou centre de prévention des surdoses ; en France, salle de consommation à moindre risque (SCMR),
appelée halte soins addictions (HSA) depuis 2022. La plupart des salles permettent aussi
l'inhalation ou le sniff, et quelques-unes sont réservées à l'inhalation
({fr("indcr-what")}).

## À qui elles s'adressent

Elles accueillent des personnes qui ne peuvent pas ou ne veulent pas arrêter de consommer des
drogues, ainsi que des personnes qui disposent de peu de lieux hygiéniques pour s'injecter ou
inhaler ({fr("emcdda-miniguide")}).

## Leurs objectifs

Le réseau décrit des objectifs à plusieurs niveaux
({fr("indcr-what")}) :

1. la survie et une meilleure santé ;
2. un lieu protégé pour consommer ;
3. l'information sur la réduction des risques liés à la consommation ;
4. l'accès aux services de santé et aux services sociaux ;
5. moins de nuisances dans l'espace public ;
6. des dépenses de santé moindres.

L'EMCDDA y ajoute deux objectifs : atteindre les personnes les plus exposées aux risques et les
orienter vers le traitement et les soins ({fr("emcdda-miniguide")}).

## Un bref historique

La première salle de consommation a ouvert à Berne, en Suisse, en 1986. En juillet 2015, on en
comptait une centaine dans neuf pays : Australie, Canada, Danemark, Allemagne, Luxembourg,
Pays-Bas, Norvège, Espagne et Suisse ({fr("indcr-what")}). En 2022, l'EMCDDA en dénombrait plus
de 100 dans le monde, en Belgique, au Danemark, en France, en Allemagne, en Grèce, au Luxembourg,
aux Pays-Bas, en Norvège, au Portugal, en Espagne, en Suisse, en Australie, au Canada, au Mexique
et aux États-Unis ({fr("emcdda-2023-countries")}).

## Pourquoi les chiffres diffèrent

Les totaux publiés ne concordent pas : selon la source, la date et ce qui est compté (par
exemple, si les unités mobiles ou les sites de prévention des surdoses sont inclus), les chiffres
vont d'une centaine à environ 200 structures. Ce répertoire donne chaque chiffre avec sa date et
sa source.
""",
            },
            "de": {
                "title": "Was ist ein Drogenkonsumraum?",
                "summary": "Eine Definition, eine kurze Geschichte und die Ziele von "
                "Drogenkonsumräumen.",
                "body": f"""
Ein Drogenkonsumraum ist ein professionell betreuter Ort, an dem Menschen mitgebrachte Drogen
unter sichereren und hygienischeren Bedingungen konsumieren können. Dieselbe Idee trägt viele
Namen: Konsumraum mit Injektionsplätzen, ärztlich überwachtes Injektionszentrum, sichere
Injektionsstelle, „Fixing Room“, Raum für beaufsichtigten Konsum oder
Überdosis-Präventionszentrum; in der Schweiz heißen diese Angebote Kontakt- und Anlaufstellen, in
Österreich und Luxemburg Konsumräume. Die meisten Räume erlauben auch den inhalativen oder nasalen
Konsum, einige sind nur für den inhalativen Konsum da
({de("indcr-what")}).

## Für wen sie da sind

Sie richten sich an Menschen, die den Drogenkonsum nicht beenden können oder wollen, und an
Menschen, die kaum hygienische Orte zum Injizieren oder Inhalieren haben
({de("emcdda-miniguide")}).

## Was sie erreichen wollen

Das Netzwerk beschreibt Ziele auf mehreren Ebenen
({de("indcr-what")}):

1. Überleben und bessere Gesundheit;
2. ein geschützter Ort für den Konsum;
3. Aufklärung über risikoärmeren Konsum;
4. Zugang zu Gesundheits- und Sozialdiensten;
5. weniger Belastungen im öffentlichen Raum;
6. geringere Gesundheitskosten.

Die EMCDDA nennt außerdem die Ziele, Menschen mit hohem Risiko zu erreichen und sie in Behandlung
und Versorgung weiterzuvermitteln
({de("emcdda-miniguide")}).

## Eine kurze Geschichte

Der erste Drogenkonsumraum wurde 1986 in Bern in der Schweiz eröffnet. Im Juli 2015 gab es rund
100 in neun Ländern: Australien, Kanada, Dänemark, Deutschland, Luxemburg, den Niederlanden,
Norwegen, Spanien und der Schweiz ({de("indcr-what")}).
2022 zählte die EMCDDA weltweit mehr als 100, in Belgien, Dänemark, Frankreich, Deutschland,
Griechenland, Luxemburg, den Niederlanden, Norwegen, Portugal, Spanien, der Schweiz, Australien,
Kanada, Mexiko und den Vereinigten Staaten
({de("emcdda-2023-countries")}).

## Warum die Zahlen voneinander abweichen

Die veröffentlichten Gesamtzahlen stimmen nicht überein: Je nach Quelle, Stichtag und Zählweise
(etwa ob mobile Angebote oder Überdosis-Präventionsstellen mitgezählt werden) reichen sie von rund
100 bis rund 200 Einrichtungen. Dieses Verzeichnis nennt jede Zahl mit Stichtag und Quelle.
""",
            },
            "nl": {
                "title": "Wat is een gebruiksruimte?",
                "summary": "Een definitie, een korte geschiedenis en wat gebruiksruimten willen "
                "bereiken.",
                "body": f"""
Een gebruiksruimte is een plek onder professioneel toezicht waar mensen zelf meegebrachte drugs
onder veiligere en hygiënischere omstandigheden kunnen gebruiken. Hetzelfde idee heeft veel namen:
gebruiksruimte voor injecteren, injectieruimte onder medisch toezicht, veilige injectieplek,
‘fixing room’, ruimte voor gesuperviseerd gebruik of centrum voor overdosispreventie. De meeste
ruimten staan ook roken of snuiven toe, en enkele zijn alleen bedoeld om te roken
({nl("indcr-what")}).

## Voor wie ze bedoeld zijn

Ze zijn er voor mensen die niet kunnen of willen stoppen met drugsgebruik, en voor mensen die
weinig hygiënische plekken hebben om te injecteren of te roken
({nl("emcdda-miniguide")}).

## Wat ze willen bereiken

Het netwerk beschrijft doelen op verschillende niveaus
({nl("indcr-what")}):

1. overleven en een betere gezondheid;
2. een beschermde plek om te gebruiken;
3. voorlichting over veiliger gebruik;
4. toegang tot gezondheidszorg en sociale voorzieningen;
5. minder overlast in de openbare ruimte;
6. lagere zorgkosten.

Het EMCDDA voegt daar de doelen aan toe om mensen met een hoog risico te bereiken en hen door te
verwijzen naar behandeling en zorg
({nl("emcdda-miniguide")}).

## Een korte geschiedenis

De eerste gebruiksruimte ging in 1986 open in Bern, in Zwitserland. In juli 2015 waren er zo'n 100
in negen landen: Australië, Canada, Denemarken, Duitsland, Luxemburg, Nederland, Noorwegen, Spanje
en Zwitserland ({nl("indcr-what")}). In 2022 telde het
EMCDDA er wereldwijd meer dan 100, in België, Denemarken, Frankrijk, Duitsland, Griekenland,
Luxemburg, Nederland, Noorwegen, Portugal, Spanje, Zwitserland, Australië, Canada, Mexico en de
Verenigde Staten ({nl("emcdda-2023-countries")}).

## Waarom de aantallen verschillen

De gepubliceerde totalen komen niet overeen: afhankelijk van de bron, de datum en wat er wordt
meegeteld (bijvoorbeeld of mobiele voorzieningen of plekken voor overdosispreventie meetellen),
lopen de cijfers uiteen van zo'n 100 tot zo'n 200 voorzieningen. Dit overzicht geeft elk aantal
met de datum en de bron.
""",
            },
            "es": {
                "title": "¿Qué es una sala de consumo supervisado?",
                "summary": "Una definición, una breve historia y lo que buscan las salas de "
                "consumo supervisado.",
                "body": f"""
Una sala de consumo supervisado es un espacio bajo supervisión profesional donde las personas
pueden consumir las drogas que traen consigo en condiciones más seguras e higiénicas. La misma
idea recibe muchos nombres: sala de inyección supervisada, centro de inyección bajo supervisión
médica, lugar de inyección seguro, «fixing room», sala de consumo higiénico o centro de prevención
de sobredosis. La mayoría de las salas permiten también fumar o esnifar, y algunas son solo para
fumar ({es("indcr-what")}).

## A quién se dirigen

Atienden a personas que no pueden o no quieren dejar de consumir drogas, y a personas que tienen
pocos lugares higiénicos donde inyectarse o inhalar
({es("emcdda-miniguide")}).

## Qué buscan

La red describe objetivos en varios niveles
({es("indcr-what")}):

1. la supervivencia y una mejor salud;
2. un lugar protegido para consumir;
3. educación para un consumo más seguro;
4. el acceso a servicios sanitarios y sociales;
5. menos molestias en el espacio público;
6. menores costes sanitarios.

El EMCDDA añade los objetivos de llegar a las personas con mayor riesgo y de derivarlas a
tratamiento y atención
({es("emcdda-miniguide")}).

## Una breve historia

La primera sala de consumo supervisado abrió en Berna (Suiza) en 1986. En julio de 2015 había unas
100 en nueve países: Australia, Canadá, Dinamarca, Alemania, Luxemburgo, los Países Bajos,
Noruega, España y Suiza ({es("indcr-what")}). En 2022
el EMCDDA contaba más de 100 en el mundo, en Bélgica, Dinamarca, Francia, Alemania, Grecia,
Luxemburgo, los Países Bajos, Noruega, Portugal, España, Suiza, Australia, Canadá, México y los
Estados Unidos ({es("emcdda-2023-countries")}).

## Por qué difieren las cifras

Los totales publicados no coinciden: según la fuente, la fecha y lo que se cuenta (por ejemplo, si
se incluyen las unidades móviles o los centros de prevención de sobredosis), las cifras van de unos
100 a unos 200 centros. Este directorio da cada cifra con su fecha y su fuente.
""",
            },
        },
    },
    {
        "slug": "dcr-models",
        "menu_order": 3,
        "text": {
            "en": {
                "title": "Models of drug consumption rooms",
                "summary": "Integrated, specialised and mobile rooms, and the other labels the "
                "directory uses.",
                "body": f"""
Drug consumption rooms come in a few recognisable forms ({link("indcr-models")};
{link("emcdda-2023")}).

## Integrated

The most common model: the consumption room is one service inside a drop-in or a health and
social centre, next to needle and syringe exchange, testing, and help with housing
and work.

## Specialised (stand-alone)

A room set up on its own, often near an open drug scene, that reaches other services through
partnerships.

## Mobile

A van fitted with booths for injecting and sometimes for smoking, which can serve outlying
districts. Vans may also hand out needles and condoms, provide methadone, and offer counselling
and referral. Berlin and Lisbon run such vans.

## Other labels in this directory

- **Overdose prevention site**: a term used in North America. Health Canada counts these apart
  from supervised consumption sites ({link("hc-dashboard")}); New York's health department
  calls its sites overdose prevention centres.
- **Peer-run**: a service run by people who use drugs themselves.

Each facility's page says which model our sources support; where they are silent, it says so.
""",
            },
            "fr": {
                "title": "Les modèles de salles de consommation",
                "summary": "Salles intégrées, spécialisées et mobiles, et les autres catégories "
                "qu'utilise le répertoire.",
                "body": f"""
Les salles de consommation prennent quelques formes bien reconnaissables
({fr("indcr-models")} ; {fr("emcdda-2023")}).

## Intégrée

Le modèle le plus répandu : la salle de consommation est l'un des services d'un accueil de jour
ou d'un centre médico-social, à côté de l'échange de seringues, du dépistage et de l'aide au
logement et à l'emploi.

## Spécialisée (autonome)

Une salle installée pour elle-même, souvent près d'une scène ouverte de consommation, qui accède
aux autres services par des partenariats.

## Mobile

Un véhicule aménagé avec des cabines pour l'injection et parfois pour l'inhalation, qui peut
desservir des quartiers excentrés. Ces véhicules peuvent aussi distribuer seringues et
préservatifs, délivrer de la méthadone et proposer conseil et orientation. Berlin et Lisbonne en
font circuler.

## Autres catégories de ce répertoire

- **Site de prévention des surdoses** : un terme employé en Amérique du Nord. Santé Canada les
  compte à part des sites de consommation supervisée ({fr("hc-dashboard")}) ; le département de
  la santé de New York appelle ses sites des centres de prévention des surdoses.
- **Géré par des pairs** : un service géré par des personnes qui consomment elles-mêmes des
  drogues.

La page de chaque structure indique le modèle qu'attestent nos sources ; quand elles n'en disent
rien, elle le signale.
""",
            },
            "de": {
                "title": "Modelle von Drogenkonsumräumen",
                "summary": "Integrierte, spezialisierte und mobile Konsumräume und die übrigen "
                "Kategorien des Verzeichnisses.",
                "body": f"""
Drogenkonsumräume gibt es in einigen wenigen, klar erkennbaren Formen
({de("indcr-models")}; {de("emcdda-2023")}).

## Integriert

Das häufigste Modell: Der Konsumraum ist ein Angebot innerhalb einer Kontaktstelle oder eines
Gesundheits- und Sozialzentrums, neben Spritzentausch, Testangeboten und Hilfe bei Wohnen und
Arbeit.

## Spezialisiert (eigenständig)

Ein eigenständig eingerichteter Konsumraum, oft in der Nähe einer offenen Drogenszene, der andere
Hilfen über Kooperationen erreicht.

## Mobil

Ein Fahrzeug mit Kabinen für den intravenösen und manchmal auch für den inhalativen Konsum, das
Randbezirke versorgen kann. Solche Fahrzeuge können auch Spritzen und Kondome ausgeben, Methadon
abgeben sowie Beratung und Weitervermittlung anbieten. Berlin und Lissabon setzen solche
Fahrzeuge ein.

## Weitere Kategorien in diesem Verzeichnis

- **Überdosis-Präventionsstelle** (overdose prevention site): ein in Nordamerika gebräuchlicher
  Begriff. Health Canada zählt diese Stellen getrennt von den Konsumräumen (supervised
  consumption sites) ({de("hc-dashboard")}); das New Yorker Gesundheitsamt nennt seine Standorte
  Überdosis-Präventionszentren.
- **Von Peers betrieben**: ein Angebot, das Menschen betreiben, die selbst Drogen konsumieren.

Die Seite jeder Einrichtung nennt das Modell, das unsere Quellen belegen; wo sie dazu schweigen,
sagt sie das.
""",
            },
            "nl": {
                "title": "Modellen van gebruiksruimten",
                "summary": "Geïntegreerde, gespecialiseerde en mobiele gebruiksruimten, en de "
                "andere categorieën die het overzicht gebruikt.",
                "body": f"""
Gebruiksruimten bestaan in een paar herkenbare vormen ({nl("indcr-models")}; {nl("emcdda-2023")}).

## Geïntegreerd

Het meest voorkomende model: de gebruiksruimte is één van de diensten van een inloophuis of een
centrum voor zorg en welzijn, naast spuitomruil, testen en hulp bij wonen en werk.

## Gespecialiseerd (zelfstandig)

Een op zichzelf staande gebruiksruimte, vaak in de buurt van een open drugsscene, die via
samenwerkingsverbanden andere diensten bereikt.

## Mobiel

Een bus met hokjes om te injecteren en soms om te roken, die buitenwijken kan bedienen. Zulke
bussen kunnen ook spuiten en condooms verstrekken, methadon verstrekken en advies en
doorverwijzing bieden. Berlijn en Lissabon zetten zulke bussen in.

## Andere categorieën in dit overzicht

- **Plek voor overdosispreventie** (overdose prevention site): een term uit Noord-Amerika. Health
  Canada telt deze plekken apart van de gebruiksruimten (supervised consumption sites)
  ({nl("hc-dashboard")}); de
  gezondheidsdienst van New York noemt zijn locaties centra voor overdosispreventie.
- **Gerund door ervaringsdeskundigen**: een dienst die wordt gerund door mensen die zelf drugs
  gebruiken.

De pagina van elke voorziening vermeldt welk model onze bronnen onderbouwen; als ze er niets over
zeggen, staat dat er ook.
""",
            },
            "es": {
                "title": "Modelos de salas de consumo supervisado",
                "summary": "Salas integradas, especializadas y móviles, y las demás categorías "
                "que usa el directorio.",
                "body": f"""
Las salas de consumo supervisado adoptan unas pocas formas reconocibles
({es("indcr-models")}; {es("emcdda-2023")}).

## Integrada

El modelo más común: la sala de consumo es un servicio más dentro de un centro de acogida o de un
centro sociosanitario, junto al intercambio de jeringuillas, las pruebas de detección y la ayuda
con la vivienda y el empleo.

## Especializada (independiente)

Una sala que funciona por sí sola, a menudo cerca de una escena abierta de consumo, y que llega a
otros servicios mediante acuerdos de colaboración.

## Móvil

Una furgoneta equipada con cabinas para inyectarse y a veces para fumar, que puede atender
barrios periféricos. Las furgonetas también pueden repartir jeringuillas y preservativos,
dispensar metadona y ofrecer asesoramiento y derivación. Berlín y Lisboa tienen furgonetas así.

## Otras categorías de este directorio

- **Centro de prevención de sobredosis** (overdose prevention site): un término usado en
  Norteamérica. Health Canada los cuenta aparte de las salas de consumo supervisado (supervised
  consumption sites) ({es("hc-dashboard")}); el departamento de salud de Nueva York denomina a sus
  centros «centros de prevención de sobredosis».
- **Gestionado por pares**: un servicio gestionado por las propias personas que usan drogas.

La página de cada centro indica qué modelo respaldan nuestras fuentes; cuando no dicen nada, lo
señala.
""",
            },
        },
    },
]
