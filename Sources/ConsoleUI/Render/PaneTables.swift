import APICore
import ConsoleModel
import TUIKit

/// How each pane's rows become a table: column sizes, cell styles, and sanitized text.
enum PaneTables {
    static func accounts(_ model: ScreenModel) -> PaneTable<Account> {
        PaneTable(
            snapshot: model.accounts, columns: Columns.accounts,
            specs: [flex(3, min: 16), fixed(10), fixed(9), fixed(10), flex(2, min: 12)],
            role: { account, column in
                column == "2fa" && account.enforcesTwoFactor == true ? .statusOK : nil
            })
    }

    static func members(_ model: ScreenModel) -> PaneTable<Member> {
        PaneTable(
            snapshot: model.members, columns: Columns.members,
            specs: [flex(3, min: 16), flex(2, min: 10), fixed(9), flex(3, min: 12), fixed(4)],
            role: { member, column in
                switch column {
                case "status": statusRole(member.status.label)
                case "roles": roleRole(member.roles.lazy.map { $0.tier }.max())
                case "2fa": member.twoFactorEnabled == false ? .statusWarn : nil
                default: nil
                }
            })
    }

    static func tokens(_ model: ScreenModel) -> PaneTable<Token> {
        let own = model.signedInTokenID
        let busy = model.busyTokenIDs
        return PaneTable(
            snapshot: model.tokens, columns: Columns.tokens,
            specs: [flex(3, min: 16), fixed(9), fixed(10), fixed(10), flex(1, min: 8)],
            role: { token, column in
                column == "status" ? statusRole(token.status.label) : nil
            },
            decorate: { token, column, text in
                guard column == "name" else { return text }
                let marks = (token.id == own ? " ◀ signed in" : "") + (busy.contains(token.id) ? " ⏳" : "")
                return text + marks
            })
    }

    static func invitations(_ model: ScreenModel) -> PaneTable<Invitation> {
        PaneTable(
            snapshot: model.invitations, columns: Columns.invitations,
            specs: [flex(3, min: 14), fixed(9), flex(2, min: 10), flex(2, min: 12), fixed(10)],
            role: { invitation, column in
                column == "status" ? statusRole(invitation.status.label) : nil
            })
    }

    static func statusRole(_ label: String) -> ThemeRole? {
        switch label {
        case "active", "accepted": .statusOK
        case "pending": .statusWarn
        case "disabled", "expired", "rejected", "revoked": .textMuted
        default: .statusError
        }
    }

    static func roleRole(_ tier: RoleTier?) -> ThemeRole? {
        switch tier {
        case .owner: .roleOwner
        case .admin: .roleAdmin
        case .member: .roleMember
        case .viewer: .roleViewer
        case nil: nil
        }
    }

    private static func flex(_ share: Int, min: Int) -> TableColumn {
        TableColumn(title: "", width: 0, minWidth: min, flex: share, alignment: .left)
    }

    private static func fixed(_ width: Int) -> TableColumn {
        TableColumn(title: "", width: width, minWidth: width, flex: 0, alignment: .left)
    }
}

/// One pane's table: the rows of a snapshot drawn through sanitized cells.
struct PaneTable<Row: Sendable> {
    let snapshot: ListSnapshot<Row>
    let columns: [ListColumn<Row>]
    let specs: [TableColumn]
    let role: (Row, String) -> ThemeRole?
    var decorate: ((Row, String, String) -> String)? = nil

    /// Draws the table; the offset keeps the selection in view.
    func render(into buffer: inout Buffer, area: Rect, theme: Theme, offset: Int) {
        let rows = snapshot.rows
        var specs = specs
        for index in specs.indices where index < columns.count { specs[index].title = columns[index].title }
        let table = TableWidget(
            columns: specs, rowCount: rows.count, selected: snapshot.selectedIndex, offset: offset,
            cell: { row, column in
                let item = rows[row]
                let id = columns[column].id
                let clean = TextSanitizer.sanitize(columns[column].text(item))
                let text = decorate?(item, id, clean.text) ?? clean.text
                return (text, role(item, id).map { theme[$0] })
            },
            flag: { row in
                let item = rows[row]
                return columns.contains { TextSanitizer.sanitize($0.text(item)).hasHazards }
            })
        table.render(into: &buffer, area: area, theme: theme)
    }

    /// The label:value lines of the detail panel for the selected row.
    func details() -> [String] {
        guard let row = snapshot.selectedRow else { return [] }
        return columns.map { "\($0.title): \(TextSanitizer.sanitize($0.text(row)).text)" }
    }
}
