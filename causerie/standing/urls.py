"""URLs of the standing app (French paths, English names)."""

from django.urls import path

from causerie.standing import views

app_name = "standing"
urlpatterns = [
    path(
        "c/<slug:slug>/experts-discrets/", views.hidden_experts, name="hidden-experts"
    ),
    path(
        "c/<slug:slug>/etiquettes/<slug:tag_slug>/experts-discrets/",
        views.hidden_experts,
        name="hidden-experts-tag",
    ),
    path(
        "c/<slug:slug>/moderation/groupes-suspects/",
        views.cluster_report,
        name="clusters",
    ),
]
