"""The directory: countries, facilities, their status history, profile snapshots, highlights."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords


class Status(models.TextChoices):
    # A facility's status: an adjective agreeing with "facility" in some languages.
    PLANNED = "planned", pgettext_lazy("facility status", "Planned")
    OPEN = "open", pgettext_lazy("facility status", "Open")
    SUSPENDED = "suspended", pgettext_lazy("facility status", "Suspended")
    CLOSED = "closed", pgettext_lazy("facility status", "Closed")


class FacilityModel(models.TextChoices):
    INTEGRATED = "integrated", _("Integrated")
    SPECIALISED = "specialised", _("Specialised (stand-alone)")
    MOBILE = "mobile", _("Mobile")
    OPS = "ops", _("Overdose prevention site")
    PEER = "peer", _("Peer-run")


class Route(models.TextChoices):
    INJECTING = "injecting", _("Injecting")
    SMOKING = "smoking", _("Smoking / inhaling")
    SNORTING = "snorting", _("Snorting")
    ORAL = "oral", _("Oral")


class Criterion(models.TextChoices):
    """The ten coded admission criteria of the network's 2014 survey."""

    DISCLAIMER = "disclaimer", _("Signs a disclaimer")
    NO_SUBSTITUTION = "nosubstitute", _("Not in substitution treatment")
    CONTRACT = "contract", _("Signs a user contract (house rules)")
    POSSESSES_DRUGS = "possessdrugs", _("Brings own drugs")
    PARENT_CLIENT = "parentclient", _("Client of the operator")
    MUNICIPALITY = "municipality", _("Registered in the municipality")
    PHYSICAL_MENTAL = "physicalmental", _("Physical or mental condition")
    LOCAL_FACILITY = "localfacility", _("Client of a local facility")
    VICINITY = "vicinity", _("Lives in the vicinity")
    PUBLIC_NUISANCE = "publicnuisance", _("Has caused public nuisance")


class Service(models.TextChoices):
    """The EUDA service checklist for drug consumption rooms."""

    SUPERVISION = "supervision", _("Supervised consumption")
    STERILE_EQUIPMENT = "sterile_equipment", _("Sterile injecting and smoking equipment")
    OVERDOSE_RESPONSE = "overdose_response", _("On-site overdose response")
    NALOXONE_TRAINING = "naloxone_training", _("Safer use, overdose and naloxone training")
    COUNSELLING = "counselling", _("Counselling")
    PRIMARY_CARE = "primary_care", _("Primary health care")
    OAT = "oat", _("Opioid agonist treatment")
    DRUG_CHECKING = "drug_checking", _("Drug checking")
    REFERRAL = "referral", _("Referral to other services")
    TESTING = "testing", _("HIV and hepatitis testing")
    SHOWERS_LAUNDRY = "showers_laundry", _("Showers and laundry")
    FOOD = "food", _("Food and refreshments")
    PHONE_WIFI = "phone_wifi", _("Phone and Wi-Fi")


# Content translated with django-modeltranslation (translation.py): a column per language. The
# history keeps the base column only, which the admin saves in English.
COUNTRY_TEXT = ("legal_basis", "political_situation")
HIGHLIGHT_TEXT = ("title", "text")


