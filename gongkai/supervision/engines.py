"""The workers of a folder check: a local process pool (the default) or a Dask cluster.

Both take the same file names and give the same `FileResult`s in the same order; only where
the reading happens differs. Dask workers receive each file's bytes, so a cluster needs no
shared filesystem: `scheduler` is the address of a running `dask scheduler` (tcp://host:8786);
without one a local cluster of `jobs` worker processes is started for the run.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed

from .reading import read_batch, read_bytes_batch, read_one
from .results import FileResult

BATCH = 4  # files per task at least: a small text report costs less than sending it
ENGINES = ("local", "dask")

Progress = Callable[[int], None]


def quiet(n: int) -> None:
    """No progress shown."""


class EngineError(Exception):
    """The cluster could not be reached or started: the message is for the user."""


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
    batches = list(_chunks(names, jobs))
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


def _chunks(names: list[str], workers: int) -> Iterator[list[str]]:
    """Largest files first, a chunk a task: about CHUNKS_PER_WORKER chunks per worker (so the
    scheduler handles hundreds of tasks, not one per file), at most CHUNK_FILES files (what a
    crashed worker loses) and CHUNK_BYTES (a task's message stays small; a larger file travels
    alone)."""
    order = sorted(names, key=lambda n: -_size(n))
    target = min(CHUNK_FILES, max(BATCH, -(-len(order) // (workers * CHUNKS_PER_WORKER))))
    chunk: list[str] = []
    weight = 0
    for name in order:
        size = _size(name)
        if chunk and (len(chunk) >= target or weight + size > CHUNK_BYTES):
            yield chunk
            chunk, weight = [], 0
        chunk.append(name)
        weight += size
    if chunk:
        yield chunk


def _size(name: str) -> int:
    try:
        return os.path.getsize(name)
    except OSError:
        return 0


CHUNKS_PER_WORKER = 8
CHUNK_FILES = 64
CHUNK_BYTES = 16 * 2**20
#: imported by each worker as it starts (`dask worker --preload …` on a cluster), not by the
#: first task: a fresh worker would otherwise spend its first seconds importing the readers
PRELOAD = ("gongkai.supervision.reading",)
IN_FLIGHT_PER_WORKER = 3  # chunks sent ahead per worker: the files' bytes are read as needed


def _connect(jobs: int, scheduler: str | None):
    """A client on `scheduler`, or on a local cluster of `jobs` processes started for the run."""
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler:
            return Client(scheduler, timeout="20s"), None
        cluster = LocalCluster(
            n_workers=jobs or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",
            silence_logs=logging.CRITICAL,  # the workers' goodbyes at close are not the user's
            preload=list(PRELOAD),
        )
        return Client(cluster), cluster
    except (OSError, TimeoutError) as e:
        if cluster is not None:
            cluster.close()
        raise EngineError(f"无法连接 Dask 调度器 {scheduler or '（本机集群）'}：{e}") from e


def _load(chunk: list[str], results: dict[str, FileResult]) -> list[tuple[str, bytes]]:
    files = []
    for n in chunk:
        try:
            with open(n, "rb") as f:
                files.append((n, f.read()))
        except OSError as e:
            results[n] = FileResult(n, error=f"无法打开文件：{e.strerror}")
    return files


def read_dask(
    names: list[str],
    jobs: int,
    scheduler: str | None = None,
    rules: Iterable[str] | None = None,
    progress: Progress = quiet,
) -> list[FileResult]:
    """The files read on a Dask cluster, a chunk per task. Only a few chunks per worker are in
    flight at once, so neither this process nor the scheduler holds every file's bytes."""
    from distributed import as_completed as done

    rules = None if rules is None else sorted(rules)
    client, cluster = _connect(jobs, scheduler)
    results: dict[str, FileResult] = {}
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs or 1)
        pending = _chunks(names, workers)
        sent: dict = {}
        running = done()

        def send() -> bool:
            for chunk in pending:
                files = _load(chunk, results)
                progress(len(chunk) - len(files))
                if files:
                    future = client.submit(read_bytes_batch, files, rules, pure=False)
                    sent[future] = [n for n, _ in files]
                    running.add(future)
                    return True
            return False

        for _ in range(workers * IN_FLIGHT_PER_WORKER):
            if not send():
                break
        for future in running:
            batch = sent.pop(future)
            try:
                results.update((r.path, r) for r in future.result())
            except Exception as e:  # noqa: BLE001 - one broken file must not stop the folder
                results.update(_crashed(batch, e))
            progress(len(batch))
            future.release()
            send()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return [results[n] for n in names]
