import Foundation
import PlanCore

/// The plan a document implements, from its legal basis: "Thực hiện Kế hoạch số 96/KH-UBND ngày
/// 19/3/2024 của UBND tỉnh về …". Only a Kế hoạch cited after "Thực hiện" / "Triển khai" / "Căn cứ"
/// counts (a Nghị quyết or Quyết định cited is a legal basis, not the parent) — by its own number, or
/// through the decision that issued it: "Quyết định số 456/QĐ-UBND ngày … của UBND tỉnh ban hành
/// (phê duyệt) Kế hoạch …", "Kế hoạch … ban hành kèm theo Quyết định số 456/QĐ-UBND …"; such a plan
/// is known by the decision's number, so the decision's code, date and issuer are the parent's. A plan
/// cited after "Thực hiện" wins; among plans cited after "Căn cứ", the one whose subject shares most
/// words with this plan's title (the last one on a tie).
enum ParentReferenceParser {
    private struct Candidate {
        var reference: ParentReference
        var implements: Bool
        var subject: String
    }

    static func parse(_ paragraphs: [String], ownCode: String?, title: String?) -> ParentReference? {
        var candidates: [Candidate] = []
        var mode: Bool?  // true: implements, false: legal basis, nil: neither
        for paragraph in paragraphs {
            let folded = TextNormalization.fold(String(paragraph.prefix(30)))
            if ["thực hiện", "triển khai", "thi hành"].contains(where: { TextNormalization.hasWordPrefix(folded, $0) }) {
                mode = true
            } else if TextNormalization.hasWordPrefix(folded, "căn cứ") {
                mode = false
            } else if Labels.parse(paragraph)?.label.isSection == false {
                // A bullet under "Căn cứ:" keeps its mode.
            } else {
                mode = nil
            }
            guard let implements = mode else { continue }
            for (reference, subject) in citedPlans(in: paragraph) where reference.code != ownCode {
                candidates.append(Candidate(reference: reference, implements: implements, subject: subject))
            }
        }
        if let first = candidates.first(where: \.implements) { return first.reference }
        guard !candidates.isEmpty else { return nil }
        let titleWords = Set(TextNormalization.words(TextNormalization.fold(title ?? "")).map(String.init))
        var best = candidates[0]
        var bestScore = -1
        for candidate in candidates {
            let words = Set(TextNormalization.words(TextNormalization.fold(candidate.subject)).map(String.init))
            let score = words.intersection(titleWords).count
            if score >= bestScore {
                best = candidate
                bestScore = score
            }
        }
        return best.reference
    }

    /// Every plan cited in a paragraph, in order, with its subject: "Kế hoạch (số) N/… ngày … của … về
    /// <subject>", and plans named through the decision that issued them.
    static func citedPlans(in paragraph: String) -> [(ParentReference, String)] {
        let lower = paragraph.lowercased()
        let cited = numberedCitations(of: "kế hoạch", in: paragraph, lower: lower).map { citation in
            (position: citation.position, reference: citation.reference, subject: subject(after: "về", in: citation.scope))
        } + plansIssuedByDecisions(in: paragraph, lower: lower)
        return cited.sorted { $0.position < $1.position }.map { ($0.reference, $0.subject) }
    }

    /// A document cited by its number after `name` ("kế hoạch", "quyết định"): where it is cited, its
    /// reference (code, date, issuer) and the citation's scope, the text after the code up to the next
    /// ";" (the next item of the legal basis).
    private struct Citation {
        var position: Int
        var reference: ParentReference
        var scope: Substring
    }

    private static func numberedCitations(of name: String, in paragraph: String, lower: String) -> [Citation] {
        var result: [Citation] = []
        for range in TextNormalization.wordRanges(of: name, in: lower) {
            let offset = lower.distance(from: lower.startIndex, to: range.upperBound)
            var rest = paragraph[paragraph.index(paragraph.startIndex, offsetBy: offset)...].drop { $0 == " " }
            if rest.lowercased().hasPrefix("số") {
                rest = rest.dropFirst(2).drop { $0 == " " || $0 == ":" }
            }
            guard let first = rest.first, first.isNumber, let (code, after) = DocumentCodes.code(at: rest),
                let written = code.code
            else { continue }
            let scope = after.prefix { $0 != ";" }
            let (issuedOn, issuer) = dateAndIssuer(scope)
            result.append(
                Citation(
                    position: lower.distance(from: lower.startIndex, to: range.lowerBound),
                    reference: ParentReference(code: written, issuedOn: issuedOn, issuer: issuer), scope: scope))
        }
        return result
    }

