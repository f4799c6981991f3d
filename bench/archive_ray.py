"""The archive bench's Ray cluster: started on this machine as a user starts one (`ray start --head`), stopped whole.

The cluster's processes are a process group of their own, so stopping it stops every one of them (raylet, GCS,
agents, workers) and no other Ray on the machine; its folder is private, its ports are free ones, and it takes a
token of its own, which the batch's driver is given to join it.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path


def free_ports(count: int) -> list[int]:
    """Return ports free on this machine now, for the cluster's servers (another Ray may hold the defaults)."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for each in sockets:
            each.bind(("", 0))
        return [each.getsockname()[1] for each in sockets]
    finally:
        for each in sockets:
            each.close()


class LocalRay:
    """A Ray cluster on this machine, started as a user does (`ray start --head`) and stopped whole."""

    def __init__(self, cpus: int) -> None:
        self.cpus, self.group, self.address = cpus, 0, ""
        self.folder = Path(tempfile.mkdtemp(prefix="ebr-", dir="/tmp"))  # Short: Ray's socket paths are limited.
        self.auth = {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32), "RAY_TMPDIR": str(self.folder)}

    def __enter__(self) -> LocalRay:
        port, *others = free_ports(7)
        names = ("ray-client-server", "dashboard", "dashboard-agent-listen", "dashboard-agent-grpc", "metrics-export")
        ports = [f"--{name}-port={number}" for name, number in zip((*names, "runtime-env-agent"), others, strict=True)]
        command = [str(Path(sys.executable).with_name("ray")), "start", "--head", f"--port={port}", *ports]
        command += [f"--num-cpus={self.cpus}", f"--temp-dir={self.folder}", "--include-dashboard=false"]
        command += ["--disable-usage-stats", "--log-style=record"]
        log = self.folder / "start.log"
        try:
            with log.open("wb") as out:
                starter = subprocess.Popen(
                    command, stdout=out, stderr=out, env={**os.environ, **self.auth}, start_new_session=True
                )
                self.group = starter.pid  # Its session's group: every process the cluster starts stays in it.
                code = starter.wait()
            if code:
                raise SystemExit(f"bench: ray start failed ({code}): {log.read_text(errors='replace')[-800:]}")
            self.address = f"{node_address(log)}:{port}"
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exception) -> None:
        self.stop()

    def members(self) -> list:
        """Return the cluster's processes: its group's, and the workers under them (each in a group of its own)."""
        import psutil

        found = {}
        for process in psutil.process_iter():
            try:
                if process.pid != os.getpid() and os.getpgid(process.pid) == self.group:
                    found[process.pid] = process
                    found.update((child.pid, child) for child in process.children(recursive=True))
            except (OSError, psutil.Error):
                continue
        return list(found.values())

    def workers(self, _driver: int = 0) -> list[int]:
        """Return the cluster's worker processes (Ray names them `ray::IDLE`, `ray::build_work`...)."""
        import psutil

        found = []
        for process in self.members():
            try:
                name = (process.cmdline() or [""])[0]
            except psutil.Error:
                continue
            if name.startswith("ray::") and not name.endswith("Agent"):
                found.append(process.pid)
        return found

    def stop(self) -> None:
        """Stop every process of the cluster (SIGTERM, then SIGKILL), then remove its folder."""
        import psutil

        known: dict = {}  # Found before the signals: a worker whose raylet died first is in no group of ours.
        for sign in (signal.SIGTERM, signal.SIGKILL):
            known.update((process.pid, process) for process in (self.members() if self.group else []))
            left = [process for process in known.values() if process.is_running()]
            for process in left:
                try:
                    process.send_signal(sign)
                except psutil.Error:
                    continue
            psutil.wait_procs(left, timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


def node_address(log: Path) -> str:
    """Return the head's address as `ray start` printed it (`Local node IP: ...`)."""
    for line in log.read_text(errors="replace").splitlines():
        if "Local node IP:" in line:
            return line.rsplit(":", 1)[1].strip()
    return "127.0.0.1"
