import Foundation

/// A WordprocessingML document read into plain blocks.
public struct WordDocument: Sendable, Equatable {
    /// Body blocks in document order; section breaks, headers, footers, notes and text boxes are ignored.
    public var body: [WordBlock]

    public init(body: [WordBlock]) {
        self.body = body
    }

    /// Reads a .docx from its bytes under `limits`. Throws `OOXMLError`.
    public init(docx data: Data, limits: PackageLimits = .default) throws(OOXMLError) {
        var package = try PackageReader(data: data, limits: limits)
        let packageRelationships = try Relationships(of: "", in: &package)
        var mainPart = packageRelationships.target(ofKind: "officeDocument") ?? "word/document.xml"
        if !package.contains(mainPart) { mainPart = "word/document.xml" }
        let documentBytes = try package.read(mainPart)

        let relationships = try Relationships(of: mainPart, in: &package)
        let directory = mainPart.split(separator: "/").dropLast().joined(separator: "/")
        func partPath(_ kind: String, fallback: String) -> String {
            relationships.target(ofKind: kind) ?? (directory.isEmpty ? fallback : directory + "/" + fallback)
        }
        var styles = StyleSheet()
        if let bytes = try package.readIfPresent(partPath("styles", fallback: "styles.xml")) {
            styles = StyleSheet(try XMLTree(parsing: bytes, part: partPath("styles", fallback: "styles.xml")))
        }
        var numbering = NumberingDefinitions()
        if let bytes = try package.readIfPresent(partPath("numbering", fallback: "numbering.xml")) {
            numbering = NumberingDefinitions(
                try XMLTree(parsing: bytes, part: partPath("numbering", fallback: "numbering.xml")))
        }
        let parser = try XMLPullParser(
            documentBytes, part: mainPart, canonicalPrefixes: WordNamespaces.canonicalPrefixes)
        var reader = DocumentBodyReader(parser: parser, styles: styles, numbering: numbering)
        body = try reader.readBody()
    }
}
