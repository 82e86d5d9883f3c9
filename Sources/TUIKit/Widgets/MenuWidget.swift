/// A framed menu centred in an area: one item per row, the selected one marked "▶" and highlighted, hints on
/// the right, disabled items muted.
public struct MenuWidget: Sendable {
    /// Shown in the top border.
    public var title: String
    /// The entries: label, optional hint (e.g. a key), and whether it can be chosen.
    public var items: [(label: String, hint: String?, enabled: Bool)]
    /// Index of the highlighted item.
    public var selected: Int

    /// A menu.
    public init(title: String, items: [(label: String, hint: String?, enabled: Bool)], selected: Int) {
        self.title = title
        self.items = items
        self.selected = selected
    }

    /// The box this menu takes inside `area`.
    public func frame(in area: Rect) -> Rect {
        let rows = items.map { item in
            DisplayWidth.of(item.label) + 2 + (item.hint.map { DisplayWidth.of($0) + 2 } ?? 0)
        }
        let inner = max(DisplayWidth.of(title) + 2, rows.max() ?? 0, 16)
        return area.centered(width: inner + 4, height: items.count + 2)
    }

    /// Draws the menu centred in `area`.
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let box = frame(in: area)
        guard box.width >= 4, box.height >= 2 else { return }
        buffer.fill(box, style: theme[.textPrimary])
        BoxDrawing.draw(box, into: &buffer, style: theme[.modalBorder], rounded: true)
        buffer.write(
            " " + DisplayWidth.truncate(title, toWidth: max(0, box.width - 6)) + " ", x: box.x + 2, y: box.y,
            maxWidth: box.width - 4, style: theme[.modalTitle])
        let rows = box.height - 2
        let first = TableWidget.scrollOffset(selected: selected, current: 0, visibleRows: rows, rowCount: items.count)
        let inner = box.width - 2
        for line in 0..<rows {
            let index = first + line
            guard index < items.count else { break }
            let item = items[index]
            let y = box.y + 1 + line
            var style = item.enabled ? theme[.textPrimary] : theme[.textMuted]
            if index == selected { style = theme[.selection] }
            if !item.enabled, index == selected { style.dim = true }
            buffer.fill(Rect(x: box.x + 1, y: y, width: inner, height: 1), style: style)
            let hint = item.hint.map { DisplayWidth.truncate($0, toWidth: inner / 2) } ?? ""
            let hintWidth = DisplayWidth.of(hint)
            let labelRoom = inner - 2 - (hintWidth > 0 ? hintWidth + 2 : 0)
            let marker = index == selected ? "▶ " : "  "
            buffer.write(
                marker + DisplayWidth.truncate(item.label, toWidth: labelRoom), x: box.x + 1, y: y, maxWidth: inner,
                style: style)
            if hintWidth > 0 {
                var hintStyle = index == selected ? style : theme[.keyHint]
                if index == selected { hintStyle.dim = false }
                buffer.write(hint, x: box.maxX - 2 - hintWidth, y: y, style: hintStyle)
            }
        }
    }
}
