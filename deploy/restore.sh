#!/usr/bin/env bash
# Restores a backup made by deploy/backup.sh into a database: a NEW (missing or empty) one unless
# --force is given. Everything is restored in one transaction, so a failure leaves the target as it
# was. Afterwards the statistics are rebuilt and the schema version is printed.
#
# Exit status: 0 success; 1 refused or failed (the target is unchanged); 2 usage;
# 3 the server is unreachable.
set -euo pipefail

CCHC_SCRIPT_NAME=cchc-restore
script_dir=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/connection.sh
source "$script_dir/lib/connection.sh"

usage() {
    cat <<'EOF'
Cách dùng: restore.sh [--force] [--no-owner] [--database-url URL] TỆP_SAO_LƯU CSDL_ĐÍCH

Khôi phục một bản sao lưu của backup.sh vào CSDL_ĐÍCH trên máy chủ của kết nối hiện hành.
Mặc định CSDL_ĐÍCH phải là một CSDL mới: chưa có (sẽ được tạo, cần quyền CREATEDB) hoặc rỗng.
Toàn bộ được khôi phục trong một giao dịch (--single-transaction --exit-on-error): lỗi ở bất kỳ
đâu thì CSDL_ĐÍCH giữ nguyên như trước.

Tùy chọn:
      --force            cho phép khôi phục đè lên một CSDL không rỗng (các đối tượng có trong
                         bản sao lưu bị xóa rồi tạo lại; đối tượng khác được giữ nguyên)
      --no-owner         không khôi phục chủ sở hữu: mọi đối tượng thuộc vai trò đang kết nối
                         (mặc định giữ chủ sở hữu, ví dụ cchc_owner: vai trò đó phải tồn tại)
      --database-url URL kết nối tới máy chủ như các công cụ cchc (tên CSDL trong URL chỉ dùng
                         để kết nối ban đầu); nếu không có: DATABASE_URL, các biến PG*, rồi cụm
                         cục bộ dưới $CCHC_HOME
  -h, --help             hiển thị trợ giúp này

Trên một máy chủ mới, chạy deploy/postgres/setup-roles.sql trước: các vai trò nhóm
cchc_admin, cchc_unit, cchc_viewer (và cchc_owner) là của cả cụm, không nằm trong bản sao lưu.
Mã thoát: 0 thành công, 1 từ chối hoặc thất bại (CSDL đích không đổi), 2 sai cách dùng,
3 không kết nối được máy chủ.
EOF
}

force=false
no_owner=false
database_url=""
positional=()

while (($# > 0)); do
    case $1 in
        --force)
            force=true
            shift
            ;;
        --no-owner)
            no_owner=true
            shift
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
        --)
            shift
            positional+=("$@")
            break
            ;;
        -*)
            cchc_say "Tùy chọn không hợp lệ: $1"
            usage >&2
            exit 2
            ;;
        *)
            positional+=("$1")
            shift
            ;;
    esac
done

