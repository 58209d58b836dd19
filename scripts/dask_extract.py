#!/usr/bin/python3
"""Extract a corpus on a Dask cluster, then build the graph from the results.

(Run by /usr/bin/python3: Debian's python3-distributed is installed for it.)

Extraction is most of a build and needs one document at a time: it runs as
tasks on a Dask cluster (Debian's python3-distributed), one task per shard of
the corpus, each `entente extract INPUTS --shard K/N -o RESULTS` (shards are
runs of about --shard-mb megabytes of input files, in reading order). Then
`entente build --from` reads every shard's results here and writes the
outputs: the same bytes as one `entente build INPUTS` (docs/SCALING.md).

  # on this machine, a LocalCluster of 2 worker processes:
  scripts/dask_extract.py articles -o out --workers 2
  # on a running cluster (see README, "Beyond one machine"):
  scripts/dask_extract.py /shared/corpus -o out --scheduler tcp://10.0.0.1:8786 \\
      --work /shared/entente-work --entente /opt/entente/bin/entente -f ttl,gexf --report

The workers run the `entente` given by --entente and read the inputs at the
same paths as here: on several machines, both live on a shared file system.
Results come back as files in --work (shared by the workers and this machine),
or through the scheduler with --through-scheduler (no shared folder needed;
for corpora whose results fit in the scheduler's memory).

A task that fails is retried once (on any worker); a shard that fails twice is
reported with its files' command line, the others' results are kept in --work,
and no output is written (exit 1): run that command (or this script with
--reuse) once the cause is fixed. Options this script does not know (-f,
--report, --base, --no-evidence, --index, --strict, --json) go to the build.
"""
import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def corpus_bytes(inputs):
    """The bytes of the input files (folders walked, hidden entries left): what sizes the shards."""
    total = 0
    for item in inputs:
        if item == "-":
            continue
        if os.path.isdir(item):
            for root, dirs, files in os.walk(item):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                total += sum(os.path.getsize(os.path.join(root, f)) for f in files
                             if not f.startswith(".") and os.path.isfile(os.path.join(root, f)))
        elif os.path.isfile(item):
            total += os.path.getsize(item)
    return total


def shard_name(k, n):
    return f"shard-{k:05d}-of-{n:05d}.results"


