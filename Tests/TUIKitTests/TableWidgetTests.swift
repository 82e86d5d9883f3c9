import TUIKit
import Testing

@Suite struct TableWidgetTests {
    /// Columns shaped like the Members pane: name, two fixed columns, a flexible one.
    static let columns = [
        TableColumn(title: "NAME", width: 0, minWidth: 16, flex: 3),
        TableColumn(title: "STATUS", width: 10, minWidth: 10),
        TableColumn(title: "2FA", width: 9, minWidth: 9),
        TableColumn(title: "ROLE", width: 10, minWidth: 10),
        TableColumn(title: "EMAIL", width: 0, minWidth: 12, flex: 2),
    ]

    @Test(arguments: [
        (20, [6, 6, 6, 0, 0]),
        (40, [8, 7, 7, 7, 7]),
        (80, [27, 10, 9, 10, 20]),
        (120, [51, 10, 9, 10, 36]),
    ])
    func layout(_ width: Int, _ expected: [Int]) {
        #expect(TableWidget.layout(Self.columns, width: width) == expected)
    }

    @Test func layoutNeverOverflows() {
        for width in 0...200 {
            let widths = TableWidget.layout(Self.columns, width: width)
            let visible = widths.filter { $0 > 0 }
            #expect(visible.reduce(0, +) + max(0, visible.count - 1) <= max(0, width), "width \(width): \(widths)")
            #expect(widths.count == Self.columns.count)
        }
    }

    @Test func fixedColumnsLeaveLeftoverUnused() {
        let columns = [TableColumn(title: "A", width: 4), TableColumn(title: "B", width: 6)]
        #expect(TableWidget.layout(columns, width: 30) == [4, 6])
    }

    @Test(arguments: [
        // selected, current, visible, rows → offset
        (0, 0, 5, 100, 0),
        (7, 0, 5, 100, 3),
        (2, 5, 5, 100, 2),
        (99, 0, 5, 100, 95),
        (4, 10, 5, 3, 0),
        (3, 97, 5, 100, 3),
    ])
    func scrollOffset(_ selected: Int, _ current: Int, _ visible: Int, _ rows: Int, _ expected: Int) {
        #expect(
            TableWidget.scrollOffset(selected: selected, current: current, visibleRows: visible, rowCount: rows)
                == expected)
    }

    @Test func scrollOffsetWithoutSelectionOnlyClamps() {
        #expect(TableWidget.scrollOffset(selected: nil, current: 200, visibleRows: 10, rowCount: 100) == 90)
        #expect(TableWidget.scrollOffset(selected: nil, current: 5, visibleRows: 0, rowCount: 100) == 0)
    }

    /// Records which rows the table asked for.
    final class RowLog {
        var cells: Set<Int> = []
        var flags: Set<Int> = []
        var calls = 0
    }

    @Test func virtualizedRenderingAsksOnlyForVisibleRows() {
        let log = RowLog()
        let table = TableWidget(
            columns: [TableColumn(title: "ID", width: 8), TableColumn(title: "NAME", minWidth: 5, flex: 1)],
            rowCount: 100_000, selected: 50_002, offset: 50_000,
            cell: { row, column in
                log.cells.insert(row)
                log.calls += 1
                return (column == 0 ? "\(row)" : "member \(row)", nil)
            },
            flag: { row in
                log.flags.insert(row)
                return false
            })
        var buffer = Buffer(size: Size(width: 40, height: 6))
        table.render(into: &buffer, area: Rect(x: 0, y: 0, width: 40, height: 6), theme: .monochrome)
        #expect(log.cells == Set(50_000..<50_005))
        #expect(log.flags == Set(50_000..<50_005))
        #expect(log.calls == 10)
        #expect(buffer.lines()[1].hasPrefix("  50000    member 50000"))
    }

    static let names = ["Ada Lovelace", "Grace Hopper", "日本語の名前です", "evil\u{202E}name", "Linus"]

    func sample(selected: Int?, offset: Int = 0) -> TableWidget {
        TableWidget(
            columns: [
                TableColumn(title: "NAME", minWidth: 6, flex: 1),
                TableColumn(title: "N", width: 3, alignment: .right),
            ],
            rowCount: Self.names.count, selected: selected, offset: offset,
            cell: { row, column in
                column == 0
                    ? (TextSanitizer.sanitize(Self.names[row]).text, nil)
                    : ("\(row * 7)", Style(foreground: .indexed(2)))
            },
            flag: { row in TextSanitizer.sanitize(Self.names[row]).hasHazards })
    }

    @Test func rendersHeaderRowsTruncationAndFlags() {
        var buffer = Buffer(size: Size(width: 18, height: 7))
        sample(selected: 1).render(into: &buffer, area: Rect(x: 0, y: 0, width: 18, height: 6), theme: .defaultDark)
        #expect(
            buffer.lines() == [
                "  NAME           N",
                "  Ada Lovelace   0",
                "  Grace Hopper   7",
                "  日本語の名…   14",
                "⚠ evil⟨U+202E…  21",
                "  Linus         28",
                "                  ",
            ])
    }

    @Test func stylesHeaderSelectionCellsAndFlag() {
        let theme = Theme.defaultDark
        var buffer = Buffer(size: Size(width: 18, height: 6))
        sample(selected: 1).render(into: &buffer, area: Rect(x: 0, y: 0, width: 18, height: 6), theme: theme)
        #expect(buffer[5, 0].style == theme[.tableHeader])
        // The selected row is one style across the full width, including the gutter and separators.
        #expect((0..<18).allSatisfy { buffer[$0, 2].style == theme[.selection] })
        #expect(buffer[17, 1].style == Style(foreground: .indexed(2)))
        #expect(buffer[2, 1].style == theme[.textPrimary])
        #expect(buffer[0, 4].style == theme[.warningFlag])
    }

    @Test func offsetScrollsAndIsClampedToAFullLastPage() {
        var buffer = Buffer(size: Size(width: 18, height: 3))
        sample(selected: nil, offset: 99).render(
            into: &buffer, area: Rect(x: 0, y: 0, width: 18, height: 3), theme: .monochrome)
        #expect(
            buffer.lines() == [
                "  NAME           N",
                "⚠ evil⟨U+202E…  21",
                "  Linus         28",
            ])
    }

    @Test func emptyTableShowsOnlyTheHeader() {
        let table = TableWidget(
            columns: [TableColumn(title: "NAME", width: 6)], rowCount: 0, selected: nil, offset: 0,
            cell: { _, _ in ("", nil) })
        var buffer = Buffer(size: Size(width: 8, height: 2))
        table.render(into: &buffer, area: Rect(x: 0, y: 0, width: 8, height: 2), theme: .monochrome)
        #expect(buffer.lines() == ["NAME    ", "        "])
    }
}
