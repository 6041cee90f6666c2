"""Being built (issue #13)."""

app_name = "sitesearch"

urlpatterns: list = []
