import CLibPQ
import Foundation

/// libpq conninfo strings: validation through `PQconninfoParse` and rendering back to `key='value'` form.
enum ConnInfo {
    /// The explicitly given settings, or `.invalidConfiguration` carrying libpq's explanation.
    static func parse(_ conninfo: String) throws(PostgresError) -> [String: String] {
        var errorMessage: UnsafeMutablePointer<CChar>? = nil
        guard let options = PQconninfoParse(conninfo, &errorMessage) else {
            let reason = errorMessage.map { String(cString: $0) }?.trimmingNewlines ?? "thiếu bộ nhớ"
            if let errorMessage { PQfreemem(errorMessage) }
            throw PostgresError(
                .invalidConfiguration,
                message: "Chuỗi kết nối hoặc URL cơ sở dữ liệu không hợp lệ (\(reason)).")
        }
        defer { PQconninfoFree(options) }
        var values: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                values[String(cString: keyword)] = String(cString: value)
            }
            option += 1
        }
        return values
    }

    /// `key='value' …` in key order, with `\` and `'` escaped as libpq expects.
    static func render(_ values: [String: String]) -> String {
        values.sorted { $0.key < $1.key }.map { key, value in
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            return "\(key)='\(escaped)'"
        }.joined(separator: " ")
    }
}

extension String {
    /// Without the trailing newline libpq puts on its messages.
    var trimmingNewlines: String {
        var text = Substring(self)
        while let last = text.last, last.isNewline || last == " " { text = text.dropLast() }
        return String(text)
    }
}
