/// A frame: a grid of cells that widgets draw into and a terminal backend presents.
///
/// Writes keep wide glyphs whole: overwriting either half of a wide glyph turns the other half into a space,
/// so a backend never sees a continuation cell without its glyph.
public struct Buffer: Sendable, Equatable {
    /// Columns and rows.
    public let size: Size
    private var cells: [Cell]

    /// A buffer of spaces in `fill`; negative sizes become 0.
    public init(size: Size, fill: Style = .plain) {
        let clamped = Size(width: max(0, size.width), height: max(0, size.height))
        self.size = clamped
        cells = Array(repeating: .space(fill), count: clamped.width * clamped.height)
    }

    /// The whole buffer as a rectangle.
    public var bounds: Rect { Rect(size: size) }

    /// The cell at (`x`, `y`); reading outside gives `.blank`, writing outside is ignored.
    ///
    /// Writing a 2-wide cell also writes its continuation (a space when it would not fit); control characters in
    /// the cell's text become "?".
    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x, y) ? cells[y * size.width + x] : .blank }
        set { put(newValue, x: x, y: y) }
    }

    /// Writes `text` from (`x`, `y`) and returns the columns it advanced.
    ///
    /// Clips at `maxWidth` columns and at the buffer's edge; a wide glyph that does not fit becomes a space.
    /// Does not sanitize (pass `TextSanitizer` output) but never stores a control: each C0/C1 becomes "?".
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style) -> Int {
        guard y >= 0, y < size.height else { return 0 }
        let limit = min(size.width, maxWidth.map { x + max(0, $0) } ?? size.width)
        if x >= 0, let advanced = writeASCII(text, x: x, y: y, limit: limit, style: style) { return advanced }
        var column = x
        var lastPlaced: Int?
        for glyph in DisplayWidth.glyphs(text) {
            if glyph.width == 0 {
                // Marks with no glyph before them in this write have nothing to attach to: they are not drawn.
                if let lastPlaced { cells[y * size.width + lastPlaced].text += glyph.text }
                continue
            }
            if column >= limit { break }
            if column + glyph.width > limit {
                if column >= 0 { put(.space(style), x: column, y: y) }
                column += 1
                break
            }
            if column < 0 {
                if column + glyph.width > 0 { put(.space(style), x: 0, y: y) }
                lastPlaced = nil
            } else {
                put(Cell(text: glyph.text, width: glyph.width, style: style), x: column, y: y)
                lastPlaced = column
            }
            column += glyph.width
        }
        return max(0, column - x)
    }

    /// Fills `rect` (clipped to the buffer) with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let space = Cell.space(style)
        for row in area.y..<area.maxY {
            // Only the edges can cut a wide glyph in half; everything between is overwritten whole.
            release(area.x, row)
            release(area.maxX - 1, row)
            let start = row * size.width
            for column in area.x..<area.maxX { cells[start + column] = space }
        }
    }

    /// Changes the style of the cells in `rect` (clipped to the buffer), keeping their text.
    public mutating func style(_ rect: Rect, _ transform: (inout Style) -> Void) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX { transform(&cells[row * size.width + column].style) }
        }
    }

    /// The cells of row `y` (empty outside the buffer).
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < size.height else { return [] }
        return cells[(y * size.width)..<((y + 1) * size.width)]
    }

    /// The plain text of every row: wide glyphs once, trailing spaces kept (for golden files).
    public func lines() -> [String] {
        (0..<size.height).map { y in row(y).reduce(into: "") { $0 += $1.text } }
    }

    /// Every row as runs of equally styled text (for asserting styles in tests).
    public func styledLines() -> [[StyledSpan]] {
        (0..<size.height).map { y in
            var spans: [StyledSpan] = []
            for cell in row(y) {
                if let last = spans.indices.last, spans[last].style == cell.style {
                    spans[last].text += cell.text
                } else {
                    spans.append(StyledSpan(text: cell.text, style: cell.style))
                }
            }
            return spans
        }
    }

    // MARK: - Cell placement

    /// `write` for printable ASCII (one cell per byte, nothing to join or replace); nil for any other text.
    private mutating func writeASCII(_ text: String, x: Int, y: Int, limit: Int, style: Style) -> Int? {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ (0x20..<0x7F).contains($0) }) else { return nil }
        var column = x
        let start = y * size.width
        if x < limit, !utf8.isEmpty {
            release(x, y)
            release(min(limit, x + utf8.count) - 1, y)
        }
        for byte in utf8 {
            guard column < limit else { break }
            cells[start + column] = Cell(text: String(UnicodeScalar(byte)), width: 1, style: style)
            column += 1
        }
        return max(0, column - x)
    }

    private func contains(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size.width && y < size.height
    }

    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        guard contains(x, y) else { return }
        var cell = cell
        if cell.text.unicodeScalars.contains(where: DisplayWidth.isControl) {
            cell.text = String(
                String.UnicodeScalarView(cell.text.unicodeScalars.map { DisplayWidth.isControl($0) ? "?" : $0 }))
        }
        let index = y * size.width + x
        if cell.width >= 2 {
            guard x + 1 < size.width else {
                put(.space(cell.style), x: x, y: y)
                return
            }
            cell.width = 2
            release(x, y)
            release(x + 1, y)
            cells[index] = cell
            cells[index + 1] = .continuation(cell.style)
        } else {
            release(x, y)
            cells[index] = cell
        }
    }

    /// Before (`x`, `y`) is overwritten: turns the other half of a wide glyph it belongs to into a space.
    private mutating func release(_ x: Int, _ y: Int) {
        let index = y * size.width + x
        let cell = cells[index]
        if cell.isContinuation, x > 0, cells[index - 1].width == 2 {
            cells[index - 1] = .space(cells[index - 1].style)
        }
        if cell.width == 2, x + 1 < size.width, cells[index + 1].isContinuation {
            cells[index + 1] = .space(cells[index + 1].style)
        }
    }
}
