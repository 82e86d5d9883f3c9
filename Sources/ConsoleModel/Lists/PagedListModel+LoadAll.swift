import APICore
import Synchronization

extension PagedListModel {
    /// Loads numbered pages `width` at a time: each worker takes the next page number as soon as its last page is
    /// in, decodes it and builds its filter text off the main actor, and hands it over; the main actor only files
    /// the pages in order. So the requests in flight never wait for the screen.
    func loadConcurrently(source: ListSource<Row>, pages: ClosedRange<Int>) {
        let generation = generation
        let cache = cache
        let list = source.list
        let filterText = filterText
        let profile = profile
        let width = max(1, min(loadAllConcurrency, pages.count))
        let throttle = LoadThrottle(maximum: width, budget: budget)
        let paused = pauseReporter(generation: generation)
        snapshot.loadState = .loading(page: pages.lowerBound, of: pages.upperBound)
        onChange()
        loading = Task { [weak self] in
            let (arrivals, arrived) = AsyncStream.makeStream(of: PageArrival<Row>.self)
            let numbers = PageNumbers(pages)
            await withTaskGroup(of: Void.self) { group in
                for worker in 0..<width {
                    group.addTask {
                        while !Task.isCancelled {
                            do { try await throttle.enter(worker: worker, paused: paused) } catch { return }
                            defer { throttle.leave() }
                            guard let number = numbers.next() else { return }
                            let key = CacheKey(
                                profile: profile, resource: source.resource, query: source.query, cursor: .page(number))
                            do {
                                let page = try await cache.page(key, load: { try await list.page(.page(number)) })
                                arrived.yield(
                                    PageArrival(
                                        number: number, result: .success((page, filterText(page.page.items)))))
                            } catch {
                                arrived.yield(PageArrival(number: number, result: .failure(error)))
                                return
                            }
                        }
                    }
                }
                await self?.file(arrivals, from: pages.lowerBound, through: pages.upperBound, generation: generation)
                numbers.stop()
                group.cancelAll()
            }
            arrived.finish()
        }
    }

    /// Files arriving pages in page order until the last one is in (`last`, or the end of the stream for a chain
    /// whose length is not known), a page fails, or the list moved on.
    private func file(
        _ arrivals: AsyncStream<PageArrival<Row>>, from first: Int, through last: Int?, generation: Int
    ) async {
        var ready: [Int: (CachedPage<Row>, HaystackChunk?)] = [:]
        var expected = first
        for await arrival in arrivals {
            guard generation == self.generation else { return }
            switch arrival.result {
            case .failure(let error):
                loading = nil
                failed(error)
                return
            case .success(let page):
                ready[arrival.number] = page
                while let (page, haystack) = ready.removeValue(forKey: expected) {
                    append(page, haystack: haystack, announce: false)
                    expected += 1
                }
                if let last, expected > last { return settle() }
                snapshot.loadState =
                    last.map { .loading(page: expected, of: $0) }
                    ?? .loading(page: chunkCursors.count + 1, of: snapshot.totalPages)
                onChange()
            }
        }
        // A chain ends when its worker has followed the last cursor; a numbered load that stops short was cancelled.
        if last == nil, generation == self.generation { settle() }
    }

    /// What a load's throttle calls when it starts and stops waiting for the rate-limit budget: the status line and
    /// the snapshot say so while it waits.
    private func pauseReporter(generation: Int) -> @Sendable (RateBudgetReading?) async -> Void {
        { [weak self] reading in
            await MainActor.run {
                guard let self, generation == self.generation else { return }
                self.snapshot.pausedBecause = reading.map(Self.pauseText)
                if let text = self.snapshot.pausedBecause { self.notify(Notice(.warning, text)) }
                self.onChange()
            }
        }
    }

    /// "Loading paused: rate-limit budget at 119/1200 per 5m, the last tenth kept for your changes (frees up in 42s)".
    nonisolated static func pauseText(_ reading: RateBudgetReading) -> String {
        let wait = reading.resetsIn.map { " (frees up in \(Int($0.seconds.rounded(.up)))s)" } ?? ""
        return "Loading paused: rate-limit budget at \(reading), the last tenth kept for your changes\(wait)"
    }

    private func settle() {
        snapshot.pausedBecause = nil
        loading = nil
        snapshot.loadState = settledState
        onChange()
    }
}

extension PagedListModel {
    /// Follows a cursor chain (a list whose next page is known only from the last one): a worker fetches page after
    /// page while the main actor files the one before and builds its filter text, so the next request never waits
    /// for the screen.
    func loadChain(source: ListSource<Row>, from cursor: PageCursor) {
        let generation = generation
        let cache = cache
        let list = source.list
        let profile = profile
        let throttle = LoadThrottle(maximum: 1, budget: budget)
        let paused = pauseReporter(generation: generation)
        snapshot.loadState = .loading(page: chunkCursors.count + 1, of: snapshot.totalPages)
        onChange()
        loading = Task { [weak self] in
            let (arrivals, arrived) = AsyncStream.makeStream(of: PageArrival<Row>.self)
            // Detached: a task made here would run on the main actor, and so would the filter text it builds.
            let worker = Task.detached {
                var next: PageCursor? = cursor
                var number = 0
                while let current = next, !Task.isCancelled {
                    do { try await throttle.enter(worker: 0, paused: paused) } catch { break }
                    defer { throttle.leave() }
                    number += 1
                    let key = CacheKey(
                        profile: profile, resource: source.resource, query: source.query, cursor: current)
                    do {
                        let page = try await cache.page(
                            key, load: { try await list.page(current) },
                            revalidated: { [weak self] result in
                                await self?.revalidated(result, cursor: current, generation: generation)
                            })
                        // The filter text is built by the main actor as it files the page, while this worker
                        // already waits for the next one (a chain keeps one request in flight: the main thread is
                        // otherwise idle).
                        arrived.yield(PageArrival(number: number, result: .success((page, nil))))
                        next = page.page.next
                    } catch {
                        arrived.yield(PageArrival(number: number, result: .failure(error)))
                        break
                    }
                }
                arrived.finish()
            }
            await withTaskCancellationHandler {
                await self?.file(arrivals, from: 1, through: nil, generation: generation)
            } onCancel: {
                worker.cancel()
            }
            worker.cancel()
        }
    }
}

/// One page handed from a load-all worker to the main actor, with its filter text.
struct PageArrival<Row: Sendable>: Sendable {
    let number: Int
    /// The page, with its filter text when the worker built it.
    let result: Result<(CachedPage<Row>, HaystackChunk?), any Error>
}

/// The page numbers a load-all has not started yet, taken one at a time by its workers.
final class PageNumbers: Sendable {
    private let remaining: Mutex<ClosedRange<Int>.Iterator?>

    init(_ pages: ClosedRange<Int>) {
        remaining = Mutex(pages.makeIterator())
    }

    /// The next page to load, or nil when every page is taken (or the load stopped).
    func next() -> Int? {
        remaining.withLock { iterator in iterator?.next() }
    }

    /// Hands out no more pages.
    func stop() {
        remaining.withLock { $0 = nil }
    }
}
