/// Reading back the parts of a stored `cchc.plan/v1` value that are not kept in tables of their own.
extension PlanDocument.Section {
    public init?(json: JSONValue) {
        guard let label = json["label"]?.stringValue, let heading = json["heading"]?.stringValue else { return nil }
        self.init(
            label: label, heading: heading, text: (json["text"]?.arrayValue ?? []).compactMap(\.stringValue),
            children: (json["children"]?.arrayValue ?? []).compactMap(PlanDocument.Section.init(json:)))
    }
}

extension PlanDocument.Responsibility {
    public init?(json: JSONValue) {
        guard let unit = json["unit"]?.stringValue, let text = json["text"]?.stringValue else { return nil }
        self.init(unit: unit, text: text)
    }
}

extension ParentReference {
    public init?(json: JSONValue) {
        guard let code = json["code"]?.stringValue else { return nil }
        self.init(
            code: code, issuedOn: json["issuedOn"]?.stringValue.flatMap { Day(iso: $0) },
            issuer: json["issuer"]?.stringValue)
    }
}

extension PlanDocument.Source {
    public init?(json: JSONValue) {
        guard let file = json["file"]?.stringValue, let sha = json["sha256"]?.stringValue,
            let media = json["mediaType"]?.stringValue.flatMap(MediaType.init(rawValue:))
        else { return nil }
        self.init(file: file, sha256: sha, mediaType: media)
    }
}
