"""Being built (issue #13)."""

app_name = "policy"

urlpatterns: list = []
