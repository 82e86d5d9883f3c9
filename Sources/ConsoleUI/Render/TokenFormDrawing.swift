import APICore
import TUIKit

/// The token create / edit form: one line per field, the filterable permission picker under its line.
enum TokenFormDrawing {
    static func draw(_ form: TokenForm, into buffer: inout Buffer, area: Rect, theme: Theme) {
        var lines: [(String, ThemeRole)] = []
        for (index, field) in form.fields.enumerated() {
            let focused = index == form.focus
            let value: String
            switch field {
            case .permissions:
                let picked =
                    form.chosenGroups.map { TextSanitizer.sanitize($0.name).text }
                    + form.deniedGroups.map { "not " + TextSanitizer.sanitize($0.name).text }
                value = picked.isEmpty ? "none picked" : picked.joined(separator: ", ")
            case .resources:
                switch form.resources {
                case .allAccounts: value = "every account of yours"
                case .scopedAccount: value = "this account only"
                case .account(let id): value = "account \(TextSanitizer.sanitize(id).text) only"
                }
            case .status: value = form.enabled ? "active" : "disabled"
            default: value = TextSanitizer.sanitize(form.text(field)).text + (focused ? "▏" : "")
            }
            lines.append(
                (
                    (focused ? "▶ " : "  ") + DisplayWidth.pad(field.label + ":", toWidth: 13) + value,
                    focused ? .filter : .textPrimary
                ))
            if field == .permissions && focused {
                lines += pickerLines(form, height: max(3, area.height - form.fields.count - 10))
            }
        }
        lines.append(("", .textPrimary))
        lines.append(
            ("Dates: YYYY-MM-DD · IP ranges: CIDRs · Space: allow [x], again: deny [-], again: off", .textMuted))
        let title: String
        if case .edit(_, let token) = form.mode {
            title = "Edit token '\(TextSanitizer.sanitize(token.name).text)'"
        } else {
            title = "Create token"
        }
        ModalWidget(
            title: title, lines: lines, buttons: ["Tab field", "Enter save", "Esc cancel"], selectedButton: nil,
            width: min(area.width - 4, 76)
        )
        .render(into: &buffer, area: area, theme: theme)
    }

    private static func pickerLines(_ form: TokenForm, height: Int) -> [(String, ThemeRole)] {
        var lines: [(String, ThemeRole)] = [
            ("    filter: " + TextSanitizer.sanitize(form.groupFilter).text + "▏", .filter)
        ]
        let visible = form.filteredGroups
        if visible.isEmpty { return lines + [("    no permission matches", .textMuted)] }
        let start = max(0, min(form.groupCursor - height / 2, visible.count - height))
        for index in visible.indices.dropFirst(start).prefix(height) {
            let group = visible[index]
            let mark = form.chosen.contains(group.id) ? "[x]" : form.denied.contains(group.id) ? "[-]" : "[ ]"
            let cursor = index == form.groupCursor ? "  ▶ " : "    "
            // Each group is bound to resources of its own kind: say which.
            let category =
                (group.category.map { " · " + TextSanitizer.sanitize($0).text } ?? "") + " · " + group.appliesTo.plural
            lines.append(
                (
                    cursor + mark + " " + TextSanitizer.sanitize(group.name).text + category,
                    index == form.groupCursor ? .selection : .textPrimary
                ))
        }
        return lines
    }
}
