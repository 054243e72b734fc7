from django.urls import path

from . import views

urlpatterns = [
    path("events/<int:event_id>/letter/", views.generate, name="notice_generate"),
    path("templates/", views.templates, name="notice_templates"),
    path(
        "templates/<slug:kind>/<slug:which>.docx",
        views.template_download,
        name="notice_template_download",
    ),
]
