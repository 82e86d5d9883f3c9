import APICore
import Foundation

/// The one place a write runs, whether a key or (later) the scripting CLI asked for it.
///
/// In order: the read-only refusal (nothing sent), the spec's precondition and exclusivity, the request (sent once,
/// never retried, never re-sent), the outcome (done / refused with the API's message / unknown → invalidate and
/// re-read), the row change, the cache invalidation, the notice, and a `WriteResult` value handed to `onFinished`
/// and returned. Confirmation stays with the caller, which asks `readOnly` before it opens a dialog.
@MainActor
public final class WriteRunner {
    /// Whether every write is refused (`--read-only`, `:readonly`).
    public var readOnly: Bool
    /// The exclusive keys of the writes waiting for an answer.
    public private(set) var inFlight: Set<String> = []
    /// Told of every write's result, in order, once its notice is out: the single point where the journal line
    /// will be written. Never given a secret.
    public var onFinished: (@MainActor (WriteResult) -> Void)?
    /// Where every write is recorded; a journal that cannot be written is a warning, never a lost or blocked write.
    public var journal: (any WriteJournal)?
    private let profile: String
    private let provider: String
    private let cache: PageCache
    private let emit: @MainActor (ModelEvent) -> Void

    init(
        profile: String, provider: String, cache: PageCache, readOnly: Bool, journal: (any WriteJournal)?,
        emit: @escaping @MainActor (ModelEvent) -> Void
    ) {
        self.profile = profile
        self.provider = provider
        self.journal = journal
        self.cache = cache
        self.readOnly = readOnly
        self.emit = emit
    }

    /// The notice that refuses `activity` ("rolling a token") in read-only mode.
    public static func readOnlyRefusal(_ activity: String) -> Notice {
        Notice(
            .warning,
            "Read-only mode: \(activity) refused, nothing was sent (start without --read-only to make changes)")
    }

    /// Runs one write to its end and returns how it ended.
    @discardableResult
    public func run<Value>(_ spec: WriteSpec<Value>) async -> WriteResult {
        let capture = RequestIDCapture()
        var result = WriteResult(
            actionID: spec.actionID, target: spec.target, outcome: await outcome(of: spec, capture: capture))
        result.targetID = spec.targetID
        // A read-modify-write sends its read first: the last response is the write's.
        result.requestID = capture.last
        record(result)
        onFinished?(result)
        // One event after every write, so the screen re-reads what the write changed (busy marks, modals).
        emit(.sessionChanged)
        return result
    }

    /// Runs `spec` as a task, as the view-models' write methods return it; nil (no provider support, no such row)
    /// runs nothing.
    func start<Value>(_ spec: WriteSpec<Value>?) -> Task<Void, Never> {
        guard let spec else { return Task {} }
        return Task { await run(spec) }
    }

    /// Whether a write holding `key` is waiting for its answer.
    public func isBusy(_ key: String) -> Bool { inFlight.contains(key) }

    private func outcome<Value>(of spec: WriteSpec<Value>, capture: RequestIDCapture) async -> WriteOutcome {
        if readOnly {
            emit(.notice(Self.readOnlyRefusal(spec.activity)))
            return .readOnly
        }
        if let reason = spec.precondition() { return notSent(reason) }
        if let exclusive = spec.exclusive {
            guard inFlight.insert(exclusive.key).inserted else { return notSent(exclusive.busyMessage) }
        }
        defer { if let key = spec.exclusive?.key { inFlight.remove(key) } }
        if let sending = spec.messages.sending { emit(.notice(Notice(.info, sending))) }
        await spec.prepare()
        switch await RequestIDCapture.$current.withValue(capture, operation: { await send(spec.request) }) {
        case .success(let value):
            await spec.apply(value)
            await invalidate(spec.invalidatesWhenDone)
            spec.reloadWhenDone()
            emit(.notice(Notice(.success, spec.messages.done(value))))
            return .done
        case .failure(.refused(let message)):
            spec.revert(message)
            emit(.notice(Notice(.error, spec.messages.refused(message))))
            return .refused(message)
        case .failure(.unknown):
            // The request may have reached the server: forget what it may have changed and look, never re-send.
            await invalidate(spec.invalidatesWhenUnknown)
            let finding = await spec.reread()
            emit(.notice(spec.messages.unknown(finding)))
            return .unknown(finding)
        }
    }

    /// The journal line of `result`; when it cannot be written the user is told (the write itself stands).
    private func record(_ result: WriteResult) {
        guard let journal else { return }
        do {
            try journal.record(JournalEntry(result, profile: profile, provider: provider, date: Date()))
        } catch {
            emit(
                .notice(
                    Notice(
                        .warning,
                        "The journal could not record \(result.actionID): \(error) (the write itself is unaffected)")))
        }
    }

    private func notSent(_ reason: String) -> WriteOutcome {
        emit(.notice(Notice(.warning, reason)))
        return .notSent(reason)
    }

    /// Why a request did not give a value.
    private enum Failure: Error {
        case refused(String)
        case unknown
    }

    /// Sends the request once and sorts its end: an answer, a refusal (with the API's message) or no answer.
    private func send<Value>(_ request: @MainActor () async throws -> Value) async -> Result<Value, Failure> {
        do {
            return .success(try await request())
        } catch let error as APIError where error.kind == .outcomeUnknown || Self.mayHaveTakenEffect(error) {
            return .failure(.unknown)
        } catch {
            return .failure(.refused(PagedListModel<Account>.message(for: error)))
        }
    }

    /// A server error answers after the request reached the API or a gateway in front of it: the write may have been
    /// applied before the failure (a 503 from a gateway whose API did the work), so it is read again, not believed.
    static func mayHaveTakenEffect(_ error: APIError) -> Bool {
        guard case .http(let status) = error.kind else { return false }
        return [500, 502, 503, 504].contains(status)
    }

    private func invalidate(_ resources: [CachedResource]) async {
        guard !resources.isEmpty else { return }
        await cache.invalidate(profile: profile, resources: resources)
    }
}
