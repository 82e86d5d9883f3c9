import APICore
import Foundation

/// Turns offsets from the reference "now" into RFC 3339 strings for seeded records.
struct SeedClock: Sendable {
    let now: Date

    /// The timestamp `days`, `hours` and `minutes` before now.
    func ago(days: Int = 0, hours: Int = 0, minutes: Int = 0, seconds: Int = 0) -> String {
        Timestamp.format(date(days: -days, hours: -hours, minutes: -minutes, seconds: -seconds))
    }

    /// The timestamp `days` and `hours` after now.
    func ahead(days: Int = 0, hours: Int = 0) -> String {
        Timestamp.format(date(days: days, hours: hours))
    }

    /// The date at the given offset from now.
    func date(days: Int = 0, hours: Int = 0, minutes: Int = 0, seconds: Int = 0) -> Date {
        now.addingTimeInterval(TimeInterval(((days * 24 + hours) * 60 + minutes) * 60 + seconds))
    }
}
