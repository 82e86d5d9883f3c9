import TUIKit

/// Turns a theme file's TOML document into a `Theme`, collecting a warning for every key it cannot use.
///
/// A role's table is the role's whole style: what it leaves out is off (the terminal's own colour, no attribute),
/// so a file reads the same whatever theme was active before. A role the file does not mention at all keeps
/// `Theme.defaultDark`'s style, so a partial theme still has a visible selection.
enum ThemeFile {
    /// The top-level tables a theme file may hold.
    static let tables: Set<String> = ["palette", "roles"]

    static func theme(from document: [String: TOMLDocument.Value], name: String) -> LoadedTheme {
        var warnings: [String] = []
        for key in document.keys.sorted() where !tables.contains(key) {
            warnings.append("unknown top-level key \"\(key)\" (a theme has [palette] and [roles])")
        }
        let palette = palette(document["palette"], warnings: &warnings)
        let roles = roles(document["roles"], warnings: &warnings)
        let blank = Theme(name: name, styles: Dictionary(uniqueKeysWithValues: ThemeRole.allCases.map { ($0, .plain) }))
        var (theme, parseWarnings) = Theme.parse(name: name, palette: palette, roles: roles, base: blank)
        for role in ThemeRole.allCases where roles[role.rawValue] == nil {
            theme.styles[role] = Theme.defaultDark[role]
        }
        return LoadedTheme(theme: theme, warnings: warnings + parseWarnings)
    }

    private static func palette(_ value: TOMLDocument.Value?, warnings: inout [String]) -> [String: String] {
        guard let value else { return [:] }
        guard case .table(let entries) = value else {
            warnings.append("palette: expected a table of colours, found a \(value.typeName)")
            return [:]
        }
        var palette: [String: String] = [:]
        for (key, entry) in entries.sorted(by: { $0.key < $1.key }) {
            switch entry {
            case .string(let spec): palette[key] = spec
            case .integer(let index): palette[key] = "color\(index)"
            default:
                warnings.append(
                    "palette.\(key): expected a colour (\"#rrggbb\", \"color123\", \"red\"), found a \(entry.typeName)")
            }
        }
        return palette
    }

    /// Role tables by role key. `[roles."text.primary"]`, `"text.primary" = { … }` and the unquoted
    /// `text.primary = { … }` (which TOML nests as `text` → `primary`) all name the same role.
    static func roles(_ value: TOMLDocument.Value?, warnings: inout [String]) -> [String: [String: ThemeValue]] {
        guard let value else { return [:] }
        guard case .table(let entries) = value else {
            warnings.append("roles: expected a table of roles, found a \(value.typeName)")
            return [:]
        }
        var roles: [String: [String: ThemeValue]] = [:]
        for (key, entry) in entries.sorted(by: { $0.key < $1.key }) {
            guard case .table(let attributes) = entry else {
                warnings.append(
                    "roles.\(key): expected a table like { fg = \"…\", bold = true }, found a \(entry.typeName)")
                continue
            }
            collect(role: key, attributes: attributes, into: &roles)
        }
        return roles
    }

    private static func collect(
        role key: String, attributes: [String: TOMLDocument.Value], into roles: inout [String: [String: ThemeValue]]
    ) {
        var own: [String: ThemeValue] = [:]
        for (attribute, value) in attributes {
            if case .table(let nested) = value {
                collect(role: "\(key).\(attribute)", attributes: nested, into: &roles)
            } else {
                own[attribute] = themeValue(value)
            }
        }
        // `text` in `text.primary = { … }` is only a path, not a role of its own.
        let isOnlyAPath = own.isEmpty && !attributes.isEmpty
        if !isOnlyAPath { roles[key] = own }
    }

    private static func themeValue(_ value: TOMLDocument.Value) -> ThemeValue {
        switch value {
        case .string(let text): .string(text)
        case .bool(let flag): .bool(flag)
        case .integer(let number): .integer(number)
        default: .unsupported(value.typeName)
        }
    }
}
