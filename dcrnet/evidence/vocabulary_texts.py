# ruff: noqa: E501 (one term per entry reads best on one line per language)
"""What each seed term is called and means in each language: slug → language → (name,
description). English names are in vocabularies.SEED; a description may be empty.

Written with each language's own terms of the field (docs/glossary.md): "critère de résultat",
"Endpunkt", "uitkomstmaat", "resultado"; person-first wording, never "toxicomane", "Süchtige",
"verslaafde" or "drogadicto".
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    # --- Study designs ---------------------------------------------------------------------
    "rct": {
        "en": (
            "Randomised controlled trial",
            "Participants are allocated at random to the intervention or to a comparison group, and the outcomes of the groups are compared.",
        ),
        "fr": (
            "Essai contrôlé randomisé",
            "Les participants sont répartis par tirage au sort entre l'intervention et un groupe de comparaison, puis les critères de résultat des groupes sont comparés.",
        ),
        "de": (
            "Randomisierte kontrollierte Studie",
            "Die Teilnehmenden werden nach dem Zufallsprinzip der Intervention oder einer Vergleichsgruppe zugeteilt; die Endpunkte der Gruppen werden verglichen.",
        ),
        "nl": (
            "Gerandomiseerde gecontroleerde studie",
            "Deelnemers worden willekeurig toegewezen aan de interventie of aan een vergelijkingsgroep, waarna de uitkomsten van de groepen worden vergeleken.",
        ),
        "es": (
            "Ensayo controlado aleatorizado",
            "Los participantes se asignan al azar a la intervención o a un grupo de comparación y se comparan los resultados de los grupos.",
        ),
    },
    "cluster-trial": {
        "en": (
            "Cluster or stepped-wedge trial",
            "Groups (sites, neighbourhoods or services) rather than individuals are randomised; in a stepped-wedge trial every group receives the intervention, in a random order over time.",
        ),
        "fr": (
            "Essai en grappes ou en escalier (stepped-wedge)",
            "Ce sont des groupes (sites, quartiers ou services) et non des personnes qui sont tirés au sort ; dans un essai en escalier, chaque groupe reçoit l'intervention, dans un ordre tiré au sort au fil du temps.",
        ),
        "de": (
            "Cluster- oder Stepped-Wedge-Studie",
            "Randomisiert werden Gruppen (Standorte, Stadtteile oder Einrichtungen) statt einzelner Personen; in einer Stepped-Wedge-Studie erhalten alle Gruppen die Intervention, in zufälliger Reihenfolge über die Zeit.",
        ),
        "nl": (
            "Clustergerandomiseerde of stepped-wedge-studie",
            "Niet individuen maar groepen (locaties, wijken of voorzieningen) worden gerandomiseerd; in een stepped-wedge-studie krijgt elke groep de interventie, in een willekeurige volgorde in de tijd.",
        ),
        "es": (
            "Ensayo por conglomerados o escalonado (stepped-wedge)",
            "Se aleatorizan grupos (centros, barrios o servicios) en lugar de personas; en un ensayo escalonado todos los grupos reciben la intervención, en un orden aleatorio a lo largo del tiempo.",
        ),
    },
    "cohort": {
        "en": (
            "Cohort study",
            "A group of people is followed over time, comparing those who use the service (or use it more) with those who do not.",
        ),
        "fr": (
            "Étude de cohorte",
            "Un groupe de personnes est suivi dans le temps, en comparant celles qui fréquentent la structure (ou la fréquentent davantage) à celles qui ne la fréquentent pas.",
        ),
        "de": (
            "Kohortenstudie",
            "Eine Gruppe von Menschen wird über die Zeit begleitet; verglichen werden Personen, die das Angebot nutzen (oder häufiger nutzen), mit Personen, die es nicht nutzen.",
        ),
        "nl": (
            "Cohortonderzoek",
            "Een groep mensen wordt in de tijd gevolgd, waarbij wie de voorziening gebruikt (of vaker gebruikt) wordt vergeleken met wie dat niet doet.",
        ),
        "es": (
            "Estudio de cohortes",
            "Se sigue a un grupo de personas a lo largo del tiempo y se compara a quienes usan el servicio (o lo usan más) con quienes no lo usan.",
        ),
    },
    "case-control": {
        "en": (
            "Case-control study",
            "People with an outcome (cases) are compared with people without it (controls) for their past exposure, such as use of the service.",
        ),
        "fr": (
            "Étude cas-témoins",
            "Des personnes présentant le critère de résultat (cas) sont comparées à des personnes qui ne le présentent pas (témoins) quant à leur exposition passée, par exemple la fréquentation de la structure.",
        ),
        "de": (
            "Fall-Kontroll-Studie",
            "Menschen mit einem Endpunktereignis (Fälle) werden mit Menschen ohne dieses Ereignis (Kontrollen) hinsichtlich ihrer früheren Exposition verglichen, etwa der Nutzung des Angebots.",
        ),
        "nl": (
            "Patiënt-controleonderzoek",
            "Mensen bij wie de uitkomst optrad (cases) worden vergeleken met mensen bij wie dat niet zo is (controles) wat betreft eerdere blootstelling, zoals het gebruik van de voorziening.",
        ),
        "es": (
            "Estudio de casos y controles",
            "Se compara a personas que presentan un resultado (casos) con personas que no lo presentan (controles) en cuanto a su exposición previa, como el uso del servicio.",
        ),
    },
    "cross-sectional": {
        "en": (
            "Cross-sectional study",
            "A survey or measurement at one point in time, describing a population or comparing groups without following them.",
        ),
        "fr": (
            "Étude transversale",
            "Une enquête ou une mesure à un moment donné, qui décrit une population ou compare des groupes sans les suivre dans le temps.",
        ),
        "de": (
            "Querschnittstudie",
            "Eine Erhebung oder Messung zu einem Zeitpunkt, die eine Population beschreibt oder Gruppen vergleicht, ohne sie über die Zeit zu begleiten.",
        ),
        "nl": (
            "Cross-sectioneel onderzoek",
            "Een enquête of meting op één moment, die een populatie beschrijft of groepen vergelijkt zonder ze in de tijd te volgen.",
        ),
        "es": (
            "Estudio transversal",
            "Una encuesta o medición en un momento dado, que describe una población o compara grupos sin seguirlos en el tiempo.",
        ),
    },
    "ecological": {
        "en": (
            "Ecological, time-series, DiD or synthetic control",
            "Area-level data (neighbourhoods, cities) compared before and after an opening or with comparison areas: interrupted time series, difference-in-differences, synthetic control.",
        ),
        "fr": (
            "Étude écologique, série temporelle, double différence ou contrôle synthétique",
            "Des données agrégées par zone (quartiers, villes) comparées avant et après une ouverture ou avec des zones témoins : séries temporelles interrompues, doubles différences, contrôle synthétique.",
        ),
        "de": (
            "Ökologische Studie, Zeitreihe, Differenz-von-Differenzen oder synthetische Kontrolle",
            "Daten auf Gebietsebene (Stadtteile, Städte), verglichen vor und nach einer Eröffnung oder mit Vergleichsgebieten: unterbrochene Zeitreihen, Differenz-von-Differenzen, synthetische Kontrolle.",
        ),
        "nl": (
            "Ecologisch onderzoek, tijdreeks, verschil-in-verschillen of synthetische controle",
            "Gegevens op gebiedsniveau (wijken, steden), vergeleken vóór en na een opening of met vergelijkingsgebieden: onderbroken tijdreeksen, verschil-in-verschillen, synthetische controle.",
        ),
        "es": (
            "Estudio ecológico, serie temporal, diferencias en diferencias o control sintético",
            "Datos por zona (barrios, ciudades) comparados antes y después de una apertura o con zonas de comparación: series temporales interrumpidas, diferencias en diferencias, control sintético.",
        ),
    },
    "before-after": {
        "en": (
            "Before–after study",
            "The same measures taken before and after a service opened, without a separate comparison group.",
        ),
        "fr": (
            "Étude avant-après",
            "Les mêmes mesures relevées avant et après l'ouverture d'une structure, sans groupe de comparaison distinct.",
        ),
        "de": (
            "Vorher-nachher-Studie",
            "Dieselben Messungen vor und nach der Eröffnung eines Angebots, ohne eigene Vergleichsgruppe.",
        ),
        "nl": (
            "Voor-en-nameting",
            "Dezelfde metingen vóór en na de opening van een voorziening, zonder afzonderlijke vergelijkingsgroep.",
        ),
        "es": (
            "Estudio antes-después",
            "Las mismas mediciones tomadas antes y después de la apertura de un servicio, sin un grupo de comparación aparte.",
        ),
    },
    "qualitative": {
        "en": (
            "Qualitative study",
            "Interviews, focus groups or observation exploring experiences and views, for example of clients, staff or neighbours.",
        ),
        "fr": (
            "Étude qualitative",
            "Entretiens, groupes de discussion ou observation explorant des expériences et des points de vue, par exemple ceux des usagers et usagères, des équipes ou du voisinage.",
        ),
        "de": (
            "Qualitative Studie",
            "Interviews, Fokusgruppen oder Beobachtung zu Erfahrungen und Sichtweisen, etwa von Klient:innen, Mitarbeitenden oder der Nachbarschaft.",
        ),
        "nl": (
            "Kwalitatief onderzoek",
            "Interviews, focusgroepen of observatie naar ervaringen en opvattingen, bijvoorbeeld van bezoekers, medewerkers of buurtbewoners.",
        ),
        "es": (
            "Estudio cualitativo",
            "Entrevistas, grupos focales u observación que exploran experiencias y opiniones, por ejemplo de usuarios y usuarias, del personal o del vecindario.",
        ),
    },
    "mixed-methods": {
        "en": ("Mixed methods", "A study that combines quantitative and qualitative methods."),
        "fr": (
            "Méthodes mixtes",
            "Une étude qui associe des méthodes quantitatives et qualitatives.",
        ),
        "de": (
            "Mixed-Methods-Studie",
            "Eine Studie, die quantitative und qualitative Methoden verbindet.",
        ),
        "nl": (
            "Gemengde methoden",
            "Een onderzoek dat kwantitatieve en kwalitatieve methoden combineert.",
        ),
        "es": ("Métodos mixtos", "Un estudio que combina métodos cuantitativos y cualitativos."),
    },
    "service-data": {
        "en": (
            "Descriptive service data",
            "Figures a service records itself (visits, clients, overdoses managed, referrals), described without a comparison.",
        ),
        "fr": (
            "Données d'activité descriptives",
            "Les chiffres qu'une structure relève elle-même (passages, usagers, surdoses prises en charge, orientations), décrits sans comparaison.",
        ),
        "de": (
            "Deskriptive Leistungsdaten",
            "Zahlen, die eine Einrichtung selbst erfasst (Besuche, Klient:innen, versorgte Drogennotfälle, Weitervermittlungen), ohne Vergleich beschrieben.",
        ),
        "nl": (
            "Beschrijvende registratiegegevens",
            "Cijfers die een voorziening zelf bijhoudt (bezoeken, bezoekers, behandelde overdoses, doorverwijzingen), beschreven zonder vergelijking.",
        ),
        "es": (
            "Datos descriptivos del servicio",
            "Cifras que registra el propio centro (visitas, usuarios, sobredosis atendidas, derivaciones), descritas sin comparación.",
        ),
    },
    "cost-benefit": {
        "en": (
            "Cost-benefit model",
            "The costs of a service set against the monetary value of the harms it is estimated to avert.",
        ),
        "fr": (
            "Modèle coût-bénéfice",
            "Les coûts d'une structure mis en regard de la valeur monétaire des dommages qu'elle permettrait d'éviter selon les estimations.",
        ),
        "de": (
            "Kosten-Nutzen-Modell",
            "Die Kosten eines Angebots, dem Geldwert der Schäden gegenübergestellt, die es schätzungsweise verhindert.",
        ),
        "nl": (
            "Kosten-batenmodel",
            "De kosten van een voorziening afgezet tegen de geldwaarde van de schade die zij naar schatting voorkomt.",
        ),
        "es": (
            "Modelo de coste-beneficio",
            "Los costes de un servicio frente al valor monetario de los daños que se estima que evita.",
        ),
    },
    "cost-effectiveness": {
        "en": (
            "Cost-effectiveness or cost-utility model",
            "The cost per health outcome gained: an infection or death averted, a life-year or quality-adjusted life-year (QALY) gained.",
        ),
        "fr": (
            "Modèle coût-efficacité ou coût-utilité",
            "Le coût par résultat de santé obtenu : infection ou décès évité, année de vie ou année de vie ajustée sur la qualité (QALY) gagnée.",
        ),
        "de": (
            "Kosten-Effektivitäts- oder Kosten-Nutzwert-Modell",
            "Die Kosten je erzieltem Gesundheitsergebnis: eine verhinderte Infektion, ein verhinderter Todesfall, ein gewonnenes Lebensjahr oder qualitätsbereinigtes Lebensjahr (QALY).",
        ),
        "nl": (
            "Kosteneffectiviteits- of kostenutiliteitsmodel",
            "De kosten per behaalde gezondheidswinst: een voorkomen infectie of sterfgeval, een gewonnen levensjaar of voor kwaliteit gecorrigeerd levensjaar (QALY).",
        ),
        "es": (
            "Modelo de coste-efectividad o coste-utilidad",
            "El coste por resultado de salud obtenido: una infección o una muerte evitada, un año de vida o un año de vida ajustado por calidad (AVAC) ganado.",
        ),
    },
    "simulation-model": {
        "en": (
            "Transmission or other simulation model",
            "A mathematical model that projects effects, such as HIV or hepatitis C infections or overdose deaths averted, from assumptions and published data.",
        ),
        "fr": (
            "Modèle de transmission ou autre modèle de simulation",
            "Un modèle mathématique qui projette des effets, par exemple des infections par le VIH ou le VHC ou des décès par surdose évités, à partir d'hypothèses et de données publiées.",
        ),
        "de": (
            "Übertragungs- oder anderes Simulationsmodell",
            "Ein mathematisches Modell, das Wirkungen wie verhinderte HIV- oder Hepatitis-C-Infektionen oder Todesfälle durch Überdosis aus Annahmen und veröffentlichten Daten hochrechnet.",
        ),
        "nl": (
            "Transmissie- of ander simulatiemodel",
            "Een wiskundig model dat effecten, zoals voorkomen hiv- of hepatitis C-infecties of sterfgevallen door overdosis, berekent op basis van aannames en gepubliceerde gegevens.",
        ),
        "es": (
            "Modelo de transmisión u otro modelo de simulación",
            "Un modelo matemático que proyecta efectos, como infecciones por VIH o hepatitis C o muertes por sobredosis evitadas, a partir de supuestos y datos publicados.",
        ),
    },
    "systematic-review": {
        "en": (
            "Systematic review",
            "A review that searches for, selects and appraises all the studies on a question by a stated, reproducible method.",
        ),
        "fr": (
            "Revue systématique",
            "Une revue qui recherche, sélectionne et évalue toutes les études portant sur une question selon une méthode explicite et reproductible.",
        ),
        "de": (
            "Systematische Übersichtsarbeit",
            "Eine Übersichtsarbeit, die alle Studien zu einer Fragestellung nach einer offengelegten, nachvollziehbaren Methode sucht, auswählt und bewertet.",
        ),
        "nl": (
            "Systematische review",
            "Een review die alle studies over een vraag zoekt, selecteert en beoordeelt volgens een beschreven, reproduceerbare methode.",
        ),
        "es": (
            "Revisión sistemática",
            "Una revisión que busca, selecciona y evalúa todos los estudios sobre una pregunta con un método explícito y reproducible.",
        ),
    },
    "meta-analysis": {
        "en": (
            "Meta-analysis",
            "The results of several studies pooled statistically into one estimate.",
        ),
        "fr": (
            "Méta-analyse",
            "Les résultats de plusieurs études combinés statistiquement en une seule estimation.",
        ),
        "de": (
            "Metaanalyse",
            "Die Ergebnisse mehrerer Studien, statistisch zu einer gemeinsamen Schätzung zusammengefasst.",
        ),
        "nl": (
            "Meta-analyse",
            "De resultaten van meerdere studies, statistisch samengevoegd tot één schatting.",
        ),
        "es": (
            "Metaanálisis",
            "Los resultados de varios estudios combinados estadísticamente en una sola estimación.",
        ),
    },
    "scoping-review": {
        "en": (
            "Scoping review",
            "A review that maps what has been studied on a topic, and how, without rating the evidence.",
        ),
        "fr": (
            "Revue de la portée",
            "Une revue qui recense ce qui a été étudié sur un sujet, et comment, sans évaluer le niveau de preuve.",
        ),
        "de": (
            "Scoping Review",
            "Eine Übersichtsarbeit, die erfasst, was zu einem Thema wie untersucht wurde, ohne die Evidenz zu bewerten.",
        ),
        "nl": (
            "Scoping review",
            "Een review die in kaart brengt wat er over een onderwerp is onderzocht, en hoe, zonder het bewijs te beoordelen.",
        ),
        "es": (
            "Revisión de alcance",
            "Una revisión que describe qué se ha estudiado sobre un tema, y cómo, sin valorar la evidencia.",
        ),
    },
    "narrative-review": {
        "en": (
            "Narrative review or report",
            "An overview of the literature or of practice without a systematic search.",
        ),
        "fr": (
            "Revue narrative ou rapport",
            "Une synthèse de la littérature ou des pratiques, sans recherche systématique.",
        ),
        "de": (
            "Narrative Übersichtsarbeit oder Bericht",
            "Ein Überblick über Literatur oder Praxis ohne systematische Suche.",
        ),
        "nl": (
            "Narratieve review of rapport",
            "Een overzicht van de literatuur of de praktijk zonder systematische zoekstrategie.",
        ),
        "es": (
            "Revisión narrativa o informe",
            "Una visión general de la literatura o de la práctica sin búsqueda sistemática.",
        ),
    },
    "evaluation-report": {
        "en": (
            "Evaluation report (grey literature)",
            "An evaluation commissioned or published outside journals, often by a government or by the service itself.",
        ),
        "fr": (
            "Rapport d'évaluation (littérature grise)",
            "Une évaluation commandée ou publiée hors des revues scientifiques, souvent par les pouvoirs publics ou par la structure elle-même.",
        ),
        "de": (
            "Evaluationsbericht (graue Literatur)",
            "Eine Evaluation, die außerhalb von Fachzeitschriften beauftragt oder veröffentlicht wurde, oft von einer Behörde oder von der Einrichtung selbst.",
        ),
        "nl": (
            "Evaluatierapport (grijze literatuur)",
            "Een evaluatie die buiten vaktijdschriften is uitgevoerd of gepubliceerd, vaak in opdracht van de overheid of door de voorziening zelf.",
        ),
        "es": (
            "Informe de evaluación (literatura gris)",
            "Una evaluación encargada o publicada fuera de las revistas científicas, a menudo por la administración o por el propio centro.",
        ),
    },
    "protocol": {
        "en": ("Protocol", "The published plan of a study that has not yet reported its results."),
        "fr": (
            "Protocole",
            "Le plan publié d'une étude dont les résultats ne sont pas encore parus.",
        ),
        "de": (
            "Studienprotokoll",
            "Der veröffentlichte Plan einer Studie, deren Ergebnisse noch nicht vorliegen.",
        ),
        "nl": (
            "Onderzoeksprotocol",
            "Het gepubliceerde plan van een studie waarvan de resultaten nog niet zijn verschenen.",
        ),
        "es": (
            "Protocolo",
            "El plan publicado de un estudio cuyos resultados aún no se han publicado.",
        ),
    },
    # --- Outcomes --------------------------------------------------------------------------
    "overdose-mortality": {
        "en": (
            "Overdose mortality",
            "Deaths from drug overdose in the area around a service or among the people who use it.",
        ),
        "fr": (
            "Mortalité par surdose",
            "Décès par surdose dans le quartier d'une structure ou parmi les personnes qui la fréquentent.",
        ),
        "de": (
            "Todesfälle durch Überdosis",
            "Todesfälle durch Überdosis im Umfeld eines Angebots oder unter den Menschen, die es nutzen.",
        ),
        "nl": (
            "Sterfte door overdosis",
            "Sterfgevallen door een overdosis in de omgeving van een voorziening of onder de mensen die er gebruik van maken.",
        ),
        "es": (
            "Mortalidad por sobredosis",
            "Muertes por sobredosis en el entorno de un centro o entre las personas que lo utilizan.",
        ),
    },
    "non-fatal-overdose": {
        "en": (
            "Non-fatal or managed overdose",
            "Overdoses that staff managed on site, and non-fatal overdoses that clients report.",
        ),
        "fr": (
            "Surdose non mortelle ou prise en charge",
            "Surdoses prises en charge sur place par l'équipe, et surdoses non mortelles que déclarent les usagers et usagères.",
        ),
        "de": (
            "Nicht tödliche oder versorgte Überdosis",
            "Drogennotfälle, die das Team vor Ort versorgt hat, und nicht tödliche Überdosierungen, von denen Klient:innen berichten.",
        ),
        "nl": (
            "Niet-fatale of behandelde overdosis",
            "Overdoses die medewerkers ter plaatse hebben behandeld, en niet-fatale overdoses die bezoekers melden.",
        ),
        "es": (
            "Sobredosis no mortal o atendida",
            "Sobredosis atendidas en el propio centro por el equipo y sobredosis no mortales que refieren los usuarios y usuarias.",
        ),
    },
    "emergency-services": {
        "en": (
            "Ambulance, emergency and hospital use",
            "Ambulance call-outs, emergency department visits and hospital admissions.",
        ),
        "fr": (
            "Recours aux ambulances, aux urgences et à l'hôpital",
            "Interventions d'ambulance, passages aux urgences et hospitalisations.",
        ),
        "de": (
            "Rettungsdienst, Notaufnahme und Krankenhaus",
            "Rettungsdiensteinsätze, Besuche in der Notaufnahme und Krankenhausaufnahmen.",
        ),
        "nl": (
            "Gebruik van ambulance, spoedeisende hulp en ziekenhuis",
            "Ambulance-inzetten, bezoeken aan de spoedeisende hulp en ziekenhuisopnames.",
        ),
        "es": (
            "Uso de ambulancias, urgencias y hospital",
            "Salidas de ambulancia, visitas a urgencias e ingresos hospitalarios.",
        ),
    },
    "all-cause-mortality": {
        "en": ("All-cause mortality", "Deaths from any cause among the people who use a service."),
        "fr": (
            "Mortalité toutes causes",
            "Décès, quelle qu'en soit la cause, parmi les personnes qui fréquentent une structure.",
        ),
        "de": (
            "Gesamtmortalität",
            "Todesfälle jeglicher Ursache unter den Menschen, die ein Angebot nutzen.",
        ),
        "nl": (
            "Sterfte door alle oorzaken",
            "Sterfgevallen door welke oorzaak ook onder de mensen die een voorziening gebruiken.",
        ),
        "es": (
            "Mortalidad por todas las causas",
            "Muertes por cualquier causa entre las personas que utilizan un centro.",
        ),
    },
    "hiv": {
        "en": ("HIV", "HIV infections and incidence, observed or modelled."),
        "fr": ("VIH", "Infections par le VIH et incidence, observées ou modélisées."),
        "de": ("HIV", "HIV-Infektionen und Inzidenz, beobachtet oder modelliert."),
        "nl": ("Hiv", "Hiv-infecties en incidentie, waargenomen of gemodelleerd."),
        "es": ("VIH", "Infecciones por VIH e incidencia, observadas o modelizadas."),
    },
    "hcv": {
        "en": ("Hepatitis C", "Hepatitis C infections and incidence, observed or modelled."),
        "fr": (
            "Hépatite C",
            "Infections par le virus de l'hépatite C (VHC) et incidence, observées ou modélisées.",
        ),
        "de": ("Hepatitis C", "Hepatitis-C-Infektionen und Inzidenz, beobachtet oder modelliert."),
        "nl": ("Hepatitis C", "Hepatitis C-infecties en incidentie, waargenomen of gemodelleerd."),
        "es": (
            "Hepatitis C",
            "Infecciones por el virus de la hepatitis C (VHC) e incidencia, observadas o modelizadas.",
        ),
    },
    "injecting-risk": {
        "en": (
            "Injecting-risk behaviour",
            "Sharing or reusing syringes and other equipment, injecting in public or in a hurry.",
        ),
        "fr": (
            "Pratiques d'injection à risque",
            "Partage ou réutilisation de seringues et d'autre matériel, injection dans l'espace public ou dans la précipitation.",
        ),
        "de": (
            "Risikoverhalten beim Injizieren",
            "Teilen oder Wiederverwenden von Spritzen und anderem Konsumbesteck, Injizieren im öffentlichen Raum oder unter Zeitdruck.",
        ),
        "nl": (
            "Risicovol injecteergedrag",
            "Delen of hergebruiken van spuiten en ander gebruiksmateriaal, injecteren op straat of onder tijdsdruk.",
        ),
        "es": (
            "Prácticas de inyección de riesgo",
            "Compartir o reutilizar jeringuillas y otro material, inyectarse en la vía pública o con prisas.",
        ),
    },
    "ssti": {
        "en": (
            "Skin and soft-tissue infections",
            "Abscesses, cellulitis and other infections related to injecting.",
        ),
        "fr": (
            "Infections de la peau et des tissus mous",
            "Abcès, cellulites et autres infections liées à l'injection.",
        ),
        "de": (
            "Haut- und Weichteilinfektionen",
            "Abszesse, Phlegmonen und andere durch Injizieren bedingte Infektionen.",
        ),
        "nl": (
            "Huid- en wekedeleninfecties",
            "Abcessen, cellulitis en andere infecties door injecteren.",
        ),
        "es": (
            "Infecciones de piel y tejidos blandos",
            "Abscesos, celulitis y otras infecciones relacionadas con la inyección.",
        ),
    },
    "treatment": {
        "en": (
            "Treatment uptake and cessation",
            "Referral to and entry into treatment, including opioid agonist treatment and detoxification, and stopping or reducing injecting.",
        ),
        "fr": (
            "Entrée en traitement et arrêt de l'injection",
            "Orientation vers un traitement et entrée en traitement, dont le traitement de substitution aux opioïdes et le sevrage, ainsi que l'arrêt ou la réduction de l'injection.",
        ),
        "de": (
            "Behandlungsaufnahme und Beendigung des Injizierens",
            "Weitervermittlung in eine und Aufnahme einer Behandlung, einschließlich Substitutionsbehandlung und Entzug, sowie Beenden oder Verringern des intravenösen Konsums.",
        ),
        "nl": (
            "Start van behandeling en stoppen met injecteren",
            "Doorverwijzing naar en start van een behandeling, waaronder substitutiebehandeling en detoxificatie, en stoppen of minderen met injecteren.",
        ),
        "es": (
            "Inicio de tratamiento y abandono de la inyección",
            "Derivación e ingreso a tratamiento, incluidos el tratamiento con agonistas opioides y la desintoxicación, y abandono o reducción de la inyección.",
        ),
    },
    "access": {
        "en": (
            "Access and reach",
            "Whom a service reaches and whom it misses: who its clients are, barriers, uptake.",
        ),
        "fr": (
            "Accès et public atteint",
            "Qui une structure atteint et qui elle ne touche pas : profil des usagers et usagères, obstacles, recours.",
        ),
        "de": (
            "Zugang und Erreichbarkeit",
            "Wen ein Angebot erreicht und wen nicht: wer die Klient:innen sind, Zugangshürden, Inanspruchnahme.",
        ),
        "nl": (
            "Toegang en bereik",
            "Wie een voorziening bereikt en wie niet: wie de bezoekers zijn, drempels, gebruik.",
        ),
        "es": (
            "Acceso y alcance",
            "A quién llega un centro y a quién no: quiénes son sus usuarios y usuarias, barreras, utilización.",
        ),
    },
    "public-order": {
        "en": (
            "Public injecting and discarded syringes",
            "Drug use in public places and used syringes left in the street.",
        ),
        "fr": (
            "Consommation dans l'espace public et seringues abandonnées",
            "Consommation de drogues dans les lieux publics et seringues usagées laissées dans la rue.",
        ),
        "de": (
            "Konsum im öffentlichen Raum und herumliegende Spritzen",
            "Drogenkonsum an öffentlichen Orten und gebrauchte Spritzen auf der Straße.",
        ),
        "nl": (
            "Openbaar gebruik en achtergelaten spuiten",
            "Druggebruik op openbare plaatsen en gebruikte spuiten op straat.",
        ),
        "es": (
            "Consumo en la vía pública y jeringuillas abandonadas",
            "Consumo de drogas en espacios públicos y jeringuillas usadas abandonadas en la calle.",
        ),
    },
    "crime": {
        "en": ("Crime and dealing", "Recorded crime, drug dealing and disorder around a service."),
        "fr": (
            "Délinquance et trafic",
            "Délits enregistrés, trafic de drogues et troubles à l'ordre public aux abords d'une structure.",
        ),
        "de": (
            "Kriminalität und Drogenhandel",
            "Registrierte Straftaten, Drogenhandel und Störungen im Umfeld eines Angebots.",
        ),
        "nl": (
            "Criminaliteit en drugshandel",
            "Geregistreerde criminaliteit, drugshandel en overlast rond een voorziening.",
        ),
        "es": (
            "Delincuencia y venta de drogas",
            "Delitos registrados, venta de drogas y alteraciones del orden público en el entorno de un centro.",
        ),
    },
    "community-views": {
        "en": (
            "Community views",
            "What residents, businesses and the wider public think of a service.",
        ),
        "fr": (
            "Perception par le voisinage et le public",
            "Ce que les riverains, les commerces et le grand public pensent d'une structure.",
        ),
        "de": (
            "Sichtweisen von Nachbarschaft und Öffentlichkeit",
            "Was Anwohnende, Gewerbetreibende und die breite Öffentlichkeit über ein Angebot denken.",
        ),
        "nl": (
            "Opvattingen van buurt en publiek",
            "Wat buurtbewoners, ondernemers en het bredere publiek van een voorziening vinden.",
        ),
        "es": (
            "Opinión del vecindario y de la ciudadanía",
            "Lo que piensan de un centro los vecinos y vecinas, los comercios y la ciudadanía en general.",
        ),
    },
    "costs": {
        "en": ("Costs", "What a service costs to open and run, and the costs it saves elsewhere."),
        "fr": (
            "Coûts",
            "Ce que coûtent l'ouverture et le fonctionnement d'une structure, et les coûts qu'elle évite ailleurs.",
        ),
        "de": (
            "Kosten",
            "Was Eröffnung und Betrieb eines Angebots kosten und welche Kosten es an anderer Stelle einspart.",
        ),
        "nl": (
            "Kosten",
            "Wat het openen en draaien van een voorziening kost, en welke kosten zij elders bespaart.",
        ),
        "es": (
            "Costes",
            "Lo que cuesta abrir y mantener un centro, y los costes que ahorra en otros ámbitos.",
        ),
    },
    "implementation": {
        "en": (
            "Implementation",
            "How services are set up and run: models, rules, staffing, the routes of use offered, legal and political obstacles.",
        ),
        "fr": (
            "Mise en œuvre",
            "Comment les structures sont créées et fonctionnent : modèles, règles, équipes, modes de consommation proposés, obstacles juridiques et politiques.",
        ),
        "de": (
            "Umsetzung",
            "Wie Angebote aufgebaut und betrieben werden: Modelle, Regeln, Personal, angebotene Konsumformen, rechtliche und politische Hürden.",
        ),
        "nl": (
            "Implementatie",
            "Hoe voorzieningen worden opgezet en gerund: modellen, regels, personeel, aangeboden gebruikswijzen, juridische en politieke obstakels.",
        ),
        "es": (
            "Implementación",
            "Cómo se ponen en marcha y funcionan los centros: modelos, normas, personal, vías de consumo admitidas, obstáculos legales y políticos.",
        ),
    },
    "policing": {
        "en": (
            "Policing",
            "Police practice around services: arrests, tolerance zones, relations with staff and clients.",
        ),
        "fr": (
            "Action policière",
            "Pratiques policières aux abords des structures : interpellations, zones de tolérance, relations avec les équipes et les usagers et usagères.",
        ),
        "de": (
            "Polizeiarbeit",
            "Polizeiliche Praxis im Umfeld der Angebote: Festnahmen, Toleranzzonen, Verhältnis zu Team und Klient:innen.",
        ),
        "nl": (
            "Politieoptreden",
            "Politiepraktijk rond voorzieningen: arrestaties, gedoogzones, de verhouding met medewerkers en bezoekers.",
        ),
        "es": (
            "Actuación policial",
            "Práctica policial en torno a los centros: detenciones, zonas de tolerancia, relación con el equipo y con los usuarios y usuarias.",
        ),
    },
    # --- Settings (facility models) ----------------------------------------------------------
    "integrated": {
        "en": ("Integrated", ""),
        "fr": ("Salle intégrée", ""),
        "de": ("Integrierter Konsumraum", ""),
        "nl": ("Geïntegreerde gebruiksruimte", ""),
        "es": ("Sala integrada", ""),
    },
    "specialised": {
        "en": ("Specialised (stand-alone)", ""),
        "fr": ("Salle spécialisée (autonome)", ""),
        "de": ("Spezialisierter Konsumraum (eigenständig)", ""),
        "nl": ("Gespecialiseerde gebruiksruimte (zelfstandig)", ""),
        "es": ("Sala especializada (independiente)", ""),
    },
    "mobile": {
        "en": ("Mobile", ""),
        "fr": ("Unité mobile", ""),
        "de": ("Mobiler Konsumraum", ""),
        "nl": ("Mobiele gebruiksruimte", ""),
        "es": ("Unidad móvil", ""),
    },
    "ops": {
        "en": ("Overdose prevention site", ""),
        "fr": ("Site de prévention des surdoses", ""),
        "de": ("Überdosis-Präventionsstelle", ""),
        "nl": ("Locatie voor overdosispreventie", ""),
        "es": ("Sitio de prevención de sobredosis", ""),
    },
    "peer-run": {
        "en": ("Peer-run", ""),
        "fr": ("Gérée par des pairs", ""),
        "de": ("Von Peers betrieben", ""),
        "nl": ("Gerund door ervaringsdeskundigen", ""),
        "es": ("Gestionada por pares", ""),
    },
    "unsanctioned": {
        "en": ("Unsanctioned", ""),
        "fr": ("Non autorisée", ""),
        "de": ("Nicht genehmigt", ""),
        "nl": ("Zonder vergunning", ""),
        "es": ("No autorizada", ""),
    },
    # --- Routes of use ----------------------------------------------------------------------
    "injecting": {
        "en": ("Injecting", ""),
        "fr": ("Injection", ""),
        "de": ("Intravenös", ""),
        "nl": ("Injecteren", ""),
        "es": ("Inyectada", ""),
    },
    "inhaling": {
        "en": ("Inhaling / smoking", ""),
        "fr": ("Inhalation", ""),
        "de": ("Inhalativ (Rauchen)", ""),
        "nl": ("Inhaleren / roken", ""),
        "es": ("Inhalada / fumada", ""),
    },
    "other-route": {
        "en": ("Other routes", ""),
        "fr": ("Autres modes de consommation", ""),
        "de": ("Andere Konsumformen", ""),
        "nl": ("Andere gebruikswijzen", ""),
        "es": ("Otras vías de consumo", ""),
    },
}
