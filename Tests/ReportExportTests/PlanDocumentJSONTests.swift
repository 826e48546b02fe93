import PlanCore
import ReportExport
import Testing

@Suite("Plan → cchc.plan/v1")
struct PlanDocumentJSONTests {
    @Test("identity, parent and activities come from the record, units by name")
    func planDocument() {
        let document = PlanDocumentWriter.planDocument(SamplePlan.record)
        #expect(document.document.code == "15/KH-SLĐTBXH")
        #expect(document.parent == ParentReference(code: "96/KH-UBND"))
        #expect(document.activities.count == SamplePlan.activities.count)
        let first = document.activities[0]
        #expect(first.ref == "II.3.a")
        #expect(first.lead == ["Văn phòng Sở", "các đơn vị sự nghiệp trực thuộc Sở"])
        #expect(first.coordinating == ["các phòng chuyên môn, nghiệp vụ thuộc Sở"])
        #expect(first.schedule.kind == .continuous)
        #expect(first.products == ["Tin, bài"])
        #expect(document.warnings.isEmpty)
        #expect(document.source.file == "15/KH-SLĐTBXH")
        #expect(document.json["format"] == .string("cchc.plan/v1"))
    }

    @Test("the content's parent reference, sections and source win over the record's")
    func content() {
        let parent = ParentReference(code: "96/KH-UBND", issuedOn: Day(2024, 3, 19), issuer: "UBND tỉnh")
        let source = PlanDocument.Source(file: "KH-SLDTBXH-2024.txt", sha256: String(repeating: "a", count: 64), mediaType: .txt)
        let sections = [PlanDocument.Section(label: "I", heading: "MỤC ĐÍCH, YÊU CẦU", text: ["Nâng cao nhận thức."])]
        let document = PlanDocumentWriter.planDocument(
            SamplePlan.record, content: PlanContent(sections: sections, parent: parent, source: source))
        #expect(document.parent == parent)
        #expect(document.source == source)
        #expect(document.sections == sections)
    }
}
