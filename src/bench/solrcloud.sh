#!/usr/bin/env bash
# The same corpus and query mix on the local engine, on a 1-node and on a 2-node SolrCloud (issue 17): full index
# time, then `serve` warmed and loaded with wrk at 16 clients and at one. On one machine every engine shares the same
# two cores, so the throughput figures compare, they do not predict a cluster. Prints BENCH lines; asserts nothing.
#
#   src/bench/solrcloud.sh /tmp/peers/corpus-20k /tmp/peers/queries.jsonl
#
# Needs wrk, the peers kit's urls.lua and mkurls.py (SCRIPTS, default /tmp/peers-kit/scripts), and the test cluster's
# class path (src/test/solrcloud/pom.xml, resolved by Maven as the tests resolve it).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
corpus=${1:?corpus folder}
mix=${2:?query mix jsonl}
scripts=${SCRIPTS:-/tmp/peers-kit/scripts}
secs=${SECS:-20}
jdk="$("$here/src/scripts/find-jdk")"
java="$jdk/bin/java"
jar="${JAR:-$here/target/sitesearch.jar}"
config="$here/src/test/resources/bench/sitesearch.yml"
work=$(mktemp -d /tmp/sitesearch-solrbench.XXXXXX)
[ -f "$jar" ] || (cd "$here" && JAVA_HOME="$jdk" mvn -B -q -DskipTests package)
python3 "$scripts/mkurls.py" "$mix" product > "$work/urls.txt"
JAVA_HOME="$jdk" mvn -B -q -o -f "$here/src/test/solrcloud/pom.xml" dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1 ||
  JAVA_HOME="$jdk" mvn -B -q -f "$here/src/test/solrcloud/pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$work/cp.txt" >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# serve_and_load NAME: starts `serve` with the engine in the environment, warms it, loads it, stops it.
serve_and_load() {
  local name=$1 port pid
  port=$(free_port)
  "$java" -Xms2g -Xmx2g -jar "$jar" serve --content "$corpus" --index "$work/index-$name" --config "$config" \
    --port "$port" --host 127.0.0.1 >"$work/serve-$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/api/health/ready" >/dev/null && break
    kill -0 "$pid" 2>/dev/null || { echo "BENCH solrcloud.serve engine=$name failed: see $work/serve-$name.log"; return; }
    sleep 0.5
  done
  wrk -t1 -c16 -d30s --timeout 5s -s "$scripts/urls.lua" "http://127.0.0.1:$port" -- "$work/urls.txt" >/dev/null 2>&1
  for c in 16 1; do
    r=$(wrk -t1 -c$c -d"${secs}s" --timeout 5s --latency -s "$scripts/urls.lua" "http://127.0.0.1:$port" -- \
      "$work/urls.txt" 2>&1 | grep '^RESULT' || true)
    echo "BENCH solrcloud.serve engine=$name clients=$c ${r#RESULT }"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

# index_timed NAME: a full index with the engine in the environment.
index_timed() {
  local name=$1 start secs_taken
  start=$(date +%s.%N)
  "$java" -jar "$jar" index --content "$corpus" --index "$work/index-$name" --config "$config" --full \
    >"$work/index-$name.log" 2>&1
  secs_taken=$(python3 -c "print(round($(date +%s.%N) - $start, 1))")
  echo "BENCH solrcloud.index engine=$name seconds=$secs_taken $(tail -1 "$work/index-$name.log")"
}

index_timed local
serve_and_load local

for nodes in 1 2; do
  fifo="$work/cluster-$nodes.in"
  mkfifo "$fifo"
  "$java" -Xmx2g -Dsolr.log.dir="$work/solr-logs-$nodes" -cp "$(cat "$work/cp.txt")" \
    "$here/src/test/solrcloud/SolrCloudLauncher.java" "$nodes" "$work/cluster-$nodes" \
    <"$fifo" >"$work/cluster-$nodes.out" 2>"$work/cluster-$nodes.err" &
  cluster=$!
  exec 9>"$fifo" # holds the launcher's input open; closing it stops the cluster
  for _ in $(seq 1 240); do grep -q 'SOLRCLOUD ready' "$work/cluster-$nodes.out" && break; sleep 0.5; done
  urls=$(sed -n 's/^SOLRCLOUD node [0-9]* //p' "$work/cluster-$nodes.out" | paste -sd, -)
  export SITESEARCH_ENGINE_TYPE=solrcloud SITESEARCH_ENGINE_SOLR_URLS="[$urls]" \
    SITESEARCH_ENGINE_COLLECTION=bench SITESEARCH_ENGINE_SHARDS=$nodes SITESEARCH_ENGINE_REPLICATION_FACTOR=1
  index_timed "solrcloud-$nodes-node"
  serve_and_load "solrcloud-$nodes-node"
  unset SITESEARCH_ENGINE_TYPE SITESEARCH_ENGINE_SOLR_URLS SITESEARCH_ENGINE_COLLECTION SITESEARCH_ENGINE_SHARDS \
    SITESEARCH_ENGINE_REPLICATION_FACTOR
  exec 9>&-
  wait "$cluster" 2>/dev/null || true
done
echo "logs: $work"
