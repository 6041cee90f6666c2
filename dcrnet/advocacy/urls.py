"""Being built (issue #13)."""

app_name = "advocacy"

urlpatterns: list = []
