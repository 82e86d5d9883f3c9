import APICore
import ConsoleModel
import TUIKit

/// The read-only view over the body: a title, summary fields (billing profile, the user), a table with columns
/// and the selected row's every field on the right; every API string through the sanitizer.
enum RecordsView {
    /// Summary lines shown above a table at most.
    static let summaryLimit = 6

    static func draw(_ model: ScreenModel, view: RecordViewState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard let screen = model.records, area.width > 10, area.height > 4 else { return }
        buffer.fill(area, style: theme[.textPrimary])
        let (titleArea, rest) = area.splitTop(1)
        let (body, hintArea) = rest.splitBottom(1)
        buffer.fill(titleArea, style: theme[.header])
        buffer.write(
            " " + TextSanitizer.sanitize(screen.title).text + status(screen.snapshot), x: titleArea.x, y: titleArea.y,
            maxWidth: titleArea.width, style: theme[.header])
        buffer.write(
            hints(screen, view: view, capabilities: model.capabilities), x: hintArea.x, y: hintArea.y,
            maxWidth: hintArea.width, style: theme[.keyHint])
        if screen.columns.isEmpty {
            return drawFields(screen.summary, error: screen.summaryError, into: &buffer, area: body, theme: theme)
        }
        if view.showingEntry, let row = screen.snapshot.selectedRow {
            return drawFields(row.fields, error: nil, into: &buffer, area: body, theme: theme)
        }
        var tableArea = body
        if !screen.summary.isEmpty || screen.summaryError != nil {
            let height = min(summaryLimit, max(1, screen.summary.count)) + 1
            let (top, below) = body.splitTop(height)
            drawFields(
                Array(screen.summary.prefix(summaryLimit)), error: screen.summaryError, into: &buffer, area: top,
                theme: theme)
            tableArea = below
        }
        if view.editingFilter || !screen.snapshot.filter.isEmpty {
            let (filterLine, below) = tableArea.splitTop(1)
            buffer.write(
                "/" + TextSanitizer.sanitize(screen.snapshot.filter).text + (view.editingFilter ? "▏" : ""),
                x: filterLine.x + 1, y: filterLine.y, maxWidth: filterLine.width - 1, style: theme[.filter])
            tableArea = below
        }
        let (left, right) =
            tableArea.width >= 90
            ? tableArea.splitRight(max(30, tableArea.width * 2 / 5))
            : (tableArea, Rect(x: 0, y: 0, width: 0, height: 0))
        drawTable(screen, offset: view.offset, into: &buffer, area: left, theme: theme)
        if right.width > 0 {
            DetailPanel.draw(detailLines(screen.snapshot.selectedRow), into: &buffer, area: right, theme: theme)
        }
    }

    /// The selected row's fields as sanitized "Label: value" lines.
    static func detailLines(_ row: RecordRow?) -> [String] {
        guard let row else { return [] }
        return row.fields.map { "\(TextSanitizer.sanitize($0.label).text): \(TextSanitizer.sanitize($0.value).text)" }
    }

    private static func drawTable(
        _ screen: RecordsScreen, offset: Int, into buffer: inout Buffer, area: Rect, theme: Theme
    ) {
        let rows = screen.snapshot.rows
        if rows.isEmpty {
            let text = screen.snapshot.placeholder ?? emptyText(screen.snapshot)
            buffer.write(
                TextSanitizer.sanitize(text).text, x: area.x + 2, y: area.y + 1, maxWidth: area.width - 2,
                style: theme[.textMuted])
            return
        }
        // Times and results have a known width; the rest share what is left.
        let specs = screen.columns.map { title in
            switch title {
            case "When": TableColumn(title: title, width: 20, minWidth: 20, flex: 0, alignment: .left)
            case "Result": TableColumn(title: title, width: 7, minWidth: 7, flex: 0, alignment: .left)
            default: TableColumn(title: title, width: 0, minWidth: 8, flex: 1, alignment: .left)
            }
        }
        let resultColumn = screen.kind == .audit ? screen.columns.count - 1 : -1
        TableWidget(
            columns: specs, rowCount: rows.count, selected: screen.snapshot.selectedIndex, offset: offset,
            cell: { row, column in
                let cells = rows[row].cells
                let text = cells.indices.contains(column) ? cells[column] : ""
                let style: Style? =
                    column == resultColumn ? (text == "failed" ? theme[.statusError] : theme[.statusOK]) : nil
                return (TextSanitizer.sanitize(text).text, style)
            },
            flag: { row in rows[row].cells.contains { TextSanitizer.sanitize($0).hasHazards } }
        ).render(into: &buffer, area: area, theme: theme)
    }

