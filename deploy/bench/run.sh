#!/usr/bin/env bash
# cchc benchmarks (docs/benchmarks.md): release builds, measured with hyperfine (time) and
# /usr/bin/time -v (peak memory), against a throwaway PostgreSQL cluster this script starts and removes.
#
#   deploy/bench/run.sh [--quick] [--no-national] [--stages LIST] [--results DIR] [--scratch-path DIR]
#
#   --quick        fewer runs per measurement (a smoke test of the script, not figures to publish)
#   --no-national  skip the national database (34 provinces, 2.7 M progress entries, several minutes)
#   --stages LIST  comma-separated subset of: dry,store,export,admin,web,growth (default: all)
#   --results DIR  where raw results go (default deploy/bench/results/<UTC date-time>)
#   --scratch-path DIR  SwiftPM build directory for the release build (default .build)
#
# Measures: import dry-runs of every fixture and of synthetic 5,000-activity plans (.txt, .docx), stored
# imports (each run into a fresh copy of a migrated template database); export of a 2,000-activity /
# 100,000-entry plan (docx, json); `cchc-admin activity list` against psql running the equivalent query;
# export time of one plan in a one-province database and again after 33 more provinces are added.
# Raw results: hyperfine --export-json/--export-markdown per measurement, /usr/bin/time -v output, the
# machine's description, and summary.md (the tables of docs/benchmarks.md with the targets).
set -Eeuo pipefail

readonly started=$SECONDS
step() { printf '\n==== [%s] %s (load %s) ====\n' "$(date -u +%H:%M:%S)" "$*" "$(cut -d' ' -f1-3 /proc/loadavg)"; }
die() { printf 'deploy/bench/run.sh: %s\n' "$*" >&2; exit 1; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

runs=20
heavy_runs=10
store_runs=3
national=1
stages="dry,store,export,admin,web,growth"
results=""
scratch=()
while (($#)); do
    case $1 in
        --quick) runs=3; heavy_runs=2; store_runs=1; shift ;;
        --no-national) national=0; shift ;;
        --stages) stages=${2:?--stages needs a list}; shift 2 ;;
        --results) results=${2:?--results needs a directory}; shift 2 ;;
        --scratch-path) scratch=(--scratch-path "${2:?--scratch-path needs a directory}"); shift 2 ;;
        -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
results=${results:-$root/deploy/bench/results/$(date -u +%Y%m%d-%H%M%S)}
mkdir -p "$results"
results=$(cd "$results" && pwd)

# ---------------------------------------------------------------------------------------------
step "Toolchain and packages"
if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi
command -v swift >/dev/null 2>&1 || die "swift not found (expected on PATH or at /opt/swift/usr/bin)"
as_root() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo -n env DEBIAN_FRONTEND=noninteractive "$@"; fi; }
packages=(hyperfine time jq python3 postgresql libpq-dev pkgconf zlib1g-dev wrk curl)
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get install -y -q --no-install-recommends "${missing[@]}" \
        || { as_root apt-get update -q && as_root apt-get install -y -q --no-install-recommends "${missing[@]}"; }
else
    echo "already installed: ${packages[*]}"
fi

# ---------------------------------------------------------------------------------------------
step "Release build"
swift build -c release "${scratch[@]}" 2>&1 | tail -n 3
bin=$(swift build -c release "${scratch[@]}" --show-bin-path)
for tool in cchc-import cchc-export cchc-admin cchc-synth cchc-web; do
    [[ -x $bin/$tool ]] || die "$bin/$tool missing after the build"
done

# ---------------------------------------------------------------------------------------------
step "Throwaway PostgreSQL cluster"
find_bindir() {
    local dir
    if [[ -n ${PG_BINDIR:-} ]]; then echo "$PG_BINDIR"; return; fi
    if command -v pg_config >/dev/null 2>&1; then
        dir=$(pg_config --bindir 2>/dev/null || true)
        if [[ -x $dir/initdb && -x $dir/pg_ctl ]]; then echo "$dir"; return; fi
    fi
    dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    if [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl ]]; then echo "$dir"; return; fi
    if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return; fi
    return 1
}
pgbin=$(find_bindir) || die "PostgreSQL (initdb, pg_ctl) not found: apt-get install postgresql"

work=$(mktemp -d /tmp/cchc-bench.XXXXXX)
chmod 0755 "$work"
data="$work/pgdata"
socket="$work/run"
log="$work/postgresql.log"
mkdir -m 0700 "$data" "$socket"
mkdir -p "$work/out" "$work/plans"
touch "$log"
if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "no postgres account (it comes with the postgresql package)"
    chown postgres:postgres "$data" "$socket" "$log"
    as_server() { runuser -u postgres -- "$@"; }
    db_user=postgres
