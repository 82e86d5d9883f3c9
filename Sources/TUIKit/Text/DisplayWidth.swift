/// Display width in terminal columns, computed the way the terminal computes it.
///
/// Terminals, tmux and ncurses advance the cursor by libc `wcwidth` of each code point, so a string's width here
/// is the sum of its code points' widths — not one value per grapheme cluster. The tables agree with glibc's
/// `wcwidth` in a UTF-8 locale for every code point glibc knows (a test checks all of them). Two deliberate
/// differences, both for code points the sanitizer never lets through: C0/C1 controls (wcwidth -1) count 1,
/// because `Buffer.write` shows each as "?"; code points glibc does not know count like their neighbours, else 1.
public enum DisplayWidth {
    /// Columns one code point advances the cursor: 0 (combining, zero-width), 1, or 2 (East Asian Wide, emoji).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return 1 }
        if contains(DisplayWidthTables.zeroWidth, value) { return 0 }
        if value >= 0x1100, contains(DisplayWidthTables.wide, value) { return 2 }
        return 1
    }

    /// Columns a string covers: the sum of its code points' widths (see the type's documentation).
    public static func of(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }

    /// Columns a character (grapheme cluster) covers: the sum of its code points' widths.
    public static func of(_ character: Character) -> Int {
        var total = 0
        for scalar in character.unicodeScalars { total += of(scalar) }
        return total
    }

    /// `text` cut to at most `width` columns, ending with `ellipsis` when something was cut.
    ///
    /// Never splits a grapheme cluster. When even the ellipsis does not fit, the text is cut without it.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let ellipsisWidth = of(ellipsis)
        let fitsEllipsis = ellipsisWidth <= width
        let budget = fitsEllipsis ? width - ellipsisWidth : width
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = of(character)
            if used + characterWidth > budget { break }
            result.append(character)
            used += characterWidth
        }
        return fitsEllipsis ? result + ellipsis : result
    }

    /// The end of `text` within `width` columns, starting with `ellipsis` when the beginning was cut.
    public static func truncateFront(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let ellipsisWidth = of(ellipsis)
        let fitsEllipsis = ellipsisWidth <= width
        let budget = fitsEllipsis ? width - ellipsisWidth : width
        var kept: [Character] = []
        var used = 0
        for character in text.reversed() {
            let characterWidth = of(character)
            if used + characterWidth > budget { break }
            kept.append(character)
            used += characterWidth
        }
        let tail = String(kept.reversed())
        return fitsEllipsis ? ellipsis + tail : tail
    }

    /// `text` fitted to exactly `width` columns: truncated with "…" when wider, padded with spaces when narrower.
    public static func pad(_ text: String, toWidth width: Int, alignment: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let fitted = truncate(text, toWidth: width)
        let gap = String(repeating: " ", count: max(0, width - of(fitted)))
        switch alignment {
        case .left: return fitted + gap
        case .right: return gap + fitted
        }
    }

    /// Whether `value` lies in one of the flattened inclusive (first, last) ranges.
    private static func contains(_ table: [UInt32], _ value: UInt32) -> Bool {
        var low = 0
        var high = table.count / 2 - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < table[2 * middle] {
                high = middle - 1
            } else if value > table[2 * middle + 1] {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
