import Foundation

/// Document properties written to docProps/core.xml; nothing is filled in implicitly (no clock).
public struct DocxProperties: Sendable, Hashable {
    public var title: String?
    public var subject: String?
    public var creator: String?
    public var keywords: String?
    public var description: String?
    /// W3CDTF timestamps ("2025-01-05T08:00:00Z"), written only when given.
    public var created: String?
    public var modified: String?
    /// Named text properties (docProps/custom.xml) a records system reads without opening the text.
    public var custom: [Custom]

    /// A named custom property.
    public struct Custom: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(
        title: String? = nil, subject: String? = nil, creator: String? = nil, keywords: String? = nil,
        description: String? = nil, created: String? = nil, modified: String? = nil, custom: [Custom] = []
    ) {
        self.custom = custom
        self.title = title
        self.subject = subject
        self.creator = creator
        self.keywords = keywords
        self.description = description
        self.created = created
        self.modified = modified
    }
}

/// A WordprocessingML document to write deterministically: the same model always gives the same bytes.
public struct DocxDocument: Sendable, Hashable {
    public var sections: [DocxSection]
    /// Default font of the document (docDefaults), e.g. "Times New Roman".
    public var defaultFont: String
    public var defaultFontSize: DocxFontSize
    /// Proofing language (w:lang), e.g. "vi-VN".
    public var language: String
    public var properties: DocxProperties
    /// Application name written to docProps/app.xml.
    public var application: String

    public init(
        sections: [DocxSection], defaultFont: String = "Times New Roman", defaultFontSize: DocxFontSize = .pt(14),
        language: String = "vi-VN", properties: DocxProperties = DocxProperties(), application: String = "cchc"
    ) {
        self.sections = sections
        self.defaultFont = defaultFont
        self.defaultFontSize = defaultFontSize
        self.language = language
        self.properties = properties
        self.application = application
    }

    /// The .docx package bytes: fixed part order, fixed timestamps (1980-01-01 00:00), deterministic deflate.
    public func docxData() -> Data {
        DocxPackageWriter(document: self).package()
    }
}
