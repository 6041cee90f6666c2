"""Demo facilities: section D of shared/data/facts-indcr-and-peers.md, each fact with its source.

Coordinates are city (sometimes district) centres to two decimals, never an address.
Where a source gives only a year or a month, the date is the 1st and the note says so.
"""

from __future__ import annotations

import datetime as dt

from .sources import cite, link

YEAR_ONLY = "Year only in source; date set to 1 January."
MONTH_ONLY = "Month only in source; date set to the 1st."
MODEL_NOT_STATED = (
    "*Model:* our sources do not say which model it follows; it is listed as integrated, "
    f"the most common model ({link('indcr-models')}), until the operator tells us otherwise."
)
SUPERVISION = ("supervision",)


def status(state: str, date: dt.date, source: str, note: str = "") -> dict:
    return {"status": state, "date": date, "note": note, **cite(source)}


def snapshot(
    as_of: dt.date,
    source: str,
    *,
    routes: dict[str, int | None],
    services: tuple[str, ...] = SUPERVISION,
    criteria: tuple[str, ...] = (),
    minimum_age: int | None = None,
    other_criteria: str = "",
    hours: list[tuple[int, str, str]] | None = None,
    hours_note: str = "",
    notes: str = "",
) -> dict:
    return {
        "as_of": as_of,
        **cite(source),
        "routes": routes,
        "services": services,
        "criteria": criteria,
        "minimum_age": minimum_age,
        "other_criteria": other_criteria,
        "hours": hours or [],
        "hours_note": hours_note,
        "notes": notes,
    }


def daily(opens: str, closes: str) -> list[tuple[int, str, str]]:
    """The same hours on all seven days (Monday = 0)."""
    return [(weekday, opens, closes) for weekday in range(7)]


D = dt.date

