from .views import application, dashboard, public, reports

app_name = "monitoring"

urlpatterns = [
    *public.urlpatterns,
    *reports.urlpatterns,
    *application.urlpatterns,
    *dashboard.urlpatterns,
]
