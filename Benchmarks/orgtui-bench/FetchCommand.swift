import APICore
import APITransport
import Foundation

/// `orgtui-bench fetch --provider P --base-url URL --token T [--account ID] [--concurrency N] [--runs N]
/// [--expect N] [--json]`: fetch-all of one member list over real HTTP, as the console does it.
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
        var count = 0
        do {
            count = try await list.fetchAll(concurrency: concurrency).count  // warm-up: connections
            for _ in 0..<runs {
                samples.add(try await timed { count = try await list.fetchAll(concurrency: concurrency).count })
            }
        } catch {
            await http.shutdown()
            throw error
        }
        await http.shutdown()
        if let expected = arguments.int("expect"), expected != count {
            throw BenchError.setup("fetched \(count) members, expected \(expected)")
        }
        let measurement = Measurement(
            "fetch-all \(provider.rawValue) HTTP", "\(count) members, concurrency \(concurrency)", samples)
        var report = Report(quick: false, cores: ProcessInfo.processInfo.activeProcessorCount)
        report.results = [measurement]
        print(arguments.flag("json") ? report.json() : report.table())
    }
}
