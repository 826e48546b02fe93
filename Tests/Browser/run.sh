#!/usr/bin/env bash
# The real-browser test of cchc-web: Debian's chromium and chromium-driver driven by selenium (PyPI), against
# `cchc-web serve` on 127.0.0.1 (a free port) and a fresh database on the PostgreSQL server the environment
# names (PGHOST/PGPORT/PGUSER, as .ci/run exports them). The web server connects as a web service login
# of its own (member of cchc_web_service), as on a real server.
#
#   Tests/Browser/run.sh [BUILD_DIR]       (default .build/debug; the tools must be built)
#
# Prints the folder the screenshots of every page land in. Exit status: the test's.
set -Eeuo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
bin=${1:-$root/.build/debug}
say() { printf '[browser] %s\n' "$*"; }

as_root() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo -n env DEBIAN_FRONTEND=noninteractive "$@"; fi; }
missing=()
for package in chromium chromium-driver fonts-noto-core; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
if ((${#missing[@]})); then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
        || { as_root apt-get update -q >/dev/null && as_root apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; }
fi
if ! python3 -c 'import selenium' 2>/dev/null; then
    say "installing selenium"
    python3 -m pip install -q --disable-pip-version-check selenium==4.51.0
fi

work=$(mktemp -d /tmp/cchc-browser.XXXXXX)
chmod 0755 "$work"
database="cchc_browser_$RANDOM$RANDOM"
web_login="cchc_web_$RANDOM$RANDOM"
server_pid=""
cleanup() {
    [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
    psql -X -q -d postgres -c "DROP ROLE IF EXISTS $web_login" >/dev/null 2>&1 || true
}
trap cleanup EXIT

psql -X -q -d postgres -c "CREATE DATABASE $database"
export DATABASE_URL="postgresql:///$database?host=${PGHOST:?}&port=${PGPORT:?}&user=${PGUSER:?}"
unset PGDATABASE
"$bin/cchc-admin" db migrate >/dev/null
admin() { CCHC_USER=vanphong "$bin/cchc-admin" "$@" >/dev/null; }
CCHC_USER=vanphong "$bin/cchc-import" plan Tests/Fixtures/KH-SLDTBXH-2024.txt >/dev/null
sldtbxh="Sở Lao động - Thương binh và Xã hội"
admin unit review accept "$sldtbxh" --top-level
admin unit add "Phòng Lao động - Việc làm" --kind division --parent "$sldtbxh"
admin unit review accept "các phòng chuyên môn, nghiệp vụ thuộc Sở"
admin unit group add-member "các phòng chuyên môn, nghiệp vụ thuộc Sở" "Phòng Lao động - Việc làm"
admin user add ld.s --role unit --unit "Phòng Lao động - Việc làm" --name "Trần Văn Minh"
echo "quan-tri-vien-van-phong" | admin user password vanphong --stdin --no-change-required
echo "can-bo-phong-lao-dong" | admin user password ld.s --stdin --no-change-required

psql -X -q -d "$database" -c "CREATE ROLE $web_login LOGIN IN ROLE cchc_web_service, cchc_admin, cchc_unit, cchc_viewer"
web_url="postgresql:///$database?host=$PGHOST&port=$PGPORT&user=$web_login"
"$bin/cchc-web" serve --bind 127.0.0.1:0 --as-of 10/06/2024 --database-url "$web_url" >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 1 100); do
    grep -q "đang phục vụ tại" "$work/server.out" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err"; exit 1; }
    sleep 0.1
done
base=$(sed -n 's/.*đang phục vụ tại \(http[^ ]*\).*/\1/p' "$work/server.out" | head -n 1)
[[ -n $base ]] || { say "the server did not start"; cat "$work/server.err"; exit 1; }
shots=${CCHC_SCREENSHOTS:-$work/screenshots}
mkdir -p "$shots"
say "server $base (login $web_login), screenshots in $shots"
python3 Tests/Browser/browser_test.py --base "$base" --shots "$shots" \
    --evidence Tests/Fixtures/bien-ban-hoi-nghi-2024-05-28.pdf
say "screenshots: $shots"
