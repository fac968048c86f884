from .views import preview

app_name = "standards"

# Each views module of the package lists its own patterns; add new modules here.
urlpatterns = [
    *preview.urlpatterns,
]
