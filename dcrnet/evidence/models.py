"""The evidence library: references (CSL-JSON shaped), controlled vocabularies, summaries."""

from __future__ import annotations

import re
import unicodedata

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from modeltranslation.utils import get_language as content_language
from simple_history.models import HistoricalRecords

from dcrnet.directory.models import Country, Facility
from dcrnet.lib.search import SearchVectorColumn


def translation_columns(*fields: str) -> list[str]:
    """name_en, name_fr … of content fields translated in translation.py. History leaves them
    out: django-modeltranslation adds them after the historical model exists, which records the
    base columns (kept in English by `save`)."""
    return [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]


class SavedInEnglish(models.Model):
    """Saves under English, so that the base columns of translated fields and their history
    hold the English text whatever the language of the request that saves."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            super().save(*args, **kwargs)


class Vocabulary(models.TextChoices):
    DESIGN = "design", _("Study design")
    OUTCOME = "outcome", _("Outcome")
    SETTING = "setting", _("Setting / facility model")
    ROUTE = "route", _("Route")


class TermQuerySet(models.QuerySet):
    def outcomes(self) -> TermQuerySet:
        return self.filter(vocabulary=Vocabulary.OUTCOME)

    def lookup(self, spec: str) -> Term:
        """'design:cohort', 'design:COH' or 'outcome:Overdose mortality' → the Term (a name in
        English or in the active language)."""
        vocabulary, _sep, value = spec.partition(":")
        value = value.strip()
        if vocabulary not in Vocabulary.values or not value:
            raise Term.DoesNotExist(spec)
        named = Q()
        for language in {settings.LANGUAGE_CODE, content_language()}:
            named |= Q(**{f"{build_localized_fieldname('name', language)}__iexact": value})
        return self.get(
            Q(slug__iexact=value) | Q(code__iexact=value) | named, vocabulary=vocabulary
        )


class Term(SavedInEnglish):
    """One entry of a controlled vocabulary that editors maintain (a design, an outcome, …)."""

    vocabulary = models.CharField(_("vocabulary"), max_length=20, choices=Vocabulary.choices)
    slug = models.SlugField(_("slug"), max_length=80)
    code = models.CharField(
        _("short code"), max_length=12, blank=True, help_text=_("E.g. COH, ODM.")
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    pubmed_types = models.CharField(
        _("PubMed publication types"),
        max_length=300,
        blank=True,
        help_text=_("Semicolon-separated PubMed PT values that map to this design."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    history = HistoricalRecords(excluded_fields=translation_columns("name", "description"))

    objects = TermQuerySet.as_manager()

    class Meta:
        verbose_name = _("vocabulary term")
        verbose_name_plural = _("vocabulary terms")
        ordering = ["vocabulary", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["vocabulary", "slug"], name="unique_term_slug")
        ]

    def __str__(self) -> str:
        return f"{self.get_vocabulary_display()}: {self.name}"

    def get_absolute_url(self) -> str:
        if self.vocabulary == Vocabulary.OUTCOME:
            return reverse("evidence:outcome", args=[self.slug])
        return reverse("evidence:search") + f"?{self.vocabulary}={self.slug}"


class CslType(models.TextChoices):
    ARTICLE_JOURNAL = "article-journal", _("Journal article")
    BOOK = "book", _("Book")
    CHAPTER = "chapter", _("Book chapter")
    REPORT = "report", _("Report")
    THESIS = "thesis", _("Thesis")
    PAPER_CONFERENCE = "paper-conference", _("Conference paper")
    WEBPAGE = "webpage", _("Web page")
    DATASET = "dataset", _("Dataset")
    ARTICLE = "article", _("Preprint or other article")
    DOCUMENT = "document", _("Other document")


def normalise_text(text: str) -> str:
    """Lower case, accents removed, punctuation to spaces: for duplicate detection."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