FACILITIES: list[dict] = [
    # --- Switzerland -------------------------------------------------------------------------
    {
        "public_id": "ch-bern-contact-netz",
        "name": "Contact Netz DCR",
        "operator": "Contact Netz",
        "city": "Bern",
        "country": "CH",
        "latitude": "46.95",
        "longitude": "7.45",
        "description": f"""Opened in Bern in 1986, this is generally counted as the world's first
drug consumption room; the EMCDDA dates the opening to June 1986. It is listed for injecting.

{MODEL_NOT_STATED}

Sources: {link("indcr-ch")}; {link("emcdda-2015")}.""",
        "statuses": [
            status("open", D(1986, 6, 1), "emcdda-2015", "Month from the EMCDDA; day not given."),
        ],
        "snapshots": [
            snapshot(
                D(2015, 9, 27),
                "indcr-ch",
                routes={"injecting": None},
                notes="The INDCR page is undated; the date is the one in its address.",
            ),
        ],
    },
    {
        "public_id": "ch-geneva-quai-9",
        "name": "Quai 9",
        "operator": "Première Ligne",
        "city": "Geneva",
        "country": "CH",
        "latitude": "46.20",
        "longitude": "6.15",
        "description": f"""Run by the association Première Ligne, Quai 9 opened in Geneva in
December 2001 as a room for injecting. In 2009 it added an inhalation room with three
places.

In 2021 it saw 729 people (621 men and 108 women), gave about 900 care interventions and ran
about 50 HIV tests.

{MODEL_NOT_STATED}

Sources: {link("ch-quai9-mediavivant")}; {link("ch-quai9-inhalation")}; {link("ch-quai9-2021")}.""",
        "statuses": [
            status("open", D(2001, 12, 1), "ch-quai9-mediavivant", MONTH_ONLY),
        ],
        "snapshots": [
            snapshot(D(2001, 12, 1), "ch-quai9-mediavivant", routes={"injecting": None}),
            snapshot(
                D(2009, 1, 1),
                "ch-quai9-inhalation",
                routes={"injecting": None, "smoking": 3},
                notes="Inhalation room with three places added in 2009 (year only in source).",
            ),
        ],
    },
    {
        "public_id": "ch-zurich-city-dcrs",
        "name": "Zürich drug consumption rooms",
        "operator": "",
        "city": "Zürich",
        "country": "CH",
        "latitude": "47.37",
        "longitude": "8.54",
        "description": f"""Zürich opened its first drug consumption room in 1987, a year after
Bern. This entry stands for the city's rooms together: in the 2014 European survey, four
Zürich DCRs answered as one, so their figures cannot be told apart. They offer injecting and
smoking.

{MODEL_NOT_STATED}

Sources: {link("solid-exceed-m1")}; {link("indcr-survey-2014")}.""",
        "statuses": [
            status("open", D(1987, 1, 1), "solid-exceed-m1", f"First Zürich DCR. {YEAR_ONLY}"),
        ],
        "snapshots": [
            snapshot(
                D(2014, 1, 1),
                "indcr-survey-2014",
                routes={"injecting": None, "smoking": None},
                notes="Four DCRs answered the 2014 survey as one response (year only).",
            ),
        ],
    },
    # --- Germany -----------------------------------------------------------------------------
    {
        "public_id": "de-frankfurt-eastside",
        "name": "Eastside",
        "operator": "",
        "city": "Frankfurt am Main (Fechenheim)",
        "country": "DE",
        "latitude": "50.12",
        "longitude": "8.76",
        "description": f"""Eastside in Frankfurt-Fechenheim opened in December 1994 and was the
first official drug consumption room in Germany. It is listed for injecting. Frankfurt's drug
deaths fell from 147 in 1991 to 20 in 2022, according to the same report.

{MODEL_NOT_STATED}

Source: {link("de-augsburger")}.""",
        "statuses": [
            status("open", D(1994, 12, 1), "de-augsburger", MONTH_ONLY),
        ],
        "snapshots": [
            snapshot(
                D(1994, 12, 1),
                "de-augsburger",
                routes={"injecting": None},
                notes="Routes as the source describes the room; it gives no date for them.",
            ),
        ],
    },
    {
        "public_id": "de-frankfurt-niddastrasse",
        "name": "Konsumraum Niddastraße",
        "operator": "Integrative Drogenhilfe",
        "city": "Frankfurt am Main",
        "country": "DE",
        "latitude": "50.11",
        "longitude": "8.68",
        "description": f"""The consumption room of Integrative Drogenhilfe in Niddastraße, in
Frankfurt's station district, opened some time after Eastside (December 1994); our sources do
not give the date. It records about 60,000 supervised uses a year and up to 250 a day. In 2018
it was open from 11:00 to 23:00.

As demand for smoking crack grew, the room was rebuilt: it had four smoking places
before and has 16 since, next to 12 injecting places. The status history below starts in 2018,
the first year our sources describe, not at the opening.

{MODEL_NOT_STATED}

Sources: {link("de-augsburger")}; {link("de-morgenweb")}; {link("de-borkener")};
{link("de-rheinmain")}.""",
        "statuses": [
            status(
                "open",
                D(2018, 1, 1),
                "de-morgenweb",
                "Opening date not in our sources (after December 1994); first year on record.",
            ),
        ],
        "snapshots": [
            snapshot(
                D(2018, 1, 1),
                "de-morgenweb",
                routes={"injecting": None, "smoking": 4},
                hours_note="11:00–23:00 in 2018; the days are not stated.",
                notes="Four smoking places before the rebuild (since when is not stated). "
                "About 60,000 supervised uses a year, up to 250 a day.",
            ),
            snapshot(
                D(2025, 11, 18),
                "de-rheinmain",
                routes={"injecting": 12, "smoking": 16},
                notes=f"After the rebuild reported by {link('de-borkener')}: "
                "16 smoking places (four before) and 12 injecting places.",
            ),
        ],
    },
    {
        "public_id": "de-berlin-birkenstube",
        "name": "Birkenstube",
        "operator": "Vista",
        "city": "Berlin (Moabit)",
        "country": "DE",
        "latitude": "52.53",
        "longitude": "13.34",
        "description": f"""Vista's Birkenstube in Berlin-Moabit opened in 2004 for injecting and
smoking. It sees about 500 clients a year, counted more than 90,000 uses in its first ten years
and more than 2,300 in September 2018 alone. It is open 30 hours a week, up from 24; Berlin
providers keep asking for more rooms and longer hours.

{MODEL_NOT_STATED}

Sources: {link("de-bz-birkenstube")}; {link("de-abendblatt-birkenstube")}.""",
        "statuses": [
            status("open", D(2004, 1, 1), "de-bz-birkenstube", YEAR_ONLY),
        ],
        "snapshots": [
            snapshot(
                D(2018, 9, 1),
                "de-abendblatt-birkenstube",
                routes={"injecting": None, "smoking": None},
                hours_note="30 hours a week (earlier 24); daily times not stated.",
                notes="More than 2,300 uses in September 2018; about 500 clients a year.",
            ),
        ],
    },
    {
        "public_id": "de-berlin-fixpunkt-mobile",
        "name": "Fixpunkt Drogenkonsummobil",
        "operator": "Fixpunkt",
        "city": "Berlin (several stops)",
        "country": "DE",
        "model": "mobile",
        "latitude": "52.52",
        "longitude": "13.40",
        "website": "https://www.fixpunkt.org/drogenkonsummobile-2/",
        "description": f"""Fixpunkt has run a mobile drug consumption room, a van stopping at
several places in Berlin, since November 2003. Since August 2019 a second van adds two places
for smoking. People are admitted from the age of 16 if they are not first-time users, are not in
substitution treatment and can keep to the house rules. The van stop in Neukölln was later
replaced by a fixed room in Karl-Marx-Straße.

Source: {link("de-fixpunkt-mobile")}.""",
        "statuses": [
            status("open", D(2003, 11, 1), "de-fixpunkt-mobile", MONTH_ONLY),
        ],
        "snapshots": [
            snapshot(
                D(2003, 11, 1),
                "de-fixpunkt-mobile",
                routes={"injecting": None},
                notes="First van, for injecting (month only in source).",
            ),
            snapshot(
                D(2019, 8, 1),
                "de-fixpunkt-mobile",
                routes={"injecting": None, "smoking": 2},
                criteria=("nosubstitute", "contract"),
                minimum_age=16,
                other_criteria="Not a first-time user.",
                notes="A second van with two smoking places since August 2019 (month only). "
                "Admission rules as the operator states them today.",
            ),
        ],
    },
    {
        "public_id": "de-berlin-fixpunkt-karl-marx-strasse",
        "name": "Fixpunkt Karl-Marx-Straße",
        "operator": "Fixpunkt",
        "city": "Berlin (Neukölln)",
        "country": "DE",
        "latitude": "52.48",
        "longitude": "13.44",
        "description": f"""Neukölln's first fixed drug consumption room, run by Fixpunkt in
Karl-Marx-Straße, replaced the stop of the consumption van there. It has six places for
injecting and six for smoking, and people can also shower and do their laundry. The opening year,
2019, comes from the local neighbourhood office, not from the press report.

{MODEL_NOT_STATED}

Sources: {link("de-morgenpost-neukoelln")}; {link("de-donaustrasse")}.""",
        "statuses": [
            status("open", D(2019, 1, 1), "de-donaustrasse", YEAR_ONLY),
        ],
        "snapshots": [
            snapshot(
                D(2019, 1, 1),
                "de-morgenpost-neukoelln",
                routes={"injecting": 6, "smoking": 6},
                services=("supervision", "showers_laundry"),
                notes="The article is undated in our notes; the year is that of the opening.",
            ),
        ],
    },
    # --- Netherlands -------------------------------------------------------------------------
    {
        "public_id": "nl-maastricht-first-dcr",
        "name": "Maastricht drug consumption room",
        "operator": "",
        "city": "Maastricht",
        "country": "NL",
        "latitude": "50.85",
        "longitude": "5.69",
        "description": f"""The first formal drug consumption room in the Netherlands opened in
Maastricht on 10 June 1994. Our sources name neither the room nor its operator, and give no
routes or places for it; across the country, Dutch rooms had on average 14 smoking and 5
injecting places in 2010.

{MODEL_NOT_STATED}

Sources: {link("nl-idpc-2019")}; {link("indcr-nl")}.""",
        "statuses": [
            status("open", D(1994, 6, 10), "nl-idpc-2019"),
        ],
        "snapshots": [],
    },
    # --- Denmark -----------------------------------------------------------------------------
    {
        "public_id": "dk-copenhagen-skyen",
        "name": "Skyen",
        "operator": "",
        "city": "Copenhagen (Vesterbro)",
        "country": "DK",
        "latitude": "55.67",
        "longitude": "12.55",
        "description": f"""Skyen in Vesterbro was among Copenhagen's first fixing rooms, which
opened in October 2012 after Denmark passed its law in June 2012. It has 8 injecting and 20
smoking places. By September 2014 it had 3,090 registered users (511 of them women), had counted
412 uses in a single day and had handled 210 overdoses; that month the city planned to open the
rooms at night.

{MODEL_NOT_STATED}

Sources: {link("dk-cphpost")}; {link("solid-exceed-m2")}; {link("indcr-dk")}.""",
        "statuses": [
            status(
                "open",
                D(2012, 10, 1),
                "indcr-dk",
                "Month of Copenhagen's first fixing rooms; day not given.",
            ),
        ],
        "snapshots": [
            snapshot(
                D(2014, 9, 18),
                "dk-cphpost",
                routes={"injecting": 8, "smoking": 20},
                notes=f"Places as given by {link('solid-exceed-m2')}.",
            ),
        ],
    },
    {
        "public_id": "dk-copenhagen-h17",
        "name": "H17",
        "operator": "",
        "city": "Copenhagen (Vesterbro)",
        "country": "DK",
        "latitude": "55.67",
        "longitude": "12.55",
        "description": f"""H17 opened in Vesterbro on 15 August 2016 and was reported as the
largest drug consumption room in the world: about 1,000 m², with 12 places for injecting and 12
for smoking, of which six and six were staffed at first. Twenty staff work there, among them
nine nurses and eight social workers.

{MODEL_NOT_STATED}

Sources: {link("dk-h17")}; {link("indcr-about")}.""",
        "statuses": [
            status("open", D(2016, 8, 15), "dk-h17"),
        ],
        "snapshots": [
            snapshot(
                D(2016, 8, 15),
                "dk-h17",
                routes={"injecting": 12, "smoking": 12},
                notes="At the opening only six injecting and six smoking places were staffed.",
            ),
        ],
    },
    # --- Norway ------------------------------------------------------------------------------
    {
        "public_id": "no-oslo-sproyterommet",
        "name": "Sprøyterommet Oslo",
        "operator": "",
        "city": "Oslo",
        "country": "NO",
        "latitude": "59.91",
        "longitude": "10.75",
        "description": f"""Oslo's injection room opened on 1 February 2005. By law it may only be
used for injecting heroin, by people aged 18 or over, one dose per visit. Around 2010 it had six
places, 2,040 registered users, about 75 injections a day, opening hours from 9 to 15 and a
budget of about €1.5 million a year. In 2017 it had 3,040 registered users (about 800 of them
regular) and recorded 30,223 injections; users were 35 years old on average and 74% were men.
SIRUS evaluated it in 2007 and 2009.

{MODEL_NOT_STATED}

Sources: {link("indcr-no")}; {link("no-urbandrugpolicy")}; {link("no-regjeringen")}.""",
        "statuses": [
            status("open", D(2005, 2, 1), "indcr-no"),
        ],
        "snapshots": [
            snapshot(
                D(2010, 1, 1),
                "no-urbandrugpolicy",
                routes={"injecting": 6},
                minimum_age=18,
                other_criteria="Heroin only (by law); one dose per visit.",
                hours_note="09:00–15:00 around 2010; the days are not stated.",
                notes=f"Date approximate (about 2010). Admission rules from {link('indcr-no')}.",
            ),
        ],
    },
    {
        "public_id": "no-bergen-straxhuset",
        "name": "Bergen injection room (Straxhuset)",
        "operator": "",
        "city": "Bergen",
        "country": "NO",
        "latitude": "60.39",
        "longitude": "5.32",
        "description": f"""Norway's second injection room opened in Bergen on 23 December 2016.
Like Oslo's it is for injecting heroin only, a rule its director has criticised. More than 300
people had registered by April 2017.

{MODEL_NOT_STATED}

Sources: {link("no-regjeringen")}; {link("no-bergen")}.""",
        "statuses": [
            status("open", D(2016, 12, 23), "no-regjeringen"),
        ],
        "snapshots": [
            snapshot(
                D(2016, 12, 23),
                "no-bergen",
                routes={"injecting": None},
                other_criteria="Heroin only (by law).",
            ),
        ],
    },
    # --- Luxembourg --------------------------------------------------------------------------
    {
        "public_id": "lu-abrigado",
        "name": "Abrigado",
        "operator": "",
        "city": "Luxembourg",
        "country": "LU",
        "latitude": "49.61",
        "longitude": "6.13",
        "description": f"""Abrigado opened in July 2005 under a legal framework adopted in 2001 and
was for years Luxembourg's only drug consumption room. It began with injecting and opened an
inhalation room in 2012. By 2015 users had signed 1,600 contracts, and in 2014 alone staff
supervised more than 59,000 injections. By 2019 the team had managed about 2,200 overdoses,
none of them fatal. Since April 2020 it also offers opioid substitution treatment.

Abrigado has said that a country of about 550,000 people with more than 2,200 problem drug
users needs more small rooms; a second room opened in Esch-sur-Alzette in 2019.

{MODEL_NOT_STATED}

Sources: {link("indcr-highlight-abrigado")}; {link("lu-journal")}; {link("lu-chronicle")}.""",
        "statuses": [
            status("open", D(2005, 7, 1), "indcr-highlight-abrigado", MONTH_ONLY),
        ],
        "snapshots": [
            snapshot(
                D(2005, 7, 1),
                "indcr-highlight-abrigado",
                routes={"injecting": None},
                criteria=("contract",),
                notes="At the opening: injecting only. Users sign a user contract.",
            ),
            snapshot(
                D(2012, 1, 1),
                "indcr-highlight-abrigado",
                routes={"injecting": None, "smoking": None},
                criteria=("contract",),
                notes="Inhalation room opened in 2012 (year only in source).",
            ),
            snapshot(
                D(2020, 4, 1),
                "lu-journal",
                routes={"injecting": None, "smoking": None},
                services=("supervision", "oat"),
                criteria=("contract",),
                notes="Opioid substitution treatment since April 2020 (month only in source).",
            ),
        ],
    },
    {
        "public_id": "lu-esch-contact-esch",
        "name": "Contact Esch",
        "operator": "JDH",
        "city": "Esch-sur-Alzette",
        "country": "LU",
        "latitude": "49.50",
        "longitude": "5.98",
        "description": f"""Luxembourg's second drug consumption room, run by JDH, opened in
Esch-sur-Alzette in 2019; Journal.lu gives July 2019, which we use. It offers injecting and
counted 1,600 stays in the injection room in its first six months.

{MODEL_NOT_STATED}

Sources: {link("lu-wort")}; {link("lu-journal")}; {link("lu-chronicle")}.""",
        "statuses": [
            status("open", D(2019, 7, 1), "lu-journal", MONTH_ONLY),
        ],
        "snapshots": [
            snapshot(D(2019, 7, 1), "lu-wort", routes={"injecting": None}),
        ],
    },
    # --- France ------------------------------------------------------------------------------
    {
        "public_id": "fr-paris-scmr-gaia",
        "name": "SCMR Paris",
        "operator": "Gaïa",
        "city": "Paris",
        "country": "FR",
        "latitude": "48.88",
        "longitude": "2.35",
        "description": f"""France's first drug consumption room opened on 17 October 2016 in the
Lariboisière hospital, under the six-year trial allowed by article 43 of a 2016 law. Gaïa
runs it with about 20 staff. It has 12 injecting places (another report speaks of six booths;
we use 12) and a room for inhalation, is open every day from 13:30 to 20:30 and was planned for
300 to 400 visits a day. Opponents set up a website for neighbours to report incidents.

{MODEL_NOT_STATED}

Sources: {link("fr-paris-talkingdrugs")}; {link("fr-paris-choopers")}; {link("indcr-fr")}.""",
        "statuses": [
            status("open", D(2016, 10, 17), "indcr-fr"),
        ],
        "snapshots": [
            snapshot(
                D(2016, 10, 17),
                "fr-paris-talkingdrugs",
                routes={"injecting": 12, "smoking": None},
                hours=daily("13:30", "20:30"),
                notes="Another report gives six injecting booths.",
            ),
        ],
    },
    {
        "public_id": "fr-strasbourg-argos",
        "name": "Argos",
        "operator": "Ithaque",
        "city": "Strasbourg",
        "country": "FR",
        "latitude": "48.57",
        "longitude": "7.75",
        "description": f"""France's second drug consumption room, Argos, opened in a Strasbourg
hospital on 7 November 2016. Run by Ithaque with seven staff, it has 8 injecting and 4 inhalation
places, is open from 13:00 to 19:00 and can take 120 to 150 visits a day.

{MODEL_NOT_STATED}

Sources: {link("fr-strasbourg")}; {link("indcr-fr")}.""",
        "statuses": [
            status("open", D(2016, 11, 7), "indcr-fr"),
        ],
        "snapshots": [
            snapshot(
                D(2016, 11, 7),
                "fr-strasbourg",
                routes={"injecting": 8, "smoking": 4},
                hours_note="13:00–19:00; the days are not stated.",
            ),
        ],
    },
    # --- Spain -------------------------------------------------------------------------------
    {
        "public_id": "es-barcelona-sala-baluard",
        "name": "Sala Baluard",
        "operator": "",
        "city": "Barcelona",
        "country": "ES",
        "latitude": "41.39",
        "longitude": "2.17",
        "description": f"""Sala Baluard in Barcelona opened in November 2003 according to a 2008
report; a 2022 article says 2005. We use the earlier report, written closer to the event. In
2008 it had six injection points and was open around the clock. In 2021 it served 1,362 people
and recorded 58,793 uses.

{MODEL_NOT_STATED}

Sources: {link("es-ddn-2008")}; {link("es-herald-2022")}.""",
        "statuses": [
            status(
                "open",
                D(2003, 11, 1),
                "es-ddn-2008",
                "Month only in source. A 2022 article (The Herald) gives 2005.",
            ),
        ],
        "snapshots": [
            snapshot(
                D(2008, 5, 1),
                "es-ddn-2008",
                routes={"injecting": 6},
                hours=daily("00:00", "00:00"),
                hours_note="Open 24 hours, 7 days a week (2008).",
                notes="Date from the report's title (11–12 May 2008).",
            ),
        ],
    },
    {
        "public_id": "es-madrid-dave",
        "name": "DAVE",
        "operator": "",
        "city": "Madrid",
        "country": "ES",
        "latitude": "40.42",
        "longitude": "-3.70",
        "description": f"""DAVE in Madrid was Spain's first drug consumption room, opened in 2000
for injecting. It closed at the end of 2011 for political and financial reasons, and stays in
the directory as a closed facility.

{MODEL_NOT_STATED}

Source: {link("indcr-es")}.""",
        "statuses": [
            status("open", D(2000, 1, 1), "indcr-es", YEAR_ONLY),
            status(
                "closed",
                D(2011, 12, 31),
                "indcr-es",
                'Source says "end of 2011"; date set to 31 December.',
            ),
        ],
        "snapshots": [
            snapshot(D(2000, 1, 1), "indcr-es", routes={"injecting": None}, notes=YEAR_ONLY),
        ],
    },
    {
        "public_id": "es-bilbao-medicos-del-mundo",
        "name": "Médicos del Mundo supervised consumption site",
        "operator": "Médicos del Mundo",
        "city": "Bilbao",
        "country": "ES",
        "latitude": "43.26",
        "longitude": "-2.93",
        "description": f"""Médicos del Mundo opened a supervised consumption site for injecting in
Bilbao in 2003 and published an analysis of its activity from 2003 to 2009. The organisation
also wrote a Spanish good-practice manual on opening a DCR (2010).

{MODEL_NOT_STATED}

Source: {link("es-spanish-literature")}.""",
        "statuses": [
            status("open", D(2003, 1, 1), "es-spanish-literature", YEAR_ONLY),
        ],
        "snapshots": [
            snapshot(
                D(2003, 1, 1),
                "es-spanish-literature",
                routes={"injecting": None},
                notes=YEAR_ONLY,
            ),
        ],
    },
    # --- Belgium -----------------------------------------------------------------------------
    {
        "public_id": "be-liege-saf-ti",
        "name": "Saf ti",
        "operator": "",
        "city": "Liège",
        "country": "BE",
        "latitude": "50.63",
        "longitude": "5.57",
        "description": f"""Saf ti, an injecting room, opened in Liège in September 2018. The city
invested about €1 million, and the room operates with local tolerance, without a national law.

{MODEL_NOT_STATED}

Source: {link("be-vrt")}.""",
        "statuses": [
            status(
                "open",
                D(2018, 9, 1),
                "be-vrt",
                "Month only in source; VRT reported the opening on 5 September 2018.",
            ),
        ],
        "snapshots": [
            snapshot(D(2018, 9, 5), "be-vrt", routes={"injecting": None}),
        ],
    },
    {
        "public_id": "be-brussels-gate",
        "name": "GATE",
        "operator": "Transit",
        "city": "Brussels",
        "country": "BE",
        "latitude": "50.85",
        "longitude": "4.35",
        "description": f"""GATE, run by Transit, opened on 5 May 2022 as Brussels' first drug
consumption room, for injecting and smoking. It sees 70 to 80 people a day, about half of them
homeless.

{MODEL_NOT_STATED}

Sources: {link("be-efus")}; {link("be-bulletin")}.""",
        "statuses": [
            status("open", D(2022, 5, 5), "be-efus"),
        ],
        "snapshots": [
            snapshot(D(2022, 5, 5), "be-efus", routes={"injecting": None, "smoking": None}),
        ],
    },
    # --- Greece ------------------------------------------------------------------------------
    {
        "public_id": "gr-athens-odysseas",
        "name": "Odysseas",
        "operator": "OKANA",
        "city": "Athens",
        "country": "GR",
        "latitude": "37.98",
        "longitude": "23.73",
        "description": f"""Odysseas, a pilot injecting room run by OKANA, opened in Athens in 2013.
Within a year a prosecutor shut it down; campaigners were still trying to revive it in
2015. The closure date is not known exactly: the room was still working when it was
interviewed in February 2014 and was reported closed on 17 September 2014, the date we use.
OKANA opened a new drug consumption room in Athens, in operation by 2022.

{MODEL_NOT_STATED}

Sources: {link("gr-idpc-2015")}; {link("gr-sdc-2014")}.""",
        "statuses": [
            status("open", D(2013, 1, 1), "gr-idpc-2015", f"Pilot. {YEAR_ONLY}"),
            status(
                "closed",
                D(2014, 9, 17),
                "gr-sdc-2014",
                "Closed by a prosecutor within a year of opening; exact date unknown. "
                "Date of the first report of the closure (open in February 2014).",
            ),
        ],
        "snapshots": [
            snapshot(D(2013, 1, 1), "gr-idpc-2015", routes={"injecting": None}, notes=YEAR_ONLY),
        ],
    },
    {
        "public_id": "gr-athens-okana",
        "name": "OKANA drug consumption room",
        "operator": "OKANA",
        "city": "Athens",
        "country": "GR",
        "latitude": "37.98",
        "longitude": "23.73",
        "description": f"""After the closure of the Odysseas pilot, OKANA opened a new drug
consumption room in Athens; the EMCDDA's director visited it on 14 April 2022. Our sources do not
give its opening date, so the status history starts with that visit. Routes and places are not
stated.

{MODEL_NOT_STATED}

Sources: {link("gr-drogy-2022")}; {link("gr-idpc-2015")}.""",
        "statuses": [
            status(
                "open",
                D(2022, 4, 14),
                "gr-drogy-2022",
                "Opening date not in our sources; in operation at the EMCDDA visit.",
            ),
        ],
        "snapshots": [],
    },
    # --- Portugal ----------------------------------------------------------------------------
    {
        "public_id": "pt-lisbon-mobile",
        "name": "Lisbon mobile drug consumption room",
        "operator": "Médicos do Mundo and GAT",
        "city": "Lisbon",
        "country": "PT",
        "model": "mobile",
        "latitude": "38.72",
        "longitude": "-9.14",
        "description": f"""Portugal's first mobile drug consumption room is a van run by Médicos do
Mundo with GAT, in service in Lisbon since April 2019. It has two places, for injecting only,
and a team from several professions that includes peers. It has since moved from Beato to
Arroios.

Sources: {link("pt-lisboa")}; {link("pt-idpc-2019")}; {link("hri-2019")}.""",
        "statuses": [
            status("open", D(2019, 4, 1), "pt-idpc-2019", MONTH_ONLY),
        ],
        "snapshots": [
            snapshot(
                D(2019, 7, 1),
                "pt-idpc-2019",
                routes={"injecting": 2},
                notes="Two places in the van (report of July 2019).",
            ),
        ],
    },
    # --- Ukraine -----------------------------------------------------------------------------
    {
        "public_id": "ua-sumy",
        "name": "Sumy drug consumption room",
        "operator": "",
        "city": "Sumy",
        "country": "UA",
        "latitude": "50.91",
        "longitude": "34.80",
        "description": f"""With a fixed drug consumption room in Sumy, opened in late 2018, Ukraine
joined Harm Reduction International's list of countries with DCRs in 2019. Our sources give
no name, operator, routes or places.

{MODEL_NOT_STATED}

Source: {link("hri-2019")}.""",
        "statuses": [
            status(
                "open",
                D(2018, 10, 1),
                "hri-2019",
                'Source says "late 2018"; date set to 1 October 2018.',
            ),
        ],
        "snapshots": [],
    },
    # --- United Kingdom ----------------------------------------------------------------------
    {
        "public_id": "gb-glasgow-thistle",
        "name": "The Thistle",
        "operator": "",
        "city": "Glasgow",
        "country": "GB",
        "latitude": "55.86",
        "longitude": "-4.25",
        "description": f"""The Thistle opened in Glasgow on 13 January 2025 as the UK's first
safer drug consumption facility. It has eight injecting booths, two of them
wheelchair accessible, and is open from 9:00 to 21:00 every day of the year. The facility cost
about £2.3 million; running it costs about £2 million a year, with some 31 staff. It recorded 131
attendances in its first week.

{MODEL_NOT_STATED}

Sources: {link("gb-independent")}; {link("gb-tribyoon")}; {link("gb-socialcare")}.""",
        "statuses": [
            status("open", D(2025, 1, 13), "gb-tribyoon"),
        ],
        "snapshots": [
            snapshot(
                D(2025, 1, 13),
                "gb-independent",
                routes={"injecting": 8},
                hours=daily("09:00", "21:00"),
                hours_note="365 days a year.",
                notes="Eight booths, two of them wheelchair accessible.",
            ),
        ],
    },
    # --- Canada ------------------------------------------------------------------------------
    {
        "public_id": "ca-vancouver-insite",
        "name": "Insite",
        "operator": "Vancouver Coastal Health and PHS Community Services Society",
        "city": "Vancouver",
        "country": "CA",
        "latitude": "49.28",
        "longitude": "-123.12",
        "description": f"""Insite opened in Vancouver in September 2003 under an exemption from
section 56 of Canada's Controlled Drugs and Substances Act. It offers supervised injecting and
drug checking. In 2017 it had 175,464 visits by 7,301 people and responded to 2,151 overdoses,
none of them fatal.

{MODEL_NOT_STATED}

Sources: {link("ca-insite-wikipedia")}; {link("indcr-ca")}.""",
        "statuses": [
            status("open", D(2003, 9, 1), "indcr-ca", MONTH_ONLY),
        ],
        "snapshots": [
            snapshot(
                D(2017, 1, 1),
                "ca-insite-wikipedia",
                routes={"injecting": None},
                services=("supervision", "drug_checking"),
                notes="Year of the figures in the source (2017).",
            ),
        ],
    },
    {
        "public_id": "ca-vancouver-dr-peter-centre",
        "name": "Dr. Peter Centre",
        "operator": "",
        "city": "Vancouver",
        "country": "CA",
        "latitude": "49.28",
        "longitude": "-123.12",
        "description": f"""The Dr. Peter Centre in Vancouver has offered supervised injecting since
February 2002, earlier than Insite. In 2006 it had three injecting stalls and about 50 regular
users. The centre also wrote guidance on community consultation for new sites in British
Columbia (2017).

{MODEL_NOT_STATED}

Source: {link("ca-mapinc-2006")}.""",
        "statuses": [
            status("open", D(2002, 2, 1), "ca-mapinc-2006", MONTH_ONLY),
        ],
        "snapshots": [
            snapshot(
                D(2006, 1, 1),
                "ca-mapinc-2006",
                routes={"injecting": 3},
                notes="Three stalls; about 50 regular users (2006, year only).",
            ),
        ],
    },
    {
        "public_id": "ca-montreal-cactus",
        "name": "CACTUS Montréal",
        "operator": "CACTUS Montréal",
        "city": "Montreal",
        "country": "CA",
        "latitude": "45.50",
        "longitude": "-73.57",
        "description": f"""CACTUS Montréal opened its supervised injection site in June 2017, with
ten cubicles, open twelve hours a day and expecting 140 to 215 injections a day.
Reports from the time differ on how many Montreal sites were about to open: La Presse spoke of
two in May 2017, The Globe and Mail of three. CACTUS consulted the community and set up a
good-neighbour committee; there were also resident protests in Montreal.

{MODEL_NOT_STATED}

Sources: {link("ca-lapresse-2017")}; {link("ca-globe-2017")}.""",
        "statuses": [
            status("open", D(2017, 6, 1), "ca-globe-2017", MONTH_ONLY),
        ],
        "snapshots": [
            snapshot(
                D(2017, 6, 1),
                "ca-globe-2017",
                routes={"injecting": 10},
                hours_note="12 hours a day; the times are not stated.",
                notes="Ten cubicles.",
            ),
        ],
    },
    {
        "public_id": "ca-surrey-safepoint",
        "name": "SafePoint",
        "operator": "Fraser Health",
        "city": "Surrey",
        "country": "CA",
        "latitude": "49.19",
        "longitude": "-122.85",
        "description": f"""Fraser Health opened SafePoint in Surrey in June 2017. From 27 June
2017 Health Canada allowed oral and nasal use there as well as injecting, the first such
exemption in Canada.

{MODEL_NOT_STATED}

Source: {link("ca-darpan-2017")}.""",
        "statuses": [
            status("open", D(2017, 6, 1), "ca-darpan-2017", MONTH_ONLY),
        ],
        "snapshots": [
            snapshot(D(2017, 6, 1), "ca-darpan-2017", routes={"injecting": None}),
            snapshot(
                D(2017, 6, 27),
                "ca-darpan-2017",
                routes={"injecting": None, "oral": None, "snorting": None},
                notes="Oral and nasal use allowed from 27 June 2017.",
            ),
        ],
    },
    # --- Australia ---------------------------------------------------------------------------
    {
        "public_id": "au-sydney-uniting-msic",
        "name": "Uniting Medically Supervised Injecting Centre",
        "operator": "Uniting",
        "city": "Sydney (Kings Cross)",
        "country": "AU",
        "latitude": "-33.87",
        "longitude": "151.22",
        "website": "http://www.sydneymsic.com/",
        "description": f"""The Uniting MSIC in Kings Cross opened on 6 May 2001 as a trial under
New South Wales law; the trial was made permanent in 2010. It has eight booths with two seats
each. By 2016 it had supervised more than a million injections without a death.

{MODEL_NOT_STATED}

Sources: {link("au-msic-wikipedia")}; {link("au-msic-how")}; {link("indcr-au")}.""",
        "statuses": [
            status("open", D(2001, 5, 6), "au-msic-wikipedia"),
        ],
        "snapshots": [
            snapshot(
                D(2016, 1, 1),
                "au-msic-how",
                routes={"injecting": None},
                notes="Eight booths with two seats each. The page is undated; the year is "
                "that of the latest figure in our sources (2016).",
            ),
        ],
    },
    {
        "public_id": "au-melbourne-north-richmond",
        "name": "North Richmond Medically Supervised Injecting Room",
        "operator": "",
        "city": "Melbourne (North Richmond)",
        "country": "AU",
        "latitude": "-37.81",
        "longitude": "144.99",
        "description": f"""Victoria's first medically supervised injecting room opened in North
Richmond, Melbourne, on 30 June 2018, for adults aged 18 and over. Before the opening it was
described as taking eleven people injecting at once.

{MODEL_NOT_STATED}

Sources: {link("au-vic-health")}; {link("au-yahoo-2018")}.""",
        "statuses": [
            status("open", D(2018, 6, 30), "au-vic-health"),
        ],
        "snapshots": [
            snapshot(
                D(2018, 6, 30),
                "au-vic-health",
                routes={"injecting": 11},
                minimum_age=18,
                notes="Eleven places is a figure given before the opening.",
            ),
        ],
    },
    # --- United States -----------------------------------------------------------------------
    {
        "public_id": "us-new-york-onpoint",
        "name": "OnPoint NYC",
        "operator": "OnPoint NYC",
        "city": "New York (East Harlem and Washington Heights)",
        "country": "US",
        "model": "ops",
        "latitude": "40.80",
        "longitude": "-73.94",
        "website": "https://onpointnyc.org/",
        "description": f"""OnPoint NYC opened two overdose prevention centres, in East Harlem
and Washington Heights, on 30 November 2021, for supervised consumption. In their first three
weeks they counted more than 2,000 uses and averted 59 overdoses. By July 2023 they had counted
83,519 uses by 3,719 participants and averted 1,008 overdoses. The city health department calls
them overdose prevention centers, hence the model.

Sources: {link("us-nyc-2021")}; {link("us-onpoint-2023")}.""",
        "statuses": [
            status("open", D(2021, 11, 30), "us-nyc-2021"),
        ],
        "snapshots": [
            snapshot(
                D(2021, 11, 30),
                "us-nyc-2021",
                routes={"injecting": None},
                notes="Two sites.",
            ),
        ],
    },
    # --- Mexico ------------------------------------------------------------------------------
    {
        "public_id": "mx-mexicali-la-sala",
        "name": "La Sala",
        "operator": "Verter",
        "city": "Mexicali",
        "country": "MX",
        "latitude": "32.62",
        "longitude": "-115.45",
        "description": f"""Verter opened La Sala in Mexicali in 2018, reported as the first safe
consumption room in Latin America. It takes up to 30 people a day injecting heroin or crystal
meth, admitted only women during its first three months, and tests for fentanyl. The city closed
it once because of missing permits; our sources give neither the date of that closure nor
whether and when it reopened, so the status history does not show it.

{MODEL_NOT_STATED}

Sources: {link("mx-eluniversal")}; {link("mx-descriminalizacion")}; {link("mx-ladosis")}.""",
        "statuses": [
            status("open", D(2018, 1, 1), "mx-descriminalizacion", YEAR_ONLY),
        ],
        "snapshots": [
            snapshot(
                D(2018, 1, 1),
                "mx-eluniversal",
                routes={"injecting": None},
                services=("supervision", "drug_checking"),
                other_criteria="Women only during the first three months.",
                notes="Capacity of 30 people a day; heroin and crystal meth; fentanyl testing. "
                + YEAR_ONLY,
            ),
        ],
    },
]

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
