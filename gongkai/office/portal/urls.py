from django.urls import path

from . import online, open_data, text_size, views

app_name = "portal"
urlpatterns = [
    path("", views.index, name="index"),
    path("agency/<int:agency_id>/", views.agency, name="agency"),
    path("agency/<int:agency_id>/apply/", online.apply, name="apply"),
    path("agency/<int:agency_id>/apply/done/", online.apply_done, name="apply_done"),
    path("track/", online.track, name="track"),
    path("text-size/", text_size.text_size, name="text_size"),
    path("agency/<int:agency_id>/reports/<int:year>/", views.annual_report, name="report"),
    path(
        "agency/<int:agency_id>/reports/<int:year>/data.<str:kind>",
        open_data.report_data,
        name="report_data",
    ),
]
