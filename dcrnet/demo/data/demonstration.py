# ruff: noqa: E501 (demonstration texts keep their lines)
"""Demonstration training sessions, a demonstration visit host and its visits (DEBUG only).

None of this happens: every session, the host's terms and the visits are invented to show the
features, and each says so ("Demonstration …") besides its is_demo flag. The trainings are the
real catalogue entries of trainings.py; the host is a real facility of the directory, with terms
that are not its own. Dates are days from today (sessions at a local time of their zone), so the
upcoming ones stay upcoming whenever the demo is loaded.

People are named by the local part of their demo address: the demo accounts (accounts.py) and
the demonstration experts (knowledge.py).
"""

from __future__ import annotations

DEMO_TRAINER = "Demonstration trainer (not a real person)"
ORGANISER = "organiser"
HOST_CONTACT = "host-contact"
ONLINE_URL = "https://meeting.demo.dcrnet.invalid/demonstration-session"

# `key` names the session for good (its public id derives from it). `days`: from today to the
# session's day; `deadline` and `cutoff`: days before the start. `registrations`: people in the
# order they register (the first `capacity` are confirmed, the next wait-listed); `attended`:
# the attendance the organiser marked (past sessions); `cancelled`: the reason it was cancelled.
SESSIONS: list[dict] = [
    {
        "key": "on-site",
        "training": "running-a-dcr",
        "format": "on_site",
        "facility": "be-brussels-gate",
        "address": "Demonstration session: no real training takes place at this facility.",
        "online_url": "",
        "time_zone": "Europe/Brussels",
        "days": 28,
        "starts": "09:30",
        "ends": "16:30",
        "language": "fr",
        "capacity": 12,
        "deadline": 7,
        "cutoff": 3,
        "question": "Demonstration question: what is your role in your organisation?",
        "registrations": [],
    },
    {
        "key": "online",
        "training": "how-to-help-for-new-dcrs",
        "format": "online",
        "facility": None,
        "address": "",
        "online_url": ONLINE_URL + "/online",
        "time_zone": "Europe/Berlin",
        "days": 14,
        "starts": "14:00",
        "ends": "16:00",
        "language": "en",
        "capacity": 25,
        "deadline": 1,
        "cutoff": 1,
        "registrations": [],
    },
    {
        "key": "hybrid",
        "training": "health-prevention-in-a-dcr",
        "format": "hybrid",
        "facility": None,
        "address": "Demonstration venue (not a real address), Luxembourg",
        "online_url": ONLINE_URL + "/hybrid",
        "time_zone": "Europe/Luxembourg",
        "days": 42,
        "starts": "10:00",
        "ends": "15:00",
        "language": "en",
        "capacity": 16,
        "deadline": 5,
        "cutoff": 3,
        "registrations": ["member"],
    },
    {
        "key": "full",
        "training": "cost-effectiveness",
        "format": "on_site",
        "facility": None,
        "address": "Demonstration venue (not a real address), Berlin",
        "online_url": "",
        "time_zone": "Europe/Berlin",
        "days": 21,
        "starts": "09:00",
        "ends": "13:00",
        "language": "de",
        "capacity": 2,
        "deadline": 7,
        "cutoff": 3,
        "registrations": ["expert-evaluation", "expert-consultation", "expert-operations"],
    },
    {
        "key": "past",
        "training": "running-a-dcr",
        "format": "on_site",
        "facility": None,
        "address": "Demonstration venue (not a real address), Luxembourg",
        "online_url": "",
        "time_zone": "Europe/Luxembourg",
        "days": -14,
        "starts": "09:30",
        "ends": "16:30",
        "language": "en",
        "capacity": 10,
        "deadline": 7,
        "cutoff": 3,
        "registrations": ["member", "expert-operations"],
        "attended": {"member": True, "expert-operations": False},
    },
    {
        "key": "cancelled",
        "training": "cost-effectiveness",
        "format": "online",
        "facility": None,
        "address": "",
        "online_url": ONLINE_URL + "/cancelled",
        "time_zone": "Europe/Brussels",
        "days": 35,
        "starts": "14:00",
        "ends": "17:00",
        "language": "en",
        "capacity": 20,
        "deadline": 2,
        "cutoff": 2,
        "registrations": ["member"],
        "cancelled": "Demonstration: this session was cancelled to show how a cancellation appears.",
    },
]

HOST = {
    "facility": "be-brussels-gate",
    "receives_visits": True,
    "availability": "Demonstration terms, not the facility's real terms: weekday mornings, by arrangement.",
    "max_group_size": 4,
    "languages": ["fr", "nl", "en"],
    "notes": (
        "Demonstration entry: these terms were invented to show how a host facility's terms"
        " appear. They are not the facility's real terms, and no real visit can be arranged"
        " through them."
    ),
    "contact": HOST_CONTACT,
}

# Made through the visits' services in this order (the request, then the host's answer):
# `requester` asks (`organisation`: on behalf of it, by slug), `status` is where it ends.
# `days`: from today to the first and the last day of the visit; a demonstration visit whose
# days have passed, or that someone answered or withdrew meanwhile, is made again.
VISITS: list[dict] = [
    {
        "requester": "member",
        "organisation": None,
        "status": "requested",
        "days": (56, 56),
        "group_size": 3,
        "languages": ["en", "fr"],
        "purpose": (
            "Demonstration request: a team planning a room would like to see how an integrated"
            " room receives people and organises its day. (Invented, to show how a visit is"
            " asked for.)"
        ),
        "host_message": "",
    },
    {
        "requester": "contact",
        "organisation": "fixpunkt",
        "status": "accepted",
        "days": (24, 24),
        "group_size": 2,
        "languages": ["en", "fr"],
        "purpose": (
            "Demonstration visit: two members of a team that runs rooms would like to talk with"
            " the team about its house rules. (Invented, to show an accepted visit.)"
        ),
        "host_message": (
            "Demonstration answer: you are welcome; please come at the start of the morning."
            " (Invented: not the facility's answer.)"
        ),
    },
]
