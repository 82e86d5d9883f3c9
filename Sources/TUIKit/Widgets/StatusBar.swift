/// One line with text on the left and right; the left side is cut with "…" so the right side always shows.
public struct StatusBar: Sendable {
    /// Text from the left edge.
    public var left: String
    /// Text ending at the right edge.
    public var right: String
    /// The role styling the whole line.
    public var role: ThemeRole

    /// A status line styled by `role`.
    public init(left: String, right: String = "", style role: ThemeRole = .textMuted) {
        self.left = left
        self.right = right
        self.role = role
    }

    /// Draws the line on the first row of `area`.
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let style = theme[role]
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: style)
        let rightText = DisplayWidth.truncate(right, toWidth: area.width)
        let rightWidth = DisplayWidth.of(rightText)
        let leftRoom = area.width - rightWidth - (rightWidth > 0 ? 1 : 0)
        buffer.write(
            DisplayWidth.truncate(left, toWidth: leftRoom), x: area.x, y: area.y, maxWidth: max(0, leftRoom),
            style: style)
        if rightWidth > 0 { buffer.write(rightText, x: area.maxX - rightWidth, y: area.y, style: style) }
    }
}