if ((${#positional[@]} != 2)); then
    cchc_say "Cần đúng hai tham số: TỆP_SAO_LƯU và CSDL_ĐÍCH."
    usage >&2
    exit 2
fi
archive=${positional[0]}
target=${positional[1]}

# Target names are plain identifiers: safe in URLs, conninfo strings and SQL alike.
if [[ ! $target =~ ^[a-z_][a-z0-9_]{0,62}$ ]]; then
    cchc_say "Tên CSDL đích không hợp lệ: '$target' (chỉ chữ thường không dấu, chữ số và '_', tối đa 63 ký tự)."
    exit 2
fi
if [[ ! -f $archive || ! -r $archive ]]; then
    cchc_say "Không đọc được tệp sao lưu: $archive"
    exit 1
fi
for tool in pg_restore psql sha256sum; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        cchc_say "Không tìm thấy chương trình $tool (cài gói postgresql-client và coreutils)."
        exit 1
    fi
done

# The archive must be intact before anything on the server is touched.
if [[ -f "$archive.sha256" ]]; then
    expected=$(cut -d' ' -f1 <"$archive.sha256")
    actual=$(sha256sum <"$archive" | cut -d' ' -f1)
    if [[ $expected != "$actual" ]]; then
        cchc_say "Tổng kiểm sha256 của $archive không khớp với $archive.sha256: tệp đã hỏng hoặc bị sửa."
        exit 1
    fi
else
    cchc_say "Cảnh báo: không có $archive.sha256, bỏ qua kiểm tra tổng kiểm."
fi

work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT
# The table of contents, then every entry read through to the end (catches a truncated archive
# even when no .sha256 is at hand).
if ! pg_restore --list "$archive" >"$work/toc" 2>"$work/toc.err" \
    || ! pg_restore --file=/dev/null "$archive" 2>"$work/toc.err"; then
    cchc_say "Tệp $archive không phải bản sao lưu pg_dump hợp lệ hoặc đã bị cắt cụt:"
    sed 's/^/    /' "$work/toc.err" >&2
    exit 1
fi

cchc_resolve_connection "$database_url" || exit $?
cchc_require_reachable || exit $?

exists=$(cchc_psql -v target="$target" <<'SQL'
SELECT count(*) FROM pg_database WHERE datname = :'target';
SQL
)

created=false
if [[ $exists == 0 ]]; then
    cchc_say "CSDL $target chưa có: đang tạo (UTF8, C.UTF-8) …"
    # Owned by cchc_owner when that role exists and this login may hand a database to it.
    if ! create_output=$(cchc_psql -v target="$target" 2>&1 <<'SQL'
SELECT format('CREATE DATABASE %I%s ENCODING %L LC_COLLATE %L LC_CTYPE %L TEMPLATE template0',
              :'target',
              CASE WHEN NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cchc_owner') THEN ''
                   WHEN pg_has_role(current_user, 'cchc_owner', 'MEMBER') THEN ' OWNER cchc_owner'
                   ELSE '' END,
              'UTF8', 'C.UTF-8', 'C.UTF-8')
\gexec
SQL
    ); then
        cchc_say "Không tạo được CSDL $target:"
        printf '%s\n' "$create_output" | sed 's/^/    /' >&2
        cchc_say "Hãy nhờ quản trị máy chủ tạo sẵn nó, ví dụ:"
        cchc_say "    sudo -u postgres psql -f deploy/postgres/setup-roles.sql -v dbname=$target"
        exit 1
    fi
    created=true
fi

# A database this script created is dropped again when the restore does not complete.
drop_created() {
    if $created; then
        cchc_psql -v target="$target" <<'SQL' || cchc_say "Không xóa được CSDL $target vừa tạo; hãy xóa nó bằng tay."
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'target')
\gexec
SQL
    fi
}

target_conninfo=$(cchc_conninfo_for "$target") || exit $?
export CCHC_PSQL_CONNINFO=$target_conninfo
cchc_require_reachable || exit $?

# "Empty" means no relation outside the system schemas (extensions such as btree_gist add none).
relations=$(cchc_psql -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                          WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'")
clean=()
if ((relations > 0)); then
    if ! $force; then
        cchc_say "CSDL $target không rỗng ($relations bảng/chỉ mục/chuỗi số): từ chối khôi phục đè."
        cchc_say "Khôi phục vào một CSDL mới, hoặc thêm --force nếu thật sự muốn thay thế nội dung của nó."
        exit 1
    fi
    cchc_say "CSDL $target không rỗng ($relations quan hệ): --force, các đối tượng của bản sao lưu sẽ được thay thế."
    clean=(--clean --if-exists)
fi

# Entries a non-superuser cannot restore, or that must not be dropped and recreated:
# COMMENT ON EXTENSION needs the extension's owner; an extension already installed (by
# setup-roles.sql, as a superuser) is kept as it is.
installed=$(cchc_psql -c "SELECT string_agg(extname, ' ') FROM pg_extension")
skip_pattern=' COMMENT - EXTENSION '
for extension in $installed; do
    skip_pattern+="|^[0-9]+; [0-9]+ [0-9]+ EXTENSION - $extension( |\$)"
done
grep -Ev -- "$skip_pattern" "$work/toc" >"$work/toc.use" || true

owner=()
epilogue=()
if $no_owner; then
    owner=(--no-owner)
    # ALTER DEFAULT PRIVILEGES FOR ROLE <the old owner> cannot be restored by another role (and that
    # role may not exist here): restore those entries for the role doing the restore instead.
    if grep -q ' DEFAULT ACL ' "$work/toc.use"; then
        grep ' DEFAULT ACL ' "$work/toc.use" >"$work/toc.acl"
        grep -v ' DEFAULT ACL ' "$work/toc.use" >"$work/toc.rest" || true
        mv "$work/toc.rest" "$work/toc.use"
        if ! pg_restore --use-list="$work/toc.acl" --file="$work/default-privileges.raw" "$archive"; then
            cchc_say "Không đọc được các quyền mặc định trong $archive."
            CCHC_PSQL_CONNINFO="" drop_created
            exit 1
        fi
        sed -E 's/ALTER DEFAULT PRIVILEGES FOR ROLE ("[^"]+"|[^ ]+) /ALTER DEFAULT PRIVILEGES /' \
            "$work/default-privileges.raw" >"$work/default-privileges.sql"
        epilogue=(-f "$work/default-privileges.sql")
    fi
fi

# pg_dump writes each table's privileges as the difference from the built-in defaults, and puts the
# archive's own ALTER DEFAULT PRIVILEGES last for that reason. Default privileges already present
# in the target (any database that has the cchc schema: migration 0002 sets some) would be applied
# to the tables the archive recreates — audit_log would come back writable by cchc_admin. So when
# the target has any (or default privileges must be rewritten for --no-owner), the archive becomes
# one SQL script run by psql in a single transaction: revoke them, restore, then the rewritten ones.
default_acls=$(cchc_psql -c 'SELECT count(*) FROM pg_default_acl')

started=$(date +%s)
cchc_say "Đang khôi phục $archive vào CSDL $target (nguồn kết nối: $CONNECTION_SOURCE) …"
if ((default_acls == 0 && ${#epilogue[@]} == 0)); then
    pg_restore --exit-on-error --single-transaction --no-password --use-list="$work/toc.use" \
        "${clean[@]}" "${owner[@]}" --dbname="$target_conninfo" "$archive" && restored=true || restored=false
else
    cat >"$work/prologue.sql" <<'SQL'
DO $$
DECLARE
    d record;
    grantee text;
BEGIN
    FOR d IN SELECT defaclrole::regrole::text AS owner, defaclnamespace::regnamespace::text AS schema,
                    CASE defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS'
                                       WHEN 'T' THEN 'TYPES' WHEN 'n' THEN 'SCHEMAS' END AS kind,
                    defaclacl, defaclnamespace
               FROM pg_default_acl LOOP
        IF d.defaclnamespace = 0 THEN
            RAISE EXCEPTION 'cchc: global default privileges of % in the target database; remove them first', d.owner;
        END IF;
        FOR grantee IN SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END
                         FROM aclexplode(d.defaclacl) AS a LOOP
            EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %s IN SCHEMA %s REVOKE ALL ON %s FROM %s',
                           d.owner, d.schema, d.kind, grantee);
        END LOOP;
    END LOOP;
END
$$;
SQL
    # The whole script runs in one transaction: written out completely first, so a failing
    # pg_restore can never hand psql half a script to commit.
    if pg_restore --no-password --use-list="$work/toc.use" "${clean[@]}" "${owner[@]}" \
        --file="$work/restore.sql" "$archive"; then
        CCHC_PSQL_CONNINFO=$target_conninfo cchc_psql --single-transaction \
            -f "$work/prologue.sql" -f "$work/restore.sql" "${epilogue[@]}" >/dev/null && restored=true || restored=false
    else
        restored=false
    fi
fi
if ! $restored; then
    cchc_say "Khôi phục thất bại; giao dịch đã được hủy, CSDL $target không thay đổi."
    CCHC_PSQL_CONNINFO="" drop_created
    exit 1
fi

# pg_restore does not carry planner statistics.
cchc_psql -c 'ANALYZE' 2>/dev/null || cchc_say "Cảnh báo: ANALYZE không chạy được; hãy chạy nó với vai trò chủ sở hữu."

# A dump does not carry the database's own privileges: nobody but the owner may create temporary
# objects (they would shadow the schema's tables for that session) or objects in public.
if ! cchc_psql -v target="$target" >/dev/null 2>&1 <<'SQL'
SELECT format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', :'target')
\gexec
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
then
    cchc_say "Cảnh báo: không thu hồi được quyền TEMPORARY của PUBLIC trên CSDL $target; hãy chạy với vai trò chủ sở hữu: REVOKE TEMPORARY ON DATABASE $target FROM PUBLIC"
fi

status=none
if [[ $(cchc_psql -c "SELECT to_regclass('schema_migrations') IS NOT NULL") == t ]]; then
    status=$(cchc_psql -F ' ' -c 'SELECT coalesce(max(version), 0), count(*) FROM schema_migrations')
fi
tables=$(cchc_psql -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE c.relkind = 'r' AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'")
cchc_say "Xong sau $(($(date +%s) - started)) giây: $tables bảng trong CSDL $target."
if [[ $status == none ]]; then
    cchc_say "CSDL $target đã được khôi phục nhưng không có bảng schema_migrations: đây không phải bản sao lưu của cchc, các công cụ sẽ không dùng được nó."
    exit 1
fi
read -r version count <<<"$status"
printf 'Lược đồ: phiên bản %04d (%s migration đã áp dụng).\n' "$version" "$count"
printf 'Kiểm tra với chương trình: cchc-admin db status (kết nối tới CSDL %s).\n' "$target"
