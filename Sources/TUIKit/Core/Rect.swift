/// A rectangle of cells; layout splits one into smaller ones. Sizes never go below zero.
public struct Rect: Sendable, Hashable {
    /// Left column.
    public var x: Int
    /// Top row.
    public var y: Int
    /// Columns (0 or more).
    public var width: Int
    /// Rows (0 or more).
    public var height: Int

    /// A rectangle; a negative width or height becomes 0.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The rectangle covering a whole screen or buffer of `size`.
    public init(size: Size) {
        self.init(x: 0, y: 0, width: size.width, height: size.height)
    }

    /// Whether the rectangle covers no cell.
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The column just right of the rectangle.
    public var maxX: Int { x + max(0, width) }

    /// The row just below the rectangle.
    public var maxY: Int { y + max(0, height) }

    /// Whether the cell at (`x`, `y`) lies inside.
    public func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < maxX && row >= y && row < maxY
    }

    /// The part shared with `other` (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        return Rect(x: left, y: top, width: min(maxX, other.maxX) - left, height: min(maxY, other.maxY) - top)
    }

    /// The rectangle shrunk by `amount` cells on every side.
    public func inset(by amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    /// Full-width bands stacked from the top with the given heights, clipped to this rectangle.
    public func rows(_ heights: [Int]) -> [Rect] {
        var top = y
        return heights.map { requested in
            let height = min(max(0, requested), maxY - top)
            defer { top += height }
            return Rect(x: x, y: top, width: width, height: height)
        }
    }

    /// Full-height bands placed from the left with the given widths, clipped to this rectangle.
    public func columns(_ widths: [Int]) -> [Rect] {
        var left = x
        return widths.map { requested in
            let width = min(max(0, requested), maxX - left)
            defer { left += width }
            return Rect(x: left, y: y, width: width, height: height)
        }
    }

    /// The top `n` rows and the rest below them.
    public func splitTop(_ n: Int) -> (Rect, Rect) {
        let top = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: top), Rect(x: x, y: y + top, width: width, height: height - top))
    }

    /// The rest above, and the bottom `n` rows.
    public func splitBottom(_ n: Int) -> (Rect, Rect) {
        let bottom = min(max(0, n), height)
        let rest = height - bottom
        return (Rect(x: x, y: y, width: width, height: rest), Rect(x: x, y: y + rest, width: width, height: bottom))
    }

    /// The left `n` columns and the rest to their right.
    public func splitLeft(_ n: Int) -> (Rect, Rect) {
        let left = min(max(0, n), width)
        return (
            Rect(x: x, y: y, width: left, height: height), Rect(x: x + left, y: y, width: width - left, height: height)
        )
    }

    /// The rest on the left, and the right `n` columns.
    public func splitRight(_ n: Int) -> (Rect, Rect) {
        let right = min(max(0, n), width)
        let rest = width - right
        return (Rect(x: x, y: y, width: rest, height: height), Rect(x: x + rest, y: y, width: right, height: height))
    }

    /// A rectangle of the given size (clipped to this one) centred in it; odd leftovers go right and down.
    public func centered(width requestedWidth: Int, height requestedHeight: Int) -> Rect {
        let boxWidth = min(max(0, requestedWidth), width)
        let boxHeight = min(max(0, requestedHeight), height)
        return Rect(x: x + (width - boxWidth) / 2, y: y + (height - boxHeight) / 2, width: boxWidth, height: boxHeight)
    }
}
