"""The standard preview document: request it, follow its rendering, download it."""

urlpatterns: list = []
