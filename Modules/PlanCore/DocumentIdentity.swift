/// Who issued a document, when, under which number: the header and signature of a văn bản.
public struct DocumentIdentity: Hashable, Sendable {
    /// Số và ký hiệu as written ("96/KH-UBND"); nil when the number is blank ("Số: /KH-…").
    public var code: String?
    /// "96"; nil when blank.
    public var number: String?
    /// Ký hiệu, the part after "/" ("KH-UBND").
    public var symbol: String?
    /// Abbreviation of the document type ("KH", "BC", "QĐ").
    public var type: String?
    /// The type as printed ("KẾ HOẠCH").
    public var typeName: String?
    /// Trích yếu.
    public var title: String?
    /// Cơ quan ban hành as the header names it.
    public var issuer: String?
    /// Cơ quan chủ quản, the line above the issuer, or nil.
    public var issuerParent: String?
    /// Địa danh ("Bình Phước").
    public var place: String?
    /// Nil when the date is incomplete ("ngày   tháng 5 năm 2024").
    public var issuedOn: Day?
    /// The place-and-date line as written.
    public var dateText: String?
    /// The plan year: from the title, else the date.
    public var year: Int?
    public var signer: Signer
    /// Nơi nhận, without the leading "-" and the trailing ";" or ".".
    public var recipients: [String]

    public init(
        code: String? = nil, number: String? = nil, symbol: String? = nil, type: String? = nil,
        typeName: String? = nil, title: String? = nil, issuer: String? = nil, issuerParent: String? = nil,
        place: String? = nil, issuedOn: Day? = nil, dateText: String? = nil, year: Int? = nil,
        signer: Signer = Signer(), recipients: [String] = []
    ) {
        self.code = code
        self.number = number
        self.symbol = symbol
        self.type = type
        self.typeName = typeName
        self.title = title
        self.issuer = issuer
        self.issuerParent = issuerParent
        self.place = place
        self.issuedOn = issuedOn
        self.dateText = dateText
        self.year = year
        self.signer = signer
        self.recipients = recipients
    }

    /// The signature block: thẩm quyền ký ("KT. CHỦ TỊCH"), chức vụ ("PHÓ CHỦ TỊCH") and the name.
    public struct Signer: Hashable, Sendable, Codable {
        public var capacity: String?
        public var title: String?
        public var name: String?

        public init(capacity: String? = nil, title: String? = nil, name: String? = nil) {
            self.capacity = capacity
            self.title = title
            self.name = name
        }
    }
}

extension DocumentIdentity: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("code", .string(code)),
            ("number", .string(number)),
            ("symbol", .string(symbol)),
            ("type", .string(type)),
            ("typeName", .string(typeName)),
            ("title", .string(title)),
            ("issuer", .string(issuer)),
            ("issuerParent", .string(issuerParent)),
            ("place", .string(place)),
            ("issuedOn", .string(issuedOn?.iso)),
            ("dateText", .string(dateText)),
            ("year", .int(year)),
            (
                "signer",
                .object([
                    ("capacity", .string(signer.capacity)), ("title", .string(signer.title)),
                    ("name", .string(signer.name)),
                ])
            ),
            ("recipients", .strings(recipients)),
        ])
    }
}

/// The plan a document implements: "Thực hiện Kế hoạch số 96/KH-UBND ngày 19/3/2024 của UBND tỉnh".
public struct ParentReference: Hashable, Sendable {
    public var code: String
    public var issuedOn: Day?
    public var issuer: String?

    public init(code: String, issuedOn: Day? = nil, issuer: String? = nil) {
        self.code = code
        self.issuedOn = issuedOn
        self.issuer = issuer
    }
}

extension ParentReference: JSONRepresentable {
    public var json: JSONValue {
        .object([("code", .string(code)), ("issuedOn", .string(issuedOn?.iso)), ("issuer", .string(issuer))])
    }
}
