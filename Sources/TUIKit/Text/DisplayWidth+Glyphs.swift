extension DisplayWidth {
    /// One thing the terminal draws in one place: a spacing code point with the zero-width ones after it.
    struct Glyph {
        var text: String
        var width: Int
    }

    /// Splits `text` the way ncurses fills cells: every code point with a width starts a glyph, zero-width code
    /// points join the glyph before them, and C0/C1 controls become "?" (a cell must never hold a control).
    ///
    /// Zero-width code points before any spacing one come back as a glyph of width 0.
    static func glyphs(_ text: String) -> [Glyph] {
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                glyphs.append(Glyph(text: "?", width: 1))
                continue
            }
            let width = of(scalar)
            if width == 0, let last = glyphs.indices.last {
                glyphs[last].text.unicodeScalars.append(scalar)
            } else {
                glyphs.append(Glyph(text: String(Character(scalar)), width: width))
            }
        }
        return glyphs
    }

    /// Whether `scalar` is a C0 or C1 control (or DEL).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
