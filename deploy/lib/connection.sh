# shellcheck shell=bash
# Sourced by deploy/backup.sh and deploy/restore.sh: finds the database the way the cchc tools do.
#
#   1. --database-url URL (passed in as $1)
#   2. DATABASE_URL
#   3. the libpq variables PGHOST, PGHOSTADDR, PGPORT, PGDATABASE, PGUSER, PGSERVICE
#   4. otherwise the embedded cluster under $CCHC_HOME: its socket directory comes from
#      `cchc-admin db path` when that tool is installed, else from the known layout.
#
# After cchc_resolve_connection, CONNINFO holds a conninfo string or URL, or is empty to mean
# "libpq variables" (the embedded case exports PGHOST/PGPORT/PGUSER/PGDATABASE); CONNECTION_SOURCE
# names where it came from, for messages. Passwords come from ~/.pgpass, PGPASSFILE or the URL;
# nothing here ever prompts (every client runs with --no-password).

CONNINFO=""
CONNECTION_SOURCE=""

# Prints a message on stderr, prefixed with the script's name.
cchc_say() {
    printf '%s: %s\n' "${CCHC_SCRIPT_NAME:-cchc}" "$*" >&2
}

# The cchc-admin executable: $CCHC_ADMIN, else the one in PATH (nothing when neither exists).
cchc_admin_binary() {
    if [[ -n ${CCHC_ADMIN:-} && -x ${CCHC_ADMIN} ]]; then
        printf '%s\n' "$CCHC_ADMIN"
    elif command -v cchc-admin >/dev/null 2>&1; then
        command -v cchc-admin
    fi
}

# $CCHC_HOME as the tools compute it.
cchc_home() {
    if [[ -n ${CCHC_HOME:-} ]]; then
        printf '%s\n' "$CCHC_HOME"
    elif [[ ${XDG_DATA_HOME:-} == /* ]]; then
        printf '%s/cchc\n' "$XDG_DATA_HOME"
    else
        printf '%s/.local/share/cchc\n' "${HOME:?HOME is not set}"
    fi
}

# Where root's cluster lives when the postgres account cannot reach $CCHC_HOME:
# /var/lib/cchc/<home path, components joined by "-", other bytes as %XX>.
cchc_relocated_root() {
    local home=$1 name="" component byte i
    local -a components
    IFS=/ read -r -a components <<<"$home"
    for component in "${components[@]}"; do
        [[ -z $component ]] && continue
        [[ -n $name ]] && name+="-"
        for ((i = 0; i < ${#component}; i++)); do
            byte=${component:i:1}
            if [[ $byte =~ ^[A-Za-z0-9._]$ ]]; then
                name+=$byte
            else
                name+=$(printf '%%%02X' "'$byte")
            fi
        done
    done
    printf '/var/lib/cchc/%s\n' "$name"
}

# The embedded cluster's unix socket directory, or a message and status 3.
cchc_embedded_socket() {
    local admin directory="" home candidate
    admin=$(cchc_admin_binary)
    if [[ -n $admin ]]; then
        directory=$("$admin" db path 2>/dev/null | head -n 1) || directory=""
    fi
    if [[ $directory != /* ]]; then
        home=$(cchc_home)
        directory="$home/run"
        if [[ ! -d $directory && $EUID -eq 0 ]]; then
            candidate="$(LC_ALL=C cchc_relocated_root "$home")/run"
            [[ -d $candidate ]] && directory=$candidate
        fi
    fi
    if [[ ! -S "$directory/.s.PGSQL.5432" ]]; then
        cchc_say "Không tìm thấy cụm PostgreSQL cục bộ đang chạy (socket $directory/.s.PGSQL.5432)."
        cchc_say "Khởi động nó bằng: cchc-admin db start — hoặc đặt DATABASE_URL / PGHOST tới máy chủ PostgreSQL."
        return 3
    fi
    printf '%s\n' "$directory"
}

# Sets CONNINFO and CONNECTION_SOURCE; $1 is the --database-url value (may be empty).
cchc_resolve_connection() {
    local argument=${1:-} variable socket
    if [[ -n $argument ]]; then
        CONNINFO=$argument
        CONNECTION_SOURCE="--database-url"
        return 0
    fi
    if [[ -n ${DATABASE_URL:-} ]]; then
        CONNINFO=$DATABASE_URL
        CONNECTION_SOURCE="DATABASE_URL"
        return 0
    fi
    for variable in PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGSERVICE; do
        if [[ -n ${!variable:-} ]]; then
            CONNINFO=""
            CONNECTION_SOURCE="biến môi trường PG*"
            return 0
        fi
    done
    socket=$(cchc_embedded_socket) || return 3
    export PGHOST=$socket PGPORT=5432 PGDATABASE=cchc
    if [[ $EUID -eq 0 ]]; then
        export PGUSER=postgres
    else
        PGUSER=$(id -un)
        export PGUSER
    fi
    CONNINFO=""
    CONNECTION_SOURCE="cụm PostgreSQL cục bộ ($socket)"
}

# The current connection with its database replaced by $1 (a plain identifier).
cchc_conninfo_for() {
    local database=$1
    local url='^(postgres(ql)?://[^/?#]*)(/[^?#]*)?(\?[^#]*)?$'
    if [[ -z $CONNINFO ]]; then
        printf 'dbname=%s\n' "$database"
    elif [[ $CONNINFO =~ ^postgres(ql)?:// ]]; then
        if [[ ! $CONNINFO =~ $url ]]; then
            cchc_say "Không hiểu được URL kết nối (nguồn: $CONNECTION_SOURCE)."
            return 2
        fi
        printf '%s/%s%s\n' "${BASH_REMATCH[1]}" "$database" "${BASH_REMATCH[4]}"
    else
        # In a key=value string the last setting of a key wins.
        printf "%s dbname='%s'\n" "$CONNINFO" "$database"
    fi
}

# psql on the resolved connection (or on conninfo $CCHC_PSQL_CONNINFO when set): no ~/.psqlrc, no
# prompts, unaligned tuples only, stop at the first error.
cchc_psql() {
    local target=${CCHC_PSQL_CONNINFO:-$CONNINFO}
    local -a connection=()
    [[ -n $target ]] && connection=(--dbname="$target")
    psql -X -q -A -t --no-password -v ON_ERROR_STOP=1 "${connection[@]}" "$@"
}

# Fails with status 3 and a message naming the connection when the server does not answer.
cchc_require_reachable() {
    local output
    if ! output=$(cchc_psql -c 'SELECT 1' 2>&1); then
        cchc_say "Không kết nối được cơ sở dữ liệu (nguồn: $CONNECTION_SOURCE):"
        printf '%s\n' "$output" | sed 's/^/    /' >&2
        return 3
    fi
}
