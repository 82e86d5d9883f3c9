import APICore
import APITransport
import ConsoleModel
import Foundation

/// The console's own load-all, as `L` does it: a fresh session (empty cache) per run, the member list shown (its
/// first page in), then `L`, timed until the last row has landed in the pane's store with its filter text — the
/// issue's figure ("until the status line says 10,000 of 10,000"); and the same from opening the list.
enum ConsoleLoadBench {
    @MainActor
    static func measure(target: DemoTarget, http: HTTPClientTransport, runs: Int, concurrency: Int) async throws
        -> (fromL: Samples, fromOpening: Samples, cpu: Samples, loaded: Int)
    {
        var fromL = Samples()
        var fromOpening = Samples()
        var cpu = Samples()
        // The console keeps its rows: freeing them is not part of loading, so each run's session outlives its timing.
        var sessions: [ConsoleSession] = []
        var loaded = 0
        for run in 0...runs {
            let session = ConsoleSession(
                profile: "bench", directory: target.makeDirectory(RetryingTransport(base: http)))
            sessions.append(session)
            let list = session.members.list
            list.loadAllConcurrency = concurrency
            var events = session.subscribe().makeAsyncIterator()
            let start = ContinuousClock.now
            session.members.setScope(target.scope)
            try await waitUntilIdle(list, events: &events)
            let pressed = ContinuousClock.now
            let cpuBefore = processCPUMilliseconds()
            list.loadAll()
            try await waitUntilIdle(list, events: &events)
            let done = ContinuousClock.now
            let cpuUsed = processCPUMilliseconds() - cpuBefore
            loaded = list.snapshot.loadedCount
            if run > 0 {  // run 0 opens the connections
                fromL.add(milliseconds(done - pressed))
                fromOpening.add(milliseconds(done - start))
                cpu.add(cpuUsed)
            }
            if sessions.count > 1 { sessions.removeFirst() }
        }
        return (fromL, fromOpening, cpu, loaded)
    }

    /// Waits on the session's change events until the list has no load under way.
    @MainActor
    private static func waitUntilIdle(
        _ list: PagedListModel<Member>, events: inout AsyncStream<ModelEvent>.AsyncIterator
    ) async throws {
        while list.isLoading {
            guard await events.next(isolation: MainActor.shared) != nil else {
                throw BenchError.setup("the session's events ended")
            }
        }
        if case .failed(let message) = list.snapshot.loadState { throw BenchError.setup(message) }
    }
}
