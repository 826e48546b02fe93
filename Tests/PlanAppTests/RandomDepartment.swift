import Foundation
import PlanCore
import PlanStore
import Postgres

/// A deterministic random source (SplitMix64): the same seed builds the same department, so a failure
/// names a seed that reproduces it.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A department's year built at random through the store, the way its people would build it: divisions
/// nested up to three levels, service units, collective groups with members (some nested), activities of
/// every kind of time frame with leads and coordinators (units and groups), renames during the year, unit
/// staff recording through their own sessions (group members among them), the Văn phòng recording for
/// others, corrections (and corrections of corrections) moving entries in and out of windows, withdrawals,
/// evidence of
/// every kind (files shared between entries), and administrators' decisions.
struct RandomDepartment {
    let store: Store
    let planID: Int64
    var entries = 0
    var corrections = 0
    var withdrawals = 0
    var unitCount = 0

    static let schedules = [
        "Thường xuyên", "Năm 2024", "Quý I/2024", "Quý II/2024", "Quý III/2024", "Quý IV/2024", "Tháng 3/2024",
        "Tháng 6/2024", "Tháng 9/2024", "Trước ngày 15/5/2024", "Trước ngày 30/9/2024", "Trước ngày 10/12/2024",
        "6 tháng đầu năm 2024", "6 tháng cuối năm 2024", "Hằng quý", "Khi có yêu cầu", "Từ tháng 4 đến tháng 8/2024",
    ]

    /// Builds a department with about `entryTarget` entries in a fresh migrated database (`db`), as the
    /// administrator `store`.
    static func build(
        seed: UInt64, entryTarget: Int, store: Store, configuration: ConnectionConfiguration
    ) throws -> RandomDepartment {
        var random = SeededGenerator(seed: seed)
        let activityCount = Int.random(in: 12...24, using: &random)
        let activities = (1...activityCount).map { n in
            PlannedActivity(
                ref: "\(n)", title: "Hoạt động tuyên truyền số \(n) (hạt giống \(seed))", lead: ["Văn phòng Sở"],
                coordinating: [], schedule: ScheduleGrammar.parse(schedules.randomElement(using: &random)!, planYear: 2024),
                products: n % 3 == 0 ? ["\(n) tin, bài"] : [])
        }
        let plan = PlanDocument(
            source: .init(file: "ngau-nhien-\(seed).txt", sha256: String(repeating: "c", count: 64), mediaType: .txt),
            document: DocumentIdentity(
                code: "\(seed % 900 + 10)/KH-STN", number: "\(seed % 900 + 10)", symbol: "KH-STN", type: "KH",
                typeName: "KẾ HOẠCH", title: "Thông tin, tuyên truyền cải cách hành chính năm 2024",
                issuer: "SỞ THỬ NGHIỆM", issuerParent: "UBND TỈNH BÌNH PHƯỚC", place: "Bình Phước",
                issuedOn: Day(2024, 2, 1), year: 2024),
            sections: [.init(label: "I", heading: "MỤC ĐÍCH, YÊU CẦU", text: ["Kế hoạch sinh ngẫu nhiên."])],
            activities: activities)
        _ = try store.importPlan(plan, replace: false)
        let stored = try store.findPlan(plan.document.code!)
        let owner = try store.planOwner(id: stored.id, namesOn: Day(2024, 1, 1)!).id
        var department = RandomDepartment(store: store, planID: stored.id)

        // Units: divisions (some with divisions of their own), service units, groups with members.
        var units: [Int64] = [try store.findUnit("Văn phòng Sở").id]
        var divisions = units
        for n in 1...Int.random(in: 5...9, using: &random) {
            let division = try store.addUnit(NewUnit(name: "Phòng Thử nghiệm \(n)", kind: .division, parentID: owner)).id
            units.append(division)
            divisions.append(division)
            var parent = division
            for depth in 0..<Int.random(in: 0...2, using: &random) {
                let child = try store.addUnit(
                    NewUnit(name: "Tổ \(n).\(depth + 1)", kind: .division, parentID: parent)).id
                units.append(child)
                parent = child
            }
        }
        for n in 1...Int.random(in: 2...4, using: &random) {
            units.append(try store.addUnit(NewUnit(name: "Trung tâm Thử nghiệm \(n)", kind: .serviceUnit, parentID: owner)).id)
        }
        var groups: [Int64] = []
        for n in 1...Int.random(in: 2...3, using: &random) {
            let group = try store.addUnit(NewUnit(name: "Các đơn vị nhóm \(n) thuộc Sở", kind: .group, parentID: owner)).id
            groups.append(group)
            for member in units.shuffled(using: &random).prefix(Int.random(in: 2...5, using: &random)) {
                _ = try store.addGroupMember(group: group, member: member)
            }
        }
        department.unitCount = units.count + groups.count

        // Assignments: leads and coordinators among units and groups.
        var takesPart: [Int64: Set<Int64>] = [:]
        for n in 1...activityCount {
            var activity = try store.findActivity("\(n)", plan: stored.reference)
            takesPart[activity.id, default: []].insert(units[0])
            for unit in (units.dropFirst() + groups).shuffled(using: &random).prefix(Int.random(in: 1...4, using: &random)) {
                let role: AssignmentRole = Bool.random(using: &random) ? .lead : .coordinating
                activity = try store.assign(activity, unit: unit, role: role)
                if groups.contains(unit) {
                    let members = try store.groupMembers(unit, on: Day(2024, 1, 1)!).map(\.id)
                    takesPart[activity.id, default: []].formUnion(members)
                } else {
                    takesPart[activity.id, default: []].insert(unit)
                }
            }
        }

        // Staff with their own sessions for some units; renames during the year (staff follow them).
        var staff: [Int64: Store] = [:]
        for unit in units.shuffled(using: &random).prefix(5) {
            let login = "nv\(unit)"
            _ = try store.addUser(login: login, role: .unit, unitID: unit, displayName: nil)
            staff[unit] = try Store(connection: Connection(configuration), actingAs: login)
        }
        for unit in units.dropFirst().shuffled(using: &random).prefix(2) {
            _ = try store.renameUnit(
                unit, to: "Phòng Đổi tên \(unit)", effective: Day(2024, Int.random(in: 4...10, using: &random), 1)!,
                act: "Quyết định \(unit)/QĐ-STN")
        }

        // Evidence files: a few contents, shared between entries.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-random-\(seed)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for n in 0..<4 {
            let file = folder.appendingPathComponent("minh-chung-\(n).pdf")
            try Data("%PDF-1.4\nMinh chứng \(n) hạt giống \(seed)".utf8).write(to: file)
            files.append(file.path)
        }

