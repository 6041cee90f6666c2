"""Privacy registry of the news: articles are content; what links to a person is an article's
author (an editor, never shown on the site) and who edited what, in the histories."""

from __future__ import annotations

from dcrnet.community.privacy import PERSONAL, PUBLIC, history, translated

from .models import Article, SourceLink, Tag

_ARTICLE = {
    "id": PUBLIC,
    "slug": PUBLIC,
    "status": PUBLIC,
    "published_at": PUBLIC,
    "status_change": PUBLIC,
    "policy_event": PUBLIC,
    "created": PUBLIC,
    "updated": PUBLIC,
    "author": PERSONAL,
}
_SOURCE = {"id": PUBLIC, "article": PUBLIC, "title": PUBLIC, "url": PUBLIC, "position": PUBLIC}
_TAG = {"id": PUBLIC, "slug": PUBLIC}

FIELDS: dict[str, dict[str, str]] = {
    "news.tag": {**_TAG, **translated("name")},
    "news.historicaltag": history(**_TAG, name=PUBLIC),
    "news.article": {**_ARTICLE, **translated("title", "summary", "body")},
    "news.historicalarticle": history(**_ARTICLE, title=PUBLIC, summary=PUBLIC, body=PUBLIC),
    "news.article_tags": {"id": PUBLIC, "article": PUBLIC, "tag": PUBLIC},
    "news.article_facilities": {"id": PUBLIC, "article": PUBLIC, "facility": PUBLIC},
    "news.article_countries": {"id": PUBLIC, "article": PUBLIC, "country": PUBLIC},
    "news.article_references": {"id": PUBLIC, "article": PUBLIC, "reference": PUBLIC},
    "news.article_initiatives": {"id": PUBLIC, "article": PUBLIC, "initiative": PUBLIC},
    "news.sourcelink": _SOURCE,
    "news.historicalsourcelink": history(**_SOURCE),
    # The proxy of directory.StatusChange that lists changes to publish (no table of its own).
    "news.statuschangenews": {
        "id": PUBLIC,
        "facility": PUBLIC,
        "status": PUBLIC,
        "date": PUBLIC,
        "note": PUBLIC,
        "source": PUBLIC,
        "source_url": PUBLIC,
        "source_accessed": PUBLIC,
    },
}


def export(user) -> dict[str, list[dict]]:
    written = Article.objects.filter(author=user).order_by("created", "pk")
    return {
        "articles_written": [
            {
                "slug": a.slug,
                "title": a.title_en,
                "status": a.status,
                "published_at": a.published_at.isoformat() if a.published_at else None,
                "created": a.created.isoformat(),
            }
            for a in written
        ]
    }


def erase(user, *, keep_posts: bool) -> None:
    """Articles are the network's content and stay, without the link to their author; the
    histories lose it too."""
    Article.objects.filter(author=user).update(author=None)
    Article.history.model.objects.filter(author_id=user.pk).update(author=None)
    for model in (Article, Tag, SourceLink):
        model.history.model.objects.filter(history_user_id=user.pk).update(history_user=None)
