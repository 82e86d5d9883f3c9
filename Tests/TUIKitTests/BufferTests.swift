import TUIKit
import Testing

@Suite struct BufferTests {
    static let red = Style(foreground: .indexed(1))

    @Test func newBufferIsSpacesInTheFillStyle() {
        let buffer = Buffer(size: Size(width: 3, height: 2), fill: Self.red)
        #expect(buffer.lines() == ["   ", "   "])
        #expect(buffer[2, 1] == Cell(text: " ", width: 1, style: Self.red))
    }

    @Test func negativeSizeIsEmpty() {
        let buffer = Buffer(size: Size(width: -3, height: 2))
        #expect(buffer.size == Size(width: 0, height: 2))
        #expect(buffer.lines() == ["", ""])
    }

    @Test func outOfRangeReadsBlankAndWritesAreIgnored() {
        var buffer = Buffer(size: Size(width: 2, height: 1))
        buffer[5, 0] = Cell(text: "x", width: 1)
        buffer[-1, 0] = Cell(text: "x", width: 1)
        #expect(buffer[5, 0] == .blank)
        #expect(buffer[0, -1] == .blank)
        #expect(buffer.lines() == ["  "])
    }

    @Test(
        arguments: [
            // text, x, maxWidth, expected line (width 8), columns used
            ("abc", 0, nil, "abc     ", 3),
            ("abcdef", 1, 3, " abc    ", 3),
            ("abcdefghijk", 0, nil, "abcdefgh", 8),
            ("日本語", 0, nil, "日本語  ", 6),
            ("日本語", 3, nil, "   日本 ", 5),
            ("日本語", 0, 5, "日本    ", 5),
            ("ok👍!", 0, nil, "ok👍!   ", 5),
            ("e\u{301}x", 0, nil, "e\u{301}x      ", 2),
            ("a\u{1B}[2Jb", 0, nil, "a?[2Jb  ", 6),
            ("日本", -1, nil, " 本     ", 4),
            ("abc", 6, 0, "        ", 0),
        ] as [(String, Int, Int?, String, Int)])
    func write(_ text: String, _ x: Int, _ maxWidth: Int?, _ expected: String, _ used: Int) {
        var buffer = Buffer(size: Size(width: 8, height: 1))
        let columns = buffer.write(text, x: x, y: 0, maxWidth: maxWidth, style: .plain)
        #expect(buffer.lines() == [expected])
        #expect(columns == used)
    }

    @Test func wideGlyphUsesTwoCells() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.write("日x", x: 0, y: 0, style: Self.red)
        #expect(buffer[0, 0] == Cell(text: "日", width: 2, style: Self.red))
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[1, 0].style == Self.red)
        #expect(buffer[2, 0] == Cell(text: "x", width: 1, style: Self.red))
    }

    @Test func combiningMarksStayWithTheirBase() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.write("Zoe\u{308}", x: 0, y: 0, style: .plain)
        #expect(buffer[2, 0].text == "e\u{308}")
        #expect(buffer[3, 0].text == " ")
    }

    @Test func overwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.write("日本", x: 0, y: 0, style: .plain)
        buffer.write("x", x: 1, y: 0, style: .plain)
        #expect(buffer.lines() == [" x本"])
        buffer.write("y", x: 2, y: 0, style: .plain)
        #expect(buffer.lines() == [" xy "])
        #expect(!buffer[3, 0].isContinuation)
    }

    @Test func wideCellThroughTheSubscriptGetsItsContinuation() {
        var buffer = Buffer(size: Size(width: 3, height: 1))
        buffer[1, 0] = Cell(text: "語", width: 2)
        #expect(buffer[2, 0].isContinuation)
        buffer[2, 0] = Cell(text: "語", width: 2)
        #expect(buffer.lines() == ["   "])
    }

    @Test func subscriptNeverStoresAControl() {
        var buffer = Buffer(size: Size(width: 2, height: 1))
        buffer[0, 0] = Cell(text: "\u{1B}", width: 1)
        #expect(buffer[0, 0].text == "?")
    }

    @Test func writeOutsideTheRowsDoesNothing() {
        var buffer = Buffer(size: Size(width: 3, height: 1))
        #expect(buffer.write("abc", x: 0, y: 1, style: .plain) == 0)
        #expect(buffer.write("abc", x: 0, y: -1, style: .plain) == 0)
        #expect(buffer.lines() == ["   "])
    }

    @Test func fillAndStyle() {
        var buffer = Buffer(size: Size(width: 4, height: 3))
        buffer.write("abcd", x: 0, y: 1, style: .plain)
        buffer.style(Rect(x: 1, y: 1, width: 2, height: 5)) { $0.bold = true }
        #expect(buffer[1, 1].style.bold && buffer[2, 1].style.bold)
        #expect(!buffer[0, 1].style.bold && !buffer[3, 1].style.bold)
        #expect(buffer[1, 1].text == "b")
        buffer.fill(Rect(x: -1, y: 0, width: 3, height: 2), style: Self.red)
        #expect(buffer.lines() == ["    ", "  cd", "    "])
        #expect(buffer[1, 0].style == Self.red)
        #expect(buffer[2, 0].style == .plain)
    }

    @Test func linesKeepTrailingSpacesAndWideGlyphsOnce() {
        var buffer = Buffer(size: Size(width: 6, height: 2))
        buffer.write("日本", x: 1, y: 0, style: .plain)
        #expect(buffer.lines() == [" 日本 ", "      "])
    }

    @Test func styledLinesGroupRuns() {
        var buffer = Buffer(size: Size(width: 5, height: 1))
        buffer.write("ab", x: 0, y: 0, style: Self.red)
        #expect(
            buffer.styledLines() == [[StyledSpan(text: "ab", style: Self.red), StyledSpan(text: "   ", style: .plain)]])
    }

    @Test func equalBuffersCompareEqual() {
        var first = Buffer(size: Size(width: 3, height: 1))
        var second = Buffer(size: Size(width: 3, height: 1))
        first.write("a", x: 0, y: 0, style: .plain)
        #expect(first != second)
        second.write("a", x: 0, y: 0, style: .plain)
        #expect(first == second)
    }
}
