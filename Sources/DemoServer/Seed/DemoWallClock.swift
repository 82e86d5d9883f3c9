import Foundation

/// The server's "now" at run time (last use of a token, expiry, dates of new records): the real clock, or one
/// frozen at `DemoServerConfiguration.frozenNow` so a test's screens are the same every day.
struct DemoWallClock: Sendable {
    /// The date the clock stands at; nil follows the real clock.
    var frozen: Date? = nil

    /// The current date.
    func now() -> Date { frozen ?? Date() }
}
