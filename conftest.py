"""Shared test fixtures: a cast of users and a small directory."""
