import APICore
import APITransport
import CloudflareAPI
import ConsoleModel
import DemoServer
import Foundation

/// Issue 17's network rows: the console's load-all over real HTTP to a demo server that answers each request after
/// `--latency` (jittered ±10 %), compared with the ideal for that latency (pages ÷ concurrency × latency, or pages ×
/// latency for a cursor chain), with and without a rate limit; with one, the 429s answered in a row and how far the
/// budget the session shows is from the server's own count.
///
/// `orgtui-bench network [--members 10000] [--latency 50] [--runs 3] [--rate-limit 1200/5m] [--json]`
enum NetworkBench {
    @MainActor
    static func run(_ arguments: Arguments) async throws {
        let members = arguments.int("members") ?? 10_000
        let latency = arguments.int("latency") ?? 50
        let runs = arguments.int("runs") ?? 3
        let limitText = arguments.string("rate-limit") ?? "1200/5m"
        guard let limit = DemoRateLimit(parsing: limitText) else { throw BenchError.usage("bad --rate-limit") }
        var report = Report(quick: false, cores: ProcessInfo.processInfo.activeProcessorCount)
        let http = HTTPClientTransport(logger: quietLogger)
        do {
            for provider in [Provider.cloudflare, .openAI] {
                for rateLimit in [nil, limit] {
                    OrgtuiBench.progress(
                        "load-all of \(members) \(provider.rawValue) members, \(latency) ms latency, "
                            + (rateLimit.map { "limit \($0)" } ?? "no rate limit"))
                    report.results.append(
                        try await measure(
                            provider: provider, members: members, latency: latency, rateLimit: rateLimit, runs: runs,
                            http: http))
                }
            }
        } catch {
            await http.shutdown()
            throw error
        }
        await http.shutdown()
        print(arguments.flag("json") ? report.json() : report.table())
    }

    /// One row: `runs` load-alls (after one that opens the connections) by fresh sessions on one server.
    @MainActor
    static func measure(
        provider: Provider, members: Int, latency: Int, rateLimit: DemoRateLimit?, runs: Int, http: HTTPClientTransport
    ) async throws -> Measurement {
        var configuration = DemoServerConfiguration(
            token: BenchDefaults.token, members: provider == .cloudflare ? members : 5,
            openAIUsers: provider == .openAI ? members : 5)
        configuration.latency = .milliseconds(latency)
        configuration.rateLimit = rateLimit
        let server = try await DemoServer.start(configuration)
        defer { Task { await server.stop() } }
        let target = try DemoTarget(server: server, provider: provider)
        let defaultLimit = provider == .cloudflare ? CloudflareDescriptor().defaultRateLimit : nil
        let concurrency = 8
        var samples = Samples()
        var pages = 0
        var worstError = 0.0
        var shown = ""
        // One budget per credential, as the console keeps one per session of a profile: every run spends the same
        // server budget.
        let budget = RateBudget(default: defaultLimit)
        for run in 0...runs {
            let session = ConsoleSession(
                profile: "bench",
                directory: target.makeDirectory(
                    RetryingTransport(base: BudgetingTransport(base: http, budget: budget))),
                budget: budget)
            let list = session.members.list
            list.loadAllConcurrency = concurrency
            let start = ContinuousClock.now
            session.members.setScope(target.scope)
            try await ScreenBench.waitUntil("the first page") { list.snapshot.pagesLoaded > 0 && !list.isLoading }
            list.loadAll()
            try await ScreenBench.waitUntil("every member") {
                if case .failed(let message) = list.snapshot.loadState { throw BenchError.setup(message) }
                return list.snapshot.loadedCount >= members && !list.isLoading
            }
            let elapsed = milliseconds(ContinuousClock.now - start)
            pages = list.snapshot.pagesLoaded
            if run > 0 { samples.add(elapsed) }
            if let rateLimit, let reading = budget.reading {
                let served = await server.requestLog.entries().filter { $0.status != 429 }.count
                let serverRemaining = max(0, rateLimit.requests - served)
                worstError = max(worstError, Double(abs(reading.remaining - serverRemaining)) / Double(reading.limit))
                shown = "shown \(reading.remaining)/\(reading.limit) vs server \(serverRemaining)"
            }
            session.finish()
        }
        let chain = provider == .openAI
        let ideal = chain ? Double(pages * latency) : Double(pages) / Double(concurrency) * Double(latency)
        var note = String(format: "ideal %.0f ms, ×%.2f", ideal, samples.median / ideal)
        if rateLimit != nil {
            let log = await server.requestLog.entries()
            note += "; 429s: \(log.filter { $0.status == 429 }.count), most in a row \(maxInARow(log))"
            note += String(format: "; budget off by %.1f%%", worstError * 100) + " (\(shown))"
        }
        let detail =
            "\(members) \(provider.rawValue), \(chain ? "cursor chain" : "\(concurrency) in flight"), \(pages) pages, "
            + (rateLimit.map { "limit \($0)" } ?? "no limit")
        return Measurement("load-all at \(latency) ms", detail, samples, note: note)
    }

    /// The most 429s one request (method, path and query) got in a row.
    static func maxInARow(_ log: [DemoRequestRecord]) -> Int {
        var streak: [String: Int] = [:]
        var most = 0
        for entry in log {
            let key = "\(entry.method) \(entry.path)?\(entry.query ?? "")"
            streak[key] = entry.status == 429 ? (streak[key] ?? 0) + 1 : 0
            most = max(most, streak[key] ?? 0)
        }
        return most
    }
}
