"""The monthly highlight of the demo: Abrigado (lu-abrigado in facilities/core.json).

The demo's facilities themselves are the JSON files of facilities/ (docs/facility-data.md),
loaded by loader.load_facilities.
"""

from __future__ import annotations

from .sources import link

HIGHLIGHT: dict = {
    "facility": "lu-abrigado",
    "title": "Abrigado, Luxembourg",
    "text": f"""Luxembourg gave drug consumption rooms a legal framework in 2001, and Abrigado
opened in July 2005. By 2015 its users had signed 1,600 contracts, and in 2014 alone its staff
supervised more than 59,000 injections. In 2012 it added an inhalation ("blow") room. A second
room was then planned for the south of the country; it opened in Esch-sur-Alzette in 2019.
Abrigado's team argued that a country of about 550,000 people with more than 2,200 problem
drug users needs more small rooms.

Abrigado was the subject of the network's very first Monthly Highlight, and it opens the new
series. Sources: {link("indcr-highlight-abrigado")}; {link("lu-journal")}.""",
}

# The highlight in the other languages: the same facts and sources as the English text.
HIGHLIGHT_TRANSLATIONS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Abrigado, Luxembourg",
        "text": f"""Le Luxembourg a donné un cadre légal aux salles de consommation en 2001, et
Abrigado a ouvert en juillet 2005. En 2015, ses usagers avaient signé 1 600 contrats, et en 2014
à elle seule son équipe a supervisé plus de 59 000 injections. En 2012, la structure a ajouté
un espace d'inhalation. Une deuxième salle était alors prévue dans le sud du pays ; elle a ouvert à
Esch-sur-Alzette en 2019. L'équipe d'Abrigado soutenait qu'un pays d'environ 550 000 habitants,
comptant plus de 2 200 usagers problématiques de drogues, a besoin de davantage de petites salles.

Abrigado a été la toute première structure du mois du réseau, et elle ouvre la nouvelle série.
Sources : {link("indcr-highlight-abrigado")} ; {link("lu-journal")}.""",
    },
    "de": {
        "title": "Abrigado, Luxemburg",
        "text": f"""Luxemburg gab Drogenkonsumräumen 2001 eine gesetzliche Grundlage, und Abrigado
öffnete im Juli 2005. Bis 2015 hatten seine Klient:innen 1.600 Nutzungsvereinbarungen
unterschrieben, und allein 2014 beaufsichtigte das Team mehr als 59.000 Injektionen. 2012 kam ein
Inhalationsraum hinzu. Ein zweiter Konsumraum war danach für den Süden des Landes geplant; er
öffnete 2019 in Esch-sur-Alzette. Das Team von Abrigado vertrat die Ansicht, dass ein Land mit
rund 550.000 Einwohner:innen und mehr als 2.200 Menschen mit problematischem Drogenkonsum mehr
kleine Konsumräume braucht.

Abrigado war die allererste Einrichtung des Monats des Netzwerks und eröffnet nun die neue Reihe.
Quellen: {link("indcr-highlight-abrigado")}; {link("lu-journal")}.""",
    },
    "nl": {
        "title": "Abrigado, Luxemburg",
        "text": f"""Luxemburg gaf gebruiksruimten in 2001 een wettelijk kader, en Abrigado ging open
in juli 2005. In 2015 hadden de bezoekers 1.600 contracten getekend, en in 2014 alleen al begeleidde
het team meer dan 59.000 injecties. In 2012 kwam er een rookruimte bij. Daarna werd een tweede
gebruiksruimte gepland in het zuiden van het land; die ging in 2019 open in Esch-sur-Alzette. Het
team van Abrigado stelde dat een land van ongeveer 550.000 inwoners met meer dan 2.200
problematische drugsgebruikers meer kleine gebruiksruimten nodig heeft.

Abrigado was de allereerste voorziening van de maand van het netwerk, en opent nu de nieuwe reeks.
Bronnen: {link("indcr-highlight-abrigado")}; {link("lu-journal")}.""",
    },
    "es": {
        "title": "Abrigado, Luxemburgo",
        "text": f"""Luxemburgo dio un marco legal a las salas de consumo supervisado en 2001, y
Abrigado abrió en julio de 2005. En 2015 sus usuarios habían firmado 1600 contratos, y solo en 2014
su equipo supervisó más de 59 000 inyecciones. En 2012 añadió una sala de inhalación. Después se
planificó una segunda sala en el sur del país, que abrió en Esch-sur-Alzette en 2019. El equipo de
Abrigado defendía que un país de unos 550 000 habitantes, con más de 2200 personas con un consumo
problemático de drogas, necesita más salas pequeñas.

Abrigado fue el primer centro del mes de la red, y ahora abre la nueva serie.
Fuentes: {link("indcr-highlight-abrigado")}; {link("lu-journal")}.""",
    },
}
