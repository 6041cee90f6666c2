"""The impact estimator's models: pure functions, on floats or elementwise on numpy arrays.

After Irwin et al. 2017 (Baltimore), a static one-year cost-benefit model: each component turns
the inputs into events averted and the savings they bring. Every input is named by its key in
PARAMETERS; formulas below and on the page use those keys. The same call with arrays in place
of floats runs a whole Monte Carlo sample at once (uncertainty.py).

No database, no request: scenario.py gathers the values, this module only computes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar, Union

import numpy as np
from django.utils.translation import gettext_lazy as _

Number = Union[float, np.ndarray]  # noqa: UP007 (a type alias read at runtime)

COUNT_MAX = 1e9  # people, syringes, injections: beyond any city
MONEY_MAX = 1e12


@dataclass(frozen=True)
class Spec:
    """The validation bounds of one input (inclusive), its unit and a short label."""

    unit: str  # count | share | money | days | years | ratio
    minimum: float
    maximum: float
    label: str = ""


def _count(label, minimum=0.0):
    return Spec("count", minimum, COUNT_MAX, label)


def _share(label):
    return Spec("share", 0.0, 1.0, label)


def _money(label):
    return Spec("money", 0.0, MONEY_MAX, label)


PARAMETERS: dict[str, Spec] = {
    # Facility
    "cost": _money(_("Annual operating cost of the room")),
    "clients": _count(_("Unique clients a year")),
    "injections": _count(_("Supervised injections a year")),
    # Epidemiology
    "pwid": _count(_("People who inject drugs in the city"), minimum=1.0),
    "syringes": _count(_("Syringes in circulation a year")),
    "sharing": _share(_("Share of injections with a used syringe")),
    "unbleached": _share(_("Share of used syringes not bleached")),
    "partners": Spec("ratio", 0.0, 100.0, _("Sharing partners per shared injection")),
    "hiv_prevalence": _share(_("HIV prevalence among people who inject drugs")),
    "hcv_prevalence": _share(_("Hepatitis C prevalence among people who inject drugs")),
    "ssti_rate": _share(_("Yearly rate of hospitalisation for skin and soft-tissue infection")),
    "ssti_stay": Spec("days", 0.0, 365.0, _("Length of a hospital stay for skin infection")),
    "overdose_deaths": _count(_("Overdose deaths a year in the city")),
    "naloxone_share": _share(
        _("Largest share of the city's naloxone administrations within 500 m of one place")
    ),
    "ambulance_community": _share(_("Share of overdoses in the community with an ambulance call")),
    "ed_community": _share(
        _("Share of overdoses in the community with an emergency department visit")
    ),
    "hospital_community": _share(_("Share of overdoses in the community ending in hospital")),
    # Effects
    "sharing_reduction": _share(_("Reduction in syringe sharing among clients")),
    "ssti_reduction": _share(_("Reduction in skin-infection hospital stays among clients")),
    "death_reduction": _share(_("Reduction in overdose deaths within 500 m (area method)")),
    "overdose_rate": _share(_("Overdoses per supervised injection")),
    "ambulance_site": _share(_("Share of on-site overdoses with an ambulance call")),
    "ed_site": _share(_("Share of on-site overdoses with an emergency department visit")),
    "hospital_site": _share(_("Share of on-site overdoses ending in hospital")),
    "potentially_fatal": _share(_("Share of on-site overdoses that were potentially fatal")),
    "fatality": _share(
        _("Chance that a potentially fatal overdose would have killed without supervision")
    ),
    "treatment_entry": _share(_("Share of clients who enter treatment through referral")),
    "treatment_retention": _share(_("Treatment retention factor")),
    "hiv_andresen_boyd": _count(_("HIV infections averted a year at Insite (Andresen & Boyd)")),
    "hiv_pinkerton": _count(_("HIV infections averted a year at Insite (Pinkerton)")),
    # Transmission
    "hiv_transmission": _share(_("HIV infection chance per contaminated injection")),
    "hcv_transmission": _share(_("Hepatitis C infection chance per contaminated injection")),
    # Unit costs
    "hiv_cost": _money(_("Lifetime cost of treating one HIV infection")),
    "hcv_cost": _money(_("Lifetime cost of treating one hepatitis C infection")),
    "hospital_day_cost": _money(_("Cost of one hospital day")),
    "ambulance_cost": _money(_("Cost of one ambulance call")),
    "ed_cost": _money(_("Cost of one emergency department visit")),
    "hospitalisation_cost": _money(_("Cost of one overdose hospitalisation")),
    "treatment_cost": _money(_("Cost of one year of medication-assisted treatment")),
    "treatment_bcr": Spec(
        "ratio", 0.0, 100.0, _("Benefit-cost ratio of medication-assisted treatment")
    ),
    # Valuation
    "wage": _money(_("Median yearly wage")),
    "working_years": Spec("years", 0.0, 100.0, _("Working years lost per death")),
    "discount": _share(_("Discount rate")),
    "vsl": _money(_("Value of a statistical life")),
}

# Inputs with no sourced default: the user gives them when the option that needs them is chosen.
UNSOURCED = ("vsl",)


@dataclass(frozen=True)
class Options:
    death_method: str = "area"
    valuation: str = "human_capital"
    hiv_model: str = "irwin"

    CHOICES: ClassVar[dict[str, tuple[tuple[str, str], ...]]] = {
        "death_method": (
            ("area", _("Area method: fewer deaths near the room (Marshall 2011, as Irwin 2017)")),
            ("event", _("Event method: potentially fatal overdoses on site (Milloy 2008)")),
        ),
        "valuation": (
            ("human_capital", _("Human capital: earnings lost to age 65 (as Irwin 2017)")),
            ("vsl", _("Value of a statistical life (you enter it)")),
            ("none", _("None: deaths averted are counted, not valued")),
        ),
        "hiv_model": (
            ("irwin", _("Syringe circulation model (Irwin 2017, after Kaplan & O'Keefe)")),
            ("andresen_boyd", _("Andresen & Boyd 2010: their published estimate for Insite")),
            ("pinkerton", _("Pinkerton 2011: his published estimate for Insite")),
        ),
    }

    def __post_init__(self) -> None:
        for name, choices in self.CHOICES.items():
            if getattr(self, name) not in {value for value, _label in choices}:
                raise ValueError(f"{name}: unknown choice {getattr(self, name)!r}")


@dataclass(frozen=True)
class Component:
    key: str
    label: str
    events: Number
    unit_label: str
    savings: Number
    formula: str
    parameters: tuple[str, ...]
    reconstructed: bool
    note: str


@dataclass(frozen=True)
class Result:
    components: tuple[Component, ...]
    gross: Number
    cost: Number
    net: Number
    bcr: Number | None
    cost_per_death: Number | None
    cost_per_infection: Number | None
    value_per_death: Number
    # Pinkerton's threshold: HIV infections a year the room must avert to pay for itself.
    hiv_break_even: Number | None = None

    def component(self, key: str) -> Component:
        return next(c for c in self.components if c.key == key)


# --- the components: each returns (events averted, savings) ---------------------------------


def reach(v: Mapping[str, Number]) -> Number:
    """Share of the city's people who inject drugs who use the room: min(clients ÷ pwid, 1)."""
    return np.minimum(v["clients"] / v["pwid"], 1.0)