def extract_shard(entente, inputs, extract_options, k, n, work, through_scheduler):
    """One task, on a worker: extracts shard k of n. Returns (k, results path or bytes, warnings)."""
    made = not work  # results go back through the scheduler: a scratch folder of the worker's
    work = Path(work) if work else Path(tempfile.mkdtemp(prefix="entente-shard-"))
    out = work / shard_name(k, n)
    command = [entente, "extract", *inputs, *extract_options, "--shard", f"{k}/{n}", "-o", str(out), "-q"]
    run = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # Exit 1 with a results file: an input was bad, the others were extracted (warnings say which).
        if not out.is_file():
            raise RuntimeError(f"entente extract exited with status {run.returncode}: {run.stderr.strip()[-2000:]}")
        if through_scheduler:
            return k, out.read_bytes(), run.stderr
    finally:
        if made:
            shutil.rmtree(work, ignore_errors=True)
    return k, str(out), run.stderr


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__[__doc__.index("\n\n") + 2:],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="articles: files and folders, as for entente build")
    parser.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="the build's output folder")
    parser.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                        help="a running Dask scheduler (default: a LocalCluster on this machine)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="LocalCluster only: worker processes (default: one per core)")
    parser.add_argument("--shard-mb", type=float, default=64.0,
                        help="about this many megabytes of input files per task (default 64; a file is never cut)")
    parser.add_argument("--work", metavar="DIR",
                        help="where the shards' results go, seen by every worker and this machine "
                             "(default: a new folder beside OUTDIR, removed after a successful build)")
    parser.add_argument("--through-scheduler", action="store_true",
                        help="send results back through the scheduler instead of a shared folder")
    parser.add_argument("--reuse", action="store_true",
                        help="keep shards whose results are already in --work (from a run that stopped)")
    parser.add_argument("--entente", default=None,
                        help="the entente program the workers run (default: entente on PATH, else build/app/entente)")
    parser.add_argument("--lang", help="as for entente extract")
    parser.add_argument("--field", action="append", default=[], help="as for entente extract; may be repeated")
    args, build_options = parser.parse_known_args()

    here = Path(__file__).resolve().parent.parent
    entente = args.entente or shutil.which("entente") or str(here / "build" / "app" / "entente")
    entente = str(Path(entente).resolve())
    if not os.access(entente, os.X_OK):
        sys.exit(f"dask_extract: {entente}: not an executable entente (--entente)")
    if "-" in args.inputs:
        sys.exit("dask_extract: standard input (-) cannot be read by workers: give files or folders")
    for item in args.inputs:
        if not os.path.exists(item):
            sys.exit(f"dask_extract: {item}: no such file or directory")
    inputs = [os.path.abspath(i) for i in args.inputs]  # workers do not share this process's folder
    extract_options = []
    if args.lang:
        extract_options += ["--lang", args.lang]
    for f in args.field:
        extract_options += ["--field", f]

    total = corpus_bytes(inputs)
    shards = max(1, math.ceil(total / (args.shard_mb * 1e6)))
    outdir = Path(args.output).resolve()
    made_work = args.work is None
    work = Path(args.work).resolve() if args.work else outdir.parent / f".{outdir.name}.dask-{os.getpid()}"
    work.mkdir(parents=True, exist_ok=True)

    from dask.distributed import Client, LocalCluster, as_completed  # Debian: python3-distributed

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    where = args.scheduler or f"a LocalCluster of {args.workers} worker processes"
    print(f"dask_extract: {total} bytes in {shards} shard(s) of about {args.shard_mb:g} MB on {where}",
          file=sys.stderr)

    results = {}
    futures = {}
    for k in range(1, shards + 1):
        done = work / shard_name(k, shards)
        if args.reuse and done.is_file():
            results[k] = done
            continue
        futures[client.submit(extract_shard, entente, inputs, extract_options, k, shards,
                              None if args.through_scheduler else str(work), args.through_scheduler,
                              key=f"entente-extract-{k}-of-{shards}-{os.getpid()}", retries=1, pure=False)] = k
    failed = {}
    for future in as_completed(list(futures)):
        k = futures[future]
        try:
            _, got, warnings = future.result()
        except Exception as error:  # the task failed twice: its message, then go on with the others
            failed[k] = str(error)
            print(f"dask_extract: shard {k}/{shards} failed twice: {error}", file=sys.stderr)
            continue
        if warnings.strip():
            sys.stderr.write(warnings)
        if args.through_scheduler:
            path = work / shard_name(k, shards)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(got)
            tmp.replace(path)
            results[k] = path
        else:
            results[k] = Path(got)
        print(f"dask_extract: shard {k}/{shards} extracted ({len(results)}/{shards})", file=sys.stderr)
    client.close()
    if cluster is not None:
        cluster.close()

    if failed:
        print(f"dask_extract: {len(failed)} of {shards} shard(s) failed; the results of the "
              f"{len(results)} others are kept in {work}. Once the cause is fixed, extract each failed one:",
              file=sys.stderr)
        for k in sorted(failed):
            line = " ".join([entente, "extract", *inputs, *extract_options, "--shard", f"{k}/{shards}",
                             "-o", str(work / shard_name(k, shards))])
            print(f"  {line}", file=sys.stderr)
        print(f"then run this script again with --work {work} --reuse. Nothing was written to {outdir}.",
              file=sys.stderr)
        return 1

    build = [entente, "build", "--from", *[str(results[k]) for k in sorted(results)], "-o", str(outdir),
             *build_options]
    status = subprocess.run(build).returncode
    if status == 0 and made_work:
        shutil.rmtree(work, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
