#!/usr/bin/env bash
# Prints the Markdown summary of a results folder written by deploy/bench/run.sh: one table per group,
# times from hyperfine's JSON (mean ± standard deviation, min–max), peak RSS from /usr/bin/time -v
# (the largest of three runs), the 1-minute load average when the measurement started, and each
# target of the issues with whether it is met.
#   deploy/bench/summarize.sh RESULTS_DIR
set -Eeuo pipefail
results=${1:?usage: summarize.sh RESULTS_DIR}
rows="$results/rows.tsv"

# field NAME KEY: a number from hyperfine's JSON (seconds).
field() { jq -r ".results[0].$2" "$results/$1.json"; }
rss_kb() { awk -F'\t' -v n="$1" '$1 == n {print $2}' "$rows"; }
load_of() { awk -F'\t' -v n="$1" '$1 == n {print $3}' "$rows"; }
ms() { awk -v s="$1" 'BEGIN { v = s * 1000; printf (v < 10 ? "%.1f" : "%.0f"), v }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }
verdict() { if "$@"; then echo "yes"; else echo "**no**"; fi; }

# row LABEL NAME [TIME_LIMIT_S] [RSS_LIMIT_MB]: one table row.
row() {
    local label=$1 name=$2 time_limit=${3:-} rss_limit=${4:-}
    [[ -f $results/$name.json ]] || return 0
    local mean sd min max rss target="" met=""
    mean=$(field "$name" mean); sd=$(field "$name" stddev); min=$(field "$name" min); max=$(field "$name" max)
    rss=$(rss_kb "$name")
    if [[ -n $time_limit ]]; then
        target="< $(ms "$time_limit") ms"
        met=$(verdict lt "$mean" "$time_limit")
    fi
    if [[ -n $rss_limit ]]; then
        target="$target, < $rss_limit MB"
        if lt "$mean" "$time_limit" && lt "$(mb "$rss")" "$rss_limit"; then met="yes"; else met="**no**"; fi
    fi
    printf '| %s | %s ± %s | %s–%s | %s | %s | %s | %s |\n' "$label" "$(ms "$mean")" "$(ms "$sd")" "$(ms "$min")" \
        "$(ms "$max")" "$(mb "$rss")" "$(load_of "$name")" "${target:-—}" "${met:-—}"
}
header() {
    printf '\n### %s\n\n| %s | mean ± σ (ms) | min–max (ms) | peak RSS (MB) | load (1 min) | target | met |\n' "$1" "$2"
    echo "|---|---:|---:|---:|---:|---|---|"
}

echo "## Machine"
echo
cat "$results/machine.md"

header "Import, dry run (whole process: read, parse, print cchc.plan/v1 JSON)" "file"
for json in "$results"/import-dry-*.json; do
    name=$(basename "$json" .json)
    case $name in
        import-dry-plan-5000-*) row "${name#import-dry-}" "$name" 1 200 ;;
        *.docx) row "${name#import-dry-}" "$name" 0.05 ;;
        *) row "${name#import-dry-}" "$name" ;;
    esac
done
if [[ -f $results/synthetic-readback.tsv ]]; then
    echo
    echo "Activities read back from the synthetic plans: $(awk -F'\t' '{printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2}' "$results/synthetic-readback.tsv")."
fi

header "Import, stored (fresh migrated database per run)" "file"
for json in "$results"/import-store-*.json; do
    name=$(basename "$json" .json)
    row "${name#import-store-}" "$name"
done

if [[ -f $results/export-report-docx.json ]]; then
    header "Export of a 2,000-activity plan with 100,000 progress entries (period 2024-Y)" "format"
    row "docx + json, one process" export-report-docx-json 1.5 300
    if [[ -f $results/export-report-docx-json-xlsx.json ]]; then
        row "docx + json + xlsx, one process" export-report-docx-json-xlsx 1.5 300
        row xlsx export-report-xlsx
    fi
    row docx export-report-docx
    row json export-report-json
    both=$(jq -s '.[0].results[0].mean + .[1].results[0].mean' "$results/export-report-docx.json" "$results/export-report-json.json")
    echo
    echo "docx and JSON as two processes (sum of the means): $(ms "$both") ms."
fi

