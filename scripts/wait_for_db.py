"""Exit 0 when the PostgreSQL at the given URL accepts connections, 1 otherwise.

On a machine with a local cluster that is down (pg_ctlcluster present), it is started once.
"""

import shutil
import subprocess
import sys
import time

import dj_database_url
import psycopg2


def reachable(url: str) -> bool:
    cfg = dj_database_url.parse(url)
    try:
        psycopg2.connect(
            dbname="postgres",
            user=cfg["USER"] or None,
            password=cfg["PASSWORD"] or None,
            host=cfg["HOST"] or None,
            port=cfg["PORT"] or None,
            connect_timeout=3,
        ).close()
        return True
    except psycopg2.OperationalError:
        return False


def main(url: str) -> int:
    if reachable(url):
        return 0
    if shutil.which("pg_ctlcluster") and shutil.which("pg_lsclusters"):
        for line in subprocess.run(
            ["pg_lsclusters", "-h"], capture_output=True, text=True
        ).stdout.splitlines():
            version, name = line.split()[:2]
            subprocess.run(
                ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start"], check=False
            )
        for _ in range(20):
            if reachable(url):
                return 0
            time.sleep(0.5)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
