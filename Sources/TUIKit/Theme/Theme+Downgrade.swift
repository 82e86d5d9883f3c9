extension Theme {
    /// The theme for a terminal with `count` colours: unchanged from 256 up; 256-colour indices mapped to the
    /// nearest of the 16 ANSI colours (or of 8, with bright foregrounds turned bold); below 8, `monochrome`'s styles.
    public func downgraded(toColors count: Int) -> Theme {
        if count >= 256 { return self }
        if count < 8 { return Theme(name: name, styles: Theme.monochromeStyles) }
        var result = self
        for role in ThemeRole.allCases {
            result.styles[role] = Self.downgrade(self[role], paletteSize: count >= 16 ? 16 : 8)
        }
        return result
    }

    private static func downgrade(_ style: Style, paletteSize: Int) -> Style {
        var result = style
        let (foreground, brighten) = downgrade(style.foreground, paletteSize: paletteSize)
        result.foreground = foreground
        result.background = downgrade(style.background, paletteSize: paletteSize).color
        if brighten { result.bold = true }
        // Two colours that differed must not collapse into invisible text.
        if result.foreground == result.background, style.foreground != style.background,
            case .indexed(let background) = result.background
        {
            result.foreground = [0, 1, 4, 5, 8].contains(background) ? .indexed(7) : .indexed(0)
        }
        return result
    }

    /// The nearest colour among the first `paletteSize`, and whether a bright foreground lost its brightness.
    private static func downgrade(_ color: TerminalColor, paletteSize: Int) -> (color: TerminalColor, brighten: Bool) {
        guard case .indexed(let index) = color, Int(index) >= paletteSize else { return (color, false) }
        if index < 16 { return (.indexed(index - 8), true) }
        let rgb = TerminalColor.rgb(ofIndex: Int(index))
        var best = 0
        var bestDistance = Int.max
        for candidate in 0..<16 {
            let distance = TerminalColor.squaredDistance(TerminalColor.rgb(ofIndex: candidate), rgb)
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        if best >= paletteSize { return (.indexed(UInt8(best - 8)), true) }
        return (.indexed(UInt8(best)), false)
    }
}
