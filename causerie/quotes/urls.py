"""Quote URLs: the quoted member's reply."""

from django.urls import path

from causerie.quotes import views

app_name = "quotes"
urlpatterns = [
    path("citations/<int:quote_id>/repondre/", views.quote_reply, name="reply"),
]
