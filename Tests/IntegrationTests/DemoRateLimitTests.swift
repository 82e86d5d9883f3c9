import APICore
import APITransport
import CloudflareAPI
import DemoServer
import Foundation
import Testing

/// `--rate-limit N/5m` and `--latency MS` of the demo server, in process.
struct DemoRateLimitTests {
    @Test func theBudgetParsesLikeTheFlag() {
        #expect(DemoRateLimit(parsing: "1200/5m") == DemoRateLimit(requests: 1200, window: .seconds(300)))
        #expect(DemoRateLimit(parsing: "10/30s") == DemoRateLimit(requests: 10, window: .seconds(30)))
        #expect(DemoRateLimit(parsing: "5/1h")?.window == .seconds(3600))
        #expect(DemoRateLimit(parsing: "5/m")?.window == .seconds(60))
        for bad in ["", "1200", "x/5m", "0/5m", "10/0m", "10/5d"] {
            #expect(DemoRateLimit(parsing: bad) == nil, "\(bad)")
        }
        #expect("\(DemoRateLimit(requests: 1200))" == "1200/5m")
    }

    @Test func pastTheBudgetEachCredentialGets429WithRetryAfterAndTheProviderHeaders() async throws {
        var configuration = DemoServerConfiguration(members: 20)
        configuration.rateLimit = DemoRateLimit(requests: 3)
        try await withDemo(configuration) { server in
            let transport = HTTPClientTransport()
            var remaining: [String] = []
            for _ in 0..<3 {
                let response = try await transport.send(TLSTransportTests.user(server))
                #expect(response.status == 200)
                remaining.append(response.header("ratelimit") ?? "")
            }
            #expect(remaining.map { $0.components(separatedBy: ";")[1] } == ["r=2", "r=1", "r=0"], "\(remaining)")
            let limited = try await transport.send(TLSTransportTests.user(server))
            #expect(limited.status == 429)
            let retryAfter = try #require(limited.header("retry-after").flatMap(Int.init))
            #expect((1...300).contains(retryAfter))
            #expect(limited.header("ratelimit-policy") == #""default";q=3;w=300"#)
            #expect(String(decoding: limited.body, as: UTF8.self).contains("971"), "Cloudflare's rate-limit code")
            // Another credential has its own budget; the OpenAI API sends its x-ratelimit headers.
            let openAI = try await transport.send(
                HTTPRequest(
                    method: .get, url: server.openAIBaseURL.appending(path: "organization/users"),
                    headers: [("Authorization", "Bearer other-key")]))
            #expect(openAI.header("x-ratelimit-limit-requests") == "3")
            #expect(openAI.header("x-ratelimit-remaining-requests") == "2")
            let log = await server.requestLog.entries()
            #expect(log.filter { $0.status == 429 }.map(\.fault) == ["rate-limit"])
            await transport.shutdown()
        }
    }

    @Test func latencyDelaysEveryAnswerWithJitter() async throws {
        var configuration = DemoServerConfiguration(members: 20)
        configuration.latency = .milliseconds(200)
        try await withDemo(configuration) { server in
            let transport = HTTPClientTransport()
            let started = ContinuousClock.now
            let response = try await transport.send(TLSTransportTests.user(server))
            #expect(response.status == 200)
            #expect(ContinuousClock.now - started >= .milliseconds(180), "at least the latency less 10 %")
            await transport.shutdown()
        }
    }
}
