import APICore
import ConsoleModel
import TUIKit

/// Help, palette, confirmations, the token menu and the secret modal, drawn over the body.
enum Overlays {
    static func draw(_ model: ScreenModel, into buffer: inout Buffer, area: Rect, theme: Theme) {
        switch model.state.overlay {
        case nil:
            return
        case .help:
            drawHelp(model, into: &buffer, area: area, theme: theme)
        case .palette(let text, let selected):
            drawPalette(model, text: text, selected: selected, into: &buffer, area: area, theme: theme)
        case .confirm(let dialog):
            var lines = dialog.lines.map { ($0, dialog.isDangerous ? ThemeRole.danger : ThemeRole.textPrimary) }
            if let name = dialog.typedNameRequired {
                lines.append(("", .textPrimary))
                // The name is API text (a hostile one stays inert here too); what was typed is the user's.
                lines.append(("Type the name to confirm: \(TextSanitizer.sanitize(name).text)", .textMuted))
                lines.append(
                    ("> " + TextSanitizer.sanitize(dialog.typed).text + "▏", dialog.nameMatches ? .statusOK : .filter))
            } else {
                lines.append(("", .textPrimary))
                lines.append(("y confirm · n or Esc cancel", .textMuted))
            }
            ModalWidget(
                title: dialog.title, lines: lines, buttons: ["Cancel", dialog.confirmLabel],
                selectedButton: dialog.confirmFocused ? 1 : 0, width: min(area.width - 4, 72)
            ).render(into: &buffer, area: area, theme: theme)
        case .tokenMenu(let tokenID, let items, let selected):
            let token = model.tokens.rows.first { $0.id == tokenID }
            let enabled = token?.status == .active
            let entries = items.map {
                (
                    label: $0.label(enabled: enabled), hint: String?.some(String($0.key)),
                    enabled: !model.readOnly || $0 == .details
                )
            }
            let kind = token?.kind.rawValue.capitalized ?? "Token"
            MenuWidget(
                title: "\(kind) '\(TextSanitizer.sanitize(token?.name ?? tokenID).text)'", items: entries,
                selected: selected
            )
            .render(into: &buffer, area: area, theme: theme)
        case .rotation:
            RotationModal.draw(model, into: &buffer, area: area, theme: theme)
        case .invite(let form):
            RoleFormDrawing.drawInvite(form, into: &buffer, area: area, theme: theme)
        case .roles(let picker):
            RoleFormDrawing.drawPicker(
                picker, showsPermissions: model.capabilities.contains(.readRoles) && !picker.assignments,
                into: &buffer, area: area, theme: theme)
        case .sso:
            SSOModal.draw(model, into: &buffer, area: area, theme: theme)
        case .ssoForm(let form):
            SSOModal.drawForm(form, into: &buffer, area: area, theme: theme)
        case .accountForm(let form):
            AccountFormDrawing.draw(form, into: &buffer, area: area, theme: theme)
        case .accountMove(let picker):
            RecordsView.draw(model, view: RecordViewState(), into: &buffer, area: area, theme: theme)
            AccountMoveDrawing.draw(picker, into: &buffer, area: area, theme: theme)
        case .tokenForm(let form):
            TokenFormDrawing.draw(form, into: &buffer, area: area, theme: theme)
        case .records(let view):
            RecordsView.draw(model, view: view, into: &buffer, area: area, theme: theme)
        case .people, .person, .risks, .offboarding:
            LensView.draw(model, into: &buffer, area: area, theme: theme)
        case .profileForm(let form):
            RecordsView.draw(model, view: RecordViewState(), into: &buffer, area: area, theme: theme)
            ProfileFormDrawing.draw(form, into: &buffer, area: area, theme: theme)
        case .secret:
            guard let reveal = model.reveal else { return }
            var lines: [(String, ThemeRole)] = [
                (
                    "New secret of '\(TextSanitizer.sanitize(reveal.tokenName).text)' — shown once, never stored:",
                    .textPrimary
                ),
                ("", .textPrimary),
                (reveal.value, .secret),
                ("", .textPrimary),
                (
                    model.revealIsNew
                        ? "Copy it now: it is wiped when this closes, and never shown again."
                        : "The old secret no longer works. Copy it now: it is wiped when this closes.", .statusWarn
                ),
            ]
            if reveal.replacedOwnCredential {
                lines.append(("orgtui was signed in with this token and now uses the new secret;", .statusWarn))
                lines.append(("update it wherever the token is stored (env, password manager).", .statusWarn))
            }
            ModalWidget(
                title: model.revealIsNew ? "Token created" : "Token rolled", lines: lines,
                buttons: ["Esc / Enter close", "c copy (OSC 52)"], selectedButton: 0,
                width: min(area.width - 4, max(60, DisplayWidth.of(reveal.value) + 6))
            )
            .render(into: &buffer, area: area, theme: theme)
        }
    }

    /// Lines of the `?` overlay that fit a terminal of `size` (one more line says what is above or below).
    static func helpRows(for size: Size) -> Int { max(1, size.height - 9) }

    private static func drawHelp(_ model: ScreenModel, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let help = model.keyMap.help(in: model.actionContext)
        let width = min(area.width - 4, 76)
        let rows = helpRows(for: model.state.size)
        let offset = min(model.state.helpOffset, max(0, help.count - rows))
        var lines = help[offset..<min(help.count, offset + rows)].map { line in
            // One row per line, so the window and its scroll count agree with what is drawn.
            (
                DisplayWidth.truncate(
                    DisplayWidth.pad(line.label, toWidth: max(12, DisplayWidth.of(line.label) + 2)) + line.text,
                    toWidth: width - 4), ThemeRole.textPrimary
            )
        }
        let below = help.count - offset - lines.count
        if offset > 0 || below > 0 {
            let position = [offset > 0 ? "↑ \(offset) above" : nil, below > 0 ? "↓ \(below) more" : nil].compactMap {
                $0
            }
            lines.append((position.joined(separator: " · ") + " · j/k PgDn/PgUp scroll", .textMuted))
        }
        ModalWidget(
            title: "Keys · \(model.state.pane.title) · \(model.header.provider.displayName)", lines: lines,
            buttons: ["Esc close"], selectedButton: nil, width: width
        ).render(into: &buffer, area: area, theme: theme)
    }

    private static func drawPalette(
        _ model: ScreenModel, text: String, selected: Int, into buffer: inout Buffer, area: Rect, theme: Theme
    ) {
        let matches = CommandPalette.matches(text, in: model.actionContext, catalogue: model.keyMap.catalogue)
        var lines: [(String, ThemeRole)] = [(": " + text + "▏", .filter)]
        let room = max(1, area.height - 6)
        let first = max(0, min(selected - room + 1, matches.count - room))
        for (index, action) in matches.enumerated().dropFirst(first).prefix(room) {
            let key = model.keyMap.label(for: action.id)
            let line =
                DisplayWidth.pad(CommandPalette.name(of: action), toWidth: 24) + " " + action.title
                + (key.isEmpty ? "" : "  (\(key))")
            lines.append(((index == selected ? "▶ " : "  ") + line, index == selected ? .selection : .textPrimary))
        }
        if matches.isEmpty { lines.append(("  no matching command", .textMuted)) }
        ModalWidget(
            title: "Command palette", lines: lines, buttons: [], selectedButton: nil, width: min(area.width - 4, 76)
        )
        .render(into: &buffer, area: area, theme: theme)
    }
}
