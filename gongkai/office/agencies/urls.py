from django.urls import path

from . import staff_views

urlpatterns = [
    path("", staff_views.staff_list, name="staff_list"),
    path("<int:agency_id>/new/", staff_views.staff_new, name="staff_new"),
    path("<int:agency_id>/<int:user_id>/", staff_views.staff_edit, name="staff_edit"),
    path(
        "<int:agency_id>/<int:user_id>/password/",
        staff_views.staff_password,
        name="staff_password",
    ),
    path("<int:agency_id>/<int:user_id>/active/", staff_views.staff_active, name="staff_active"),
]
