/// A dialog: a framed box centred in an area, with a title, wrapped lines and a row of buttons.
///
/// It clears the cells beneath it. Lines wrap to the box width; when they do not all fit, the last visible line
/// becomes "…". The selected button is drawn in the `selection` style.
public struct ModalWidget: Sendable {
    /// Shown in the top border.
    public var title: String
    /// Body lines with their roles.
    public var lines: [(String, ThemeRole)]
    /// Button labels, drawn as "[ Label ]".
    public var buttons: [String]
    /// Index of the focused button, if any.
    public var selectedButton: Int?
    /// Box width (clamped to the area); nil fits the content.
    public var width: Int?

    /// A dialog.
    public init(
        title: String, lines: [(String, ThemeRole)], buttons: [String] = [], selectedButton: Int? = nil,
        width: Int? = nil
    ) {
        self.title = title
        self.lines = lines
        self.buttons = buttons
        self.selectedButton = selectedButton
        self.width = width
    }

    /// Padding between the frame and the text, on each side.
    static let padding = 2

    /// The box this dialog takes inside `area`.
    public func frame(in area: Rect) -> Rect {
        let inner = innerWidth(in: area)
        let body = wrappedLines(width: inner).count
        let height = 2 + max(1, body) + (buttons.isEmpty ? 0 : 2)
        return area.centered(width: inner + 2 * Self.padding, height: height)
    }

    /// Draws the dialog centred in `area`.
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let box = frame(in: area)
        guard box.width >= 2, box.height >= 2 else { return }
        let background = theme[.textPrimary]
        buffer.fill(box, style: background)
        BoxDrawing.draw(box, into: &buffer, style: theme[.modalBorder], rounded: true)
        let inner = max(0, box.width - 2 * Self.padding)
        if !title.isEmpty, box.width > 4 {
            buffer.write(
                " " + DisplayWidth.truncate(title, toWidth: box.width - 6) + " ", x: box.x + 2, y: box.y,
                maxWidth: box.width - 4, style: theme[.modalTitle])
        }
        let buttonRows = buttons.isEmpty ? 0 : 2
        let bodyRows = max(0, box.height - 2 - buttonRows)
        var body = wrappedLines(width: inner)
        if body.count > bodyRows, bodyRows > 0 {
            body = Array(body.prefix(bodyRows - 1)) + [("…", .textMuted)]
        }
        for (index, line) in body.prefix(bodyRows).enumerated() {
            buffer.write(line.0, x: box.x + Self.padding, y: box.y + 1 + index, maxWidth: inner, style: theme[line.1])
        }
        if buttonRows > 0, box.height >= 4 {
            drawButtons(into: &buffer, y: box.maxY - 2, box: box, theme: theme)
        }
    }

    private func drawButtons(into buffer: inout Buffer, y: Int, box: Rect, theme: Theme) {
        let labels = buttons.map { "[ \($0) ]" }
        let total = labels.reduce(0) { $0 + DisplayWidth.of($1) } + 2 * max(0, labels.count - 1)
        let inner = box.width - 2 * Self.padding
        var x = box.x + Self.padding + max(0, (inner - total) / 2)
        for (index, label) in labels.enumerated() {
            let style = index == selectedButton ? theme[.selection] : theme[.textPrimary]
            let room = box.x + box.width - Self.padding - x
            guard room > 0 else { break }
            x += buffer.write(label, x: x, y: y, maxWidth: room, style: style) + 2
        }
    }

    private func innerWidth(in area: Rect) -> Int {
        let available = max(0, area.width - 2 * Self.padding)
        if let width { return min(max(0, width - 2 * Self.padding), available) }
        let buttonsWidth = buttons.reduce(0) { $0 + DisplayWidth.of($1) + 4 } + 2 * max(0, buttons.count - 1)
        let content = lines.reduce(max(DisplayWidth.of(title) + 4, buttonsWidth)) { max($0, DisplayWidth.of($1.0)) }
        return min(max(content, 20), available)
    }

    private func wrappedLines(width: Int) -> [(String, ThemeRole)] {
        lines.flatMap { line in DisplayWidth.wrap(line.0, toWidth: width).map { ($0, line.1) } }
    }
}
