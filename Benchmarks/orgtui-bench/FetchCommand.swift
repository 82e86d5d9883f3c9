import APICore
import APITransport
import CloudflareAPI
import Foundation

/// `orgtui-bench fetch --provider P --base-url URL --token T [--account ID] [--concurrency N] [--runs N]
/// [--expect N] [--json]`: one member list fetched whole over real HTTP: by the console as `L` does it, timed from
/// the key (first result) and from opening the list (second), and through APICore's `fetchAll` (third).
enum FetchCommand {
    static func run(_ arguments: Arguments) async throws {
        let provider = try arguments.provider()
        let target = try DemoTarget(
            provider: provider, baseURL: try arguments.required("base-url"), token: try arguments.required("token"),
            accountID: arguments.string("account") ?? "")
        let concurrency = arguments.int("concurrency") ?? 8
        let runs = arguments.int("runs") ?? 5
        let http = HTTPClientTransport(logger: quietLogger)
        let directory = target.makeDirectory(RetryingTransport(base: http))
        guard let list = directory.members(in: target.scope, status: nil).pagedList else {
            throw BenchError.setup("no member list in that scope")
        }
        var samples = Samples()
        var cpu = Samples()
        var count = 0
        let console: (fromL: Samples, fromOpening: Samples, cpu: Samples, loaded: Int)
        var transportOnly: (wall: Samples, cpu: Samples)?
        do {
            count = try await list.fetchAll(concurrency: concurrency).count  // warm-up: connections
            for _ in 0..<runs {
                // The result outlives the timing: freeing 100,000 rows is not part of fetching them.
                var fetched: [Member] = []
                let cpuBefore = processCPUMilliseconds()
                samples.add(try await timed { fetched = try await list.fetchAll(concurrency: concurrency) })
                cpu.add(processCPUMilliseconds() - cpuBefore)
                count = fetched.count
            }
            console = try await ConsoleLoadBench.measure(
                target: target, http: http, runs: runs, concurrency: concurrency)
            if provider == .cloudflare {
                transportOnly = try await TransportBench.measure(
                    transport: http, baseURL: try arguments.required("base-url"),
                    accountID: arguments.string("account") ?? "", token: try arguments.required("token"),
                    members: count, concurrency: concurrency, runs: runs)
            }
        } catch {
            await http.shutdown()
            throw error
        }
        await http.shutdown()
        if let expected = arguments.int("expect"), expected != count || expected != console.loaded {
            throw BenchError.setup(
                "fetched \(count) members and the console loaded \(console.loaded), expected \(expected)")
        }
        var measurements = [
            Measurement(
                "load-all (L) \(provider.rawValue)", "console, from L, \(count) members", console.fromL,
                note: cpuNote(console.cpu)),
            Measurement("open + L \(provider.rawValue)", "console, from opening the list", console.fromOpening),
            Measurement(
                "fetch-all \(provider.rawValue) HTTP", "APICore, \(count) members, concurrency \(concurrency)", samples,
                note: cpuNote(cpu)),
        ]
        if let transportOnly {
            measurements.append(
                Measurement(
                    "transport only", "every page, \(concurrency) at a time, not decoded", transportOnly.wall,
                    note: cpuNote(transportOnly.cpu)))
        }
        var report = Report(quick: false, cores: ProcessInfo.processInfo.activeProcessorCount)
        report.results = measurements
        print(arguments.flag("json") ? report.json() : report.table())
    }

    /// "CPU 412 ms": the process's median CPU time per run (every thread), beside the wall time.
    private static func cpuNote(_ cpu: Samples) -> String {
        String(format: "CPU %.0f ms", cpu.median)
    }
}
