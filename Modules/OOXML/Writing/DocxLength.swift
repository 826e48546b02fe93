/// A length in twentieths of a point (twips), the unit of WordprocessingML page and paragraph geometry.
public struct DocxLength: Sendable, Hashable, Comparable {
    public var twips: Int

    public init(twips: Int) {
        self.twips = twips
    }

    public static func twips(_ value: Int) -> DocxLength { DocxLength(twips: value) }
    public static func pt(_ value: Double) -> DocxLength { DocxLength(twips: Int((value * 20).rounded())) }
    public static func mm(_ value: Double) -> DocxLength { DocxLength(twips: Int((value * 1440 / 25.4).rounded())) }
    public static func cm(_ value: Double) -> DocxLength { .mm(value * 10) }
    public static func inches(_ value: Double) -> DocxLength { DocxLength(twips: Int((value * 1440).rounded())) }
    public static let zero = DocxLength(twips: 0)

    /// English Metric Units (DrawingML): 635 per twip.
    public var emu: Int { twips * 635 }

    public static func < (lhs: DocxLength, rhs: DocxLength) -> Bool { lhs.twips < rhs.twips }
    public static func + (lhs: DocxLength, rhs: DocxLength) -> DocxLength { DocxLength(twips: lhs.twips + rhs.twips) }
    public static func - (lhs: DocxLength, rhs: DocxLength) -> DocxLength { DocxLength(twips: lhs.twips - rhs.twips) }
}

/// A font size in half-points (w:sz): `.pt(13)` is 26, `.pt(13.5)` is 27.
public struct DocxFontSize: Sendable, Hashable {
    public var halfPoints: Int

    public init(halfPoints: Int) {
        self.halfPoints = halfPoints
    }

    public static func halfPoints(_ value: Int) -> DocxFontSize { DocxFontSize(halfPoints: value) }
    public static func pt(_ value: Double) -> DocxFontSize { DocxFontSize(halfPoints: Int((value * 2).rounded())) }
}
