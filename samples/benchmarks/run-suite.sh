#!/usr/bin/env bash
# Runs the benchmark suite (every workload in every variant it has, 1 and 2 threads) in one JMH run with
# JSON results, then renders them into a markdown report with one SVG plot per workload.
# Run from the repository root: the agent forks load agent/target/stm-agent.jar from there.
set -euo pipefail

usage() {
    cat <<'USAGE'
usage: samples/benchmarks/run-suite.sh [options] [-- extra JMH arguments]

  --quick            smoke run: 1 warm-up of 200 ms and 1 iteration of 300 ms per benchmark (a few
                     minutes); the report is labelled as a smoke run
  --full             the real run (default): 3 forks, each with 2 warm-ups of 1 s and 3 iterations of 1 s
                     (about 40 minutes on 2 cores); a row is the median of its 9 iterations
  --gc               add JMH's -prof gc, for bytes allocated per operation
  --threads "N ..."  also run the two-thread benchmarks at these thread counts (one JMH run each, -t N)
  --build            build the agent and the benchmarks first (mvn package)
  --results DIR      where the JMH JSON files go (default samples/benchmarks/target/suite)
  --markdown FILE    the report (default docs/performance-suite.md)
  --plots DIR        the plots (default docs/plots)
USAGE
}

command="samples/benchmarks/run-suite.sh $*"
mode=full
gc=()
extra_threads=()
build=false
results=samples/benchmarks/target/suite
markdown=docs/performance-suite.md
plots=docs/plots
jmh_extra=()

while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) mode=quick ;;
        --full) mode=full ;;
        --gc) gc=(-prof gc) ;;
        --threads) read -r -a extra_threads <<<"$2"; shift ;;
        --build) build=true ;;
        --results) results="$2"; shift ;;
        --markdown) markdown="$2"; shift ;;
        --plots) plots="$2"; shift ;;
        --) shift; jmh_extra=("$@"); break ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

if [[ ! -f pom.xml || ! -d samples/benchmarks ]]; then
    echo "run from the repository root" >&2
    exit 2
fi
if $build; then
    mvn -B -q package -DskipTests -pl agent,samples/benchmarks -am
fi
jar=samples/benchmarks/target/benchmarks.jar
for needed in "$jar" agent/target/stm-agent.jar; do
    if [[ ! -f "$needed" ]]; then
        echo "$needed is missing: build with --build, or mvn -B package -DskipTests -pl agent,samples/benchmarks -am" >&2
        exit 2
    fi
done

machine="$(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), \
$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) of memory, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
if [[ $mode == quick ]]; then
    timing=(-f 1 -wi 1 -w 200ms -i 1 -r 300ms)
    note="SMOKE RUN (run-suite.sh --quick): one 300 ms iteration per benchmark; these numbers are noise, not measurements. "
else
    timing=(-f 3 -wi 2 -w 1s -i 3 -r 1s)
    note=""
fi
note+="Machine: $machine. Command: \`$command\`."

suite='org\.stmagent\.benchmarks\.suite\.'
mkdir -p "$results"
rm -f "$results"/suite*.json
java -jar "$jar" "$suite" "${timing[@]}" "${gc[@]}" -rf json -rff "$results/suite.json" "${jmh_extra[@]}"
for threads in "${extra_threads[@]}"; do
    java -jar "$jar" "${suite}.*\.concurrent\$" -t "$threads" "${timing[@]}" "${gc[@]}" \
        -rf json -rff "$results/suite-t$threads.json" "${jmh_extra[@]}"
done

java -cp "$jar" org.stmagent.benchmarks.report.SuiteReport --markdown "$markdown" --plots "$plots" \
    --note "$note" "$results"/suite*.json
echo "report: $markdown, plots in $plots"
