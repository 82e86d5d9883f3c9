import Foundation

/// What an audit log view or `audit list` narrows the log to: a date window (asked of the server) and text an
/// entry's actor, action and resource must contain (case-insensitive; asked of the server too where it can match
/// exactly).
public struct AuditFilter: Sendable, Hashable {
    /// Entries at or after this date ("2026-11-01" or RFC 3339).
    public var since: String?
    /// Entries before this date.
    public var before: String?
    public var actor: String?
    public var action: String?
    public var resource: String?

    public init(
        since: String? = nil, before: String? = nil, actor: String? = nil, action: String? = nil,
        resource: String? = nil
    ) {
        self.since = since
        self.before = before
        self.actor = actor
        self.action = action
        self.resource = resource
    }

    /// Whether nothing narrows the log.
    public var isEmpty: Bool { self == AuditFilter() }

    /// Whether `entry` passes the text filters (and the `before` bound, when its time is known).
    public func matches(_ entry: AuditEntry) -> Bool {
        if let before, let end = Timestamp.parse(before), let when = entry.when, when >= end { return false }
        for (wanted, text) in [(actor, entry.actor), (action, entry.action), (resource, entry.resource)] {
            if let wanted, !wanted.isEmpty, !text.localizedCaseInsensitiveContains(wanted) { return false }
        }
        return true
    }

    /// The filter as a cache-key query and a title: `since=…&actor=…`.
    public var query: String {
        [("since", since), ("before", before), ("actor", actor), ("action", action), ("resource", resource)]
            .compactMap { name, value in value.map { "\(name)=\($0)" } }.joined(separator: "&")
    }

    /// The filter in words, for a title: "since 2026-11-01 · actor alex".
    public var summary: String {
        [("since", since), ("before", before), ("actor", actor), ("action", action), ("resource", resource)]
            .compactMap { name, value in value.map { "\(name) \($0)" } }.joined(separator: " · ")
    }
}

extension PagedList {
    /// The same list keeping only the items `isIncluded` accepts, page by page (a page may come back shorter).
    public func filterItems(_ isIncluded: @escaping @Sendable (Item) -> Bool) -> PagedList<Item> {
        mapPageItems { items in items.filter(isIncluded) }
    }
}
