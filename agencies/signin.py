"""Signing in and resetting a password, throttled on the shared cache (docs/decisions/0014).

A login is refused, before the password is even checked, once one account has failed
LOGIN_FAILURES_PER_ACCOUNT times from one client address, or one address has failed
LOGIN_FAILURES_PER_ADDRESS times for any accounts, within LOGIN_FAILURE_WINDOW seconds.
The same person from another address is not affected. A reset mail goes out at most
PASSWORD_RESET_PER_ACCOUNT times per address typed and PASSWORD_RESET_PER_ADDRESS times
per client in PASSWORD_RESET_WINDOW; the answer to the form stays the same for known and
unknown addresses. Every refusal is a security event in the `security` log.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _

from documents.ratelimit import Counter, client_ip, hashed

security_log = logging.getLogger("security")


def _setting(name: str, default: int) -> int:
    return getattr(settings, name, default)


def _login_counters() -> tuple[Counter, Counter]:
    window = _setting("LOGIN_FAILURE_WINDOW", 15 * 60)
    return (
        Counter("login-account", limit=_setting("LOGIN_FAILURES_PER_ACCOUNT", 5), window=window),
        Counter("login-address", limit=_setting("LOGIN_FAILURES_PER_ADDRESS", 20), window=window),
    )


def _minutes(seconds: int) -> int:
    return max(1, round(seconds / 60))


class ThrottledLoginMixin:
    """The throttle around AuthenticationForm.clean(); `self.request` is the request."""

    throttled = False

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        address = client_ip(self.request)
        per_account, per_address = _login_counters()
        account_key = f"{hashed(username)}:{address}"
        if per_account.exceeded(account_key) or per_address.exceeded(address):
            self.throttled = True
            security_log.warning(
                "login throttled: username=%r address=%s path=%s",
                username[:150],
                address,
                self.request.path,
            )
            raise ValidationError(
                _(
                    "Terlalu banyak percobaan masuk yang gagal dari alamat ini. "
                    "Demi keamanan akun, coba lagi dalam %(minutes)d menit atau atur ulang "
                    "kata sandi Anda."
                )
                % {"minutes": _minutes(per_account.window)},
                code="throttled",
            )
        try:
            cleaned = super().clean()
        except ValidationError as error:
            if getattr(error, "code", None) == "invalid_login":
                failures = per_account.hit(account_key)
                per_address.hit(address)
                if failures == per_account.limit:
                    security_log.warning(
                        "login locked after %d failures: username=%r address=%s",
                        failures,
                        username[:150],
                        address,
                    )
            raise
        per_account.reset(account_key)
        return cleaned


class LoginForm(ThrottledLoginMixin, AuthenticationForm):
    pass


class AdminLoginForm(ThrottledLoginMixin, AdminAuthenticationForm):
    pass


class LoginView(auth_views.LoginView):
    """/kelola/masuk/: a throttled login answers 429 with the reason beside the form."""

    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.throttled:
            response.status_code = 429
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Sends the reset mail within the limits above; the same answer whether the address
    belongs to an account or not (Django's view already sends nothing for an unknown one)."""

    def post(self, request, *args, **kwargs):
        window = _setting("PASSWORD_RESET_WINDOW", 60 * 60)
        per_client = Counter(
            "reset-client", limit=_setting("PASSWORD_RESET_PER_ADDRESS", 5), window=window
        )
        address = client_ip(request)
        if per_client.hit(address) > per_client.limit:
            security_log.warning("password reset throttled: address=%s", address)
            form = self.get_form()
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Terlalu banyak permintaan atur ulang kata sandi dari alamat ini. "
                    "Coba lagi dalam %(minutes)d menit."
                )
                % {"minutes": _minutes(window)},
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        window = _setting("PASSWORD_RESET_WINDOW", 60 * 60)
        per_account = Counter(
            "reset-account", limit=_setting("PASSWORD_RESET_PER_ACCOUNT", 3), window=window
        )
        email = form.cleaned_data["email"]
        if per_account.hit(hashed(email)) > per_account.limit:
            security_log.warning(
                "password reset mail withheld: email=%r address=%s",
                email[:254],
                client_ip(self.request),
            )
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
