import APICore
import TUIKit

/// The invite form and the role picker: a list of roles with check boxes (several) or radio marks (one).
enum RoleFormDrawing {
    static func drawInvite(_ form: InviteForm, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let place =
            form.scope.leaf.map { "\($0.kind.rawValue) \(TextSanitizer.sanitize($0.name).text)" } ?? "the organization"
        var lines: [(String, ThemeRole)] = [
            ("Invite to \(place)", .textPrimary), ("", .textPrimary),
            (
                "Email: " + TextSanitizer.sanitize(form.email).text + (form.editingEmail ? "▏" : ""),
                form.editingEmail ? .filter : .textPrimary
            ),
            ("", .textPrimary), (form.picker.multiple ? "Roles (Space ticks):" : "Role:", .textMuted),
        ]
        lines += roleLines(form.picker, focused: !form.editingEmail, height: area.height - 12)
        ModalWidget(
            title: "Invite member", lines: lines, buttons: ["Tab email/roles", "Enter invite", "Esc cancel"],
            selectedButton: nil, width: min(area.width - 4, 72)
        )
        .render(into: &buffer, area: area, theme: theme)
    }

    static func drawPicker(
        _ picker: RolePicker, showsPermissions: Bool, into buffer: inout Buffer, area: Rect, theme: Theme
    ) {
        var lines: [(String, ThemeRole)] = [
            (
                "\(picker.assignments ? "Role assignments" : "Roles") of \(TextSanitizer.sanitize(picker.memberEmail).text)",
                .textPrimary
            ), ("", .textPrimary),
        ]
        lines += roleLines(picker.picker, focused: true, height: area.height - 10)
        let added = picker.added.map { TextSanitizer.sanitize($0.name).text }
        let removed = picker.removed.map { TextSanitizer.sanitize($0.name).text }
        lines.append(("", .textPrimary))
        lines.append(
            (
                added.isEmpty ? "+ nothing added" : "+ " + added.joined(separator: ", "),
                added.isEmpty ? .textMuted : .statusOK
            ))
        lines.append(
            (
                removed.isEmpty ? "− nothing removed" : "− " + removed.joined(separator: ", "),
                removed.isEmpty ? .textMuted : .danger
            ))
        let keys = picker.picker.multiple ? "Space tick" : "j/k choose"
        ModalWidget(
            title: picker.assignments ? "Role assignments" : "Change roles", lines: lines,
            buttons: [keys] + (showsPermissions ? ["i permissions"] : []) + ["Enter apply", "Esc cancel"],
            selectedButton: nil,
            width: min(area.width - 4, 72)
        )
        .render(into: &buffer, area: area, theme: theme)
    }

    /// The visible window of the role list around the cursor.
    private static func roleLines(_ choice: RoleChoice, focused: Bool, height: Int) -> [(String, ThemeRole)] {
        let visible = max(3, height)
        let start = max(0, min(choice.cursor - visible / 2, choice.roles.count - visible))
        return choice.roles.indices.dropFirst(start).prefix(visible).map { index in
            let role = choice.roles[index]
            let ticked = choice.chosen.contains(role.id)
            let mark = choice.multiple ? (ticked ? "[x]" : "[ ]") : (ticked ? "(•)" : "( )")
            let cursor = focused && index == choice.cursor ? "▶ " : "  "
            let description = role.description.map { " — " + TextSanitizer.sanitize($0).text } ?? ""
            return (
                cursor + mark + " " + TextSanitizer.sanitize(role.name).text + description,
                focused && index == choice.cursor ? .selection : .textPrimary
            )
        }
    }
}
