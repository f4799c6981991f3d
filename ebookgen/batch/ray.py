"""The Ray engine (``pip install 'ebookgen[ray]'``): each work a Ray task, retried when its worker or node dies.

Without an address it starts a Ray instance on this machine and stops it at the end; ``auto`` joins the cluster
this machine belongs to (``ray start``), ``ray://host:port`` joins one through Ray Client. Every node reads the
sources and writes OUTDIR at the same paths (a shared file system), and needs ebookgen installed. A retried task
writes its outputs again under temporary names, each renamed over the same bytes; only the driver writes rows.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from ebookgen.batch.local import WORKS_PER_WORKER, Builder, worker_count
from ebookgen.batch.plan import Planned
from ebookgen.batch.task import Outcome, build_work
from ebookgen.errors import ConfigError

RETRIES = 3  # Ray builds a work again this many times when the process or node running it dies.


def ray_outcomes(
    works: list[Planned], jobs: int | None = None, address: str | None = None, builder: Builder = build_work
) -> Iterator[Outcome]:
    """Build the works as Ray tasks; yield each work's outcome as it finishes."""
    ray = import_ray()
    start_ray(ray, address, jobs)
    try:
        task = ray.remote(max_retries=RETRIES, retry_exceptions=False, num_cpus=1, max_calls=WORKS_PER_WORKER)(builder)
        window = 2 * int(ray.cluster_resources().get("CPU", worker_count(jobs)))
        yield from run_tasks(ray, task, list(works), window)
    finally:
        ray.shutdown()


def import_ray():
    """Import Ray, or say how to install it."""
    try:
        import ray
    except ImportError:
        raise ConfigError("--engine ray needs Ray: pip install 'ebookgen[ray]'") from None
    return ray


def start_ray(ray, address: str | None, jobs: int | None) -> None:
    """Start a Ray instance on this machine (no address) or join the cluster at the address."""
    quiet = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR}
    try:
        if address:
            ray.init(address=address, **quiet)
        else:
            ray.init(address="local", num_cpus=worker_count(jobs), **quiet)
    except (ConnectionError, ValueError, RuntimeError) as error:
        where = address or "this machine"
        raise ConfigError(f"--address {where}: cannot start or join Ray ({str(error).splitlines()[0]})") from None


def run_tasks(ray, task, waiting: list[Planned], window: int) -> Iterator[Outcome]:
    """Keep the cluster fed from the waiting works, a window at a time; yield outcomes as they come back."""
    waiting.reverse()
    running: dict = {}
    while waiting or running:
        while waiting and len(running) < window:
            planned = waiting.pop()
            running[task.remote(planned)] = planned
        finished, _ = ray.wait(list(running), num_returns=1)
        for ref in finished:
            planned = running.pop(ref)
            try:
                yield ray.get(ref)
            except ray.exceptions.RayError as error:  # Retries spent: its workers or nodes kept dying.
                reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
                yield Outcome(planned.index, error=f"{planned.work.source}: Ray gave up on it: {reason}")
