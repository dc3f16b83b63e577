"""Hat URLs (French paths, English names)."""

from django.urls import path

from causerie.hats import views

app_name = "hats"
urlpatterns = [
    path("casquettes/", views.my_hats, name="mine"),
    path("casquettes/demander/", views.hat_request, name="request"),
    path("casquettes/<int:hat_id>/decider/", views.hat_decide, name="decide"),
    path(
        "casquettes/<int:hat_id>/retirer-la-demande/",
        views.hat_withdraw,
        name="withdraw",
    ),
    path("casquettes/<int:hat_id>/retirer/", views.hat_remove, name="remove"),
    path("c/<slug:slug>/moderation/casquettes/", views.hat_queue, name="queue"),
    path("moderation/casquettes/", views.site_hat_queue, name="site-queue"),
]
