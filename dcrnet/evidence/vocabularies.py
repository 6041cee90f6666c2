"""The controlled vocabularies the library starts with (facts file, part 1.1)."""

from __future__ import annotations

# (vocabulary, slug, code, name, PubMed publication types)
SEED: list[tuple[str, str, str, str, str]] = [
    ("design", "rct", "RCT", "Randomised controlled trial", "Randomized Controlled Trial"),
    ("design", "cluster-trial", "CLUS", "Cluster or stepped-wedge trial", ""),
    ("design", "cohort", "COH", "Cohort study", "Observational Study"),
    ("design", "case-control", "CC", "Case-control study", ""),
    ("design", "cross-sectional", "XS", "Cross-sectional study", ""),
    ("design", "ecological", "ECO", "Ecological, time-series, DiD or synthetic control", ""),
    ("design", "before-after", "BA", "Before–after study", ""),
    ("design", "qualitative", "QUAL", "Qualitative study", ""),
    ("design", "mixed-methods", "MIX", "Mixed methods", ""),
    ("design", "service-data", "DESC", "Descriptive service data", ""),
    ("design", "cost-benefit", "CBA", "Cost-benefit model", ""),
    ("design", "cost-effectiveness", "CEA", "Cost-effectiveness or cost-utility model", ""),
    ("design", "simulation-model", "MOD", "Transmission or other simulation model", ""),
    ("design", "systematic-review", "SR", "Systematic review", "Systematic Review"),
    ("design", "meta-analysis", "MA", "Meta-analysis", "Meta-Analysis"),
    ("design", "scoping-review", "ScR", "Scoping review", "Scoping Review"),
    ("design", "narrative-review", "NR", "Narrative review or report", "Review"),
    ("design", "evaluation-report", "EVAL", "Evaluation report (grey literature)", ""),
    ("design", "protocol", "PROT", "Protocol", "Clinical Trial Protocol"),
    ("outcome", "overdose-mortality", "ODM", "Overdose mortality", ""),
    ("outcome", "non-fatal-overdose", "OD", "Non-fatal or managed overdose", ""),
    ("outcome", "emergency-services", "EMS", "Ambulance, emergency and hospital use", ""),
    ("outcome", "all-cause-mortality", "ACM", "All-cause mortality", ""),
    ("outcome", "hiv", "HIV", "HIV", ""),
    ("outcome", "hcv", "HCV", "Hepatitis C", ""),
    ("outcome", "injecting-risk", "RISK", "Injecting-risk behaviour", ""),
    ("outcome", "ssti", "SSTI", "Skin and soft-tissue infections", ""),
    ("outcome", "treatment", "TX", "Treatment uptake and cessation", ""),
    ("outcome", "access", "ACC", "Access and reach", ""),
    ("outcome", "public-order", "PUB", "Public injecting and discarded syringes", ""),
    ("outcome", "crime", "CRIME", "Crime and dealing", ""),
    ("outcome", "community-views", "COMM", "Community views", ""),
    ("outcome", "costs", "COST", "Costs", ""),
    ("outcome", "implementation", "IMPL", "Implementation", ""),
    ("outcome", "policing", "POL", "Policing", ""),
    ("setting", "integrated", "INT", "Integrated", ""),
    ("setting", "specialised", "SPEC", "Specialised (stand-alone)", ""),
    ("setting", "mobile", "MOB", "Mobile", ""),
    ("setting", "ops", "OPS", "Overdose prevention site", ""),
    ("setting", "peer-run", "PEER", "Peer-run", ""),
    ("setting", "unsanctioned", "UNS", "Unsanctioned", ""),
    ("route", "injecting", "INJ", "Injecting", ""),
    ("route", "inhaling", "INH", "Inhaling / smoking", ""),
    ("route", "other-route", "OTH", "Other routes", ""),
]


def seed(Term) -> int:  # noqa: N803 (a model class, historical in migrations)
    """Create the terms that do not exist yet; never touches editors' changes."""
    created = 0
    for position, (vocabulary, slug, code, name, pubmed) in enumerate(SEED):
        _term, made = Term.objects.get_or_create(
            vocabulary=vocabulary,
            slug=slug,
            defaults={"code": code, "name": name, "pubmed_types": pubmed, "position": position},
        )
        created += made
    return created
