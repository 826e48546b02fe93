import Foundation
import HTTPTypes
import Hummingbird
import MultipartKit
import NIOCore
import PlanCore

/// A file sent with a form.
struct UploadedFile: Sendable {
    var fileName: String
    var data: Data
}

/// A submitted form: its fields (NFC, every value of a repeated name) and files.
struct Form: Sendable {
    var fields: [String: [String]] = [:]
    var files: [String: [UploadedFile]] = [:]

    /// The field's value, or nil when absent; empty strings stay empty.
    func value(_ name: String) -> String? { fields[name]?.first }

    /// The field's value trimmed, nil when absent or blank.
    func text(_ name: String) -> String? {
        guard let value = value(name).map(VietnameseText.trimmed), !value.isEmpty else { return nil }
        return value
    }

    /// Uploaded files of a field that were really chosen (a browser sends an empty part for none).
    func chosenFiles(_ name: String) -> [UploadedFile] {
        (files[name] ?? []).filter { !$0.fileName.isEmpty || !$0.data.isEmpty }
    }
}

/// Why a form was refused before any of it was used.
struct FormRefusal: Error {
    var status: HTTPResponse.Status
    var message: String
}

/// Reads forms (URL-encoded or multipart) and checks the request is the session's own: the per-session
/// CSRF token in `_csrf`, and an `Origin` (or `Referer`) of this site when the browser sends one. A POST
/// that fails either gets 403, before anything is read from the store or written to it.
enum FormReader {
    static func read(_ request: Request, context: WebContext, csrf expected: String, limit: Int) async throws -> Form {
        try checkOrigin(request)
        let form = try await parse(request, limit: limit)
        guard let token = form.value("_csrf"), constantTimeEqual(token, expected) else {
            throw FormRefusal(
                status: .forbidden,
                message: "Biểu mẫu đã hết hạn hoặc không phải gửi từ trang này (thiếu mã chống giả mạo). Hãy tải lại trang rồi gửi lại.")
        }
        for (name, values) in form.fields where name != "_csrf" {
            for value in values {
                if let scalar = ControlCharacters.first(in: value) {
                    throw FormRefusal(
                        status: .badRequest,
                        message: "Ô \"\(name)\" chứa ký tự điều khiển \(ControlCharacters.name(scalar)) (không in được); hãy bỏ ký tự đó.")
                }
            }
        }
        return form
    }

    /// A cross-site POST carries the other site's Origin (or Referer): refused.
    static func checkOrigin(_ request: Request) throws {
        let host = request.head.authority
        let claimed = request.headers[.origin] ?? request.headers[.referer]
        guard let claimed, claimed != "null" else { return }
        guard let host, let url = URL(string: claimed), let claimedHost = url.host else {
            throw FormRefusal(status: .forbidden, message: "Yêu cầu không đến từ trang của cchc.")
        }
        let claimedAuthority = url.port.map { "\(claimedHost):\($0)" } ?? claimedHost
        guard claimedAuthority == host || claimedHost == host else {
            throw FormRefusal(status: .forbidden, message: "Yêu cầu không đến từ trang của cchc.")
        }
    }

    static func parse(_ request: Request, limit: Int) async throws -> Form {
        let contentType = request.headers[.contentType] ?? ""
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = boundary(of: contentType) else {
                throw FormRefusal(status: .badRequest, message: "Biểu mẫu gửi lên không đọc được (thiếu boundary).")
            }
            return try await multipart(request, boundary: boundary, limit: limit)
        }
        var body = try await collect(request, limit: 1 << 20)
        return urlEncoded(body.readString(length: body.readableBytes) ?? "")
    }

    /// The body, refused past `limit` bytes (counted while it arrives).
    static func collect(_ request: Request, limit: Int) async throws -> ByteBuffer {
        var buffer = ByteBuffer()
        for try await chunk in request.body {
            guard buffer.readableBytes + chunk.readableBytes <= limit else { throw tooLarge(limit) }
            var chunk = chunk
            buffer.writeBuffer(&chunk)
        }
        return buffer
    }

    static func tooLarge(_ limit: Int) -> FormRefusal {
        FormRefusal(
            status: .contentTooLarge,
            message: "Tệp gửi lên vượt giới hạn \(limit / 1_048_576) MB; không có gì được lưu. Hãy nén tệp hoặc ghi đường liên kết.")
    }

    static func urlEncoded(_ text: String) -> Form {
        var form = Form()
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            form.fields[name, default: []].append(VietnameseText.nfc(value))
        }
        return form
    }

    static func decode(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
    }

    static func boundary(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    static func multipart(_ request: Request, boundary: String, limit: Int) async throws -> Form {
        let parser = MultipartParser(boundary: boundary)
        let collector = PartCollector()
        parser.onHeader = { name, value in collector.header(name, value) }
        parser.onBody = { buffer in collector.body(&buffer) }
        parser.onPartComplete = { collector.complete() }
        var received = 0
        // The fields and files besides the evidence are small; the whole body may be up to the limit plus
        // room for them.
        let allowed = limit + 64 * 1024
        for try await chunk in request.body {
            received += chunk.readableBytes
            guard received <= allowed else { throw tooLarge(limit) }
            do {
                try parser.execute(chunk)
            } catch {
                throw FormRefusal(status: .badRequest, message: "Biểu mẫu gửi lên không đọc được.")
            }
        }
        for file in collector.form.files.values.joined() where file.data.count > limit { throw tooLarge(limit) }
        return collector.form
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Gathers the parts MultipartParser reports, one at a time (used from one task only).
private final class PartCollector: @unchecked Sendable {
    var form = Form()
    private var headers: [String: String] = [:]
    private var data = Data()

    func header(_ name: String, _ value: String) { headers[name.lowercased()] = value }

    func body(_ buffer: inout ByteBuffer) {
        if let bytes = buffer.readBytes(length: buffer.readableBytes) { data.append(contentsOf: bytes) }
    }

    func complete() {
        let disposition = headers["content-disposition"] ?? ""
        let name = Self.parameter("name", in: disposition) ?? ""
        if let fileName = Self.parameter("filename", in: disposition) {
            form.files[name, default: []].append(UploadedFile(fileName: VietnameseText.nfc(fileName), data: data))
        } else {
            form.fields[name, default: []].append(VietnameseText.nfc(String(decoding: data, as: UTF8.self)))
        }
        headers = [:]
        data = Data()
    }

    /// `name="x"` of a Content-Disposition (quotes removed, `\"` unescaped).
    static func parameter(_ key: String, in disposition: String) -> String? {
        for part in disposition.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            return value
        }
        return nil
    }
}
