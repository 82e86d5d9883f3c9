/// One screen cell: the glyph drawn there, how many columns it covers, and its style.
///
/// A wide glyph (CJK, most emoji) occupies two cells: the first holds the text with `width` 2, the second
/// is a continuation cell (`text` "", `width` 0) that the backend skips. `text` is one grapheme cluster, or —
/// for the rare cluster made of several spacing code points (flags, emoji joined by ZWJ) — one spacing code point
/// with the zero-width ones that follow it, which is how ncurses and the terminal advance the cursor.
public struct Cell: Sendable, Hashable {
    /// The glyph: a spacing character plus any combining marks; "" for the right half of a wide glyph.
    public var text: String
    /// Columns covered: 1 or 2 for a glyph, 0 for a continuation cell.
    public var width: Int
    /// Colours and attributes.
    public var style: Style

    /// A cell with explicit text and width.
    public init(text: String, width: Int, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    /// A space in the default style.
    public static let blank = Cell(text: " ", width: 1, style: .plain)

    /// A space in `style`.
    public static func space(_ style: Style) -> Cell { Cell(text: " ", width: 1, style: style) }

    /// The right half of a wide glyph, in `style`.
    public static func continuation(_ style: Style) -> Cell { Cell(text: "", width: 0, style: style) }

    /// Whether this is the right half of a wide glyph.
    public var isContinuation: Bool { width == 0 && text.isEmpty }
}
