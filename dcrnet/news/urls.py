"""Being built (issue #13)."""

app_name = "news"

urlpatterns: list = []
