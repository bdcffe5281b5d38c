"""The read-only open-data API under /api/ (Django REST framework, OpenAPI by drf-spectacular).

Published content only, the same filters as the public indicator search, bounded pages,
anonymous rate limits, and a 400 that names every bad parameter.
"""
