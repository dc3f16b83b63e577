"""Root URLs."""

from django.contrib import admin
from django.urls import include, path

from causerie.core import views as core_views

handler400 = "causerie.core.views.bad_request"
handler403 = "causerie.core.views.permission_denied"
handler404 = "causerie.core.views.page_not_found"
handler500 = "causerie.core.views.server_error"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("admin/", admin.site.urls),
    path("compte/", include("allauth.urls")),
    path("", include("causerie.notifications.urls")),
    path("", include("causerie.accounts.urls")),
    path("", include("causerie.communities.urls")),
    path("", include("causerie.governance.urls")),
    path("", include("causerie.moderation.urls")),
    path("", include("causerie.search.urls")),
    path("", include("causerie.recognition.urls")),
    path("", include("causerie.standing.urls")),
    path("", include("causerie.elections.urls")),
    path("", include("causerie.polls.urls")),
    path("", include("causerie.hats.urls")),
    path("", include("causerie.quotes.urls")),
    path("", include("causerie.transparency.urls")),
    path("", include("causerie.publishing.urls")),
]