def infections_irwin(v, prevalence: str, transmission: str, cost: str):
    """Needle-circulation model (Irwin 2017 Tables 1–2, after Kaplan & O'Keefe):
    city = syringes × sharing × unbleached × prevalence × transmission × partners × (1 − prevalence)
    events = city × min(clients ÷ pwid, 1) × sharing_reduction;  savings = events × lifetime cost.
    Irwin's share uninfected (I) is 1 − prevalence: 82.3 % for HIV 17.7 %, 25 % for HCV 75 %."""
    q = v[prevalence]
    city = v["syringes"] * v["sharing"] * v["unbleached"] * q * v[transmission] * v["partners"]
    events = city * (1.0 - q) * reach(v) * v["sharing_reduction"]
    return events, events * v[cost]


def hiv_published(v, key: str):
    """A published estimate of HIV infections averted a year at Insite, not scaled to the inputs:
    events = the estimate;  savings = events × hiv_cost."""
    events = v[key] + 0.0 * v["hiv_cost"]
    return events, events * v["hiv_cost"]


def ssti(v):
    """Skin and soft-tissue infection (Irwin 2017 Table 3):
    days = clients × ssti_rate × ssti_reduction × ssti_stay;  savings = days × hospital_day_cost."""
    days = v["clients"] * v["ssti_rate"] * v["ssti_reduction"] * v["ssti_stay"]
    return days, days * v["hospital_day_cost"]


