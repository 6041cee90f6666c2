"""Playwright fixtures for browser tests (filled in by the browser-tests work)."""
