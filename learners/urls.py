"""The learner's own space, under /<lang>/my/: every page needs an account and shows its owner's data alone."""

from django.urls import path

from learners.views import assessment, dashboard, data, goals, paths, reflections

app_name = "learners"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("steps/<uuid:step_key>/done/", paths.step_done, name="step_done"),
    path("assessment/", assessment.index, name="assessment_index"),
    path("assessment/start/", assessment.start, name="assessment_start"),
    path("assessment/<uuid:pk>/", assessment.result, name="assessment_result"),
    path("assessment/<uuid:pk>/area/<int:number>/", assessment.area, name="assessment_area"),
    path("profile/", assessment.profile, name="profile"),
    path("suggestions/", assessment.suggestions, name="suggestions"),
    path("reflections/", reflections.index, name="reflections"),
    path("reflections/new/", reflections.edit, name="reflection_new"),
    path("reflections/<uuid:pk>/", reflections.edit, name="reflection_edit"),
    path("reflections/<uuid:pk>/delete/", reflections.delete, name="reflection_delete"),
    path("goals/", goals.index, name="goals"),
    path("goals/plan/", goals.plan, name="goal_plan"),
    path("goals/new/", goals.edit, name="goal_new"),
    path("goals/<uuid:pk>/", goals.edit, name="goal_edit"),
    path("goals/<uuid:pk>/delete/", goals.delete, name="goal_delete"),
    path("data/", data.index, name="data"),
    path("data/export.zip", data.export, name="export"),
    path("data/delete/", data.delete_account, name="delete_account"),
]
