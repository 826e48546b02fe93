import Foundation
import PlanCore

/// The outline (đề cương) of a periodic report and the columns of its Phụ lục, as a text an admin can
/// export, edit and load when Sở Nội vụ sends a new đề cương (docs/templates.md): the sections and their
/// headings, fixed sentences with placeholders (`{{co_quan}}`), the places where computed parts go
/// (`{{> nhiem_vu}}`), parts shown only in one version (`{{#noi_bo}} … {{/noi_bo}}`), and the annex table.
/// `ReportOutline.standard` is the shipped outline, which gives today's report byte for byte.
public struct ReportOutline: Hashable, Sendable {
    /// The text as loaded (NFC), kept so a submitted report renders with the outline it was made with.
    public let source: String
    /// The stored version it came from, or nil for the shipped outline.
    public var version: Int?
    let body: [Element]
    let annex: Annex

    /// A piece of the body.
    indirect enum Element: Hashable, Sendable {
        case heading(level: Int, OutlineText)
        case paragraph(OutlineText)
        /// A list line; the marker ("- ", "+ ") is part of the text.
        case item(level: Int, OutlineText)
        case part(Part)
        /// Elements shown when `condition` holds (or, `inverted`, when it does not).
        case section(Condition, inverted: Bool, [Element])
    }

    /// The Phụ lục: its heading, title, "(Kèm theo …)" line and table columns.
    struct Annex: Hashable, Sendable {
        var heading: OutlineText
        var title: OutlineText
        var attachment: OutlineText
        var columns: [Column]
    }

    /// A column of the annex table: what it shows, its header, its relative width.
    struct Column: Hashable, Sendable {
        var content: AnnexColumn
        var header: String
        var width: Int
    }

    /// The parts the report computes from its figures, placed by `{{> name}}` on a line of their own.
    enum Part: String, CaseIterable, Sendable {
        case overview = "tinh_hinh_chung"
        case activities = "nhiem_vu"
        case unitsTable = "bang_don_vi"
        case products = "san_pham"
        case strengths = "uu_diem"
        case issues = "ton_tai"
        case nextPeriod = "phuong_huong"
        case proposals = "de_xuat"
    }

    /// What `{{#name}}` / `{{^name}}` test.
    enum Condition: String, CaseIterable, Sendable {
        /// The internal version (`cchc-export report --internal`).
        case internalVersion = "noi_bo"
        case hasActivities = "co_nhiem_vu"
        case hasOverdue = "co_qua_han"
        /// Staff wrote Tồn tại, hạn chế for this report.
        case hasIssues = "co_ton_tai"
        /// Staff wrote Đề xuất, kiến nghị for this report.
        case hasProposals = "co_de_xuat"
    }
}

/// A line of outline text: literal runs, placeholders and, in headings, the section number.
struct OutlineText: Hashable, Sendable {
    enum Piece: Hashable, Sendable {
        case literal(String)
        case field(OutlineField)
        /// `{{so}}`: the heading's number at its level ("I.", "2.", "2.1.").
        case number
    }

    var pieces: [Piece]

    var usesNumber: Bool { pieces.contains(.number) }
}

/// The placeholders of outline text (`{{name}}`), each a value of the report.
public enum OutlineField: String, CaseIterable, Sendable {
    case reporter = "co_quan"
    case reporterParent = "co_quan_chu_quan"
    case recipient = "noi_nhan_chinh"
    case period = "ky"
    case periodLower = "ky_thuong"
    case periodUpper = "ky_in_hoa"
    case windowFrom = "tu_ngay"
    case windowTo = "den_ngay"
    case deadline = "han_bao_cao"
    case nextPeriod = "ky_toi"
    case date = "ngay_bao_cao"
    case code = "so_ky_hieu"
    case title = "trich_yeu"
    case titleLower = "trich_yeu_thuong"
    case plan = "ke_hoach"
    case planFull = "ke_hoach_day_du"
    case parentPlan = "ke_hoach_cap_tren"
    case year = "nam"
}

/// What a column of the Phụ lục shows for an activity.
public enum AnnexColumn: String, CaseIterable, Sendable {
    case number = "stt"
    case ref = "ma"
    case titleAndRef = "nhiem_vu"
    case title = "ten_nhiem_vu"
    case lead = "chu_tri"
    case coordinating = "phoi_hop"
    case schedule = "thoi_gian"
    case results = "ket_qua"
    case status = "tinh_trang"
    case evidence = "minh_chung"
    case products = "san_pham"
    case parentRef = "nhiem_vu_cap_tren"
}

/// Why an outline text cannot be used: the line (1-based) and what is wrong, in Vietnamese.
public struct ReportOutlineError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var reason: String

    public var description: String { "dòng \(line): \(reason)" }
}

extension ReportOutline {
    /// The shipped outline (`ReportOutline.standardSource`); a test keeps it valid.
    public static let standard: ReportOutline = {
        do {
            return try ReportOutline(parsing: standardSource)
        } catch {
            preconditionFailure("the shipped outline does not parse: \(error)")
        }
    }()

