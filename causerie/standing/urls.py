"""URLs of the standing app."""

app_name = "standing"
urlpatterns: list = []
