/// The relationships of one package part (its `_rels/*.rels`), resolved to part names.
struct Relationships: Sendable {
    /// (type, resolved part name) in document order; external targets are left out.
    private(set) var targets: [(type: String, part: String)] = []

    /// Reads the relationships of `source` ("" for the package, "word/document.xml" for the main part).
    init(of source: String, in package: inout PackageReader) throws(OOXMLError) {
        let directory = source.split(separator: "/").dropLast().joined(separator: "/")
        let fileName = source.split(separator: "/").last.map(String.init) ?? ""
        let relsPart = (directory.isEmpty ? "" : directory + "/") + "_rels/" + fileName + ".rels"
        guard let bytes = try package.readIfPresent(relsPart) else { return }
        let root = try XMLTree(parsing: bytes, part: relsPart)
        for relationship in root.children("Relationship") {
            guard let type = relationship["Type"], let target = relationship["Target"],
                relationship["TargetMode"] != "External"
            else { continue }
            targets.append((type, Self.resolve(target, against: directory)))
        }
    }

    /// The first target whose relationship type ends with "/" + `kind` ("officeDocument", "styles", …);
    /// matching the last path segment covers both transitional and strict type URIs.
    func target(ofKind kind: String) -> String? {
        targets.first { $0.type.hasSuffix("/" + kind) }?.part
    }

    /// Resolves a relative or absolute target URI against the source part's directory.
    static func resolve(_ target: String, against directory: String) -> String {
        let path = target.removingPercentEncodingIfPossible
        var segments: [Substring] = path.hasPrefix("/") ? [] : directory.split(separator: "/")
        for segment in path.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}

extension String {
    /// Decodes %XX escapes of a URI path when they form valid UTF-8, else returns the string unchanged.
    fileprivate var removingPercentEncodingIfPossible: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
