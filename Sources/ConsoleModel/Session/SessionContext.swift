import APICore

/// What every view-model of a session shares: the directory, the cache, the profile, the read-only flag and
/// the event sink.
@MainActor
final class SessionContext {
    let profile: String
    let directory: any IdentityDirectory
    let cache: PageCache
    var readOnly: Bool
    private let emit: @MainActor (ModelEvent) -> Void

    init(
        profile: String, directory: any IdentityDirectory, cache: PageCache, readOnly: Bool,
        emit: @escaping @MainActor (ModelEvent) -> Void
    ) {
        self.profile = profile
        self.directory = directory
        self.cache = cache
        self.readOnly = readOnly
        self.emit = emit
    }

    func changed(_ pane: PaneID) { emit(.changed(pane)) }
    func sessionChanged() { emit(.sessionChanged) }

    /// The refusal to show when a write is not allowed, or nil when it may go ahead.
    func refusal(of action: String) -> Notice? {
        guard readOnly else { return nil }
        return Notice(.warning, "Read-only mode: \(action) refused, nothing was sent (start without --read-only to make changes)")
    }

    /// Forgets cached pages a write changed, so the next read goes to the server.
    func invalidate(_ resources: [CachedResource]) async {
        await cache.invalidate(profile: profile, resources: resources)
    }
}

/// How a write ended.
enum WriteOutcome<Value: Sendable>: Sendable {
    case done(Value)
    case failed(String)
    /// No answer after sending: it may or may not have happened. Re-read; never re-send.
    case unknown

    /// Runs a write and sorts its result.
    @MainActor static func of(_ operation: () async throws -> Value) async -> WriteOutcome {
        do {
            return .done(try await operation())
        } catch let error as APIError where error.kind == .outcomeUnknown {
            return .unknown
        } catch {
            return .failed(PagedListModel<Account>.message(for: error))
        }
    }
}
