"""Plain helpers shared by the apps; imports no app."""
