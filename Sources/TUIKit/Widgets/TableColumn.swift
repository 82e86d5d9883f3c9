/// A table column: its title and how it takes its share of the width.
public struct TableColumn: Sendable {
    /// Shown in the header row.
    public var title: String
    /// Preferred width; a column with `flex` 0 gets exactly this (or `minWidth`, if larger) when there is room.
    public var width: Int
    /// Width the column gets before any leftover is shared; columns shrink below it only when the table is too narrow.
    public var minWidth: Int
    /// Share of the leftover width (0: fixed).
    public var flex: Int
    /// Where the cell text sits.
    public var alignment: Alignment

    /// A column; by default a fixed one of `width` columns, left-aligned.
    public init(title: String, width: Int = 0, minWidth: Int = 0, flex: Int = 0, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.minWidth = minWidth
        self.flex = flex
        self.alignment = alignment
    }
}
