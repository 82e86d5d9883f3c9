import APICore
import CloudflareAPI
import Foundation

/// The transport alone: every member page of a Cloudflare account fetched over HTTP, `concurrency` at a time, and
/// nothing decoded. What the HTTP client costs of a load-all, measured against the same server as the rest.
enum TransportBench {
    static func measure(
        transport: any Transport, baseURL: String, accountID: String, token: String, members: Int, concurrency: Int,
        runs: Int
    ) async throws -> (wall: Samples, cpu: Samples) {
        let pages = (members + 49) / 50
        let requests = try (1...max(1, pages)).map { page in
            guard let url = URL(string: "\(baseURL)/accounts/\(accountID)/members?page=\(page)&per_page=50") else {
                throw BenchError.setup("bad base URL \(baseURL)")
            }
            return HTTPRequest(method: .get, url: url, headers: [("Authorization", "Bearer \(token)")])
        }
        var wall = Samples()
        var cpu = Samples()
        for run in 0...runs {
            let cpuBefore = processCPUMilliseconds()
            let elapsed = try await timed { try await fetch(requests, through: transport, concurrency: concurrency) }
            if run > 0 {  // run 0 opens the connections
                wall.add(elapsed)
                cpu.add(processCPUMilliseconds() - cpuBefore)
            }
        }
        return (wall, cpu)
    }

    private static func fetch(_ requests: [HTTPRequest], through transport: any Transport, concurrency: Int)
        async throws
    {
        try await withThrowingTaskGroup(of: Int.self) { group in
            var next = 0
            func start() {
                guard next < requests.count else { return }
                let request = requests[next]
                next += 1
                group.addTask { try await transport.send(request).body.count }
            }
            for _ in 0..<concurrency { start() }
            while let bytes = try await group.next() {
                guard bytes > 0 else { throw BenchError.setup("an empty page") }
                start()
            }
        }
    }
}
