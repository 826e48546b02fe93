import PlanCore

/// Reads typed fields of a JSON object, naming the file and the field path in every error.
struct JSONFieldReader {
    let file: String
    let value: JSONValue
    /// The path of `value` in the document ("summary", "summary.units[2]"); "" at the root.
    let path: String

    init(file: String, value: JSONValue, path: String = "") {
        self.file = file
        self.value = value
        self.path = path
    }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    func fail(_ key: String, _ reason: String) -> ReportExportError {
        .invalidReport(file: file, field: fieldPath(key), reason: reason)
    }

    private func raw(_ key: String) throws(ReportExportError) -> JSONValue {
        guard case .object = value else {
            throw .invalidReport(file: file, field: path.isEmpty ? "(gốc)" : path, reason: "không phải đối tượng JSON")
        }
        guard let found = value[key] else { throw fail(key, "thiếu trường") }
        return found
    }

    func object(_ key: String) throws(ReportExportError) -> JSONFieldReader {
        let found = try raw(key)
        guard case .object = found else { throw fail(key, "phải là đối tượng") }
        return JSONFieldReader(file: file, value: found, path: fieldPath(key))
    }

    func optionalObject(_ key: String) throws(ReportExportError) -> JSONFieldReader? {
        let found = try raw(key)
        if found.isNull { return nil }
        guard case .object = found else { throw fail(key, "phải là đối tượng hoặc null") }
        return JSONFieldReader(file: file, value: found, path: fieldPath(key))
    }

    func array(_ key: String) throws(ReportExportError) -> [JSONFieldReader] {
        guard let items = try raw(key).arrayValue else { throw fail(key, "phải là mảng") }
        return items.enumerated().map { JSONFieldReader(file: file, value: $1, path: fieldPath(key) + "[\($0)]") }
    }

    func string(_ key: String) throws(ReportExportError) -> String {
        guard let text = try raw(key).stringValue else { throw fail(key, "phải là chuỗi") }
        return text
    }

    func optionalString(_ key: String) throws(ReportExportError) -> String? {
        let found = try raw(key)
        if found.isNull { return nil }
        guard let text = found.stringValue else { throw fail(key, "phải là chuỗi hoặc null") }
        return text
    }

    func int(_ key: String) throws(ReportExportError) -> Int {
        guard let number = try raw(key).intValue else { throw fail(key, "phải là số nguyên") }
        guard number >= 0 else { throw fail(key, "không được âm") }
        return number
    }

    func optionalInt(_ key: String) throws(ReportExportError) -> Int? {
        let found = try raw(key)
        if found.isNull { return nil }
        guard let number = found.intValue else { throw fail(key, "phải là số nguyên hoặc null") }
        return number
    }

    func optionalDouble(_ key: String) throws(ReportExportError) -> Double? {
        let found = try raw(key)
        if found.isNull { return nil }
        guard let number = found.doubleValue else { throw fail(key, "phải là số hoặc null") }
        return number
    }

    func day(_ key: String) throws(ReportExportError) -> Day {
        guard let day = Day(iso: try string(key)) else { throw fail(key, "ngày phải có dạng YYYY-MM-DD") }
        return day
    }
}