def value_of_death(v, valuation: str) -> Number:
    """Human capital (Irwin 2017 Table 4): wage × [1 − (1 + discount)^−working_years] ÷ discount
    (wage × working_years at a zero rate); a value of a statistical life; or none (0)."""
    if valuation == "none":
        return np.zeros_like(v["cost"])
    if valuation == "vsl":
        if "vsl" not in v:
            raise KeyError("vsl")
        return v["vsl"] + 0.0
    w, y, d = v["wage"], v["working_years"], v["discount"]
    with np.errstate(divide="ignore", invalid="ignore"):
        # expm1/log1p keep a tiny positive rate from rounding the annuity to 0.
        safe = np.where(d > 0, d, 1.0)
        annuity = np.where(d > 0, -np.expm1(-y * np.log1p(safe)) / safe, y)
    return w * annuity


def deaths_area(v):
    """Area method (Irwin 2017 Table 4, after Marshall 2011):
    deaths = death_reduction × naloxone_share × overdose_deaths."""
    return v["death_reduction"] * v["naloxone_share"] * v["overdose_deaths"]


def overdoses(v) -> Number:
    """On-site overdoses a year: injections × overdose_rate (Irwin 2017 Table 5)."""
    return v["injections"] * v["overdose_rate"]


def deaths_event(v):
    """Event method (Milloy 2008): deaths = injections × overdose_rate × potentially_fatal
    × fatality."""
    return overdoses(v) * v["potentially_fatal"] * v["fatality"]


def care(v, community: str, site: str, cost: str, deaths_on_site: Number):
    """Overdose care averted (Irwin 2017 Tables 5–7): events = (injections × overdose_rate −
    deaths counted on site) × max(community rate − site rate, 0);  savings = events × unit cost.
    An overdose the event method counts as a death averted is not counted again as care."""
    events = (overdoses(v) - deaths_on_site) * np.maximum(v[community] - v[site], 0.0)
    return events, events * v[cost]


def treatment(v):
    """Treatment entry (Irwin 2017 Table 8): entrants = clients × treatment_entry. The paper's
    savings formula was not retrieved; reconstructed as the net benefit of the retained year:
    savings = entrants × treatment_retention × treatment_cost × (treatment_bcr − 1)."""
    entrants = v["clients"] * v["treatment_entry"]
    savings = entrants * v["treatment_retention"] * v["treatment_cost"] * (v["treatment_bcr"] - 1)
    return entrants, savings


# --- what the page says about each component ---------------------------------------------


@dataclass(frozen=True)
class _Text:
    label: str
    unit_label: str
    formula: str
    parameters: tuple[str, ...]
    reconstructed: bool = False
    note: str = ""


_SHARED = ("syringes", "sharing", "unbleached", "partners", "clients", "pwid", "sharing_reduction")
_CARE = ("injections", "overdose_rate")

