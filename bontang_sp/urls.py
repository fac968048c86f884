from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from agencies import views as agency_views
from standards.views import public as portal_views

admin.site.site_header = _("Bontang SP — Administrasi")
admin.site.site_title = _("Bontang SP")
admin.site.index_title = _("Administrasi sistem")

auth_urlpatterns = [
    path(
        "kelola/masuk/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("kelola/keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("kelola/sandi/ubah/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "kelola/sandi/ubah/selesai/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("kelola/sandi/lupa/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "kelola/sandi/lupa/terkirim/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "kelola/sandi/atur/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "kelola/sandi/atur/selesai/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("", portal_views.home, name="home"),
    path("sehat/", agency_views.health, name="health"),
    path("kelola/", agency_views.staff_home, name="staff-home"),
    path("kelola/pemberitahuan/", agency_views.notification_list, name="notifications"),
    path(
        "kelola/pemberitahuan/baca-semua/",
        agency_views.notification_read,
        name="notifications-read-all",
    ),
    path(
        "kelola/pemberitahuan/<int:pk>/baca/",
        agency_views.notification_read,
        name="notification-read",
    ),
    *auth_urlpatterns,
    path("", include("standards.urls")),
    path("", include("documents.urls")),
    path("", include("maklumat.urls")),
    path("", include("consultations.urls")),
    path("", include("monitoring.urls")),
    path("admin/", admin.site.urls),
]
