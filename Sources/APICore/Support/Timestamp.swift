import Foundation

/// Parses and formats the RFC 3339 timestamps the APIs send, with or without fractional seconds.
public enum Timestamp {
    /// The date of an RFC 3339 string, or nil when it is not one.
    public static func parse(_ text: String?) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        if let date = try? Date(text, strategy: fractional) { return date }
        if let date = try? Date(text, strategy: whole) { return date }
        return try? Date(text, strategy: dayOnly)
    }

    /// The RFC 3339 form of a date in UTC, with whole seconds ("2024-01-31T12:00:00Z").
    public static func format(_ date: Date) -> String {
        date.formatted(whole)
    }

    private static let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let whole = Date.ISO8601FormatStyle()
    private static let dayOnly = Date.ISO8601FormatStyle().year().month().day()
}
