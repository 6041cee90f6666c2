"""Articles and tags for the news tests."""

from __future__ import annotations

import datetime as dt

from dcrnet.news.models import Article, ArticleStatus, SourceLink, Tag


def make_tag(slug: str = "openings", name: str = "Openings") -> Tag:
    return Tag.objects.get_or_create(slug=slug, defaults={"name_en": name})[0]


def make_article(
    slug: str = "thistle-opens",
    *,
    title: str = "The Thistle opens in Glasgow",
    summary: str = "The first safer drug consumption facility in the UK opened.",
    body: str = "It opened on **13 January 2025**.",
    published_at: dt.datetime | None = dt.datetime(2025, 1, 14, 9, tzinfo=dt.UTC),
    status: str = ArticleStatus.PUBLISHED,
    tags: tuple[Tag, ...] = (),
    source: tuple[str, str] | None = ("Tribyoon", "https://tribyoon.co.uk/"),
    **extra,
) -> Article:
    article = Article.objects.create(
        slug=slug,
        title_en=title,
        summary_en=summary,
        body_en=body,
        status=status,
        published_at=published_at,
        **extra,
    )
    article.tags.add(*tags)
    if source:
        SourceLink.objects.create(article=article, title=source[0], url=source[1])
    return article
