"""Demo country profiles: legal basis and political situation (facts file A9, B2, B4, D, E9)."""

from __future__ import annotations

import datetime as dt

from .sources import SOURCES, link

NOT_DESCRIBED = "Not described yet: the sources used for this profile do not cover the legal basis."


def country(code: str, source: str, as_of: dt.date, legal_basis: str, political: str) -> dict:
    title, url = SOURCES[source]
    return {
        "code": code,
        "legal_basis": legal_basis.strip(),
        "political_situation": political.strip(),
        "source_title": title,
        "source_url": url,
        "as_of": as_of,
    }


D = dt.date

COUNTRIES: list[dict] = [
    country(
        "CH",
        "emcdda-2017",
        D(2017, 2, 1),
        f"""
Switzerland opened its rooms on the strength of an expert legal opinion (1989) rather than a
specific provision in its drug law. National standards for drug consumption rooms followed in
2011. Sources: {link("indcr-ch")}; {link("legal-routes")}.
""",
        f"""
The first drug consumption room in the world opened in Bern in 1986, and Zürich followed in
1987. The INDCR page counts 13 rooms in 8 cities; the EMCDDA counted 12 in 8 cities in June 2015
and again in February 2017, so the difference is one of date or definition. Sources:
{link("indcr-ch")}; {link("emcdda-2017")}.
""",
    ),
    country(
        "DE",
        "emcdda-2017",
        D(2017, 2, 1),
        f"""
Germany's rooms first rested on an expert legal opinion (1993). An amendment to the Narcotics
Act in 2000 (§10a BtMG) then gave them an explicit basis in drug law. Sources:
{link("indcr-de")}; {link("legal-routes")}.
""",
        f"""
In June 2015 Germany had 24 rooms in 15 cities in 6 of its states, among them 5 in Hamburg, 4 in
Frankfurt and 2 in Berlin plus a mobile unit; the EMCDDA still counted 24 in February 2017.
Frankfurt, where the first official room opened in 1994, saw drug deaths fall from 147 in 1991
to 20 in 2022. Sources: {link("indcr-de")}; {link("emcdda-2017")}; {link("de-augsburger")}.
""",
    ),
    country(
        "NL",
        "nl-idpc-2019",
        D(2019, 7, 1),
        f"""
The Dutch rooms rest on an expert legal opinion (1996), national guidelines of 1996 and an
instruction of 2000. Sources: {link("indcr-nl")}; {link("legal-routes")}.
""",
        f"""
The first formal room opened in Maastricht in 1994. The INDCR page counts 30 rooms in 26
municipalities (2014); the EMCDDA counted 31 in 25 cities in June 2015 and 31 in February 2017.
Dutch rooms lean towards smoking: 14 smoking and 5 injecting places on average in 2010. One
room in The Hague (Woodstock) now sits inside a care home. Sources: {link("indcr-nl")};
{link("emcdda-2015")}; {link("nl-idpc-2019")}; {link("ddn-room")}.
""",
    ),
    country(
        "DK",
        "emcdda-2017",
        D(2017, 2, 1),
        f"""
Denmark passed a law allowing drug consumption rooms in June 2012. Source: {link("indcr-dk")}.
""",
        f"""
The first rooms opened in Copenhagen in October 2012; the two Copenhagen rooms served 1,800
users and up to 800 injections a day. The EMCDDA counted 5 rooms in 3 cities in June 2015 and 5
in 4 cities in February 2017. Sources: {link("indcr-dk")}; {link("emcdda-2017")}.
""",
    ),
    country(
        "NO",
        "no-regjeringen",
        D(2018, 1, 1),
        f"""
A specific act of 2004 allows drug consumption rooms in Norway. The law limits them to injecting
heroin, by people aged 18 or over, one dose per visit. Sources: {link("indcr-no")};
{link("legal-routes")}.
""",
        f"""
Oslo opened the first room on 1 February 2005, evaluated by SIRUS in 2007 and 2009, and Bergen
the second in December 2016. The heroin-only rule is contested: Bergen's director has criticised
it. Sources: {link("indcr-no")}; {link("no-regjeringen")};
{link("emcdda-2017")}.
""",
    ),
    country(
        "LU",
        "lu-journal",
        D(2019, 7, 1),
        f"""
Luxembourg adopted the legal framework for drug consumption rooms in 2001. Source:
{link("indcr-highlight-abrigado")}.
""",
        f"""
Abrigado opened in Luxembourg City in July 2005, and a second room, planned for the south of the
country, opened in Esch-sur-Alzette in 2019. Abrigado argues that a country of about 550,000
people with more than 2,200 problem drug users needs more small rooms. The INDCR profile also
mentions plans for heroin-assisted treatment and the HIV/AIDS action plan 2011–15. Sources:
{link("indcr-highlight-abrigado")}; {link("indcr-lu")}; {link("lu-journal")}.
""",
    ),
    country(
        "FR",
        "indcr-fr",
        D(2016, 11, 7),
        f"""
Article 43 of a 2016 law allows drug consumption rooms as a six-year trial. Source:
{link("indcr-fr")}.
""",
        f"""
The first two rooms opened in hospitals: Paris on 17 October 2016 and Strasbourg on 7 November
2016. Opponents in Paris run a website for residents to report incidents.
Sources: {link("indcr-fr")}; {link("fr-paris-talkingdrugs")}.
""",
    ),
    country(
        "ES",
        "indcr-es",
        D(2017, 2, 1),
        f"""
In Spain, rooms rest on local public-health rules rather than on a provision of national drug
law, according to the EMCDDA's overview of legal routes. Source: {link("legal-routes")}.
""",
        f"""
Madrid opened Spain's first room, DAVE, in 2000; it closed at the end of 2011 for political and
financial reasons. Counts differ with date and definition: the INDCR page lists 7 facilities
(with Reus open one hour a day in 2015), while the EMCDDA counted 12 rooms in June 2015 and 13 in
7 cities in February 2017. Sources: {link("indcr-es")}; {link("emcdda-2017")}.
""",
    ),
    country(
        "BE",
        "be-efus",
        D(2022, 5, 5),
        NOT_DESCRIBED
        + f""" Liège's room, opened in September 2018, was tolerated without a national law.
Source: {link("be-vrt")}.""",
        f"""
Liège opened the first room in 2018 with about €1 million from the city, and Brussels followed
with GATE in May 2022. Belgium is among the countries with DCRs in the EMCDDA's 2023 report.
Sources: {link("be-vrt")}; {link("be-efus")}; {link("emcdda-2023-countries")}.
""",
    ),
    country(
        "GR",
        "gr-drogy-2022",
        D(2022, 4, 14),
        NOT_DESCRIBED
        + f""" The 2013 pilot in Athens was shut down by a prosecutor within a year. Source:
{link("gr-idpc-2015")}.""",
        f"""
OKANA's pilot room Odysseas opened in Athens in 2013 and closed within a year; in June 2015 the
EMCDDA listed Greece's room as closed. OKANA opened a new room in Athens, visited by the EMCDDA's
director in April 2022. Sources: {link("gr-idpc-2015")}; {link("emcdda-2015")};
{link("gr-drogy-2022")}.
""",
    ),
    country(
        "PT",
        "pt-idpc-2019",
        D(2019, 7, 1),
        f"""
Portugal's drug law (Law 30/2000) contains a specific provision for drug consumption rooms.
Source: {link("legal-routes")}.
""",
        f"""
In 2015 Portugal was only considering rooms. Its first, a mobile unit run by Médicos do Mundo
and GAT, began in Lisbon in April 2019. Sources: {link("indcr-what")}; {link("pt-idpc-2019")};
{link("hri-2019")}.
""",
    ),
    country(
        "UA",
        "hri-2019",
        D(2019, 1, 1),
        NOT_DESCRIBED,
        f"""
Ukraine entered Harm Reduction International's list of countries with DCRs in its 2019 update,
with a fixed site in Sumy opened in late 2018. Source: {link("hri-2019")}.
""",
    ),
    country(
        "GB",
        "gb-tribyoon",
        D(2025, 1, 13),
        NOT_DESCRIBED,
        f"""
In 2015 the UK was among the countries considering drug consumption rooms. The first, The
Thistle in Glasgow, opened on 13 January 2025. Sources: {link("indcr-what")};
{link("gb-tribyoon")}.
""",
    ),
    country(
        "CA",
        "hc-dashboard",
        D(2024, 5, 15),
        f"""
Supervised consumption sites in Canada operate under an exemption granted by Health Canada under
section 56 of the Controlled Drugs and Substances Act. Applicants describe their services
(injection, inhalation, intranasal, oral, drug checking), hours, floor plan and a community
consultation, and report to Health Canada. Sources: {link("indcr-ca")}; {link("hc-status")}.
""",
        f"""
Insite opened in Vancouver in 2003. Every exempted site has reported to Health Canada since
January 2017, in a standard format since March 2020; overdose prevention sites are counted
separately. In 2024 a Commons committee heard of more than 4.4 million visits since 2017, about
52,000 overdoses reversed and close to 400,000 referrals. There has also been local opposition,
such as resident protests in Montreal. Sources: {link("hc-dashboard")};
{link("ca-commons-2024")}.
""",
    ),
    country(
        "AU",
        "au-vic-health",
        D(2018, 6, 30),
        f"""
In New South Wales, section 360 of the state's drug law provides for the Sydney centre, which
began as a trial in 2001 and was made permanent in 2010. Our sources do not describe Victoria's
legal basis. Sources: {link("legal-routes")}; {link("au-msic-wikipedia")}.
""",
        f"""
Sydney's Uniting MSIC was long Australia's only centre; Victoria opened a second in North
Richmond, Melbourne, on 30 June 2018. Sources: {link("indcr-au")}; {link("emcdda-2017")};
{link("au-vic-health")}.
""",
    ),
    country(
        "US",
        "us-onpoint-2023",
        D(2023, 7, 1),
        NOT_DESCRIBED,
        f"""
OnPoint NYC opened two overdose prevention centres in New York on 30 November 2021; by July
2023 they had averted 1,008 overdoses. The United States is among the countries with DCRs in the
EMCDDA's 2023 report. Separately, one unsanctioned US site recorded 10,514 injections and 33
overdoses, with no deaths, over five years. Sources: {link("us-nyc-2021")};
{link("us-onpoint-2023")}; {link("emcdda-2023-countries")}; {link("drugwarfacts-us")}.
""",
    ),
    country(
        "MX",
        "hri-2022",
        D(2022, 1, 1),
        NOT_DESCRIBED,
        f"""
The organisation Verter opened the first room in Mexicali in 2018; the city closed
it once over permits. Harm Reduction International's 2022 edition counted Mexico among four new
countries with DCRs. Sources: {link("mx-ladosis")}; {link("hri-2022")}.
""",
    ),
]