TEXTS: dict[str, _Text] = {
    "hiv:irwin": _Text(
        _("HIV infections"),
        _("infections averted"),
        "events = syringes × sharing × unbleached × hiv_prevalence × hiv_transmission × partners"
        " × (1 − hiv_prevalence) × min(clients ÷ pwid, 1) × sharing_reduction;"
        " savings = events × hiv_cost",
        (*_SHARED, "hiv_prevalence", "hiv_transmission", "hiv_cost"),
        note=_(
            "Irwin 2017, Tables 1–2: the formula is reconstructed from the tables' parameters"
            " and reproduces the published 3.7 infections."
        ),
    ),  # fmt: skip
    "hiv:andresen_boyd": _Text(
        _("HIV infections"),
        _("infections averted"),
        "events = hiv_andresen_boyd; savings = events × hiv_cost",
        ("hiv_andresen_boyd", "hiv_cost"),
        note=_(
            "Andresen & Boyd 2010's published estimate for Insite (Vancouver), range 19–57"
            " across their formulas: not scaled to your inputs."
        ),
    ),  # fmt: skip
    "hiv:pinkerton": _Text(
        _("HIV infections"),
        _("infections averted"),
        "events = hiv_pinkerton; savings = events × hiv_cost;"
        " break-even infections = cost ÷ hiv_cost",
        ("hiv_pinkerton", "hiv_cost", "cost"),
        note=_(
            "Pinkerton 2011's published estimate for Insite (about 5–6 a year, plausible 4–8):"
            " not scaled to your inputs. The room pays for itself from HIV alone when it averts"
            " more infections than the break-even number."
        ),
    ),  # fmt: skip
    "hcv": _Text(
        _("Hepatitis C infections"),
        _("infections averted"),
        "events = syringes × sharing × unbleached × hcv_prevalence × hcv_transmission × partners"
        " × (1 − hcv_prevalence) × min(clients ÷ pwid, 1) × sharing_reduction;"
        " savings = events × hcv_cost",
        (*_SHARED, "hcv_prevalence", "hcv_transmission", "hcv_cost"),
        note=_("Irwin 2017, Tables 1–2: the same syringe circulation model as for HIV."),
    ),
    "ssti": _Text(
        _("Skin and soft-tissue infections"),
        _("hospital days averted"),
        "events = clients × ssti_rate × ssti_reduction × ssti_stay;"
        " savings = events × hospital_day_cost",
        ("clients", "ssti_rate", "ssti_reduction", "ssti_stay", "hospital_day_cost"),
        note=_("Irwin 2017, Table 3."),
    ),
    "deaths:area": _Text(
        _("Overdose deaths"),
        _("deaths averted"),
        "events = death_reduction × naloxone_share × overdose_deaths; savings = events × value",
        ("death_reduction", "naloxone_share", "overdose_deaths"),
        note=_(
            "Area method (Irwin 2017, Table 4, after Marshall 2011): deaths in the city,"
            " near the room. Never added to the event method."
        ),
    ),  # fmt: skip
    "deaths:event": _Text(
        _("Overdose deaths"),
        _("deaths averted"),
        "events = injections × overdose_rate × potentially_fatal × fatality;"
        " savings = events × value",
        ("injections", "overdose_rate", "potentially_fatal", "fatality"),
        note=_(
            "Event method (Milloy 2008): overdoses in the room that could have killed. Never"
            " added to the area method; these overdoses are not counted again as care."
        ),
    ),  # fmt: skip
    "ambulance": _Text(
        _("Ambulance calls"),
        _("calls averted"),
        "events = (injections × overdose_rate − deaths counted on site)"
        " × max(ambulance_community − ambulance_site, 0); savings = events × ambulance_cost",
        (*_CARE, "ambulance_community", "ambulance_site", "ambulance_cost"),
        note=_("Irwin 2017, Table 5."),
    ),
    "ed": _Text(
        _("Emergency department visits"),
        _("visits averted"),
        "events = (injections × overdose_rate − deaths counted on site)"
        " × max(ed_community − ed_site, 0); savings = events × ed_cost",
        (*_CARE, "ed_community", "ed_site", "ed_cost"),
        reconstructed=True,
        note=_(
            "Same form as ambulance and hospital (Irwin 2017, Table 6), whose values were not"
            " retrieved: the rates are back-calculated from the published 78 visits and no"
            " unit cost is sourced (0 until you enter yours)."
        ),
    ),  # fmt: skip
    "hospital": _Text(
        _("Hospitalisations"),
        _("hospitalisations averted"),
        "events = (injections × overdose_rate − deaths counted on site)"
        " × max(hospital_community − hospital_site, 0); savings = events × hospitalisation_cost",
        (*_CARE, "hospital_community", "hospital_site", "hospitalisation_cost"),
        note=_("Irwin 2017, Table 7."),
    ),
    "treatment": _Text(
        _("Treatment entry"),
        _("people entering treatment"),
        "events = clients × treatment_entry;"
        " savings = events × treatment_retention × treatment_cost × (treatment_bcr − 1)",
        ("clients", "treatment_entry", "treatment_retention", "treatment_cost", "treatment_bcr"),
        reconstructed=True,
        note=_(
            "Irwin 2017, Table 8 gives the inputs but the savings formula was not retrieved:"
            " this is a reconstruction (the net benefit of the year retained in treatment)."
        ),
    ),  # fmt: skip
}

