extension DisplayWidth {
    /// `text` broken into lines of at most `width` columns: at spaces where possible, inside words that are too long.
    ///
    /// Newlines start a new line; an empty paragraph stays an empty line; leading spaces are kept.
    public static func wrap(_ text: String, toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lines.append(contentsOf: wrapParagraph(String(paragraph), width: width))
        }
        return lines
    }

    private static func wrapParagraph(_ paragraph: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        var started = false
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = of(String(word))
            if started, currentWidth + 1 + wordWidth <= width {
                current += " " + word
                currentWidth += 1 + wordWidth
                continue
            }
            if started { lines.append(current) }
            // Start a new line with the word, breaking it when it is wider than a line.
            current = ""
            currentWidth = 0
            for character in word {
                let characterWidth = of(character)
                if currentWidth + characterWidth > width, !current.isEmpty {
                    lines.append(current)
                    current = ""
                    currentWidth = 0
                }
                current.append(character)
                currentWidth += characterWidth
            }
            started = true
        }
        lines.append(current)
        return lines
    }
}
