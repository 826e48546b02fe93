import Foundation
import OOXML
import PlanCore

extension PlanDocumentWriter {
    /// The plan as a Word document in the Nghị định 30/2020 layout: header, "KẾ HOẠCH" and trích yếu, the
    /// "Thực hiện Kế hoạch số …" line citing the parent, the document tree with every body activity as a
    /// block of labelled lines (see `PlanOutline`), "./.", Nơi nhận and signature; annex activities ("PL…"
    /// refs) in a landscape Phụ lục table.
    public static func docxDocument(_ plan: PlanRecord, content: PlanContent = PlanContent()) -> DocxDocument {
        let document = plan.document
        let outline = PlanOutline(plan: plan, content: content)
        let issuer = document.issuer ?? plan.owner.name
        let title = document.title ?? "Kế hoạch năm \(plan.year)"
        var first = Nd30Composer.portrait([])
        let width = first.textWidth
        var blocks = Nd30Composer.header(
            ReportHeader(
                parent: document.issuerParent ?? plan.owner.parentName, issuer: issuer, code: code(plan),
                place: document.place ?? "", date: document.issuedOn, year: plan.year),
            marking: nil, width: width)
        blocks += Nd30Composer.title(type: document.typeName ?? "KẾ HOẠCH", title: title, width: width)
        var front: [ReportBlock] = []
        if let parent = parent(plan, content) { front.append(.paragraph(citation(parent) + ";")) }
        front.append(.paragraph("\(issuer) ban hành Kế hoạch \(VietnameseFormat.lowercasedFirst(title)) như sau:"))
        blocks += Nd30Composer.body(front + outline.blocks, width: width)
        blocks += Nd30Composer.body(
            [.paragraph("Trên đây là Kế hoạch \(VietnameseFormat.lowercasedFirst(title)) của \(issuer)./.")], width: width)
        Nd30Composer.keepWithNext(&blocks)
        blocks += Nd30Composer.signature(
            distribution: Distribution.normalised(document.recipients, recipient: ""), signer: document.signer,
            width: width)
        first.blocks = blocks
        var sections = [first]
        if !outline.annex.isEmpty {
            let attachment =
                "(Kèm theo Kế hoạch số \(code(plan))"
                + (document.issuedOn.map { " ngày \(shortDate($0))" } ?? "") + " của \(issuer))"
            sections.append(
                Nd30Composer.annex(
                    heading: "Phụ lục", title: "DANH MỤC NHIỆM VỤ", attachment: attachment, table: outline.annexTable))
        }
        return Nd30Composer.document(sections, title: "Kế hoạch số \(code(plan))", subject: title)
    }

    /// The .docx bytes; the same plan and content always give the same bytes.
    public static func docxData(_ plan: PlanRecord, content: PlanContent = PlanContent()) -> Data {
        docxDocument(plan, content: content).docxData()
    }

    /// Số và ký hiệu as printed: the code, or a blank number before the ký hiệu ("     /KH-SLĐTBXH").
    static func code(_ plan: PlanRecord) -> String {
        if let code = plan.document.code { return code }
        let symbol = plan.document.symbol ?? ("KH-" + (plan.owner.abbreviation ?? ""))
        return VietnameseFormat.documentNumber(nil) + "/" + symbol
    }

    /// "Thực hiện Kế hoạch số 96/KH-UBND ngày 19/3/2024 của UBND tỉnh".
    static func citation(_ parent: ParentReference) -> String {
        var text = "Thực hiện Kế hoạch số \(parent.code)"
        if let day = parent.issuedOn { text += " ngày \(shortDate(day))" }
        if let issuer = parent.issuer { text += " của \(issuer)" }
        return text
    }

    /// "19/3/2024", the way citations write dates.
    static func shortDate(_ day: Day) -> String { "\(day.day)/\(day.month)/\(day.year)" }
}
