import APICore
import CloudflareAPI
import Foundation

/// Fetch-all and page decoding through APICore, over recorded answers (so only the client's cost is timed).
struct APIBench {
    let runs: Int

    /// Every member of the fixture's list, `concurrency` pages at a time (cursor lists go page after page).
    func fetchAll(_ fixture: ProviderFixture, concurrency: Int) async throws -> Measurement {
        let list = try fixture.members(fixture.replayDirectory())
        var samples = Samples()
        var fetched = 0
        _ = try await list.fetchAll(concurrency: concurrency)
        for _ in 0..<runs {
            samples.add(try await timed { fetched = try await list.fetchAll(concurrency: concurrency).count })
        }
        guard fetched == fixture.memberCount else {
            throw BenchError.setup("fetched \(fetched) of \(fixture.memberCount) members")
        }
        let megabytes = Double(fixture.totalBytes) / 1_000_000
        let style = fixture.provider == .cloudflare ? "concurrency \(concurrency)" : "cursor chain"
        return Measurement(
            "fetch-all \(fixture.provider.rawValue)", "\(Self.count(fixture.memberCount)) members, \(style)", samples,
            note: String(
                format: "%.0f MB/s, %.2f µs/member", megabytes / (samples.median / 1_000),
                samples.median * 1_000 / Double(fixture.memberCount)))
    }

    /// One full member page decoded and mapped to domain members, as the directory does it.
    func decode(_ fixture: ProviderFixture) async throws -> Measurement {
        let list = try fixture.members(fixture.makeDirectory(ReplayTransport(fixed: fixture.samplePage)))
        let repetitions = 20
        var samples = Samples()
        var rows = 0
        for _ in 0..<(runs * 3) {
            let elapsed = try await timed {
                for _ in 0..<repetitions { rows = try await list.page(list.first).items.count }
            }
            samples.add(elapsed / Double(repetitions))
        }
        let bytes = Double(fixture.samplePage.body.count)
        return Measurement(
            "decode page \(fixture.provider.rawValue)", "\(rows) members, \(fixture.samplePage.body.count / 1024) KiB",
            samples, note: String(format: "%.0f MB/s", bytes / 1_000_000 / (samples.median / 1_000)))
    }

    static func count(_ value: Int) -> String {
        value >= 1_000 && value % 1_000 == 0 ? "\(value / 1_000)k" : String(value)
    }
}
