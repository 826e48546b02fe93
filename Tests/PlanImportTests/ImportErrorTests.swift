import Foundation
import PlanCore
import Testing
@testable import PlanImport

/// Bad input is refused with an error that names the file and the reason, in Vietnamese.
@Suite("Unreadable files")
struct ImportErrorTests {
    static func reason(_ data: Data, _ name: String, importer: PlanImporter = PlanImporter()) -> PlanImportError.Reason? {
        do {
            _ = try importer.read(data: data, fileName: name)
            return nil
        } catch {
            #expect(error.file == (name as NSString).lastPathComponent)
            #expect(error.description.hasPrefix("Không đọc được tệp “\((name as NSString).lastPathComponent)”: "))
            return error.reason
        }
    }

    static func document(_ xml: String) throws -> Data {
        try TestZip.make([("[Content_Types].xml", Data(TestDocx.contentTypes.utf8)), ("word/document.xml", Data(xml.utf8))])
    }

    @Test("an empty file, or one with only white space")
    func empty() {
        #expect(Self.reason(Data(), "trong.txt") == .empty)
        #expect(Self.reason(Data(" \n\r\n\t ".utf8), "trong.txt") == .empty)
        #expect(Self.reason(Data([0xEF, 0xBB, 0xBF]), "bom.txt") == .empty)
    }

    @Test("binary garbage")
    func binary() {
        let bytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        #expect(Self.reason(Data(bytes), "rac.txt") == .binary)
        #expect(Self.reason(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64)), "anh.png") == .binary)
    }

    @Test("a file named .docx that is not a ZIP package")
    func notAZip() {
        #expect(Self.reason(Data("Xin chào".utf8), "ke-hoach.docx") == .notAZip)
    }

    @Test("a ZIP package without word/document.xml")
    func missingDocument() throws {
        let data = try TestZip.make([("hello.txt", Data("xin chào".utf8))])
        #expect(Self.reason(data, "thieu.docx") == .missingPart("word/document.xml"))
    }

    @Test("a zip bomb: a part that inflates past 50 MB")
    func zipBomb() throws {
        let data = try TestZip.bomb(size: 51 * 1024 * 1024)
        #expect(data.count < 1024 * 1024)
        guard case .entryTooLarge(let part, let limit)? = Self.reason(data, "bom.docx") else {
            Issue.record("expected entryTooLarge")
            return
        }
        #expect(part == "word/document.xml")
        #expect(limit == 50 * 1024 * 1024)
    }

    @Test("XML with a DTD, an external entity, or entity expansion", arguments: [
        "<?xml version=\"1.0\"?><!DOCTYPE w:document><w:document/>",
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><d>&xxe;</d>",
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><d>&b;</d>",
    ])
    func forbiddenXML(xml: String) throws {
        #expect(Self.reason(try Self.document(xml), "dtd.docx") == .forbiddenDTD(part: "word/document.xml"))
    }

    @Test("a .docx with two word/document.xml entries (a reader taking the last would see another plan)")
    func duplicateEntry() throws {
        let real = TestDocx(lines: "SỞ NỘI VỤ\nSố: 12/KH-SNV\nKẾ HOẠCH\nThông tin, tuyên truyền năm 2025").documentXML()
        let forged = TestDocx(lines: "SỞ NỘI VỤ\nSố: 99/KH-SNV\nKẾ HOẠCH\nMột kế hoạch khác").documentXML()
        let data = try TestZip.make([
            ("[Content_Types].xml", Data(TestDocx.contentTypes.utf8)), ("_rels/.rels", Data(TestDocx.packageRelationships.utf8)),
            ("word/document.xml", Data(real.utf8)), ("Word/Document.xml", Data(forged.utf8)),
        ])
        #expect(Self.reason(data, "hai-noi-dung.docx") == .duplicateEntry(part: "word/document.xml"))
        let error = PlanImportError(file: "hai-noi-dung.docx", reason: .duplicateEntry(part: "word/document.xml"))
        #expect(error.code == "duplicate-entry")
        #expect(error.description
            == "Không đọc được tệp “hai-noi-dung.docx”: gói .docx có hai phần cùng tên “word/document.xml” "
                + "(mỗi chương trình có thể đọc ra một nội dung khác nhau), bị từ chối vì lý do an toàn.")
    }

    @Test("a truncated .docx")
    func truncated() throws {
        let data = try Fixtures.data("96-KH-UBND-2024.docx")
        let reason = Self.reason(data.prefix(data.count / 2), "cat-cut.docx")
        #expect(reason == .truncated)
    }

    @Test("a file over 20 MB is refused before it is read")
    func tooLarge() throws {
        let limit = 20 * 1024 * 1024
        #expect(Self.reason(Data(count: limit + 1), "lon.txt") == .tooLarge(size: limit + 1, limit: limit))
        do {
            _ = try PlanImporter(maxFileSize: 1000).read(file: Fixtures.url("96-KH-UBND-2024.txt"))
            Issue.record("expected an error")
        } catch {
            guard case .tooLarge(let size, 1000) = error.reason else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(size > 1000)
            #expect(error.description.contains("giới hạn"))
        }
    }

    @Test("formats that are not read: Word 97-2003, a password-protected .docx, PDF, RTF")
    func unsupported() {
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512))
        #expect(Self.reason(ole, "cu.doc") == .unsupportedFormat("Word 97-2003 (.doc)"))
        #expect(Self.reason(ole, "mat-khau.docx") == .encrypted)
        #expect(Self.reason(Data("%PDF-1.7\n".utf8), "ke-hoach.pdf") == .unsupportedFormat("PDF"))
        #expect(Self.reason(Data("{\\rtf1\\ansi Kế hoạch}".utf8), "ke-hoach.rtf") == .unsupportedFormat("RTF"))
    }

    @Test("a missing file and a directory")
    func unreadable() {
        for url in [Fixtures.url("khong-co.txt"), Fixtures.directory] {
            do {
                _ = try PlanImporter().read(file: url)
                Issue.record("expected an error for \(url.lastPathComponent)")
            } catch {
                guard case .unreadable = error.reason else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(error.file == url.lastPathComponent)
                #expect(error.code == "unreadable")
            }
        }
    }

    static let messageCases: [(PlanImportError.Reason, String)] = [
        (.empty, "tệp rỗng"), (.notAZip, "không phải gói ZIP"),
        (.entryTooLarge(part: "word/document.xml", limit: 50 * 1024 * 1024), "vượt quá 50 MB"),
        (.forbiddenDTD(part: "word/document.xml"), "DTD"),
        (.tooLarge(size: 21 * 1024 * 1024, limit: 20 * 1024 * 1024), "21 MB"),
    ]

    @Test("messages are Vietnamese and name the file", arguments: messageCases)
    func messages(reason: PlanImportError.Reason, fragment: String) {
        let error = PlanImportError(file: "x.docx", reason: reason)
        #expect(error.description.contains("“x.docx”"))
        #expect(error.description.contains(fragment))
    }
}
