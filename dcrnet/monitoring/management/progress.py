"""A plain-text progress bar for management commands (no dependency)."""

from __future__ import annotations


class Progress:
    def __init__(self, stdout, label: str, width: int = 30):
        self.stdout, self.label, self.width = stdout, label, width
        self.last = -1

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if percent == self.last and done != total:
            return
        self.last = percent
        filled = self.width * percent // 100
        bar = "#" * filled + "-" * (self.width - filled)
        self.stdout.write(f"\r{self.label} [{bar}] {done}/{total}", ending="")
        if done >= total:
            self.stdout.write("")
        self.stdout.flush()
