from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from agencies import signin
from agencies import views as agency_views
from portal.views import public as portal_views

admin.site.site_header = _("Bontang SP — Administrasi")
admin.site.site_title = _("Bontang SP")
admin.site.index_title = _("Administrasi sistem")
admin.site.login_form = signin.AdminLoginForm

auth_urlpatterns = [
    path(
        "kelola/masuk/",
        signin.LoginView.as_view(),
        name="login",
    ),
    path("kelola/keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("kelola/sandi/ubah/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "kelola/sandi/ubah/selesai/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("kelola/sandi/lupa/", signin.PasswordResetView.as_view(), name="password_reset"),
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
    # Before the staff's: citizens' pages are most of the traffic, and every pattern tried
    # before the one that matches costs each request (docs/decisions/0012).
    path("", include("portal.urls")),
    path("sehat/", agency_views.health, name="health"),
    path("kelola/", agency_views.staff_home, name="staff-home"),
    *auth_urlpatterns,
    path("", include("standards.urls")),
    path("", include("documents.urls")),
    path("", include("maklumat.urls")),
    path("", include("consultations.urls")),
    path("", include("monitoring.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "bontang_sp.errors.bad_request"
handler403 = "bontang_sp.errors.permission_denied"
handler404 = "bontang_sp.errors.page_not_found"
handler500 = "bontang_sp.errors.server_error"
