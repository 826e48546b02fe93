import ArgumentParser
import CLISupport
import Foundation
import PlanCore
import PlanStore
import ReportExport

/// `cchc-export plan`: the plan document itself, so a Sở can issue its plan from the system.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Xuất văn bản kế hoạch (docx theo Nghị định 30/2020, hoặc JSON cchc.plan/v1).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case docx, json
    }

    @Option(help: "Kế hoạch: số ký hiệu hoặc mã số (#3).") var plan: String
    @Option(help: "Định dạng: docx hoặc json.") var format: Format = .json
    @Option(name: .shortAndLong, help: "Tệp đầu ra (docx bắt buộc).") var output: String?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOption

    func validate() throws {
        if format == .docx && output == nil { throw ValidationError("Định dạng docx cần tệp đầu ra: thêm -o TỆP.docx") }
    }

    func run() throws {
        let store = try database.openStore(identity)
        let found = try store.findPlan(plan)
        let day = found.issuedOn ?? Day(found.year, 1, 1)!
        let record = try store.loadPlan(id: found.id, namesOn: day)
        let text = try store.planText(planID: found.id)
        let content = PlanContent(
            sections: text.sections, responsibilities: text.responsibilities, parent: text.parent, source: text.source)
        let data: Data
        switch format {
        case .json: data = Data(PlanDocumentWriter.planDocument(record, content: content).json.serialized().utf8)
        case .docx: data = PlanDocumentWriter.docxData(record, content: content)
        }
        if let output {
            try OutputFile.write(data, to: output)
            Terminal.writeError("Đã ghi \(output) (kế hoạch \(found.reference), \(record.activities.count) hoạt động).")
        } else {
            try Terminal.writeOut(data)
        }
    }
}
