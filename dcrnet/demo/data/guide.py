# ruff: noqa: E501 (guidance texts keep their lines)
"""The guide to opening a DCR: ten steps written from shared/data/facts-indcr-and-peers.md
(B5 and the sections it draws on), each with its sources, the documents and evidence that help
and examples from facilities of the demo directory where the facts support one.

English is the source text; French, German, Dutch and Spanish say the same thing with the same
sources and figures, in the terms of docs/glossary.md. No figure here is absent from the facts
file; step 10 says only what the sources report about first weeks and years.
"""

from __future__ import annotations

from .knowledge_sources import cite_source, source_list, src
from .sources import link

STEPS: list[dict] = [
    # 1 -----------------------------------------------------------------------------------------
    {
        "number": 1,
        "slug": "needs-assessment",
        "sources": source_list("hc-apply", "emcdda-miniguide", "ddn-room", "de-borkener"),
        "documents": ["emcdda-drug-consumption-rooms-2023", "emcdda-miniguide-dcr"],
        "references": [4, 5],
        "examples": [],
        "text": {
            "en": {
                "title": "Needs assessment",
                "summary": "Show where and for whom a room is needed: overdoses, ambulance call-outs, public drug use and the people a room would serve.",
                "body": f"""A needs assessment is the evidence every later step rests on. Health Canada asks applicants to describe the local conditions behind a site, such as the target population and drug-related deaths ({src("hc-apply", "Health Canada")}); planning processes typically start from overdose and ambulance hotspots and from where people use drugs in public.

Describe whom the room is for. The EMCDDA names two target groups: people who are unable or unwilling to stop using drugs, and people with few places to inject or inhale hygienically ({src("emcdda-miniguide", "EMCDDA mini-guide")}).

Ask which routes of use the room must accommodate. European rooms report more smoking places and more people who use stimulants than before ({src("ddn-room", "Drink and Drugs News")}); in Frankfurt, one room rebuilt its smoking area from 4 to 16 places ({link("de-borkener", "Borkener Zeitung")}).

Keep every figure of the assessment with its date and source: it becomes the baseline of the evaluation plan (step 9).""",
            },
            "fr": {
                "title": "Évaluation des besoins",
                "summary": "Montrer où et pour qui une salle est nécessaire : surdoses, interventions d'ambulance, consommation dans l'espace public et personnes que la salle accueillerait.",
                "body": f"""L'évaluation des besoins est la base de toutes les étapes suivantes. Santé Canada demande aux demandeurs de décrire la situation locale qui justifie un site, notamment la population cible et les décès liés aux drogues ({src("hc-apply", "Santé Canada")}) ; les démarches de planification partent en général des lieux où se concentrent surdoses et interventions d'ambulance, et des lieux de consommation dans l'espace public.

Décrivez à qui la salle s'adresse. L'EMCDDA nomme deux groupes cibles : les personnes qui ne peuvent pas ou ne veulent pas arrêter de consommer, et celles qui disposent de peu de lieux pour s'injecter ou inhaler dans de bonnes conditions d'hygiène ({src("emcdda-miniguide", "mini-guide de l'EMCDDA")}).

Déterminez les modes de consommation que la salle devra accueillir. Les salles européennes signalent davantage de places d'inhalation et davantage de personnes qui consomment des stimulants qu'auparavant ({src("ddn-room", "Drink and Drugs News")}) ; à Francfort, une salle a porté son espace d'inhalation de 4 à 16 places lors de travaux ({link("de-borkener", "Borkener Zeitung")}).

Conservez chaque chiffre de l'évaluation avec sa date et sa source : il servira de point de départ au plan d'évaluation (étape 9).""",
            },
            "de": {
                "title": "Bedarfsanalyse",
                "summary": "Zeigen, wo und für wen ein Drogenkonsumraum gebraucht wird: Überdosierungen, Rettungseinsätze, öffentlicher Konsum und die Menschen, die der Raum erreichen soll.",
                "body": f"""Die Bedarfsanalyse ist die Grundlage aller weiteren Schritte. Health Canada verlangt von Antragstellenden eine Beschreibung der örtlichen Lage, die einen Standort begründet, etwa der Zielgruppe und der drogenbedingten Todesfälle ({src("hc-apply", "Health Canada")}); Planungsprozesse beginnen in der Regel bei den Schwerpunkten von Überdosierungen und Rettungseinsätzen und bei den Orten öffentlichen Konsums.

Beschreiben Sie, für wen der Raum gedacht ist. Die EMCDDA nennt zwei Zielgruppen: Menschen, die den Konsum nicht beenden können oder wollen, und Menschen mit wenigen Möglichkeiten, hygienisch zu injizieren oder zu inhalieren ({src("emcdda-miniguide", "Mini-Guide der EMCDDA")}).

Klären Sie, welche Konsumformen der Raum aufnehmen muss. Europäische Einrichtungen berichten von mehr Rauchplätzen und mehr Menschen, die Stimulanzien konsumieren, als früher ({src("ddn-room", "Drink and Drugs News")}); in Frankfurt hat ein Konsumraum seinen Rauchbereich beim Umbau von 4 auf 16 Plätze erweitert ({link("de-borkener", "Borkener Zeitung")}).

Halten Sie jede Zahl der Analyse mit Datum und Quelle fest: Sie ist die Ausgangslage des Evaluationsplans (Schritt 9).""",
            },
            "nl": {
                "title": "Behoefteanalyse",
                "summary": "Laten zien waar en voor wie een gebruiksruimte nodig is: overdoses, ambulance-inzetten, openbaar gebruik en de mensen die de ruimte zou bereiken.",
                "body": f"""De behoefteanalyse is de basis van alle volgende stappen. Health Canada vraagt aanvragers de lokale situatie te beschrijven die een locatie rechtvaardigt, zoals de doelgroep en drugsgerelateerde sterfgevallen ({src("hc-apply", "Health Canada")}); planningsprocessen beginnen doorgaans bij de plekken met veel overdoses en ambulance-inzetten en bij de plekken waar mensen in de openbare ruimte gebruiken.

Beschrijf voor wie de ruimte bedoeld is. Het EMCDDA noemt twee doelgroepen: mensen die niet kunnen of willen stoppen met gebruiken, en mensen met weinig plekken om hygiënisch te injecteren of te inhaleren ({src("emcdda-miniguide", "mini-gids van het EMCDDA")}).

Ga na welke gebruikswijzen de ruimte moet opvangen. Europese gebruiksruimten melden meer rookplekken en meer mensen die stimulantia gebruiken dan vroeger ({src("ddn-room", "Drink and Drugs News")}); in Frankfurt breidde een gebruiksruimte bij een verbouwing het rookgedeelte uit van 4 naar 16 plekken ({link("de-borkener", "Borkener Zeitung")}).

Bewaar elk cijfer van de analyse met datum en bron: het is het vertrekpunt van het evaluatieplan (stap 9).""",
            },
            "es": {
                "title": "Evaluación de necesidades",
                "summary": "Mostrar dónde y para quién se necesita una sala: sobredosis, servicios de ambulancia, consumo en la vía pública y las personas a las que atendería.",
                "body": f"""La evaluación de necesidades es la base de todos los pasos siguientes. Health Canada pide a quienes solicitan un centro que describan la situación local que lo justifica, como la población destinataria y las muertes relacionadas con las drogas ({src("hc-apply", "Health Canada")}); los procesos de planificación suelen partir de los puntos con más sobredosis y servicios de ambulancia y de los lugares de consumo en la vía pública.

Describa a quién se dirige la sala. El EMCDDA señala dos grupos destinatarios: las personas que no pueden o no quieren dejar de consumir, y las que tienen pocos lugares donde inyectarse o inhalar en condiciones higiénicas ({src("emcdda-miniguide", "miniguía del EMCDDA")}).

Determine qué vías de consumo deberá acoger la sala. Las salas europeas informan de más plazas para fumar y de más personas que usan estimulantes que antes ({src("ddn-room", "Drink and Drugs News")}); en Fráncfort, una sala amplió su zona para fumar de 4 a 16 plazas en una reforma ({link("de-borkener", "Borkener Zeitung")}).

Conserve cada cifra de la evaluación con su fecha y su fuente: será el punto de partida del plan de evaluación (paso 9).""",
            },
        },
    },
    # 2 -----------------------------------------------------------------------------------------
    {
        "number": 2,
        "slug": "coalition-and-stakeholders",
        "sources": source_list("lethbridge", "solid-exceed", "indcr-about", "cehrn-endcr"),
        "documents": ["dr-peter-centre-community-consultation", "solidify"],
        "references": [4],
        "examples": [
            {
                "facility": "pt-lisbon-mobile",
                **cite_source("pt-idpc-2019"),
                "note": {
                    "en": "Portugal's first mobile room is run by two organisations together, Médicos do Mundo and GAT, with a multidisciplinary team that includes peers.",
                    "fr": "La première salle mobile du Portugal est gérée conjointement par deux organisations, Médicos do Mundo et GAT, avec une équipe pluridisciplinaire qui comprend des travailleurs pairs.",
                    "de": "Portugals erster mobiler Konsumraum wird von zwei Organisationen gemeinsam betrieben, Médicos do Mundo und GAT, mit einem multiprofessionellen Team, zu dem Peer-Mitarbeiter:innen gehören.",
                    "nl": "De eerste mobiele gebruiksruimte van Portugal wordt samen door twee organisaties beheerd, Médicos do Mundo en GAT, met een multidisciplinair team waarin ervaringsdeskundigen werken.",
                    "es": "La primera sala móvil de Portugal la gestionan conjuntamente dos entidades, Médicos do Mundo y GAT, con un equipo multidisciplinar que incluye trabajadores pares.",
                },
            },
        ],
        "text": {
            "en": {
                "title": "Coalition and stakeholders",
                "summary": "Bring together the health authority, the city, police, services, people who use drugs, businesses and schools before the first public step.",
                "body": f"""No room opens on one organisation's strength. A coalition typically brings together the health authority, the city, police, non-governmental organisations, people who use drugs, businesses and schools; in Lethbridge, Canada, the coalition counted 16 bodies ({src("lethbridge", "Lethbridge consultation history")}). The SOLID-EXCEED course describes the partnerships a room depends on: the city, police, health services and residents ({src("solid-exceed", "SOLID-EXCEED")}).

Involve people who use drugs from the start, not only at consultation: the network's own mission joins the knowledge of providers with that of people who use drugs ({src("indcr-about", "INDCR")}).

Agree early on who leads, who speaks in public and who decides. Organisations in the WHO European region that run or plan a room can also join the European Network of DCRs (ENDCR) to meet their peers ({src("cehrn-endcr", "C-EHRN")}).""",
            },
            "fr": {
                "title": "Coalition et parties prenantes",
                "summary": "Réunir l'autorité sanitaire, la ville, la police, les services, les personnes qui consomment des drogues, les commerces et les écoles avant toute démarche publique.",
                "body": f"""Aucune salle n'ouvre grâce à une seule organisation. Une coalition réunit en général l'autorité sanitaire, la ville, la police, des organisations non gouvernementales, des personnes qui consomment des drogues, des commerces et des écoles ; à Lethbridge, au Canada, elle comptait 16 organismes ({src("lethbridge", "historique des consultations de Lethbridge")}). La formation SOLID-EXCEED décrit les partenariats dont une salle dépend : la ville, la police, les services de santé et les riverains ({src("solid-exceed", "SOLID-EXCEED")}).

Associez les personnes qui consomment des drogues dès le départ, et pas seulement lors de la concertation : la mission même du réseau associe les savoirs des professionnels à ceux des personnes qui consomment des drogues ({src("indcr-about", "INDCR")}).

Convenez tôt de qui pilote, qui s'exprime en public et qui décide. Les organisations de la région européenne de l'OMS qui gèrent ou préparent une salle peuvent aussi rejoindre le réseau européen des salles de consommation (ENDCR) pour rencontrer leurs pairs ({src("cehrn-endcr", "C-EHRN")}).""",
            },
            "de": {
                "title": "Bündnis und Beteiligte",
                "summary": "Gesundheitsbehörde, Stadt, Polizei, Hilfeeinrichtungen, Menschen, die Drogen konsumieren, Gewerbe und Schulen zusammenbringen, bevor Sie an die Öffentlichkeit gehen.",
                "body": f"""Kein Konsumraum öffnet aus der Kraft einer einzigen Organisation. Ein Bündnis vereint in der Regel Gesundheitsbehörde, Stadt, Polizei, Nichtregierungsorganisationen, Menschen, die Drogen konsumieren, Gewerbe und Schulen; im kanadischen Lethbridge gehörten 16 Stellen dazu ({src("lethbridge", "Geschichte der Konsultationen in Lethbridge")}). Der SOLID-EXCEED-Kurs beschreibt die Partnerschaften, von denen ein Konsumraum abhängt: Stadt, Polizei, Gesundheitsdienste und Anwohnende ({src("solid-exceed", "SOLID-EXCEED")}).

Beziehen Sie Menschen, die Drogen konsumieren, von Anfang an ein, nicht erst bei der Anwohnerbeteiligung: Schon der Auftrag des Netzwerks verbindet das Wissen der Fachleute mit dem der Menschen, die Drogen konsumieren ({src("indcr-about", "INDCR")}).

Legen Sie früh fest, wer leitet, wer öffentlich spricht und wer entscheidet. Organisationen in der europäischen WHO-Region, die einen Konsumraum betreiben oder planen, können außerdem dem Europäischen Netzwerk der Drogenkonsumräume (ENDCR) beitreten ({src("cehrn-endcr", "C-EHRN")}).""",
            },
            "nl": {
                "title": "Coalitie en belanghebbenden",
                "summary": "De gezondheidsautoriteit, de gemeente, de politie, voorzieningen, mensen die drugs gebruiken, ondernemers en scholen samenbrengen vóór de eerste openbare stap.",
                "body": f"""Geen gebruiksruimte gaat open op de kracht van één organisatie. Een coalitie brengt doorgaans de gezondheidsautoriteit, de gemeente, de politie, maatschappelijke organisaties, mensen die drugs gebruiken, ondernemers en scholen samen; in het Canadese Lethbridge telde de coalitie 16 organisaties ({src("lethbridge", "geschiedenis van de consultaties in Lethbridge")}). De SOLID-EXCEED-cursus beschrijft de samenwerkingsverbanden waarvan een gebruiksruimte afhangt: de gemeente, de politie, de gezondheidszorg en omwonenden ({src("solid-exceed", "SOLID-EXCEED")}).

Betrek mensen die drugs gebruiken vanaf het begin, niet pas bij de buurtconsultatie: de missie van het netwerk zelf verbindt de kennis van hulpverleners met die van mensen die drugs gebruiken ({src("indcr-about", "INDCR")}).

Spreek vroeg af wie leidt, wie in het openbaar spreekt en wie beslist. Organisaties in de Europese WHO-regio die een gebruiksruimte beheren of plannen, kunnen zich ook aansluiten bij het Europese netwerk van gebruiksruimten (ENDCR) ({src("cehrn-endcr", "C-EHRN")}).""",
            },
            "es": {
                "title": "Coalición y partes interesadas",
                "summary": "Reunir a la autoridad sanitaria, el ayuntamiento, la policía, los servicios, las personas que usan drogas, los comercios y las escuelas antes del primer paso público.",
                "body": f"""Ninguna sala abre gracias a una sola entidad. Una coalición suele reunir a la autoridad sanitaria, el ayuntamiento, la policía, organizaciones no gubernamentales, personas que usan drogas, comercios y escuelas; en Lethbridge (Canadá) la coalición sumaba 16 entidades ({src("lethbridge", "historia de las consultas de Lethbridge")}). El curso SOLID-EXCEED describe las alianzas de las que depende una sala: el ayuntamiento, la policía, los servicios de salud y el vecindario ({src("solid-exceed", "SOLID-EXCEED")}).

Incluya a las personas que usan drogas desde el principio, no solo en la consulta vecinal: la propia misión de la red une el conocimiento de los profesionales con el de las personas que usan drogas ({src("indcr-about", "INDCR")}).

Acuerden pronto quién dirige, quién habla en público y quién decide. Las entidades de la región europea de la OMS que gestionan o preparan una sala también pueden unirse a la Red Europea de Salas de Consumo (ENDCR) ({src("cehrn-endcr", "C-EHRN")}).""",
            },
        },
    },
    # 3 -----------------------------------------------------------------------------------------
    {
        "number": 3,
        "slug": "legal-route",
        "sources": source_list(
            "emcdda-2023",
            "legal-routes",
            "hc-apply",
            "indcr-fr",
            "indcr-ca",
            "gr-idpc-2015",
            "mx-ladosis",
        ),
        "documents": ["emcdda-drug-consumption-rooms-2023"],
        "references": [4],
        "examples": [
            {
                "facility": "fr-paris-scmr-gaia",
                **cite_source("indcr-fr"),
                "note": {
                    "en": "France's 2016 health law (article 43) allowed rooms as a six-year trial; Paris opened on 17 October 2016 in a hospital, Lariboisière.",
                    "fr": "La loi de santé de 2016 (article 43) a autorisé les salles à titre expérimental pour six ans ; Paris a ouvert le 17 octobre 2016 dans un hôpital, Lariboisière.",
                    "de": "Das französische Gesundheitsgesetz von 2016 (Artikel 43) erlaubte Konsumräume als sechsjährigen Modellversuch; Paris öffnete am 17. Oktober 2016 in einem Krankenhaus, Lariboisière.",
                    "nl": "De Franse gezondheidswet van 2016 (artikel 43) stond gebruiksruimten toe als proef van zes jaar; Parijs ging op 17 oktober 2016 open in een ziekenhuis, Lariboisière.",
                    "es": "La ley de salud francesa de 2016 (artículo 43) autorizó las salas como experiencia piloto de seis años; París abrió el 17 de octubre de 2016 en un hospital, Lariboisière.",
                },
            },
            {
                "facility": "ca-vancouver-insite",
                **cite_source("indcr-ca"),
                "note": {
                    "en": "Insite opened in September 2003 under an exemption granted under section 56 of Canada's Controlled Drugs and Substances Act.",
                    "fr": "Insite a ouvert en septembre 2003 grâce à une exemption accordée en vertu de l'article 56 de la Loi réglementant certaines drogues et autres substances du Canada.",
                    "de": "Insite öffnete im September 2003 mit einer Ausnahmegenehmigung nach Abschnitt 56 des kanadischen Betäubungsmittelgesetzes (Controlled Drugs and Substances Act).",
                    "nl": "Insite ging in september 2003 open met een ontheffing op grond van artikel 56 van de Canadese drugswet (Controlled Drugs and Substances Act).",
                    "es": "Insite abrió en septiembre de 2003 con una exención concedida en virtud del artículo 56 de la ley canadiense de drogas y sustancias controladas.",
                },
            },
            {
                "facility": "be-liege-saf-ti",
                **cite_source("be-vrt"),
                "note": {
                    "en": "Saf ti opened in Liège in September 2018, tolerated without a national law; the city invested €1 million.",
                    "fr": "Saf ti a ouvert à Liège en septembre 2018, tolérée en l'absence de loi nationale ; la ville a investi 1 million d'euros.",
                    "de": "Saf ti öffnete im September 2018 in Lüttich, geduldet ohne nationales Gesetz; die Stadt investierte 1 Million Euro.",
                    "nl": "Saf ti ging in september 2018 open in Luik, gedoogd zonder nationale wet; de stad investeerde 1 miljoen euro.",
                    "es": "Saf ti abrió en Lieja en septiembre de 2018, tolerada sin ley nacional; la ciudad invirtió 1 millón de euros.",
                },
            },
        ],
        "text": {
            "en": {
                "title": "Legal route",
                "summary": "Find the legal basis a room can open on in your country, and what it requires of you.",
                "body": f"""The EMCDDA and C-EHRN describe three legal routes taken in Europe and beyond ({src("emcdda-2023", "EMCDDA and C-EHRN, 2023")}; summarised by {src("legal-routes", "SOLID-EXCEED")}):

- **an expert legal opinion** that supervised consumption does not break the drug law (Switzerland 1989, Germany 1993, the Netherlands 1996);
- **specific provisions in the drug law** (Germany's §10a BtMG, Norway's 2004 act, Portugal's Law 30/2000, New South Wales section 360);
- **local public-health rules** (Spain).

Elsewhere a room needs an exemption: in Canada, an exemption under section 56 of the Controlled Drugs and Substances Act, for which Health Canada lists what an application must contain ({src("hc-apply", "Health Canada")}). France's 2016 health law allowed rooms as a six-year trial ({src("indcr-fr", "INDCR, France")}).

A legal basis is also what keeps a room open. A prosecutor closed the Athens pilot within a year of its 2013 opening ({link("gr-idpc-2015", "IDPC")}), and the city of Mexicali closed its room over permits ({link("mx-ladosis", "La Dosis")}).""",
            },
            "fr": {
                "title": "Voie juridique",
                "summary": "Trouver la base légale sur laquelle une salle peut ouvrir dans votre pays, et ce qu'elle exige de vous.",
                "body": f"""L'EMCDDA et C-EHRN décrivent trois voies juridiques empruntées en Europe et ailleurs ({src("emcdda-2023", "EMCDDA et C-EHRN, 2023")} ; résumé par {src("legal-routes", "SOLID-EXCEED")}) :

- **un avis juridique d'experts** selon lequel la consommation supervisée n'enfreint pas la loi sur les stupéfiants (Suisse 1989, Allemagne 1993, Pays-Bas 1996) ;
- **des dispositions spécifiques dans la loi sur les stupéfiants** (§10a BtMG en Allemagne, loi norvégienne de 2004, loi portugaise 30/2000, article 360 en Nouvelle-Galles du Sud) ;
- **des règles locales de santé publique** (Espagne).

Ailleurs, une salle a besoin d'une exemption : au Canada, une exemption au titre de l'article 56 de la Loi réglementant certaines drogues et autres substances, pour laquelle Santé Canada précise le contenu de la demande ({src("hc-apply", "Santé Canada")}). En France, la loi de santé de 2016 a autorisé les salles à titre expérimental pour six ans ({src("indcr-fr", "INDCR, France")}).

C'est aussi la base légale qui permet à une salle de rester ouverte. Un procureur a fermé le projet pilote d'Athènes moins d'un an après son ouverture en 2013 ({link("gr-idpc-2015", "IDPC")}), et la ville de Mexicali a fermé sa salle pour une question de permis ({link("mx-ladosis", "La Dosis")}).""",
            },
            "de": {
                "title": "Rechtsgrundlage",
                "summary": "Die Rechtsgrundlage finden, auf der in Ihrem Land ein Drogenkonsumraum öffnen kann, und klären, was sie von Ihnen verlangt.",
                "body": f"""EMCDDA und C-EHRN beschreiben drei rechtliche Wege, die in Europa und darüber hinaus gegangen wurden ({src("emcdda-2023", "EMCDDA und C-EHRN, 2023")}; zusammengefasst von {src("legal-routes", "SOLID-EXCEED")}):

- **ein juristisches Gutachten**, nach dem beaufsichtigter Konsum nicht gegen das Betäubungsmittelrecht verstößt (Schweiz 1989, Deutschland 1993, Niederlande 1996);
- **eigene Bestimmungen im Betäubungsmittelrecht** (§ 10a BtMG in Deutschland, das norwegische Gesetz von 2004, das portugiesische Gesetz 30/2000, Abschnitt 360 in New South Wales);
- **örtliche Gesundheitsvorschriften** (Spanien).

Anderswo braucht ein Konsumraum eine Ausnahmegenehmigung: in Kanada nach Abschnitt 56 des Controlled Drugs and Substances Act; Health Canada führt auf, was ein Antrag enthalten muss ({src("hc-apply", "Health Canada")}). In Frankreich erlaubte das Gesundheitsgesetz von 2016 Konsumräume als sechsjährigen Modellversuch ({src("indcr-fr", "INDCR, Frankreich")}).

Die Rechtsgrundlage ist auch das, was einen Konsumraum offen hält. Eine Staatsanwaltschaft schloss das Athener Pilotprojekt weniger als ein Jahr nach der Eröffnung 2013 ({link("gr-idpc-2015", "IDPC")}), und die Stadt Mexicali schloss ihren Konsumraum wegen fehlender Genehmigungen ({link("mx-ladosis", "La Dosis")}).""",
            },
            "nl": {
                "title": "Juridische basis",
                "summary": "De juridische basis vinden waarop in uw land een gebruiksruimte kan opengaan, en nagaan wat die van u vraagt.",
                "body": f"""Het EMCDDA en C-EHRN beschrijven drie juridische routes die in Europa en daarbuiten zijn gevolgd ({src("emcdda-2023", "EMCDDA en C-EHRN, 2023")}; samengevat door {src("legal-routes", "SOLID-EXCEED")}):

- **een juridisch deskundigenadvies** dat gesuperviseerd gebruik de drugswet niet overtreedt (Zwitserland 1989, Duitsland 1993, Nederland 1996);
- **specifieke bepalingen in de drugswet** (§10a BtMG in Duitsland, de Noorse wet van 2004, de Portugese wet 30/2000, artikel 360 in New South Wales);
- **lokale volksgezondheidsregels** (Spanje).

Elders heeft een gebruiksruimte een ontheffing nodig: in Canada een ontheffing op grond van artikel 56 van de Controlled Drugs and Substances Act; Health Canada beschrijft wat een aanvraag moet bevatten ({src("hc-apply", "Health Canada")}). In Frankrijk stond de gezondheidswet van 2016 gebruiksruimten toe als proef van zes jaar ({src("indcr-fr", "INDCR, Frankrijk")}).

De juridische basis is ook wat een gebruiksruimte open houdt. Een openbaar aanklager sloot de proef in Athene binnen een jaar na de opening in 2013 ({link("gr-idpc-2015", "IDPC")}), en de stad Mexicali sloot haar gebruiksruimte vanwege vergunningen ({link("mx-ladosis", "La Dosis")}).""",
            },
            "es": {
                "title": "Vía legal",
                "summary": "Encontrar la base legal sobre la que puede abrir una sala en su país y lo que esta le exige.",
                "body": f"""El EMCDDA y C-EHRN describen tres vías legales seguidas en Europa y fuera de ella ({src("emcdda-2023", "EMCDDA y C-EHRN, 2023")}; resumidas por {src("legal-routes", "SOLID-EXCEED")}):

- **un dictamen jurídico de expertos** según el cual el consumo supervisado no infringe la ley de drogas (Suiza 1989, Alemania 1993, Países Bajos 1996);
- **disposiciones específicas en la ley de drogas** (el §10a BtMG en Alemania, la ley noruega de 2004, la Ley 30/2000 de Portugal, la sección 360 en Nueva Gales del Sur);
- **normas locales de salud pública** (España).

En otros lugares, una sala necesita una exención: en Canadá, una exención según el artículo 56 de la ley de drogas y sustancias controladas; Health Canada enumera lo que debe contener la solicitud ({src("hc-apply", "Health Canada")}). En Francia, la ley de salud de 2016 autorizó las salas como experiencia piloto de seis años ({src("indcr-fr", "INDCR, Francia")}).

La base legal es también lo que mantiene abierta una sala. Un fiscal cerró el proyecto piloto de Atenas menos de un año después de su apertura en 2013 ({link("gr-idpc-2015", "IDPC")}), y el ayuntamiento de Mexicali cerró su sala por cuestiones de permisos ({link("mx-ladosis", "La Dosis")}).""",
            },
        },
    },
    # 4 -----------------------------------------------------------------------------------------
    {
        "number": 4,
        "slug": "site-selection",
        "sources": source_list("waterloo", "indcr-models", "solid-exceed", "hc-apply"),
        "documents": [],
        "references": [65],
        "examples": [
            {
                "facility": "fr-paris-scmr-gaia",
                **cite_source("indcr-fr"),
                "note": {
                    "en": "France's first two rooms, in Paris and Strasbourg, both opened in 2016 inside hospitals.",
                    "fr": "Les deux premières salles françaises, à Paris et à Strasbourg, ont toutes deux ouvert en 2016 dans des hôpitaux.",
                    "de": "Die ersten beiden französischen Konsumräume, in Paris und Straßburg, öffneten 2016 beide in Krankenhäusern.",
                    "nl": "De eerste twee Franse gebruiksruimten, in Parijs en Straatsburg, gingen in 2016 allebei open in ziekenhuizen.",
                    "es": "Las dos primeras salas francesas, en París y Estrasburgo, abrieron ambas en 2016 dentro de hospitales.",
                },
            },
            {
                "facility": "pt-lisbon-mobile",
                **cite_source("pt-lisboa"),
                "note": {
                    "en": "Lisbon chose a van: the mobile room moved from Beato to Arroios, so the site can follow where it is needed.",
                    "fr": "Lisbonne a choisi un véhicule : la salle mobile est passée de Beato à Arroios, si bien que le site peut suivre les besoins.",
                    "de": "Lissabon entschied sich für ein Fahrzeug: Der mobile Konsumraum zog von Beato nach Arroios, der Standort kann also dem Bedarf folgen.",
                    "nl": "Lissabon koos voor een bus: de mobiele gebruiksruimte verhuisde van Beato naar Arroios, zodat de locatie de behoefte kan volgen.",
                    "es": "Lisboa optó por una furgoneta: la sala móvil se trasladó de Beato a Arroios, de modo que el emplazamiento puede seguir a la necesidad.",
                },
            },
            {
                "facility": "de-berlin-fixpunkt-mobile",
                **cite_source("de-fixpunkt-mobile"),
                "note": {
                    "en": "Fixpunkt has run mobile rooms in Berlin since November 2003, serving several stops; a second van with two smoking places was added in August 2019.",
                    "fr": "Fixpunkt gère des salles mobiles à Berlin depuis novembre 2003, avec plusieurs arrêts ; un second véhicule doté de deux places d'inhalation s'y est ajouté en août 2019.",
                    "de": "Fixpunkt betreibt seit November 2003 mobile Konsumräume in Berlin mit mehreren Haltepunkten; im August 2019 kam ein zweites Fahrzeug mit zwei Rauchplätzen hinzu.",
                    "nl": "Fixpunkt beheert sinds november 2003 mobiele gebruiksruimten in Berlijn met meerdere standplaatsen; in augustus 2019 kwam er een tweede bus met twee rookplekken bij.",
                    "es": "Fixpunkt gestiona salas móviles en Berlín desde noviembre de 2003, con varias paradas; en agosto de 2019 se sumó una segunda furgoneta con dos plazas para fumar.",
                },
            },
        ],
        "text": {
            "en": {
                "title": "Site selection",
                "summary": "Choose a model and a place people will reach: near where drugs are used, with transit, services and access for first responders.",
                "body": f"""Choose the model first. INDCR describes three: **integrated** rooms inside a drop-in or social-medical centre (the most common), **specialised** stand-alone rooms near open drug scenes, and **mobile** rooms in vans that can cover several areas ({src("indcr-models", "INDCR: DCR models")}).

Then set criteria before looking at addresses. Waterloo Region, Canada, published its criteria: high need; at least 1,000 sq ft, ideally 2,000; within a ten-minute walk of where people use drugs; access to transit; near other services; and access for first responders ({src("waterloo", "Waterloo Region Record")}). The SOLID-EXCEED course covers location and venue in its second module ({src("solid-exceed", "SOLID-EXCEED")}).

Whatever the site, it will be examined: Health Canada asks for a floor plan and a description of the local conditions with the application ({src("hc-apply", "Health Canada")}).""",
            },
            "fr": {
                "title": "Choix du site",
                "summary": "Choisir un modèle et un lieu accessible : près des lieux de consommation, desservi par les transports, proche des services et accessible aux secours.",
                "body": f"""Choisissez d'abord le modèle. L'INDCR en décrit trois : les salles **intégrées** dans un accueil de jour ou un centre médico-social (les plus courantes), les salles **spécialisées** autonomes près des scènes ouvertes, et les salles **mobiles** en véhicule, qui peuvent desservir plusieurs quartiers ({src("indcr-models", "INDCR : modèles de salles")}).

Fixez ensuite des critères avant de regarder des adresses. La région de Waterloo, au Canada, a publié les siens : besoins élevés ; au moins 1 000 pieds carrés, idéalement 2 000 ; à dix minutes à pied au plus des lieux de consommation ; desserte par les transports en commun ; proximité d'autres services ; accès pour les secours ({src("waterloo", "Waterloo Region Record")}). La formation SOLID-EXCEED traite de l'emplacement et des locaux dans son deuxième module ({src("solid-exceed", "SOLID-EXCEED")}).

Quel que soit le site, il sera examiné : Santé Canada demande un plan des locaux et une description de la situation locale avec la demande ({src("hc-apply", "Santé Canada")}).""",
            },
            "de": {
                "title": "Standortwahl",
                "summary": "Ein Modell und einen erreichbaren Ort wählen: nahe den Konsumorten, mit Nahverkehr, Hilfeangeboten und Zufahrt für Rettungsdienste.",
                "body": f"""Wählen Sie zuerst das Modell. INDCR beschreibt drei: **integrierte** Konsumräume in einer Kontakt- und Anlaufstelle oder einem sozialmedizinischen Zentrum (die häufigsten), **spezialisierte** eigenständige Räume nahe offenen Szenen und **mobile** Konsumräume in Fahrzeugen, die mehrere Gebiete abdecken können ({src("indcr-models", "INDCR: Modelle")}).

Legen Sie dann Kriterien fest, bevor Sie Adressen prüfen. Die Region Waterloo in Kanada hat ihre veröffentlicht: hoher Bedarf; mindestens 1.000 Quadratfuß, besser 2.000; höchstens zehn Gehminuten von den Konsumorten; Anbindung an den Nahverkehr; Nähe zu anderen Hilfeangeboten; Zufahrt für Rettungsdienste ({src("waterloo", "Waterloo Region Record")}). Der SOLID-EXCEED-Kurs behandelt Lage und Räumlichkeiten in seinem zweiten Modul ({src("solid-exceed", "SOLID-EXCEED")}).

Jeder Standort wird geprüft werden: Health Canada verlangt mit dem Antrag einen Raumplan und eine Beschreibung der örtlichen Lage ({src("hc-apply", "Health Canada")}).""",
            },
            "nl": {
                "title": "Locatiekeuze",
                "summary": "Een model kiezen en een plek die mensen bereiken: dicht bij waar gebruikt wordt, met openbaar vervoer, voorzieningen en toegang voor hulpdiensten.",
                "body": f"""Kies eerst het model. INDCR beschrijft er drie: **geïntegreerde** gebruiksruimten in een inloop of een medisch-sociaal centrum (de meest voorkomende), **gespecialiseerde** zelfstandige ruimten bij open drugsscènes, en **mobiele** gebruiksruimten in bussen die meerdere wijken kunnen bedienen ({src("indcr-models", "INDCR: modellen")}).

Stel daarna criteria op voordat u naar adressen kijkt. De regio Waterloo in Canada publiceerde de hare: grote behoefte; minstens 1.000 vierkante voet, liefst 2.000; hooguit tien minuten lopen van waar mensen gebruiken; bereikbaar met openbaar vervoer; dicht bij andere voorzieningen; toegankelijk voor hulpdiensten ({src("waterloo", "Waterloo Region Record")}). De SOLID-EXCEED-cursus behandelt locatie en gebouw in de tweede module ({src("solid-exceed", "SOLID-EXCEED")}).

Elke locatie wordt beoordeeld: Health Canada vraagt bij de aanvraag een plattegrond en een beschrijving van de lokale situatie ({src("hc-apply", "Health Canada")}).""",
            },
            "es": {
                "title": "Selección del emplazamiento",
                "summary": "Elegir un modelo y un lugar al que la gente llegue: cerca de donde se consume, con transporte, servicios y acceso para los servicios de emergencia.",
                "body": f"""Elija primero el modelo. INDCR describe tres: salas **integradas** en un centro de acogida o un centro sociosanitario (las más comunes), salas **especializadas** independientes cerca de escenas abiertas de consumo, y salas **móviles** en furgonetas que pueden cubrir varias zonas ({src("indcr-models", "INDCR: modelos de salas")}).

Después fije criterios antes de mirar direcciones. La región de Waterloo (Canadá) publicó los suyos: necesidad alta; al menos 1.000 pies cuadrados, idealmente 2.000; a no más de diez minutos a pie de los lugares de consumo; acceso al transporte público; cercanía a otros servicios; acceso para los servicios de emergencia ({src("waterloo", "Waterloo Region Record")}). El curso SOLID-EXCEED trata la ubicación y el local en su segundo módulo ({src("solid-exceed", "SOLID-EXCEED")}).

Sea cual sea el emplazamiento, será examinado: Health Canada pide con la solicitud un plano del local y una descripción de la situación local ({src("hc-apply", "Health Canada")}).""",
            },
        },
    },
    # 5 -----------------------------------------------------------------------------------------
    {
        "number": 5,
        "slug": "community-consultation",
        "sources": source_list("hc-apply", "dr-peter", "ca-globe-2017"),
        "documents": ["dr-peter-centre-community-consultation"],
        "references": [33, 16],
        "examples": [
            {
                "facility": "ca-montreal-cactus",
                "source": "INDCR research notes on implementation toolkits (typical steps); opening: The Globe and Mail (2017)",
                "source_url": "https://beta.theglobeandmail.com/news/national/montreal-opens-first-of-three-supervised-injection-sites/article35376110/",
                "note": {
                    "en": "CACTUS Montréal consulted the community and set up a good-neighbour committee before opening its supervised injection site in June 2017; there were also resident protests in Montreal.",
                    "fr": "CACTUS Montréal a consulté le voisinage et mis en place un comité de bon voisinage avant d'ouvrir son site d'injection supervisée en juin 2017 ; des riverains ont aussi manifesté à Montréal.",
                    "de": "CACTUS Montréal hat die Nachbarschaft beteiligt und ein Nachbarschaftsgremium eingerichtet, bevor es im Juni 2017 seinen Konsumraum mit Injektionsplätzen eröffnete; in Montreal gab es auch Proteste von Anwohnenden.",
                    "nl": "CACTUS Montréal raadpleegde de buurt en richtte een buurtoverleg op voordat het in juni 2017 zijn gebruiksruimte voor injecteren opende; in Montreal protesteerden ook omwonenden.",
                    "es": "CACTUS Montréal consultó al vecindario y creó una comisión de buena vecindad antes de abrir su sala de inyección supervisada en junio de 2017; en Montreal también hubo protestas vecinales.",
                },
            },
        ],
        "text": {
            "en": {
                "title": "Community consultation and a good-neighbour group",
                "summary": "Consult residents, businesses and services before opening, answer their concerns, and keep talking through a good-neighbour group.",
                "body": f"""Consultation is required in some places and wise everywhere. Health Canada asks for a community consultation report with an application, and a renewal must report on community engagement ({src("hc-apply", "Health Canada")}). For British Columbia's health authorities, the Dr. Peter Centre wrote guidance on community consultation and engagement in 2017 ({src("dr-peter", "Dr. Peter Centre")}).

Expect opposition and prepare for it. Rooms have met resident protests (Montreal), petitions over the distance to a school and websites where opponents collect incidents; operators ask for answers to frequent questions, summaries of the evidence and good-neighbour tools. The evidence library holds studies of community perceptions and public order around existing rooms.

A **good-neighbour group** (residents, businesses, police, the operator, people who use the room) keeps the conversation going after opening: it hears complaints early and shows what the room does about them. CACTUS Montréal set one up before it opened in 2017.""",
            },
            "fr": {
                "title": "Concertation avec le voisinage et comité de bon voisinage",
                "summary": "Consulter riverains, commerces et services avant l'ouverture, répondre à leurs inquiétudes et poursuivre le dialogue au sein d'un comité de bon voisinage.",
                "body": f"""La concertation est obligatoire à certains endroits et utile partout. Santé Canada demande un rapport de consultation de la communauté avec la demande, et un renouvellement doit rendre compte de l'engagement auprès de la communauté ({src("hc-apply", "Santé Canada")}). Pour les autorités sanitaires de Colombie-Britannique, le Dr. Peter Centre a rédigé en 2017 un guide sur la consultation et l'engagement de la communauté ({src("dr-peter", "Dr. Peter Centre")}).

Attendez-vous à des oppositions et préparez-vous-y. Des salles ont fait face à des manifestations de riverains (Montréal), à des pétitions sur la distance à une école et à des sites où des opposants recensent des incidents ; les gestionnaires demandent des réponses aux questions fréquentes, des synthèses des données probantes et des outils de bon voisinage. La bibliothèque scientifique contient des études sur la perception des riverains et l'ordre public autour des salles existantes.

Un **comité de bon voisinage** (riverains, commerces, police, gestionnaire, usagers de la salle) fait vivre le dialogue après l'ouverture : il entend les plaintes tôt et montre ce que la salle fait pour y répondre. CACTUS Montréal en a mis un en place avant son ouverture en 2017.""",
            },
            "de": {
                "title": "Anwohnerbeteiligung und Nachbarschaftsgremium",
                "summary": "Anwohnende, Gewerbe und Einrichtungen vor der Eröffnung beteiligen, auf ihre Sorgen eingehen und im Gespräch bleiben – in einem Nachbarschaftsgremium.",
                "body": f"""Beteiligung ist mancherorts vorgeschrieben und überall klug. Health Canada verlangt mit dem Antrag einen Bericht über die Konsultation der Nachbarschaft, und eine Verlängerung muss über die Einbindung der Nachbarschaft berichten ({src("hc-apply", "Health Canada")}). Für die Gesundheitsbehörden von British Columbia hat das Dr. Peter Centre 2017 einen Leitfaden zu Konsultation und Beteiligung verfasst ({src("dr-peter", "Dr. Peter Centre")}).

Rechnen Sie mit Widerstand und bereiten Sie sich darauf vor. Konsumräume sind auf Proteste von Anwohnenden gestoßen (Montreal), auf Petitionen wegen der Nähe zu einer Schule und auf Websites, auf denen Gegner Vorfälle sammeln; Träger wünschen sich Antworten auf häufige Fragen, Zusammenfassungen der Evidenz und Werkzeuge für gute Nachbarschaft. Die Studienbibliothek enthält Studien zur Wahrnehmung in der Nachbarschaft und zur öffentlichen Ordnung rund um bestehende Konsumräume.

Ein **Nachbarschaftsgremium** (Anwohnende, Gewerbe, Polizei, Träger, Nutzer:innen des Raums) hält das Gespräch nach der Eröffnung in Gang: Es hört Beschwerden früh und zeigt, was der Konsumraum dagegen tut. CACTUS Montréal hat vor der Eröffnung 2017 eines eingerichtet.""",
            },
            "nl": {
                "title": "Buurtconsultatie en een buurtoverleg",
                "summary": "Omwonenden, ondernemers en voorzieningen raadplegen vóór de opening, op hun zorgen ingaan en in gesprek blijven via een buurtoverleg.",
                "body": f"""Consultatie is op sommige plaatsen verplicht en overal verstandig. Health Canada vraagt bij de aanvraag een verslag van de buurtconsultatie, en bij een verlenging moet over de betrokkenheid van de buurt worden gerapporteerd ({src("hc-apply", "Health Canada")}). Voor de gezondheidsautoriteiten van British Columbia schreef het Dr. Peter Centre in 2017 een handreiking over consultatie en betrokkenheid van de buurt ({src("dr-peter", "Dr. Peter Centre")}).

Reken op tegenstand en bereid u erop voor. Gebruiksruimten kregen te maken met protesten van omwonenden (Montreal), petities over de afstand tot een school en websites waar tegenstanders incidenten verzamelen; beheerders vragen om antwoorden op veelgestelde vragen, samenvattingen van het onderzoek en hulpmiddelen voor goed nabuurschap. De bibliotheek van onderzoek bevat studies naar de beleving van de buurt en de openbare orde rond bestaande gebruiksruimten.

Een **buurtoverleg** (omwonenden, ondernemers, politie, de beheerder, bezoekers van de ruimte) houdt het gesprek na de opening gaande: het hoort klachten vroeg en laat zien wat de ruimte eraan doet. CACTUS Montréal richtte er een op vóór de opening in 2017.""",
            },
            "es": {
                "title": "Consulta vecinal y comisión de buena vecindad",
                "summary": "Consultar al vecindario, los comercios y los servicios antes de abrir, responder a sus preocupaciones y mantener el diálogo en una comisión de buena vecindad.",
                "body": f"""La consulta es obligatoria en algunos lugares y sensata en todos. Health Canada pide con la solicitud un informe de consulta a la comunidad, y una renovación debe informar sobre la relación con la comunidad ({src("hc-apply", "Health Canada")}). Para las autoridades sanitarias de Columbia Británica, el Dr. Peter Centre redactó en 2017 una guía sobre consulta y participación de la comunidad ({src("dr-peter", "Dr. Peter Centre")}).

Cuente con oposición y prepárese. Algunas salas se han encontrado con protestas vecinales (Montreal), recogidas de firmas por la distancia a una escuela y sitios web donde los opositores recopilan incidentes; las entidades gestoras piden respuestas a preguntas frecuentes, resúmenes de la evidencia y herramientas de buena vecindad. La biblioteca de evidencia reúne estudios sobre la percepción vecinal y el orden público en torno a las salas existentes.

Una **comisión de buena vecindad** (vecindario, comercios, policía, entidad gestora, usuarios de la sala) mantiene el diálogo tras la apertura: escucha pronto las quejas y muestra lo que la sala hace al respecto. CACTUS Montréal creó una antes de abrir en 2017.""",
            },
        },
    },
    # 6 -----------------------------------------------------------------------------------------
    {
        "number": 6,
        "slug": "floor-plan-and-house-rules",
        "sources": source_list(
            "hc-apply", "solid-exceed", "emcdda-miniguide", "indcr-survey-2014", "bccsu"
        ),
        "documents": [
            "bccsu-operational-guidance",
            "safer-consumption-spaces",
            "emcdda-miniguide-dcr",
        ],
        "references": [13, 46],
        "examples": [
            {
                "facility": "dk-copenhagen-h17",
                **cite_source("dk-h17"),
                "note": {
                    "en": "H17 opened in Copenhagen in August 2016 with 12 injecting and 12 smoking places on 1,000 m².",
                    "fr": "H17 a ouvert à Copenhague en août 2016 avec 12 places d'injection et 12 places d'inhalation sur 1 000 m².",
                    "de": "H17 öffnete im August 2016 in Kopenhagen mit 12 Injektions- und 12 Rauchplätzen auf 1.000 m².",
                    "nl": "H17 ging in augustus 2016 open in Kopenhagen met 12 injectie- en 12 rookplekken op 1.000 m².",
                    "es": "H17 abrió en Copenhague en agosto de 2016 con 12 plazas de inyección y 12 para fumar en 1.000 m².",
                },
            },
            {
                "facility": "de-berlin-fixpunkt-mobile",
                **cite_source("de-fixpunkt-mobile"),
                "note": {
                    "en": "Fixpunkt's mobile rooms publish their admission rules: 16 or older, not first-time users, not in substitution treatment, and able to follow the house rules.",
                    "fr": "Les salles mobiles de Fixpunkt publient leurs critères d'admission : 16 ans ou plus, pas de primo-consommateurs, pas de personnes sous traitement de substitution, et capacité à respecter le règlement intérieur.",
                    "de": "Die mobilen Konsumräume von Fixpunkt veröffentlichen ihre Zugangskriterien: ab 16 Jahren, keine Erstkonsumierenden, nicht in Substitutionsbehandlung und in der Lage, die Hausordnung einzuhalten.",
                    "nl": "De mobiele gebruiksruimten van Fixpunkt publiceren hun toelatingscriteria: 16 jaar of ouder, geen eerste gebruikers, niet in substitutiebehandeling en in staat de huisregels te volgen.",
                    "es": "Las salas móviles de Fixpunkt publican sus criterios de admisión: 16 años o más, no ser consumidor primerizo, no estar en tratamiento con agonistas opioides y poder cumplir las normas internas.",
                },
            },
            {
                "facility": "gb-glasgow-thistle",
                **cite_source("gb-independent"),
                "note": {
                    "en": "The Thistle in Glasgow has eight injecting booths, two of them wheelchair accessible.",
                    "fr": "The Thistle, à Glasgow, compte huit cabines d'injection, dont deux accessibles en fauteuil roulant.",
                    "de": "The Thistle in Glasgow hat acht Injektionskabinen, zwei davon rollstuhlgerecht.",
                    "nl": "The Thistle in Glasgow heeft acht injectiecabines, waarvan twee toegankelijk voor rolstoelgebruikers.",
                    "es": "The Thistle, en Glasgow, tiene ocho cabinas de inyección, dos de ellas accesibles en silla de ruedas.",
                },
            },
        ],
        "text": {
            "en": {
                "title": "Floor plan and house rules",
                "summary": "Plan the rooms and places the service needs, and write the house rules and admission criteria people will agree to.",
                "body": f"""**Floor plan.** A room needs more than consumption places. The SOLID-EXCEED course lists a waiting area, toilets and showers, injecting and smoking rooms and a consulting room; European rooms had on average 7.41 injecting and 6.73 smoking places in 2014, after Woods ({src("solid-exceed", "SOLID-EXCEED")}). Health Canada asks for a floor plan that shows the security features and where substances left behind are stored ({src("hc-apply", "Health Canada")}).

**Services.** The EMCDDA's checklist of services is a useful brief for the plan: supervision, a safe environment, sterile injecting and smoking equipment, on-site overdose response, counselling, primary care, training in safer use, overdose and naloxone, opioid agonist treatment, referral, and amenities such as refreshments, a phone, Wi-Fi, showers and laundry ({src("emcdda-miniguide", "EMCDDA mini-guide")}).

**House rules and admission.** The 2014 European survey recorded the admission criteria rooms use, among them signing a waiver, agreeing to the house rules, bringing one's own drugs, not being in substitution treatment and living nearby ({src("indcr-survey-2014", "INDCR survey 2014")}). Write the rules with the people who will use the room, and say what happens when a rule is broken. The BCCSU's operational guidance covers running the service day to day ({src("bccsu", "BCCSU")}).""",
            },
            "fr": {
                "title": "Plan des locaux et règlement intérieur",
                "summary": "Prévoir les espaces et les places dont le service a besoin, et rédiger le règlement intérieur et les critères d'admission auxquels les usagers adhéreront.",
                "body": f"""**Plan des locaux.** Une salle a besoin de plus que des places de consommation. La formation SOLID-EXCEED cite une salle d'attente, des toilettes et douches, des espaces d'injection et d'inhalation et un local de consultation ; les salles européennes comptaient en moyenne 7,41 places d'injection et 6,73 places d'inhalation en 2014, d'après Woods ({src("solid-exceed", "SOLID-EXCEED")}). Santé Canada demande un plan des locaux indiquant les dispositifs de sécurité et le lieu de stockage des produits laissés sur place ({src("hc-apply", "Santé Canada")}).

**Services.** La liste de services de l'EMCDDA constitue un bon cahier des charges : supervision, environnement sûr, matériel stérile d'injection et d'inhalation, prise en charge des surdoses sur place, conseil, soins de premier recours, formation à la consommation à moindre risque, aux surdoses et à la naloxone, traitement de substitution aux opioïdes, orientation, et commodités comme boissons, téléphone, Wi-Fi, douches et laverie ({src("emcdda-miniguide", "mini-guide de l'EMCDDA")}).

**Règlement intérieur et admission.** L'enquête européenne de 2014 a recensé les critères d'admission appliqués par les salles, notamment la signature d'une décharge, l'acceptation du règlement intérieur, le fait d'apporter ses propres produits, de ne pas suivre de traitement de substitution et d'habiter à proximité ({src("indcr-survey-2014", "enquête INDCR 2014")}). Rédigez le règlement avec les personnes qui utiliseront la salle, et précisez ce qui se passe en cas de manquement. Le guide opérationnel du BCCSU traite du fonctionnement quotidien du service ({src("bccsu", "BCCSU")}).""",
            },
            "de": {
                "title": "Raumplan und Hausordnung",
                "summary": "Die Räume und Plätze planen, die das Angebot braucht, und Hausordnung und Zugangskriterien schreiben, denen die Nutzer:innen zustimmen.",
                "body": f"""**Raumplan.** Ein Konsumraum braucht mehr als Konsumplätze. Der SOLID-EXCEED-Kurs nennt einen Wartebereich, Toiletten und Duschen, Räume zum Injizieren und Rauchen und einen Beratungsraum; europäische Konsumräume hatten 2014 im Durchschnitt 7,41 Injektions- und 6,73 Rauchplätze, nach Woods ({src("solid-exceed", "SOLID-EXCEED")}). Health Canada verlangt einen Raumplan, der die Sicherheitsvorkehrungen zeigt und wo zurückgelassene Substanzen aufbewahrt werden ({src("hc-apply", "Health Canada")}).

**Angebote.** Die Liste der Angebote der EMCDDA ist eine gute Grundlage für die Planung: Aufsicht, sichere Umgebung, steriles Injektions- und Rauchbesteck, Versorgung von Drogennotfällen vor Ort, Beratung, medizinische Grundversorgung, Schulungen zu Safer Use, Überdosis und Naloxon, Substitutionsbehandlung, Weitervermittlung sowie Getränke, Telefon, WLAN, Duschen und Wäsche ({src("emcdda-miniguide", "Mini-Guide der EMCDDA")}).

**Hausordnung und Zugang.** Die europäische Erhebung von 2014 hat die Zugangskriterien der Konsumräume erfasst, darunter eine Haftungsverzichtserklärung, die Zustimmung zur Hausordnung, mitgebrachte eigene Substanzen, keine laufende Substitutionsbehandlung und ein Wohnort in der Nähe ({src("indcr-survey-2014", "INDCR-Erhebung 2014")}). Schreiben Sie die Hausordnung gemeinsam mit den künftigen Nutzer:innen und legen Sie fest, was bei einem Verstoß geschieht. Der Betriebsleitfaden des BCCSU behandelt den täglichen Betrieb ({src("bccsu", "BCCSU")}).""",
            },
            "nl": {
                "title": "Plattegrond en huisregels",
                "summary": "De ruimten en plekken plannen die de voorziening nodig heeft, en de huisregels en toelatingscriteria opstellen waarmee bezoekers instemmen.",
                "body": f"""**Plattegrond.** Een gebruiksruimte heeft meer nodig dan gebruiksplekken. De SOLID-EXCEED-cursus noemt een wachtruimte, toiletten en douches, ruimten om te injecteren en te roken en een spreekkamer; Europese gebruiksruimten hadden in 2014 gemiddeld 7,41 injectie- en 6,73 rookplekken, naar Woods ({src("solid-exceed", "SOLID-EXCEED")}). Health Canada vraagt een plattegrond met de beveiligingsvoorzieningen en de plek waar achtergelaten middelen worden bewaard ({src("hc-apply", "Health Canada")}).

**Diensten.** De dienstenlijst van het EMCDDA is een bruikbaar programma van eisen: toezicht, een veilige omgeving, steriel injectie- en rookmateriaal, opvang van overdoses ter plaatse, counseling, eerstelijnszorg, training in veiliger gebruik, overdosis en naloxon, substitutiebehandeling, doorverwijzing, en voorzieningen als drinken, telefoon, wifi, douches en was ({src("emcdda-miniguide", "mini-gids van het EMCDDA")}).

**Huisregels en toelating.** De Europese enquête van 2014 bracht de toelatingscriteria van gebruiksruimten in kaart, onder meer het tekenen van een verklaring, instemmen met de huisregels, eigen middelen meebrengen, niet in substitutiebehandeling zijn en in de buurt wonen ({src("indcr-survey-2014", "INDCR-enquête 2014")}). Stel de regels op met de mensen die de ruimte gaan gebruiken, en leg vast wat er gebeurt als een regel wordt overtreden. De operationele handreiking van het BCCSU behandelt het dagelijks werk ({src("bccsu", "BCCSU")}).""",
            },
            "es": {
                "title": "Plano del local y normas internas",
                "summary": "Planificar los espacios y plazas que necesita el servicio, y redactar las normas internas y los criterios de admisión que aceptarán los usuarios.",
                "body": f"""**Plano del local.** Una sala necesita algo más que plazas de consumo. El curso SOLID-EXCEED enumera una sala de espera, aseos y duchas, espacios para inyectarse y para fumar y una consulta; las salas europeas tenían en 2014 una media de 7,41 plazas de inyección y 6,73 para fumar, según Woods ({src("solid-exceed", "SOLID-EXCEED")}). Health Canada pide un plano que muestre las medidas de seguridad y dónde se guardan las sustancias que se dejan en el centro ({src("hc-apply", "Health Canada")}).

**Servicios.** La lista de servicios del EMCDDA sirve de pliego de requisitos: supervisión, entorno seguro, material estéril para inyectarse y fumar, atención de sobredosis en el propio centro, asesoramiento, atención primaria, formación en consumo de menor riesgo, sobredosis y naloxona, tratamiento con agonistas opioides, derivación, y servicios como bebidas, teléfono, wifi, duchas y lavandería ({src("emcdda-miniguide", "miniguía del EMCDDA")}).

**Normas internas y admisión.** La encuesta europea de 2014 recogió los criterios de admisión de las salas, entre ellos firmar un descargo, aceptar las normas internas, traer las propias sustancias, no estar en tratamiento con agonistas opioides y vivir cerca ({src("indcr-survey-2014", "encuesta INDCR 2014")}). Redacte las normas con las personas que usarán la sala y deje claro qué ocurre si se incumplen. La guía operativa del BCCSU trata del funcionamiento diario del servicio ({src("bccsu", "BCCSU")}).""",
            },
        },
    },
    # 7 -----------------------------------------------------------------------------------------
    {
        "number": 7,
        "slug": "funding",
        "sources": source_list(
            "hc-apply", "be-vrt", "gb-independent", "no-urbandrugpolicy", "hcv-census"
        ),
        "documents": [],
        "references": [51, 52, 61, 62, 66],
        "examples": [
            {
                "facility": "gb-glasgow-thistle",
                **cite_source("gb-independent"),
                "note": {
                    "en": "The Thistle cost about £2.3 million to set up; running it costs about £2 million a year.",
                    "fr": "L'aménagement de The Thistle a coûté environ 2,3 millions de livres ; son fonctionnement coûte environ 2 millions de livres par an.",
                    "de": "Die Einrichtung von The Thistle kostete etwa 2,3 Millionen Pfund; der Betrieb kostet etwa 2 Millionen Pfund im Jahr.",
                    "nl": "De inrichting van The Thistle kostte ongeveer 2,3 miljoen pond; de exploitatie kost ongeveer 2 miljoen pond per jaar.",
                    "es": "La puesta en marcha de The Thistle costó unos 2,3 millones de libras; su funcionamiento cuesta unos 2 millones de libras al año.",
                },
            },
            {
                "facility": "no-oslo-sproyterommet",
                **cite_source("no-urbandrugpolicy"),
                "note": {
                    "en": "Around 2010, Oslo's injection room cost about €1.5 million a year and was open from 9:00 to 15:00.",
                    "fr": "Vers 2010, la salle d'injection d'Oslo coûtait environ 1,5 million d'euros par an et était ouverte de 9 h à 15 h.",
                    "de": "Um 2010 kostete der Osloer Konsumraum etwa 1,5 Millionen Euro im Jahr und war von 9 bis 15 Uhr geöffnet.",
                    "nl": "Rond 2010 kostte de gebruiksruimte in Oslo ongeveer 1,5 miljoen euro per jaar en was ze open van 9.00 tot 15.00 uur.",
                    "es": "Hacia 2010, la sala de inyección de Oslo costaba alrededor de 1,5 millones de euros al año y abría de 9:00 a 15:00.",
                },
            },
        ],
        "text": {
            "en": {
                "title": "Funding",
                "summary": "Secure money to set the room up and, above all, to run it year after year; know what comparable rooms cost.",
                "body": f"""Budget for two things: setting the room up, and running it every year after. Published figures give an idea of scale, in their own currency and year: the city of Liège invested €1 million in its room in 2018 ({link("be-vrt", "VRT NWS")}); Glasgow's facility cost about £2.3 million and costs about £2 million a year to run ({link("gb-independent", "The Independent")}); Oslo's room cost about €1.5 million a year around 2010 ({link("no-urbandrugpolicy", "Urban Drug Policy")}).

Plan for more than the opening. In the 2016 census of rooms, 18 named funding for equipment and services among their needs ({src("hcv-census", "INHSU")}); in Canada, a renewal must report on funding ({src("hc-apply", "Health Canada")}).

Funders will ask what the room saves. Cost-benefit and cost-effectiveness studies exist, mostly North American models; they need local inputs before their results say anything about your city (see the evidence below).""",
            },
            "fr": {
                "title": "Financement",
                "summary": "Réunir les fonds pour aménager la salle et surtout pour la faire fonctionner année après année ; connaître le coût de salles comparables.",
                "body": f"""Prévoyez deux budgets : l'aménagement de la salle, et son fonctionnement chaque année ensuite. Les chiffres publiés donnent un ordre de grandeur, dans leur monnaie et leur année : la ville de Liège a investi 1 million d'euros dans sa salle en 2018 ({link("be-vrt", "VRT NWS")}) ; la structure de Glasgow a coûté environ 2,3 millions de livres et son fonctionnement coûte environ 2 millions de livres par an ({link("gb-independent", "The Independent")}) ; la salle d'Oslo coûtait environ 1,5 million d'euros par an vers 2010 ({link("no-urbandrugpolicy", "Urban Drug Policy")}).

Prévoyez au-delà de l'ouverture. Lors du recensement des salles de 2016, 18 d'entre elles citaient le financement du matériel et des services parmi leurs besoins ({src("hcv-census", "INHSU")}) ; au Canada, un renouvellement doit rendre compte du financement ({src("hc-apply", "Santé Canada")}).

Les financeurs demanderont ce que la salle permet d'économiser. Il existe des études coût-bénéfice et coût-efficacité, surtout des modèles nord-américains ; il faut y entrer des données locales avant que leurs résultats disent quelque chose de votre ville (voir les références ci-dessous).""",
            },
            "de": {
                "title": "Finanzierung",
                "summary": "Geld für die Einrichtung des Konsumraums sichern und vor allem für den Betrieb Jahr für Jahr; wissen, was vergleichbare Einrichtungen kosten.",
                "body": f"""Planen Sie zwei Budgets: die Einrichtung und den laufenden Betrieb jedes Jahr danach. Veröffentlichte Zahlen geben eine Größenordnung, in ihrer Währung und ihrem Jahr: Die Stadt Lüttich investierte 2018 1 Million Euro in ihren Konsumraum ({link("be-vrt", "VRT NWS")}); die Einrichtung in Glasgow kostete etwa 2,3 Millionen Pfund, der Betrieb kostet etwa 2 Millionen Pfund im Jahr ({link("gb-independent", "The Independent")}); der Osloer Konsumraum kostete um 2010 etwa 1,5 Millionen Euro im Jahr ({link("no-urbandrugpolicy", "Urban Drug Policy")}).

Planen Sie über die Eröffnung hinaus. In der Erhebung von 2016 nannten 18 Konsumräume die Finanzierung von Material und Angeboten unter ihren Bedarfen ({src("hcv-census", "INHSU")}); in Kanada muss eine Verlängerung über die Finanzierung berichten ({src("hc-apply", "Health Canada")}).

Geldgeber werden fragen, was der Konsumraum einspart. Es gibt Kosten-Nutzen- und Kosteneffektivitätsstudien, meist nordamerikanische Modelle; sie brauchen örtliche Eingangswerte, bevor ihre Ergebnisse etwas über Ihre Stadt aussagen (siehe die Evidenz unten).""",
            },
            "nl": {
                "title": "Financiering",
                "summary": "Geld vinden om de ruimte in te richten en vooral om haar jaar na jaar te exploiteren; weten wat vergelijkbare ruimten kosten.",
                "body": f"""Begroot twee dingen: de inrichting van de ruimte en de exploitatie elk jaar daarna. Gepubliceerde cijfers geven een orde van grootte, in hun eigen munt en jaar: de stad Luik investeerde in 2018 1 miljoen euro in haar gebruiksruimte ({link("be-vrt", "VRT NWS")}); de voorziening in Glasgow kostte ongeveer 2,3 miljoen pond en de exploitatie kost ongeveer 2 miljoen pond per jaar ({link("gb-independent", "The Independent")}); de gebruiksruimte in Oslo kostte rond 2010 ongeveer 1,5 miljoen euro per jaar ({link("no-urbandrugpolicy", "Urban Drug Policy")}).

Plan verder dan de opening. In de telling van gebruiksruimten van 2016 noemden er 18 financiering van materiaal en diensten als behoefte ({src("hcv-census", "INHSU")}); in Canada moet bij een verlenging over de financiering worden gerapporteerd ({src("hc-apply", "Health Canada")}).

Financiers zullen vragen wat de ruimte bespaart. Er zijn kosten-batenanalyses en kosteneffectiviteitsstudies, vooral Noord-Amerikaanse modellen; die hebben lokale invoer nodig voordat hun uitkomsten iets over uw stad zeggen (zie het onderzoek hieronder).""",
            },
            "es": {
                "title": "Financiación",
                "summary": "Conseguir fondos para poner en marcha la sala y, sobre todo, para mantenerla año tras año; saber cuánto cuestan salas comparables.",
                "body": f"""Presupueste dos cosas: la puesta en marcha de la sala y su funcionamiento cada año. Las cifras publicadas dan un orden de magnitud, en su moneda y su año: el ayuntamiento de Lieja invirtió 1 millón de euros en su sala en 2018 ({link("be-vrt", "VRT NWS")}); el centro de Glasgow costó unos 2,3 millones de libras y su funcionamiento cuesta unos 2 millones de libras al año ({link("gb-independent", "The Independent")}); la sala de Oslo costaba alrededor de 1,5 millones de euros al año hacia 2010 ({link("no-urbandrugpolicy", "Urban Drug Policy")}).

Planifique más allá de la apertura. En el censo de salas de 2016, 18 citaron la financiación de material y servicios entre sus necesidades ({src("hcv-census", "INHSU")}); en Canadá, una renovación debe informar sobre la financiación ({src("hc-apply", "Health Canada")}).

Los financiadores preguntarán cuánto ahorra la sala. Existen estudios de coste-beneficio y de coste-efectividad, sobre todo modelos norteamericanos; necesitan datos locales antes de que sus resultados digan algo sobre su ciudad (vea la evidencia más abajo).""",
            },
        },
    },
    # 8 -----------------------------------------------------------------------------------------
    {
        "number": 8,
        "slug": "staffing-and-training",
        "sources": source_list(
            "dk-h17",
            "fr-strasbourg",
            "hcv-census",
            "staff-experiences",
            "emcdda-miniguide",
            "bccsu",
        ),
        "documents": ["bccsu-operational-guidance", "safer-consumption-spaces"],
        "references": [],
        "examples": [
            {
                "facility": "dk-copenhagen-h17",
                **cite_source("dk-h17"),
                "note": {
                    "en": "H17 opened with 20 staff, among them 9 nurses and 8 social workers.",
                    "fr": "H17 a ouvert avec 20 salariés, dont 9 infirmiers et 8 travailleurs sociaux.",
                    "de": "H17 öffnete mit 20 Mitarbeitenden, darunter 9 Pflegefachkräfte und 8 Sozialarbeiter:innen.",
                    "nl": "H17 ging open met 20 medewerkers, onder wie 9 verpleegkundigen en 8 maatschappelijk werkers.",
                    "es": "H17 abrió con 20 profesionales, entre ellos 9 enfermeros y 8 trabajadores sociales.",
                },
            },
            {
                "facility": "pt-lisbon-mobile",
                **cite_source("pt-idpc-2019"),
                "note": {
                    "en": "Lisbon's mobile room works with a multidisciplinary team that includes peers.",
                    "fr": "La salle mobile de Lisbonne fonctionne avec une équipe pluridisciplinaire qui comprend des travailleurs pairs.",
                    "de": "Der mobile Konsumraum in Lissabon arbeitet mit einem multiprofessionellen Team, zu dem Peer-Mitarbeiter:innen gehören.",
                    "nl": "De mobiele gebruiksruimte in Lissabon werkt met een multidisciplinair team waarin ervaringsdeskundigen werken.",
                    "es": "La sala móvil de Lisboa trabaja con un equipo multidisciplinar que incluye trabajadores pares.",
                },
            },
        ],
        "text": {
            "en": {
                "title": "Staffing and training",
                "summary": "Build a team of nurses, social workers and peer workers, train it before opening and look after it once the room is open.",
                "body": f"""Teams are multidisciplinary and larger than the number of places suggests. H17 in Copenhagen opened with 20 staff, among them 9 nurses and 8 social workers ({link("dk-h17", "TalkingDrugs")}); Strasbourg's room opened with 7 ({link("fr-strasbourg", "TalkingDrugs")}). Peer workers bring the knowledge of people who use drugs into the team.

Train before opening, and keep training. The EMCDDA's list of services includes training in safer use, overdose and naloxone ({src("emcdda-miniguide", "EMCDDA mini-guide")}); the BCCSU's operational guidance covers the work itself ({src("bccsu", "BCCSU")}). In the 2016 census, rooms named more staff time (23 rooms), training (21) and wider staff qualifications (13) among their needs ({src("hcv-census", "INHSU")}).

Look after the team. Professionals in rooms report emotional strain and burnout, and rely on peer support and supervision ({src("staff-experiences", "Lisbon Addictions 2024")}): plan supervision and debriefing in the budget from the start.""",
            },
            "fr": {
                "title": "Personnel et formation",
                "summary": "Constituer une équipe d'infirmiers, de travailleurs sociaux et de travailleurs pairs, la former avant l'ouverture et en prendre soin une fois la salle ouverte.",
                "body": f"""Les équipes sont pluridisciplinaires et plus nombreuses que le nombre de places ne le laisse penser. H17, à Copenhague, a ouvert avec 20 salariés, dont 9 infirmiers et 8 travailleurs sociaux ({link("dk-h17", "TalkingDrugs")}) ; la salle de Strasbourg a ouvert avec 7 salariés ({link("fr-strasbourg", "TalkingDrugs")}). Les travailleurs pairs apportent à l'équipe les savoirs des personnes qui consomment des drogues.

Formez avant l'ouverture, et continuez ensuite. La liste de services de l'EMCDDA comprend la formation à la consommation à moindre risque, aux surdoses et à la naloxone ({src("emcdda-miniguide", "mini-guide de l'EMCDDA")}) ; le guide opérationnel du BCCSU traite du travail lui-même ({src("bccsu", "BCCSU")}). Lors du recensement de 2016, les salles citaient parmi leurs besoins davantage de temps de personnel (23 salles), de la formation (21) et des qualifications plus variées (13) ({src("hcv-census", "INHSU")}).

Prenez soin de l'équipe. Les professionnels des salles font état de charge émotionnelle et d'épuisement, et s'appuient sur le soutien entre pairs et la supervision ({src("staff-experiences", "Lisbon Addictions 2024")}) : inscrivez la supervision et les temps de débriefing au budget dès le départ.""",
            },
            "de": {
                "title": "Personal und Schulung",
                "summary": "Ein Team aus Pflegefachkräften, Sozialarbeiter:innen und Peer-Mitarbeiter:innen aufbauen, es vor der Eröffnung schulen und nach der Eröffnung gut begleiten.",
                "body": f"""Die Teams sind multiprofessionell und größer, als die Zahl der Plätze vermuten lässt. H17 in Kopenhagen öffnete mit 20 Mitarbeitenden, darunter 9 Pflegefachkräfte und 8 Sozialarbeiter:innen ({link("dk-h17", "TalkingDrugs")}); der Konsumraum in Straßburg öffnete mit 7 ({link("fr-strasbourg", "TalkingDrugs")}). Peer-Mitarbeiter:innen bringen das Wissen von Menschen, die Drogen konsumieren, ins Team.

Schulen Sie vor der Eröffnung und danach weiter. Die Liste der Angebote der EMCDDA umfasst Schulungen zu Safer Use, Überdosis und Naloxon ({src("emcdda-miniguide", "Mini-Guide der EMCDDA")}); der Betriebsleitfaden des BCCSU behandelt die Arbeit selbst ({src("bccsu", "BCCSU")}). In der Erhebung von 2016 nannten Konsumräume mehr Personalzeit (23 Einrichtungen), Schulungen (21) und breitere Qualifikationen (13) unter ihren Bedarfen ({src("hcv-census", "INHSU")}).

Achten Sie auf das Team. Fachleute in Konsumräumen berichten von emotionaler Belastung und Burnout und stützen sich auf kollegiale Unterstützung und Supervision ({src("staff-experiences", "Lisbon Addictions 2024")}): Planen Sie Supervision und Nachbesprechungen von Anfang an im Budget ein.""",
            },
            "nl": {
                "title": "Personeel en opleiding",
                "summary": "Een team van verpleegkundigen, maatschappelijk werkers en ervaringsdeskundigen samenstellen, het vóór de opening opleiden en er na de opening goed voor zorgen.",
                "body": f"""Teams zijn multidisciplinair en groter dan het aantal plekken doet vermoeden. H17 in Kopenhagen ging open met 20 medewerkers, onder wie 9 verpleegkundigen en 8 maatschappelijk werkers ({link("dk-h17", "TalkingDrugs")}); de gebruiksruimte in Straatsburg ging open met 7 ({link("fr-strasbourg", "TalkingDrugs")}). Ervaringsdeskundigen brengen de kennis van mensen die drugs gebruiken in het team.

Leid op vóór de opening, en blijf opleiden. De dienstenlijst van het EMCDDA omvat training in veiliger gebruik, overdosis en naloxon ({src("emcdda-miniguide", "mini-gids van het EMCDDA")}); de operationele handreiking van het BCCSU behandelt het werk zelf ({src("bccsu", "BCCSU")}). In de telling van 2016 noemden gebruiksruimten meer personeelsuren (23 ruimten), training (21) en bredere kwalificaties (13) als behoefte ({src("hcv-census", "INHSU")}).

Zorg voor het team. Professionals in gebruiksruimten melden emotionele belasting en burn-out, en steunen op collegiale steun en supervisie ({src("staff-experiences", "Lisbon Addictions 2024")}): neem supervisie en nabesprekingen vanaf het begin op in de begroting.""",
            },
            "es": {
                "title": "Personal y formación",
                "summary": "Formar un equipo de enfermería, trabajo social y trabajadores pares, capacitarlo antes de abrir y cuidarlo una vez abierta la sala.",
                "body": f"""Los equipos son multidisciplinares y más numerosos de lo que sugiere el número de plazas. H17, en Copenhague, abrió con 20 profesionales, entre ellos 9 enfermeros y 8 trabajadores sociales ({link("dk-h17", "TalkingDrugs")}); la sala de Estrasburgo abrió con 7 ({link("fr-strasbourg", "TalkingDrugs")}). Los trabajadores pares aportan al equipo el conocimiento de las personas que usan drogas.

Forme antes de abrir y siga formando después. La lista de servicios del EMCDDA incluye formación en consumo de menor riesgo, sobredosis y naloxona ({src("emcdda-miniguide", "miniguía del EMCDDA")}); la guía operativa del BCCSU trata del trabajo en sí ({src("bccsu", "BCCSU")}). En el censo de 2016, las salas citaron entre sus necesidades más horas de personal (23 salas), formación (21) y cualificaciones más variadas (13) ({src("hcv-census", "INHSU")}).

Cuide del equipo. Los profesionales de las salas describen carga emocional y desgaste profesional, y se apoyan en el apoyo entre compañeros y la supervisión ({src("staff-experiences", "Lisbon Addictions 2024")}): incluya la supervisión y los espacios de descarga en el presupuesto desde el principio.""",
            },
        },
    },
    # 9 -----------------------------------------------------------------------------------------
    {
        "number": 9,
        "slug": "evaluation-plan",
        "sources": source_list(
            "evaluation-guide", "creidu", "hc-dashboard", "indcr-no", "au-msic-wikipedia"
        ),
        "documents": ["evaluation-guide-7-steps", "solidify", "uniting-msic-literature-overview"],
        "references": [8, 9, 30, 37],
        "examples": [
            {
                "facility": "no-oslo-sproyterommet",
                **cite_source("indcr-no"),
                "note": {
                    "en": "Oslo's injection room, opened in 2005, was evaluated by SIRUS in 2007 and 2009.",
                    "fr": "La salle d'injection d'Oslo, ouverte en 2005, a été évaluée par le SIRUS en 2007 et en 2009.",
                    "de": "Der Osloer Konsumraum, 2005 eröffnet, wurde 2007 und 2009 von SIRUS evaluiert.",
                    "nl": "De gebruiksruimte in Oslo, geopend in 2005, werd in 2007 en 2009 geëvalueerd door SIRUS.",
                    "es": "La sala de inyección de Oslo, abierta en 2005, fue evaluada por el SIRUS en 2007 y 2009.",
                },
            },
            {
                "facility": "au-sydney-uniting-msic",
                **cite_source("au-msic-wikipedia"),
                "note": {
                    "en": "Sydney's centre opened in 2001 as a trial; after evaluation, the trial was made permanent in 2010.",
                    "fr": "Le centre de Sydney a ouvert en 2001 à titre expérimental ; après évaluation, l'expérimentation a été pérennisée en 2010.",
                    "de": "Das Zentrum in Sydney öffnete 2001 als Modellversuch; nach der Evaluation wurde der Versuch 2010 verstetigt.",
                    "nl": "Het centrum in Sydney ging in 2001 open als proef; na evaluatie werd de proef in 2010 permanent.",
                    "es": "El centro de Sídney abrió en 2001 como experiencia piloto; tras su evaluación, la experiencia se hizo permanente en 2010.",
                },
            },
        ],
        "text": {
            "en": {
                "title": "Evaluation plan",
                "summary": "Decide before opening what you will measure, how and against which baseline, so that results can be compared with other rooms.",
                "body": f"""Write the evaluation plan before the room opens: afterwards the baseline is gone. The EMCDDA, the European Network of DCRs and C-EHRN wrote a *Guide for Evaluation of DCRs: 7 steps to an evaluation plan*, presented at Lisbon Addictions 2024 ({src("evaluation-guide", "Lisbon Addictions 2024")}).

Use definitions others use. Results of rooms are hard to compare because definitions and outcome measures vary widely; a network project in Australia was set up because there were no agreed data-collection tools ({src("creidu", "CREIDU")}). Health Canada's dashboard shows a common set of monthly indicators: visits, unique clients, drugs consumed by type, services provided, referrals, overdoses, overdoses that needed naloxone and calls to emergency services; its reporting format was standardised only in March 2020 ({src("hc-dashboard", "Health Canada")}).

Start from the needs assessment (step 1): its figures are the baseline. Plan who evaluates, and when. Norway's first room was evaluated by SIRUS in 2007 and 2009 ({src("indcr-no", "INDCR, Norway")}); Sydney's trial, evaluated several times, was made permanent in 2010 ({src("au-msic-wikipedia", "Wikipedia")}).""",
            },
            "fr": {
                "title": "Plan d'évaluation",
                "summary": "Décider avant l'ouverture ce qui sera mesuré, comment et par rapport à quelle situation de départ, pour pouvoir comparer les résultats avec d'autres salles.",
                "body": f"""Rédigez le plan d'évaluation avant l'ouverture de la salle : après, la situation de départ n'est plus mesurable. L'EMCDDA, le réseau européen des salles de consommation et C-EHRN ont rédigé un *Guide for Evaluation of DCRs: 7 steps to an evaluation plan*, présenté à Lisbon Addictions 2024 ({src("evaluation-guide", "Lisbon Addictions 2024")}).

Utilisez des définitions partagées. Les résultats des salles sont difficiles à comparer, car les définitions et les critères de résultat varient beaucoup ; un projet de réseau en Australie est né de l'absence d'outils communs de recueil de données ({src("creidu", "CREIDU")}). Le tableau de bord de Santé Canada montre un ensemble commun d'indicateurs mensuels : passages, usagers distincts, drogues consommées par type, services rendus, orientations, surdoses, surdoses ayant nécessité de la naloxone et appels aux services d'urgence ; son format de déclaration n'a été harmonisé qu'en mars 2020 ({src("hc-dashboard", "Santé Canada")}).

Partez de l'évaluation des besoins (étape 1) : ses chiffres sont la situation de départ. Prévoyez qui évalue, et quand. La première salle norvégienne a été évaluée par le SIRUS en 2007 et en 2009 ({src("indcr-no", "INDCR, Norvège")}) ; l'expérimentation de Sydney, évaluée à plusieurs reprises, a été pérennisée en 2010 ({src("au-msic-wikipedia", "Wikipédia")}).""",
            },
            "de": {
                "title": "Evaluationsplan",
                "summary": "Vor der Eröffnung festlegen, was, wie und gegenüber welcher Ausgangslage gemessen wird, damit sich Ergebnisse mit anderen Konsumräumen vergleichen lassen.",
                "body": f"""Schreiben Sie den Evaluationsplan, bevor der Konsumraum öffnet: Danach lässt sich die Ausgangslage nicht mehr erheben. EMCDDA, das Europäische Netzwerk der Drogenkonsumräume und C-EHRN haben einen *Guide for Evaluation of DCRs: 7 steps to an evaluation plan* verfasst, vorgestellt bei Lisbon Addictions 2024 ({src("evaluation-guide", "Lisbon Addictions 2024")}).

Verwenden Sie Definitionen, die auch andere verwenden. Ergebnisse von Konsumräumen sind schwer vergleichbar, weil Definitionen und Endpunkte stark voneinander abweichen; ein Netzwerkprojekt in Australien entstand, weil es keine gemeinsamen Instrumente zur Datenerhebung gab ({src("creidu", "CREIDU")}). Das Dashboard von Health Canada zeigt einen gemeinsamen Satz monatlicher Indikatoren: Besuche, einzelne Klient:innen, konsumierte Substanzen nach Art, erbrachte Leistungen, Weitervermittlungen, Überdosierungen, Überdosierungen mit Naloxongabe und Notrufe; das Meldeformat wurde erst im März 2020 vereinheitlicht ({src("hc-dashboard", "Health Canada")}).

Gehen Sie von der Bedarfsanalyse aus (Schritt 1): Ihre Zahlen sind die Ausgangslage. Legen Sie fest, wer evaluiert und wann. Norwegens erster Konsumraum wurde 2007 und 2009 von SIRUS evaluiert ({src("indcr-no", "INDCR, Norwegen")}); der mehrfach evaluierte Modellversuch in Sydney wurde 2010 verstetigt ({src("au-msic-wikipedia", "Wikipedia")}).""",
            },
            "nl": {
                "title": "Evaluatieplan",
                "summary": "Vóór de opening bepalen wat u meet, hoe en ten opzichte van welke uitgangssituatie, zodat de resultaten met andere gebruiksruimten te vergelijken zijn.",
                "body": f"""Schrijf het evaluatieplan voordat de ruimte opengaat: daarna is de uitgangssituatie niet meer te meten. Het EMCDDA, het Europese netwerk van gebruiksruimten en C-EHRN schreven een *Guide for Evaluation of DCRs: 7 steps to an evaluation plan*, gepresenteerd op Lisbon Addictions 2024 ({src("evaluation-guide", "Lisbon Addictions 2024")}).

Gebruik definities die anderen ook gebruiken. Resultaten van gebruiksruimten zijn moeilijk te vergelijken omdat definities en uitkomstmaten sterk verschillen; een netwerkproject in Australië ontstond omdat er geen gedeelde instrumenten voor gegevensverzameling waren ({src("creidu", "CREIDU")}). Het dashboard van Health Canada toont een gemeenschappelijke set maandelijkse indicatoren: bezoeken, unieke bezoekers, gebruikte middelen per soort, verleende diensten, doorverwijzingen, overdoses, overdoses waarbij naloxon nodig was en oproepen aan hulpdiensten; het rapportageformat werd pas in maart 2020 gestandaardiseerd ({src("hc-dashboard", "Health Canada")}).

Vertrek van de behoefteanalyse (stap 1): haar cijfers zijn de uitgangssituatie. Leg vast wie evalueert, en wanneer. De eerste Noorse gebruiksruimte werd in 2007 en 2009 geëvalueerd door SIRUS ({src("indcr-no", "INDCR, Noorwegen")}); de proef in Sydney, die meermaals werd geëvalueerd, werd in 2010 permanent ({src("au-msic-wikipedia", "Wikipedia")}).""",
            },
            "es": {
                "title": "Plan de evaluación",
                "summary": "Decidir antes de abrir qué se medirá, cómo y frente a qué situación de partida, para poder comparar los resultados con otras salas.",
                "body": f"""Redacte el plan de evaluación antes de que abra la sala: después ya no se puede medir la situación de partida. El EMCDDA, la Red Europea de Salas de Consumo y C-EHRN elaboraron una *Guide for Evaluation of DCRs: 7 steps to an evaluation plan*, presentada en Lisbon Addictions 2024 ({src("evaluation-guide", "Lisbon Addictions 2024")}).

Use definiciones que otros también usen. Los resultados de las salas son difíciles de comparar porque las definiciones y las medidas de resultado varían mucho; un proyecto de red en Australia nació porque no había herramientas comunes de recogida de datos ({src("creidu", "CREIDU")}). El panel de Health Canada muestra un conjunto común de indicadores mensuales: visitas, usuarios únicos, sustancias consumidas por tipo, servicios prestados, derivaciones, sobredosis, sobredosis que necesitaron naloxona y llamadas a emergencias; su formato de notificación no se unificó hasta marzo de 2020 ({src("hc-dashboard", "Health Canada")}).

Parta de la evaluación de necesidades (paso 1): sus cifras son la situación de partida. Prevea quién evalúa y cuándo. La primera sala noruega fue evaluada por el SIRUS en 2007 y 2009 ({src("indcr-no", "INDCR, Noruega")}); la experiencia piloto de Sídney, evaluada en varias ocasiones, se hizo permanente en 2010 ({src("au-msic-wikipedia", "Wikipedia")}).""",
            },
        },
    },
    # 10 ----------------------------------------------------------------------------------------
    {
        "number": 10,
        "slug": "opening-and-first-year",
        "sources": source_list(
            "gb-socialcare",
            "us-nyc-2021",
            "lu-wort",
            "no-regjeringen",
            "mx-eluniversal",
            "gr-idpc-2015",
            "hc-apply",
        ),
        "documents": [
            "bccsu-operational-guidance",
            "safer-consumption-spaces",
            "munduko-medikuak-manual",
        ],
        "references": [47, 31],
        "examples": [
            {
                "facility": "gb-glasgow-thistle",
                **cite_source("gb-socialcare"),
                "note": {
                    "en": "The Thistle recorded 131 attendances in its first week (January 2025).",
                    "fr": "The Thistle a enregistré 131 passages au cours de sa première semaine (janvier 2025).",
                    "de": "The Thistle verzeichnete in der ersten Woche 131 Besuche (Januar 2025).",
                    "nl": "The Thistle telde in de eerste week 131 bezoeken (januari 2025).",
                    "es": "The Thistle registró 131 visitas en su primera semana (enero de 2025).",
                },
            },
            {
                "facility": "us-new-york-onpoint",
                **cite_source("us-nyc-2021"),
                "note": {
                    "en": "In their first three weeks, New York's two overdose prevention centres recorded more than 2,000 uses and 59 overdoses averted (city health department).",
                    "fr": "Au cours de leurs trois premières semaines, les deux centres de prévention des surdoses de New York ont enregistré plus de 2 000 consommations et 59 surdoses évitées (service de santé de la ville).",
                    "de": "In den ersten drei Wochen verzeichneten die beiden Überdosis-Präventionszentren in New York mehr als 2.000 Konsumvorgänge und 59 abgewendete Überdosierungen (städtisches Gesundheitsamt).",
                    "nl": "In de eerste drie weken telden de twee centra voor overdosispreventie in New York meer dan 2.000 gebruiksmomenten en 59 voorkomen overdoses (gezondheidsdienst van de stad).",
                    "es": "En sus tres primeras semanas, los dos centros de prevención de sobredosis de Nueva York registraron más de 2.000 consumos y 59 sobredosis evitadas (departamento de salud de la ciudad).",
                },
            },
            {
                "facility": "lu-esch-contact-esch",
                **cite_source("lu-wort"),
                "note": {
                    "en": "Contact Esch counted 1,600 stays in its injection room in its first six months.",
                    "fr": "Contact Esch a compté 1 600 passages dans sa salle d'injection au cours de ses six premiers mois.",
                    "de": "Contact Esch zählte in den ersten sechs Monaten 1.600 Aufenthalte im Injektionsraum.",
                    "nl": "Contact Esch telde in de eerste zes maanden 1.600 bezoeken aan de injectieruimte.",
                    "es": "Contact Esch contabilizó 1.600 estancias en su sala de inyección en sus seis primeros meses.",
                },
            },
        ],
        "text": {
            "en": {
                "title": "Opening and the first year",
                "summary": "What published reports say about rooms' first weeks and months, and what a first year has to prove.",
                "body": f"""Few rooms publish their first year in detail; what is published shows rooms being used from the first days:

- The Thistle in Glasgow recorded 131 attendances in its first week ({link("gb-socialcare", "Social Care Today")}).
- New York's two overdose prevention centres recorded more than 2,000 uses and 59 overdoses averted in their first three weeks ({link("us-nyc-2021", "NYC Health Department")}).
- Contact Esch in Luxembourg counted 1,600 stays in its injection room in its first six months ({link("lu-wort", "Luxemburger Wort")}).
- Bergen's injection room, opened in December 2016, had more than 300 registered clients by April 2017 ({link("no-regjeringen", "Norwegian government")}).

Some rooms start with a narrower service: La Sala in Mexicali admitted only women during its first three months ({link("mx-eluniversal", "El Universal")}).

The first year is also when a room is most fragile: the Athens pilot closed within a year of opening ({link("gr-idpc-2015", "IDPC")}). In Canada, a renewal must report community engagement, funding and public-health impact ({src("hc-apply", "Health Canada")}), which is what the evaluation plan (step 9) and the good-neighbour group (step 5) prepare.""",
            },
            "fr": {
                "title": "Ouverture et première année",
                "summary": "Ce que disent les rapports publiés sur les premières semaines et les premiers mois des salles, et ce qu'une première année doit démontrer.",
                "body": f"""Peu de salles publient le détail de leur première année ; ce qui est publié montre des salles utilisées dès les premiers jours :

- The Thistle, à Glasgow, a enregistré 131 passages au cours de sa première semaine ({link("gb-socialcare", "Social Care Today")}).
- Les deux centres de prévention des surdoses de New York ont enregistré plus de 2 000 consommations et 59 surdoses évitées au cours de leurs trois premières semaines ({link("us-nyc-2021", "service de santé de New York")}).
- Contact Esch, au Luxembourg, a compté 1 600 passages dans sa salle d'injection au cours de ses six premiers mois ({link("lu-wort", "Luxemburger Wort")}).
- La salle d'injection de Bergen, ouverte en décembre 2016, comptait plus de 300 usagers inscrits en avril 2017 ({link("no-regjeringen", "gouvernement norvégien")}).

Certaines salles commencent par un service plus restreint : La Sala, à Mexicali, n'a accueilli que des femmes pendant ses trois premiers mois ({link("mx-eluniversal", "El Universal")}).

La première année est aussi celle où une salle est la plus fragile : le projet pilote d'Athènes a fermé moins d'un an après son ouverture ({link("gr-idpc-2015", "IDPC")}). Au Canada, un renouvellement doit rendre compte de l'engagement auprès de la communauté, du financement et de l'impact sur la santé publique ({src("hc-apply", "Santé Canada")}) : c'est ce que préparent le plan d'évaluation (étape 9) et le comité de bon voisinage (étape 5).""",
            },
            "de": {
                "title": "Eröffnung und erstes Jahr",
                "summary": "Was veröffentlichte Berichte über die ersten Wochen und Monate von Konsumräumen sagen, und was ein erstes Jahr zeigen muss.",
                "body": f"""Nur wenige Konsumräume veröffentlichen ihr erstes Jahr im Detail; was veröffentlicht ist, zeigt Einrichtungen, die von den ersten Tagen an genutzt werden:

- The Thistle in Glasgow verzeichnete in der ersten Woche 131 Besuche ({link("gb-socialcare", "Social Care Today")}).
- Die beiden Überdosis-Präventionszentren in New York verzeichneten in den ersten drei Wochen mehr als 2.000 Konsumvorgänge und 59 abgewendete Überdosierungen ({link("us-nyc-2021", "Gesundheitsamt New York")}).
- Contact Esch in Luxemburg zählte in den ersten sechs Monaten 1.600 Aufenthalte im Injektionsraum ({link("lu-wort", "Luxemburger Wort")}).
- Der Konsumraum in Bergen, eröffnet im Dezember 2016, hatte im April 2017 mehr als 300 registrierte Klient:innen ({link("no-regjeringen", "norwegische Regierung")}).

Manche Konsumräume beginnen mit einem engeren Angebot: La Sala in Mexicali nahm in den ersten drei Monaten nur Frauen auf ({link("mx-eluniversal", "El Universal")}).

Im ersten Jahr ist ein Konsumraum auch am verletzlichsten: Das Athener Pilotprojekt schloss weniger als ein Jahr nach der Eröffnung ({link("gr-idpc-2015", "IDPC")}). In Kanada muss eine Verlängerung über die Einbindung der Nachbarschaft, die Finanzierung und die Wirkung auf die öffentliche Gesundheit berichten ({src("hc-apply", "Health Canada")}) – darauf bereiten der Evaluationsplan (Schritt 9) und das Nachbarschaftsgremium (Schritt 5) vor.""",
            },
            "nl": {
                "title": "Opening en het eerste jaar",
                "summary": "Wat gepubliceerde verslagen zeggen over de eerste weken en maanden van gebruiksruimten, en wat een eerste jaar moet aantonen.",
                "body": f"""Weinig gebruiksruimten publiceren hun eerste jaar in detail; wat gepubliceerd is, laat ruimten zien die vanaf de eerste dagen worden gebruikt:

- The Thistle in Glasgow telde in de eerste week 131 bezoeken ({link("gb-socialcare", "Social Care Today")}).
- De twee centra voor overdosispreventie in New York telden in de eerste drie weken meer dan 2.000 gebruiksmomenten en 59 voorkomen overdoses ({link("us-nyc-2021", "gezondheidsdienst van New York")}).
- Contact Esch in Luxemburg telde in de eerste zes maanden 1.600 bezoeken aan de injectieruimte ({link("lu-wort", "Luxemburger Wort")}).
- De gebruiksruimte in Bergen, geopend in december 2016, had in april 2017 meer dan 300 ingeschreven bezoekers ({link("no-regjeringen", "Noorse regering")}).

Sommige ruimten beginnen met een smaller aanbod: La Sala in Mexicali liet de eerste drie maanden alleen vrouwen toe ({link("mx-eluniversal", "El Universal")}).

In het eerste jaar is een gebruiksruimte ook het kwetsbaarst: de proef in Athene sloot binnen een jaar na de opening ({link("gr-idpc-2015", "IDPC")}). In Canada moet bij een verlenging worden gerapporteerd over de betrokkenheid van de buurt, de financiering en het effect op de volksgezondheid ({src("hc-apply", "Health Canada")}); daarop bereiden het evaluatieplan (stap 9) en het buurtoverleg (stap 5) voor.""",
            },
            "es": {
                "title": "Apertura y primer año",
                "summary": "Lo que dicen los informes publicados sobre las primeras semanas y meses de las salas, y lo que un primer año debe demostrar.",
                "body": f"""Pocas salas publican su primer año en detalle; lo publicado muestra salas utilizadas desde los primeros días:

- The Thistle, en Glasgow, registró 131 visitas en su primera semana ({link("gb-socialcare", "Social Care Today")}).
- Los dos centros de prevención de sobredosis de Nueva York registraron más de 2.000 consumos y 59 sobredosis evitadas en sus tres primeras semanas ({link("us-nyc-2021", "departamento de salud de Nueva York")}).
- Contact Esch, en Luxemburgo, contabilizó 1.600 estancias en su sala de inyección en sus seis primeros meses ({link("lu-wort", "Luxemburger Wort")}).
- La sala de inyección de Bergen, abierta en diciembre de 2016, tenía más de 300 usuarios registrados en abril de 2017 ({link("no-regjeringen", "Gobierno de Noruega")}).

Algunas salas empiezan con un servicio más limitado: La Sala, en Mexicali, solo admitió a mujeres durante sus tres primeros meses ({link("mx-eluniversal", "El Universal")}).

El primer año es también cuando una sala es más frágil: el proyecto piloto de Atenas cerró menos de un año después de abrir ({link("gr-idpc-2015", "IDPC")}). En Canadá, una renovación debe informar sobre la relación con la comunidad, la financiación y el impacto en la salud pública ({src("hc-apply", "Health Canada")}); eso es lo que preparan el plan de evaluación (paso 9) y la comisión de buena vecindad (paso 5).""",
            },
        },
    },
]
