"""The Atom feed of public alerts, in the page's language: the same for everyone (feed readers
do not sign in), so network-only grades are never in it. An update or a retraction moves the
entry's <updated>, so readers show it again."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from dcrnet.lib.markdown import render_markdown

from .display import present, visible_alerts
from .models import Alert

ENTRIES = 50


class AlertsFeed(Feed):
    feed_type = Atom1Feed

    def title(self) -> str:
        return _("DCR Network: drug alerts")

    def link(self) -> str:
        return reverse("alerts:list")

    def subtitle(self) -> str:
        return _(
            "Alerts confirmed by two reviewers from the observations of drug consumption rooms:"
            " substances, overdose spikes and clusters. Counts of 1 to 4 are shown as “<5”."
        )

    def feed_url(self) -> str:
        return reverse("alerts:feed")

    def items(self):
        # Anonymous: public grades only, retracted alerts included (their entry says so).
        return visible_alerts(AnonymousUser())[:ENTRIES]

    def item_title(self, alert: Alert) -> str:
        if alert.retracted:
            return _("Retracted: %(title)s") % {"title": alert.title}
        return alert.title

    def item_link(self, alert: Alert) -> str:
        return reverse("alerts:detail", kwargs={"public_id": alert.public_id})

    def item_guid(self, alert: Alert) -> str:
        return f"urn:uuid:{alert.public_id}"

    item_guid_is_permalink = False

    def item_description(self, alert: Alert) -> SafeString:
        view = present(alert)
        parts = []
        if view.retracted:
            parts.append(
                format_html(
                    "<p><strong>{}</strong> {}</p>",
                    _("This alert was retracted."),
                    view.retraction_reason,
                )
            )
        if view.synthetic:
            parts.append(format_html("<p>{}</p>", _("Demonstration: made from synthetic data.")))
        parts.append(render_to_string("alerts/alert_fields.html", {"view": view}))
        parts.append(format_html("<h2>{}</h2>{}", _("Advice"), render_markdown(view.advice)))
        if view.actions.strip():
            parts.append(
                format_html("<h2>{}</h2>{}", _("Actions taken"), render_markdown(view.actions))
            )
        parts.append(format_html("<p>{} {}</p>", _("Source:"), view.source))
        return mark_safe("".join(parts))  # each part is escaped or cleaned above

    def item_pubdate(self, alert: Alert):
        return alert.issued

    def item_updateddate(self, alert: Alert):
        return alert.updated

    def item_categories(self, alert: Alert) -> list[str]:
        categories = [alert.get_grade_display()]
        if alert.region:
            categories.append(alert.region.name)
        if alert.substance:
            categories.append(alert.substance.name)
        return categories
