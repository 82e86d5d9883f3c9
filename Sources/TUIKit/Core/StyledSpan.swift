/// A run of text in one style, as `Buffer.styledLines()` reports it.
public struct StyledSpan: Sendable, Hashable {
    /// The text of the run (wide glyphs once).
    public var text: String
    /// The style every cell of the run shares.
    public var style: Style

    /// A run of `text` in `style`.
    public init(text: String, style: Style) {
        self.text = text
        self.style = style
    }
}
