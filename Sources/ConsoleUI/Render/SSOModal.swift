import APICore
import ConsoleModel
import TUIKit

/// The SSO connection of an organization, and the form that enables it.
enum SSOModal {
    static func draw(_ model: ScreenModel, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let organization = TextSanitizer.sanitize(model.sso.organization ?? "the organization").text
        var lines: [(String, ThemeRole)] = []
        var buttons = ["Esc close"]
        switch model.sso.state {
        case .idle, .loading:
            lines = [("Loading the SSO connection…", .textMuted)]
        case .off:
            lines = [("SSO is off: members sign in with their own accounts.", .textPrimary)]
            buttons = ["e enable", "Esc close"]
        case .on(let connection):
            lines = [("SSO is on", .statusOK), ("", .textPrimary)]
            let fields: [(String, String?)] = [
                ("Issuer", connection.issuer), ("Client id", connection.clientID),
                ("Client secret", connection.clientSecretIsSet ? "set (never shown)" : "not set"),
                ("Authorization", connection.authorizationEndpoint), ("Token endpoint", connection.tokenEndpoint),
                ("Userinfo", connection.userinfoEndpoint),
                ("Scopes", connection.scopes.isEmpty ? nil : connection.scopes.joined(separator: " ")),
                ("Updated", connection.updatedOn.map { String(Timestamp.format($0).prefix(10)) }),
            ]
            for (label, value) in fields {
                guard let value else { continue }
                lines.append(
                    (DisplayWidth.pad(label + ":", toWidth: 16) + TextSanitizer.sanitize(value).text, .textPrimary))
            }
            buttons = ["e change", "x disable", "r refresh", "Esc close"]
        case .failed(let message):
            lines = [("Could not read the SSO connection: \(message)", .statusError)]
            buttons = ["r retry", "Esc close"]
        }
        if model.sso.isBusy {
            lines.append(("", .textPrimary))
            lines.append(("⧗ waiting for the server…", .textMuted))
        }
        ModalWidget(
            title: "SSO · \(organization)", lines: lines, buttons: buttons, selectedButton: nil,
            width: min(area.width - 4, 76)
        )
        .render(into: &buffer, area: area, theme: theme)
    }

    static func drawForm(_ form: SSOForm, into buffer: inout Buffer, area: Rect, theme: Theme) {
        var lines: [(String, ThemeRole)] = form.fields.enumerated().map { index, field in
            let focused = index == form.focus
            let value =
                field == .clientSecret ? form.maskedSecret : TextSanitizer.sanitize(form.text(field)).text
            return (
                (focused ? "▶ " : "  ") + DisplayWidth.pad(field.label + ":", toWidth: 16) + value
                    + (focused ? "▏" : ""), focused ? .filter : .textPrimary
            )
        }
        lines.append(("", .textPrimary))
        lines.append(
            (
                form.original == nil
                    ? "The client secret may stay empty and be set later; it is never shown."
                    : "An empty endpoint clears it; the client secret stays unless you type a new one.", .textMuted
            ))
        ModalWidget(
            title: form.original == nil ? "Enable SSO" : "Change SSO", lines: lines,
            buttons: ["Tab next field", form.original == nil ? "Enter enable" : "Enter save", "Esc back"],
            selectedButton: nil, width: min(area.width - 4, 84)
        )
        .render(into: &buffer, area: area, theme: theme)
    }
}
