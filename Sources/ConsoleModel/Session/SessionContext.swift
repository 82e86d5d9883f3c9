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
    func notify(_ notice: Notice) { emit(.notice(notice)) }
    func notify(_ level: Notice.Level, _ text: String) { emit(.notice(Notice(level, text))) }

    /// A list model that reports to this session.
    func list<Row: Identifiable & Sendable>(
        _ columns: [ListColumn<Row>], filterText: (@Sendable ([Row]) -> HaystackChunk)? = nil, pane: PaneID
    ) -> PagedListModel<Row> where Row.ID == String {
        PagedListModel(
            columns: columns, filterText: filterText, cache: cache, profile: profile,
            notify: { [weak self] in self?.notify($0) }
        ) { [weak self] in self?.changed(pane) }
    }

    /// Refuses a write in read-only mode (saying so); true when it may go ahead.
    func mayWrite(_ action: String) -> Bool {
        guard readOnly else { return true }
        notify(.warning, "Read-only mode: \(action) refused, nothing was sent (start without --read-only to make changes)")
        return false
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

extension Listing where Item: Identifiable, Item.ID == String {
    /// Shows the listing in `list` under `resource`, or clears it with the reason there is nothing to list.
    @MainActor func show(in list: PagedListModel<Item>, resource: CachedResource, selecting: String? = nil) {
        switch self {
        case .list(let paged, let query):
            list.show(ListSource(resource: resource, query: query, list: paged), selecting: selecting)
        case .needsScope(let reason):
            list.clear(placeholder: reason)
        }
    }
}