for jit in on off; do
    file="$results/admin-activity-list-jit-$jit.json"
    [[ -f $file ]] || continue
    echo
    echo "### cchc-admin activity list against psql -c (same plan, 2,000 activities; PostgreSQL jit = $jit)"
    echo
    echo "| command | mean ± σ (ms) | min–max (ms) |"
    echo "|---|---:|---:|"
    jq -r '.results[] | "| \(.command) | \(.mean * 1000 | floor) ± \(.stddev * 1000 | floor) | \(.min * 1000 | floor)–\(.max * 1000 | floor) |"' \
        "$file"
    ratio=$(jq '.results[0].mean / .results[1].mean' "$file")
    echo
    printf 'Ratio cchc-admin ÷ psql (jit %s): %.1f×\n' "$jit" "$ratio"
done

if [[ -f $results/export-province-docx.json ]]; then
    header "Export growth: the same plan (100 activities × 20 entries) in a 1-province and a 34-province database" "database, format"
    for scale in province national; do
        for format in docx json; do
            row "$scale, $format" "export-$scale-$format"
        done
    done
    if [[ -f $results/export-national-docx.json ]]; then
        for format in docx json; do
            ratio=$(jq -s '.[1].results[0].mean / .[0].results[0].mean' "$results/export-province-$format.json" \
                "$results/export-national-$format.json")
            printf '\nGrowth (%s): national ÷ one province = %.2f×' "$format" "$ratio"
        done
        echo
    fi
fi

if [[ -f $results/web-summary.txt ]]; then
    # wrk's latency figures with their unit, in milliseconds.
    wrk_ms() {
        awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
            if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
            printf (n < 10 ? "%.1f" : "%.0f"), n }'
    }
    echo
    echo "### Web pages (wrk on loopback, 20 s per run, 10 s with writes)"
    echo
    echo "| page | connections | requests/s | p50 (ms) | p99 (ms) | max (ms) | errors, non-2xx | target p99 | met |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|---|"
    for page in viec-cua-toi bang-theo-doi ke-hoach; do
        for run in c1 c8 c32 c8-writes; do
            file="$results/web-$page-$run.txt"
            [[ -f $file ]] || continue
            rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$file")
            p50=$(wrk_ms "$(awk '$1 == "50%" { print $2 }' "$file")")
            p99=$(wrk_ms "$(awk '$1 == "99%" { print $2 }' "$file")")
            max=$(wrk_ms "$(awk '$1 == "Latency" { print $4 }' "$file")")
            errors=$(awk '/Socket errors/ { e = $4 + $6 + $8 + $10 } /Non-2xx/ { n = $4 } END { printf "%d, %d", e, n }' "$file")
            label=${run#c}; label=${label/-writes/, a write every 4 s}
            target=""; met=""
            if [[ $run == c32 && $page != ke-hoach ]]; then
                target="< 100 ms"; met=$(verdict lt "$p99" 100)
            fi
            echo "| $page | $label | $rps | $p50 | $p99 | $max | $errors | $target | $met |"
        done
    done
    if [[ -f $results/web-rss.txt ]]; then
        peak=$(awk '/VmHWM/ { print $2 }' "$results/web-rss.txt")
        echo
        echo "Server memory after every run: peak RSS $(mb "$peak") MB (VmHWM), now $(mb "$(awk '/VmRSS/ { print $2 }' "$results/web-rss.txt")") MB; target < 300 MB: $(verdict lt "$peak" $((300 * 1024)))."
    fi
    if [[ -f $results/web-first-request.tsv ]]; then
        echo
        echo "First request of each page after start (computes and renders it): $(awk -F'\t' '{ split($2, a, " "); printf "%s%s %.2f s", (NR > 1 ? ", " : ""), $1, a[2] }' "$results/web-first-request.tsv")."
    fi
fi

echo
echo "### Synthetic data loads (cchc-synth database)"
echo
echo "| load | plans | activities | progress entries | evidence | triggers | time (s) |"
echo "|---|---:|---:|---:|---:|---|---:|"
for name in synth-export synth-province synth-national; do
    file="$results/$name.json"
    [[ -f $file ]] || continue
    jq -r --arg n "${name#synth-}" '"| \($n) (\(.shape.provinces) × \(.shape.units) × \(.shape.activities) × \(.shape.entries)) | \(.counts["kế hoạch"]) | \(.counts["hoạt động"]) | \(.counts["mục tiến độ"]) | \(.counts["minh chứng"]) | \(if .triggersBypassed then "bypassed (replica)" else "fired" end) | \(.totalSeconds) |"' "$file"
done
if [[ -f $results/national-size.txt ]]; then
    echo
    echo "National database size: $(cat "$results/national-size.txt")."
fi
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
