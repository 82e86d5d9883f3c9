/// Text that is safe to draw, and whether anything in it had to be made visible.
public struct SanitizedText: Sendable, Hashable {
    /// The text with every hazard replaced by a visible marker; contains no control or invisible format character.
    public var text: String
    /// Whether anything was replaced or cut as a hazard (the row shows a warning flag).
    public var hasHazards: Bool

    /// Wraps already sanitized text.
    public init(text: String, hasHazards: Bool) {
        self.text = text
        self.hasHazards = hasHazards
    }
}
