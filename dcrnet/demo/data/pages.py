"""Demo editable pages: home, About, What is a DCR, DCR models (from sections A1–A4, B1–B3, E10)."""

from __future__ import annotations

from .sources import link

PAGES: list[dict] = [
    {
        "slug": "home",
        "title": "Drug consumption rooms, worldwide, in one place",
        "summary": "Which drug consumption rooms exist, where, since when, what they offer, "
        "and under which law: one directory, with a source for every fact.",
        "menu_order": None,
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
    {
        "slug": "about",
        "title": "About the network",
        "summary": "What the International Network of Drug Consumption Rooms is for, and where "
        "it comes from.",
        "menu_order": 1,
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
    {
        "slug": "what-is-a-dcr",
        "title": "What is a drug consumption room?",
        "summary": "A definition, a short history and what drug consumption rooms aim to achieve.",
        "menu_order": 2,
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
    {
        "slug": "dcr-models",
        "title": "Models of drug consumption rooms",
        "summary": "Integrated, specialised and mobile rooms, and the other labels the "
        "directory uses.",
        "menu_order": 3,
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
]
