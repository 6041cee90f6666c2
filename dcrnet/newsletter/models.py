"""Being built (issue #13)."""
