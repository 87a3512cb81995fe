#!/usr/bin/env bash
# Memory and index size at a given size of the bench corpus (issue 13): the full index's peak RSS,
# then `serve` after a run of the query mix: heap in use after a full GC, heap committed, RSS,
# and the index's size per 1,000 pages. Prints BENCH lines; asserts nothing.
#
#   src/bench/memory.sh 1000000 [/tmp/bench-1m] [queries-to-run]
#
# The corpus is generated with ../shared/bench/gen.py (seed 42) when the folder is missing
# (1M pages: ~4.4 GB of Markdown, ~4 min); the index goes to <folder>-index. JVM settings are the
# shipped defaults (no -Xmx: the JVM's own quarter of the machine's memory), as a site would run it.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
pages=${1:?pages}
corpus=${2:-/tmp/bench-$pages}
queries=${3:-2000}
shared=${SHARED:-$here/../shared}
java="$("$here/src/scripts/find-jdk")/bin/java"
jar="${JAR:-$here/target/sitesearch.jar}"  # JAR=... measures a copy while the tree is rebuilt
config="$here/src/test/resources/bench/sitesearch.yml"
index="$corpus-index"
[ -f "$jar" ] || (cd "$here" && JAVA_HOME="$("$here/src/scripts/find-jdk")" mvn -B -q -DskipTests package)
[ -d "$corpus" ] || python3 "$shared/bench/gen.py" --docs "$pages" --out "$corpus" --seed 42
mix="$corpus.queries.jsonl"
[ -f "$mix" ] || python3 "$shared/bench/gen.py" --queries 5000 --out "$mix" --seed 42

rm -rf "$index"
start=$(date +%s.%N)
/usr/bin/time -f 'TIME_MAXRSS_KB=%M' -o "$index.time" \
  "$java" -jar "$jar" index --content "$corpus" --index "$index" --config "$config" --full >"$index.log" 2>&1
secs=$(python3 -c "print(round($(date +%s.%N) - $start, 1))")
rss=$(sed -n 's/^TIME_MAXRSS_KB=//p' "$index.time")
bytes=$(du -sb "$index" | cut -f1)
md=$(du -sb "$corpus" | cut -f1)
echo "BENCH memory.index pages=$pages seconds=$secs pages_per_s=$(python3 -c "print(round($pages/$secs))") peak_rss_mb=$((rss / 1024)) index_mb=$((bytes / 1048576)) markdown_mb=$((md / 1048576)) index_mb_per_1000_pages=$(python3 -c "print(round($bytes/1048576/($pages/1000), 2))")"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$java" -jar "$jar" serve --content "$corpus" --index "$index" --config "$config" --port "$port" --host 127.0.0.1 >"$index.serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/api/health/ready" >/dev/null && break; sleep 0.5; done
python3 - "$mix" "$port" "$queries" <<'PY'
import json, sys, urllib.parse, urllib.request
mix, port, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = [json.loads(l) for l in open(mix) if l.strip()][:n]
for r in lines:
    p = [("q", r["q"])] + [("f." + d, v) for d, vs in r.get("filters", {}).items() for v in vs]
    p += [("facets", ",".join(r.get("facets", []))), ("sort", "newest" if r.get("sort") == "date" else "relevance")]
    urllib.request.urlopen("http://127.0.0.1:%s/api/search?%s" % (port, urllib.parse.urlencode(p))).read()
PY
jcmd="$(dirname "$java")/jcmd"
"$jcmd" "$pid" GC.run >/dev/null
heap=$("$jcmd" "$pid" GC.heap_info | python3 -c '
import re, sys
t = sys.stdin.read()
m = re.search(r"committed (\d+)K, used (\d+)K", t)
print("heap_used_mb=%d heap_committed_mb=%d" % (int(m.group(2)) // 1024, int(m.group(1)) // 1024))')
srss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
echo "BENCH memory.serve pages=$pages queries=$queries $heap rss_mb=$srss"
