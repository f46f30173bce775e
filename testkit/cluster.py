"""nginx + N replicas + PostgreSQL on loopback, unprivileged, in temp folders.

``python -m testkit.cluster`` is ``make replicas`` (prints the URL, runs until Ctrl-C); the
replica test drives the same ``Cluster``. Each replica is ``deploy/start.sh``, the container's
own start script, with its port, ``SDG16_REPLICA`` name and the shared state URL.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from testkit import postgres

ROOT = Path(__file__).resolve().parent.parent
NGINX = os.environ.get("SDG16_NGINX", "/usr/sbin/nginx")


@dataclass
class Replica:
    name: str
    port: int
    proc: subprocess.Popen
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def rss_mb(self) -> float:
        """Resident memory of the replica's Streamlit process (start.sh execs into it)."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def kill(self) -> None:
        """SIGKILL: a crash, not a clean shutdown."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)


@dataclass
class Cluster:
    run: Path
    store: Path
    pg: postgres.Server
    state_url: str
    replicas: list[Replica] = field(default_factory=list)
    nginx: subprocess.Popen | None = None
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def access_log(self) -> Path:
        return self.run / "access.log"

    def env(self, name: str = "") -> dict[str, str]:
        return {
            **os.environ,
            "SDG16_DB": str(self.store),
            "SDG16_STATE_URL": self.state_url,
            "SDG16_REPLICA": name or "cli",
            # One secret for all replicas: Streamlit signs its XSRF and login cookies with it.
            "STREAMLIT_SERVER_COOKIE_SECRET": self.cookie_secret,
            "PYTHON": sys.executable,
        }

    cookie_secret: str = field(default_factory=lambda: secrets.token_hex(32))

    def start_replica(self, name: str, port: int) -> Replica:
        log = self.run / f"{name}.log"
        with log.open("w") as out:
            proc = subprocess.Popen(
                [str(ROOT / "deploy" / "start.sh")],
                cwd=ROOT,
                env={**self.env(name), "PORT": str(port), "ADDRESS": "127.0.0.1"},
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: kill() takes it all
            )
        replica = Replica(name, port, proc, log)
        self.replicas.append(replica)
        return replica

    def start_nginx(self, port: int) -> None:
        servers = "\n".join(
            f"        server 127.0.0.1:{r.port} max_fails=2 fail_timeout=5s;" for r in self.replicas
        )
        conf = (ROOT / "deploy" / "nginx.conf.template").read_text()
        conf = conf.replace("@RUN@", str(self.run)).replace("@LISTEN@", f"127.0.0.1:{port}")
        conf = conf.replace("@SERVERS@", servers)
        (self.run / "nginx.conf").write_text(conf)
        check = subprocess.run(
            [NGINX, "-t", "-q", "-c", str(self.run / "nginx.conf"), "-e", str(self.run / "e.log")],
            capture_output=True,
            text=True,
        )
        if check.returncode:
            raise RuntimeError(f"nginx config rejected: {check.stderr}")
        self.port = port
        self.nginx = subprocess.Popen(
            [
                NGINX,
                "-c",
                str(self.run / "nginx.conf"),
                "-e",
                str(self.run / "error.log"),
                "-g",
                "daemon off;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )

    def wait_healthy(self, timeout_s: float = 120) -> None:
        deadline = time.monotonic() + timeout_s
        for replica in self.replicas:
            while not _ok(f"{replica.url}/_stcore/health"):
                if replica.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{replica.name} did not start:\n{replica.log.read_text()}")
                time.sleep(0.25)
        while not _ok(f"{self.url}/lb-health"):
            if time.monotonic() > deadline:
                raise RuntimeError("nginx did not start")
            time.sleep(0.1)

    def stop(self) -> None:
        for replica in self.replicas:
            if replica.proc.poll() is None:
                os.killpg(replica.proc.pid, signal.SIGTERM)
                try:
                    replica.proc.wait(10)
                except subprocess.TimeoutExpired:
                    os.killpg(replica.proc.pid, signal.SIGKILL)
        if self.nginx and self.nginx.poll() is None:
            self.nginx.terminate()
            self.nginx.wait(10)
        self.pg.stop()
        shutil.rmtree(self.run, ignore_errors=True)


def _ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def start(store: Path, replicas: int = 2, port: int | None = None) -> Cluster:
    """PostgreSQL, then the replicas (which migrate the state schema), then nginx."""
    pg = postgres.start()
    try:
        cluster = Cluster(
            Path(tempfile.mkdtemp(prefix="sdg16-lb-")), store, pg, pg.create_database("sdg16")
        )
        for i in range(1, replicas + 1):
            cluster.start_replica(f"r{i}", postgres.free_port())
        cluster.start_nginx(port or postgres.free_port())
        cluster.wait_healthy()
    except BaseException:
        if "cluster" in locals():
            cluster.stop()
        else:
            pg.stop()
        raise
    return cluster


def main() -> None:
    """``make replicas``: serve the store at SDG16_DB through nginx until Ctrl-C."""
    from sdg16.core import settings

    store = settings.db_path()
    if not store.exists():
        sys.exit(f"No store at {store}: run `make data` (or python -m loaders sync) first")
    port = int(os.environ.get("SDG16_LB_PORT", "8500"))
    # Wait for Ctrl-C or a kill in sigwait below (blocked first, so both reach the cleanup).
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    print(f"starting PostgreSQL, 2 replicas and nginx for {store} ...", flush=True)
    cluster = start(store, port=port)
    print(f"state: {cluster.state_url}")
    for r in cluster.replicas:
        print(f"replica {r.name}: {r.url} (log {r.log})")
    print(f"\nopen {cluster.url}   (Ctrl-C stops everything)", flush=True)
    try:
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
