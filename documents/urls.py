from django.urls import path

from . import views
from .signing import views as signing_views

app_name = "documents"

urlpatterns = [
    path("verifikasi/", views.verify_index, name="verify-index"),
    path("verifikasi/<str:code>/", views.verify, name="verify"),
    path("verifikasi/<str:code>/unduh/", views.download, name="download"),
    path("kelola/sertifikat-tte/", signing_views.credential_page, name="signing-credential"),
    path(
        "kelola/sertifikat-tte/cabut/",
        signing_views.credential_withdraw,
        name="signing-credential-withdraw",
    ),
]
