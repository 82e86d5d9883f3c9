/// Box-drawing characters (all one column wide) and a frame drawer.
public enum BoxDrawing {
    /// "─"
    public static let horizontal = "─"
    /// "│"
    public static let vertical = "│"
    /// "┌"
    public static let topLeft = "┌"
    /// "┐"
    public static let topRight = "┐"
    /// "└"
    public static let bottomLeft = "└"
    /// "┘"
    public static let bottomRight = "┘"
    /// "╭"
    public static let roundedTopLeft = "╭"
    /// "╮"
    public static let roundedTopRight = "╮"
    /// "╰"
    public static let roundedBottomLeft = "╰"
    /// "╯"
    public static let roundedBottomRight = "╯"
    /// "┬"
    public static let teeDown = "┬"
    /// "┴"
    public static let teeUp = "┴"
    /// "├"
    public static let teeRight = "├"
    /// "┤"
    public static let teeLeft = "┤"
    /// "┼"
    public static let cross = "┼"

    /// Draws a frame on the edge cells of `rect` (its inside is left alone); needs at least 2×2 cells.
    public static func draw(_ rect: Rect, into buffer: inout Buffer, style: Style, rounded: Bool = false) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        let line = String(repeating: horizontal, count: rect.width - 2)
        buffer.write(
            (rounded ? roundedTopLeft : topLeft) + line + (rounded ? roundedTopRight : topRight), x: rect.x, y: rect.y,
            style: style)
        buffer.write(
            (rounded ? roundedBottomLeft : bottomLeft) + line + (rounded ? roundedBottomRight : bottomRight), x: rect.x,
            y: bottom, style: style)
        for y in (rect.y + 1)..<bottom {
            buffer.write(vertical, x: rect.x, y: y, style: style)
            buffer.write(vertical, x: right, y: y, style: style)
        }
    }
}
