import Foundation

/// A synthetic department plan (kế hoạch của Sở) in the shape of the real ones: the issuing body, the
/// parent provincial plan it implements, and its activities with units, time frames and products.
struct SyntheticPlan {
    /// One task of the plan.
    struct Activity {
        var title: String
        var lead: [String]
        var coordinating: [String]
        var timeFrame: String
        var products: [String]
        /// What the lead reports when it has done some of the work, and the counting word of the quantity.
        var result: String
        var resultUnit: String?
        /// How the lead is labelled in the body ("Cơ quan chủ trì", "Đơn vị thực hiện", …).
        var leadLabel: String
        var coordinatingLabel: String
        var timeLabel: String
        var productLabel: String
    }

    /// One group of the annex table (a Roman-numbered row spanning the table).
    struct Group {
        var title: String
        var activities: [Activity]
    }

    var province: UnitCatalogue.Province
    var department: UnitCatalogue.Department
    var number: Int
    var year: Int
    var issuedDay: Int
    var issuedMonth: Int
    var parentNumber: Int
    var parentDay: Int
    var parentMonth: Int
    var groups: [Group]
    var signerName: String

    var activities: [Activity] { groups.flatMap(\.activities) }
    var code: String { "\(String(format: "%02d", number))/KH-\(department.abbreviation)" }
    var title: String { "Thông tin, tuyên truyền cải cách hành chính năm \(year)" }
    var dateLine: String { "\(province.place), ngày \(String(format: "%02d", issuedDay)) tháng \(issuedMonth) năm \(year)" }
    var parentCitation: String {
        "Thực hiện Kế hoạch số \(parentNumber)/KH-UBND ngày \(parentDay)/\(parentMonth)/\(year) của UBND tỉnh về thông tin, "
            + "tuyên truyền cải cách hành chính năm \(year) trên địa bàn \(province.localName),"
    }
    /// The divisions of the issuing department, by name.
    var divisions: [String] { UnitCatalogue.divisions(of: department).map(\.name) }
    /// "Sở", or the body's own word for itself.
    var selfName: String { department.isDepartment ? "Sở" : "cơ quan" }
}

extension SyntheticPlan {
    /// Builds a plan with `count` activities, everything drawn from `seed`.
    static func generate(activities count: Int, seed: UInt64, year: Int) -> SyntheticPlan {
        var random = SeededGenerator(seed: seed)
        let province = random.pick(UnitCatalogue.provinces)
        let department = random.pick(UnitCatalogue.departments)
        let groupTitles = [
            "Thông tin, tuyên truyền trên báo chí, phát thanh, truyền hình",
            "Thông tin, tuyên truyền trên môi trường mạng", "Hội nghị, hội thi, tập huấn",
            "Tuyên truyền trực quan, ấn phẩm", "Tuyên truyền về thủ tục hành chính và dịch vụ công",
            "Kiểm tra, đánh giá, báo cáo",
        ]
        // Real plans group long task lists; numbered "1.1." to "1.99." in the body (a label's second number has
        // at most two digits), so a group holds at most 99 activities.
        let groupCount = max(min(groupTitles.count, count / 8), (count + 98) / 99, 1)
        var plan = SyntheticPlan(
            province: province, department: department, number: random.int(in: 1...250), year: year,
            issuedDay: random.int(in: 1...28), issuedMonth: random.int(in: 4...5), parentNumber: random.int(in: 20...150),
            parentDay: random.int(in: 1...28), parentMonth: random.int(in: 2...3), groups: [],
            signerName: random.pick(signerNames))
        for index in 0..<groupCount {
            let share = count / groupCount + (index < count % groupCount ? 1 : 0)
            let round = index / groupTitles.count
            let title = groupTitles[index % groupTitles.count] + (round == 0 ? "" : " (phần \(round + 1))")
            var group = Group(title: title, activities: [])
            for _ in 0..<share {
                group.activities.append(plan.makeActivity(&random))
            }
            plan.groups.append(group)
        }
        return plan
    }

    static let signerNames = [
        "Nguyễn Văn Hùng", "Trần Thị Thu Hà", "Lê Minh Tuấn", "Phạm Thị Mai Hương", "Hoàng Văn Nam", "Võ Thị Lan",
        "Đặng Quốc Bảo", "Bùi Thị Hồng Nhung", "Huỳnh Thanh Sơn", "Ngô Thị Kim Oanh",
    ]

    func makeActivity(_ random: inout SeededGenerator) -> Activity {
        let template = random.pick(ActivityVocabulary.templates)
        let values = drawValues(&random)
        let offices = divisions
        var lead = [random.pick(offices)]
        if random.chance(15) { lead.append("các phòng chuyên môn, nghiệp vụ thuộc \(selfName)") }
        var coordinating = random.sample(offices.filter { !lead.contains($0) }, count: random.int(in: 0...2))
        if random.chance(30) { coordinating.append(random.pick(UnitCatalogue.partners(in: province))) }
        let products = random.sample(template.products, count: random.int(in: 1...template.products.count))
            .map { Self.fill($0, values).replacingOccurrences(of: "{n}", with: String(format: "%02d", random.int(in: 1...24))) }
        let timeFrame = Self.fill(random.pick(ActivityVocabulary.timeFrames), values)
        let isDeadline = timeFrame.hasPrefix("Trước") || timeFrame.hasPrefix("Chậm nhất")
        return Activity(
            title: Self.fill(template.title, values), lead: lead, coordinating: coordinating, timeFrame: timeFrame,
            products: products, result: Self.fill(template.result, values), resultUnit: template.resultUnit,
            leadLabel: random.pick(["Cơ quan chủ trì", "Đơn vị chủ trì", "Đơn vị thực hiện", "Đơn vị chủ trì thực hiện"]),
            coordinatingLabel: random.pick(["Cơ quan phối hợp", "Đơn vị phối hợp"]),
            timeLabel: isDeadline && random.chance(50) ? "Thời gian hoàn thành" : "Thời gian thực hiện",
            productLabel: random.pick(["Sản phẩm", "Sản phẩm", "Kết quả, sản phẩm"]))
    }

    /// One value per placeholder of the vocabulary templates, drawn once for an activity.
    func drawValues(_ random: inout SeededGenerator) -> [String: String] {
        let topic = random.pick(ActivityVocabulary.topics)
        return [
            "{topic}": topic, "{Topic}": topic.prefix(1).uppercased() + topic.dropFirst(),
            "{audience}": random.pick(ActivityVocabulary.audiences), "{field}": random.pick(ActivityVocabulary.fields),
            "{commune}": random.pick(ActivityVocabulary.communes),
            "{channel}": random.pick(ActivityVocabulary.channels), "{place}": province.place, "{year}": String(year),
        ]
    }

    /// Fills the placeholders of a vocabulary template ({n} is left for the caller).
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var text = template
        for (placeholder, value) in values where text.contains(placeholder) {
            text = text.replacingOccurrences(of: placeholder, with: value)
        }
        return text
    }
}
