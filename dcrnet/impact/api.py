"""The impact estimator in the JSON API."""

from ninja import Router

router = Router(tags=["impact"])
