import APICore
import Clocks
import ConsoleModel
import Synchronization
import Testing

/// Counts loads and can hold them until released.
private final class CountingLoader: Sendable {
    private let counter = Mutex(0)
    var count: Int { counter.withLock { $0 } }

    func load(_ label: String, items: Int = 10) -> @Sendable () async throws -> Page<String> {
        { [self] in
            let number = counter.withLock { value in
                value += 1
                return value
            }
            return Page(items: (0..<items).map { "\(label)#\(number)-\($0)" }, cursor: .page(1), next: nil)
        }
    }
}

@Suite("PageCache: TTL, stale-while-revalidate, sharing, LRU, invalidation")
struct PageCacheTests {
    private let key = CacheKey(profile: "p", resource: .accounts, cursor: .page(1))

    @Test func aFreshPageIsServedWithoutARequest() async throws {
        let clock = TestClock()
        let cache = PageCache(clock: clock)
        let loader = CountingLoader()
        let first = try await cache.page(key, load: loader.load("a"))
        await clock.advance(by: .seconds(29))
        let second = try await cache.page(key, load: loader.load("a"))
        #expect(loader.count == 1)
        #expect(second.freshness == .fresh)
        #expect(second.page.items == first.page.items)
    }

    @Test func aStalePageReturnsAtOnceAndRevalidatesOnce() async throws {
        let clock = TestClock()
        let cache = PageCache(clock: clock)
        let loader = CountingLoader()
        _ = try await cache.page(key, load: loader.load("a"))
        await clock.advance(by: .seconds(31))
        let (revalidated, continuation) = AsyncStream.makeStream(of: [String].self)
        let release = AsyncStream.makeStream(of: Void.self)
        let heldLoad: @Sendable () async throws -> Page<String> = {
            for await _ in release.stream { break }
            return try await loader.load("a")()
        }
        let stale = try await cache.page(key, load: heldLoad) { result in
            if case .success(let page) = result { continuation.yield(page.items) }
        }
        let alsoStale = try await cache.page(key, load: heldLoad)
        release.continuation.yield()
        #expect(stale.freshness == .stale)
        #expect(alsoStale.freshness == .stale)
        #expect(stale.page.items.first == "a#1-0")
        var iterator = revalidated.makeAsyncIterator()
        let fresh = await iterator.next()
        #expect(fresh?.first == "a#2-0")
        #expect(loader.count == 2)
        let afterwards = try await cache.page(key, load: loader.load("a"))
        #expect(afterwards.freshness == .fresh)
        #expect(afterwards.page.items.first == "a#2-0")
        #expect(loader.count == 2)
    }

    @Test func aPageOlderThanTheStaleWindowIsLoadedAgain() async throws {
        let clock = TestClock()
        let cache = PageCache(clock: clock)
        let loader = CountingLoader()
        _ = try await cache.page(key, load: loader.load("a"))
        await clock.advance(by: .seconds(601))
        let page = try await cache.page(key, load: loader.load("a"))
        #expect(page.freshness == .fresh)
        #expect(loader.count == 2)
    }

    @Test func concurrentLoadsOfOnePageShareOneRequest() async throws {
        let cache = PageCache()
        let loader = CountingLoader()
        let gate = AsyncStream.makeStream(of: Void.self)
        let slowLoad: @Sendable () async throws -> Page<String> = {
            for await _ in gate.stream { break }
            return try await loader.load("a")()
        }
        async let first = cache.page(key, load: slowLoad)
        async let second = cache.page(key, load: slowLoad)
        async let third = cache.page(key, load: slowLoad)
        while await cache.statistics.misses < 3 { await Task.yield() }
        gate.continuation.yield()
        let pages = try await [first, second, third]
        #expect(loader.count == 1)
        #expect(await cache.statistics.loads == 1)
        #expect(Set(pages.map(\.page.items)).count == 1)
    }

    @Test func reloadBypassesAFreshPage() async throws {
        let cache = PageCache()
        let loader = CountingLoader()
        _ = try await cache.page(key, load: loader.load("a"))
        let reloaded = try await cache.page(key, policy: .reload, load: loader.load("a"))
        #expect(loader.count == 2)
        #expect(reloaded.page.items.first == "a#2-0")
    }

    @Test func leastRecentlyUsedPagesAreEvictedToKeepTheItemBound() async throws {
        let cache = PageCache(limits: .init(maxItems: 100))
        let loader = CountingLoader()
        for page in 1...30 {
            let key = CacheKey(profile: "p", resource: .members(accountID: "a"), cursor: .page(page))
            _ = try await cache.page(key, load: loader.load("m"))
            // Page 1 stays in use, so it must survive.
            _ = try await cache.page(self.key, load: loader.load("a"))
            #expect(await cache.itemCount <= 100)
        }
        #expect(await cache.contains(key))
        #expect(await !cache.contains(CacheKey(profile: "p", resource: .members(accountID: "a"), cursor: .page(1))))
        #expect(await cache.contains(CacheKey(profile: "p", resource: .members(accountID: "a"), cursor: .page(30))))
        #expect(await cache.statistics.evictions > 0)
    }

    @Test func invalidationForgetsOnlyTheNamedResourcesOfTheProfile() async throws {
        let cache = PageCache()
        let loader = CountingLoader()
        let invites = CacheKey(profile: "p", resource: .receivedInvitations, cursor: .single)
        let tokens = CacheKey(profile: "p", resource: .tokens(.top), cursor: .page(1))
        let otherProfile = CacheKey(profile: "q", resource: .receivedInvitations, cursor: .single)
        for key in [key, invites, tokens, otherProfile] { _ = try await cache.page(key, load: loader.load("x")) }
        await cache.invalidate(profile: "p", resources: [.receivedInvitations, .accounts])
        #expect(await !cache.contains(key))
        #expect(await !cache.contains(invites))
        #expect(await cache.contains(tokens))
        #expect(await cache.contains(otherProfile))
    }
}
