"""Being built (issue #13)."""

app_name = "newsletter"

urlpatterns: list = []
