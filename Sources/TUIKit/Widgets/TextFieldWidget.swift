/// A one-line text input: a prompt, the text, and a reversed cell as the cursor; when the text is too long,
/// the part before the cursor is shown from its tail ("…" marks the cut).
public struct TextFieldWidget: Sendable {
    /// Drawn before the text (e.g. "/" or ": ").
    public var prompt: String
    /// The text being edited.
    public var text: String
    /// Cursor position in characters, 0…`text.count`.
    public var cursor: Int

    /// A text field.
    public init(prompt: String, text: String, cursor: Int) {
        self.prompt = prompt
        self.text = text
        self.cursor = cursor
    }

    /// Draws the field on the first row of `area`.
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let style = theme[.textPrimary]
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: style)
        let promptWidth = buffer.write(prompt, x: area.x, y: area.y, maxWidth: area.width, style: theme[.filter])
        let room = area.width - promptWidth
        guard room > 0 else { return }
        let split = text.index(text.startIndex, offsetBy: min(max(0, cursor), text.count))
        let before = String(text[..<split])
        let after = String(text[split...])
        var cursorStyle = style
        cursorStyle.reverse.toggle()
        // The cursor cell needs one column (the character under it may need two).
        let underCursor = after.first.map { String($0) } ?? " "
        let cursorWidth = max(1, DisplayWidth.of(underCursor))
        let shown = DisplayWidth.truncateFront(before, toWidth: max(0, room - cursorWidth))
        var x = area.x + promptWidth
        x += buffer.write(shown, x: x, y: area.y, maxWidth: area.maxX - x, style: style)
        guard x < area.maxX else { return }
        x += buffer.write(underCursor, x: x, y: area.y, maxWidth: area.maxX - x, style: cursorStyle)
        guard x < area.maxX else { return }
        let rest = String(after.dropFirst())
        buffer.write(
            DisplayWidth.truncate(rest, toWidth: area.maxX - x), x: x, y: area.y, maxWidth: area.maxX - x, style: style)
    }
}
