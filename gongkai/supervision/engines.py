"""The workers of a folder check: a local process pool (the default) or a Dask cluster.

Both take the same file names and give the same `FileResult`s in the same order; only where
the reading happens differs. Dask workers receive each file's bytes, so a cluster needs no
shared filesystem: `scheduler` is the address of a running `dask scheduler` (tcp://host:8786);
without one a local cluster of `jobs` worker processes is started for the run.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed

from .reading import read_batch, read_bytes_batch, read_one
from .results import FileResult

BATCH = 4  # files per task
ENGINES = ("local", "dask")

Progress = Callable[[int], None]


def quiet(n: int) -> None:
    """No progress shown."""


class EngineError(Exception):
    """The cluster could not be reached or started: the message is for the user."""


def _batches(names: list[str]) -> list[list[str]]:
    """Largest files first, in small batches: the slow PDFs spread over the workers."""
    order = sorted(names, key=lambda n: -os.path.getsize(n))
    return [order[i : i + BATCH] for i in range(0, len(order), BATCH)]


def _crashed(batch: list[str], e: BaseException) -> dict[str, FileResult]:
    """A crashed worker loses its files, not the run."""
    why = f"读取进程异常退出：{type(e).__name__}: {e}"
    return {n: FileResult(n, error=why) for n in batch}


def read_local(
    names: list[str], jobs: int, rules: Iterable[str] | None = None, progress: Progress = quiet
) -> list[FileResult]:
    rules = None if rules is None else sorted(rules)
    jobs = jobs or os.cpu_count() or 1
    results: dict[str, FileResult] = {}
    if jobs == 1 or len(names) <= 1:
        for name in names:
            results[name] = read_one(name, rules)
            progress(1)
        return [results[n] for n in names]
    batches = _batches(names)
    with ProcessPoolExecutor(max_workers=min(jobs, len(names))) as pool:
        futures = {pool.submit(read_batch, b, rules): b for b in batches}
        for future in as_completed(futures):
            batch = futures[future]
            try:
                results.update((r.path, r) for r in future.result())
            except Exception as e:  # noqa: BLE001 - one broken file must not stop the folder
                results.update(_crashed(batch, e))
            progress(len(batch))
    return [results[n] for n in names]


def read_dask(
    names: list[str],
    jobs: int,
    scheduler: str | None = None,
    rules: Iterable[str] | None = None,
    progress: Progress = quiet,
) -> list[FileResult]:
    from distributed import Client, LocalCluster
    from distributed import as_completed as done

    rules = None if rules is None else sorted(rules)
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            cluster = LocalCluster(
                n_workers=jobs or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
    except (OSError, TimeoutError) as e:
        if cluster is not None:
            cluster.close()
        raise EngineError(f"无法连接 Dask 调度器 {scheduler or '（本机集群）'}：{e}") from e
    results: dict[str, FileResult] = {}
    try:
        futures = {}
        for batch in _batches(names):
            files = []
            for n in batch:
                try:
                    with open(n, "rb") as f:
                        files.append((n, f.read()))
                except OSError as e:
                    results[n] = FileResult(n, error=f"无法打开文件：{e.strerror}")
            batch = [n for n, _ in files]
            if batch:
                futures[client.submit(read_bytes_batch, files, rules, pure=False)] = batch
        for future in done(futures):
            batch = futures[future]
            try:
                results.update((r.path, r) for r in future.result())
            except Exception as e:  # noqa: BLE001 - one broken file must not stop the folder
                results.update(_crashed(batch, e))
            progress(len(batch))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return [results[n] for n in names]
