#!/usr/bin/env bash
# Runs third-party test suites and workloads plain and under the agent, and prints the comparison
# (see docs/transparency.md).
#
#   bash samples/thirdparty/run.sh [--timeout-minutes N] [suite ...]
#
# Suites: collections4, lang3-concurrent, pool2, h2-bank, hsqldb-bank, pool2-workload; none named runs all.
# Needs the jars built by `mvn package` (the agent, and this module with its workloads' libraries).
# Fetches the suites' test class paths from Maven Central (material/pom.xml) into material/*/target.
# Output of each run: samples/thirdparty/target/runs/<suite>/{plain,agent}.log and agent.json.
set -euo pipefail
cd "$(dirname "$0")"

for f in ../../agent/target/stm-agent.jar target/classes target/lib target/harness-lib; do
    [[ -e "$f" ]] || { echo "run.sh: $f is missing: run 'mvn -B package' first" >&2; exit 2; }
done

mvn -B -q -ntp -Dstyle.color=never -f material/pom.xml package
exec java -cp "target/classes:target/harness-lib/*" org.stmagent.samples.thirdparty.harness.Harness "$@"