DEATH_INPUTS = {
    "human_capital": ("wage", "working_years", "discount"),
    "vsl": ("vsl",),
    "none": (),
}

KEYS = ("hiv", "hcv", "ssti", "deaths", "ambulance", "ed", "hospital", "treatment")


def _make(key: str, text: _Text, events, savings, extra: tuple[str, ...] = ()) -> Component:
    return Component(
        key=key,
        label=text.label,
        events=_scalar(events),
        unit_label=text.unit_label,
        savings=_scalar(savings),
        formula=text.formula,
        parameters=text.parameters + extra,
        reconstructed=text.reconstructed,
        note=text.note,
    )


def _scalar(x):
    """A 0-d result as a float, an array as it is."""
    return float(x) if np.ndim(x) == 0 else x


def _ratio(a, b):
    """a ÷ b, None (or nan in an array) where b is not positive or the quotient overflows."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        out = np.where(b > 0, a / np.where(b > 0, b, 1.0), np.nan)
        out = np.where(np.isfinite(out), out, np.nan)
    if np.ndim(out) == 0:
        return None if np.isnan(out) else float(out)
    return out


def needed(options: Options) -> tuple[str, ...]:
    """The inputs one run with these options reads."""
    keys = {"cost"}
    for key in ("hcv", "ssti", "ambulance", "ed", "hospital", "treatment"):
        keys.update(TEXTS[key].parameters)
    keys.update(TEXTS[f"hiv:{options.hiv_model}"].parameters)
    keys.update(TEXTS[f"deaths:{options.death_method}"].parameters)
    keys.update(DEATH_INPUTS[options.valuation])
    return tuple(k for k in PARAMETERS if k in keys)


def run(values: Mapping[str, Number], options: Options | None = None) -> Result:
    """Every component, the totals and the ratios for one set of inputs (floats or arrays)."""
    options = options or Options()
    missing = [k for k in needed(options) if k not in values]
    if missing:
        raise KeyError(f"missing inputs: {', '.join(missing)}")
    v = {k: np.asarray(values[k], dtype=float) for k in needed(options)}

    components = []
    if options.hiv_model == "irwin":
        hiv = infections_irwin(v, "hiv_prevalence", "hiv_transmission", "hiv_cost")
    else:
        hiv = hiv_published(v, f"hiv_{options.hiv_model}")
    components.append(_make("hiv", TEXTS[f"hiv:{options.hiv_model}"], *hiv))
    hcv = infections_irwin(v, "hcv_prevalence", "hcv_transmission", "hcv_cost")
    components.append(_make("hcv", TEXTS["hcv"], *hcv))
    components.append(_make("ssti", TEXTS["ssti"], *ssti(v)))

    value = value_of_death(v, options.valuation)
    if options.death_method == "area":
        deaths, on_site = deaths_area(v), 0.0
    else:
        deaths = on_site = deaths_event(v)
    components.append(
        _make(
            "deaths",
            TEXTS[f"deaths:{options.death_method}"],
            deaths,
            deaths * value,
            DEATH_INPUTS[options.valuation],
        )
    )
    for key, community, site, cost in (
        ("ambulance", "ambulance_community", "ambulance_site", "ambulance_cost"),
        ("ed", "ed_community", "ed_site", "ed_cost"),
        ("hospital", "hospital_community", "hospital_site", "hospitalisation_cost"),
    ):
        components.append(_make(key, TEXTS[key], *care(v, community, site, cost, on_site)))
    components.append(_make("treatment", TEXTS["treatment"], *treatment(v)))

    gross = sum(np.asarray(c.savings) for c in components)
    cost = v["cost"]
    infections = np.asarray(components[0].events) + np.asarray(components[1].events)
    return Result(
        components=tuple(components),
        gross=_scalar(gross),
        cost=_scalar(cost),
        net=_scalar(gross - cost),
        bcr=_ratio(gross, cost),
        cost_per_death=_ratio(cost, deaths),
        cost_per_infection=_ratio(cost, infections),
        value_per_death=_scalar(value),
        hiv_break_even=_ratio(cost, v["hiv_cost"]),
    )
