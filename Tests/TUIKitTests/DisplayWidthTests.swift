import TUIKit
import Testing

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("", 0),
        ("abc", 3),
        ("日本語", 6),
        ("한국어", 6),
        ("ｱｲｳ", 3),
        ("ＡＢ", 4),
        ("👍", 2),
        ("e\u{301}", 1),
        ("Zoë", 3),
        ("\u{200B}", 0),
        ("❤️", 1),
        ("🇺🇸", 2),
        ("👨\u{200D}👩\u{200D}👧", 6),
        ("─│┌┐", 4),
        ("⚠", 1),
        ("⟨U+202E⟩", 8),
        ("\u{1B}", 1),
    ])
    func width(_ text: String, _ expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test func widthIsTheSumOverCodePoints() {
        let text = "a日👍e\u{301}\u{200D}"
        #expect(DisplayWidth.of(text) == text.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) })
    }

    @Test(arguments: [
        ("hello world", 5, "hell…"),
        ("hello", 5, "hello"),
        ("hello", 0, ""),
        ("hello", 1, "…"),
        ("日本語テキスト", 7, "日本語…"),
        ("日本語", 4, "日…"),
        ("e\u{301}e\u{301}e\u{301}", 2, "e\u{301}…"),
        ("👍👍👍", 4, "👍…"),
    ])
    func truncate(_ text: String, _ width: Int, _ expected: String) {
        let result = DisplayWidth.truncate(text, toWidth: width)
        #expect(result == expected)
        #expect(DisplayWidth.of(result) <= max(0, width))
    }

    @Test func truncateWithoutRoomForTheEllipsisCutsPlainly() {
        #expect(DisplayWidth.truncate("abcd", toWidth: 2, ellipsis: "...") == "ab")
        #expect(DisplayWidth.truncate("abcdef", toWidth: 5, ellipsis: "...") == "ab...")
    }

    @Test func truncateFrontKeepsTheTail() {
        #expect(DisplayWidth.truncateFront("filter text", toWidth: 6) == "… text")
        #expect(DisplayWidth.truncateFront("short", toWidth: 6) == "short")
        #expect(DisplayWidth.truncateFront("日本語", toWidth: 4) == "…語")
    }

    @Test(arguments: [
        ("ab", 4, Alignment.left, "ab  "),
        ("ab", 4, Alignment.right, "  ab"),
        ("abcdef", 4, Alignment.left, "abc…"),
        ("日本語", 4, Alignment.left, "日… "),
        ("日本語", 4, Alignment.right, " 日…"),
        ("x", 0, Alignment.left, ""),
    ])
    func pad(_ text: String, _ width: Int, _ alignment: Alignment, _ expected: String) {
        let result = DisplayWidth.pad(text, toWidth: width, alignment: alignment)
        #expect(result == expected)
        #expect(DisplayWidth.of(result) == width)
    }

    @Test(arguments: [
        ("the quick brown fox", 10, ["the quick", "brown fox"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("a\n\nb", 5, ["a", "", "b"]),
        ("  on resource", 20, ["  on resource"]),
        ("日本語のテキスト", 6, ["日本語", "のテキ", "スト"]),
        ("", 5, [""]),
    ])
    func wrap(_ text: String, _ width: Int, _ expected: [String]) {
        let lines = DisplayWidth.wrap(text, toWidth: width)
        #expect(lines == expected)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
    }
}
