import APICore
import ConsoleModel
import TUIKit

/// The cross-profile views over the body: people, one person, the risk lens, and an offboarding plan. A title, each
/// profile's progress, the table (with the selected row's details on wide terminals), and the view's keys.
enum LensView {
    /// Table rows visible in the body of a terminal of `size` (the keys keep the selection in view with it).
    static func visibleRows(for size: Size, filtering: Bool) -> Int {
        max(1, size.height - 4 - 3 - (filtering ? 1 : 0))
    }

    /// The keys of the open cross-profile view, for the hint line; nil when none is open.
    static func hints(_ state: AppState) -> String? {
        switch state.overlay {
        case .people(let table) where table.editingFilter, .risks(let table) where table.editingFilter:
            "type to filter · Enter keep · Esc clear"
        case .people: "j/k move · Enter memberships · D offboard · / filter · r reload · Esc close"
        case .person: "j/k move · Enter go to the row · D offboard · Esc back to people"
        case .risks: "j/k move · Enter go to the row (its fix is one key away) · / filter · r reload · Esc close"
        case .offboarding(let dialog) where !dialog.confirmed: "type the email · Enter run · Esc cancel"
        case .offboarding:
            state.lens.planRunning
                ? "Esc hide (the plan keeps running)"
                : state.lens.plan?.isFinished == true
                    ? "j/k scroll · Esc close" : "c resume · j/k scroll · Esc close (D resumes a kept plan)"
        default: nil
        }
    }

    static func draw(_ model: ScreenModel, into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard area.width > 10, area.height > 5 else { return }
        let lens = model.state.lens
        switch model.state.overlay {
        case .people(let table):
            let people = LensRows.people(lens, filter: table.filter)
            let selected = people.indices.contains(table.selected) ? people[table.selected] : nil
            drawTable(
                title: "People · \(people.count) across \(lens.profiles.count) profile"
                    + (lens.profiles.count == 1 ? "" : "s"),
                columns: LensRows.peopleColumns, rows: people.map(LensRows.cells), table: table, lens: lens,
                detail: selected.map(personSummary) ?? [],
                empty: lens.isLoading ? "loading every profile…" : "nobody to show",
                into: &buffer, area: area, theme: theme)
        case .person(let email, let table, _):
            let person = lens.people.first { $0.id == email }
            let lines = person.map(LensRows.lines(of:)) ?? []
            let selected = lines.indices.contains(table.selected) ? lines[table.selected] : nil
            drawTable(
                title: "\(person?.email ?? email)" + (person?.name.map { " (\($0))" } ?? "")
                    + " · " + counted(person?.memberships.count ?? 0, "membership") + " · "
                    + counted(person?.invitations.count ?? 0, "open invitation") + " · "
                    + counted(person?.keys.count ?? 0, "key"),
                columns: LensRows.personColumns, rows: lines.map(LensRows.cells), table: table, lens: lens,
                detail: selected?.fields.map { "\($0.label): \($0.value)" } ?? [],
                empty: person == nil ? "no longer listed anywhere" : "nothing", into: &buffer, area: area, theme: theme)
        case .risks(let table):
            let findings = LensRows.findings(lens, filter: table.filter)
            let selected = findings.indices.contains(table.selected) ? findings[table.selected] : nil
            let counts = RiskFinding.Severity.allCases.reversed().map { severity in
                "\(findings.filter { $0.severity == severity }.count) \(severity.label)"
            }
            drawTable(
                title: "Risks · \(findings.count) findings (\(counts.joined(separator: ", ")))",
                columns: LensRows.riskColumns, rows: findings.map(LensRows.cells), table: table, lens: lens,
                detail: selected.map(findingDetail) ?? [],
                empty: lens.isLoading ? "loading every profile…" : "no findings", into: &buffer, area: area,
                theme: theme, severity: { findings[$0].severity })
        case .offboarding(let dialog):
            OffboardingView.draw(dialog, lens: lens, into: &buffer, area: area, theme: theme)
        default: return
        }
    }