    private static func drawFields(
        _ fields: [RecordField], error: String?, into buffer: inout Buffer, area: Rect, theme: Theme
    ) {
        if let error {
            buffer.write(
                TextSanitizer.sanitize(error).text, x: area.x + 2, y: area.y, maxWidth: area.width - 2,
                style: theme[.statusError])
            return
        }
        if fields.isEmpty {
            buffer.write("loading…", x: area.x + 2, y: area.y, maxWidth: area.width - 2, style: theme[.textMuted])
        }
        let labelWidth = min(22, (fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2)
        for (index, field) in fields.prefix(area.height).enumerated() {
            let label = DisplayWidth.pad(TextSanitizer.sanitize(field.label).text + ":", toWidth: labelWidth)
            buffer.write(label, x: area.x + 2, y: area.y + index, maxWidth: area.width - 2, style: theme[.textMuted])
            buffer.write(
                TextSanitizer.sanitize(field.value).text, x: area.x + 2 + labelWidth, y: area.y + index,
                maxWidth: max(0, area.width - 2 - labelWidth), style: theme[.textPrimary])
        }
    }

    private static func status(_ snapshot: ListSnapshot<RecordRow>) -> String {
        let count =
            snapshot.filter.isEmpty ? "\(snapshot.loadedCount)" : "\(snapshot.rows.count)/\(snapshot.loadedCount)"
        switch snapshot.loadState {
        case .loading: return " · loading…"
        case .failed: return ""
        default: return snapshot.loadedCount > 0 ? " · \(count)\(snapshot.hasMore ? "+" : "")" : ""
        }
    }

    private static func emptyText(_ snapshot: ListSnapshot<RecordRow>) -> String {
        switch snapshot.loadState {
        case .loading: "loading…"
        case .failed(let message): message
        default: snapshot.filter.isEmpty ? "nothing to show" : "no row matches the filter"
        }
    }

    private static func hints(_ screen: RecordsScreen, view: RecordViewState, capabilities: ProviderCapabilities)
        -> String
    {
        let kind = screen.kind
        let filter = screen.snapshot.filter
        if view.editingFilter { return " type to filter · Enter keep · Esc clear" }
        if view.showingEntry { return " j/k next entry · Enter or Esc back to the list" }
        var keys = ["j/k move", "Enter open", "/ filter", "G load all", "r refresh"]
        if kind == .organizations { keys.append("D leave") }
        if kind == .subscriptions && capabilities.contains(.manageSubscriptions) {
            keys += (screen.canCreateSubscription ? ["n new"] : []) + ["e change", "D cancel"]
        }
        if kind == .user { keys = ["e edit", "r refresh"] }
        if kind == .account {
            keys =
                (capabilities.contains(.editAccountProfiles) && screen.hasAccountProfile ? ["e edit profile"] : [])
                + (capabilities.contains(.moveAccounts) ? ["m move"] : []) + ["r refresh"]
        }
        keys.append(filter.isEmpty ? "Esc close" : "Esc clear filter")
        return " " + keys.joined(separator: " · ")
    }
}

/// The profile edit form, over the user view.
enum ProfileFormDrawing {
    static func draw(_ form: ProfileForm, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let title: String
        let note: String
        switch form.target {
        case .user: (title, note) = ("Edit your profile", "An emptied field is cleared.")
        case .account(let account):
            (title, note) = (
                "Edit the profile of account \(TextSanitizer.sanitize(account.name).text)",
                "The whole profile is saved; an emptied field is saved empty."
            )
        case .subscription(let id):
            (title, note) = (
                id == nil ? "New subscription" : "Change subscription \(TextSanitizer.sanitize(id ?? "").text)",
                "The rate plan is the plan's id (its details show it as Plan id)."
            )
        }
        var lines: [(String, ThemeRole)] = [(note, .textMuted), ("", .textPrimary)]
        let labelWidth = max(13, (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2)
        for (index, field) in form.fields.enumerated() {
            let focused = index == form.cursor
            let value = TextSanitizer.sanitize(form.values[field.id] ?? "").text
            lines.append(
                (
                    (focused ? "▶ " : "  ")
                        + DisplayWidth.pad(TextSanitizer.sanitize(field.label).text + ":", toWidth: labelWidth)
                        + value + (focused ? "▏" : ""),
                    focused ? .filter : .textPrimary
                ))
        }
        let changes = form.changes
        let changed = form.fields.filter { changes[$0.id] != nil }.map { $0.label.lowercased() }
        lines.append(("", .textPrimary))
        lines.append(
            (
                changed.isEmpty ? "nothing changed" : "changed: " + changed.joined(separator: ", "),
                changed.isEmpty ? .textMuted : .statusOK
            ))
        ModalWidget(
            title: title, lines: lines, buttons: ["↑↓ field", "Enter save", "Esc cancel"],
            selectedButton: nil, width: min(area.width - 4, 64)
        )
        .render(into: &buffer, area: area, theme: theme)
    }
}
