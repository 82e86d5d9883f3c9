import TUIKit
import Testing

/// Random strings mixing dangerous and ordinary code points, from a fixed seed.
@Suite struct TextSanitizerFuzzTests {
    static let dangerous: [Unicode.Scalar] = [
        "\u{0}", "\u{7}", "\u{8}", "\u{9}", "\u{A}", "\u{D}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "\u{9D}",
        "\u{9F}", "\u{61C}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}",
        "\u{202C}", "\u{202D}", "\u{202E}", "\u{2060}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{FEFF}",
        "\u{2028}", "\u{2029}", "\u{AD}", "\u{FFFD}", "\u{E000}", "\u{E0041}", "\u{3164}", "\u{378}", "\u{FFFF}",
    ]
    static let ordinary: [Unicode.Scalar] = [
        "a", "Z", "0", " ", "[", "]", ";", "\\", "é", "ß", "日", "本", "한", "ｱ", "Ａ", "👍", "🏽", "❤", "\u{FE0F}",
        "م", "א", "─", "⟨", "⟩", "␛", "…",
    ]
    static let combining: [Unicode.Scalar] = ["\u{300}", "\u{301}", "\u{308}", "\u{336}", "\u{20DD}", "\u{93E}"]

    static func randomString(_ random: inout SeededGenerator) -> String {
        let length = Int.random(in: 0...80, using: &random)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length {
            switch Int.random(in: 0..<10, using: &random) {
            case 0...2: scalars.append(dangerous.randomElement(using: &random) ?? "a")
            case 3...5: scalars.append(ordinary.randomElement(using: &random) ?? "a")
            case 6...7: scalars.append(combining.randomElement(using: &random) ?? "a")
            default:
                // Anything at all, including unassigned and private-use planes.
                let value = UInt32.random(in: 0...0x10FFFF, using: &random)
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
        }
        return String(scalars)
    }

    static func check(_ input: String, _ result: SanitizedText, maxLength: Int) {
        let scalars = result.text.unicodeScalars
        #expect(!scalars.contains(where: isForbiddenOnScreen), "input \(input.unicodeScalars.map(\.value))")
        #expect(scalars.count <= maxLength)
        let width = DisplayWidth.of(result.text)
        #expect(width >= 0 && width <= 2 * scalars.count)
        // Idempotent: sanitized text is already safe.
        #expect(TextSanitizer.sanitize(result.text, maxLength: maxLength).text == result.text)
        // No hazard reported means nothing was replaced: the text is the input, or a prefix of it ending in "…".
        if !result.hasHazards {
            let text = result.text
            #expect(
                text == input
                    || (text.hasSuffix("…") && input.unicodeScalars.starts(with: text.unicodeScalars.dropLast())))
        }
    }

    @Test func randomStrings() {
        var random = SeededGenerator(seed: 0x5EED_0001)
        for _ in 0..<4_000 {
            let input = Self.randomString(&random)
            Self.check(input, TextSanitizer.sanitize(input), maxLength: 512)
        }
    }

    @Test func randomStringsWithShortLimits() {
        var random = SeededGenerator(seed: 0x5EED_0002)
        for _ in 0..<2_000 {
            let input = Self.randomString(&random)
            let maxLength = Int.random(in: 1...40, using: &random)
            Self.check(input, TextSanitizer.sanitize(input, maxLength: maxLength), maxLength: maxLength)
        }
    }

    @Test func randomBytes() {
        var random = SeededGenerator(seed: 0x5EED_0003)
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...64, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
            let result = TextSanitizer.sanitize(bytes: bytes)
            let decoded = String(decoding: bytes, as: UTF8.self)
            Self.check(decoded, result, maxLength: 512)
        }
    }

    @Test func bufferNeverHoldsAControl() {
        var random = SeededGenerator(seed: 0x5EED_0004)
        for _ in 0..<500 {
            let input = Self.randomString(&random)
            var buffer = Buffer(size: Size(width: 30, height: 1))
            buffer.write(input, x: Int.random(in: -2...5, using: &random), y: 0, style: .plain)
            let text = buffer.lines().joined()
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            // Every wide glyph keeps its continuation cell right after it.
            for x in 0..<30 where buffer[x, 0].width == 2 {
                #expect(buffer[x + 1, 0].isContinuation)
            }
            for x in 0..<30 where buffer[x, 0].isContinuation {
                #expect(x > 0 && buffer[x - 1, 0].width == 2)
            }
        }
    }
}
