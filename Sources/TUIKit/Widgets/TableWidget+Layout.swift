extension TableWidget {
    /// Columns never shrink below this (or their own width, if smaller) before columns are hidden.
    public static let shrinkFloor = 6

    /// Column widths for a table `width` columns wide, one space between visible columns.
    ///
    /// Every column first gets `max(width, minWidth)`; leftover columns go to flex columns in proportion to `flex`.
    /// When that does not fit, the widest columns shrink first (down to `shrinkFloor`), and if that still does not
    /// fit, columns are hidden from the right (width 0). The visible widths plus separators never exceed `width`.
    public static func layout(_ columns: [TableColumn], width: Int) -> [Int] {
        guard !columns.isEmpty else { return [] }
        let base = columns.map { max(0, $0.width, $0.minWidth) }
        var visible = columns.count
        while visible > 0 {
            let hidden = Array(repeating: 0, count: columns.count - visible)
            let available = width - (visible - 1)
            let wanted = Array(base.prefix(visible))
            if wanted.reduce(0, +) <= available {
                let extra = WidthFitting.distribute(
                    available - wanted.reduce(0, +), weights: columns.prefix(visible).map(\.flex))
                return zip(wanted, extra).map(+) + hidden
            }
            if let shrunk = WidthFitting.shrink(wanted, to: available, floors: wanted.map { _ in shrinkFloor }) {
                return shrunk + hidden
            }
            if visible == 1 { return [max(0, width)] + hidden }
            visible -= 1
        }
        return columns.map { _ in 0 }
    }

    /// The first visible row that keeps `selected` in view, moving as little as possible from `current`.
    public static func scrollOffset(selected: Int?, current: Int, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        var offset = current
        if let selected {
            if selected < offset { offset = selected }
            if selected >= offset + visibleRows { offset = selected - visibleRows + 1 }
        }
        return max(0, min(offset, rowCount - visibleRows))
    }
}
