#!/usr/bin/env bash
# Runs the jcstress suite from the repository root (see docs/testing.md).
#
#   bash jcstress-tests/run.sh [quick|full|broken|plain] [extra jcstress options...]
#
#   quick   under the agent, one JVM configuration, short iterations (the CI mode)
#   full    under the agent, every JVM configuration jcstress detects (biased locking on/off,
#           C2 stress randomizers) with split compilation (interpreter/C1/C2 per actor), one
#           1 s iteration per fork, 3 forks (seeds) per C2 stress configuration: about 40 minutes
#   broken  quick, with the runtime's read validation switched off (stm.test.brokenValidation):
#           succeeds only if the validation-dependent tests show forbidden outcomes
#   plain   quick, without the agent: succeeds only if the tests that race without the agent
#           (the @Atomic ones) show forbidden outcomes; the agent jar is on the class path
#           as a library, for the test that calls the runtime's API
#
# Needs the jars built by `mvn package` (agent/target/stm-agent.jar, jcstress-tests/target/jcstress.jar).
# Environment: JCSTRESS_CPUS (default 2), JCSTRESS_TIME (ms per iteration in quick modes, default 300).
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-quick}"
shift || true

jar=jcstress-tests/target/jcstress.jar
agent_src=agent/target/stm-agent.jar
for f in "$jar" "$agent_src"; do
    [[ -f "$f" ]] || { echo "run.sh: $f is missing: run 'mvn -B package' first" >&2; exit 2; }
done

out="jcstress-tests/target/jcstress-$mode"
rm -rf "$out"
mkdir -p "$out"
# The forks load the agent from a private copy, so a rebuild during the run cannot disturb them.
agent="$out/stm-agent.jar"
cp "$agent_src" "$agent"

cpus="${JCSTRESS_CPUS:-2}"
time_ms="${JCSTRESS_TIME:-300}"
# Rewrite the tests, not the harness jcstress generates next to them. Outside.witness is declared
# pure so recording what an attempt saw does not make the attempt inevitable.
agent_arg="-javaagent:$agent=include=org.stmagent.stress.**,exclude=org.stmagent.stress.*_jcstress,pure=org.stmagent.stressaux.Outside.witness,report=none"
quick_opts=(-c "$cpus" -f 1 -iters 1 -time "$time_ms" -sc false)

# The tests whose forbidden outcomes must appear in the broken and plain modes.
broken_expected='Atomicity.SynchronizedIncrement|Collections.HashMapSameKey|Collections.HashMapDisjointInserts|Atomicity.AtomicIncrement|Isolation.Fields|Isolation.Statics|Isolation.ArrayElements|Isolation.LongDoubleNotTorn|Opacity.SynchronizedInvariant|Opacity.AtomicNoSpuriousException|PrivatizationSafety.Unlink|Regions.ExceptionCommitsOnce'
plain_expected='Atomicity.AtomicIncrement|Isolation.Statics|Isolation.LongDoubleNotTorn|Irrevocable.CallOncePerCommit|Exclusive.NestingRefused'

launch=(-jar "$jar")

case "$mode" in
    quick)  args=(-jvmArgs "$agent_arg" "${quick_opts[@]}") ;;
    # -jvmArgsPrepend keeps jcstress's JVM configurations; -fsm 3 instead of 5 forks per stress one
    full)   args=(-jvmArgsPrepend "$agent_arg" -c "$cpus" -m default -iters 1 -time 1000 -fsm 3) ;;
    broken) args=(-jvmArgs "$agent_arg -Dstm.test.brokenValidation=true" "${quick_opts[@]}") ;;
    # -jvmArgs (any) keeps jcstress to the one JVM configuration, as in quick. The forks inherit
    # the class path: the runtime is loaded as a plain library (it needs jdk.internal.misc), so
    # Stm.exclusiveAtomic finds no transaction in a synchronized block and runs its body.
    plain)  args=(-jvmArgs "-Xss1m --add-exports java.base/jdk.internal.misc=ALL-UNNAMED" "${quick_opts[@]}")
            launch=(-cp "$jar:$agent" org.openjdk.jcstress.Main) ;;
    *) echo "usage: run.sh [quick|full|broken|plain] [jcstress options...]" >&2; exit 2 ;;
esac

log="$out/console.txt"
echo "run.sh: mode $mode, report in $out"
set +e
java "${launch[@]}" "${args[@]}" -v -r "$out/report" "$@" 2>&1 | tee "$log" \
    | grep --line-buffered -E '^\.+ \[|RUN RESULTS'
rc=${PIPESTATUS[0]}
set -e

# Tests with forbidden outcomes, from the report's console output.
failed="$out/failed.txt"
grep -E '^\.+ \[FAILED\]' "$log" | sed -E 's/^\.+ \[FAILED\] *//' | sort -u > "$failed" || true
# With validation off (broken) or without the agent (plain), a test's own code may throw on the
# inconsistent state it reads (an iterator's ConcurrentModificationException): that is the breakage
# showing, not a failure of the run; a VM or harness error still is.
case "$mode" in
    broken|plain) error_kinds='VM ERROR|TEST ERROR' ;;
    *) error_kinds='VM ERROR|ERROR|TEST ERROR' ;;
esac
errors=$(grep -cE "^\.+ \[($error_kinds)\]" "$log" || true)
threw=$(grep -E '^\.+ \[ERROR\]' "$log" | sed -E 's/^\.+ \[ERROR\] *//' | sort -u || true)
# jcstress silently skips a test that needs more CPUs than given: every listed test must have run.
listed=$(java -jar "$jar" -l "$@" 2>/dev/null | grep -c '^ *org\.stmagent\.stress\.' || true)
ran=$(find "$out/report" -name 'org.stmagent.stress.*.html' | wc -l)
echo "run.sh: $ran of $listed tests ran"
if [[ $ran -ne $listed || $listed -eq 0 ]]; then
    echo "run.sh: some tests did not run" >&2
    errors=$((errors + 1))
fi
echo "run.sh: jcstress exit status $rc; tests with forbidden outcomes: $(wc -l < "$failed"); errors: $errors"
sed 's/^/  FAILED /' "$failed"
if [[ -n "$threw" && ( $mode == broken || $mode == plain ) ]]; then
    sed 's/^/  THREW (the test code, on what it read) /' <<< "$threw"
fi

case "$mode" in
    quick|full)
        if [[ $rc -ne 0 || -s "$failed" || $errors -ne 0 ]]; then
            echo "run.sh: $mode run FAILED" >&2
            exit 1
        fi
        echo "run.sh: $mode run passed: no forbidden outcome"
        echo "jcstress: $ran passed, 0 failed"
        ;;
    broken|plain)
        expected="$broken_expected"
        [[ $mode == plain ]] && expected="$plain_expected"
        missing=0
        IFS='|' read -ra names <<< "$expected"
        for t in "${names[@]}"; do
            if grep -q "org\.stmagent\.stress\.$t\$" "$failed"; then
                echo "run.sh: caught, as expected: $t"
            else
                echo "run.sh: NOT caught: $t" >&2
                missing=1
            fi
        done
        if [[ $missing -ne 0 || $errors -ne 0 ]]; then
            echo "run.sh: $mode run did not show every expected failure" >&2
            exit 1
        fi
        echo "run.sh: $mode run showed every expected forbidden outcome"
        ;;
esac
