from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "dcrnet.operations"
