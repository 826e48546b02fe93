/// The package-level properties every OOXML document carries (Part 2, §11; Part 1, §22.2–22.3):
/// docProps/core.xml from `DocxProperties`, docProps/app.xml naming the application, docProps/custom.xml
/// for named custom properties, and the package relationships to them and to the main part. Shared by
/// the Word and Excel writers.
enum CoreProperties {
    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    private static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Adds `_rels/.rels` and the property parts.
    static func add(_ properties: DocxProperties, application: String, main: String, to zip: inout DeterministicZipWriter) {
        zip.add("_rels/.rels", Array(packageRelationships(properties, main: main).utf8))
        zip.add("docProps/core.xml", Array(xml(properties).utf8))
        zip.add("docProps/app.xml", Array(appXML(application).utf8))
        if !properties.custom.isEmpty { zip.add("docProps/custom.xml", Array(customXML(properties.custom).utf8)) }
    }

    /// The [Content_Types].xml overrides of the property parts.
    static func contentTypeOverrides(_ properties: DocxProperties) -> String {
        "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "<Override PartName=\"/docProps/app.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
            + (properties.custom.isEmpty
                ? ""
                : "<Override PartName=\"/docProps/custom.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/>")
    }

    static func packageRelationships(_ properties: DocxProperties, main: String) -> String {
        declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(officeRelationships)/officeDocument\" Target=\"\(main)\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
            + "core-properties\" Target=\"docProps/core.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"\(officeRelationships)/extended-properties\" Target=\"docProps/app.xml\"/>"
            + (properties.custom.isEmpty
                ? "" : "<Relationship Id=\"rId4\" Type=\"\(officeRelationships)/custom-properties\" Target=\"docProps/custom.xml\"/>")
            + "</Relationships>"
    }

    /// Custom properties as text (vt:lpwstr), in the order given; pid starts at 2 as the format requires.
    static func customXML(_ custom: [DocxProperties.Custom]) -> String {
        var xml = XMLOutput(capacity: 1024)
        xml.raw(declaration + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" ")
        xml.raw("xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">")
        for (index, property) in custom.enumerated() {
            xml.raw("<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"\(index + 2)\" name=\"")
            xml.attribute(property.name)
            xml.raw("\"><vt:lpwstr>")
            xml.text(property.value)
            xml.raw("</vt:lpwstr></property>")
        }
        xml.raw("</Properties>")
        return xml.string
    }

    static func xml(_ properties: DocxProperties) -> String {
        var xml = XMLOutput(capacity: 1024)
        xml.raw(declaration + "<cp:coreProperties ")
        xml.raw("xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ")
        xml.raw("xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" ")
        xml.raw("xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
        let elements: [(String, String?)] = [
            ("dc:title", properties.title), ("dc:subject", properties.subject), ("dc:creator", properties.creator),
            ("cp:keywords", properties.keywords), ("dc:description", properties.description),
        ]
        for (name, value) in elements {
            guard let value else { continue }
            xml.raw("<\(name)>")
            xml.text(value)
            xml.raw("</\(name)>")
        }
        for (name, value) in [("dcterms:created", properties.created), ("dcterms:modified", properties.modified)] {
            guard let value else { continue }
            xml.raw("<\(name) xsi:type=\"dcterms:W3CDTF\">")
            xml.text(value)
            xml.raw("</\(name)>")
        }
        xml.raw("</cp:coreProperties>")
        return xml.string
    }

    static func appXML(_ application: String) -> String {
        var xml = XMLOutput(capacity: 512)
        xml.raw(declaration + "<Properties ")
        xml.raw("xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" ")
        xml.raw("xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>")
        xml.text(application)
        xml.raw("</Application><DocSecurity>0</DocSecurity></Properties>")
        return xml.string
    }
}
