"""A throwaway PostgreSQL server (Debian's package) on a free loopback port, in a temp dir.

PostgreSQL refuses to run as root, and CI runs as root: then the server runs as the ``postgres``
system user of the Debian package (else ``nobody``) through ``runuser``. Trust authentication on
127.0.0.1 only; nothing outside the machine can reach it.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

BIN = Path(os.environ.get("SDG16_PG_BIN", "/usr/lib/postgresql/15/bin"))
SUPERUSER = "sdg16"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_user() -> tuple[list[str], str | None]:
    """The command prefix and owner for the server: nothing to change unless we are root."""
    if os.geteuid() != 0:
        return [], None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"], name
    raise RuntimeError("running as root and no unprivileged user (postgres, nobody) to run as")


@dataclass
class Server:
    root: Path
    port: int
    prefix: list[str]

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(
            [*self.prefix, str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.root, ignore_errors=True)


def start(port: int | None = None, durable: bool = False) -> Server:
    """initdb + pg_ctl start; ``durable=False`` turns fsync off (tests: speed over crash safety)."""
    if not (BIN / "initdb").exists():
        raise RuntimeError(f"PostgreSQL not found at {BIN}: apt-get install -y postgresql")
    prefix, owner = _as_user()
    root = Path(tempfile.mkdtemp(prefix="sdg16-pg-"))
    if owner:
        shutil.chown(root, owner)
    server = Server(root, port or free_port(), prefix)
    run = [*prefix, str(BIN / "initdb"), "-D", str(server.data), "-U", SUPERUSER]
    run += ["--auth=trust", "--no-locale", "--encoding=UTF8", "--no-sync"]
    subprocess.run(run, capture_output=True, check=True)
    options = f"-c listen_addresses=127.0.0.1 -p {server.port} -k {root}"
    options += "" if durable else " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    log = root / "server.log"
    started = subprocess.run(
        [
            *prefix,
            str(BIN / "pg_ctl"),
            "-D",
            str(server.data),
            "-o",
            options,
            "-l",
            str(log),
            "-w",
            "-t",
            "60",
            "start",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if started.returncode:
        detail = log.read_text()[-2000:] if log.exists() else started.stderr
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {detail}")
    return server
