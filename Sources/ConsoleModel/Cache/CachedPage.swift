import APICore

/// A page as the cache hands it out: the page, and whether it is fresh or served stale while it revalidates.
public struct CachedPage<Item: Sendable>: Sendable {
    public var page: Page<Item>
    public var freshness: Freshness

    public init(page: Page<Item>, freshness: Freshness) {
        self.page = page
        self.freshness = freshness
    }
}

/// How current a cached page is.
public enum Freshness: Sendable, Hashable {
    /// Loaded just now, or within the TTL.
    case fresh
    /// Older than the TTL: shown at once while a background request revalidates it.
    case stale
}

/// Whether a read may be answered from the cache.
public enum CachePolicy: Sendable, Hashable {
    /// Fresh pages are served with no request; stale ones at once, revalidated in the background.
    case useCache
    /// Always ask the server (the `r` key); the answer replaces the cached page.
    case reload
}
