import APICore

/// Loaded pages in memory, shared by every view-model of a session.
///
/// Fresh pages (younger than `freshFor`) are served with no request. Older ones, up to `staleFor`, are served at
/// once marked stale and revalidated in the background; the caller hears of the fresh page through its
/// `revalidated` callback. Concurrent reads of one page share one request; the total number of cached items is
/// bounded (least recently used pages go first); writes invalidate by resource.
public actor PageCache {
    /// Time limits and the item bound.
    public struct Limits: Sendable {
        public var freshFor: Duration
        /// Age after which a page is no longer served at all, even stale.
        public var staleFor: Duration
        public var maxItems: Int

        public init(freshFor: Duration = .seconds(30), staleFor: Duration = .seconds(600), maxItems: Int = 200_000) {
            self.freshFor = freshFor
            self.staleFor = staleFor
            self.maxItems = maxItems
        }
    }

    /// Counters that show the cache at work.
    public struct Statistics: Sendable, Hashable {
        public var freshHits = 0
        public var staleHits = 0
        public var misses = 0
        /// Loads actually started (each one is a request to the server).
        public var loads = 0
        public var evictions = 0
    }

    private struct Entry {
        var page: any Sendable
        var itemCount: Int
        var loadedAt: Duration
        var lastUsed: UInt64
    }

    private struct Flight {
        let id: UInt64
        let task: Task<any Sendable, any Error>
        var waiters: Int
        var cancelledWaiters = 0
        /// A background revalidation keeps running when every foreground waiter has gone.
        var isBackground: Bool
    }

    public let limits: Limits
    private let clock: ElapsedTime
    private var entries: [CacheKey: Entry] = [:]
    private var flights: [CacheKey: Flight] = [:]
    private var tick: UInt64 = 0
    private var nextFlightID: UInt64 = 0
    public private(set) var itemCount = 0
    public private(set) var statistics = Statistics()

    public init(limits: Limits = Limits(), clock: any Clock<Duration> = ContinuousClock()) {
        self.limits = limits
        self.clock = ElapsedTime(clock)
    }

    /// The page for `key`, from the cache when the policy allows, else from `load` (shared with concurrent callers).
    public func page<Item: Sendable>(
        _ key: CacheKey, policy: CachePolicy = .useCache,
        load: @escaping @Sendable () async throws -> Page<Item>,
        revalidated: (@Sendable (Result<Page<Item>, any Error>) async -> Void)? = nil
    ) async throws -> CachedPage<Item> {
        if policy == .useCache, let entry = entries[key], let page = entry.page as? Page<Item> {
            let age = clock.now - entry.loadedAt
            if age < limits.freshFor {
                statistics.freshHits += 1
                touch(key)
                return CachedPage(page: page, freshness: .fresh)
            }
            if age < limits.staleFor {
                statistics.staleHits += 1
                touch(key)
                revalidate(key, load: load, then: revalidated)
                return CachedPage(page: page, freshness: .stale)
            }
            remove(key)
        }
        statistics.misses += 1
        if policy == .reload, let flight = flights[key], !flight.isBackground {
            // A reload must not join a request that started before it was asked for.
            flights[key] = nil
        }
        return CachedPage(page: try await shared(key, load: load, background: false), freshness: .fresh)
    }

    /// Forgets every page of `profile` whose resource matches, including loads under way, so a write is never
    /// followed by data read before it.
    public func invalidate(profile: String, where matches: @Sendable (CachedResource) -> Bool) {
        for key in entries.keys where key.profile == profile && matches(key.resource) { remove(key) }
        for key in flights.keys where key.profile == profile && matches(key.resource) { flights[key] = nil }
    }

    /// Forgets every page of the given resources.
    public func invalidate(profile: String, resources: [CachedResource]) {
        let set = Set(resources)
        invalidate(profile: profile) { set.contains($0) }
    }

    /// Whether a page is cached (fresh or stale), without touching it.
    public func contains(_ key: CacheKey) -> Bool { entries[key] != nil }

    /// Every cached page rendered as text, for checking in tests what the cache holds (never a secret).
    public func contentsDescription() -> String {
        entries.values.map { String(reflecting: $0.page) }.joined(separator: "\n")
    }

    /// Forgets everything.
    public func removeAll() {
        entries.removeAll()
        flights.removeAll()
        itemCount = 0
    }

    // MARK: - Loading

    private func revalidate<Item: Sendable>(
        _ key: CacheKey, load: @escaping @Sendable () async throws -> Page<Item>,
        then revalidated: (@Sendable (Result<Page<Item>, any Error>) async -> Void)?
    ) {
        guard flights[key] == nil else { return }
        let task = startFlight(key, load: load, background: true)
        Task {
            do {
                guard let page = try await task.value as? Page<Item> else { return }
                await revalidated?(.success(page))
            } catch {
                await revalidated?(.failure(error))
            }
        }
    }

    private func shared<Item: Sendable>(
        _ key: CacheKey, load: @escaping @Sendable () async throws -> Page<Item>, background: Bool
    ) async throws -> Page<Item> {
        let task: Task<any Sendable, any Error>
        if let flight = flights[key] {
            task = flight.task
        } else {
            task = startFlight(key, load: load, background: background)
        }
        guard let id = flights[key]?.id else { throw CancellationError() }
        flights[key]?.waiters += 1
        defer { leave(key, id: id) }
        let value = try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            Task { await self.waiterCancelled(key, id: id) }
        }
        guard let page = value as? Page<Item> else {
            throw APIError(kind: .malformedResponse, detail: "A cached page has another item type than asked for")
        }
        return page
    }

    private func startFlight<Item: Sendable>(
        _ key: CacheKey, load: @escaping @Sendable () async throws -> Page<Item>, background: Bool
    ) -> Task<any Sendable, any Error> {
        nextFlightID += 1
        let id = nextFlightID
        statistics.loads += 1
        let task = Task<any Sendable, any Error> {
            do {
                let page = try await load()
                self.finish(key, id: id, page: page, itemCount: page.items.count)
                return page
            } catch {
                self.abandon(key, id: id)
                throw error
            }
        }
        flights[key] = Flight(id: id, task: task, waiters: 0, isBackground: background)
        return task
    }

    private func finish(_ key: CacheKey, id: UInt64, page: any Sendable, itemCount count: Int) {
        // Only the flight still registered for the key may store: an invalidation or reload detached the others.
        guard flights[key]?.id == id else { return }
        flights[key] = nil
        remove(key)
        tick += 1
        entries[key] = Entry(page: page, itemCount: count, loadedAt: clock.now, lastUsed: tick)
        itemCount += count
        evictIfNeeded(keeping: key)
    }

    private func abandon(_ key: CacheKey, id: UInt64) {
        if flights[key]?.id == id { flights[key] = nil }
    }

    private func leave(_ key: CacheKey, id: UInt64) {
        if flights[key]?.id == id { flights[key]?.waiters -= 1 }
    }

    private func waiterCancelled(_ key: CacheKey, id: UInt64) {
        // When every caller waiting on a load has been cancelled (its scope changed), stop the request too.
        guard let flight = flights[key], flight.id == id else { return }
        flights[key]?.cancelledWaiters += 1
        guard !flight.isBackground, flight.cancelledWaiters + 1 >= flight.waiters else { return }
        flight.task.cancel()
        flights[key] = nil
    }

    // MARK: - Bookkeeping

    private func touch(_ key: CacheKey) {
        tick += 1
        entries[key]?.lastUsed = tick
    }

    private func remove(_ key: CacheKey) {
        if let entry = entries.removeValue(forKey: key) { itemCount -= entry.itemCount }
    }

    private func evictIfNeeded(keeping newest: CacheKey) {
        guard itemCount > limits.maxItems else { return }
        let oldestFirst = entries.filter { $0.key != newest }.sorted { $0.value.lastUsed < $1.value.lastUsed }
        for (key, _) in oldestFirst {
            guard itemCount > limits.maxItems else { break }
            remove(key)
            statistics.evictions += 1
        }
    }
}
