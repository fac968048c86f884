from .views import inputs, participants, planning, printouts, scans

app_name = "consultations"

# Each views module lists its own patterns, all under /kelola/pd/<agency>/pembahasan/.
urlpatterns = [
    *planning.urlpatterns,
    *participants.urlpatterns,
    *inputs.urlpatterns,
    *scans.urlpatterns,
    *printouts.urlpatterns,
]
