from .views import decrees, editor, inventory, preview, rows, spreadsheet, team, timeline, versions

app_name = "standards"

# Each views module of the package lists its own patterns; add new modules here.
urlpatterns = [
    *preview.urlpatterns,
    *decrees.urlpatterns,
    *inventory.urlpatterns,
    *spreadsheet.urlpatterns,
    *team.urlpatterns,
    *editor.urlpatterns,
    *versions.urlpatterns,
    *timeline.urlpatterns,
    # Last: its `<slug:rows>/...` patterns would shadow fixed words such as "banding".
    *rows.urlpatterns,
]
