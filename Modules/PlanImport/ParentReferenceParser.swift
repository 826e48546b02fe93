import Foundation
import PlanCore

/// The plan a document implements, from its legal basis: "Thực hiện Kế hoạch số 96/KH-UBND ngày
/// 19/3/2024 của UBND tỉnh về …". Only a Kế hoạch cited after "Thực hiện" / "Triển khai" / "Căn cứ"
/// counts (a Nghị quyết or Quyết định cited is a legal basis, not the parent). A plan cited after
/// "Thực hiện" wins; among plans cited after "Căn cứ", the one whose subject shares most words with
/// this plan's title (the last one on a tie).
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

    /// Every "Kế hoạch (số) N/… ngày … của …" in a paragraph, with the subject after "về".
    static func citedPlans(in paragraph: String) -> [(ParentReference, String)] {
        var result: [(ParentReference, String)] = []
        let lower = paragraph.lowercased()
        for range in TextNormalization.wordRanges(of: "kế hoạch", in: lower) {
            let offset = lower.distance(from: lower.startIndex, to: range.upperBound)
            var rest = paragraph[paragraph.index(paragraph.startIndex, offsetBy: offset)...].drop { $0 == " " }
            if rest.lowercased().hasPrefix("số") {
                rest = rest.dropFirst(2).drop { $0 == " " || $0 == ":" }
            }
            guard let first = rest.first, first.isNumber, let (code, after) = DocumentCodes.code(at: rest),
                let written = code.code
            else { continue }
            // The citation runs to the next ";" (the next item of the legal basis).
            let scope = after.prefix { $0 != ";" }
            var issuedOn: Day?
            var issuer: String?
            var subject = ""
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
            if let aboutRange = TextNormalization.wordRanges(of: "về", in: scopeLower).first {
                let aboutOffset = scopeLower.distance(from: scopeLower.startIndex, to: aboutRange.upperBound)
                subject = String(scope[scope.index(scope.startIndex, offsetBy: aboutOffset)...])
            }
            result.append((ParentReference(code: written, issuedOn: issuedOn, issuer: issuer), subject))
        }
        return result
    }

    /// The issuing body after "của", up to what follows it ("về …", "ngày …", a comma).
    private static func issuerName(_ text: Substring) -> String? {
        let stops = [
            " về ", " v/v ", " ngày ", " ban hành", " triển khai", " thực hiện", " trên địa bàn", " giai đoạn",
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
