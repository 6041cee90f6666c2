# ruff: noqa: E501 (bibliographic data and sample files keep their lines)
"""The seed bibliography (facts file, part 1.3): every reference with its design and outcome tags.

Elements the facts file marks as not verified (in brackets) are left out, not guessed.
Idempotent: a reference is found again by the "Seed bibliography #n." marker in its notes (or its DOI).
"""

from __future__ import annotations

from django.db import transaction

from dcrnet.lib import bulk

from .models import Person, Reference, Term, Vocabulary
from .vocabularies import seed, translate

# n | type | authors (; {organisation}) | year | title | container | volume | issue | pages | DOI |
# designs | outcomes (all = every outcome) | places (facility public_id or country code) |
# publisher, place | keywords
SEED = """\
1|report|Hedrich D|2004|European report on drug consumption rooms||||||NR|all||EMCDDA, Lisbon|
2|chapter|Hedrich D; Kerr T; Dubois-Arber F|2010|Drug consumption facilities in Europe and beyond|Harm reduction: evidence, impacts and challenges (EMCDDA Scientific Monograph 10)|||||NR|all||EMCDDA, Lisbon|
3|report|{EMCDDA}|2015|Perspectives on drugs: Drug consumption rooms: an overview of provision and evidence||||||NR|all||EMCDDA, Lisbon|
4|report|{EMCDDA}; {Correlation–European Harm Reduction Network}|2023|Drug consumption rooms||||||NR|all||Publications Office of the European Union, Luxembourg|joint technical report
5|report|{EMCDDA}|2024|Health and social responses: drug consumption rooms||||||NR|all||EMCDDA, Lisbon|miniguide
6|article-journal|Potier C; Laprévote V; Dubois-Arber F; Cottencin O; Rolland B|2014|Supervised injection services: what has been demonstrated? A systematic literature review|Drug Alcohol Depend|145||48-68|10.1016/j.drugalcdep.2014.10.012|SR|all|||
7|article-journal|Kennedy MC; Karamouzian M; Kerr T|2017|Public health and public order outcomes associated with supervised drug consumption facilities: a systematic review|Curr HIV/AIDS Rep|14|5|161-183|10.1007/s11904-017-0363-y|SR|all|||
8|article-journal|Belackova V; Salmon AM|2019|Drug consumption rooms: a systematic review of evaluation methodologies|Drug Alcohol Rev||||10.1111/dar.12919|SR||||evaluation methodology
9|article-journal|Caulkins JP; Pardo B; Kilmer B|2019|Supervised consumption sites: a nuanced assessment of the causal evidence|Addiction|||2109-2115|10.1111/add.14747|NR|all|||
10|article-journal|Levengood TW; Yoon GH; Davoust MJ; Ogden SN; Marshall BDL; Cahill SR; Bazzi AR|2021|Supervised injection facilities as harm reduction: a systematic review|Am J Prev Med|61|5|738-749|10.1016/j.amepre.2021.04.017|SR|ODM OD TX CRIME PUB|||
11|article-journal|Semaan S; Fleming P; Worrell C; Stolp H; Baack B; Miller M|2011|Potential role of safer injection facilities in reducing HIV and hepatitis C infections and overdose mortality in the United States|Drug Alcohol Depend|118|2-3|100-110|10.1016/j.drugalcdep.2011.03.006|NR|HIV HCV ODM|US||
12|article-journal|Tran V; Reid SE; Roxburgh A; Day CA|2021|Assessing drug consumption rooms and longer term (5 year) impacts on community and clients|Risk Manag Healthc Policy|14||4639-4647|10.2147/RMHP.S244720|SR|all|||
13|article-journal|Speed KA; Gehring ND; Launier K; O'Brien D; Campbell S; Hyshka E|2020|To what extent do supervised drug consumption services incorporate non-injection routes of administration? A systematic scoping review documenting existing facilities|Harm Reduct J|17|||10.1186/s12954-020-00414-y|ScR|IMPL|||
14|article-journal|Kerr T; Mitra S; Kennedy MC; McNeil R|2017|Supervised injection facilities in Canada: past, present, and future|Harm Reduct J|14|||10.1186/s12954-017-0154-1|NR|IMPL|CA||
15|article-journal|Wood E; Tyndall MW; Spittal PM; Li K; Kerr T; Hogg RS|2001|Unsafe injection practices in a cohort of injection drug users in Vancouver: could safer injecting rooms help?|CMAJ|165|4|405||COH|RISK|CA||Vancouver
16|article-journal|Wood E; Kerr T; Small W; Li K; Marsh DC; Montaner JSG; Tyndall MW|2004|Changes in public order after the opening of a medically supervised safer injecting facility for illicit injection drug users|CMAJ|171|7|731-734||BA|PUB|ca-vancouver-insite CA||Insite; Vancouver
17|article-journal|Kerr T; Tyndall M; Li K; Montaner J; Wood E|2005|Safer injection facility use and syringe sharing in injection drug users|Lancet|||||COH|RISK HIV|ca-vancouver-insite CA||Insite; Vancouver
18|article-journal|Wood E; Tyndall MW; Montaner JS; Kerr T|2006|Summary of findings from the evaluation of a pilot medically supervised safer injecting facility|CMAJ|175|11|1399-1404|10.1503/cmaj.060863|NR|all|ca-vancouver-insite CA||Insite; Vancouver
19|article-journal|Kerr T; Stoltz JA; Tyndall M; Li K; Zhang R; Montaner J; Wood E|2006|Impact of a medically supervised safer injection facility on community drug use patterns: a before and after study|BMJ|332|7535|220||BA|TX|ca-vancouver-insite CA||Insite; Vancouver
20|article-journal|Wood E; Tyndall MW; Lai C; Montaner JSG; Kerr T|2006|Impact of a medically supervised safer injecting facility on drug dealing and other drug-related crime|Subst Abuse Treat Prev Policy|1||13||BA|CRIME|ca-vancouver-insite CA||Insite; Vancouver
21|article-journal|Wood E; Tyndall MW; Zhang R; Montaner JSG; Kerr T|2006|Attendance at supervised injecting facilities and use of detoxification services|N Engl J Med|354|23|2512-2514||COH|TX|ca-vancouver-insite CA||Insite; Vancouver
22|article-journal|Stoltz JA|2007|Changes in injecting practices associated with the use of a medically supervised safer injection facility|J Public Health (Oxf)|29|1|35-39|10.1093/pubmed/fdl090|COH|RISK|ca-vancouver-insite CA||Insite; Vancouver
23|article-journal|Milloy MJS; Kerr T; Tyndall M; Montaner J; Wood E|2008|Estimated drug overdose deaths averted by North America's first medically-supervised safer injection facility|PLoS One|3|10|e3351|10.1371/journal.pone.0003351|MOD|ODM OD|ca-vancouver-insite CA||Insite; Vancouver
24|article-journal|Fast D; Small W; Wood E; Kerr T|2008|The perspectives of injection drug users regarding safer injecting education delivered through a supervised injecting facility|Harm Reduct J|||||QUAL|RISK|ca-vancouver-insite CA||Insite; Vancouver
25|article-journal|Lloyd-Smith E; Wood E; Zhang R; Tyndall MW; Montaner JS; Kerr T|2009|Determinants of cutaneous injection-related infection care at a supervised injecting facility|Ann Epidemiol|19||404-409||COH|SSTI|ca-vancouver-insite CA||Insite; Vancouver
26|article-journal|DeBeck K; Kerr T; Bird L; Zhang R; Marsh D; Tyndall M|2011|Injection drug use cessation and use of North America's first medically supervised safer injecting facility|Drug Alcohol Depend|113||172-176||COH|TX|ca-vancouver-insite CA||Insite; Vancouver
27|article-journal|Marshall BDL; Milloy MJ; Wood E; Montaner JSG; Kerr T|2011|Reduction in overdose mortality after the opening of North America's first medically supervised safer injecting facility: a retrospective population-based study|Lancet|377|9775|1429-1437|10.1016/S0140-6736(10)62353-7|ECO|ODM|ca-vancouver-insite CA||Insite; Vancouver
28|article-journal|Gaddis A; Kennedy MC; Nosova E; Milloy MJ; Hayashi K; Wood E; Kerr T|2017|Use of on-site detoxification services co-located with a supervised injection facility|J Subst Abuse Treat|82||1-6||COH|TX|ca-vancouver-insite CA||Insite; Vancouver
29|article-journal|Kennedy MC; Hayashi K; Milloy MJ; Wood E; Kerr T|2019|Supervised injection facility use and all-cause mortality among people who inject drugs in Vancouver, Canada: a cohort study|PLoS Med|16|11|e1002964|10.1371/journal.pmed.1002964|COH|ACM|ca-vancouver-insite CA||Insite; Vancouver
30|report|{MSIC Evaluation Committee}|2003|Final report of the evaluation of the Sydney Medically Supervised Injecting Centre||||||EVAL|all|au-sydney-uniting-msic AU|MSIC Evaluation Committee, Sydney|Sydney MSIC
31|article-journal|Kimber J; MacDonald M|2003|The Sydney Medically Supervised Injecting Centre: client characteristics and predictors of frequent attendance during the first 12 months of operation|J Drug Issues|33|3|639-648||DESC|ACC|au-sydney-uniting-msic AU||Sydney MSIC
32|report|Freeman K; Jones C; Weatherburn D; Rutter S; Spooner C; Donnelly N|2005|The impact of the Sydney Medically Supervised Injecting Centre (MSIC) on crime||||||ECO|CRIME PUB|au-sydney-uniting-msic AU|NSW Bureau of Crime Statistics and Research, Sydney|Sydney MSIC
33|article-journal|Salmon AM; Thein HH; Kimber J; Kaldor JM; Maher L|2007|Five years on: what are the community perceptions of drug-related public amenity following the establishment of the Sydney Medically Supervised Injecting Centre?|Int J Drug Policy|18|1|46-53|10.1016/j.drugpo.2006.11.010|XS|COMM PUB|au-sydney-uniting-msic AU||Sydney MSIC
34|report|Salmon A; Kaldor J; Maher L|2007|Sydney MSIC Evaluation Report No. 4: Evaluation of service operation and overdose-related events||||||EVAL|OD EMS ODM|au-sydney-uniting-msic AU|NCHECR, UNSW, Sydney|Sydney MSIC
35|article-journal|Kimber J; Mattick RP; Kaldor J; van Beek I; Gilmour S; Rance JA|2008|Process and predictors of drug treatment referral and referral uptake at the Sydney Medically Supervised Injecting Centre||||||COH|TX|au-sydney-uniting-msic AU||Sydney MSIC
36|article-journal|Salmon AM; van Beek I; Amin J; Kaldor J; Maher L|2010|The impact of a supervised injecting facility on ambulance call-outs in Sydney, Australia|Addiction|105|4|676-683|10.1111/j.1360-0443.2009.02837.x|ECO|EMS|au-sydney-uniting-msic AU||Sydney MSIC
37|report|{KPMG}|2010|Further evaluation of the Medically Supervised Injecting Centre during its extended trial period (2007–2011): final report||||||EVAL CEA|all|au-sydney-uniting-msic AU|KPMG for NSW Health, Sydney|Sydney MSIC
38|article-journal|Van Den Boom W; Del Mar Quiroga M; Fetene DM; Agius PA; Higgs PG; Maher L; Stoové MA; Dietze PM|2021|The Melbourne safe injecting room attracted people most in need of its service|Am J Prev Med|61|2|217-224||XS|ACC|au-melbourne-north-richmond AU||Melbourne
39|report|{Medically Supervised Injecting Room Review Panel}|2020|Review of the Medically Supervised Injecting Room||||||EVAL|all|au-melbourne-north-richmond AU|Victorian Government, Melbourne|Melbourne
40|article-journal|Folch C; Lorente N; Majó X; Parés-Badell O; Roca X; Brugal T; {REDAN study group}|2018|Drug consumption rooms in Catalonia: a comprehensive evaluation of social, health and harm reduction benefits|Int J Drug Policy|62||24-29||XS|PUB RISK TX OD|es-barcelona-sala-baluard ES||Catalonia
41|article-journal|Auriacombe M; Roux P; Briand Madrid L; Kirchherr S; Kervran C; Chauvin C|2019|Impact of drug consumption rooms on risk practices and access to care in people who inject drugs in France: the COSINUS prospective cohort study protocol|BMJ Open|9|2|e023683|10.1136/bmjopen-2018-023683|PROT|RISK ACC|fr-paris-scmr-gaia fr-strasbourg-argos FR||COSINUS
42|article-journal|Roux P; Jauffret-Roustide M; Donadille C; Briand Madrid L; Denis C; Célérier I; {COSINUS Study Group}|2023|Impact of drug consumption rooms on non-fatal overdoses, abscesses and emergency department visits in people who inject drugs in France: results from the COSINUS cohort|Int J Epidemiol|52|2|562-576|10.1093/ije/dyac120|COH|OD SSTI EMS|fr-paris-scmr-gaia fr-strasbourg-argos FR||COSINUS
43|article-journal|Kral AH; Wenger L; Carpenter L; Wood E; Kerr T; Bourgois P|2010|Acceptability of a safer injection facility among injection drug users in San Francisco|Drug Alcohol Depend|110|1-2|160-163|10.1016/j.drugalcdep.2010.02.009|XS|ACC|US||San Francisco
44|article-journal|Kral AH; Lambdin BH; Wenger LD; Davidson PJ|2020|Evaluation of an unsanctioned safe consumption site in the United States|N Engl J Med|||||DESC|OD|US||unsanctioned
45|article-journal|Lambdin BH; Davidson PJ; Browne EN|2022|Reduced emergency department visits and hospitalisation with use of an unsanctioned safe consumption site for injection drug use in the United States|J Gen Intern Med||||10.1007/s11606-021-07312-4|COH|EMS|US||unsanctioned
46|article-journal|Davidson PJ; Wenger LD; Lambdin BH; Kral AH|2022|Establishment and enforcement of operational rules at an unsanctioned safe drug consumption site in the United States, 2014–2020|Am J Public Health|112|S2|S166-S172|10.2105/AJPH.2022.306714|QUAL|IMPL|US||unsanctioned
47|article-journal|Harocopos A; Gibson BE; Saha N; McRae MT; See K; Rivera S; Chokshi DA|2022|First 2 months of operation at first publicly recognized overdose prevention centers in US|JAMA Netw Open|5|7|e2222149|10.1001/jamanetworkopen.2022.22149|DESC|OD ACC|us-new-york-onpoint US||New York; OnPoint
48|article-journal|Chalfin A; del Pozo B; Mitre-Becerril D|2023|Overdose prevention centers, crime, and disorder in New York City|JAMA Netw Open|6|11|e2342228|10.1001/jamanetworkopen.2023.42228|ECO|CRIME PUB|us-new-york-onpoint US||New York; OnPoint
49|article-journal|Rammohan I; Gaines T; Scheim A; Bayoumi A; Werb D|2024|Overdose mortality incidence and supervised consumption services in Toronto, Canada: an ecological study and spatial analysis|Lancet Public Health|9|2|e79-e87|10.1016/S2468-2667(23)00300-6|ECO|ODM|CA||Toronto
50|article-journal|Werb D; Sung H; Na Y; Rammohan I; Eeuwes J; Smoke A|2025|Investigating the spatial association between supervised consumption services and homicide rates in Toronto, Canada, 2010–2023: an ecological analysis|Lancet Reg Health Am|43||101022|10.1016/j.lana.2025.101022|ECO|CRIME|CA||Toronto
51|article-journal|Bayoumi AM; Zaric GS|2008|The cost-effectiveness of Vancouver's supervised injection facility|CMAJ|179|11|1143-1151|10.1503/cmaj.080808|CEA|HIV HCV TX COST|ca-vancouver-insite CA||Insite; Vancouver
52|article-journal|Andresen MA; Boyd N|2010|A cost-benefit and cost-effectiveness analysis of Vancouver's supervised injection facility|Int J Drug Policy|21||70|10.1016/j.drugpo.2009.03.004|CBA|HIV ODM COST|ca-vancouver-insite CA||Insite; Vancouver
53|article-journal|Pinkerton SD|2010|Is Vancouver Canada's supervised injection facility cost-saving?|Addiction|105|8|1429-1436|10.1111/j.1360-0443.2010.02977.x|CBA|HIV COST|ca-vancouver-insite CA||Insite; Vancouver
54|article-journal|Pinkerton SD|2011|How many HIV infections are prevented by Vancouver Canada's supervised injection facility?|Int J Drug Policy|22|3|179-183|10.1016/j.drugpo.2011.03.003|MOD|HIV COST|ca-vancouver-insite CA||Insite; Vancouver
55|article-journal||2013|A cost-benefit/cost-effectiveness analysis of proposed supervised injection facilities in Montreal, Canada|Subst Abuse Treat Prev Policy|8||25||CBA|HIV HCV COST|ca-montreal-cactus CA||Montreal
56|article-journal|Jozaghi E; Reid AA; Andresen MA; Juneau A|2014|A cost-benefit/cost-effectiveness analysis of proposed supervised injection facilities in Ottawa, Canada|Subst Abuse Treat Prev Policy|9||31||CBA|HIV HCV COST|CA||Ottawa
57|article-journal|Jozaghi E; {Vancouver Area Network of Drug Users}|2014|A cost-benefit/cost-effectiveness analysis of an unsanctioned supervised smoking facility in the Downtown Eastside of Vancouver, Canada|Harm Reduct J|11||30|10.1186/1477-7517-11-30|CBA|HCV COST|CA||Vancouver; unsanctioned; smoking
58|article-journal|Jozaghi E; Reid AA|2015|The potential role for supervised injection facilities in Canada's largest city, Toronto|Int Crim Justice Rev||||10.1177/1057567715583516|CBA|HIV HCV COST|CA||Toronto
59|article-journal|Jozaghi E|2015|Examining the potential role of a supervised injection facility in Saskatoon, Saskatchewan, to avert HIV among people who inject drugs|Int J Health Policy Manag|||||CBA|HIV COST|CA||Saskatoon
60|report|Bayoumi AM; Strike C|2012|Report of the Toronto and Ottawa Supervised Consumption Assessment Study (TOSCA)||||||EVAL CEA|all|CA|St Michael's Hospital and Dalla Lana School of Public Health, Toronto|Toronto; Ottawa
61|article-journal|Enns EA; Zaric GS; Strike CJ; Jairam JA; Kolla G; Bayoumi AM|2016|Potential cost-effectiveness of supervised injection facilities in Toronto and Ottawa, Canada|Addiction|||||CEA|HIV HCV COST|CA||Toronto; Ottawa
62|article-journal|Irwin A; Jozaghi E; Weir BW; Allen ST; Lindsay A; Sherman SG|2017|Mitigating the heroin crisis in Baltimore, MD, USA: a cost-benefit analysis of a hypothetical supervised injection facility|Harm Reduct J|14||29|10.1186/s12954-017-0153-2|CBA|all|US||Baltimore
63|article-journal|Irwin A; Jozaghi E; Bluthenthal RN; Kral AH|2017|A cost-benefit analysis of a potential supervised injection facility in San Francisco, California, USA|J Drug Issues||||10.1177/0022042616679829|CBA|all|US||San Francisco
64|article-journal|Hood JE; Behrends CN; Irwin A; Schackman BR; Chan D; Hartfield K|2019|The projected costs and benefits of a supervised injection facility in Seattle, WA, USA|Int J Drug Policy|||||CBA|ODM EMS TX COST|US||Seattle
65|article-journal|Behrends CN; Paone D; Nolan ML; Tuazon E; Murphy SM; Kapadia SN|2019|Estimated impact of supervised injection facilities on overdose fatalities and healthcare costs in New York City|J Subst Abuse Treat|106||79-88|10.1016/j.jsat.2019.08.010|MOD|ODM EMS COST|US||New York
66|article-journal|Khair S; Eastwood CA; Lu M; Jackson J|2022|Supervised consumption site enables cost savings by avoiding emergency services: a cost analysis study|Harm Reduct J|19||32|10.1186/s12954-022-00609-5|CBA|OD EMS COST|CA||Calgary
67|article-journal|Wares JR; Dong J; Gevertz JL; Radunskaya A; Vine K; Wiebe D; Solomon S|2021|Predicting the impact of placing an overdose prevention site in Philadelphia: a mathematical modeling approach|Harm Reduct J||||10.1186/s12954-021-00559-4|MOD|ODM TX|US||Philadelphia
"""

