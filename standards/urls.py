from .views import api, decrees, editor, inventory, preview, public, rows, team, versions

app_name = "standards"

# Each views module of the package lists its own patterns; add new modules here.
urlpatterns = [
    # First: citizens' pages are most of the traffic, and every pattern tried before the
    # one that matches costs each request (docs/decisions/0012).
    *public.urlpatterns,
    *preview.urlpatterns,
    *decrees.urlpatterns,
    *inventory.urlpatterns,
    *team.urlpatterns,
    *editor.urlpatterns,
    *versions.urlpatterns,
    *api.urlpatterns,
    # Last: its `<slug:rows>/...` patterns would shadow fixed words such as "banding".
    *rows.urlpatterns,
]
