import APICore
import TUIKit

/// The optional side panel with every field of the selected row.
enum DetailPanel {
    static func draw(_ lines: [String], into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard area.width > 4, area.height > 2 else { return }
        buffer.fill(area, style: theme[.textPrimary])
        for y in area.y..<(area.y + area.height) {
            buffer.write("│", x: area.x, y: y, style: theme[.border])
        }
        buffer.write("Details", x: area.x + 2, y: area.y, maxWidth: area.width - 3, style: theme[.tableHeader])
        for (index, line) in lines.prefix(area.height - 1).enumerated() {
            buffer.write(
                line, x: area.x + 2, y: area.y + 1 + index, maxWidth: area.width - 3, style: theme[.textPrimary])
        }
    }
}

/// Token fields beyond the table columns: policies and IP conditions.
enum TokenDetails {
    static func lines(_ token: Token?) -> [String] {
        guard let token else { return [] }
        var lines = ["ID: \(TextSanitizer.sanitize(token.id).text)"]
        for policy in token.policies {
            let groups = policy.permissionGroups.map { TextSanitizer.sanitize($0).text }.joined(separator: ", ")
            lines.append("\(policy.allows ? "allow" : "deny"): \(groups)")
            for resource in policy.resources { lines.append("  on \(TextSanitizer.sanitize(resource).text)") }
        }
        // IP ranges are API text like any other: through the sanitizer.
        if !token.allowedIPRanges.isEmpty {
            lines.append(
                "IP in: " + token.allowedIPRanges.map { TextSanitizer.sanitize($0).text }.joined(separator: ", "))
        }
        if !token.deniedIPRanges.isEmpty {
            lines.append(
                "IP not in: " + token.deniedIPRanges.map { TextSanitizer.sanitize($0).text }.joined(separator: ", "))
        }
        return lines
    }
}
