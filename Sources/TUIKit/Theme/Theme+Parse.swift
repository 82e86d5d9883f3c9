extension Theme {
    /// The attribute keys a role table may hold.
    static let roleKeys: Set<String> = ["fg", "bg", "foreground", "background", "bold", "dim", "underline", "reverse"]

    /// Builds a theme from a theme file's contents, given as plain values; never fails.
    ///
    /// `palette` maps names to colour specs ("#rrggbb", "color123", "red", "bright-blue", "default"); `roles` maps
    /// role keys ("tab.active") to attributes: `fg`/`bg` (a palette name, a colour spec or an index) and the booleans
    /// `bold`, `dim`, `underline`, `reverse`. A role's attributes override `base`'s style for that role, and
    /// roles the file leaves out keep `base`'s. Every unknown role, attribute, colour or wrong value type becomes a
    /// warning naming the key; the rest of the file still applies. Warnings come sorted by key.
    public static func parse(
        name: String, palette: [String: String], roles: [String: [String: ThemeValue]], base: Theme = .defaultDark
    ) -> (theme: Theme, warnings: [String]) {
        var warnings: [String] = []
        var colors: [String: TerminalColor] = [:]
        for (key, spec) in palette.sorted(by: { $0.key < $1.key }) {
            if let color = TerminalColor(spec: spec) {
                colors[key.lowercased()] = color
            } else {
                warnings.append("palette.\(key): unknown colour \"\(spec)\"")
            }
        }
        var theme = Theme(
            name: name, styles: Dictionary(uniqueKeysWithValues: ThemeRole.allCases.map { ($0, base[$0]) }))
        for (key, attributes) in roles.sorted(by: { $0.key < $1.key }) {
            guard let role = ThemeRole(rawValue: key) else {
                warnings.append("roles: unknown role \"\(key)\"")
                continue
            }
            var style = theme[role]
            for (attribute, value) in attributes.sorted(by: { $0.key < $1.key }) {
                let path = "\(key).\(attribute)"
                switch (attribute, value) {
                case ("fg", _), ("foreground", _), ("bg", _), ("background", _):
                    guard let color = color(value, palette: colors, path: path, warnings: &warnings) else { continue }
                    if attribute.hasPrefix("f") { style.foreground = color } else { style.background = color }
                case ("bold", .bool(let on)): style.bold = on
                case ("dim", .bool(let on)): style.dim = on
                case ("underline", .bool(let on)): style.underline = on
                case ("reverse", .bool(let on)): style.reverse = on
                case ("bold", _), ("dim", _), ("underline", _), ("reverse", _):
                    warnings.append("\(path): expected true or false")
                default:
                    warnings.append("\(path): unknown attribute \"\(attribute)\"")
                }
            }
            theme.styles[role] = style
        }
        return (theme, warnings)
    }

    private static func color(
        _ value: ThemeValue, palette: [String: TerminalColor], path: String, warnings: inout [String]
    ) -> TerminalColor? {
        switch value {
        case .string(let text):
            if let named = palette[text.lowercased()] { return named }
            if let color = TerminalColor(spec: text) { return color }
            warnings.append("\(path): unknown colour \"\(text)\" (not in the palette, not a colour)")
            return nil
        case .integer(let index):
            if let index = UInt8(exactly: index) { return .indexed(index) }
            warnings.append("\(path): colour index \(index) is outside 0–255")
            return nil
        case .bool, .unsupported:
            warnings.append("\(path): expected a colour name, \"#rrggbb\" or an index")
            return nil
        }
    }
}