else
    as_server() { "$@"; }
    db_user=$(id -un)
fi

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    step "Cleanup"
    if [[ -f $data/postmaster.pid ]]; then
        (cd / && as_server "$pgbin/pg_ctl" stop -D "$data" -m fast -w -t 60 -s) || true
    fi
    rm -rf "$work"
    printf '\ndeploy/bench/run.sh: exit %d after %d s; results in %s\n' "$status" "$((SECONDS - started))" "$results"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port=""
for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 40000))
    if [[ ! -e /var/run/postgresql/.s.PGSQL.$candidate && ! -e /tmp/.s.PGSQL.$candidate ]]; then
        port=$candidate
        break
    fi
done
[[ -n $port ]] || die "no free port number found"

(cd / && as_server "$pgbin/initdb" -D "$data" -E UTF8 --locale=C.UTF-8 -U "$db_user" \
    --auth-local=trust --auth-host=reject >"$work/initdb.log" 2>&1) \
    || { cat "$work/initdb.log"; die "initdb failed"; }
# Durable settings (fsync and synchronous commit on, as on a real server); more shared buffers and WAL
# than the defaults so that the national load is not dominated by checkpoints.
(cd / && as_server "$pgbin/pg_ctl" start -D "$data" -l "$log" -w -t 60 -s \
    -o "-p $port -k '$socket' -h '' -c shared_buffers=512MB -c max_wal_size=8GB -c checkpoint_timeout=30min") \
    || { cat "$log"; die "pg_ctl start failed"; }

