#!/usr/bin/env bash
# The main job of cchc, end to end, on the embedded default (a private PostgreSQL the tools create and
# start themselves): import the provincial plan and two department plans, record progress with evidence,
# and export the Q2 and 6-month reports of Sở Lao động - Thương binh và Xã hội to ./out.
#
#   deploy/demo.sh            # build, then run the demo in a fresh private cluster under ./.demo
#   deploy/demo.sh --serve    # … then keep the web application running on http://127.0.0.1:8080
#   CCHC_HOME=… deploy/demo.sh   # use another home for the cluster (it is reset first)
#   CCHC_BUILD=release deploy/demo.sh
#
# Everything the demo creates lives in $CCHC_HOME (default ./.demo/cchc) and ./out; stop the cluster
# with `CCHC_HOME=… .build/debug/cchc-admin db stop`.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
serve=false
case ${1:-} in
    --serve) serve=true ;;
    "") ;;
    *) printf 'Cách dùng: deploy/demo.sh [--serve]\n' >&2; exit 2 ;;
esac

step=0
say() { step=$((step + 1)); printf '\n\033[1m[%d] %s\033[0m\n' "$step" "$*"; }
# Shows a command as one would type it (arguments with spaces quoted), then runs it.
show() {
    local shown=() argument
    for argument in "$@"; do
        if [[ $argument == *[[:space:]\'\"\>\#\;\&\|]* || -z $argument ]]; then shown+=("\"$argument\""); else shown+=("$argument"); fi
    done
    printf '  $ %s\n' "${shown[*]}"
}
run() { show "$@"; "$@"; }
die() { printf 'demo: %s\n' "$*" >&2; exit 1; }

# ------------------------------------------------------------------------------------------------
say "Gói hệ thống (postgresql, libpq-dev, pkgconf, zlib1g-dev)"
if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi
command -v swift >/dev/null 2>&1 || die "không tìm thấy swift (cần Swift 6.1 trở lên)"
missing=()
for package in postgresql libpq-dev pkgconf zlib1g-dev; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "  cài đặt: ${missing[*]}"
    as_root() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get install -y -q --no-install-recommends "${missing[@]}" \
        || { as_root apt-get update -q && as_root apt-get install -y -q --no-install-recommends "${missing[@]}"; }
else
    echo "  đã có đủ"
fi

# ------------------------------------------------------------------------------------------------
configuration=${CCHC_BUILD:-debug}
say "Biên dịch ($configuration)"
run swift build -c "$configuration" --product cchc-admin
run swift build -c "$configuration" --product cchc-import
run swift build -c "$configuration" --product cchc-export
run swift build -c "$configuration" --product cchc-web
bin="$root/.build/$configuration"
admin() { show cchc-admin "$@"; "$bin/cchc-admin" "$@"; }
import() { show cchc-import "$@"; "$bin/cchc-import" "$@"; }
export_() { show cchc-export "$@"; "$bin/cchc-export" "$@"; }

# The demo talks to its own private cluster, never to a server named by the environment.
unset DATABASE_URL PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGSERVICE
export CCHC_HOME=${CCHC_HOME:-$root/.demo/cchc}
export CCHC_USER=vanphong
samples="$root/Tests/Fixtures"
out="$root/out"

# ------------------------------------------------------------------------------------------------
say "Cụm PostgreSQL cục bộ trong $CCHC_HOME (tạo mới cho bản trình diễn)"
if [[ -d $CCHC_HOME ]]; then
    "$bin/cchc-admin" db stop >/dev/null 2>&1 || true
    # As root the server files may live outside the home (see `cchc-admin db path`).
    server_root=$("$bin/cchc-admin" db path 2>/dev/null | sed -n 's/^Dữ liệu: *//p' | xargs -r dirname)
    rm -rf "$CCHC_HOME"
    [[ -n $server_root && $server_root != "$CCHC_HOME" && -d $server_root ]] && rm -rf "$server_root"
fi
mkdir -p "$CCHC_HOME"
admin db start
admin db path

# ------------------------------------------------------------------------------------------------
say "Nhập kế hoạch của tỉnh (96/KH-UBND, tệp Word) và kế hoạch của các Sở"
admin user whoami
import plan "$samples/96-KH-UBND-2024.docx"
sldtbxh_json=$("$bin/cchc-import" plan "$samples/KH-SLDTBXH-2024.txt" --format json)
show cchc-import plan "$samples/KH-SLDTBXH-2024.txt" --format json
printf '%s\n' "$sldtbxh_json" | sed 's/^/    /'
plan=$(printf '%s\n' "$sldtbxh_json" | sed -n 's/^  "plan": "\(.*\)",$/\1/p')
[[ -n $plan ]] || die "không đọc được mã kế hoạch của Sở LĐTBXH"
import plan "$samples/45-KH-STP-2024.docx"
echo "  Nhập lại cùng tệp không thay đổi gì:"
import plan "$samples/96-KH-UBND-2024.txt"
admin plan list

# ------------------------------------------------------------------------------------------------
say "Rà soát đơn vị mới, lập các phòng của Sở LĐTBXH và nhóm \"các phòng chuyên môn, nghiệp vụ thuộc Sở\""
admin unit review list
sldtbxh="Sở Lao động - Thương binh và Xã hội"
# The Sở's draft has no header: say which body it belongs to (its reports print it as cơ quan chủ quản).
admin unit review accept "$sldtbxh" --parent "Ủy ban nhân dân tỉnh Bình Phước"
admin unit add "Phòng Lao động - Việc làm" --kind division --parent "$sldtbxh"
admin unit add "Phòng Bảo trợ xã hội" --kind division --parent "$sldtbxh"
admin unit add "Trung tâm Dịch vụ việc làm" --kind service-unit --parent "$sldtbxh"
admin unit review accept "các phòng chuyên môn, nghiệp vụ thuộc Sở"
admin unit group add-member "các phòng chuyên môn, nghiệp vụ thuộc Sở" "Phòng Lao động - Việc làm"
admin unit group add-member "các phòng chuyên môn, nghiệp vụ thuộc Sở" "Phòng Bảo trợ xã hội"
admin unit group add-member "các đơn vị sự nghiệp trực thuộc Sở" "Trung tâm Dịch vụ việc làm"
admin unit list --on 2024-06-30

# ------------------------------------------------------------------------------------------------
say "Người dùng: cán bộ Văn phòng Sở và cán bộ các phòng (vai trò unit)"
admin user add vp.sldtbxh --role unit --unit "$sldtbxh > Văn phòng Sở" --name "Nguyễn Thị Lan"
admin user add ldvl.sldtbxh --role unit --unit "Phòng Lao động - Việc làm" --name "Trần Văn Minh"
admin user list

# ------------------------------------------------------------------------------------------------
say "Ghi kết quả thực hiện kèm tài liệu kiểm chứng (đường liên kết, số văn bản, tệp)"
mkdir -p "$out"
minutes="$samples/bien-ban-hoi-nghi-2024-05-28.pdf"
echo "  Văn phòng Sở nhập bù các kết quả đã báo cáo bằng văn bản đúng hạn (tính đúng hạn theo ngày văn bản):"
admin progress add --activity "$plan#II.3.a" --date 02/04/2024 --unit "$sldtbxh > Văn phòng Sở" \
    --received-on 05/04/2024 --received-in "Báo cáo số 15/BC-VP ngày 05/4/2024 của Văn phòng Sở" \
    --text "Đăng 3 tin, bài về cải cách hành chính trên Trang thông tin điện tử của Sở" \
    --quantity 3 --quantity-unit "tin, bài" \
    --evidence "https://sldtbxh.binhphuoc.gov.vn/tin-tuc/cai-cach-hanh-chinh-quy-2-2024"
admin progress add --activity "$plan#II.3.a" --date 10/06/2024 --unit "$sldtbxh > Văn phòng Sở" \
    --received-on 12/06/2024 --received-in "Báo cáo số 21/BC-VP ngày 12/6/2024 của Văn phòng Sở" \
    --text "Đăng 2 tin về dịch vụ công trực tuyến lĩnh vực lao động" --quantity 2 --quantity-unit "tin, bài" \
    --evidence "https://sldtbxh.binhphuoc.gov.vn/tin-tuc/dich-vu-cong-truc-tuyen"
echo "  Phòng Lao động - Việc làm tự ghi kết quả hôm nay, sau hạn báo cáo: tính là trễ hạn."
admin progress add --activity "$plan#II.3.b" --date 28/05/2024 --as ldvl.sldtbxh \
    --text "Lồng ghép tuyên truyền cải cách hành chính tại hội nghị phổ biến Bộ luật Lao động (120 người dự)" \
    --quantity 120 --quantity-unit "người" --evidence "$minutes" --evidence "45/BC-SLĐTBXH"
admin progress add --activity "$plan#II.3.d" --unit "$sldtbxh > Văn phòng Sở" --date 20/05/2024 \
    --received-on 22/05/2024 --received-in "Báo cáo số 18/BC-VP ngày 22/5/2024 của Văn phòng Sở" \
    --text "Cử 02 công chức dự lớp tập huấn kiểm soát thủ tục hành chính do Sở Nội vụ tổ chức" \
    --quantity 2 --quantity-unit "người" --evidence "112/GM-SNV"
echo "  Cán bộ một phòng không ghi được kết quả cho hoạt động không giao cho phòng mình:"
if "$bin/cchc-admin" progress add --activity "$plan#II.3.c" --date 03/06/2024 --as ldvl.sldtbxh \
    --text "Thử ghi hộ Văn phòng" 2>&1 | sed 's/^/    /'; then :; fi
admin progress list --plan "$plan"

# ------------------------------------------------------------------------------------------------
say "Bảng theo dõi của Văn phòng Sở cho Quý II/2024"
admin status --plan "$plan" --period 2024-Q2

# ------------------------------------------------------------------------------------------------
say "Nội dung tự viết của báo cáo; dự thảo 6 tháng (Word, Excel, JSON, CSV, Markdown) vào $out"
export_ note --plan "$plan" --period 2024-Q2 \
    --issues "Một số phòng cập nhật kết quả chậm so với thời hạn; tài liệu kiểm chứng chưa đầy đủ." \
    --proposals "Đề nghị Sở Nội vụ tổ chức tập huấn kỹ năng viết tin, bài về cải cách hành chính."
export_ report --plan "$plan" --period 2024-H1 -o "$out/bao-cao-sldtbxh-2024-H1.docx" \
    -o "$out/bao-cao-sldtbxh-2024-H1.xlsx" -o "$out/bao-cao-sldtbxh-2024-H1.json" \
    -o "$out/bao-cao-sldtbxh-2024-H1.csv" -o "$out/bao-cao-sldtbxh-2024-H1.md"
export_ plan --plan "$plan" --format docx -o "$out/ke-hoach-sldtbxh-2024.docx"

# ------------------------------------------------------------------------------------------------
say "Nộp báo cáo Quý II (bản chốt có sha256, khóa kỳ): bản Word ký gửi đi và JSON đã băm là cùng một bản"
export_ report --plan "$plan" --period 2024-Q2 --submit -o "$out/bao-cao-sldtbxh-2024-Q2.docx" \
    -o "$out/bao-cao-sldtbxh-2024-Q2.xlsx" -o "$out/bao-cao-sldtbxh-2024-Q2.nop.json" \
    -o "$out/bao-cao-sldtbxh-2024-Q2.csv" -o "$out/bao-cao-sldtbxh-2024-Q2.md"
export_ snapshot list
# Any later export of Q2 is the submitted version, in every format (PDF when LibreOffice is installed).
if command -v soffice >/dev/null 2>&1; then
    export_ report --plan "$plan" --period 2024-Q2 -o "$out/bao-cao-sldtbxh-2024-Q2.pdf"
fi
export_ report --plan 45/KH-STP --period 2024-Q2 --format json -o "$out/bao-cao-stp-2024-Q2.json"
export_ aggregate --period 2024-Q2 --plan 96/KH-UBND --format docx -o "$out/tong-hop-tinh-2024-Q2.docx" \
    "$out/bao-cao-sldtbxh-2024-Q2.nop.json" "$out/bao-cao-stp-2024-Q2.json"
export_ aggregate --period 2024-Q2 --plan 96/KH-UBND --format xlsx -o "$out/tong-hop-tinh-2024-Q2.xlsx" \
    "$out/bao-cao-sldtbxh-2024-Q2.nop.json" "$out/bao-cao-stp-2024-Q2.json"
admin audit --since 2024-01-01 --limit 8

say "Ứng dụng web: mật khẩu cho người dùng của bản trình diễn"
# Demo passwords only: real people choose their own (cchc-admin user password NAME, without --stdin).
while read -r login password; do
    printf '%s\n' "$password" | "$bin/cchc-admin" user password "$login" --stdin --no-change-required
done <<'USERS'
vanphong demo-van-phong-2024
vp.sldtbxh demo-vp-sldtbxh-2024
ldvl.sldtbxh demo-ldvl-sldtbxh-2024
USERS

say "Xong. Các tệp trong $out:"
ls -l "$out"
web_help() {
    cat <<TEXT

Ứng dụng web trên dữ liệu của bản trình diễn (các trang tính theo ngày 20/06/2024, đầu Quý III của năm kế hoạch; Quý II đã nộp và khóa):
  http://127.0.0.1:8080
  Văn phòng Sở (quản trị):                 vanphong      / demo-van-phong-2024
  Cán bộ Văn phòng Sở LĐTBXH:              vp.sldtbxh    / demo-vp-sldtbxh-2024
  Cán bộ Phòng Lao động - Việc làm:        ldvl.sldtbxh  / demo-ldvl-sldtbxh-2024
TEXT
}
if $serve; then
    web_help
    printf '\nDừng máy chủ web bằng Ctrl-C; cụm PostgreSQL vẫn chạy (dừng: CCHC_HOME=%s %s/cchc-admin db stop).\n' \
        "$CCHC_HOME" "$bin"
    exec "$bin/cchc-web" serve --bind 127.0.0.1:8080 --as-of 20/06/2024
fi
printf '\nCụm PostgreSQL của bản trình diễn vẫn chạy; dùng tiếp với: export CCHC_HOME=%s\n' "$CCHC_HOME"
printf 'Dừng nó bằng: CCHC_HOME=%s %s/cchc-admin db stop\n' "$CCHC_HOME" "$bin"
printf 'Mở ứng dụng web trên dữ liệu này: deploy/demo.sh --serve (rồi vào http://127.0.0.1:8080).\n'
web_help
