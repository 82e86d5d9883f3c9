import TUIKit
import Testing

/// Scalars that must never reach the screen: controls, bidi controls, zero-width and other invisible format
/// characters, separators, private-use and unassigned code points.
func isForbiddenOnScreen(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0x2028, 0x2029: return true
    default:
        switch scalar.properties.generalCategory {
        case .control, .format, .privateUse, .unassigned, .surrogate, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}

@Suite struct TextSanitizerTests {
    /// An attack string and exactly what must be shown for it.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var input: String
        var expected: String
        var hazards: Bool
        var testDescription: String { name }
    }

    static let attacks: [Case] = [
        Case(name: "CSI clear screen", input: "\u{1B}[2J", expected: "␛[2J", hazards: true),
        Case(name: "CSI 6n cursor report", input: "x\u{1B}[6n", expected: "x␛[6n", hazards: true),
        Case(name: "SGR colours", input: "\u{1B}[31mred\u{1B}[0m", expected: "␛[31mred␛[0m", hazards: true),
        Case(
            name: "OSC 52 clipboard write", input: "\u{1B}]52;c;ZXZpbA==\u{07}", expected: "␛]52;c;ZXZpbA==␇",
            hazards: true),
        Case(
            name: "OSC 8 hyperlink", input: "\u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\",
            expected: "␛]8;;https://evil.example␛\\click␛]8;;␛\\", hazards: true),
        Case(name: "DCS", input: "\u{1B}P+q544e\u{1B}\\", expected: "␛P+q544e␛\\", hazards: true),
        Case(name: "C1 CSI", input: "a\u{9B}2Jb", expected: "a⟨U+009B⟩2Jb", hazards: true),
        Case(name: "C1 NEL and OSC", input: "\u{85}\u{9D}", expected: "⟨U+0085⟩⟨U+009D⟩", hazards: true),
        Case(name: "BEL", input: "ding\u{07}", expected: "ding␇", hazards: true),
        Case(
            name: "backspaces over text", input: "admin\u{08}\u{08}\u{08}\u{08}\u{08}guest",
            expected: "admin␈␈␈␈␈guest", hazards: true),
        Case(name: "carriage return overwrite", input: "ok\rEVIL", expected: "ok␍EVIL", hazards: true),
        Case(name: "newline and tab", input: "a\nb\tc", expected: "a␊b␉c", hazards: true),
        Case(name: "CRLF", input: "a\r\nb", expected: "a␍␊b", hazards: true),
        Case(name: "NUL", input: "\u{0}", expected: "␀", hazards: true),
        Case(name: "DEL", input: "x\u{7F}", expected: "x␡", hazards: true),
        Case(name: "RLO", input: "invoice\u{202E}fdp.exe", expected: "invoice⟨U+202E⟩fdp.exe", hazards: true),
        Case(name: "LRE and PDF", input: "\u{202A}x\u{202C}", expected: "⟨U+202A⟩x⟨U+202C⟩", hazards: true),
        Case(name: "isolates", input: "\u{2066}admin\u{2069}", expected: "⟨U+2066⟩admin⟨U+2069⟩", hazards: true),
        Case(
            name: "bidi marks", input: "\u{200E}a\u{200F}b\u{061C}", expected: "⟨U+200E⟩a⟨U+200F⟩b⟨U+061C⟩",
            hazards: true),
        Case(
            name: "ZWJ in an emoji family", input: "👨\u{200D}👩\u{200D}👧", expected: "👨⟨U+200D⟩👩⟨U+200D⟩👧", hazards: true
        ),
        Case(name: "zero-width space", input: "pay\u{200B}pal", expected: "pay⟨U+200B⟩pal", hazards: true),
        Case(
            name: "ZWNJ and word joiner", input: "a\u{200C}b\u{2060}c", expected: "a⟨U+200C⟩b⟨U+2060⟩c", hazards: true),
        Case(name: "BOM", input: "\u{FEFF}name", expected: "⟨U+FEFF⟩name", hazards: true),
        Case(
            name: "line and paragraph separators", input: "a\u{2028}b\u{2029}", expected: "a⟨U+2028⟩b⟨U+2029⟩",
            hazards: true),
        Case(name: "soft hyphen (format)", input: "ad\u{AD}min", expected: "ad⟨U+00AD⟩min", hazards: true),
        Case(name: "tag characters", input: "hi\u{E0041}\u{E007F}", expected: "hi⟨U+E0041⟩⟨U+E007F⟩", hazards: true),
        Case(name: "private use", input: "\u{E000}\u{F0000}", expected: "⟨U+E000⟩⟨U+F0000⟩", hazards: true),
        Case(name: "unassigned", input: "\u{378}", expected: "⟨U+0378⟩", hazards: true),
        Case(name: "noncharacter", input: "\u{FFFF}", expected: "⟨U+FFFF⟩", hazards: true),
        Case(name: "Hangul filler", input: "\u{3164}\u{115F}", expected: "⟨U+3164⟩⟨U+115F⟩", hazards: true),
        Case(name: "replacement character", input: "bad\u{FFFD}", expected: "bad\u{FFFD}", hazards: true),
        Case(
            name: "zalgo", input: "Z" + String(repeating: "\u{301}", count: 10) + "a",
            expected: "Z" + String(repeating: "\u{301}", count: 4) + "⟨+6 marks⟩a", hazards: true),
        Case(
            name: "zalgo at the end", input: "Z" + String(repeating: "\u{336}", count: 5),
            expected: "Z" + String(repeating: "\u{336}", count: 4) + "⟨+1 marks⟩", hazards: true),
        Case(name: "plain ASCII", input: "ci-deploy (prod)", expected: "ci-deploy (prod)", hazards: false),
        Case(name: "accents", input: "José Müller, Zoe\u{308}", expected: "José Müller, Zoe\u{308}", hazards: false),
        Case(name: "CJK", input: "日本語の名前", expected: "日本語の名前", hazards: false),
        Case(name: "Arabic letters", input: "مرحبا", expected: "مرحبا", hazards: false),
        Case(name: "emoji with modifier and variation selector", input: "👍🏽 ❤️", expected: "👍🏽 ❤️", hazards: false),
        Case(
            name: "four combining marks are fine", input: "a\u{300}\u{301}\u{302}\u{303}",
            expected: "a\u{300}\u{301}\u{302}\u{303}", hazards: false),
        Case(name: "markers are not re-marked", input: "⟨U+202E⟩ ␛", expected: "⟨U+202E⟩ ␛", hazards: false),
    ]

    @Test(arguments: attacks)
    func attack(_ attack: Case) {
        let result = TextSanitizer.sanitize(attack.input)
        #expect(result.text == attack.expected)
        #expect(result.hasHazards == attack.hazards)
        #expect(!result.text.unicodeScalars.contains(where: isForbiddenOnScreen))
    }

    /// Bytes from the wire and what they must show as.
    struct ByteCase: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var expected: String
        var testDescription: String { name }
    }

    static let byteCases: [ByteCase] = [
        ByteCase(name: "invalid byte", bytes: [0x61, 0xFF, 0x62], expected: "a\u{FFFD}b"),
        ByteCase(name: "bad continuation", bytes: [0xC3, 0x28], expected: "\u{FFFD}("),
        ByteCase(name: "overlong slash", bytes: [0xC0, 0xAF], expected: "\u{FFFD}\u{FFFD}"),
        ByteCase(name: "truncated sequence", bytes: [0x61, 0xE2, 0x82], expected: "a\u{FFFD}"),
        ByteCase(name: "UTF-16 surrogate encoded", bytes: [0xED, 0xA0, 0x80], expected: "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ByteCase(name: "raw 8-bit CSI", bytes: [0x9B, 0x32, 0x4A], expected: "\u{FFFD}2J"),
        ByteCase(name: "UTF-8 encoded C1 CSI", bytes: [0xC2, 0x9B, 0x32, 0x4A], expected: "⟨U+009B⟩2J"),
        ByteCase(name: "ESC in bytes", bytes: [0x1B, 0x5B, 0x32, 0x4A], expected: "␛[2J"),
    ]

    @Test(arguments: byteCases)
    func invalidUTF8(_ byteCase: ByteCase) {
        let result = TextSanitizer.sanitize(bytes: byteCase.bytes)
        #expect(result.text == byteCase.expected)
        #expect(result.hasHazards)
        #expect(!result.text.unicodeScalars.contains(where: isForbiddenOnScreen))
    }

    @Test func validBytesAreNotHazards() {
        let result = TextSanitizer.sanitize(bytes: Array("Zoë 日本".utf8))
        #expect(result == SanitizedText(text: "Zoë 日本", hasHazards: false))
    }

    @Test func longTextIsCutWithAnEllipsis() {
        let result = TextSanitizer.sanitize(String(repeating: "a", count: 10_000))
        #expect(result.text == String(repeating: "a", count: 511) + "…")
        #expect(result.text.unicodeScalars.count == 512)
        #expect(!result.hasHazards)
    }

    @Test func longHostileTextIsCutAtAMarkerBoundary() {
        let escapes = TextSanitizer.sanitize(String(repeating: "\u{1B}", count: 10_000))
        #expect(escapes.text == String(repeating: "␛", count: 511) + "…")
        #expect(escapes.hasHazards)
        let overrides = TextSanitizer.sanitize(String(repeating: "\u{202E}", count: 10_000))
        #expect(overrides.text == String(repeating: "⟨U+202E⟩", count: 63) + "…")
        #expect(overrides.hasHazards)
    }

    @Test func longZalgoIsCountedNotKept() {
        let result = TextSanitizer.sanitize("x" + String(repeating: "\u{301}", count: 10_000))
        #expect(result.text == "x" + String(repeating: "\u{301}", count: 4) + "⟨+9996 marks⟩")
    }

    @Test(arguments: [
        ("abcdef", 3, "ab…"),
        ("abc", 3, "abc"),
        ("abcd", 1, "…"),
        ("a\u{1B}bc", 3, "a␛…"),
        ("a\u{202E}", 5, "a…"),
    ])
    func maxLength(_ input: String, _ maxLength: Int, _ expected: String) {
        let result = TextSanitizer.sanitize(input, maxLength: maxLength)
        #expect(result.text == expected)
        #expect(result.text.unicodeScalars.count <= maxLength)
    }

    @Test func markerForSingleScalars() {
        #expect(TextSanitizer.marker(for: "\u{202E}") == "⟨U+202E⟩")
        #expect(TextSanitizer.marker(for: "\u{1B}") == "␛")
        #expect(TextSanitizer.marker(for: "a") == nil)
        #expect(TextSanitizer.codePointMarker("\u{E0041}") == "⟨U+E0041⟩")
    }
}