# What RIS, PubMed and BibTeX files write in a language field, as a BCP 47 tag for `lang`.
LANGUAGE_TAGS = {
    "english": "en",
    "eng": "en",
    "french": "fr",
    "fre": "fr",
    "fra": "fr",
    "german": "de",
    "ger": "de",
    "deu": "de",
    "dutch": "nl",
    "dut": "nl",
    "nld": "nl",
    "spanish": "es",
    "spa": "es",
}

DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def clean_doi(value: str) -> str:
    return DOI_PREFIX.sub("", (value or "").strip()).strip()


class ReferenceQuerySet(models.QuerySet):
    def for_results(self) -> ReferenceQuerySet:
        """What a row of search results shows: people and tags."""
        return self.prefetch_related(
            Prefetch("people", queryset=Person.objects.order_by("role", "position")),
            Prefetch("terms", queryset=Term.objects.order_by("vocabulary", "position")),
        )

    def for_list(self) -> ReferenceQuerySet:
        """Everything a listed reference has, in a constant number of queries."""
        return self.for_results().prefetch_related("countries", "facilities")

    def for_detail(self) -> ReferenceQuerySet:
        return self.for_list().prefetch_related("facilities__country")

    def about(self, term: Term) -> ReferenceQuerySet:
        return self.filter(terms=term)

    def newest_first(self) -> ReferenceQuerySet:
        """Most recently added first (the feeds)."""
        return self.order_by("-created", "-pk")

    def filtered(
        self,
        *,
        terms: dict[str, list[str]] | None = None,
        countries: list[str] | None = None,
        csl_type: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
    ) -> ReferenceQuerySet:
        """Narrow by facets: each chosen term, country and range narrows further (AND)."""
        qs = self
        for vocabulary, slugs in (terms or {}).items():
            for slug in slugs:
                qs = qs.filter(
                    pk__in=Reference.terms.through.objects.filter(
                        term__vocabulary=vocabulary, term__slug=slug
                    ).values("reference_id")
                )
        for code in countries or []:
            qs = qs.filter(
                pk__in=Reference.countries.through.objects.filter(
                    country__code=code.upper()
                ).values("reference_id")
            )
        if csl_type:
            qs = qs.filter(csl_type=csl_type)
        if year_from:
            qs = qs.filter(year__gte=year_from)
        if year_to:
            qs = qs.filter(year__lte=year_to)
        return qs


class ReferenceManager(models.Manager.from_queryset(ReferenceQuerySet)):
    def get_queryset(self) -> ReferenceQuerySet:
        # The tsvector is written and read by dcrnet.lib.search only: never load it (it is
        # the largest column) and never write a stale copy back.
        return super().get_queryset().defer("search_vector")


