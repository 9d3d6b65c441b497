#!/usr/bin/env bash
# Ingest benchmark: all of ../shared/corpus/news-dev into a fresh store.
# Prints documents per second (wall, on this machine's cores), CPU seconds,
# peak memory (RSS) and the store's size on disk. Needs /usr/bin/time (GNU).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/news-dev}
if [ -z "${ISNAD_BIN:-}" ]; then
  cargo build --release -q -p isnad
fi
bin=${ISNAD_BIN:-target/release/isnad}
store=$(mktemp -d)
trap 'rm -rf "$store"' EXIT
shift || true
/usr/bin/time -v "$bin" ingest --data "$store/data" --quiet --json "$@" "$corpus" >"$store/report.json" 2>"$store/time.txt"
python3 - "$store" <<'PY'
import json, os, re, sys
store = sys.argv[1]
report = json.load(open(os.path.join(store, "report.json")))
t = open(os.path.join(store, "time.txt")).read()
def field(name):
    return re.search(re.escape(name) + r": (.*)", t).group(1).strip()
wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
rss = int(field("Maximum resident set size (kbytes)")) / 1024
size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(store, "data")) for f in fs)
n = report["read"]
print(f"documents read      {n} ({report['new']} new, {report['unchanged']} unchanged, {report['revised']} revisions, "
      f"{report['duplicates']} near-duplicates, {report['new_stories']} stories, {len(report['failed'])} failed)")
print(f"wall time           {secs:.1f} s  ->  {n / secs:.0f} documents/s on {os.cpu_count()} cores")
print(f"CPU time            {cpu:.1f} s  ->  {n / cpu:.0f} documents/s per core")
print(f"peak memory (RSS)   {rss:.0f} MiB")
print(f"store on disk       {size / 1e6:.0f} MB")
PY
