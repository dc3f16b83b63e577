"""Interface language, and the days a signed-in member visits.

The browser's Accept-Language is deliberately not consulted: Causerie is
French first, and the switcher in every page's footer sets a cookie. A
signed-in member's saved choice applies on every device.
"""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

from causerie.accounts import services


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = self.chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response

    @staticmethod
    def chosen_language(request) -> str:
        available = {code for code, _ in settings.LANGUAGES}
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if cookie in available:
            return cookie
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language in available:
            return user.language
        return settings.LANGUAGE_CODE


class VisitMiddleware:
    """Records one VisitDay per signed-in member per day (trust levels count
    days visited). Goes after AuthenticationMiddleware; the service's cache key
    spares the database on every other request of the day."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        services.record_visit(member=request.user)
        return self.get_response(request)
