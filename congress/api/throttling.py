"""Anonymous rate limits: a burst rate and a sustained rate per client address.

The rates are read from settings on every request (not once at import, as DRF's own classes
do), so ``API_THROTTLE_BURST`` / ``API_THROTTLE_SUSTAINED`` and test overrides take effect.
A rate of ``None`` switches a limit off.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


class _ClientRateThrottle(SimpleRateThrottle):
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_cache_key(self, request, view):
        # The API has no accounts: every client is identified by its address.
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class BurstRateThrottle(_ClientRateThrottle):
    scope = "burst"


class SustainedRateThrottle(_ClientRateThrottle):
    scope = "sustained"