    /// Reads an outline text: NFC, any line ending; every placeholder, part, condition and column must be
    /// one this version knows, or the error names the line.
    public init(parsing text: String, version: Int? = nil) throws(ReportOutlineError) {
        // NFC, one line break kind; each line's spaces are collapsed as every input's are.
        let normalised = text.precomposedStringWithCanonicalMapping.replacingOccurrences(of: "\r\n", with: "\n")
        var parser = OutlineParser(text: normalised)
        (body, annex) = try parser.parse()
        source = parser.text
        self.version = version
    }
}

/// The line reader behind `ReportOutline(parsing:)`.
private struct OutlineParser {
    let text: String
    private var lineNumber = 0

    init(text: String) { self.text = text }

    static let bodyHeader = "[báo cáo]"
    static let annexHeader = "[phụ lục]"

    mutating func parse() throws(ReportOutlineError) -> ([ReportOutline.Element], ReportOutline.Annex) {
        enum Place { case start, body, annex }
        var place = Place.start
        // The body being built, one level per open section.
        var stack: [(condition: ReportOutline.Condition?, inverted: Bool, line: Int, elements: [ReportOutline.Element])] = [
            (nil, false, 0, [])
        ]
        var heading: OutlineText?
        var title: OutlineText?
        var attachment: OutlineText?
        var columns: [ReportOutline.Column] = []
        var sawBody = false

        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let line = VietnameseText.nfc(String(raw))
            if line.isEmpty || (line.hasPrefix("{{!") && line.hasSuffix("}}")) { continue }
            switch line.lowercased() {
            case Self.bodyHeader:
                guard place == .start else { throw fail("mục \(Self.bodyHeader) chỉ có một, ở đầu mẫu") }
                place = .body
                sawBody = true
                continue
            case Self.annexHeader:
                guard place == .body else { throw fail("mục \(Self.annexHeader) phải đứng sau mục \(Self.bodyHeader)") }
                if let open = stack.last, let condition = open.condition {
                    throw fail("khối {{\(open.inverted ? "^" : "#")\(condition.rawValue)}} mở ở dòng \(open.line) chưa đóng")
                }
                place = .annex
                continue
            default: break
            }
            switch place {
            case .start:
                throw fail("mẫu bắt đầu bằng dòng \(Self.bodyHeader) (sau các dòng chú thích {{! … }})")
            case .body:
                if let tag = wholeTag(line), let first = tag.first, "#^/>".contains(first) {
                    let name = VietnameseFormat.trimmed(String(tag.dropFirst()))
                    switch first {
                    case ">":
                        guard let part = ReportOutline.Part(rawValue: name) else {
                            throw fail(unknown("phần", name, ReportOutline.Part.allCases.map(\.rawValue)))
                        }
                        stack[stack.count - 1].elements.append(.part(part))
                    case "/":
                        guard let open = stack.last, let condition = open.condition else {
                            throw fail("{{/\(name)}} không đóng khối nào")
                        }
                        guard condition.rawValue == name else {
                            throw fail("{{/\(name)}} không khớp khối {{\(open.inverted ? "^" : "#")\(condition.rawValue)}} mở ở dòng \(open.line)")
                        }
                        stack.removeLast()
                        stack[stack.count - 1].elements.append(.section(condition, inverted: open.inverted, open.elements))
                    default:
                        guard let condition = ReportOutline.Condition(rawValue: name) else {
                            throw fail(unknown("điều kiện", name, ReportOutline.Condition.allCases.map(\.rawValue)))
                        }
                        stack.append((condition, first == "^", lineNumber, []))
                    }
                    continue
                }
                let element: ReportOutline.Element
                if let level = headingLevel(line) {
                    element = .heading(
                        level: level, try pieces(VietnameseFormat.trimmed(String(line.dropFirst(level))), numbered: true))
                } else if line.hasPrefix("- ") || line == "-" {
                    element = .item(level: 1, try pieces(line, numbered: false))
                } else if line.hasPrefix("+ ") || line == "+" {
                    element = .item(level: 2, try pieces(line, numbered: false))
                } else {
                    element = .paragraph(try pieces(line, numbered: false))
                }
                stack[stack.count - 1].elements.append(element)
            case .annex:
                guard let colon = line.firstIndex(of: ":") else {
                    throw fail("trong mục \(Self.annexHeader) mỗi dòng có dạng \"tên: giá trị\" (tiêu đề, tên bảng, kèm theo, cột)")
                }
                let key = VietnameseFormat.trimmed(String(line[..<colon])).lowercased()
                let value = VietnameseFormat.trimmed(String(line[line.index(after: colon)...]))
                switch key {
                case "tiêu đề": heading = try pieces(value, numbered: false)
                case "tên bảng": title = try pieces(value, numbered: false)
                case "kèm theo": attachment = try pieces(value, numbered: false)
                case "cột": columns.append(try column(value))
                default:
                    throw fail("không có mục \"\(key)\" trong \(Self.annexHeader); dùng: tiêu đề, tên bảng, kèm theo, cột")
                }
            }
        }
        lineNumber += 1
        guard sawBody else { throw fail("mẫu không có mục \(Self.bodyHeader)") }
        if let open = stack.last, let condition = open.condition {
            throw fail("khối {{\(open.inverted ? "^" : "#")\(condition.rawValue)}} mở ở dòng \(open.line) chưa đóng")
        }
        guard place == .annex else { throw fail("mẫu không có mục \(Self.annexHeader)") }
        guard let heading, let title, let attachment else {
            throw fail("mục \(Self.annexHeader) cần đủ ba dòng \"tiêu đề:\", \"tên bảng:\" và \"kèm theo:\"")
        }
        guard !columns.isEmpty else { throw fail("mục \(Self.annexHeader) cần ít nhất một dòng \"cột:\"") }
        return (stack[0].elements, .init(heading: heading, title: title, attachment: attachment, columns: columns))
    }

    private func fail(_ reason: String) -> ReportOutlineError { ReportOutlineError(line: lineNumber, reason: reason) }

    private func unknown(_ what: String, _ name: String, _ known: [String]) -> String {
        "không có \(what) \"\(name)\"; các \(what) dùng được: " + known.joined(separator: ", ")
    }

    /// The inside of a line that is one `{{…}}` tag and nothing else.
    private func wholeTag(_ line: String) -> String? {
        guard line.hasPrefix("{{"), line.hasSuffix("}}"), line.count >= 4 else { return nil }
        let inside = line.dropFirst(2).dropLast(2)
        guard !inside.contains("{{"), !inside.contains("}}") else { return nil }
        return VietnameseFormat.trimmed(String(inside))
    }

    /// 1–3 for "# ", "## ", "### ".
    private func headingLevel(_ line: String) -> Int? {
        for level in (1...3).reversed() where line.hasPrefix(String(repeating: "#", count: level) + " ") { return level }
        return nil
    }

    /// "<column>|<header>|<width>": "ket_qua | Kết quả | 21".
    private func column(_ value: String) throws(ReportOutlineError) -> ReportOutline.Column {
        let fields = value.split(separator: "|", omittingEmptySubsequences: false).map { VietnameseFormat.trimmed(String($0)) }
        guard fields.count == 3 else {
            throw fail("dòng \"cột:\" có dạng \"cột: nội dung | tiêu đề cột | độ rộng\", ví dụ \"cột: ket_qua | Kết quả | 21\"")
        }
        guard let content = AnnexColumn(rawValue: fields[0]) else {
            throw fail(unknown("nội dung cột", fields[0], AnnexColumn.allCases.map(\.rawValue)))
        }
        guard !fields[1].isEmpty else { throw fail("cột \(fields[0]) chưa có tiêu đề") }
        guard let width = Int(fields[2]), (1...100).contains(width) else {
            throw fail("độ rộng cột \(fields[0]) là một số nguyên từ 1 đến 100 (tỷ lệ giữa các cột), không phải \"\(fields[2])\"")
        }
        return .init(content: content, header: fields[1], width: width)
    }

    /// A line's literal runs and `{{field}}` placeholders; `{{so}}` only where `numbered`.
    private func pieces(_ line: String, numbered: Bool) throws(ReportOutlineError) -> OutlineText {
        var pieces: [OutlineText.Piece] = []
        var rest = Substring(line)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { pieces.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw fail("\"{{\" chưa có \"}}\" đóng lại")
            }
            let name = VietnameseFormat.trimmed(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
            if name.hasPrefix("!") { continue }
            if name == "so" {
                guard numbered else { throw fail("{{so}} (số thứ tự đề mục) chỉ dùng trong dòng đề mục (#, ##, ###)") }
                pieces.append(.number)
            } else if let first = name.first, "#^/>".contains(first) {
                throw fail("{{\(name)}} phải đứng riêng trên một dòng")
            } else if let field = OutlineField(rawValue: name) {
                pieces.append(.field(field))
            } else {
                throw fail(unknown("trường", name, OutlineField.allCases.map(\.rawValue) + (numbered ? ["so"] : [])))
            }
        }
        if rest.contains("}}") { throw fail("\"}}\" không có \"{{\" mở trước") }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        return OutlineText(pieces: pieces)
    }
}

extension ReportOutline: Codable {
    private enum CodingKeys: String, CodingKey { case source, version }

    /// A stored report keeps the outline's text and version; reading it parses the text again.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let source = try container.decode(String.self, forKey: .source)
        self = try ReportOutline(parsing: source, version: try container.decodeIfPresent(Int.self, forKey: .version))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encodeIfPresent(version, forKey: .version)
    }
}
