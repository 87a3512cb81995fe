#!/usr/bin/env bash
# Builds the self-contained distribution from target/sitesearch.jar (run by `mvn -Pdist package`):
#   target/sitesearch-VERSION-linux-x64.tar.gz  =  sitesearch-VERSION/{bin/sitesearch, lib/sitesearch.jar,
#   lib/sitesearch.jsa (class-data archive), lib/sitesearch-serve.aot (JDK 25+), runtime/ (jlinked JDK), systemd/sitesearch.service, README.txt}
set -euo pipefail
version=$1
project=$(cd "$(dirname "$0")/../.." && pwd)
jdk=${JAVA_HOME:?JAVA_HOME must name a JDK 21+ with jlink}
name=sitesearch-$version
out=$project/target/dist/$name
rm -rf "$project/target/dist" && mkdir -p "$out/lib"
cp "$project/target/sitesearch.jar" "$out/lib/"
cp -r "$project/src/dist/bin" "$project/src/dist/systemd" "$out/"
# The modules the jar uses (jdeps over the shaded jar, and what Jackson, Logback, Jetty and Micrometer reach by
# reflection: java.desktop for java.beans, java.sql for Jackson's date types, jdk.management for GC metrics,
# jdk.unsupported for signals), plus jdk.jfr for profiling in production.
modules=java.base,java.logging,java.management,jdk.management,java.naming,java.sql,java.xml,java.desktop,\
jdk.unsupported,java.instrument,jdk.jfr
"$jdk/bin/jlink" --add-modules "$modules" --output "$out/runtime" --strip-debug --no-man-pages \
  --no-header-files --compress=zip-6 --generate-cds-archive
# The class-data archive: the classes a search loads, recorded from a run over the bundled site.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$out/runtime/bin/java" -jar "$out/lib/sitesearch.jar" index --content "$project/content" --index "$work/index" \
  > /dev/null 2>&1
"$out/runtime/bin/java" -XX:ArchiveClassesAtExit="$out/lib/sitesearch.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar "$out/lib/sitesearch.jar" search care --content "$project/content" --index "$work/index" > /dev/null
test -s "$out/lib/sitesearch.jsa" || { echo "make-dist: no class-data archive was written" >&2; exit 1; }
# On JDK 25+, `serve` starts from an AOT cache (classes loaded and linked, method profiles) recorded from a server
# over the bundled site that answers a few requests; the JVM writes it as that server stops.
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$out/runtime/release")
if [ "${major:-0}" -ge 25 ]; then
  "$out/runtime/bin/java" -XX:AOTCacheOutput="$out/lib/sitesearch-serve.aot" -Xlog:aot*=off,cds*=off \
    -jar "$out/lib/sitesearch.jar" serve --content "$project/content" --index "$work/index" --host 127.0.0.1 \
    --port 0 > "$work/serve.log" 2>&1 &
  pid=$!
  url=""
  for _ in $(seq 1 300); do
    url=$(sed -n 's|.*serving [0-9]* pages at \(http://[^ ]*/\).*|\1|p' "$work/serve.log")
    [ -n "$url" ] && break
    sleep 0.1
  done
  if [ -n "$url" ] && command -v curl > /dev/null; then
    for path in "api/search?q=care&facets=communityTopics,searchCategory,tags" "api/search?q=caer" \
      "api/suggest?q=ca" "api/facets/tags" "" "api/health"; do
      for _ in 1 2 3; do curl -s -o /dev/null "$url$path" || true; done
    done
  fi
  kill -TERM "$pid" 2> /dev/null || true
  wait "$pid" || true
  test -s "$out/lib/sitesearch-serve.aot" || { echo "make-dist: no AOT cache was written" >&2; cat "$work/serve.log" >&2; exit 1; }
fi
cat > "$out/README.txt" <<TXT
sitesearch $version: full-text search for Hugo-style content sites, with its own Java runtime.

  bin/sitesearch serve --content /path/to/site/content --index /path/to/index
  bin/sitesearch --help

Settings: sitesearch.yml beside the content, or SITESEARCH_* variables (sitesearch config prints them).
As a service: systemd/sitesearch.service (how to install it is at its top).
TXT
tar -C "$project/target/dist" -czf "$project/target/$name-linux-x64.tar.gz" "$name"
echo "distribution: target/$name-linux-x64.tar.gz ($(du -sh "$project/target/$name-linux-x64.tar.gz" | cut -f1));" \
  "runtime $(du -sh "$out/runtime" | cut -f1)"
