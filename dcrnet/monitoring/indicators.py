"""The seeded minimum dataset, release 1.0 (used by the data migration and the demo)."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

RELEASE = "1.0"
RELEASE_DATE = "2026-01-01"

# code, name, unit, breakdown, headline, definition, counts, does not count, Health Canada, EUDA
INDICATORS = [
    (
        "days_open",
        "Days open",
        "days",
        "",
        False,
        "Days in the month on which the facility offered supervised consumption "
        "for at least one hour.",
        "Any day with at least one hour of supervised consumption.",
        "Days with only outreach, administration or staff training.",
        "",
        "Opening days (EUDA DCR operational data)",
    ),
    (
        "opening_hours",
        "Opening hours",
        "hours",
        "",
        False,
        "Total hours in the month during which supervised consumption was available.",
        "Scheduled hours actually delivered, rounded to whole hours.",
        "Hours of other services when the consumption room was closed.",
        "",
        "Opening hours (EUDA mini-guide)",
    ),
    (
        "visits",
        "Visits",
        "count",
        "",
        True,
        "Number of times anyone entered the facility to use its services in the month.",
        "Every entry, including repeat entries by the same person on the same day.",
        "Staff, visitors and people turned away at the door.",
        "Total visits",
        "Attendances",
    ),
    (
        "unique_clients",
        "Unique clients",
        "people",
        "",
        True,
        "Number of different people who visited at least once in the month (each counted once).",
        "Each person once per facility and month, identified by the facility's own anonymous code.",
        "Counting the same person twice; summing unique counts over months gives no yearly count.",
        "Unique clients (counted once per site per month)",
        "Number of clients",
    ),
    (
        "new_clients",
        "New clients",
        "people",
        "",
        False,
        "People who used the facility for the first time in the month.",
        "First-ever registrations or first visits.",
        "Returning clients after a break.",
        "",
        "New clients",
    ),
    (
        "supervised_consumptions",
        "Supervised consumptions",
        "count",
        "route",
        True,
        "Number of consumption episodes supervised by staff, by route of use.",
        "Each consumption episode in a booth or room, by route "
        "(injecting, smoking, snorting, oral).",
        "Visits without consumption; consumption outside the facility.",
        "Number of drugs consumed",
        "Supervised consumptions",
    ),
    (
        "overdoses",
        "Overdoses managed on site",
        "count",
        "",
        True,
        "Overdoses and drug poisonings that staff responded to on site.",
        "Any suspected overdose needing staff intervention (oxygen, naloxone, monitoring).",
        "Overdoses outside the facility reported by others.",
        "Overdoses and drug emergencies",
        "Overdoses managed",
    ),
    (
        "other_emergencies",
        "Other medical emergencies",
        "count",
        "",
        False,
        "Medical emergencies other than overdoses that staff managed on site.",
        "Seizures, injuries, cardiac events, severe intoxication without overdose.",
        "Routine wound care and minor first aid.",
        "Drug emergencies (non-overdose)",
        "",
    ),
    (
        "naloxone",
        "Overdoses needing naloxone",
        "count",
        "",
        False,
        "Overdoses managed on site in which naloxone was given (counted once per overdose).",
        "Each overdose with at least one dose of naloxone.",
        "Additional doses given in the same overdose; take-home kits handed out.",
        "Overdoses needing naloxone",
        "Naloxone administrations",
    ),
    (
        "ambulance_calls",
        "Ambulance calls",
        "count",
        "",
        False,
        "Calls to emergency medical services made by staff.",
        "Each call, whether or not the person was transported.",
        "Calls by clients or neighbours outside the facility.",
        "Calls to EMS",
        "",
    ),
    (
        "deaths_on_site",
        "Deaths on site",
        "count",
        "",
        True,
        "Deaths occurring inside the facility.",
        "Any death on the premises, whatever the cause.",
        "Deaths after transfer to hospital.",
        "Fatal overdoses at SCS",
        "Deaths in DCRs",
    ),
    (
        "referrals",
        "Referrals",
        "count",
        "referral",
        True,
        "Referrals made by staff to other services, by type.",
        "Each referral to drug treatment, health care or social and housing services.",
        "Information leaflets handed out without a referral.",
        "Referrals (on-site connected services or off-site)",
        "Referrals",
    ),
    (
        "drug_checking_samples",
        "Drug-checking samples",
        "count",
        "",
        False,
        "Samples of drugs tested on site.",
        "Each sample analysed (test strips, spectrometry).",
        "Samples sent off site without a result returned.",
        "",
        "Drug checking",
    ),
    (
        "hiv_tests",
        "HIV tests",
        "count",
        "",
        False,
        "HIV tests carried out on site.",
        "Each test, including rapid tests.",
        "Tests referred elsewhere.",
        "Health services provided",
        "HIV testing",
    ),
    (
        "hcv_tests",
        "HCV tests",
        "count",
        "",
        False,
        "Hepatitis C tests carried out on site.",
        "Antibody and RNA tests.",
        "Tests referred elsewhere.",
        "Health services provided",
        "HCV testing",
    ),
    (
        "wound_care",
        "Wound care",
        "count",
        "",
        False,
        "Wound-care contacts provided on site.",
        "Each treatment of a wound or abscess.",
        "Plasters handed out without treatment.",
        "Health services provided",
        "Primary care",
    ),
    (
        "sterile_kits",
        "Sterile kits distributed",
        "count",
        "",
        False,
        "Sterile injecting or smoking kits handed out.",
        "Each kit.",
        "Single items sold.",
        "",
        "Sterile equipment",
    ),
    (
        "naloxone_kits",
        "Take-home naloxone kits",
        "count",
        "",
        False,
        "Naloxone kits given to clients to take away.",
        "Each kit handed out with training.",
        "Naloxone given on site.",
        "",
        "Take-home naloxone",
    ),
    (
        "oat_referrals_started",
        "Treatment starts after referral",
        "count",
        "",
        False,
        "Referred clients confirmed to have started opioid agonist or other treatment.",
        "Confirmed starts only.",
        "Referrals without confirmation.",
        "",
        "Treatment entry",
    ),
    (
        "registered_people",
        "Registered people (cumulative)",
        "people",
        "",
        False,
        "People registered with the facility since it opened, at the end of the period.",
        "Every registration or user contract ever signed.",
        "Anonymous visits without registration.",
        "",
        "Registered clients",
    ),
]


CHANGES = "First minimum dataset (20 indicators)."


def seed(release_model, indicator_model) -> None:
    """Create release 1.0 and its indicators (the data migration; tests after a flush).

    The English text goes into the base columns and, once the translation columns exist (not
    yet in the data migration, which runs before them), into the `_en` ones as well.
    """
    with translation.override(settings.LANGUAGE_CODE):
        _seed(release_model, indicator_model)


def _english(model, **texts: str) -> dict[str, str]:
    """The texts for the base columns, and for the `_en` ones where the model has them."""
    columns = {f.name for f in model._meta.fields}
    both = dict(texts)
    both.update({f"{name}_en": text for name, text in texts.items() if f"{name}_en" in columns})
    return both


def _seed(release_model, indicator_model) -> None:
    release, _ = release_model.objects.get_or_create(
        version=RELEASE,
        defaults={"released": RELEASE_DATE, **_english(release_model, changes=CHANGES)},
    )
    for position, row in enumerate(INDICATORS, start=1):
        code, title, unit, breakdown, headline, definition, counts, not_counts, hc, euda = row
        indicator_model.objects.update_or_create(
            code=code,
            defaults={
                **_english(
                    indicator_model,
                    title=title,
                    definition=definition,
                    counts=counts,
                    does_not_count=not_counts,
                ),
                "unit": unit,
                "breakdown": breakdown,
                "headline": headline,
                "health_canada": hc,
                "euda": euda,
                "position": position * 10,
                "added_in": release,
            },
        )
