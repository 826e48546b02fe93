/// A block of a section's body.
public enum DocxBlock: Sendable, Hashable {
    case paragraph(DocxParagraph)
    case table(DocxTable)
}
