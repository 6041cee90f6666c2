"""System check: Django has no check for the Content-Security-Policy, so we add one."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register

# Sources that would let an injected script run.
UNSAFE_SCRIPT_SOURCES = {
    "'unsafe-inline'",
    "'unsafe-eval'",
    "'unsafe-hashes'",
    "'wasm-unsafe-eval'",
    "*",
    "http:",
    "https:",
    "data:",
    "blob:",
}
REQUIRED = {
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def _sources(policy: dict, directive: str) -> list[str]:
    value = policy.get(directive) or []
    if isinstance(value, str):
        value = value.split()
    return [str(source).strip() for source in value]


@register(Tags.security, deploy=True)
def check_content_security_policy(app_configs=None, **kwargs) -> list[Error]:
    policy = getattr(settings, "SECURE_CSP", None) or {}
    if not policy:
        return [
            Error(
                "SECURE_CSP is empty: no Content-Security-Policy is sent.",
                hint="Set a strict policy in dcrnet/settings.py.",
                id="dcrnet.E001",
            )
        ]
    errors = []
    directive = "script-src" if "script-src" in policy else "default-src"
    script = _sources(policy, directive)
    if not script:
        errors.append(
            Error(
                "SECURE_CSP sets neither script-src nor default-src.",
                id="dcrnet.E002",
            )
        )
    for source in script:
        lowered = source.lower()
        if lowered in UNSAFE_SCRIPT_SOURCES or lowered.startswith("http:"):
            errors.append(
                Error(
                    f"SECURE_CSP {directive} allows {source}.",
                    hint="Scripts come from our own origin only: no inline, eval or http.",
                    id="dcrnet.E003",
                )
            )
    for name, expected in REQUIRED.items():
        if _sources(policy, name) != [expected]:
            errors.append(
                Error(
                    f"SECURE_CSP must set {name} {expected}.",
                    id="dcrnet.E004",
                )
            )
    return errors
