"""The cache from DJANGO_CACHE_URL: each worker's memory by default, or a Redis server that
every worker shares, so the API's rate limits count every worker's requests together."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured

from archive.caches import LOCAL, REDIS, caches_from_url

# A database of its own on the machine's Redis server, emptied by the tests.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def test_unset_means_each_workers_memory():
    assert caches_from_url(None, max_entries=50)["default"] == {
        "BACKEND": LOCAL,
        "OPTIONS": {"MAX_ENTRIES": 50},
    }
    assert caches_from_url("locmem://", max_entries=50)["default"]["BACKEND"] == LOCAL


@pytest.mark.parametrize(
    "url", ["redis://cache:6379/0", "rediss://user:pw@cache:6380/2", "unix:///run/redis.sock"]
)
def test_a_redis_url_gives_a_shared_cache(url):
    default = caches_from_url(url, max_entries=50)["default"]
    assert (default["BACKEND"], default["LOCATION"]) == (REDIS, url)


@pytest.mark.parametrize("url", ["memcached://cache:11211", "cache:6379", "http://x"])
def test_an_unknown_cache_is_refused_with_a_clear_message(url):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_CACHE_URL .* redis://host:6379/0"):
        caches_from_url(url, max_entries=50)


def test_the_settings_read_the_environment():
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.CACHES['default']))"
    )
    environ = {k: v for k, v in os.environ.items() if k != "DJANGO_CACHE_URL"}
    environ.update(DJANGO_SETTINGS_MODULE="archive.settings", DJANGO_CACHE_URL="redis://c:1/2")
    out = subprocess.run(
        [sys.executable, "-c", code], env=environ, cwd=django_settings.BASE_DIR,
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert json.loads(out.stdout)["LOCATION"] == "redis://c:1/2"


@pytest.fixture
def redis_server():
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(TEST_REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip(f"no Redis server at {TEST_REDIS_URL} (set TEST_REDIS_URL)")
    client.flushdb()
    yield client
    client.flushdb()


@pytest.fixture
def shared_cache(settings, redis_server):
    settings.CACHES = caches_from_url(TEST_REDIS_URL, max_entries=50)
    return redis_server


@pytest.mark.django_db
def test_the_rate_limit_is_counted_on_the_shared_server(client, world, shared_cache, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"burst": "3/minute", "sustained": "1000/day"},
    }
    for _ in range(3):
        assert client.get("/api/terms/").status_code == 200
    assert client.get("/api/terms/").status_code == 429
    # Every worker reads these counts: the server holds them, not this process.
    keys = [key.decode() for key in shared_cache.keys("congress:*throttle_burst*")]
    assert len(keys) == 1


@pytest.mark.django_db
def test_public_pages_are_cached_on_the_shared_server(
    client, world, shared_cache, page_cache, django_assert_num_queries
):
    assert client.get("/chi-tieu/").status_code == 200
    assert shared_cache.keys("congress:*page:*")
    with django_assert_num_queries(1):  # the content version; the page from Redis
        response = client.get("/chi-tieu/")
    assert response.status_code == 200
