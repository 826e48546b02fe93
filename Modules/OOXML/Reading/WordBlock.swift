/// A body-level block of a Word document, in document order.
public enum WordBlock: Sendable, Equatable {
    case paragraph(WordParagraph)
    case table(WordTable)
}
