"""The dictionary of release 1.0 in French, German, Dutch and Spanish (loaded by the demo).

Per indicator code and language: name, definition, what counts, what does not count, in the
field's own terms (docs/glossary.md: passages / Besuche / bezoeken / visitas; surdose prise en
charge / versorgter Drogennotfall / behandelde overdosis / sobredosis atendida ...).
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

from .indicators import RELEASE

FIELDS = ("title", "definition", "counts", "does_not_count")

CHANGES = {
    "fr": "Premier ensemble minimal de données (20 indicateurs).",
    "de": "Erster Minimaldatensatz (20 Indikatoren).",
    "nl": "Eerste minimale dataset (20 indicatoren).",
    "es": "Primer conjunto mínimo de datos (20 indicadores).",
}

TRANSLATIONS: dict[str, dict[str, tuple[str, str, str, str]]] = {
    "days_open": {
        "fr": (
            "Jours d'ouverture",
            "Jours du mois pendant lesquels la structure a proposé la consommation supervisée "
            "pendant au moins une heure.",
            "Tout jour comptant au moins une heure de consommation supervisée.",
            "Les jours consacrés uniquement au travail de rue, à l'administration ou à la "
            "formation de l'équipe.",
        ),
        "de": (
            "Öffnungstage",
            "Tage im Monat, an denen die Einrichtung mindestens eine Stunde lang beaufsichtigten "
            "Konsum angeboten hat.",
            "Jeder Tag mit mindestens einer Stunde beaufsichtigtem Konsum.",
            "Tage, an denen nur aufsuchende Arbeit, Verwaltung oder Fortbildungen des Teams "
            "stattfanden.",
        ),
        "nl": (
            "Openingsdagen",
            "Dagen in de maand waarop de voorziening minstens één uur gesuperviseerd gebruik "
            "aanbood.",
            "Elke dag met minstens één uur gesuperviseerd gebruik.",
            "Dagen met alleen outreachend werk, administratie of opleiding van medewerkers.",
        ),
        "es": (
            "Días de apertura",
            "Días del mes en los que el centro ofreció consumo supervisado durante al menos "
            "una hora.",
            "Cualquier día con al menos una hora de consumo supervisado.",
            "Días dedicados solo a trabajo de calle, administración o formación del equipo.",
        ),
    },
    "opening_hours": {
        "fr": (
            "Heures d'ouverture",
            "Nombre total d'heures dans le mois pendant lesquelles la consommation supervisée "
            "était possible.",
            "Les heures prévues effectivement assurées, arrondies à l'heure entière.",
            "Les heures d'autres services lorsque la salle de consommation était fermée.",
        ),
        "de": (
            "Öffnungsstunden",
            "Gesamtzahl der Stunden im Monat, in denen beaufsichtigter Konsum möglich war.",
            "Tatsächlich geleistete geplante Stunden, auf volle Stunden gerundet.",
            "Stunden anderer Angebote, während der Drogenkonsumraum geschlossen war.",
        ),
        "nl": (
            "Openingsuren",
            "Totaal aantal uren in de maand waarin gesuperviseerd gebruik mogelijk was.",
            "Geplande uren die daadwerkelijk zijn gerealiseerd, afgerond op hele uren.",
            "Uren van andere diensten terwijl de gebruiksruimte gesloten was.",
        ),
        "es": (
            "Horas de apertura",
            "Total de horas del mes durante las que se pudo realizar consumo supervisado.",
            "Horas programadas efectivamente prestadas, redondeadas a horas enteras.",
            "Horas de otros servicios mientras la sala de consumo supervisado estaba cerrada.",
        ),
    },
    "visits": {
        "fr": (
            "Passages",
            "Nombre de fois où une personne est entrée dans la structure pour en utiliser les "
            "services au cours du mois.",
            "Chaque entrée, y compris les entrées répétées d'une même personne le même jour.",
            "L'équipe, les visiteurs extérieurs et les personnes refusées à l'entrée.",
        ),
        "de": (
            "Besuche",
            "Wie oft im Monat eine Person die Einrichtung betreten hat, um ihre Angebote zu "
            "nutzen.",
            "Jeder Eintritt, auch wiederholte Eintritte derselben Person am selben Tag.",
            "Mitarbeitende, Gäste und an der Tür abgewiesene Personen.",
        ),
        "nl": (
            "Bezoeken",
            "Aantal keren in de maand dat iemand de voorziening binnenkwam om gebruik te maken "
            "van haar diensten.",
            "Elke binnenkomst, ook herhaalde binnenkomsten van dezelfde persoon op dezelfde dag.",
            "Medewerkers, gasten en mensen die aan de deur zijn geweigerd.",
        ),
        "es": (
            "Visitas",
            "Número de veces que alguien entró en el centro para usar sus servicios durante "
            "el mes.",
            "Cada entrada, incluidas las entradas repetidas de la misma persona el mismo día.",
            "Personal, visitantes externos y personas a las que no se permitió la entrada.",
        ),
    },
    "unique_clients": {
        "fr": (
            "Usagers distincts",
            "Nombre de personnes différentes venues au moins une fois dans le mois (chacune "
            "comptée une fois).",
            "Chaque personne une fois par structure et par mois, identifiée par le code anonyme "
            "propre à la structure.",
            "Compter deux fois la même personne ; additionner les usagers distincts de plusieurs "
            "mois ne donne pas un effectif annuel.",
        ),
        "de": (
            "Einzelne Klient:innen",
            "Anzahl verschiedener Personen, die im Monat mindestens einmal gekommen sind (jede "
            "einmal gezählt).",
            "Jede Person einmal pro Einrichtung und Monat, erkannt am eigenen anonymen Code der "
            "Einrichtung.",
            "Dieselbe Person doppelt zählen; die Summe der Monatswerte ergibt keine Jahreszahl.",
        ),
        "nl": (
            "Unieke bezoekers",
            "Aantal verschillende personen dat in de maand minstens één keer kwam (ieder één "
            "keer geteld).",
            "Iedere persoon één keer per voorziening en maand, herkend aan de eigen anonieme "
            "code van de voorziening.",
            "Dezelfde persoon twee keer tellen; de som van maandelijkse aantallen unieke "
            "bezoekers is geen jaartotaal.",
        ),
        "es": (
            "Usuarios únicos",
            "Número de personas distintas que acudieron al menos una vez en el mes (cada una "
            "contada una vez).",
            "Cada persona una vez por centro y mes, identificada con el código anónimo propio "
            "del centro.",
            "Contar dos veces a la misma persona; sumar los usuarios únicos de varios meses no "
            "da una cifra anual.",
        ),
    },
    "new_clients": {
        "fr": (
            "Nouveaux usagers",
            "Personnes ayant fréquenté la structure pour la première fois au cours du mois.",
            "Les toutes premières inscriptions ou premières venues.",
            "Les usagers et usagères qui reviennent après une interruption.",
        ),
        "de": (
            "Neue Klient:innen",
            "Personen, die die Einrichtung im Monat zum ersten Mal genutzt haben.",
            "Erstmalige Registrierungen oder erste Besuche.",
            "Klient:innen, die nach einer Pause wiederkommen.",
        ),
        "nl": (
            "Nieuwe bezoekers",
            "Mensen die de voorziening in de maand voor het eerst gebruikten.",
            "Allereerste inschrijvingen of eerste bezoeken.",
            "Bezoekers die na een onderbreking terugkomen.",
        ),
        "es": (
            "Nuevos usuarios",
            "Personas que usaron el centro por primera vez en el mes.",
            "Primeras inscripciones o primeras visitas.",
            "Usuarios/as que vuelven tras una interrupción.",
        ),
    },
    "supervised_consumptions": {
        "fr": (
            "Consommations supervisées",
            "Nombre de consommations supervisées par l'équipe, par mode de consommation.",
            "Chaque consommation dans un box ou une salle, par mode (injection, inhalation, "
            "sniff, voie orale).",
            "Les passages sans consommation ; les consommations hors de la structure.",
        ),
        "de": (
            "Beaufsichtigte Konsumvorgänge",
            "Anzahl der vom Team beaufsichtigten Konsumvorgänge, nach Konsumform.",
            "Jeder Konsumvorgang an einem Platz oder in einem Raum, nach Konsumform "
            "(intravenös, inhalativ, nasal, oral).",
            "Besuche ohne Konsum; Konsum außerhalb der Einrichtung.",
        ),
        "nl": (
            "Gesuperviseerde gebruiksmomenten",
            "Aantal door medewerkers gesuperviseerde gebruiksmomenten, per gebruikswijze.",
            "Elk gebruiksmoment op een plek of in een ruimte, per gebruikswijze (injecteren, "
            "roken, snuiven, oraal).",
            "Bezoeken zonder gebruik; gebruik buiten de voorziening.",
        ),
        "es": (
            "Consumos supervisados",
            "Número de consumos supervisados por el equipo, por vía de consumo.",
            "Cada consumo en un puesto o sala, por vía (inyectada, fumada, esnifada, oral).",
            "Visitas sin consumo; consumo fuera del centro.",
        ),
    },
    "overdoses": {
        "fr": (
            "Surdoses prises en charge sur place",
            "Surdoses et intoxications aux drogues auxquelles l'équipe a répondu sur place.",
            "Toute surdose suspectée nécessitant une intervention de l'équipe (oxygène, "
            "naloxone, surveillance).",
            "Les surdoses survenues hors de la structure et signalées par d'autres.",
        ),
        "de": (
            "Versorgte Drogennotfälle vor Ort",
            "Überdosierungen und Vergiftungen durch Drogen, bei denen das Team vor Ort "
            "eingegriffen hat.",
            "Jede vermutete Überdosis, die ein Eingreifen des Teams erforderte (Sauerstoff, "
            "Naloxon, Überwachung).",
            "Von anderen gemeldete Überdosierungen außerhalb der Einrichtung.",
        ),
        "nl": (
            "Behandelde overdoses ter plaatse",
            "Overdoses en drugsvergiftigingen waarop medewerkers ter plaatse hebben gereageerd.",
            "Elke vermoedelijke overdosis waarbij medewerkers moesten ingrijpen (zuurstof, "
            "naloxon, observatie).",
            "Overdoses buiten de voorziening die door anderen zijn gemeld.",
        ),
        "es": (
            "Sobredosis atendidas en el centro",
            "Sobredosis e intoxicaciones por drogas atendidas por el equipo en el centro.",
            "Toda sospecha de sobredosis que requirió la intervención del equipo (oxígeno, "
            "naloxona, vigilancia).",
            "Sobredosis ocurridas fuera del centro y comunicadas por terceros.",
        ),
    },
    "other_emergencies": {
        "fr": (
            "Autres urgences médicales",
            "Urgences médicales autres que les surdoses, prises en charge sur place par l'équipe.",
            "Crises convulsives, blessures, incidents cardiaques, intoxications sévères sans "
            "surdose.",
            "Les soins de plaies courants et les petits gestes de premiers secours.",
        ),
        "de": (
            "Andere medizinische Notfälle",
            "Medizinische Notfälle außer Überdosierungen, die das Team vor Ort versorgt hat.",
            "Krampfanfälle, Verletzungen, Herz-Kreislauf-Ereignisse, schwere Intoxikationen "
            "ohne Überdosis.",
            "Routinemäßige Wundversorgung und kleinere Erste Hilfe.",
        ),
        "nl": (
            "Andere medische noodsituaties",
            "Medische noodsituaties, andere dan overdoses, die medewerkers ter plaatse hebben "
            "behandeld.",
            "Epileptische aanvallen, verwondingen, hartproblemen, ernstige intoxicatie zonder "
            "overdosis.",
            "Gewone wondzorg en kleine eerste hulp.",
        ),
        "es": (
            "Otras urgencias médicas",
            "Urgencias médicas distintas de las sobredosis atendidas por el equipo en el centro.",
            "Convulsiones, lesiones, incidentes cardíacos, intoxicaciones graves sin sobredosis.",
            "Curas de heridas habituales y primeros auxilios menores.",
        ),
    },
    "naloxone": {
        "fr": (
            "Surdoses ayant nécessité de la naloxone",
            "Surdoses prises en charge sur place au cours desquelles de la naloxone a été "
            "administrée (comptées une fois par surdose).",
            "Chaque surdose avec au moins une dose de naloxone.",
            "Les doses supplémentaires administrées lors de la même surdose ; les kits de "
            "naloxone remis à emporter.",
        ),
        "de": (
            "Drogennotfälle mit Naloxongabe",
            "Vor Ort versorgte Drogennotfälle, bei denen Naloxon verabreicht wurde (einmal pro "
            "Notfall gezählt).",
            "Jeder Drogennotfall mit mindestens einer Dosis Naloxon.",
            "Weitere Dosen im selben Notfall; ausgegebene Naloxon-Kits zum Mitnehmen.",
        ),
        "nl": (
            "Overdoses waarbij naloxon nodig was",
            "Ter plaatse behandelde overdoses waarbij naloxon is toegediend (één keer per "
            "overdosis geteld).",
            "Elke overdosis met minstens één dosis naloxon.",
            "Extra doses bij dezelfde overdosis; meegegeven naloxonkits.",
        ),
        "es": (
            "Sobredosis que requirieron naloxona",
            "Sobredosis atendidas en el centro en las que se administró naloxona (contadas una "
            "vez por sobredosis).",
            "Cada sobredosis con al menos una dosis de naloxona.",
            "Dosis adicionales en la misma sobredosis; kits de naloxona entregados para llevar.",
        ),
    },
    "ambulance_calls": {
        "fr": (
            "Appels aux services d'urgence",
            "Appels passés par l'équipe aux services médicaux d'urgence.",
            "Chaque appel, que la personne ait été transportée ou non.",
            "Les appels passés par des usagers ou des riverains hors de la structure.",
        ),
        "de": (
            "Notrufe an den Rettungsdienst",
            "Vom Team abgesetzte Notrufe an den Rettungsdienst.",
            "Jeder Notruf, unabhängig davon, ob die Person transportiert wurde.",
            "Notrufe von Klient:innen oder Anwohnenden außerhalb der Einrichtung.",
        ),
        "nl": (
            "Ambulanceoproepen",
            "Oproepen van medewerkers aan de medische hulpdiensten.",
            "Elke oproep, ongeacht of de persoon werd vervoerd.",
            "Oproepen door bezoekers of buurtbewoners buiten de voorziening.",
        ),
        "es": (
            "Llamadas a emergencias sanitarias",
            "Llamadas del equipo a los servicios de emergencias sanitarias.",
            "Cada llamada, tanto si la persona fue trasladada como si no.",
            "Llamadas de usuarios/as o vecinos desde fuera del centro.",
        ),
    },
    "deaths_on_site": {
        "fr": (
            "Décès sur place",
            "Décès survenus à l'intérieur de la structure.",
            "Tout décès dans les locaux, quelle qu'en soit la cause.",
            "Les décès après transfert à l'hôpital.",
        ),
        "de": (
            "Todesfälle in der Einrichtung",
            "Todesfälle innerhalb der Einrichtung.",
            "Jeder Todesfall in den Räumen, unabhängig von der Ursache.",
            "Todesfälle nach Verlegung ins Krankenhaus.",
        ),
        "nl": (
            "Overlijdens ter plaatse",
            "Overlijdens binnen de voorziening.",
            "Elk overlijden in het gebouw, ongeacht de oorzaak.",
            "Overlijdens na overbrenging naar het ziekenhuis.",
        ),
        "es": (
            "Fallecimientos en el centro",
            "Fallecimientos ocurridos dentro del centro.",
            "Cualquier fallecimiento en las instalaciones, sea cual sea la causa.",
            "Fallecimientos tras el traslado al hospital.",
        ),
    },
    "referrals": {
        "fr": (
            "Orientations",
            "Orientations vers d'autres services réalisées par l'équipe, par type.",
            "Chaque orientation vers un traitement des addictions, des soins de santé ou des "
            "services sociaux et de logement.",
            "Les brochures d'information remises sans orientation.",
        ),
        "de": (
            "Weitervermittlungen",
            "Weitervermittlungen des Teams an andere Dienste, nach Art.",
            "Jede Weitervermittlung in Suchtbehandlung, Gesundheitsversorgung oder soziale "
            "Dienste und Wohnhilfe.",
            "Ausgegebene Infobroschüren ohne Weitervermittlung.",
        ),
        "nl": (
            "Doorverwijzingen",
            "Doorverwijzingen door medewerkers naar andere diensten, per soort.",
            "Elke doorverwijzing naar verslavingszorg, gezondheidszorg of sociale en "
            "huisvestingsdiensten.",
            "Informatiefolders die zonder doorverwijzing zijn meegegeven.",
        ),
        "es": (
            "Derivaciones",
            "Derivaciones del equipo a otros servicios, por tipo.",
            "Cada derivación a tratamiento de adicciones, atención sanitaria o servicios "
            "sociales y de vivienda.",
            "Folletos informativos entregados sin derivación.",
        ),
    },
    "drug_checking_samples": {
        "fr": (
            "Échantillons analysés (analyse de produits)",
            "Échantillons de produits analysés sur place.",
            "Chaque échantillon analysé (bandelettes réactives, spectrométrie).",
            "Les échantillons envoyés à l'extérieur sans résultat retourné.",
        ),
        "de": (
            "Drug-Checking-Proben",
            "Vor Ort analysierte Substanzproben.",
            "Jede analysierte Probe (Teststreifen, Spektrometrie).",
            "Extern eingesandte Proben ohne zurückgemeldetes Ergebnis.",
        ),
        "nl": (
            "Geteste drugsmonsters",
            "Drugsmonsters die ter plaatse zijn getest.",
            "Elk geanalyseerd monster (teststrips, spectrometrie).",
            "Monsters die elders zijn ingestuurd zonder teruggekoppeld resultaat.",
        ),
        "es": (
            "Muestras analizadas (análisis de sustancias)",
            "Muestras de sustancias analizadas en el centro.",
            "Cada muestra analizada (tiras reactivas, espectrometría).",
            "Muestras enviadas fuera sin que se haya recibido el resultado.",
        ),
    },
    "hiv_tests": {
        "fr": (
            "Dépistages du VIH",
            "Tests de dépistage du VIH réalisés sur place.",
            "Chaque test, y compris les tests rapides.",
            "Les tests pour lesquels la personne a été orientée ailleurs.",
        ),
        "de": (
            "HIV-Tests",
            "Vor Ort durchgeführte HIV-Tests.",
            "Jeder Test, einschließlich Schnelltests.",
            "An andere Stellen vermittelte Tests.",
        ),
        "nl": (
            "Hiv-tests",
            "Hiv-tests die ter plaatse zijn uitgevoerd.",
            "Elke test, ook sneltests.",
            "Tests waarvoor naar elders is doorverwezen.",
        ),
        "es": (
            "Pruebas del VIH",
            "Pruebas del VIH realizadas en el centro.",
            "Cada prueba, incluidas las pruebas rápidas.",
            "Pruebas derivadas a otros servicios.",
        ),
    },
    "hcv_tests": {
        "fr": (
            "Dépistages du VHC",
            "Tests de dépistage de l'hépatite C réalisés sur place.",
            "Tests de détection des anticorps et de l'ARN.",
            "Les tests pour lesquels la personne a été orientée ailleurs.",
        ),
        "de": (
            "HCV-Tests",
            "Vor Ort durchgeführte Hepatitis-C-Tests.",
            "Antikörper- und RNA-Tests.",
            "An andere Stellen vermittelte Tests.",
        ),
        "nl": (
            "Hcv-tests",
            "Hepatitis C-tests die ter plaatse zijn uitgevoerd.",
            "Antistof- en RNA-tests.",
            "Tests waarvoor naar elders is doorverwezen.",
        ),
        "es": (
            "Pruebas del VHC",
            "Pruebas de hepatitis C realizadas en el centro.",
            "Pruebas de anticuerpos y de ARN.",
            "Pruebas derivadas a otros servicios.",
        ),
    },
    "wound_care": {
        "fr": (
            "Soins de plaies",
            "Soins de plaies prodigués sur place.",
            "Chaque soin d'une plaie ou d'un abcès.",
            "Les pansements remis sans soin.",
        ),
        "de": (
            "Wundversorgungen",
            "Vor Ort erbrachte Wundversorgungen.",
            "Jede Behandlung einer Wunde oder eines Abszesses.",
            "Ausgegebene Pflaster ohne Behandlung.",
        ),
        "nl": (
            "Wondzorg",
            "Wondzorgcontacten ter plaatse.",
            "Elke behandeling van een wond of abces.",
            "Pleisters die zonder behandeling zijn meegegeven.",
        ),
        "es": (
            "Curas de heridas",
            "Curas de heridas realizadas en el centro.",
            "Cada tratamiento de una herida o un absceso.",
            "Tiritas entregadas sin cura.",
        ),
    },
    "sterile_kits": {
        "fr": (
            "Kits stériles distribués",
            "Kits stériles d'injection ou d'inhalation remis.",
            "Chaque kit.",
            "Les articles vendus à l'unité.",
        ),
        "de": (
            "Ausgegebene sterile Sets",
            "Ausgegebene sterile Spritzen- oder Rauchsets.",
            "Jedes Set.",
            "Einzeln verkaufte Artikel.",
        ),
        "nl": (
            "Verstrekte steriele sets",
            "Verstrekte steriele injectie- of rooksets.",
            "Elke set.",
            "Los verkochte artikelen.",
        ),
        "es": (
            "Kits estériles distribuidos",
            "Kits estériles de inyección o de inhalación entregados.",
            "Cada kit.",
            "Artículos sueltos vendidos.",
        ),
    },
    "naloxone_kits": {
        "fr": (
            "Kits de naloxone à emporter",
            "Kits de naloxone remis aux usagers et usagères pour qu'ils les emportent.",
            "Chaque kit remis avec une formation.",
            "La naloxone administrée sur place.",
        ),
        "de": (
            "Naloxon-Kits zum Mitnehmen",
            "An Klient:innen zum Mitnehmen ausgegebene Naloxon-Kits.",
            "Jedes mit einer Schulung ausgegebene Kit.",
            "Vor Ort verabreichtes Naloxon.",
        ),
        "nl": (
            "Naloxonkits om mee te nemen",
            "Naloxonkits die bezoekers hebben meegekregen.",
            "Elke kit die met een training is meegegeven.",
            "Naloxon die ter plaatse is toegediend.",
        ),
        "es": (
            "Kits de naloxona para llevar",
            "Kits de naloxona entregados a los usuarios/as para llevar.",
            "Cada kit entregado con formación.",
            "Naloxona administrada en el centro.",
        ),
    },
    "oat_referrals_started": {
        "fr": (
            "Débuts de traitement après orientation",
            "Usagers orientés dont le début d'un traitement de substitution aux opioïdes ou "
            "d'un autre traitement est confirmé.",
            "Uniquement les débuts de traitement confirmés.",
            "Les orientations sans confirmation.",
        ),
        "de": (
            "Behandlungsbeginne nach Weitervermittlung",
            "Weitervermittelte Klient:innen, bei denen der Beginn einer Substitutions- oder "
            "anderen Behandlung bestätigt ist.",
            "Nur bestätigte Behandlungsbeginne.",
            "Weitervermittlungen ohne Bestätigung.",
        ),
        "nl": (
            "Gestarte behandelingen na doorverwijzing",
            "Doorverwezen bezoekers van wie bevestigd is dat ze met een substitutie- of andere "
            "behandeling zijn begonnen.",
            "Alleen bevestigde starts.",
            "Doorverwijzingen zonder bevestiging.",
        ),
        "es": (
            "Inicios de tratamiento tras derivación",
            "Usuarios/as derivados que, según consta, iniciaron un tratamiento con agonistas "
            "opioides u otro tratamiento.",
            "Solo inicios confirmados.",
            "Derivaciones sin confirmación.",
        ),
    },
    "registered_people": {
        "fr": (
            "Personnes inscrites (cumul)",
            "Personnes inscrites auprès de la structure depuis son ouverture, à la fin de la "
            "période.",
            "Toute inscription ou tout contrat d'usager signé depuis l'ouverture.",
            "Les passages anonymes sans inscription.",
        ),
        "de": (
            "Registrierte Personen (kumuliert)",
            "Seit der Eröffnung in der Einrichtung registrierte Personen, zum Ende des Zeitraums.",
            "Jede Registrierung und jede je unterschriebene Nutzungsvereinbarung.",
            "Anonyme Besuche ohne Registrierung.",
        ),
        "nl": (
            "Geregistreerde personen (cumulatief)",
            "Personen die sinds de opening bij de voorziening zijn ingeschreven, aan het einde "
            "van de periode.",
            "Elke inschrijving of ooit ondertekende gebruikersovereenkomst.",
            "Anonieme bezoeken zonder inschrijving.",
        ),
        "es": (
            "Personas registradas (acumulado)",
            "Personas registradas en el centro desde su apertura, al final del periodo.",
            "Cada registro o contrato de usuario firmado desde la apertura.",
            "Visitas anónimas sin registro.",
        ),
    },
}


def _fill(obj, texts: dict[str, str]) -> list[str]:
    """Set each empty translation column; returns the columns set (an editor's text stays)."""
    changed = []
    for column, text in texts.items():
        if not getattr(obj, column):
            setattr(obj, column, text)
            changed.append(column)
    return changed


def load(release_model, indicator_model) -> int:
    """Fill the empty French, German, Dutch and Spanish columns of release 1.0 and its
    indicators; returns how many rows changed (none on a second run)."""
    changed_rows = 0
    # Saved in English so that the base columns (and the history's copy) keep the English text.
    with translation.override(settings.LANGUAGE_CODE):
        release = release_model.objects.filter(version=RELEASE).first()
        if release is not None:
            columns = _fill(release, {f"changes_{lang}": text for lang, text in CHANGES.items()})
            if columns:
                release.save(update_fields=columns)
                changed_rows += 1
        for indicator in indicator_model.objects.filter(code__in=TRANSLATIONS):
            texts = {
                f"{field}_{lang}": text
                for lang, values in TRANSLATIONS[indicator.code].items()
                for field, text in zip(FIELDS, values, strict=True)
            }
            columns = _fill(indicator, texts)
            if columns:
                indicator.save(update_fields=columns)
                changed_rows += 1
    return changed_rows
