/// The words of the time-frame grammar, as data. Words are folded keys (lower case, canonical tones).
enum ScheduleVocabulary {
    /// Words that add nothing to the time: "Thời gian thực hiện: hoàn thành trong Quý II".
    static let fillers: [[String]] = [
        ["thời", "gian"], ["thực", "hiện"], ["hoàn", "thành"], ["triển", "khai"], ["tổ", "chức"],
        ["dự", "kiến"], ["giai", "đoạn"], ["báo", "cáo"], ["vào"], ["khoảng"], ["trong"], ["là"], ["xong"],
        ["hết"], ["cho"], ["kể"], ["lúc"], ["nộp"], ["gửi"],
    ]

    /// Words that join time expressions: lists ("Quý II và Quý III") and ranges ("01/3 - 30/4").
    static let joiningWords: Set<String> = ["và", "hoặc"]
    /// Punctuation that only separates.
    static let joiningSymbols: Set<Character> = [
        ",", ";", ":", ".", "(", ")", "[", "]", "-", "/", "&", "+", "*", "_", "\"", "'", "“", "”", "‘", "’", "…",
    ]
    /// Words and symbols that continue a list of numerals after "Quý"/"Tháng" ("Quý I, II", "tháng 8 - 10").
    static let listWords: Set<String> = ["và", "đến", "tới", "hoặc"]
    static let listSymbols: Set<Character> = [",", "-", "&", "+", ";"]

    /// "qualifier + tháng/quý" means that month or quarter ("cuối tháng 6", "đầu Quý III").
    static let qualifiers: [[String]] = [
        ["đầu"], ["giữa"], ["cuối"], ["thượng", "tuần"], ["trung", "tuần"], ["hạ", "tuần"],
    ]

    /// Continuous through the period (or the plan year): "thường xuyên", "liên tục".
    static let continuity: [[String]] = [["thường", "xuyên"], ["liên", "tục"], ["xuyên", "suốt"]]
    /// "cả năm", "suốt năm", "quanh năm": continuous; the "năm" stays to be read as the year.
    static let wholeYear: Set<String> = ["cả", "suốt", "quanh"]

    /// How an element is tied to the phrase, longest phrases first.
    static let anchors: [([String], ScheduleAnchor)] = [
        (["không", "muộn", "hơn"], .by), (["chậm", "nhất"], .by), (["muộn", "nhất"], .by),
        (["trễ", "nhất"], .by), (["hạn", "chót"], .by), (["hạn", "cuối"], .by), (["thời", "hạn"], .by),
        (["không", "quá"], .by), (["bắt", "đầu"], .from), (["hạn"], .by), (["trước"], .before),
        (["từ"], .from), (["đến"], .until), (["tới"], .until),
    ]

    /// After "ngày N" in a recurrence: which month of each period ("ngày 10 tháng cuối quý", "ngày 5
    /// của tháng sau"); an optional "của" comes first.
    static let monthsOfPeriod: [[String]] = [
        ["tháng", "cuối", "quý"], ["tháng", "đầu", "quý"], ["tháng", "tiếp", "theo"], ["tháng", "sau"],
        ["quý", "tiếp", "theo"], ["quý", "sau"],
    ]

    /// "hằng tháng", "mỗi quý", "từng năm".
    static let everyWords: Set<String> = ["hằng", "hàng", "mỗi", "từng"]
    /// Units of recurrence and of "N lần/…".
    static let cadenceUnits: [String: ScheduleCadence] = [
        "tháng": .months(1), "quý": .months(3), "năm": .months(12), "tuần": .continual, "ngày": .continual,
    ]
}