    private static func drawTable(
        title: String, columns: [String], rows: [[String]], table: LensTable, lens: LensState, detail: [String],
        empty: String, into buffer: inout Buffer, area: Rect, theme: Theme,
        severity: ((Int) -> RiskFinding.Severity)? = nil
    ) {
        buffer.fill(area, style: theme[.textPrimary])
        let (titleArea, rest) = area.splitTop(1)
        var (progressArea, body) = rest.splitTop(1)
        buffer.fill(titleArea, style: theme[.header])
        buffer.write(
            " " + TextSanitizer.sanitize(title).text, x: titleArea.x, y: titleArea.y, maxWidth: titleArea.width,
            style: theme[.header])
        let problems = lens.problems.count
        buffer.write(
            " " + lens.progressText
                + (lens.problems.first.map { " · \(problems) unread: " + TextSanitizer.sanitize($0).text } ?? ""),
            x: progressArea.x, y: progressArea.y, maxWidth: progressArea.width,
            style: theme[problems > 0 ? .statusWarn : .textMuted])
        if table.editingFilter || !table.filter.isEmpty {
            let (filterLine, below) = body.splitTop(1)
            buffer.write(
                "/" + TextSanitizer.sanitize(table.filter).text + (table.editingFilter ? "▏" : ""), x: filterLine.x + 1,
                y: filterLine.y, maxWidth: filterLine.width - 1, style: theme[.filter])
            body = below
        }
        let (left, right) =
            body.width >= 130 ? body.splitRight(max(36, body.width / 4)) : (body, Rect(x: 0, y: 0, width: 0, height: 0))
        if rows.isEmpty {
            buffer.write(empty, x: left.x + 2, y: left.y + 1, maxWidth: left.width - 2, style: theme[.textMuted])
        } else {
            let specs = columns.map { title in
                switch title {
                case "Severity": TableColumn(title: title, width: 8, minWidth: 6)
                case "Finding": TableColumn(title: title, width: 18, minWidth: 10)
                case "Where" where columns.contains("Reason"): TableColumn(title: title, minWidth: 10, flex: 1)
                case "Invites", "Keys", "Places", "2FA": TableColumn(title: title, width: 7, minWidth: 4)
                case "Provider": TableColumn(title: title, width: 10, minWidth: 8)
                case "Kind", "Status": TableColumn(title: title, width: 12, minWidth: 8)
                case "Reason", "Email": TableColumn(title: title, minWidth: 16, flex: 3)
                case "Providers": TableColumn(title: title, width: 28, minWidth: 10)
                case "Where", "Role", "Highest role", "Name": TableColumn(title: title, minWidth: 10, flex: 2)
                default: TableColumn(title: title, minWidth: 8, flex: 1)
                }
            }
            TableWidget(
                columns: specs, rowCount: rows.count, selected: table.selected, offset: table.offset,
                cell: { row, column in
                    let text = rows[row].indices.contains(column) ? rows[row][column] : ""
                    let style = column == 0 ? severity.map { theme[role(of: $0(row))] } : nil
                    return (TextSanitizer.sanitize(text).text, style)
                },
                flag: { row in rows[row].contains { TextSanitizer.sanitize($0).hasHazards } }
            ).render(into: &buffer, area: left, theme: theme)
        }
        if right.width > 0 {
            DetailPanel.draw(detail.map { TextSanitizer.sanitize($0).text }, into: &buffer, area: right, theme: theme)
        }
    }

    /// "1 key", "2 keys".
    static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    static func role(of severity: RiskFinding.Severity) -> ThemeRole {
        switch severity {
        case .high: .statusError
        case .medium: .statusWarn
        case .low: .textMuted
        }
    }

    private static func personSummary(_ person: Person) -> [String] {
        ["Email: \(person.email)", "Name: \(person.name ?? "")"]
            + person.memberships.map {
                "\($0.provider.displayName) · \($0.place): \($0.member.roles.map(\.name).joined(separator: ", "))"
            }
            + person.invitations.map { "\($0.provider.displayName) · \($0.place): invited" }
            + person.keys.map { "\($0.provider.displayName) · \($0.token.kind.rawValue) '\($0.token.name)'" }
    }

    private static func findingDetail(_ finding: RiskFinding) -> [String] {
        [
            "Severity: \(finding.severity.label)", "Finding: \(finding.kind.rawValue)", "Profile: \(finding.profile)",
            "Where: \(finding.place)", "Subject: \(finding.subject)", "Reason: \(finding.reason)",
            "Pane: \(finding.pane.title)", "Row: \(finding.rowID ?? "—")", "Fix: \(finding.fixActionID ?? "—")",
        ]
    }
}
