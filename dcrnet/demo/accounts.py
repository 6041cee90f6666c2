"""One demo account per role, so a newcomer can try the site as each kind of user (DEBUG only).

The passwords and TOTP secrets are published in the code, the command's output and the sign-in
page: these accounts must never exist where DEBUG is off (and cannot sign in there). Their
addresses end in DEMO_DOMAIN (a reserved .invalid name), visibly demo wherever they are listed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from dcrnet.community import services
from dcrnet.community.models import DEMO_EMAIL_DOMAIN, Role, User
from dcrnet.directory.models import Facility

from .loader import CREATED, UNCHANGED, UPDATED, Tally

DEMO_DOMAIN = DEMO_EMAIL_DOMAIN
REPORTED_FACILITY = "lu-abrigado"  # Abrigado, Luxembourg
LABEL = "demo accounts"


@dataclass(frozen=True)
class DemoAccount:
    role: Role
    email: str
    password: str
    totp_secret: str = ""  # base32; set for the roles that must use a second factor

    @property
    def handle(self) -> str:
        return f"demo-{self.email.split('@')[0]}"


ACCOUNTS = [
    DemoAccount(Role.MEMBER, f"member@{DEMO_DOMAIN}", "demo member passphrase"),
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
        tally.add(LABEL, UNCHANGED if not changed else UPDATED if existed else CREATED)
    return ACCOUNTS


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
    rows += [(a.role.value, a.email, a.password, a.totp_secret or "-") for a in accounts]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return [line.rstrip() for line in lines]
