from django.urls import path

from . import correction_views, views

urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("cases/new/", views.case_new, name="case_new"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("cases/<int:pk>/attachments/", views.attachment_upload, name="attachment_upload"),
    path("cases/<int:pk>/edit/", correction_views.case_edit, name="case_edit"),
    path("cases/<int:pk>/correct/<slug:what>/", correction_views.case_correct, name="case_correct"),
    path("cases/<int:pk>/<slug:action>/", views.case_action, name="case_action"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
    path(
        "attachments/<int:pk>/remove/",
        correction_views.attachment_remove,
        name="attachment_remove",
    ),
]
