/// The tab bar: " 1 Accounts 9 │ 2 Members 2,500 │ … ", the active tab highlighted, badges after titles.
///
/// When the bar is too narrow, the longest titles are cut first (with "…"); badges are kept.
public struct TabsWidget: Sendable {
    /// Tab titles, in order.
    public var titles: [String]
    /// Index of the active tab.
    public var active: Int
    /// Badge text by tab index (e.g. "3 pending"), drawn in the `badge` style.
    public var badges: [Int: String]

    /// A tab bar.
    public init(titles: [String], active: Int, badges: [Int: String] = [:]) {
        self.titles = titles
        self.active = active
        self.badges = badges
    }

    /// Draws the bar on the first row of `area`.
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row, style: theme[.tabInactive])
        let badgeTexts = titles.indices.map { index in badges[index].map { " \($0) " } ?? "" }
        // Each tab is " title " plus its badge; tabs are separated by "│".
        let fixed = titles.count * 2 + max(0, titles.count - 1) + badgeTexts.reduce(0) { $0 + DisplayWidth.of($1) }
        let titleWidths = titles.map(DisplayWidth.of)
        let fitted =
            WidthFitting.shrink(titleWidths, to: area.width - fixed, floors: titleWidths.map { _ in 2 })
            ?? titleWidths
        var x = area.x
        for (index, title) in titles.enumerated() {
            guard x < row.maxX else { break }
            if index > 0 {
                x += buffer.write(BoxDrawing.vertical, x: x, y: row.y, maxWidth: row.maxX - x, style: theme[.border])
            }
            let style = index == active ? theme[.tabActive] : theme[.tabInactive]
            let label = " " + DisplayWidth.truncate(title, toWidth: fitted[index]) + " "
            x += buffer.write(label, x: x, y: row.y, maxWidth: max(0, row.maxX - x), style: style)
            if !badgeTexts[index].isEmpty {
                x += buffer.write(
                    badgeTexts[index], x: x, y: row.y, maxWidth: max(0, row.maxX - x), style: theme[.badge])
            }
        }
    }
}
