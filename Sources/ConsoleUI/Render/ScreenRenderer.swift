import APICore
import ConsoleModel
import TUIKit

/// Draws one frame from a `ScreenModel`: pure, no I/O, no clock.
public enum ScreenRenderer {
    /// The smallest terminal the console lays out in; smaller ones get a notice.
    public static let minimumSize = Size(width: 60, height: 14)

    public static func render(_ model: ScreenModel, theme: Theme) -> Buffer {
        let size = model.state.size
        var buffer = Buffer(size: size, fill: theme[.textPrimary])
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
            drawTooSmall(into: &buffer, size: size, theme: theme)
            return buffer
        }
        let full = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (headerArea, rest) = full.splitTop(1)
        let (tabsArea, belowTabs) = rest.splitTop(1)
        let (body, footer) = belowTabs.splitBottom(2)
        let (statusArea, hintsArea) = footer.splitTop(1)
        drawHeader(model, into: &buffer, area: headerArea, theme: theme)
        drawTabs(model, into: &buffer, area: tabsArea, theme: theme)
        drawBody(model, into: &buffer, area: body, theme: theme)
        StatusLine.draw(model, into: &buffer, area: statusArea, theme: theme)
        StatusLine.drawHints(model, into: &buffer, area: hintsArea, theme: theme)
        Overlays.draw(model, into: &buffer, area: body, theme: theme)
        return buffer
    }

    /// Rows of table body visible for a terminal size (the runtime keeps selections in view with it).
    public static func visibleRows(for size: Size, showDetails: Bool) -> Int {
        max(1, size.height - 4 - 1)
    }

    private static func drawTooSmall(into buffer: inout Buffer, size: Size, theme: Theme) {
        let lines = [
            "Terminal too small",
            "\(size.width)×\(size.height), needs \(minimumSize.width)×\(minimumSize.height)",
            "enlarge it, or q to quit",
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let text = DisplayWidth.truncate(line, toWidth: size.width)
            let x = max(0, (size.width - DisplayWidth.of(text)) / 2)
            buffer.write(text, x: x, y: top + index, style: index == 0 ? theme[.statusWarn] : theme[.textMuted])
        }
    }

    /// Left: profile, provider and the breadcrumb of what is in scope (never cut first). Right: the signed-in user
    /// (dropped when there is no room), the DEMO / READ-ONLY markers and the rate-limit budget when it runs low.
    private static func drawHeader(_ model: ScreenModel, into buffer: inout Buffer, area: Rect, theme: Theme) {
        buffer.fill(area, style: theme[.header])
        let left =
            " orgtui │ \(TextSanitizer.sanitize(model.header.profile).text) │ \(model.header.provider.displayName)"
            + " │ \(TextSanitizer.sanitize(model.breadcrumb).text)"
        var markers: [String] = []
        if model.header.isDemo { markers.append("DEMO") }
        if model.readOnly { markers.append("READ-ONLY") }
        if let budget = model.rateBudget, budget.isLow { markers.append("RATE \(budget)") }
        let right = markers.map { " \($0) " }.joined(separator: " ")
        let rightWidth = DisplayWidth.of(right)
        let leftWidth = buffer.write(
            left, x: area.x, y: area.y, maxWidth: max(0, area.width - rightWidth - 1), style: theme[.header])
        let user = model.user.map { TextSanitizer.sanitize($0.email.isEmpty ? $0.name ?? "" : $0.email).text } ?? "…"
        let room = area.width - leftWidth - rightWidth - 3
        if room >= 8 {
            let shown = DisplayWidth.truncate(user, toWidth: room)
            let x = area.x + area.width - rightWidth - 1 - DisplayWidth.of(shown)
            buffer.write(shown, x: x, y: area.y, style: theme[.header])
        }
        if rightWidth > 0 {
            buffer.write(right, x: area.x + area.width - rightWidth, y: area.y, style: theme[.headerMarker])
        }
    }

    private static func drawTabs(_ model: ScreenModel, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let counts: [PaneID: Int] = [
            .accounts: model.accounts.totalCount ?? model.accounts.loadedCount,
            .members: model.members.totalCount ?? model.members.loadedCount,
            .tokens: model.tokens.totalCount ?? model.tokens.loadedCount,
            .invitations: model.invitations.totalCount ?? model.invitations.loadedCount,
        ]
        let titles = PaneID.allCases.map { "\($0.rawValue) \($0.title) \(counts[$0].map(Format.count) ?? "")" }
        var badges: [Int: String] = [:]
        if model.pendingInvitations > 0 {
            badges[PaneID.invitations.rawValue - 1] = "\(model.pendingInvitations) pending"
        }
        TabsWidget(titles: titles, active: model.state.pane.rawValue - 1, badges: badges)
            .render(into: &buffer, area: area, theme: theme)
    }

    private static func drawBody(_ model: ScreenModel, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let showDetails = model.state.showDetails && area.width >= 90
        let (tableArea, detailArea) =
            showDetails ? area.splitRight(max(30, area.width * 2 / 5)) : (area, Rect(x: 0, y: 0, width: 0, height: 0))
        let offset = model.state.offsets[model.state.pane] ?? 0
        let details: [String]
        switch model.state.pane {
        case .accounts:
            let table = PaneTables.accounts(model)
            table.render(into: &buffer, area: tableArea, theme: theme, offset: offset)
            details = table.details()
        case .members:
            let table = PaneTables.members(model)
            table.render(into: &buffer, area: tableArea, theme: theme, offset: offset)
            details = table.details() + MemberDetails.lines(model.members.selectedRow)
        case .tokens:
            let table = PaneTables.tokens(model)
            table.render(into: &buffer, area: tableArea, theme: theme, offset: offset)
            details = table.details() + TokenDetails.lines(model.tokens.selectedRow)
        case .invitations:
            let table = PaneTables.invitations(model)
            table.render(into: &buffer, area: tableArea, theme: theme, offset: offset)
            details = table.details()
        }
        if showDetails { DetailPanel.draw(details, into: &buffer, area: detailArea, theme: theme) }
    }
}

/// Number formatting shared by the tabs and the status line.
enum Format {
    /// "2,500".
    static func count(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return String(result.reversed())
    }
}
