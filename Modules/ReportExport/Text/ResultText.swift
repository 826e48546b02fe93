import Foundation
import PlanCore

/// How results, quantities and evidence read in every rendering.
enum ResultText {
    /// "3 tin, bài", or nil without a quantity.
    static func quantity(_ result: ReportResult) -> String? {
        guard let quantity = result.quantity else { return nil }
        let unit = result.quantityUnit.map(VietnameseFormat.trimmed) ?? ""
        return unit.isEmpty ? VietnameseFormat.quantity(quantity) : "\(VietnameseFormat.quantity(quantity)) \(unit)"
    }

    /// The quantities of several results summed per unit: "5 tin, bài; 2 lớp".
    static func quantities(_ results: [ReportResult]) -> String {
        // A handful of units at most: kept in order of appearance, found by a linear search.
        var sums: [(unit: String, amount: Double)] = []
        for result in results {
            guard let quantity = result.quantity else { continue }
            let unit = result.quantityUnit.map(VietnameseFormat.trimmed) ?? ""
            if let index = sums.firstIndex(where: { $0.unit == unit }) {
                sums[index].amount += quantity
            } else {
                sums.append((unit, quantity))
            }
        }
        return sums.map { sum in
            let amount = VietnameseFormat.quantity(sum.amount)
            return sum.unit.isEmpty ? amount : "\(amount) \(sum.unit)"
        }.joined(separator: "; ")
    }

    /// "Tin bài quý I: https://…", "Báo cáo kết quả hội nghị (văn bản số 245/BC-SLĐTBXH)", "tệp bien-ban.pdf".
    /// A link follows its title after a colon (no brackets around an address that may wrap).
    static func evidence(_ evidence: Evidence) -> String {
        let title = evidence.title.map(VietnameseFormat.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        switch evidence.kind {
        case .url: return title.map { "\($0): \(evidence.value)" } ?? evidence.value
        case .document: return title.map { "\($0) (văn bản số \(evidence.value))" } ?? "Văn bản số \(evidence.value)"
        case .file: return title.map { "\($0) (tệp \(evidence.value))" } ?? "Tệp \(evidence.value)"
        }
    }

    /// "02/04/2024 - Văn phòng Sở: text (3 tin, bài)"; the quantity is not repeated when the text already
    /// says it ("… (120 người dự)").
    static func line(_ result: ReportResult) -> String {
        var text = "\(VietnameseFormat.date(result.date)) - \(result.unit.name): \(VietnameseFormat.trimmed(result.text))"
        if let quantity = quantity(result), !mentionsQuantity(result) { text += " (\(quantity))" }
        return text
    }

    /// The result's text already states its quantity: the number followed by the quantity's first word
    /// ("120 người" in "cho 120 người dự", "02 lớp" for 2 lớp). A plain substring test: annexes check
    /// 100,000 results.
    static func mentionsQuantity(_ result: ReportResult) -> Bool {
        guard let quantity = result.quantity,
            let unit = result.quantityUnit.map(VietnameseFormat.trimmed)?.split(separator: " ").first
        else { return false }
        let number = VietnameseFormat.quantity(quantity)
        let forms = quantity >= 0 && quantity < 10 && quantity == quantity.rounded() ? [number, "0" + number] : [number]
        return forms.contains { form in
            guard let found = result.text.range(of: form + " " + unit) else { return false }
            // Not the tail of a larger number ("1120 người").
            return found.lowerBound == result.text.startIndex || !result.text[result.text.index(before: found.lowerBound)].isNumber
        }
    }

    /// A quantity unit that counts people ("người", "lượt người", "đại biểu", "học viên"): participants, not
    /// a product of the plan.
    static func countsPeople(_ unit: String) -> Bool {
        let folded = VietnameseText.accentInsensitiveKey(VietnameseFormat.trimmed(unit))
        return ["nguoi", "luot nguoi", "nguoi du", "dai bieu", "hoc vien", "cong chuc", "vien chuc", "can bo", "luot"]
            .contains(folded)
    }

    /// A product line's name: participants read as such ("Người tham gia (người)"), not as a product.
    static func productName(_ name: String) -> String {
        countsPeople(name) ? "Người tham gia (\(name))" : name
    }
}
