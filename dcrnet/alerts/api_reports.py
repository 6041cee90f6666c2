"""Substance reports and daily pulses in the JSON API (a personal token)."""

from ninja import Router

router = Router(tags=["early warning"])
