#if canImport(Glibc)
    import Glibc
    import Testing
    import TUIKit

    @_silgen_name("wcwidth")
    func c_wcwidth(_ c: Int32) -> Int32

    /// `DisplayWidth` against the real glibc `wcwidth` in C.UTF-8 — what ncurses, tmux and the terminal use.
    @Suite struct WcwidthAgreementTests {
        /// A named block of code points to compare.
        struct Block: Sendable, CustomTestStringConvertible {
            var name: String
            var range: ClosedRange<UInt32>
            var testDescription: String { name }
        }

        static let blocks: [Block] = [
            Block(name: "ASCII", range: 0x20...0x7E),
            Block(name: "Latin-1", range: 0xA0...0xFF),
            Block(name: "Latin Extended", range: 0x100...0x24F),
            Block(name: "Combining diacritics", range: 0x300...0x36F),
            Block(name: "Greek, Cyrillic", range: 0x370...0x52F),
            Block(name: "Hebrew, Arabic", range: 0x590...0x6FF),
            Block(name: "Devanagari, Bengali", range: 0x900...0x9FF),
            Block(name: "Thai", range: 0xE00...0xE7F),
            Block(name: "Hangul Jamo", range: 0x1100...0x11FF),
            Block(name: "Zero width and bidi marks", range: 0x200B...0x200F),
            Block(name: "Bidi embeddings and overrides", range: 0x202A...0x202E),
            Block(name: "Invisible operators", range: 0x2060...0x2064),
            Block(name: "Bidi isolates", range: 0x2066...0x2069),
            Block(name: "Arrows, math, technical", range: 0x2190...0x23FF),
            Block(name: "Box drawing, blocks, shapes", range: 0x2500...0x25FF),
            Block(name: "Misc symbols, dingbats", range: 0x2600...0x27BF),
            Block(name: "Braille", range: 0x2800...0x28FF),
            Block(name: "CJK radicals, symbols, kana", range: 0x2E80...0x30FF),
            Block(name: "CJK unified ideographs", range: 0x4E00...0x9FFF),
            Block(name: "Hangul syllables", range: 0xAC00...0xD7A3),
            Block(name: "Hangul Jamo Extended-B", range: 0xD7B0...0xD7FF),
            Block(name: "Private use", range: 0xE000...0xF8FF),
            Block(name: "CJK compatibility ideographs", range: 0xF900...0xFAFF),
            Block(name: "Variation selectors", range: 0xFE00...0xFE0F),
            Block(name: "Vertical and small forms", range: 0xFE10...0xFE6F),
            Block(name: "BOM", range: 0xFEFF...0xFEFF),
            Block(name: "Halfwidth and fullwidth forms", range: 0xFF00...0xFFEF),
            Block(name: "Specials", range: 0xFFF0...0xFFFD),
            Block(name: "Regional indicators", range: 0x1F1E6...0x1F1FF),
            Block(name: "Misc symbols and pictographs", range: 0x1F300...0x1F5FF),
            Block(name: "Emoticons", range: 0x1F600...0x1F64F),
            Block(name: "Transport and map", range: 0x1F680...0x1F6FF),
            Block(name: "Supplemental symbols and pictographs", range: 0x1F900...0x1F9FF),
            Block(name: "Symbols and pictographs Extended-A", range: 0x1FA70...0x1FAFF),
            Block(name: "CJK Extension B", range: 0x20000...0x2A6DF),
            Block(name: "Tags", range: 0xE0000...0xE007F),
            Block(name: "Variation selectors supplement", range: 0xE0100...0xE01EF),
        ]

        /// Switches the process to a UTF-8 locale once (wcwidth returns -1 for non-ASCII in "C").
        static let locale: Bool = setlocale(LC_ALL, "C.UTF-8") != nil

        /// Code points in `range` where glibc and DisplayWidth disagree; controls and wcwidth -1 are not compared.
        static func disagreements(in range: ClosedRange<UInt32>) -> (compared: Int, mismatches: [String]) {
            var compared = 0
            var mismatches: [String] = []
            for value in range {
                guard let scalar = Unicode.Scalar(value), value >= 0x20, !(0x7F...0x9F).contains(value) else {
                    continue
                }
                let expected = Int(c_wcwidth(Int32(bitPattern: value)))
                guard expected >= 0 else { continue }
                compared += 1
                let actual = DisplayWidth.of(scalar)
                if actual != expected {
                    mismatches.append(
                        "U+\(String(value, radix: 16, uppercase: true)): wcwidth \(expected), DisplayWidth \(actual)")
                }
            }
            return (compared, mismatches)
        }

        @Test(arguments: blocks)
        func agreesWithGlibc(_ block: Block) {
            #expect(Self.locale)
            let result = Self.disagreements(in: block.range)
            #expect(result.compared > 0)
            #expect(result.mismatches.isEmpty, "\(result.mismatches.prefix(20))")
        }

        @Test func agreesWithGlibcOnEveryCodePoint() {
            #expect(Self.locale)
            let result = Self.disagreements(in: 0...0x10FFFF)
            print("wcwidth agreement: \(result.compared - result.mismatches.count)/\(result.compared) code points")
            #expect(result.compared > 280_000)
            #expect(result.mismatches.isEmpty, "\(result.mismatches.count) mismatches: \(result.mismatches.prefix(20))")
        }

        @Test func wideCharacterAgreesWithLibcAsCursesSeesIt() {
            #expect(Self.locale)
            #expect(c_wcwidth(0x4E2D) == 2)
            #expect(DisplayWidth.of("中") == 2)
        }
    }
#endif
