import APICore
import TUIKit

/// The organization picker of an account move.
enum AccountMoveDrawing {
    static func draw(_ picker: AccountMovePicker, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let name = TextSanitizer.sanitize(picker.account.name).text
        var lines: [(String, ThemeRole)] = []
        if let refusal = picker.refusal {
            lines.append((TextSanitizer.sanitize(refusal).text, .statusError))
            ModalWidget(
                title: "Move account \(name)", lines: lines, buttons: ["Esc close"], selectedButton: nil,
                width: min(area.width - 4, 72)
            )
            .render(into: &buffer, area: area, theme: theme)
            return
        }
        let now =
            picker.current.map { picker.path(of: $0).map { TextSanitizer.sanitize($0).text }.joined(separator: " › ") }
            ?? TextSanitizer.sanitize(picker.pathError.map { "unknown (\($0))" } ?? "no organization").text
        lines.append(("Now in: " + now, .textMuted))
        lines.append(("", .textPrimary))
        lines.append((picker.organizations.isEmpty ? "No organization to move it to." : "Move it into:", .textPrimary))
        let visible = max(3, area.height - 10)
        let start = max(0, min(picker.cursor - visible / 2, picker.organizations.count - visible))
        for index in picker.organizations.indices.dropFirst(start).prefix(visible) {
            let organization = picker.organizations[index]
            let focused = index == picker.cursor
            let path = picker.path(of: organization).map { TextSanitizer.sanitize($0).text }.joined(separator: " › ")
            let mark = picker.isCurrent(organization) ? "  (current)" : ""
            lines.append(
                (
                    (focused ? "▶ " : "  ") + path + mark,
                    focused ? .selection : picker.isCurrent(organization) ? .textMuted : .textPrimary
                ))
        }
        ModalWidget(
            title: "Move account \(name)", lines: lines, buttons: ["j/k choose", "Enter move", "Esc cancel"],
            selectedButton: nil, width: min(area.width - 4, 72)
        )
        .render(into: &buffer, area: area, theme: theme)
    }
}
