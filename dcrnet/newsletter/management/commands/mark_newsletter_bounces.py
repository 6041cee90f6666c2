"""Mark newsletter addresses bounced, from the mail server's bounce reports: addresses as
arguments, or one a line in a file ("-" reads standard input). They get no newsletter any more
(until a new double opt-in). Prints counts only, never the addresses."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError

from dcrnet.newsletter.services import mark_bounced


class Command(BaseCommand):
    help = "Mark newsletter addresses as bounced (arguments, or --file with one a line)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("addresses", nargs="*", help="email addresses")
        parser.add_argument("--file", help="a file with one address a line; - for stdin")

    def handle(self, *args, **options) -> None:
        addresses = list(options["addresses"])
        if options["file"]:
            try:
                if options["file"] == "-":
                    lines = sys.stdin.read().splitlines()
                else:
                    with open(options["file"], encoding="utf-8") as source:
                        lines = source.read().splitlines()
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(f"Cannot read {options['file']}: {error}") from error
            addresses += [line.strip() for line in lines if line.strip()]
        if not addresses:
            raise CommandError("Give addresses, or --file.")
        marked, unknown = mark_bounced(addresses)
        self.stdout.write(f"{marked} marked bounced, {unknown} not subscribed here.")
