from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo city: seeding only (no models, no URLs); the top layer, above every app."""

    name = "demo"
    verbose_name = "Demo"
