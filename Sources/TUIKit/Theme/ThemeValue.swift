/// A value in a theme file's role table (`fg = "accent"`, `bold = true`, `fg = 208`), as plain Swift.
///
/// The TOML reader lives elsewhere; it hands `Theme.parse` these values, so this target needs no TOML library.
public enum ThemeValue: Sendable, Hashable {
    /// A string: a colour spec or a palette name.
    case string(String)
    /// A boolean attribute.
    case bool(Bool)
    /// An integer: a palette index 0–255.
    case integer(Int)
    /// Anything else (array, table, date); carries a description for the warning.
    case unsupported(String)
}

extension ThemeValue: ExpressibleByStringLiteral {
    /// `"accent"`.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension ThemeValue: ExpressibleByBooleanLiteral {
    /// `true`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension ThemeValue: ExpressibleByIntegerLiteral {
    /// `208`.
    public init(integerLiteral value: Int) { self = .integer(value) }
}
