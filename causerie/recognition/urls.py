"""URLs of recognition, under a billet (French paths, English names)."""

from django.urls import path

from causerie.recognition import views

app_name = "recognition"
post = "c/<slug:slug>/billets/<int:post_id>/"
urlpatterns = [
    path(f"{post}utile/", views.recognise, name="recognise"),
    path(f"{post}utile/retirer/", views.withdraw, name="withdraw"),
    path(f"{post}reconnaissances/", views.post_recognisers, name="post-recognisers"),
    path(
        f"{post}commentaires/<int:comment_id>/reconnaissances/",
        views.comment_recognisers,
        name="comment-recognisers",
    ),
    path(f"{post}reponse-acceptee/", views.accept, name="accept"),
    path(f"{post}reponse-acceptee/retirer/", views.unaccept, name="unaccept"),
    path(f"{post}demander-reponses/", views.request_answers, name="request-answers"),
]
