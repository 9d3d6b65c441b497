#!/usr/bin/env bash
# Behaviour check for refactors: extracts a fixed sample (the seed and dev
# articles and the first N records of each news-dev outlet) and compares the
# records with a baseline taken before the change.
#
#   scripts/regress.sh baseline [OUT_DIR]   # with the binary at ISNAD_BIN (default target/release/isnad)
#   scripts/regress.sh compare  [OUT_DIR]   # same sample with the current binary; prints differing records
#
# Needs ../shared beside the checkout. N defaults to 150 (REGRESS_N).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?usage: regress.sh baseline|compare [OUT_DIR]}
out=${2:-target/regress}
bin=${ISNAD_BIN:-target/release/isnad}
n=${REGRESS_N:-150}
shared=../shared
[ -d "$shared/corpus" ] || { echo "regress.sh: needs ../shared beside the checkout" >&2; exit 2; }
mkdir -p "$out"
sample="$out/sample.jsonl"
if [ ! -s "$sample" ]; then
  cat "$shared/corpus/dev/articles.jsonl" >"$sample"
  for f in "$shared"/corpus/news-dev/*.jsonl; do head -n "$n" "$f" >>"$sample"; done
fi
run() {
  "$bin" extract --format jsonl "$sample" "$shared/corpus/seeds" 2>/dev/null \
    | python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    d.pop("raw", None); d.pop("offset_map", None)
    print(json.dumps(d, ensure_ascii=False, sort_keys=True))
' | sort
}
case "$mode" in
  baseline) run >"$out/baseline.jsonl"; wc -l "$out/baseline.jsonl" ;;
  compare)
    run >"$out/current.jsonl"
    python3 - "$out/baseline.jsonl" "$out/current.jsonl" <<'PY'
import json, sys
def load(p):
    out = {}
    for line in open(p):
        d = json.loads(line)
        # The sample lives in OUT_DIR: compare sources without their directory.
        if "source" in d:
            d["source"] = d["source"].rsplit("/", 1)[-1]
        out[d.get("record_id") or d["source"]] = d
    return out
a, b = load(sys.argv[1]), load(sys.argv[2])
diff = 0
for k in sorted(set(a) | set(b)):
    if a.get(k) != b.get(k):
        diff += 1
        if diff <= 20:
            da, db = a.get(k) or {}, b.get(k) or {}
            keys = sorted(x for x in set(da) | set(db) if da.get(x) != db.get(x))
            print(f"{k}: differs in {', '.join(keys)}")
print(f"{len(b)} records, {diff} differ from the baseline")
sys.exit(1 if diff else 0)
PY
    ;;
  *) echo "usage: regress.sh baseline|compare [OUT_DIR]" >&2; exit 2 ;;
esac
