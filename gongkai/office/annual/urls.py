from django.urls import path

from . import previous_upload, views

app_name = "annual"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("<int:agency_id>/<int:year>/", views.report_detail, name="detail"),
    path("<int:agency_id>/<int:year>/publish/", views.report_publish, name="publish"),
    path("<int:agency_id>/<int:year>/import/", previous_upload.import_report, name="import"),
    path("<int:agency_id>/<int:year>/preview/", views.report_preview, name="preview"),
    path("<int:agency_id>/<int:year>/export.<str:kind>", views.report_export, name="export"),
]
