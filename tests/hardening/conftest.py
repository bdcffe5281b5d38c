import pytest

from .scratch import Scratch


@pytest.fixture(scope="session")
def scratch(tmp_path_factory):
    """Migrated scratch databases on the engine under test, dropped at the end."""
    databases = Scratch(tmp_path_factory.mktemp("scratch"))
    yield databases
    databases.drop_all()
