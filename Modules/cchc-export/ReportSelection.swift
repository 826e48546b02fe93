import ArgumentParser

/// `--plan`, `--period`, `--regime` shared by the report commands.
struct ReportSelection: ParsableArguments {
    @Option(help: "Kế hoạch: số ký hiệu (45/KH-STP) hoặc mã số (#3) khi chưa có số.")
    var plan: String

    @Option(help: "Kỳ báo cáo: 2024-M05, 2024-Q1…Q4, 2024-H1, 2024-9M, 2024-Y.")
    var period: String

    @Option(help: "Chế độ báo cáo: cchc (hướng dẫn của Bộ Nội vụ, mặc định) hoặc nd09 (Nghị định 09/2019).")
    var regime: String = "cchc"
}
