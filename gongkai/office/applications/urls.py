from django.urls import path

from . import views

urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("cases/new/", views.case_new, name="case_new"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("cases/<int:pk>/attachments/", views.attachment_upload, name="attachment_upload"),
    path("cases/<int:pk>/<slug:action>/", views.case_action, name="case_action"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
]
