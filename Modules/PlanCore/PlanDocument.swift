import Foundation

/// One plan document (kế hoạch) as the importer understood it: the `cchc.plan/v1` exchange value.
public struct PlanDocument: Hashable, Sendable {
    public static let format = "cchc.plan/v1"

    public var source: Source
    public var document: DocumentIdentity
    public var parent: ParentReference?
    public var sections: [Section]
    public var activities: [PlannedActivity]
    public var responsibilities: [Responsibility]
    public var warnings: [Diagnostic]

    public init(
        source: Source, document: DocumentIdentity, parent: ParentReference? = nil, sections: [Section] = [],
        activities: [PlannedActivity] = [], responsibilities: [Responsibility] = [], warnings: [Diagnostic] = []
    ) {
        self.source = source
        self.document = document
        self.parent = parent
        self.sections = sections
        self.activities = activities
        self.responsibilities = responsibilities
        self.warnings = warnings
    }

    /// The file the plan was read from.
    public struct Source: Hashable, Sendable {
        public enum MediaType: String, Sendable, CaseIterable {
            case txt, md, docx
        }

        /// The file name, without directories.
        public var file: String
        /// Lower-case hex sha256 of the file's bytes.
        public var sha256: String
        public var mediaType: MediaType

        public init(file: String, sha256: String, mediaType: MediaType) {
            self.file = file
            self.sha256 = sha256
            self.mediaType = mediaType
        }
    }

    /// A node of the document tree: "II" "NỘI DUNG …", its paragraphs, its subsections.
    public struct Section: Hashable, Sendable {
        public var label: String
        public var heading: String
        public var text: [String]
        public var children: [Section]

        public init(label: String, heading: String, text: [String] = [], children: [Section] = []) {
            self.label = label
            self.heading = heading
            self.text = text
            self.children = children
        }
    }

    /// A standing duty from "Tổ chức thực hiện".
    public struct Responsibility: Hashable, Sendable {
        public var unit: String
        public var text: String

        public init(unit: String, text: String) {
            self.unit = unit
            self.text = text
        }
    }
}

/// A task of a plan as written: hoạt động / nhiệm vụ with its units, time frame and products.
public struct PlannedActivity: Hashable, Sendable {
    /// The path of labels in the document ("II.3.a"; annex rows "PL.3" or the row's STT path).
    public var ref: String
    public var title: String
    /// The annex group row or body section heading it stands under, or nil.
    public var group: String?
    /// Đơn vị chủ trì (or "thực hiện"), one entry per unit, as written.
    public var lead: [String]
    /// Đơn vị phối hợp, one entry per unit, as written.
    public var coordinating: [String]
    public var schedule: Schedule
    /// Sản phẩm / kết quả, split into items.
    public var products: [String]

    public init(
        ref: String, title: String, group: String? = nil, lead: [String] = [], coordinating: [String] = [],
        schedule: Schedule, products: [String] = []
    ) {
        self.ref = ref
        self.title = title
        self.group = group
        self.lead = lead
        self.coordinating = coordinating
        self.schedule = schedule
        self.products = products
    }
}

extension PlannedActivity: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("ref", .string(ref)),
            ("title", .string(title)),
            ("group", .string(group)),
            ("lead", .strings(lead)),
            ("coordinating", .strings(coordinating)),
            ("schedule", schedule.json),
            ("products", .strings(products)),
        ])
    }
}

extension PlanDocument.Section: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("label", .string(label)),
            ("heading", .string(heading)),
            ("text", .strings(text)),
            ("children", .array(children.map(\.json))),
        ])
    }
}

extension PlanDocument: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("format", .string(PlanDocument.format)),
            (
                "source",
                .object([
                    ("file", .string(source.file)), ("sha256", .string(source.sha256)),
                    ("mediaType", .string(source.mediaType.rawValue)),
                ])
            ),
            ("document", document.json),
            ("parent", parent?.json ?? .null),
            ("sections", .array(sections.map(\.json))),
            ("activities", .array(activities.map(\.json))),
            (
                "responsibilities",
                .array(responsibilities.map { .object([("unit", .string($0.unit)), ("text", .string($0.text))]) })
            ),
            ("warnings", .array(warnings.map(\.json))),
        ])
    }
}