# Items the facts file marks U ("from memory only"): kept, with a note for editors.
UNVERIFIED = {17, 21, 44}
EDITORS = {2: ["Rhodes T", "Hedrich D"]}
MARKER = "Seed bibliography #"


def _person(ref: Reference, role: str, position: int, name: str) -> Person:
    if name.startswith("{"):
        return Person(reference=ref, role=role, position=position, literal=name.strip("{}"))
    family, _sep, given = name.rpartition(" ")
    return Person(reference=ref, role=role, position=position, family=family, given=given)


def _names(people) -> list[tuple]:
    return sorted((p.role, p.position, p.family, p.given, p.literal) for p in people)


def rows() -> list[dict]:
    out = []
    for line in SEED.strip().split("\n"):
        parts = line.split("|")
        n, kind, authors, year, title, container, volume, issue, page, doi = parts[:10]
        designs, outcomes, places, publisher, keywords = parts[10:15]
        out.append(
            {
                "n": int(n),
                "type": kind,
                "authors": [a.strip() for a in authors.split(";") if a.strip()],
                "year": int(year),
                "title": title,
                "container": container,
                "volume": volume,
                "issue": issue,
                "page": page,
                "doi": doi,
                "designs": designs.split(),
                "outcomes": outcomes.split(),
                "places": places.split(),
                "publisher": publisher,
                "keywords": keywords,
            }
        )
    return out


