import Foundation

/// The Word report as PDF, converted by LibreOffice (`soffice --headless --convert-to pdf`): the same
/// document the office would print, with its fonts embedded. Each conversion runs in a private profile
/// directory (concurrent exports never share LibreOffice's user installation or lock), is killed after
/// `timeout`, and leaves nothing behind. Nothing is drawn for a seal or a signature: signing is done
/// later with the office's signing tool.
public enum PDFConversion {
    /// Where soffice is looked for, in order: `CCHC_SOFFICE`, then the PATH.
    public static func soffice(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let chosen = environment["CCHC_SOFFICE"], !chosen.isEmpty {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        for directory in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let path = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    /// Seconds a conversion may take before it is stopped: `CCHC_PDF_TIMEOUT`, else 120.
    public static var defaultTimeout: TimeInterval {
        ProcessInfo.processInfo.environment["CCHC_PDF_TIMEOUT"].flatMap(TimeInterval.init).flatMap { $0 > 0 ? $0 : nil } ?? 120
    }

    /// The PDF of a .docx.
    public static func pdf(fromDocx docx: Data, timeout: TimeInterval = defaultTimeout) throws -> Data {
        guard let soffice = soffice() else {
            throw PlanAppError(
                nil,
                "Không tìm thấy LibreOffice (soffice) để tạo PDF: cài đặt gói libreoffice-writer-nogui "
                    + "(apt-get install libreoffice-writer-nogui), hoặc đặt CCHC_SOFFICE là đường dẫn tới soffice.")
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let source = work.appendingPathComponent("bao-cao.docx")
        try docx.write(to: source)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = [
            "-env:UserInstallation=" + work.appendingPathComponent("profile").absoluteString, "--headless", "--norestore",
            "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export", "--outdir", work.path,
            source.path,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = work.path  // LibreOffice writes caches under HOME even with a private profile
        process.environment = environment
        let log = work.appendingPathComponent("soffice.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw PlanAppError(nil, "Không chạy được LibreOffice (\(soffice)) để tạo PDF: \(error.localizedDescription)")
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            throw PlanAppError(
                nil, "LibreOffice không tạo xong PDF sau \(Int(timeout)) giây (đặt CCHC_PDF_TIMEOUT để cho phép lâu hơn).")
        }
        let output = work.appendingPathComponent("bao-cao.pdf")
        guard process.terminationStatus == 0, let pdf = FileManager.default.contents(atPath: output.path), pdf.starts(with: Array("%PDF".utf8)) else {
            let said = (try? String(contentsOf: log, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            throw PlanAppError(
                nil,
                "LibreOffice không chuyển được báo cáo sang PDF (mã thoát \(process.terminationStatus))"
                    + (said.isEmpty ? "." : ": \(said.suffix(500))"))
        }
        return pdf
    }
}
