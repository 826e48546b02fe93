#!/usr/bin/env bash
# Writes a DRAFT of one plan's report for the current quarter (or a given period) in every format
# to a shared folder, for Văn phòng Sở to review. Run by cchc-export-report@.service.
#
# It never submits: `cchc-export report … --submit` freezes a numbered snapshot and locks the
# period, which is a decision a person takes after reading the draft.
#
# Exit status: that of the first cchc-export run that failed (1 input, 3 database), 2 usage.
set -euo pipefail

CCHC_SCRIPT_NAME=cchc-export-draft
say() {
    printf '%s: %s\n' "$CCHC_SCRIPT_NAME" "$*" >&2
}

usage() {
    cat <<'EOF'
Cách dùng: export-draft.sh --plan MÃ_KẾ_HOẠCH [--period KỲ] [--regime nd09|cchc] [--dir THƯ_MỤC]

Xuất BẢN NHÁP báo cáo của kế hoạch cho kỳ báo cáo (mặc định: quý hiện tại theo lịch, ví dụ
2024-Q2) ra THƯ_MỤC/<mã kế hoạch>/<kỳ>/ ở các định dạng docx, json, csv và md.
Không bao giờ nộp (--submit) báo cáo: việc nộp chốt số liệu và khóa kỳ, phải do người có thẩm
quyền thực hiện sau khi đọc bản nháp.

Tùy chọn:
      --plan MÃ          số, ký hiệu của kế hoạch, ví dụ 45/KH-STP (bắt buộc)
      --period KỲ        kỳ báo cáo, ví dụ 2024-Q2, 2024-H1 (mặc định: $CCHC_EXPORT_PERIOD hoặc quý hiện tại)
      --regime CHẾ_ĐỘ    nd09 hoặc cchc (mặc định: $CCHC_EXPORT_REGIME hoặc nd09)
      --dir THƯ_MỤC      thư mục dùng chung (mặc định: $CCHC_EXPORT_DIR hoặc /srv/cchc/bao-cao)
  -h, --help             hiển thị trợ giúp này

Người thực hiện: $CCHC_EXPORT_USER (nếu có) hoặc $CCHC_USER; kết nối: DATABASE_URL hoặc các biến PG*.
EOF
}

plan=""
period=${CCHC_EXPORT_PERIOD:-}
regime=${CCHC_EXPORT_REGIME:-nd09}
directory=${CCHC_EXPORT_DIR:-/srv/cchc/bao-cao}

while (($# > 0)); do
    case $1 in
        --plan | --period | --regime | --dir)
            [[ $# -ge 2 ]] || { say "Thiếu giá trị cho $1"; exit 2; }
            case $1 in
                --plan) plan=$2 ;;
                --period) period=$2 ;;
                --regime) regime=$2 ;;
                --dir) directory=$2 ;;
            esac
            shift 2
            ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            say "Tham số không hợp lệ: $1"
            usage >&2
            exit 2
            ;;
    esac
done

if [[ -z $plan ]]; then
    say "Thiếu --plan (mã kế hoạch, ví dụ 45/KH-STP)."
    exit 2
fi
if [[ -z $period ]]; then
    # The calendar quarter of today: the report Văn phòng Sở is preparing during that quarter.
    month=$((10#$(date +%m)))
    period="$(date +%Y)-Q$(((month - 1) / 3 + 1))"
fi
if [[ ! $period =~ ^[0-9]{4}-(M(0[1-9]|1[0-2])|Q[1-4]|H[12]|9M|Y)$ ]]; then
    say "Kỳ báo cáo không hợp lệ: $period (ví dụ 2024-Q2, 2024-M05, 2024-H1, 2024-9M, 2024-Y)."
    exit 2
fi
if [[ $regime != nd09 && $regime != cchc ]]; then
    say "Chế độ báo cáo không hợp lệ: $regime (nd09 hoặc cchc)."
    exit 2
fi
if [[ -n ${CCHC_EXPORT_USER:-} ]]; then
    export CCHC_USER=$CCHC_EXPORT_USER
fi
if ! command -v cchc-export >/dev/null 2>&1; then
    say "Không tìm thấy chương trình cchc-export trong PATH."
    exit 1
fi

# "45/KH-SLĐTBXH" → "45-KH-SLĐTBXH": one file-name component, Vietnamese letters kept, nothing a
# Windows share refuses.
slug=${plan//[\/\\:*?\"<>| ]/-}
while [[ $slug == .* ]]; do slug=${slug#.}; done
slug=${slug:-ke-hoach}
target="$directory/$slug/$period"
if ! mkdir -p -- "$target" 2>/dev/null || [[ ! -w $target ]]; then
    say "Không ghi được vào thư mục $target."
    exit 1
fi

status=0
for format in docx json csv md; do
    file="$target/BC-$slug-$period-du-thao.$format"
    # cchc-export writes to a temporary file and renames it, so a reader never sees half a file.
    if cchc-export report --plan "$plan" --period "$period" --regime "$regime" --format "$format" -o "$file"; then
        say "Đã ghi bản nháp: $file"
    else
        code=$?
        say "Xuất định dạng $format thất bại (mã $code)."
        ((status == 0)) && status=$code
    fi
done
exit "$status"