    /// The date ("ngày …" right after the code, or before "của") and the issuer ("của …") of a citation.
    private static func dateAndIssuer(_ scope: Substring) -> (Day?, String?) {
        var issuedOn: Day?
        var issuer: String?
        let scopeLower = scope.lowercased()
        if let dateRange = TextNormalization.wordRanges(of: "ngày", in: scopeLower).first {
            let dateOffset = scopeLower.distance(from: scopeLower.startIndex, to: dateRange.lowerBound)
            let dateStart = scope.index(scope.startIndex, offsetBy: dateOffset)
            if dateOffset <= 3 || scopeLower[..<dateRange.lowerBound].contains("của") {
                issuedOn = DocumentCodes.date(at: scope[dateStart...])?.date.value
            }
        }
        if let ofRange = TextNormalization.wordRanges(of: "của", in: scopeLower).first {
            let ofOffset = scopeLower.distance(from: scopeLower.startIndex, to: ofRange.upperBound)
            let start = scope.index(scope.startIndex, offsetBy: ofOffset)
            issuer = issuerName(scope[start...])
        }
        return (issuedOn, issuer)
    }

    /// The text after the first whole word `word` of `text`, or "".
    private static func subject(after word: String, in text: Substring) -> String {
        let lower = text.lowercased()
        guard let range = TextNormalization.wordRanges(of: word, in: lower).first else { return "" }
        return String(text[text.index(text.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: range.upperBound))...])
    }

    /// Verbs by which a decision issues a plan.
    private static let issuingVerbs = ["ban hành", "phê duyệt"]

    /// Plans named through a decision: "Quyết định số 456/QĐ-UBND ngày … của UBND tỉnh (về việc) ban
    /// hành Kế hoạch <subject>", or "Kế hoạch <subject> (được) ban hành kèm theo Quyết định số …".
    private static func plansIssuedByDecisions(in paragraph: String, lower: String) -> [(
        position: Int, reference: ParentReference, subject: String
    )] {
        var result: [(position: Int, reference: ParentReference, subject: String)] = []
        // Character offsets are shared by `paragraph` and `lower` (lower-casing keeps NFC characters one for one).
        func text(_ from: Int, _ to: Int) -> Substring {
            let start = paragraph.index(paragraph.startIndex, offsetBy: from)
            return paragraph[start..<paragraph.index(start, offsetBy: to - from)]
        }
        for decision in numberedCitations(of: "quyết định", in: paragraph, lower: lower) {
            // After the decision: its first verb, followed by "Kế hoạch". The date and the issuer stand
            // before the verb (the subject may hold a "ngày" or a "của" of its own).
            let scopeLower = decision.scope.lowercased()
            let verb = issuingVerbs.compactMap { TextNormalization.wordRanges(of: $0, in: scopeLower).first }
                .min { $0.lowerBound < $1.lowerBound }
            if let verb {
                let object = scopeLower[verb.upperBound...].drop { $0 == " " }
                if TextNormalization.hasWordPrefix(object, "kế hoạch") {
                    let verbOffset = scopeLower.distance(from: scopeLower.startIndex, to: verb.lowerBound)
                    let subjectOffset = scopeLower.distance(from: scopeLower.startIndex, to: object.startIndex)
                        + "kế hoạch".count
                    var reference = decision.reference
                    (reference.issuedOn, reference.issuer) = dateAndIssuer(decision.scope.prefix(verbOffset))
                    result.append((decision.position, reference, String(decision.scope.dropFirst(subjectOffset))))
                    continue
                }
            }
            // Before the decision, in the same item of the basis: "Kế hoạch <subject> ban hành kèm theo".
            let before = String(lower.prefix(decision.position))
            let itemStart = before.lastIndex(of: ";").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0
            let item = String(before.dropFirst(itemStart))
            guard TextNormalization.trim(item, [","]).hasSuffix("kèm theo"),
                let plan = TextNormalization.wordRanges(of: "kế hoạch", in: item).last
            else { continue }
            let object = item[plan.upperBound...].drop { $0 == " " }
            // A plan with a number of its own is cited by it (`numberedCitations`).
            if object.hasPrefix("số") || object.first?.isNumber == true { continue }
            let end = ["được ban hành", "ban hành", "phê duyệt", "kèm theo"]
                .compactMap { object.range(of: $0)?.lowerBound }.min() ?? object.endIndex
            let subjectStart = itemStart + item.distance(from: item.startIndex, to: object.startIndex)
            let subjectEnd = itemStart + item.distance(from: item.startIndex, to: end)
            result.append((decision.position, decision.reference, String(text(subjectStart, subjectEnd))))
        }
        return result
    }

    /// The issuing body after "của", up to what follows it ("về …", "ngày …", a comma).
    private static func issuerName(_ text: Substring) -> String? {
        let stops = [
            " về ", " v/v ", " ngày ", " ban hành", " phê duyệt", " triển khai", " thực hiện", " trên địa bàn", " giai đoạn",
            " như sau", " để ", " năm 20", " (", ",", ";", ":", ".",
        ]
        var end = text.endIndex
        let lower = text.lowercased()
        for stop in stops {
            if let range = lower.range(of: stop) {
                let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
                let index = text.index(text.startIndex, offsetBy: offset)
                if index < end { end = index }
            }
        }
        let name = TextNormalization.collapseWhitespace(String(text[..<end]))
        return name.isEmpty ? nil : name
    }
}
