extension TerminalColor {
    /// Levels of the xterm 6×6×6 colour cube (indices 16–231).
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// xterm's default RGB for the 16 ANSI colours.
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ]

    /// The xterm-256 colour nearest to an RGB value, from the cube and grey ramp (16–255, which terminals rarely
    /// redefine, unlike 0–15).
    public static func nearest(red: Int, green: Int, blue: Int) -> TerminalColor {
        var best = 16
        var bestDistance = Int.max
        for index in 16...255 {
            let distance = squaredDistance(rgb(ofIndex: index), (red, green, blue))
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return .indexed(UInt8(best))
    }

    /// The RGB xterm shows for a palette index.
    static func rgb(ofIndex index: Int) -> (Int, Int, Int) {
        switch index {
        case ..<16: return ansiRGB[max(0, index)]
        case 16..<232:
            let cube = index - 16
            return (cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
        default:
            let level = 8 + 10 * (min(index, 255) - 232)
            return (level, level, level)
        }
    }

    static func squaredDistance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let red = a.0 - b.0
        let green = a.1 - b.1
        let blue = a.2 - b.2
        return red * red + green * green + blue * blue
    }
}
