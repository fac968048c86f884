from .views import api, public

app_name = "portal"

urlpatterns = [
    *public.urlpatterns,
    *api.urlpatterns,
]