def load(stdout=None) -> dict[str, int]:
    """Load or refresh the seed bibliography and the vocabularies' names and descriptions in
    every language; safe to run again."""
    from dcrnet.directory.models import Country, Facility

    seed(Term)  # the vocabularies, in case a flush (transactional tests) removed them
    terms = {(t.vocabulary, t.code): t for t in Term.objects.all()}
    all_outcomes = [t for t in terms.values() if t.vocabulary == Vocabulary.OUTCOME]
    facilities = {f.public_id: f for f in Facility.objects.all()}
    countries = {c.code.code: c for c in Country.objects.all()}
    created = updated = 0
    with transaction.atomic(), bulk.writes():  # each reference indexed once
        translated = translate(Term)  # references of a renamed term are indexed again on leaving
        for row in rows():
            marker = f"{MARKER}{row['n']}."
            publisher, _sep, place = row["publisher"].rpartition(", ")
            fields = {
                "csl_type": row["type"],
                "title": row["title"],
                "year": row["year"],
                "container_title": row["container"],
                "volume": row["volume"],
                "issue": row["issue"],
                "page": row["page"],
                "doi": row["doi"],
                "publisher": publisher or place,
                "publisher_place": place if publisher else "",
                "keywords": row["keywords"],
                "notes": marker
                + (
                    " Unverified: from memory only in the seed notes; check before relying on it."
                    if row["n"] in UNVERIFIED
                    else ""
                ),
            }
            ref = Reference.objects.filter(notes__startswith=marker).first()
            if ref is None and row["doi"]:
                ref = Reference.objects.filter(doi__iexact=row["doi"]).first()
            if ref is None:
                ref = Reference.objects.create(**fields)
                created += 1
            elif any(getattr(ref, name) != value for name, value in fields.items()):
                # Saved only when a fact changed, so a second run writes no history.
                for name, value in fields.items():
                    setattr(ref, name, value)
                ref.save()
                updated += 1
            people = [_person(ref, "author", i, a) for i, a in enumerate(row["authors"])]
            people += [
                _person(ref, "editor", i, e) for i, e in enumerate(EDITORS.get(row["n"], []))
            ]
            if _names(ref.people.all()) != _names(people):
                ref.people.all().delete()
                Person.objects.bulk_create(people)
            tags = [terms[("design", code)] for code in row["designs"]]
            if row["outcomes"] == ["all"]:
                tags += all_outcomes
            else:
                tags += [terms[("outcome", code)] for code in row["outcomes"]]
            ref.terms.set(tags)
            ref.facilities.set([facilities[p] for p in row["places"] if p in facilities])
            ref.countries.set([countries[p] for p in row["places"] if p in countries])
    if stdout is not None:
        stdout.write(
            f"evidence: {created} references created, {updated} refreshed, "
            f"{translated} vocabulary terms translated\n"
        )
    return {"created": created, "updated": updated, "translated": translated}
