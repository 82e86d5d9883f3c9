import ConsoleModel
import TUIKit

/// The status line (load state, counts, messages) and the key hints or filter line below it.
enum StatusLine {
    static func draw(_ model: ScreenModel, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let status = model.activeStatus
        let noun = model.state.pane.title.lowercased()
        var left: String
        var role = ThemeRole.textMuted
        switch status.load {
        case .idle:
            left = ""
        case .loading(let page, let of):
            left = "\(Spinner.frame(model.state.tick)) loading page \(page)\(of.map { "/\($0)" } ?? "")"
        case .loaded:
            left = "\(Format.count(status.loaded))\(status.total.map { " of \(Format.count($0))" } ?? "") \(noun)"
            if let pages = status.totalPages, pages > 1 { left += " · \(status.pages)/\(pages) pages" }
        case .stale:
            left = "stale: refreshing…"
            role = .stale
        case .failed(let message):
            left = "error: \(message)"
            role = .statusError
        }
        if !filterText(model).isEmpty {
            left += " · \(Format.count(status.shown)) match /\(TextSanitizer.sanitize(filterText(model)).text)"
        }
        buffer.fill(area, style: theme[.textPrimary])
        let notice = model.state.flash ?? status.placeholder.map { Notice(.info, $0) }
        let leftWidth = buffer.write(" " + left, x: area.x, y: area.y, maxWidth: area.width, style: theme[role])
        if let notice {
            let text = TextSanitizer.sanitize(notice.text, maxLength: 400).text
            let x = area.x + leftWidth + 2
            buffer.write(text, x: x, y: area.y, maxWidth: max(0, area.width - (x - area.x)), style: theme[noticeRole(notice.level)])
        }
    }

    static func drawHints(_ model: ScreenModel, into buffer: inout Buffer, area: Rect, theme: Theme) {
        buffer.fill(area, style: theme[.textPrimary])
        if model.state.editingFilter {
            TextFieldWidget(prompt: "/", text: filterText(model), cursor: filterText(model).count)
                .render(into: &buffer, area: area, theme: theme)
            return
        }
        var hints = paneHints(model) + ["? help", "/ filter", ": palette", "r refresh", "s sort"]
        if !model.scope.isTop { hints.append("Esc back") }
        hints.append("q quit")
        buffer.write(" " + hints.joined(separator: "  "), x: area.x, y: area.y, maxWidth: area.width, style: theme[.keyHint])
    }

    /// The pane's own keys, as far as the provider can do them.
    static func paneHints(_ model: ScreenModel) -> [String] {
        let can = model.capabilities
        var hints: [String] = []
        switch model.state.pane {
        case .accounts:
            hints.append("Enter open")
            if can.contains(.administerAccounts) { hints += ["e edit", "D delete"] }
        case .members:
            // A loaded list with a placeholder is one this server does not have (Keycard without the users
            // endpoint): there are no rows to page, edit or remove, so those keys would be dead.
            let unsupported = model.members.placeholder != nil && model.members.loadState == .loaded
            if !unsupported { hints.append("L load all") }
            if can.contains(.inviteMembers) { hints.append("n invite") }
            if can.contains(.changeMemberRoles), !unsupported { hints.append("e role") }
            if can.contains(.removeMembers), !unsupported { hints.append("D remove") }
        case .tokens:
            let actions = [
                can.contains(.rollTokens) ? "roll" : nil, can.contains(.rotateKeys) ? "rotate" : nil,
                can.contains(.toggleTokens) ? "disable" : nil, can.contains(.deleteTokens) ? "delete" : nil,
            ].compactMap { $0 }
            hints.append("R " + (actions.isEmpty ? "details" : actions.joined(separator: "·")))
            if can.contains(.createTokens) { hints.append("n new") }
            if can.contains(.editTokens) { hints.append("e edit") }
        case .invitations:
            let sent = model.invitationMode == .sent
            if can.contains(.answerInvitations), !sent { hints += ["a accept", "x reject"] }
            if can.contains(.revokeInvitations), sent || !model.hasReceivedInvitations { hints.append("x revoke") }
            if can.contains(.inviteMembers) { hints.append("n invite") }
            if model.hasReceivedInvitations { hints.append("i received/sent") }
        }
        return hints
    }

    static func filterText(_ model: ScreenModel) -> String {
        switch model.state.pane {
        case .accounts: model.accounts.filter
        case .members: model.members.filter
        case .tokens: model.tokens.filter
        case .invitations: model.invitations.filter
        }
    }

    static func noticeRole(_ level: Notice.Level) -> ThemeRole {
        switch level {
        case .info: .textMuted
        case .success: .statusOK
        case .warning: .statusWarn
        case .error: .statusError
        }
    }
}