def translation_columns(fields: tuple[str, ...]) -> list[str]:
    return [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


def sees_unpublished(user) -> bool:
    """Editors (whoever may change facilities) see what the public does not: unpublished
    facilities and highlights scheduled for a later month, on pages, in the API and downloads."""
    return bool(
        getattr(user, "is_authenticated", False) and user.has_perm("directory.change_facility")
    )


class CountryQuerySet(models.QuerySet):
    def in_directory(self) -> CountryQuerySet:
        """Countries with at least one published facility."""
        return self.filter(facilities__published=True).distinct()

    def listed(self) -> CountryQuerySet:
        """Countries with a published facility, with their counts, by code: one query."""
        return self.with_facility_counts().filter(facility_count__gt=0).order_by("code")

    def with_facility_counts(self) -> CountryQuerySet:
        published = Q(facilities__published=True)  # unpublished facilities are never counted
        return self.annotate(
            facility_count=Count("facilities", filter=published, distinct=True),
            open_count=Count(
                "facilities", filter=published & Q(facilities__status=Status.OPEN), distinct=True
            ),
        )


class Country(models.Model):
    """A country's legal and political situation, written by editors with its source."""

    code = CountryField(_("country"), unique=True)
    legal_basis = models.TextField(_("legal basis"), blank=True, help_text=_("Markdown."))
    political_situation = models.TextField(
        _("political situation"), blank=True, help_text=_("Markdown.")
    )
    source_title = models.CharField(_("source title"), max_length=300, blank=True)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    as_of = models.DateField(_("as of"), null=True, blank=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=translation_columns(COUNTRY_TEXT))

    objects = CountryQuerySet.as_manager()

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["code"]

    def __str__(self) -> str:
        return str(self.code.name)

    def get_absolute_url(self) -> str:
        return reverse("directory:country", args=[self.slug])

    @property
    def name(self) -> str:
        return str(self.code.name)

    @property
    def slug(self) -> str:
        return self.code.code.lower()

    def open_counts_by_year(self, until: int | None = None) -> list[tuple[int, int]]:
        """Open facilities at the end of each year (today for this year), from status histories."""
        changes = StatusChange.objects.public().filter(facility__country=self).history_rows()
        return open_counts_by_year(changes, until=until)


def open_counts_by_year(changes, until: int | None = None) -> list[tuple[int, int]]:
    """From (facility_id, date, status) rows: [(year, open at the end of that year), ...]."""
    by_facility: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
    for facility_id, date, status in changes:
        by_facility[facility_id].append((date, status))
    if not by_facility:
        return []
    today = timezone.localdate()
    until = until or today.year
    first = min(date.year for history in by_facility.values() for date, _ in history)
    counts = []
    for year in range(first, until + 1):
        cutoff = min(dt.date(year, 12, 31), today)
        open_now = 0
        for history in by_facility.values():
            past = [entry for entry in history if entry[0] <= cutoff]
            if past and max(past)[1] == Status.OPEN:
                open_now += 1
        counts.append((year, open_now))
    return counts


class FacilitySort(models.TextChoices):
    """The orders of the facility list, for the page, the API and the downloads alike."""

    NAME = "name", _("Name A–Z")
    NAME_DESC = "-name", _("Name Z–A")
    CITY = "city", _("City")
    COUNTRY = "country", _("Country")
    OPENED = "opened", _("Status date, oldest first")
    OPENED_DESC = "-opened", _("Status date, newest first")


FACILITY_ORDERINGS: dict[str, tuple[str, ...]] = {
    FacilitySort.NAME: ("name",),
    FacilitySort.NAME_DESC: ("-name",),
    FacilitySort.CITY: ("city", "name"),
    FacilitySort.COUNTRY: ("country__code", "name"),
    FacilitySort.OPENED: ("status_since", "name"),
    FacilitySort.OPENED_DESC: ("-status_since", "name"),
}


SOURCE_FIELDS = ("source", "source_url", "source_accessed")


def source_ref(title: str, url: str, accessed: dt.date | None) -> dict | None:
    """A source as the API and the pages give it; None when nothing names it."""
    if not (title or url):
        return None
    return {"title": title, "url": url, "accessed": accessed}


# A facility page warns that it may have changed when its newest fact is older than this.
FACTS_GROW_OLD_YEARS = 3

# What the facility page lists as not reported, in the order of the page.
MISSING_OPERATOR = _("Operator")
MISSING_WEBSITE = _("Website")
MISSING_ROUTES = _("Routes of use")
MISSING_PLACES = _("Places per route")
MISSING_HOURS = _("Opening hours")
MISSING_SERVICES = _("Services")
MISSING_CRITERIA = _("Admission criteria")
MISSING_AGE = _("Minimum age")


class FacilityQuerySet(models.QuerySet):
    def public(self) -> FacilityQuerySet:
        return self.filter(published=True)

    def visible_to(self, user) -> FacilityQuerySet:
        """The access rule of every directory read: published ones, and drafts for editors."""
        return self.all() if sees_unpublished(user) else self.public()

    def open(self) -> FacilityQuerySet:
        return self.filter(status=Status.OPEN)

    def for_reporter(self, user) -> FacilityQuerySet:
        """The facilities `user` may report monthly data and survey answers for."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        return self.filter(reporters=user)

    def for_list(self) -> FacilityQuerySet:
        """What list, map and API need, in a constant number of queries."""
        return self.select_related("country", "current_snapshot").prefetch_related(
            "current_snapshot__routes"
        )

    def for_map(self) -> FacilityQuerySet:
        """What a marker needs: the facility and its country, one query."""
        return self.select_related(None).prefetch_related(None).select_related("country")

    def for_detail(self) -> FacilityQuerySet:
        """A facility page: its status history and every snapshot with their rows."""
        return self.select_related("country").prefetch_related(
            "status_changes",
            "snapshots__routes",
            "snapshots__services",
            "snapshots__criteria",
            "snapshots__opening_hours",
        )

    def with_sources(self) -> FacilityQuerySet:
        """The dated sources of every status entry and snapshot: two queries for any number."""
        return self.prefetch_related(
            Prefetch(
                "status_changes",
                queryset=StatusChange.objects.only("facility_id", "date", "status", *SOURCE_FIELDS),
                to_attr="status_sources",
            ),
            Prefetch(
                "snapshots",
                queryset=ProfileSnapshot.objects.only("facility_id", "as_of", *SOURCE_FIELDS),
                to_attr="snapshot_sources",
            ),
        )

    def in_country(self, country: Country) -> FacilityQuerySet:
        return self.filter(country=country)

    def sorted_by(self, key: str) -> FacilityQuerySet:
        return self.order_by(*FACILITY_ORDERINGS[key or FacilitySort.NAME])

    def with_complete_profile(self) -> FacilityQuerySet:
        return self.filter(
            current_snapshot__isnull=False,
            current_snapshot__routes__isnull=False,
            current_snapshot__services__isnull=False,
        ).distinct()

    def search(self, text: str) -> FacilityQuerySet:
        text = text.strip()
        if not text:
            return self
        return self.filter(
            Q(name__icontains=text) | Q(city__icontains=text) | Q(operator__icontains=text)
        )

    def filtered(
        self,
        *,
        country: str | None = None,
        status: str | None = None,
        route: str | None = None,
        model: str | None = None,
        service: str | None = None,
        q: str | None = None,
    ) -> FacilityQuerySet:
        qs = self
        if country:
            qs = qs.filter(country__code=country.upper())
        if status:
            qs = qs.filter(status=status)
        if model:
            qs = qs.filter(model=model)
        if route:
            qs = qs.filter(current_snapshot__routes__route=route)
        if service:
            qs = qs.filter(current_snapshot__services__service=service)
        if q:
            qs = qs.search(q)
        return qs.distinct() if (route or service) else qs


class Facility(models.Model):
    """A drug consumption room. `public_id` never changes: it is used in URLs, API and CSV."""

    public_id = models.SlugField(
        _("public identifier"),
        max_length=80,
        unique=True,
        help_text=_("Stable identifier used in links, the API and downloads. Never change it."),
    )
    name = models.CharField(_("name"), max_length=200)
    operator = models.CharField(_("operator"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=120)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="facilities", verbose_name=_("country")
    )
    model = models.CharField(
        _("model"), max_length=20, choices=FacilityModel.choices, default=FacilityModel.INTEGRATED
    )
    website = models.URLField(_("website"), max_length=500, blank=True)
    description = models.TextField(
        _("description and history"), blank=True, help_text=_("Markdown.")
    )
    latitude = models.DecimalField(
        _("approximate latitude"),
        max_digits=8,
        decimal_places=4,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("City level: the map never shows more unless the operator publishes it."),
    )
    longitude = models.DecimalField(
        _("approximate longitude"),
        max_digits=8,
        decimal_places=4,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    publish_exact_location = models.BooleanField(
        _("operator publishes the exact address"), default=False
    )
    address = models.CharField(_("exact address"), max_length=300, blank=True)
    exact_latitude = models.DecimalField(
        _("exact latitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )  # fmt: skip
    exact_longitude = models.DecimalField(
        _("exact longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )  # fmt: skip
    # The source of the facility's identity: its name, operator, city and location. Defaults in
    # the database too: code that predates the columns (an older release mid-deploy) can insert.
    source = models.CharField(_("source"), max_length=300, blank=True, default="", db_default="")
    source_url = models.URLField(
        _("source URL"), max_length=500, blank=True, default="", db_default=""
    )
    source_accessed = models.DateField(
        _("source accessed"), null=True, blank=True, help_text=_("When the source was read.")
    )
    published = models.BooleanField(pgettext_lazy("facility", "published"), default=True)
    status = models.CharField(
        _("current status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PLANNED,
        editable=False,
        help_text=_("The latest entry of the status history."),
    )  # kept by directory.services
    status_since = models.DateField(_("status since"), null=True, blank=True, editable=False)
    current_snapshot = models.ForeignKey(
        "ProfileSnapshot",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("current profile snapshot"),
    )  # kept by directory.services
    reporters = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="reported_facilities",
        verbose_name=_("facility reporters"),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["status", "status_since", "current_snapshot"])

    objects = FacilityQuerySet.as_manager()

    class Meta:
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")
        ordering = ["name"]
        indexes = [models.Index(fields=["status", "country"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.city})"

    def get_absolute_url(self) -> str:
        return reverse("directory:facility", args=[self.public_id])

    @property
    def point(self) -> tuple[float, float]:
        """Where the map puts it: exact only when the operator chose to publish it."""
        if self.publish_exact_location and self.exact_latitude is not None:
            return float(self.exact_latitude), float(self.exact_longitude)
        return float(self.latitude), float(self.longitude)

    # Labels in the page's language. Cheaper than get_FOO_display() in long lists, which hashes
    # every choice's (lazy, so translated) label on each call.
    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def model_label(self) -> str:
        return FacilityModel(self.model).label

    @property
    def public_address(self) -> str:
        return self.address if self.publish_exact_location else ""

    @property
    def identity_source(self) -> dict | None:
        """The source of its name, operator, city and location."""
        return source_ref(self.source, self.source_url, self.source_accessed)

    def _statuses(self) -> list[StatusChange]:
        prefetched = getattr(self, "status_sources", None)
        return prefetched if prefetched is not None else list(self.status_changes.all())

    def _snapshots(self) -> list[ProfileSnapshot]:
        prefetched = getattr(self, "snapshot_sources", None)
        return prefetched if prefetched is not None else list(self.snapshots.all())

    def sources(self) -> list[dict]:
        """Every distinct source of its facts: its identity's, then its status entries' (oldest
        first), then its snapshots' (newest first). Prefetch with `with_sources()` or
        `for_detail()` in lists."""
        refs = [self.identity_source]
        refs += [source_ref(s.source, s.source_url, s.source_accessed) for s in self._statuses()]
        refs += [source_ref(s.source, s.source_url, s.source_accessed) for s in self._snapshots()]
        distinct: dict[tuple, dict] = {}
        for ref in refs:
            if ref is not None:
                distinct.setdefault((ref["title"], ref["url"], ref["accessed"]), ref)
        return list(distinct.values())

    def current_status_entry(self) -> StatusChange | None:
        statuses = self._statuses()
        return max(statuses, key=lambda s: (s.date, s.pk)) if statuses else None

    def current_profile(self) -> ProfileSnapshot | None:
        """The current snapshot, taken from the prefetched snapshots when there are some."""
        if self.current_snapshot_id is None:
            return None
        cache = getattr(self, "_prefetched_objects_cache", {})
        if "snapshots" in cache:
            for snapshot in cache["snapshots"]:
                if snapshot.pk == self.current_snapshot_id:
                    return snapshot
        return self.current_snapshot

    def newest_fact_date(self) -> dt.date | None:
        """The date of its newest dated fact: the latest status entry or snapshot."""
        profile = self.current_profile()
        dates = [d for d in (self.status_since, profile.as_of if profile else None) if d]
        return max(dates) if dates else None

    def facts_are_old(self, today: dt.date | None = None) -> bool:
        """True when its newest dated fact is more than FACTS_GROW_OLD_YEARS years old."""
        newest = self.newest_fact_date()
        if newest is None:
            return False
        today = today or timezone.localdate()
        try:
            cutoff = today.replace(year=today.year - FACTS_GROW_OLD_YEARS)
        except ValueError:  # 29 February, in a year that has none
            cutoff = today.replace(year=today.year - FACTS_GROW_OLD_YEARS, day=28)
        return newest < cutoff

    def missing_facts(self) -> list[str]:
        """What no source gives, in plain words (the current profile's gaps included)."""
        missing = []
        if not self.operator:
            missing.append(MISSING_OPERATOR)
        if not self.website:
            missing.append(MISSING_WEBSITE)
        profile = self.current_profile()
        if profile is None:
            return missing
        routes = list(profile.routes.all())
        if not routes:
            missing.append(MISSING_ROUTES)
        if not routes or any(r.places is None for r in routes):
            missing.append(MISSING_PLACES)
        if not profile.opening_hours.all():
            missing.append(MISSING_HOURS)
        if not profile.services.all():
            missing.append(MISSING_SERVICES)
        if not (profile.criteria.all() or profile.other_criteria):
            missing.append(MISSING_CRITERIA)
        if profile.minimum_age is None:
            missing.append(MISSING_AGE)
        return missing

    def clean(self) -> None:
        if self.publish_exact_location and (
            self.exact_latitude is None or self.exact_longitude is None
        ):
            raise ValidationError(
                _("Give the exact latitude and longitude, or do not publish the exact location.")
            )


class Sourced(models.Model):
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    source_accessed = models.DateField(
        _("source accessed"), null=True, blank=True, help_text=_("When the source was read.")
    )

    class Meta:
        abstract = True


class StatusChangeQuerySet(models.QuerySet):
    def public(self) -> StatusChangeQuerySet:
        return self.filter(facility__published=True)

    def newest(self, limit: int) -> StatusChangeQuerySet:
        return self.select_related("facility", "facility__country").order_by("-date", "-id")[:limit]

    def history_rows(self):
        """(facility_id, date, status) rows, the input of `open_counts_by_year`."""
        return self.values_list("facility_id", "date", "status")


class StatusChange(Sourced):
    """One dated entry of a facility's status history; the latest is the current status.

    Written only through `directory.services` (`record_status`, `save_status_change`,
    `delete_status_change`), which refresh the facility's `status` in the same transaction.
    """

    facility = models.ForeignKey(
        Facility,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("facility"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    objects = StatusChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status history")
        ordering = ["date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["facility", "date", "status"], name="unique_status_change"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.date:%Y-%m-%d}"


class ProfileSnapshotQuerySet(models.QuerySet):
    def public(self) -> ProfileSnapshotQuerySet:
        return self.filter(facility__published=True)

    def newest(self, limit: int) -> ProfileSnapshotQuerySet:
        return self.select_related("facility", "facility__country").order_by("-as_of", "-id")[
            :limit
        ]


class ProfileSnapshot(Sourced):
    """What a facility offered as of a date: routes, places, hours, admission, services.

    Snapshots are never edited into the past: each survey or correction adds a new one,
    so the facility page can show how the profile changed. Written only through
    `directory.services` (`record_snapshot`, `save_snapshot`, `delete_snapshot`), which keep
    the facility's `current_snapshot` (the latest by date) in the same transaction.
    """

    facility = models.ForeignKey(
        Facility, on_delete=models.CASCADE, related_name="snapshots", verbose_name=_("facility")
    )
    as_of = models.DateField(_("as of"))
    minimum_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    other_criteria = models.CharField(_("other admission criteria"), max_length=500, blank=True)
    hours_note = models.CharField(_("note on opening hours"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True, help_text=_("Markdown."))
    created = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    objects = ProfileSnapshotQuerySet.as_manager()

    class Meta:
        verbose_name = _("profile snapshot")
        verbose_name_plural = _("profile snapshots")
        ordering = ["-as_of", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["facility", "as_of"], name="unique_snapshot_date")
        ]

    def __str__(self) -> str:
        return gettext("%(facility)s as of %(date)s") % {
            "facility": self.facility.name,
            "date": self.as_of.isoformat(),
        }

    @property
    def weekly_hours(self) -> float:
        return sum(h.hours for h in self.opening_hours.all())

    @property
    def open_weekends(self) -> bool:
        return any(h.weekday >= Weekday.SATURDAY for h in self.opening_hours.all())

    def as_dict(self) -> dict:
        return {
            "as_of": self.as_of,
            "source": self.source,
            "source_url": self.source_url,
            "source_accessed": self.source_accessed,
            "routes": [{"route": r.route, "places": r.places} for r in self.routes.all()],
            "services": [s.service for s in self.services.all()],
            "admission_criteria": [c.criterion for c in self.criteria.all()],
            "minimum_age": self.minimum_age,
            "other_criteria": self.other_criteria,
            "opening_hours": [
                {"weekday": h.weekday, "opens": h.opens, "closes": h.closes}
                for h in self.opening_hours.all()
            ],
            "hours_note": self.hours_note,
            "notes": self.notes,
        }


class SnapshotRoute(models.Model):
    snapshot = models.ForeignKey(
        ProfileSnapshot,
        on_delete=models.CASCADE,
        related_name="routes",
        verbose_name=_("profile snapshot"),
    )
    route = models.CharField(_("route"), max_length=20, choices=Route.choices)
    places = models.PositiveSmallIntegerField(_("places"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("route offered")
        verbose_name_plural = _("routes offered")
        ordering = ["route"]
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "route"], name="unique_snapshot_route")
        ]

    def __str__(self) -> str:
        return self.get_route_display()

    @property
    def route_label(self) -> str:
        return Route(self.route).label


class SnapshotService(models.Model):
    snapshot = models.ForeignKey(
        ProfileSnapshot,
        on_delete=models.CASCADE,
        related_name="services",
        verbose_name=_("profile snapshot"),
    )
    service = models.CharField(_("service"), max_length=30, choices=Service.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("service offered")
        verbose_name_plural = _("services offered")
        ordering = ["service"]
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "service"], name="unique_snapshot_service")
        ]

    def __str__(self) -> str:
        return self.get_service_display()


class SnapshotCriterion(models.Model):
    snapshot = models.ForeignKey(
        ProfileSnapshot,
        on_delete=models.CASCADE,
        related_name="criteria",
        verbose_name=_("profile snapshot"),
    )
    criterion = models.CharField(_("criterion"), max_length=20, choices=Criterion.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("admission criterion")
        verbose_name_plural = _("admission criteria")
        ordering = ["criterion"]
        constraints = [
            models.UniqueConstraint(
                fields=["snapshot", "criterion"], name="unique_snapshot_criterion"
            )
        ]

    def __str__(self) -> str:
        return self.get_criterion_display()


class OpeningHours(models.Model):
    snapshot = models.ForeignKey(
        ProfileSnapshot,
        on_delete=models.CASCADE,
        related_name="opening_hours",
        verbose_name=_("profile snapshot"),
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(pgettext_lazy("opening hours", "opens"))
    closes = models.TimeField(
        pgettext_lazy("opening hours", "closes"),
        help_text=_("Before 'opens' means after midnight."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    @property
    def hours(self) -> float:
        start = self.opens.hour * 60 + self.opens.minute
        end = self.closes.hour * 60 + self.closes.minute
        if end <= start:
            end += 24 * 60
        return (end - start) / 60


class HighlightQuerySet(models.QuerySet):
    def public(self, today: dt.date | None = None) -> HighlightQuerySet:
        """Highlights of this month and before, of published facilities."""
        month = (today or timezone.localdate()).replace(day=1)
        return self.filter(month__lte=month, facility__published=True)

    def visible_to(self, user) -> HighlightQuerySet:
        """Editors also see the months scheduled ahead and highlights of unpublished facilities."""
        return self.all() if sees_unpublished(user) else self.public()

    def up_to(self, today: dt.date | None = None) -> HighlightQuerySet:
        return self.filter(month__lte=(today or timezone.localdate()).replace(day=1))

    def in_month(self, year: int, month: int) -> HighlightQuerySet:
        """The month's highlight; none for a month no calendar has (year 0, month 13, 10**20)."""
        if not (dt.MINYEAR <= year <= dt.MAXYEAR and 1 <= month <= 12):
            return self.none()
        return self.filter(month=dt.date(year, month, 1))

    def with_facility(self) -> HighlightQuerySet:
        return self.select_related("facility", "facility__country")


class Highlight(models.Model):
    """The facility of the month, scheduled ahead by editors."""

    month = models.DateField(_("month"), unique=True, help_text=_("Any day in the month."))
    facility = models.ForeignKey(
        Facility, on_delete=models.CASCADE, related_name="highlights", verbose_name=_("facility")
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    text = models.TextField(_("text"), help_text=_("Markdown."))
    history = HistoricalRecords(excluded_fields=translation_columns(HIGHLIGHT_TEXT))

    objects = HighlightQuerySet.as_manager()

    class Meta:
        verbose_name = _("monthly highlight")
        verbose_name_plural = _("monthly highlights")
        ordering = ["-month"]

    def __str__(self) -> str:
        return f"{date_format(self.month, 'YEAR_MONTH_FORMAT')}: {self.facility.name}"

    def save(self, *args, **kwargs) -> None:
        self.month = self.month.replace(day=1)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("directory:highlight", args=[self.month.year, self.month.month])

    @property
    def is_public(self) -> bool:
        """Its month has come and its facility is published (else only editors see it)."""
        return self.month <= timezone.localdate().replace(day=1) and self.facility.published


def highlight_for(month: dt.date | None = None) -> Highlight | None:
    """This month's highlight; when none is scheduled, a rotation among complete profiles.

    The rotation returns an unsaved Highlight so the home page is never stale and editors
    still see only what they scheduled in the archive.
    """
    month = (month or timezone.localdate()).replace(day=1)
    scheduled = Highlight.objects.public(month).with_facility().filter(month=month).first()
    if scheduled is not None:
        return scheduled
    candidates = list(
        Facility.objects.public().open().with_complete_profile().order_by("public_id")
    )
    if not candidates:
        return None
    facility = candidates[(month.year * 12 + month.month) % len(candidates)]
    # The description is English: the English column, so that other languages note the fallback.
    return Highlight(month=month, facility=facility, text_en=facility.description)
