from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("verifikasi/", views.verify_index, name="verify-index"),
    path("verifikasi/<str:code>/", views.verify, name="verify"),
    path("verifikasi/<str:code>/unduh/", views.download, name="download"),
]
