from django.urls import path

from . import views

app_name = "maklumat"

urlpatterns = [
    path("kelola/pd/<slug:agency_slug>/maklumat/", views.staff_detail, name="staff-detail"),
    path(
        "kelola/pd/<slug:agency_slug>/maklumat/rancangan/",
        views.draft_edit,
        name="draft-edit",
    ),
    path("kelola/pd/<slug:agency_slug>/maklumat/tetapkan/", views.set_maklumat, name="set"),
    path(
        "kelola/pd/<slug:agency_slug>/maklumat/versi/<int:version>/",
        views.version_detail,
        name="version-detail",
    ),
    # Pasal 14 ayat (3): published to everyone.
    path("pd/<slug:agency_slug>/maklumat/", views.public_detail, name="public-detail"),
]