export PGHOST="$socket" PGPORT="$port" PGUSER="$db_user" PGDATABASE=postgres
export CCHC_HOME="$work/cchc-home" CCHC_USER=bench NO_COLOR=1
url() { echo "postgresql:///$1?host=$socket&port=$port&user=$db_user"; }
psql_q() { PGOPTIONS="-c client_min_messages=warning" "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

psql_q -d postgres -c "CREATE DATABASE cchc_template"
export DATABASE_URL
DATABASE_URL=$(url cchc_template)
"$bin/cchc-admin" db migrate
fresh_db() { psql_q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1 TEMPLATE cchc_template"; }
# The same as a single command without a shell, for hyperfine --prepare.
fresh_db_command() {
    echo "$pgbin/psql -X -q -d postgres -c \"SET client_min_messages = warning\" -c \"DROP DATABASE IF EXISTS $1\" -c \"CREATE DATABASE $1 TEMPLATE cchc_template\""
}

# Seconds a fixed single-threaded loop takes now: on a VM with shared cores the same machine is not
# equally fast all day, and this number says how fast it was during the run.
calibrate() { python3 -c 'import time
t = time.perf_counter(); n = 0
while n < 10_000_000: n += 1
print(f"{time.perf_counter() - t:.2f}")'; }

# ---------------------------------------------------------------------------------------------
step "Machine"
{
    echo "| | |"
    echo "|---|---|"
    echo "| date (UTC) | $(date -u '+%Y-%m-%d %H:%M') |"
    echo "| CPU | $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') |"
    echo "| cores | $(nproc) (online), $(grep -c ^processor /proc/cpuinfo) in /proc/cpuinfo |"
    echo "| memory | $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) |"
    echo "| disk | $(df -h --output=source,fstype,size,avail "$work" | tail -n 1 | awk '{print $1 " (" $2 "), " $3 " total, " $4 " free"}') |"
    echo "| kernel | $(uname -srm) |"
    echo "| Swift | $(swift --version 2>&1 | head -n 1) |"
    echo "| PostgreSQL | $(psql_q -At -d postgres -c 'SHOW server_version') |"
    echo "| load average at start | $(cut -d' ' -f1-3 /proc/loadavg) |"
    # The VM's speed varies over time (shared cores); a fixed CPU-bound loop makes runs comparable.
    echo "| CPU calibration (10 M-step Python loop) | $(calibrate) s |"
} | tee "$results/machine.md"

# ---------------------------------------------------------------------------------------------
# measure NAME RUNS [--prepare CMD] -- COMMAND…: hyperfine (time) and /usr/bin/time -v (peak RSS: the largest of
# 3 runs, or of 1 when RUNS ≤ 3).
rows="$results/rows.tsv"
: >"$rows"
measure() {
    local name=$1 count=$2 prepare=() i
    shift 2
    if [[ $1 == --prepare ]]; then prepare=(--prepare "$2"); shift 2; fi
    [[ $1 == -- ]] && shift
    local load
    load=$(cut -d' ' -f1 /proc/loadavg)
    hyperfine -N --style basic --warmup "$([[ ${#prepare[@]} -gt 0 ]] && echo 1 || echo 2)" --runs "$count" \
        "${prepare[@]}" --command-name "$name" \
        --export-json "$results/$name.json" --export-markdown "$results/$name.md" "$(printf '%q ' "$@")"
    local rss=0 kb rss_runs=3
    ((count <= 3)) && rss_runs=1
    for ((i = 0; i < rss_runs; i++)); do
        if ((${#prepare[@]})); then eval "${prepare[1]}"; fi
        /usr/bin/time -v "$@" >/dev/null 2>"$results/$name.time.txt"
        kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$results/$name.time.txt")
        ((kb > rss)) && rss=$kb
    done
    printf '%s\t%s\t%s\n' "$name" "$rss" "$load" >>"$rows"
}

has_command() { "$bin/$1" "${@:2}" --help >/dev/null 2>&1; }
stage() { [[ ",$stages," == *",$1,"* ]]; }

# ---------------------------------------------------------------------------------------------
if stage dry; then
step "Import: dry-run of the fixtures"
for fixture in Tests/Fixtures/*.txt Tests/Fixtures/*.docx; do
    name="import-dry-$(basename "$fixture")"
    measure "$name" "$runs" -- "$bin/cchc-import" plan "$root/$fixture" --dry-run --format json
done

step "Import: synthetic 5,000-activity plans"
for format in txt docx; do
    for layout in body annex; do
        file="$work/plans/plan-5000-$layout.$format"
        "$bin/cchc-synth" plan --activities 5000 --format "$format" --layout "$layout" --seed 5000 -o "$file"
        count=$("$bin/cchc-import" plan "$file" --dry-run --format json | jq '.activities | length')
        echo "read back: $count activities from $(basename "$file")"
        echo "$(basename "$file")	$count" >>"$results/synthetic-readback.tsv"
        ((count == 5000)) || echo "WARNING: the importer read $count activities, not 5000, from $(basename "$file")" >&2
        measure "import-dry-plan-5000-$layout.$format" "$heavy_runs" -- \
            "$bin/cchc-import" plan "$file" --dry-run --format json
    done
done
fi

if stage store; then
step "Import: stored (each run into a fresh copy of the migrated template)"
for format in txt docx; do
    [[ -f $work/plans/plan-5000-body.$format ]] || "$bin/cchc-synth" plan --activities 5000 --format "$format" \
        --layout body --seed 5000 -o "$work/plans/plan-5000-body.$format"
done
DATABASE_URL=$(url bench_import)
fresh_db bench_import
for fixture in Tests/Fixtures/*.txt Tests/Fixtures/*.docx "$work/plans/plan-5000-body.txt" "$work/plans/plan-5000-body.docx"; do
    [[ $fixture == /* ]] || fixture="$root/$fixture"
    name="import-store-$(basename "$fixture")"
    count=$runs
    [[ $fixture == */plan-5000-* ]] && count=$store_runs
    measure "$name" "$count" --prepare "$(fresh_db_command bench_import)" -- \
        "$bin/cchc-import" plan "$fixture" --format json
done
fi

# ---------------------------------------------------------------------------------------------
if stage export || stage admin || stage web; then
step "Export: 2,000 activities, 100,000 progress entries"
DATABASE_URL=$(url bench_export)
fresh_db bench_export
"$bin/cchc-synth" database --provinces 1 --units 1 --activities 2000 --entries 50 --format json \
    >"$results/synth-export.json"
plan=$(jq -r '.plan.reference' "$results/synth-export.json")
echo "plan $plan: $(jq -c '.counts' "$results/synth-export.json")"
if stage export && has_command cchc-export report; then
    # The target case: the Word report and its cchc.report/v1 data from one read of the database.
    measure export-report-docx-json "$heavy_runs" -- \
        "$bin/cchc-export" report --plan "$plan" --period 2024-Y -o "$work/out/report.docx" -o "$work/out/report.json"
    # The same with the Excel workbook beside them (issue 14's target: still < 1.5 s, < 300 MB together).
    measure export-report-docx-json-xlsx "$heavy_runs" -- \
        "$bin/cchc-export" report --plan "$plan" --period 2024-Y -o "$work/out/report.docx" -o "$work/out/report.json" \
        -o "$work/out/report.xlsx"
    measure export-report-xlsx "$heavy_runs" -- \
        "$bin/cchc-export" report --plan "$plan" --period 2024-Y --format xlsx -o "$work/out/report.xlsx"
    measure export-report-docx "$heavy_runs" -- \
        "$bin/cchc-export" report --plan "$plan" --period 2024-Y --format docx -o "$work/out/report.docx"
    measure export-report-json "$heavy_runs" -- \
        "$bin/cchc-export" report --plan "$plan" --period 2024-Y --format json -o "$work/out/report.json"
elif stage export; then
    echo "cchc-export report is not available in this build: export not measured" | tee "$results/export-missing.txt"
fi
fi

# ---------------------------------------------------------------------------------------------
if stage web; then
step "Web pages under load: Việc của tôi, Bảng theo dõi, Kế hoạch (wrk, 1/8/32 connections)"
DATABASE_URL=$(url bench_export)
plan_id=${plan#\#}
# The unit person leads the most activities of the plan; the administrator is the registry's first person.
unit_id=$(psql_q -d bench_export -At -c "SELECT aa.unit_id FROM activity_assignments aa JOIN activities a ON a.id = aa.activity_id
                                          WHERE a.plan_id = $plan_id AND aa.role = 'lead' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
CCHC_USER=bench.admin "$bin/cchc-admin" user whoami >/dev/null
CCHC_USER=bench.admin "$bin/cchc-admin" user add bench.unit --role unit --unit "#$unit_id" >/dev/null
for login in bench.admin bench.unit; do
    printf '%s-mat-khau-dai\n' "$login" | CCHC_USER=bench.admin "$bin/cchc-admin" user password "$login" --stdin --no-change-required >/dev/null
done
"$bin/cchc-web" serve --bind 127.0.0.1:0 --as-of 2024-06-10 --pool 8 >"$work/web.out" 2>"$work/web.err" &
web_pid=$!
for _ in $(seq 1 100); do grep -q "http://" "$work/web.out" 2>/dev/null && break; sleep 0.1; done
web=$(sed -n 's/.*\(http:[^ ]*\).*/\1/p' "$work/web.out" | head -n 1)
[[ -n $web ]] || { cat "$work/web.err"; die "cchc-web did not start"; }
sign_in() {
    local jar=$work/jar-$1 token
    curl -s -c "$jar" -b "$jar" "$web/login" >"$work/login.html"
    token=$(sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' "$work/login.html" | head -n 1)
    curl -s -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" --data-urlencode "username=$1" \
        --data-urlencode "password=$1-mat-khau-dai" "$web/login" >/dev/null
    awk '$6 == "cchc_session" { print $7 }' "$jar"
}
unit_session=$(sign_in bench.unit)
admin_session=$(sign_in bench.admin)
pages=(
    "viec-cua-toi|$unit_session|/"
    "bang-theo-doi|$admin_session|/bang-theo-doi?ke-hoach=$plan_id&ky=2024-Q2&che-do=cchc"
    "ke-hoach|$admin_session|/ke-hoach?ke-hoach=$plan_id"
)
: >"$results/web-first-request.tsv"
for entry in "${pages[@]}"; do
    IFS='|' read -r name session path <<<"$entry"
    # The first request computes the page's read model; the next ones reuse it while the database is unchanged.
    first=$(curl -s -o "$work/$name.html" -w '%{http_code} %{time_total}' -H "Cookie: cchc_session=$session" "$web$path")
    printf '%s\t%s\n' "$name" "$first" | tee -a "$results/web-first-request.tsv"
    for connections in 1 8 32; do
        threads=$((connections < 2 ? 1 : 2))
        wrk -t"$threads" -c"$connections" -d20s --latency -H "Cookie: cchc_session=$session" "$web$path" \
            >"$results/web-$name-c$connections.txt"
        printf '%s c=%s: %s req/s, p50 %s, p99 %s, non-2xx %s\n' "$name" "$connections" \
            "$(awk '/Requests\/sec/ { print $2 }' "$results/web-$name-c$connections.txt")" \
            "$(awk '$1 == "50%" { print $2 }' "$results/web-$name-c$connections.txt")" \
            "$(awk '$1 == "99%" { print $2 }' "$results/web-$name-c$connections.txt")" \
            "$(awk '/Non-2xx/ { print $4 }' "$results/web-$name-c$connections.txt")" | tee -a "$results/web-summary.txt"
    done
done
# Reads while the data changes: a unit records a result every 4 s; each write makes the next request of
# every page compute again (the cache is exact, not time-based).
written=$(psql_q -d bench_export -At -c "SELECT a.id FROM activities a JOIN activity_assignments aa ON aa.activity_id = a.id
                                          WHERE a.plan_id = $plan_id AND aa.role = 'lead' AND aa.unit_id = $unit_id
                                          ORDER BY a.id LIMIT 1")
(
    for day in 02 03 04 05 06; do
        sleep 4
        CCHC_USER=bench.admin "$bin/cchc-admin" progress add --activity "#$written" --unit "#$unit_id" \
            --date "2024-05-$day" --text "Kết quả ghi trong lúc đo tải ($day/05)" >/dev/null
    done
) &
writer=$!
for entry in "${pages[@]:0:2}"; do
    IFS='|' read -r name session path <<<"$entry"
    wrk -t2 -c8 -d10s --latency -H "Cookie: cchc_session=$session" "$web$path" >"$results/web-$name-c8-writes.txt"
    printf '%s c=8 with a write every 4 s: %s req/s, p50 %s, p99 %s, max %s, non-2xx %s\n' "$name" \
        "$(awk '/Requests\/sec/ { print $2 }' "$results/web-$name-c8-writes.txt")" \
        "$(awk '$1 == "50%" { print $2 }' "$results/web-$name-c8-writes.txt")" \
        "$(awk '$1 == "99%" { print $2 }' "$results/web-$name-c8-writes.txt")" \
        "$(awk '$1 == "Latency" { print $4 }' "$results/web-$name-c8-writes.txt")" \
        "$(awk '/Non-2xx/ { print $4 }' "$results/web-$name-c8-writes.txt")" | tee -a "$results/web-summary.txt"
done
wait "$writer"
grep -E 'VmHWM|VmRSS' "/proc/$web_pid/status" | tee "$results/web-rss.txt"
kill "$web_pid"
wait "$web_pid" 2>/dev/null || true
fi

# ---------------------------------------------------------------------------------------------
if stage admin; then
step "cchc-admin activity list against psql"
sql_activity_list="$root/deploy/bench/activity-list.sql"
if has_command cchc-admin activity list; then
    plan_id=${plan#\#}
    # Twice: with the server's default (JIT compiles queries whose estimated cost passes jit_above_cost, which
    # these do) and with jit = off for both commands.
    for jit in on off; do
        PGOPTIONS="-c jit=$jit" hyperfine -N --style basic --warmup 3 --runs "$runs" \
            --export-json "$results/admin-activity-list-jit-$jit.json" \
            --export-markdown "$results/admin-activity-list-jit-$jit.md" \
            --command-name "cchc-admin activity list" \
            "$bin/cchc-admin activity list --plan $(printf '%q' "$plan") --format json" \
            --command-name "psql -c (same query)" \
            "$pgbin/psql -X -A -t -q -v plan=$plan_id -d bench_export -f $sql_activity_list"
    done
else
    echo "cchc-admin activity list is not available in this build: not measured" | tee "$results/admin-missing.txt"
fi
fi

# ---------------------------------------------------------------------------------------------
if stage growth; then
step "Export growth: one province, then the national database"
DATABASE_URL=$(url bench_scale)
fresh_db bench_scale
"$bin/cchc-synth" database --provinces 1 --units 40 --activities 100 --entries 20 --format json \
    >"$results/synth-province.json"
scale_plan=$(jq -r '.plan.reference' "$results/synth-province.json")
if has_command cchc-export report; then
    measure export-province-docx "$runs" -- \
        "$bin/cchc-export" report --plan "$scale_plan" --period 2024-Y --format docx -o "$work/out/province.docx"
    measure export-province-json "$runs" -- \
        "$bin/cchc-export" report --plan "$scale_plan" --period 2024-Y --format json -o "$work/out/province.json"
fi
if ((national)); then
    "$bin/cchc-synth" database --provinces 33 --units 40 --activities 100 --entries 20 --format json \
        >"$results/synth-national.json"
    psql_q -d bench_scale -At -c "SELECT pg_size_pretty(pg_database_size('bench_scale'))" >"$results/national-size.txt"
    if has_command cchc-export report; then
        measure export-national-docx "$runs" -- \
            "$bin/cchc-export" report --plan "$scale_plan" --period 2024-Y --format docx -o "$work/out/national.docx"
        measure export-national-json "$runs" -- \
            "$bin/cchc-export" report --plan "$scale_plan" --period 2024-Y --format json -o "$work/out/national.json"
    fi
fi

fi

# ---------------------------------------------------------------------------------------------
step "Summary"
"$root/deploy/bench/summarize.sh" "$results" | tee "$results/summary.md"
