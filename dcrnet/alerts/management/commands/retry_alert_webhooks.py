"""Make the webhook attempts that are due (run every few minutes: an attempt cut off by a
crash, or any retry under an in-process task backend, runs again only from here)."""

from django.core.management.base import BaseCommand

from dcrnet.alerts.deliveries import retry_webhooks_task


class Command(BaseCommand):
    help = "Post every alert webhook delivery whose next attempt is due."

    def handle(self, *args, **options) -> None:
        delivered = retry_webhooks_task.call()
        self.stdout.write(f"{delivered} webhook deliveries made")
