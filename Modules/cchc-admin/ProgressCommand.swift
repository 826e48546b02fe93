import ArgumentParser
import CLISupport
import Foundation
import PlanCore
import PlanStore

/// `cchc-admin progress …`: results units report, with their evidence.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract:
            "Tiến độ: ghi kết quả thực hiện kèm tài liệu kiểm chứng, xem, sửa (bằng một mục mới thay thế mục cũ).",
        discussion: """
            Các mục tiến độ không bao giờ bị sửa hay xóa: muốn sửa, ghi một mục mới thay thế (progress correct) kèm lý do; \
            một kết quả ghi nhầm thì rút lại (progress withdraw) kèm lý do, không còn được tính ở đâu. \
            Tài liệu kiểm chứng (--evidence) là đường liên kết (http, https), số văn bản (123/BC-SLĐTBXH), hoặc đường dẫn \
            một tệp có thật (tệp được lưu vào cơ sở dữ liệu, tối đa 50 MB).
            """,
        subcommands: [Add.self, List.self, Correct.self, Withdraw.self, EvidenceCommand.self])

    /// `--evidence` values, classified (a path-like value that does not exist is refused).
    static func evidence(_ values: [String]) throws -> [EvidenceInput] {
        try values.map { value in
            do {
                return try EvidenceInput.classify(value)
            } catch let error as StoreError {
                throw ToolError(error.description)
            }
        }
    }

    /// The unit reporting: `--unit`, else the person's own unit.
    static func unit(_ store: Store, _ text: String?, on day: Day) throws -> Int64 {
        if let text { return try Arguments.unit(store, text, option: "--unit", on: day).id }
        guard let own = store.user.unitID else {
            throw ToolError.argument("--unit", "hãy cho biết đơn vị báo cáo kết quả.")
        }
        return own
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ghi một kết quả thực hiện hoạt động.")
        @Option(help: "Hoạt động (KẾ_HOẠCH#MỤC, MỤC kèm --plan, hoặc #mã).") var activity: String
        @Option(help: "Kế hoạch, khi --activity chỉ ghi mục.") var plan: String?
        @Option(help: "Đơn vị báo cáo (mặc định: đơn vị của người dùng).") var unit: String?
        @Option(help: "Ngày thực hiện (DD/MM/YYYY hoặc YYYY-MM-DD).") var date: String
        @Option(help: "Kết quả thực hiện.") var text: String
        @Option(help: "Số lượng (ví dụ 12, 1.000 hoặc 2,5: dấu chấm ngăn hàng nghìn, dấu phẩy thập phân).") var quantity: String?
        @Option(help: "Đơn vị tính của số lượng (ví dụ \"tin, bài\").") var quantityUnit: String?
        @Option(help: "Tài liệu kiểm chứng: đường liên kết, số văn bản hoặc đường dẫn tệp (lặp lại).") var evidence:
            [String] = []
        @Option(
            name: .customLong("received-on"),
            help: "Nhập bù từ hồ sơ giấy (chỉ quản trị): ngày đơn vị gửi kết quả đến Văn phòng, tính đúng hạn theo ngày này.")
        var receivedOn: String?
        @Option(
            name: .customLong("received-in"),
            help: "Văn bản đơn vị gửi kết quả, đi kèm --received-on (\"Báo cáo số 12/BC-PHC ngày 10/6/2024\").")
        var receivedIn: String?
        @OptionGroup var session: SessionOptions

        func validate() throws {
            if (receivedOn == nil) != (receivedIn == nil) {
                throw ValidationError("--received-on và --received-in đi cùng nhau: ngày nhận và văn bản gửi kết quả.")
            }
        }

        func run() throws {
            let day = try DayArgument.parse(date, option: "--date")
            let received = try receivedOn.map {
                ReceivedOnPaper(day: try DayArgument.parse($0, option: "--received-on"), document: receivedIn ?? "")
            }
            let quantity = try quantity.map { try Arguments.quantity($0) }
            if quantityUnit != nil, quantity == nil {
                throw ToolError.argument("--quantity-unit", "cần đi kèm --quantity.")
            }
            let evidence = try ProgressCommand.evidence(evidence)
            let store = try session.open()
            let activity = try Arguments.activity(store, activity, plan: plan, option: "--activity")
            let unit = try ProgressCommand.unit(store, unit, on: day)
            let (entry, repeated) = try store.recordProgress(
                NewProgress(
                    activityID: activity.id, unitID: unit, date: day, text: text, quantity: quantity,
                    quantityUnit: quantityUnit, evidence: evidence, received: received))
            if repeated {
                Terminal.line(
                    "Kết quả này đã được ghi (#\(entry.id), \(entry.activityReference) — \(entry.unitName), ngày \(entry.date.vietnamese)); "
                        + "không ghi lại lần nữa. Nếu đây là một kết quả khác, hãy ghi nội dung hoặc tài liệu kiểm chứng khác đi.")
                return
            }
            Terminal.line(
                "Đã ghi kết quả #\(entry.id) cho \(entry.activityReference) — \(entry.unitName), ngày \(entry.date.vietnamese)"
                    + (entry.evidence.isEmpty ? "" : ", \(entry.evidence.count) tài liệu kiểm chứng")
                    + (entry.received.map { "; nhập bù theo \($0.document), nhận ngày \($0.day.vietnamese)" } ?? "") + ".")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Các kết quả đã ghi (mặc định không kèm các mục đã được sửa hay đã rút).")
        @Option(help: "Kế hoạch.") var plan: String?
        @Option(help: "Hoạt động.") var activity: String?
        @Option(help: "Đơn vị.") var unit: String?
        @Option(help: "Từ ngày.") var from: String?
        @Option(help: "Đến ngày.") var to: String?
        @Flag(help: "Kèm cả các mục đã được sửa (thay thế), đã rút và các mục rút kết quả.") var all = false
        @OptionGroup var output: FormatOption
        @OptionGroup var session: SessionOptions

        func run() throws {
            let from = try Arguments.day(from, "--from")
            let to = try Arguments.day(to, "--to")
            let store = try session.open()
            let plan = try plan.map { try Arguments.plan(store, $0) }
            let activity = try activity.map {
                try Arguments.activity(store, $0, plan: plan?.reference, option: "--activity")
            }
            let unit = try unit.map { try Arguments.unit(store, $0, option: "--unit") }
            let entries = try store.listProgress(
                ProgressFilter(
                    planID: plan?.id, activityID: activity?.id, unitID: unit?.id, from: from, to: to,
                    includeSuperseded: all))
            Terminal.write(ProgressListingView.listing(entries, format: output.format).render(output.format))
        }
    }

    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sửa một kết quả: ghi mục mới thay thế mục cũ, kèm lý do (mục cũ vẫn được giữ).")
        @Argument(help: "Mã mục tiến độ cần sửa.") var entry: Int64
        @Option(help: "Lý do sửa.") var reason: String
        @Option(help: "Ngày thực hiện mới.") var date: String?
        @Option(help: "Kết quả mới.") var text: String?
        @Option(help: "Đơn vị báo cáo mới.") var unit: String?
        @Option(help: "Số lượng mới.") var quantity: String?
        @Option(help: "Đơn vị tính mới.") var quantityUnit: String?
        @Flag(help: "Bỏ số lượng.") var noQuantity = false
        @Option(help: "Tài liệu kiểm chứng mới (thay toàn bộ; lặp lại). Mặc định giữ tài liệu của mục cũ.")
        var evidence: [String] = []
        @OptionGroup var session: SessionOptions

        func run() throws {
            let day = try Arguments.day(date, "--date")
            let quantity = try quantity.map { try Arguments.quantity($0) }
            if noQuantity, quantity != nil || quantityUnit != nil {
                throw ToolError.argument("--no-quantity", "không dùng cùng --quantity hoặc --quantity-unit.")
            }
            let evidence = try ProgressCommand.evidence(evidence)
            let store = try session.open()
            let unit = try unit.map { try Arguments.unit(store, $0, option: "--unit", on: day).id }
            let correction = ProgressCorrection(
                unitID: unit, date: day, text: text, quantity: noQuantity ? .some(nil) : quantity.map { .some($0) },
                quantityUnit: noQuantity ? .some(nil) : quantityUnit.map { .some($0) },
                evidence: evidence.isEmpty ? nil : evidence)
            let fixed = try store.correctProgress(entry, reason: reason, correction)
            Terminal.line(
                "Đã ghi mục #\(fixed.id) thay thế mục #\(entry) (\(fixed.activityReference)); lý do: \(reason).")
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rút một kết quả ghi nhầm, kèm lý do: mục vẫn được giữ trong lịch sử và nhật ký, không còn được tính.")
        @Argument(help: "Mã mục tiến độ cần rút.") var entry: Int64
        @Option(help: "Lý do rút.") var reason: String
        @OptionGroup var session: SessionOptions

        func run() throws {
            let store = try session.open()
            let withdrawal = try store.withdrawProgress(entry, reason: reason)
            Terminal.line(
                "Đã rút kết quả #\(entry) (\(withdrawal.activityReference) — \(withdrawal.unitName), ngày \(withdrawal.date.vietnamese)) "
                    + "bằng mục #\(withdrawal.id); lý do: \(withdrawal.reason ?? reason). Kết quả này không còn được tính trong báo cáo.")
        }
    }
}
