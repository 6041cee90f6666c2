from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def calculator(request: HttpRequest) -> HttpResponse:
    return render(request, "impact/calculator.html", {})
