from django.urls import path

from . import keeping, views

app_name = "supervision"
urlpatterns = [
    path("", views.home, name="home"),
    path("board/", views.board, name="board"),
    path("upload/", views.upload, name="upload"),
    path("uploads/", views.uploads, name="uploads"),
    path("assign/", views.assign, name="assign"),
    path("report/<int:pk>/", views.submission, name="submission"),
    path("report/<int:pk>/task/", views.task_new, name="task_new"),
    path("compare/", views.compare, name="compare"),
    path("aggregate/", views.aggregate, name="aggregate"),
    path("assessment/", views.assessment_page, name="assessment"),
    path("training/", views.training, name="training"),
    path("tasks/", views.tasks, name="tasks"),
    path("tasks/<int:pk>/", views.task_detail, name="task"),
    path("roster/", keeping.roster_page, name="roster"),
    path("indicators/", keeping.indicators_page, name="indicators"),
]