class Reference(models.Model):
    """A publication, with fields that map one-to-one onto CSL-JSON."""

    csl_type = models.CharField(
        _("type"), max_length=30, choices=CslType.choices, default=CslType.ARTICLE_JOURNAL
    )
    title = models.CharField(_("title"), max_length=1000)
    container_title = models.CharField(_("journal, book or series"), max_length=500, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    day = models.PositiveSmallIntegerField(_("day"), null=True, blank=True)
    volume = models.CharField(_("volume"), max_length=40, blank=True)
    issue = models.CharField(_("issue"), max_length=40, blank=True)
    page = models.CharField(_("pages"), max_length=40, blank=True)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    publisher_place = models.CharField(_("place of publication"), max_length=200, blank=True)
    doi = models.CharField(_("DOI"), max_length=200, blank=True)
    pmid = models.CharField(_("PMID"), max_length=20, blank=True)
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=20, blank=True)
    abstract = models.TextField(_("abstract"), blank=True)
    keywords = models.TextField(
        _("keywords"), blank=True, help_text=_("Semicolon-separated free keywords.")
    )
    notes = models.TextField(_("editor notes"), blank=True, help_text=_("Markdown."))
    terms = models.ManyToManyField(
        Term, blank=True, related_name="references", verbose_name=_("tags")
    )
    facilities = models.ManyToManyField(
        Facility,
        blank=True,
        related_name="references",
        verbose_name=_("facilities studied"),
    )
    countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="references",
        verbose_name=_("countries studied"),
    )
    search_vector = SearchVectorColumn(_("search index"), null=True, editable=False)
    created = models.DateTimeField(_("added"), auto_now_add=True, db_index=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["search_vector"])

    objects = ReferenceManager()

    class Meta:
        verbose_name = _("reference")
        verbose_name_plural = _("references")
        ordering = ["-year", "title"]
        indexes = [models.Index(fields=["year"]), models.Index(fields=["csl_type", "year"])]
        constraints = [
            models.UniqueConstraint(
                Lower("doi"), name="unique_reference_doi", condition=~Q(doi="")
            ),
            models.UniqueConstraint(
                fields=["pmid"], name="unique_reference_pmid", condition=~Q(pmid="")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_author_family() or '?'} {self.year}: {self.title[:80]}"

    def save(self, *args, **kwargs) -> None:
        self.doi = clean_doi(self.doi)
        self.pmid = (self.pmid or "").strip()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("evidence:reference", args=[self.pk])

    # Authors come from the prefetch cache when there is one.
    def authors(self) -> list[Person]:
        return [p for p in self.people.all() if p.role == Person.Role.AUTHOR]

    def editors(self) -> list[Person]:
        return [p for p in self.people.all() if p.role == Person.Role.EDITOR]

    def first_author_family(self) -> str:
        authors = self.authors()
        return authors[0].family_or_literal if authors else ""

    def author_line(self, limit: int = 6) -> str:
        names = [p.short_name for p in self.authors()]
        if len(names) > limit:
            names = [*names[:limit], "et al."]
        return ", ".join(names)

    def terms_of(self, vocabulary: str) -> list[Term]:
        return [t for t in self.terms.all() if t.vocabulary == vocabulary]

    def designs(self) -> list[Term]:
        return self.terms_of(Vocabulary.DESIGN)

    def outcomes(self) -> list[Term]:
        return self.terms_of(Vocabulary.OUTCOME)

    @property
    def text_lang(self) -> str:
        """The language of the title and abstract as a tag for `lang`, or "" when unknown."""
        value = (self.language or "").strip().lower()
        if value in LANGUAGE_TAGS:
            return LANGUAGE_TAGS[value]
        return value if re.fullmatch(r"[a-z]{2}(-[a-z0-9]{2,8})?", value) else ""

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def pubmed_url(self) -> str:
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""

    def dedup_key(self) -> str:
        return dedup_key(self.title, self.year, self.first_author_family())


def dedup_key(title: str, year: int | None, first_author: str) -> str:
    return f"{normalise_text(title)}|{year or ''}|{normalise_text(first_author)}"


class Person(models.Model):
    """An author or editor of a reference, in order; a person or an organisation (literal)."""

    class Role(models.TextChoices):
        AUTHOR = "author", pgettext_lazy("of a book", "Author")
        EDITOR = "editor", pgettext_lazy("of a book", "Editor")

    reference = models.ForeignKey(
        Reference, on_delete=models.CASCADE, related_name="people", verbose_name=_("reference")
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.AUTHOR)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    family = models.CharField(_("family name"), max_length=200, blank=True)
    given = models.CharField(_("given names"), max_length=200, blank=True)
    literal = models.CharField(
        _("organisation"),
        max_length=300,
        blank=True,
        help_text=_("For a group or organisation author instead of family and given names."),
    )

    class Meta:
        verbose_name = _("author or editor")
        verbose_name_plural = _("authors and editors")
        ordering = ["reference", "role", "position"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(family="") | ~Q(literal=""), name="person_has_a_name"
            )
        ]

    def __str__(self) -> str:
        return self.short_name

    @property
    def family_or_literal(self) -> str:
        return self.literal or self.family

    @property
    def short_name(self) -> str:
        if self.literal:
            return self.literal
        initials = "".join(part[0] for part in re.split(r"[\s.\-]+", self.given) if part)
        return f"{self.family} {initials}".strip()

    def as_csl(self) -> dict[str, str]:
        if self.literal:
            return {"literal": self.literal}
        name = {"family": self.family}
        if self.given:
            given = self.given
            if re.fullmatch(r"[A-Z]{1,4}", given):  # Vancouver initials: "BDL" → "B. D. L."
                given = " ".join(f"{letter}." for letter in given)
            name["given"] = given
        return name


