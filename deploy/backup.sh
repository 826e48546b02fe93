#!/usr/bin/env bash
# Backs up the cchc database with pg_dump in the custom format, verifies the archive, writes its
# sha256 beside it and removes backups older than the retention period.
#
# Exit status: 0 success; 1 the dump or its verification failed (no file is left behind);
# 2 usage; 3 the database is unreachable.
set -euo pipefail

CCHC_SCRIPT_NAME=cchc-backup
script_dir=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/connection.sh
source "$script_dir/lib/connection.sh"

usage() {
    cat <<'EOF'
Cách dùng: backup.sh [-d THƯ_MỤC] [-k SỐ_NGÀY] [--database-url URL]

Sao lưu cơ sở dữ liệu cchc bằng pg_dump (định dạng custom, -Fc) vào
THƯ_MỤC/cchc-<tên CSDL>-<YYYYMMDDTHHMMSSZ>.dump, kiểm tra tệp bằng pg_restore --list,
ghi tổng kiểm sha256 (<tệp>.sha256) rồi xóa các bản sao lưu cũ hơn SỐ_NGÀY ngày.

Tùy chọn:
  -d, --dir THƯ_MỤC      thư mục chứa bản sao lưu
                         (mặc định: $CCHC_BACKUP_DIR, nếu không có: /var/backups/cchc)
  -k, --keep-days N      giữ bản sao lưu trong N ngày; 0 = không bao giờ xóa
                         (mặc định: $CCHC_BACKUP_KEEP_DAYS, nếu không có: 14)
      --database-url URL kết nối như các công cụ cchc; nếu không có: DATABASE_URL,
                         rồi các biến PG* (PGHOST, PGUSER, PGSERVICE…), rồi cụm cục bộ
                         dưới $CCHC_HOME
  -h, --help             hiển thị trợ giúp này

Nên chạy với vai trò cchc_backup (chỉ đọc, BYPASSRLS) hoặc cchc_migrator; tài khoản của từng người
không sao lưu được vì pg_dump từ chối các bảng có chính sách bảo mật theo dòng (RLS).
Mã thoát: 0 thành công, 1 sao lưu/kiểm tra thất bại, 2 sai cách dùng, 3 không kết nối được CSDL.
EOF
}

backup_dir=${CCHC_BACKUP_DIR:-/var/backups/cchc}
keep_days=${CCHC_BACKUP_KEEP_DAYS:-14}
database_url=""

while (($# > 0)); do
    case $1 in
        -d | --dir)
            [[ $# -ge 2 ]] || { cchc_say "Thiếu giá trị cho $1"; exit 2; }
            backup_dir=$2
            shift 2
            ;;
        -k | --keep-days)
            [[ $# -ge 2 ]] || { cchc_say "Thiếu giá trị cho $1"; exit 2; }
            keep_days=$2
            shift 2
            ;;
        --database-url)
            [[ $# -ge 2 ]] || { cchc_say "Thiếu giá trị cho $1"; exit 2; }
            database_url=$2
            shift 2
            ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            cchc_say "Tham số không hợp lệ: $1"
            usage >&2
            exit 2
            ;;
    esac
done

if [[ ! $keep_days =~ ^[0-9]+$ ]]; then
    cchc_say "Số ngày lưu giữ phải là số nguyên không âm, nhận được: $keep_days"
    exit 2
fi
if [[ -z $backup_dir ]]; then
    cchc_say "Thư mục sao lưu không được để trống."
    exit 2
fi
for tool in pg_dump pg_restore psql sha256sum; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        cchc_say "Không tìm thấy chương trình $tool (cài gói postgresql-client và coreutils)."
        exit 1
    fi
done

cchc_resolve_connection "$database_url" || exit $?
cchc_require_reachable || exit $?

database=$(cchc_psql -c 'SELECT current_database()')
schema_version="chưa migrate"
if [[ $(cchc_psql -c "SELECT to_regclass('schema_migrations') IS NOT NULL") == t ]]; then
    schema_version=$(cchc_psql -c 'SELECT coalesce(max(version), 0) FROM schema_migrations')
fi
table_count=$(cchc_psql -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                             WHERE c.relkind = 'r' AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'")

# Backups hold personal data (users, audit trail): private to the account that makes them.
umask 077
if ! mkdir -p -- "$backup_dir" 2>/dev/null || [[ ! -w $backup_dir ]]; then
    cchc_say "Không ghi được vào thư mục sao lưu $backup_dir (thiếu quyền hoặc không tồn tại)."
    exit 1
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
name="cchc-$database-$stamp.dump"
final="$backup_dir/$name"
partial="$backup_dir/.$name.partial"
listing="$backup_dir/.$name.list"
if [[ -e $final ]]; then
    cchc_say "Tệp $final đã tồn tại; chờ một giây rồi chạy lại."
    exit 1
fi

cleanup() {
    rm -f -- "$partial" "$partial.sha256" "$listing"
}
trap cleanup EXIT

connection=()
[[ -n $CONNINFO ]] && connection=(--dbname="$CONNINFO")

started=$(date +%s)
cchc_say "Đang sao lưu CSDL $database (nguồn kết nối: $CONNECTION_SOURCE, lược đồ: $schema_version) …"
# -Fc keeps owners and privileges in the archive; whether to apply them is decided at restore time
# (pg_dump ignores --no-owner for archive formats anyway). --lock-wait-timeout makes a dump that
# queues behind a running migration fail instead of blocking every other session.
if ! pg_dump --format=custom --no-password --lock-wait-timeout=60s \
    --file="$partial" "${connection[@]}"; then
    cchc_say "pg_dump thất bại; không có bản sao lưu nào được tạo."
    exit 1
fi

# A readable table of contents, with one TABLE DATA entry per table of the database.
if ! pg_restore --list "$partial" >"$listing"; then
    cchc_say "Tệp sao lưu không đọc được bằng pg_restore --list; đã hủy."
    exit 1
fi
data_entries=$(grep -c ' TABLE DATA ' "$listing" || true)
if ((data_entries != table_count)); then
    cchc_say "Tệp sao lưu có $data_entries mục dữ liệu bảng nhưng CSDL có $table_count bảng; đã hủy."
    exit 1
fi

# "HASH  NAME", as sha256sum -c expects; restore.sh checks it.
checksum=$(sha256sum <"$partial" | cut -d' ' -f1)
printf '%s  %s\n' "$checksum" "$name" >"$partial.sha256"
mv -- "$partial" "$final"
mv -- "$partial.sha256" "$final.sha256"

removed=0
if ((keep_days > 0)); then
    while IFS= read -r -d '' old; do
        [[ $old == "$final" ]] && continue
        rm -f -- "$old" "$old.sha256"
        removed=$((removed + 1))
    done < <(find "$backup_dir" -maxdepth 1 -type f -name "cchc-$database-*.dump" \
        -mmin "+$((keep_days * 1440))" -print0)
fi

size=$(du -h -- "$final" | cut -f1)
cchc_say "Xong sau $(($(date +%s) - started)) giây: $final ($size, $table_count bảng, lược đồ $schema_version)."
if ((removed > 0)); then
    cchc_say "Đã xóa $removed bản sao lưu cũ hơn $keep_days ngày."
fi
printf '%s\n' "$final"
