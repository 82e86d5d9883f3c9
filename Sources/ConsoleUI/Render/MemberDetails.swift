import APICore
import TUIKit

/// Member fields beyond the table columns: every role with what it grants.
enum MemberDetails {
    static func lines(_ member: Member?) -> [String] {
        guard let member else { return [] }
        var lines = ["ID: \(TextSanitizer.sanitize(member.id).text)"]
        if member.roles.isEmpty { lines.append("Roles: none") }
        for role in member.roles {
            lines.append("Role \(TextSanitizer.sanitize(role.name).text)")
            if let description = role.description, !description.isEmpty {
                lines.append("  \(TextSanitizer.sanitize(description).text)")
            }
            for permission in role.permissions { lines.append("  · \(TextSanitizer.sanitize(permission).text)") }
        }
        return lines
    }
}
