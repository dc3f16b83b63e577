"""URLs of the recognition app."""

app_name = "recognition"
urlpatterns: list = []
