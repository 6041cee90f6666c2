"""One demo account per role, so a newcomer can try the site as each kind of user (DEBUG only).

The passwords and TOTP secrets are published in the code, the command's output and the sign-in
page: these accounts must never exist where DEBUG is off (and cannot sign in there). Their
addresses end in DEMO_DOMAIN (a reserved .invalid name), visibly demo wherever they are listed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from dcrnet.community import services
from dcrnet.community.models import DEMO_EMAIL_DOMAIN, Profile, Role, User
from dcrnet.directory.models import Facility
from dcrnet.organisations.models import Membership, MembershipRole, Organisation, Status

from .loader import CREATED, UNCHANGED, UPDATED, Tally, upsert

DEMO_DOMAIN = DEMO_EMAIL_DOMAIN
REPORTED_FACILITY = "lu-abrigado"  # Abrigado, Luxembourg
CONTACT_ORGANISATION = "fixpunkt"  # the demo contact is the contact person of Fixpunkt, Berlin
LABEL = "demo accounts"


@dataclass(frozen=True)
class DemoAccount:
    role: Role  # the one role (group) the account holds
    email: str
    password: str
    totp_secret: str = ""  # base32; set for the accounts that must use a second factor
    # What the account is when that is more than its role: the organisation contact holds the
    # member role through an approved contact membership of CONTACT_ORGANISATION.
    kind: str = ""
    kind_label: Promise | str = ""
    membership: str = ""  # "" none, "individual", or "contact"
    profile: dict | None = None

    @property
    def handle(self) -> str:
        return f"demo-{self.email.split('@')[0]}"

    @property
    def name(self) -> str:
        """The account's kind in the command's table (English, like the log)."""
        return self.kind or self.role.value

    @property
    def label(self) -> str:
        """The account's kind in the language of the page."""
        return str(self.kind_label or self.role.label)


ACCOUNTS = [
    DemoAccount(
        Role.MEMBER,
        f"member@{DEMO_DOMAIN}",
        "demo member passphrase",
        membership="individual",
        profile={"languages": ["en", "fr"], "country": "LU"},
    ),
    DemoAccount(
        Role.MODERATOR,
        f"moderator@{DEMO_DOMAIN}",
        "demo moderator passphrase",
        "DCRNETDEMOMODERATORTOTPSECRET234",
        profile={"languages": ["en", "de"], "country": ""},
    ),
    DemoAccount(
        Role.MEMBER,
        f"contact@{DEMO_DOMAIN}",
        "demo contact passphrase",
        "DCRNETDEMOCONTACTTOTPSECRET23456",
        kind="organisation contact",
        kind_label=_("Organisation contact"),
        membership="contact",
        profile={"languages": ["de", "en"], "country": "DE"},
    ),
    DemoAccount(
        Role.REPORTER,
        f"reporter@{DEMO_DOMAIN}",
        "demo reporter passphrase",
        "DCRNETDEMOREPORTERTOTPSECRET2345",
    ),
    DemoAccount(
        Role.EDITOR,
        f"editor@{DEMO_DOMAIN}",
        "demo editor passphrase",
        "DCRNETDEMOEDITORTOTPSECRET234567",
    ),
    DemoAccount(
        Role.STAFF,
        f"staff@{DEMO_DOMAIN}",
        "demo staff passphrase",
        "DCRNETDEMOSTAFFTOTPSECRET2345672",
    ),
    # Organiser of the demonstration training sessions (demo/trainings.py), and contact of the
    # demonstration visit host (demo/visits.py): both see other people's data, hence the TOTP.
    DemoAccount(
        Role.MEMBER,
        f"organiser@{DEMO_DOMAIN}",
        "demo organiser passphrase",
        "DCRNETDEMOORGANISERTOTPSECRET234",
        kind="organiser",
        kind_label=_("Training organiser"),
        membership="individual",
        profile={"languages": ["en", "nl"], "country": "NL"},
    ),
    DemoAccount(
        Role.MEMBER,
        f"host-contact@{DEMO_DOMAIN}",
        "demo host contact passphrase",
        "DCRNETDEMOHOSTCONTACTTOTPSECRET2",
        kind="host contact",
        kind_label=_("Visit host contact"),
        membership="individual",
        profile={"languages": ["fr", "nl", "en"], "country": "BE"},
    ),
    # Two alert reviewers: a signal becomes an alert only when two different people confirm it.
    DemoAccount(
        Role.ALERT_REVIEWER,
        f"reviewer@{DEMO_DOMAIN}",
        "demo reviewer passphrase",
        "DCRNETDEMOREVIEWERTOTPSECRET2345",
    ),
    DemoAccount(
        Role.ALERT_REVIEWER,
        f"reviewer2@{DEMO_DOMAIN}",
        "demo second reviewer passphrase",
        "DCRNETDEMOSECONDREVIEWERTOTP2345",
        kind="second alert reviewer",
        kind_label=_("Second alert reviewer"),
    ),
]


def load_accounts(tally: Tally) -> list[DemoAccount]:
    """Create or repair the demo accounts; refuses when DEBUG is off."""
    if not settings.DEBUG:
        raise ImproperlyConfigured("Demo accounts are created only with DEBUG on.")
    facility = Facility.objects.get(public_id=REPORTED_FACILITY)
    for account in ACCOUNTS:
        existed = User.objects.filter(email__iexact=account.email).exists()
        user, changed = services.ensure_account(
            account.email, account.password, handle=account.handle, roles=[account.role]
        )
        if account.role == Role.REPORTER:
            changed |= services.add_reporter(facility, user)
        if account.totp_secret:
            changed |= services.set_totp(user, account.totp_secret)
        if account.membership:
            changed |= ensure_membership(user, account.membership)
        if account.profile is not None:
            changed |= ensure_profile(user, account.profile)
        tally.add(LABEL, UNCHANGED if not changed else UPDATED if existed else CREATED)
    return ACCOUNTS


def ensure_membership(user: User, kind: str) -> bool:
    """An approved membership: as an individual, or as the contact of CONTACT_ORGANISATION.

    Written directly (the member role comes with the account's roles): the demo decides, nobody
    applies. True if anything was written.
    """
    organisation = None
    role = MembershipRole.MEMBER
    if kind == "contact":
        organisation = Organisation.objects.get(slug=CONTACT_ORGANISATION)
        role = MembershipRole.CONTACT
    tally = Tally()
    upsert(
        Membership,
        {"user": user, "organisation": organisation},
        {"role": role, "status": Status.APPROVED, "listed": True},
        tally,
        on_create={"decided_at": timezone.now(), "statement": "Demonstration account."},
    )
    return bool(tally.changed)


def ensure_profile(user: User, values: dict) -> bool:
    """The account's profile with these values (nothing special, no real name)."""
    tally = Tally()
    upsert(Profile, {"user": user}, values, tally)
    return bool(tally.changed)


def existing_accounts() -> list[DemoAccount]:
    """The demo accounts present in the database, in role order (for the sign-in page)."""
    present = {
        email.lower()
        for email in User.objects.filter(email__iendswith=f"@{DEMO_DOMAIN}").values_list(
            "email", flat=True
        )
    }
    return [account for account in ACCOUNTS if account.email in present]


def table(accounts: list[DemoAccount]) -> list[str]:
    """The accounts as a plain-text table: role, email, password, TOTP secret."""
    rows = [("role", "email", "password", "TOTP secret")]
    rows += [(a.name, a.email, a.password, a.totp_secret or "-") for a in accounts]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return [line.rstrip() for line in lines]
