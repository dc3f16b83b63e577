"""Member URLs."""

from django.urls import path

from causerie.accounts import views

app_name = "accounts"
urlpatterns = [
    path("@<str:handle>/", views.profile, name="profile"),
    path("@<str:handle>/sourdine/", views.mute, name="mute"),
    path("@<str:handle>/atom/", views.profile_feed, name="feed"),
    path("compte/profil/", views.profile_edit, name="profile-edit"),
    path("langue/", views.set_language, name="set-language"),
    path("niveaux-de-confiance/", views.trust_levels, name="trust-levels"),
]
