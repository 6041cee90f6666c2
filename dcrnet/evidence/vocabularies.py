"""The controlled vocabularies the library starts with (facts file, part 1.1), named and
described in every language (vocabulary_texts.TEXTS)."""

from __future__ import annotations

from django.conf import settings

from .vocabulary_texts import TEXTS

# (vocabulary, slug, code, PubMed publication types); names and descriptions in TEXTS
SEED: list[tuple[str, str, str, str]] = [
    ("design", "rct", "RCT", "Randomized Controlled Trial"),
    ("design", "cluster-trial", "CLUS", ""),
    ("design", "cohort", "COH", "Observational Study"),
    ("design", "case-control", "CC", ""),
    ("design", "cross-sectional", "XS", ""),
    ("design", "ecological", "ECO", ""),
    ("design", "before-after", "BA", ""),
    ("design", "qualitative", "QUAL", ""),
    ("design", "mixed-methods", "MIX", ""),
    ("design", "service-data", "DESC", ""),
    ("design", "cost-benefit", "CBA", ""),
    ("design", "cost-effectiveness", "CEA", ""),
    ("design", "simulation-model", "MOD", ""),
    ("design", "systematic-review", "SR", "Systematic Review"),
    ("design", "meta-analysis", "MA", "Meta-Analysis"),
    ("design", "scoping-review", "ScR", "Scoping Review"),
    ("design", "narrative-review", "NR", "Review"),
    ("design", "evaluation-report", "EVAL", ""),
    ("design", "protocol", "PROT", "Clinical Trial Protocol"),
    ("outcome", "overdose-mortality", "ODM", ""),
    ("outcome", "non-fatal-overdose", "OD", ""),
    ("outcome", "emergency-services", "EMS", ""),
    ("outcome", "all-cause-mortality", "ACM", ""),
    ("outcome", "hiv", "HIV", ""),
    ("outcome", "hcv", "HCV", ""),
    ("outcome", "injecting-risk", "RISK", ""),
    ("outcome", "ssti", "SSTI", ""),
    ("outcome", "treatment", "TX", ""),
    ("outcome", "access", "ACC", ""),
    ("outcome", "public-order", "PUB", ""),
    ("outcome", "crime", "CRIME", ""),
    ("outcome", "community-views", "COMM", ""),
    ("outcome", "costs", "COST", ""),
    ("outcome", "implementation", "IMPL", ""),
    ("outcome", "policing", "POL", ""),
    ("setting", "integrated", "INT", ""),
    ("setting", "specialised", "SPEC", ""),
    ("setting", "mobile", "MOB", ""),
    ("setting", "ops", "OPS", ""),
    ("setting", "peer-run", "PEER", ""),
    ("setting", "unsanctioned", "UNS", ""),
    ("route", "injecting", "INJ", ""),
    ("route", "inhaling", "INH", ""),
    ("route", "other-route", "OTH", ""),
]


def english_name(slug: str) -> str:
    return TEXTS[slug]["en"][0]


def _translated(Term) -> bool:  # noqa: N803 (a model class, historical in migrations)
    return any(f.name == f"name_{settings.LANGUAGE_CODE}" for f in Term._meta.get_fields())


def _columns(slug: str) -> dict[str, str]:
    """name_en, description_en, name_fr … of a seed term."""
    columns = {}
    for language, (name, description) in TEXTS[slug].items():
        columns[f"name_{language}"] = name
        columns[f"description_{language}"] = description
    return columns


def seed(Term) -> int:  # noqa: N803 (a model class, historical in migrations)
    """Create the terms that do not exist yet; never touches editors' changes."""
    translated = _translated(Term)
    created = 0
    for position, (vocabulary, slug, code, pubmed) in enumerate(SEED):
        defaults = {"code": code, "pubmed_types": pubmed, "position": position}
        if translated:  # every language's column named: never the one active by chance
            defaults.update(_columns(slug))
        else:
            defaults["name"] = english_name(slug)
        _term, made = Term.objects.get_or_create(
            vocabulary=vocabulary, slug=slug, defaults=defaults
        )
        created += made
    return created


def translate(Term) -> int:  # noqa: N803 (a model class, historical in migrations)
    """Fill the empty names and descriptions of the seed terms in every language. A term whose
    English name an editor changed is left alone (the seed's texts would no longer match it),
    and no text an editor wrote is replaced. Saved one by one, so that history records the
    change and the references of a renamed term are indexed again. Returns the terms changed."""
    changed = 0
    for term in Term.objects.filter(slug__in=list(TEXTS)).order_by("pk"):
        english = getattr(term, f"name_{settings.LANGUAGE_CODE}")
        if english not in ("", None, english_name(term.slug)):
            continue
        empty = {
            column: value
            for column, value in _columns(term.slug).items()
            if value and not getattr(term, column)
        }
        if empty:
            for column, value in empty.items():
                setattr(term, column, value)
            term.save(update_fields=list(empty))
            changed += 1
    return changed