        // Entries: dated across the plan's data windows, by staff for their own activities, by the Văn phòng
        // for any unit.
        var recorded: [ProgressRow] = []
        let activityIDs = takesPart.keys.sorted()
        while department.entries < entryTarget {
            let activityID = activityIDs.randomElement(using: &random)!
            let day = Day(2023, 12, 1)!.adding(days: Int.random(in: 0...395, using: &random))
            let participants = takesPart[activityID]!.sorted()
            var evidence: [EvidenceInput] = []
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                switch Int.random(in: 0...2, using: &random) {
                case 0: evidence.append(.url("https://stn.binhphuoc.gov.vn/tin/\(Int.random(in: 1...99_999, using: &random))"))
                case 1: evidence.append(.document("\(Int.random(in: 1...300, using: &random))/BC-STN"))
                default: evidence.append(.file(path: files.randomElement(using: &random)!))
                }
            }
            let quantity: Double? = Bool.random(using: &random) ? Double(Int.random(in: 0...40, using: &random)) : nil
            let text = "Kết quả \(department.entries + 1): đăng tin, tổ chức hội nghị (hạt giống \(seed))"
            let own = participants.filter { staff[$0] != nil }
            let new: NewProgress
            let recorder: Store
            if let unit = own.randomElement(using: &random), Int.random(in: 0...2, using: &random) > 0 {
                new = NewProgress(
                    activityID: activityID, unitID: unit, date: day, text: text, quantity: quantity,
                    quantityUnit: quantity == nil ? nil : "tin, bài", evidence: evidence)
                recorder = staff[unit]!
            } else {
                let unit = Int.random(in: 0...9, using: &random) == 0 ? units.randomElement(using: &random)! : participants.randomElement(using: &random)!
                new = NewProgress(
                    activityID: activityID, unitID: unit, date: day, text: text, quantity: quantity,
                    quantityUnit: quantity == nil ? nil : "buổi", evidence: evidence)
                recorder = store
            }
            recorded.append(try recorder.addProgress(new))
            department.entries += 1
        }

        // Corrections: new dates (in and out of windows), new texts, removed quantities; some twice.
        var currentEntries = Dictionary(uniqueKeysWithValues: recorded.map { ($0.id, $0) })
        for entry in recorded.shuffled(using: &random).prefix(entryTarget / 8) {
            var current = entry.id
            for round in 1...Int.random(in: 1...2, using: &random) {
                let moved = Bool.random(using: &random)
                    ? Day(2023, 12, 1)!.adding(days: Int.random(in: 0...395, using: &random)) : nil
                let fixed = try store.correctProgress(
                    current, reason: "Sửa lần \(round)",
                    ProgressCorrection(
                        date: moved, text: "Kết quả đã sửa \(current) lần \(round) (hạt giống \(seed))",
                        quantity: Bool.random(using: &random) ? .some(nil) : nil))
                current = fixed.id
                department.corrections += 1
            }
            currentEntries[entry.id] = try store.progressEntry(current)
        }

        // Withdrawals of results recorded by mistake, corrected ones among them; by the person who recorded
        // the entry when that was the unit's own staff, else by the Văn phòng.
        for original in recorded.map(\.id).shuffled(using: &random).prefix(entryTarget / 12) {
            let entry = currentEntries[original]!
            let withdrawer = staff[entry.unitID].flatMap { $0.user.login == entry.recordedBy ? $0 : nil } ?? store
            _ = try withdrawer.withdrawProgress(entry.id, reason: "Ghi nhầm (hạt giống \(seed))")
            department.withdrawals += 1
        }

        // Decisions: some activities done or cancelled during the year.
        for id in activityIDs.shuffled(using: &random).prefix(activityCount / 4) {
            let activity = try store.findActivity("#\(id)")
            let day = Day(2024, 1, 1)!.adding(days: Int.random(in: 0...360, using: &random))
            _ = try store.setActivityState(activity, Bool.random(using: &random) ? .done(day) : .cancelled(day))
        }
        return department
    }
}
