"""A PostgreSQL cluster of our own, for tests, CI and trying the site on PostgreSQL:
`python -m search.postgres_backend.cluster start DIR [--port N]` creates it (Debian's
`initdb`, trust authentication on 127.0.0.1 only) when DIR holds none, starts it and
prints its URL; `stop DIR` stops it. Run as root, the cluster belongs to the `postgres`
user (PostgreSQL refuses to run as root).
"""

from __future__ import annotations

import argparse
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
from pathlib import Path

DATABASE = "jixiao"


class ClusterError(Exception):
    """The cluster could not be made or started; the message says why."""


def binary(name: str) -> str:
    """The path of a PostgreSQL server program: on PATH, else Debian's newest version."""
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if not versions:
        raise ClusterError(
            f"{name} not found: install PostgreSQL (Debian: apt-get install postgresql)"
        )
    return versions[-1]


def available() -> bool:
    """Whether this machine can run a cluster (the server programs are installed)."""
    try:
        binary("initdb")
        binary("pg_ctl")
    except ClusterError:
        return False
    return True


def _as_owner() -> list[str]:
    """How to run a server program: as ourselves, or as `postgres` when we are root."""
    if os.geteuid() != 0:
        return []
    return [shutil.which("runuser") or "runuser", "-u", "postgres", "--"]


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(_as_owner() + command, capture_output=True, text=True)
    if done.returncode != 0:
        raise ClusterError(f"{what} failed: {(done.stderr or done.stdout).strip()}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def url(port: int) -> str:
    return f"postgresql://postgres@127.0.0.1:{port}/{DATABASE}"


def start(
    data_dir: Path,
    port: int | None = None,
    durable: bool = True,
    settings: dict[str, str] | None = None,
) -> str:
    """Create (if needed) and start the cluster in `data_dir`; returns its URL. A cluster
    that is already running there is left as it is and its URL returned (the README's
    command, run again in another shell, must not fail). A cluster that is not `durable`
    skips fsync: for tests, whose data may be lost. `settings`: server settings (name:
    value)."""
    data_dir = Path(data_dir).resolve()
    running = _running_port(data_dir)
    if running is not None:
        return url(running)
    port = port or free_port()
    if not (data_dir / "PG_VERSION").exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(data_dir, owner.pw_uid, owner.pw_gid)
        _run(
            [
                binary("initdb"),
                "-D",
                str(data_dir),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            "initdb",
        )
    options = f"-p {port} -k {data_dir} -c listen_addresses=127.0.0.1"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        options += " -c max_connections=300"  # many apps in one test session
    for name, value in (settings or {}).items():
        options += f" -c {name}={value}"
    _run(
        [
            binary("pg_ctl"),
            "-D",
            str(data_dir),
            "-l",
            str(data_dir / "server.log"),
            "-o",
            options,
            "-w",
            "start",
        ],
        "starting PostgreSQL",
    )
    if not _has_database(port):
        _run(
            [binary("createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", DATABASE],
            "createdb",
        )
    return url(port)


def _running_port(data_dir: Path) -> int | None:
    """The port of the server running on `data_dir`, if one is (`pg_ctl status`; the port
    is the fourth line of its postmaster.pid)."""
    pid_file = data_dir / "postmaster.pid"
    if not pid_file.exists():
        return None
    status = subprocess.run(
        [*_as_owner(), binary("pg_ctl"), "-D", str(data_dir), "status"], capture_output=True
    )
    if status.returncode != 0:
        return None
    lines = pid_file.read_text().splitlines()
    return int(lines[3]) if len(lines) > 3 and lines[3].strip().isdigit() else None


def _has_database(port: int) -> bool:
    done = subprocess.run(
        [
            binary("psql"),
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-U",
            "postgres",
            "-At",
            "-c",
            f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'",
        ],
        capture_output=True,
        text=True,
    )
    return done.stdout.strip() == "1"


def stop(data_dir: Path) -> None:
    _run(
        [binary("pg_ctl"), "-D", str(Path(data_dir).resolve()), "-m", "fast", "-w", "stop"],
        "stopping PostgreSQL",
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("start", "stop"))
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--not-durable", action="store_true", help="no fsync (tests only)")
    args = parser.parse_args(argv)
    try:
        if args.action == "start":
            print(start(args.data_dir, args.port, durable=not args.not_durable))
        else:
            stop(args.data_dir)
    except ClusterError as exc:
        sys.exit(f"error: {exc}")


if __name__ == "__main__":
    main()
