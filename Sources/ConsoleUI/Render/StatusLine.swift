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
            buffer.write(
                text, x: x, y: area.y, maxWidth: max(0, area.width - (x - area.x)),
                style: theme[noticeRole(notice.level)])
        }
    }

    static func drawHints(_ model: ScreenModel, into buffer: inout Buffer, area: Rect, theme: Theme) {
        buffer.fill(area, style: theme[.textPrimary])
        if let hints = LensView.hints(model.state) {
            buffer.write(" " + hints, x: area.x, y: area.y, maxWidth: area.width, style: theme[.keyHint])
            return
        }
        if model.state.editingFilter {
            TextFieldWidget(prompt: "/", text: filterText(model), cursor: filterText(model).count)
                .render(into: &buffer, area: area, theme: theme)
            return
        }
        let hints = model.keyMap.hints(in: model.actionContext)
        buffer.write(
            " " + hints.joined(separator: "  "), x: area.x, y: area.y, maxWidth: area.width, style: theme[.keyHint])
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
