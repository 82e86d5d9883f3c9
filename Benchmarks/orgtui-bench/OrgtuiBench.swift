import APICore
import APITransport
import CloudflareAPI
import DemoServer
import Foundation
import KeycardAPI
import OpenAIAdminAPI

/// `orgtui-bench`: the performance numbers of issue 10, as one table (or `--json`).
///
/// `orgtui-bench [--quick] [--json] [--runs N]` runs everything against in-process demo servers;
/// `orgtui-bench fetch …` times fetch-all against any server (the side-by-side script's replay);
/// `orgtui-bench child …` is the fresh process the RSS and first-frame measurements need.
@main
struct OrgtuiBench {
    static func main() async {
        let arguments = Arguments(Array(CommandLine.arguments.dropFirst()))
        do {
            switch arguments.command {
            case "child": try await child(arguments)
            case "fetch": try await FetchCommand.run(arguments)
            case "network": try await NetworkBench.run(arguments)
            case "demo-server": try await demoServer(arguments)
            case nil: try await full(arguments)
            case let other?:
                throw BenchError.usage("unknown command \(other); use fetch, network, demo-server, child or no command")
            }
        } catch {
            FileHandle.standardError.write(Data("orgtui-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    @MainActor
    static func full(_ arguments: Arguments) async throws {
        let quick = arguments.flag("quick")
        let sizes = quick ? [1_000, 5_000] : [10_000, 100_000]
        let runs = arguments.int("runs") ?? (quick ? 3 : 7)
        var report = Report(quick: quick, cores: ProcessInfo.processInfo.activeProcessorCount)
        let api = APIBench(runs: runs)
        let http = HTTPClientTransport(logger: quietLogger)
        do {
            try await measure(sizes: sizes, quick: quick, api: api, http: http, into: &report)
        } catch {
            await http.shutdown()
            throw error
        }
        await http.shutdown()
        print(arguments.flag("json") ? report.json() : report.table())
    }

    @MainActor
    static func measure(sizes: [Int], quick: Bool, api: APIBench, http: HTTPClientTransport, into report: inout Report)
        async throws
    {
        for size in sizes {
            progress("seeding the demo server with \(size) members and users")
            var configuration = DemoServerConfiguration(token: BenchDefaults.token, members: size, openAIUsers: size)
            configuration.keycardUsers = size
            let server = try await DemoServer.start(configuration)
            var fixtures: [ProviderFixture] = []
            do {
                for provider in [Provider.cloudflare, .openAI, .keycard] {
                    progress("recording \(provider.displayName) members")
                    // Keycard's big organization holds the demo user besides the seeded ones.
                    let count = provider == .keycard ? size + 1 : size
                    fixtures.append(
                        try await ProviderFixture.record(provider, from: server, memberCount: count, http: http))
                }
                if size == sizes.last {
                    report.results += try await childMeasurements(server: server, size: size, quick: quick)
                }
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
            for fixture in fixtures {
                progress("fetch-all \(fixture.provider.displayName) \(size)")
                // A cursor chain (OpenAI, Keycard) has one page in flight whatever the concurrency.
                for concurrency in fixture.provider == .cloudflare ? [1, 4, 8] : [1] {
                    report.results.append(try await api.fetchAll(fixture, concurrency: concurrency))
                }
                if size == sizes.first { report.results.append(try await api.decode(fixture)) }
            }
            if size == sizes.last, let fixture = fixtures.first {
                progress("frames and filter over \(size) rows")
                let small = try await ScreenBench.loaded(fixture, rows: 1_000)
                report.results.append(small.frames(quick ? 100 : 1_000))
                let full = try await ScreenBench.loaded(fixture, rows: size)
                report.results.append(full.frames(quick ? 100 : 1_000))
                report.results.append(full.filterKeystrokes(words: quick ? 3 : 20))
            }
        }
    }

    /// First frame and RSS, each from a fresh process reading the demo server over HTTP.
    static func childMeasurements(server: DemoServer, size: Int, quick: Bool) async throws -> [Measurement] {
        var results: [Measurement] = []
        for provider in [Provider.cloudflare, .openAI] {
            let base = provider == .openAI ? server.openAIBaseURL : server.cloudflareBaseURL
            let common = [
                "--provider", provider.rawValue, "--base-url", base.absoluteString, "--token", BenchDefaults.token,
                "--account", server.store.bigAccountID, "--members", String(size),
            ]
            progress("start → first frame, \(provider.displayName)")
            var firstFrame = Samples()
            for _ in 0..<(quick ? 2 : 5) {
                firstFrame.add(
                    try await ChildBench.spawn(arguments: common + ["--first-frame-only"])["first-frame-ms"] ?? 0)
            }
            results.append(Measurement("start → first frame", "\(provider.rawValue), fresh process, HTTP", firstFrame))
            progress("peak RSS with \(size) members cached, \(provider.displayName)")
            var peak = Samples()
            var resident = Samples()
            for _ in 0..<(quick ? 1 : 2) {
                let values = try await ChildBench.spawn(arguments: common)
                guard values["loaded"] == Double(size) else {
                    throw BenchError.setup("the child loaded \(values["loaded"] ?? 0) of \(size) members")
                }
                peak.add((values["hwm-kib"] ?? 0) / 1024)
                resident.add((values["rss-kib"] ?? 0) / 1024)
            }
            results.append(
                Measurement(
                    "peak RSS", "\(provider.rawValue), \(APIBench.count(size)) members cached", unit: "MB", peak,
                    note: String(format: "RSS after load %.0f MB", resident.median)))
        }
        return results
    }

    /// `orgtui-bench demo-server --members N --token T`: `orgtui demo-server` with the same banner, for the
    /// side-by-side script when only the bench is built in release mode.
    static func demoServer(_ arguments: Arguments) async throws {
        let size = arguments.int("members") ?? 2_500
        let server = try await DemoServer.start(
            DemoServerConfiguration(
                token: arguments.string("token"), members: size, openAIUsers: arguments.int("openai-users") ?? size))
        let banner = """
            orgtui demo-server listening on \(server.cloudflareBaseURL.absoluteString)
            \(server.loginToken)
            openai \(server.openAIBaseURL.absoluteString)

            """
        FileHandle.standardOutput.write(Data(banner.utf8))
        try await server.run()
    }

    @MainActor
    static func child(_ arguments: Arguments) async throws {
        let provider = try arguments.provider()
        let target = try DemoTarget(
            provider: provider, baseURL: try arguments.required("base-url"), token: try arguments.required("token"),
            accountID: arguments.string("account") ?? "")
        try await ChildBench.runChild(
            target: target, provider: provider, members: arguments.int("members") ?? 0,
            spawnedAt: UInt64(try arguments.required("spawned-at")) ?? 0,
            firstFrameOnly: arguments.flag("first-frame-only"))
    }

    static func progress(_ text: String) {
        FileHandle.standardError.write(Data("orgtui-bench: \(text)\n".utf8))
    }
}
