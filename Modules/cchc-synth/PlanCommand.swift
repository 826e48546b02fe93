import ArgumentParser
import CLISupport
import Foundation
import OOXML

/// `cchc-synth plan`: writes a synthetic plan document with N activities.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Sinh một văn bản kế hoạch tổng hợp (.txt, .md, .docx) theo đúng thể thức của kế hoạch thật.",
        discussion: """
            Văn bản có phần đầu (cơ quan, số ký hiệu, Quốc hiệu, ngày tháng), "KẾ HOẠCH" và trích yếu, căn cứ \
            "Thực hiện Kế hoạch số …/KH-UBND", các mục I–V, Nơi nhận và chữ ký. Với --layout body, các nhiệm vụ nằm \
            trong mục III ("1. Tên nhiệm vụ" và các dòng chủ trì, phối hợp, thời gian, sản phẩm); với --layout annex, \
            nhiệm vụ nằm trong bảng Phụ lục. Cùng --seed cho cùng một văn bản.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case txt, md, docx
    }

    @Option(help: "Số nhiệm vụ (hoạt động) của kế hoạch.")
    var activities: Int

    @Option(help: "Định dạng tệp: txt, md hoặc docx.")
    var format: Format

    @Option(name: .shortAndLong, help: "Tệp kết quả.")
    var output: String

    @Option(help: "Nơi đặt các nhiệm vụ: body (trong thân văn bản) hoặc annex (bảng Phụ lục).")
    var layout: ActivityLayout = .body

    @Option(help: "Hạt giống ngẫu nhiên: cùng giá trị cho cùng văn bản.")
    var seed: UInt64 = 1

    @Option(help: "Năm của kế hoạch.")
    var year: Int = 2024

    func validate() throws {
        guard activities >= 1, activities <= 100_000 else {
            throw ValidationError("--activities phải từ 1 đến 100000.")
        }
        guard (2000...2100).contains(year) else { throw ValidationError("--year phải từ 2000 đến 2100.") }
    }

    func run() throws {
        let plan = SyntheticPlan.generate(activities: activities, seed: seed, year: year)
        let page = PlanLayout(plan, layout: layout)
        let data: Data
        switch format {
        case .txt: data = Data(PlanTextWriter.text(page).utf8)
        case .md: data = Data(PlanTextWriter.markdown(page).utf8)
        case .docx: data = PlanDocxWriter.document(page).docxData()
        }
        try OutputFile.write(data, to: output)
        Terminal.write(
            "Đã ghi \(output): kế hoạch \(plan.code) của \(plan.department.name) (\(plan.province.localName)), "
                + "\(activities) nhiệm vụ, bố cục \(layout == .body ? "trong thân văn bản" : "bảng Phụ lục"), "
                + "\(ByteSize.text(data.count)).\n")
    }
}