class Certainty(models.TextChoices):
    HIGH = "high", pgettext_lazy("certainty of evidence", "High")
    MODERATE = "moderate", pgettext_lazy("certainty of evidence", "Moderate")
    LOW = "low", pgettext_lazy("certainty of evidence", "Low")
    VERY_LOW = "very-low", pgettext_lazy("certainty of evidence", "Very low")


class EvidenceSummaryQuerySet(models.QuerySet):
    def for_list(self) -> EvidenceSummaryQuerySet:
        return self.select_related("outcome").prefetch_related("references")

    def resting_on(self, ref: Reference) -> EvidenceSummaryQuerySet:
        return self.filter(references=ref).select_related("outcome")

    def of_outcome(self, outcome: Term) -> EvidenceSummary | None:
        return self.filter(outcome=outcome).prefetch_related("references__people").first()


class EvidenceSummary(SavedInEnglish):
    """GRADE rates a body of evidence for one outcome, not a single paper."""

    outcome = models.OneToOneField(
        Term,
        on_delete=models.CASCADE,
        related_name="summary",
        limit_choices_to={"vocabulary": Vocabulary.OUTCOME},
        verbose_name=_("outcome"),
    )
    certainty = models.CharField(_("GRADE certainty"), max_length=10, choices=Certainty.choices)
    rationale = models.TextField(_("rationale"), help_text=_("Markdown."))
    references = models.ManyToManyField(
        Reference, blank=True, related_name="summaries", verbose_name=_("references it rests on")
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=translation_columns("rationale"))

    objects = EvidenceSummaryQuerySet.as_manager()

    class Meta:
        verbose_name = _("evidence summary")
        verbose_name_plural = _("evidence summaries")
        ordering = ["outcome__position"]

    def __str__(self) -> str:
        return f"{self.outcome.name}: {self.get_certainty_display()}"


class Suggestion(models.Model):
    """A reference someone outside the editors proposed; waits for moderation."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for an editor")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    doi = models.CharField(_("DOI"), max_length=200, blank=True)
    pmid = models.CharField(_("PMID"), max_length=20, blank=True)
    citation = models.TextField(_("citation"), blank=True)
    note = models.TextField(_("note"), blank=True)
    email = models.EmailField(_("email for questions (optional)"), blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    ip_hash = models.CharField(_("IP address hash"), max_length=64, blank=True, editable=False)
    created = models.DateTimeField(_("suggested"), auto_now_add=True)
    reference = models.ForeignKey(
        Reference,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reference created from it"),
    )

    class Meta:
        verbose_name = _("suggested reference")
        verbose_name_plural = _("suggested references")
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.doi or self.pmid or self.citation[:80]


class PendingImport(models.Model):
    """A checked file waiting for its editor's confirmation. The confirmation claims the row
    (services.confirm_import) so that one token imports the file once, however many
    confirmations arrive together."""

    token = models.CharField(_("token"), max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("editor"),
    )
    text = models.TextField(_("file contents"))
    format = models.CharField(_("format"), max_length=10)
    tag_ids = models.JSONField(_("tags to add"), default=list)
    used = models.BooleanField(_("used"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("import waiting for confirmation")
        verbose_name_plural = _("imports waiting for confirmation")

    def __str__(self) -> str:
        return gettext("%(format)s import of %(created)s") % {
            "format": self.format,
            "created": f"{self.created:%Y-%m-%d %H:%M}",
        }
