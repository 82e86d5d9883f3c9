/// A virtualized table: a header row, then only the rows that fit, fetched from a cell provider.
///
/// Rendering costs the same for 10 rows or 100,000: `cell` and `flag` are called only for visible rows.
/// The selected row is drawn in the `selection` style across the full width; cell text is cut with "…".
/// With a `flag` provider, a two-column gutter on the left shows "⚠" (`warning.flag`) on flagged rows.
public struct TableWidget {
    /// The columns, laid out with `TableWidget.layout`.
    public var columns: [TableColumn]
    /// Rows in the table (only the visible ones are asked for).
    public var rowCount: Int
    /// The selected row, if any.
    public var selected: Int?
    /// The first row shown (clamped so the last page is full).
    public var offset: Int
    /// Text and optional style of the cell at (row, column); nil style means `text.primary`.
    public var cell: (Int, Int) -> (text: String, style: Style?)
    /// Whether a row carries the warning flag; nil hides the flag gutter.
    public var flag: ((Int) -> Bool)?

    /// Width of the flag gutter: the flag and a space.
    public static let flagWidth = 2

    /// A table over `rowCount` rows whose cells come from `cell`.
    public init(
        columns: [TableColumn], rowCount: Int, selected: Int?, offset: Int,
        cell: @escaping (Int, Int) -> (text: String, style: Style?), flag: ((Int) -> Bool)? = nil
    ) {
        self.columns = columns
        self.rowCount = rowCount
        self.selected = selected
        self.offset = offset
        self.cell = cell
        self.flag = flag
    }

    /// Rows of data that fit in `area` (its height minus the header).
    public static func visibleRows(in area: Rect) -> Int { max(0, area.height - 1) }

    /// Draws the header and the visible rows into `area`.
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let gutter = flag == nil ? 0 : Self.flagWidth
        let widths = Self.layout(columns, width: area.width - gutter)
        let header = theme[.tableHeader]
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: header)
        drawRow(into: &buffer, y: area.y, x: area.x + gutter, maxX: area.maxX, widths: widths, style: header) {
            column in
            (columns[column].title, nil)
        }
        let visible = Self.visibleRows(in: area)
        let first = max(0, min(offset, rowCount - visible))
        // Each drawn row is filled with its own style: only the lines below the last row are filled here (a frame
        // writes each cell once or twice, not three times).
        let drawn = max(0, min(visible, rowCount - first))
        let below = area.y + 1 + drawn
        if below < area.maxY {
            buffer.fill(
                Rect(x: area.x, y: below, width: area.width, height: area.maxY - below), style: theme[.textPrimary])
        }
        for line in 0..<visible {
            let row = first + line
            guard row < rowCount else { break }
            let y = area.y + 1 + line
            let isSelected = row == selected
            let base = isSelected ? theme[.selection] : theme[.textPrimary]
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: base)
            if let flag, gutter > 0, flag(row) {
                var style = theme[.warningFlag]
                if isSelected {
                    style.background = base.background
                    style.reverse = base.reverse
                }
                buffer.write("⚠", x: area.x, y: y, maxWidth: min(gutter, area.width), style: style)
            }
            drawRow(into: &buffer, y: y, x: area.x + gutter, maxX: area.maxX, widths: widths, style: base) { column in
                let content = cell(row, column)
                return (content.text, isSelected ? nil : content.style)
            }
        }
    }

    private func drawRow(
        into buffer: inout Buffer, y: Int, x: Int, maxX: Int, widths: [Int], style: Style,
        content: (Int) -> (String, Style?)
    ) {
        var left = x
        for (column, width) in widths.enumerated() where width > 0 {
            guard left < maxX else { break }
            let (text, cellStyle) = content(column)
            let fitted = DisplayWidth.pad(text, toWidth: width, alignment: columns[column].alignment)
            buffer.write(fitted, x: left, y: y, maxWidth: min(width, maxX - left), style: cellStyle ?? style)
            left += width + 1
        }
    }
}
