import APICore
import APITransport
import ConsoleTesting
import DemoServer
import Foundation
import Testing

/// Failures a user notices, against the demo server's fault injector: timeouts, a connection closed under a read
/// (asked again) or under a write (never sent twice: its outcome is unknown), a refused connection, cancellation.
struct HTTPClientTransportFailureTests {
    @Test func aServerThatAnswersTooLateTimesOut() async throws {
        try await withDemo { server in
            // Bounds generous enough for a loaded machine (the whole suite shares two cores): 5 s against 60 s, so the
            // request after them (a new connection on a busy machine) has 5 s too.
            let transport = HTTPClientTransport(requestTimeout: .seconds(5))
            server.faults.inject(.latency(.seconds(60)), path: "/user", times: nil)
            let started = ContinuousClock.now
            let error = await HTTPClientTransportTests.failure(transport, TLSTransportTests.user(server))
            #expect(error as? TransportError == .timedOut, "\(String(describing: error))")
            #expect(ContinuousClock.now - started < .seconds(40), "the request timeout, not the server's delay")
            let post = HTTPRequest(
                method: .post, url: server.cloudflareBaseURL.appending(path: "user/tokens"),
                headers: [("Authorization", "Bearer \(server.loginToken)")], body: Data("{}".utf8))
            server.faults.inject(.latency(.seconds(60)), path: "/user/tokens", times: nil)
            let postError = await HTTPClientTransportTests.failure(transport, post)
            #expect(postError as? TransportError == .timedOut)
            #expect(
                (postError as? TransportError)?.mayHaveReachedServer == true, "a write that timed out may have happened"
            )
            server.faults.clear()
            // The transport still works afterwards.
            let after = try await transport.send(TLSTransportTests.user(server))
            #expect(after.status == 200)
            await transport.shutdown()
        }
    }

    @Test func aGetWhoseConnectionClosesUnderItIsSentAgain() async throws {
        try await withDemo { server in
            let transport = HTTPClientTransport()
            #expect(
                try await transport.send(TLSTransportTests.user(server)).status == 200, "warm-up: a kept connection")
            server.faults.inject(.reset(afterHandling: false), method: "GET", path: "/user")
            let response = try await transport.send(TLSTransportTests.user(server))
            #expect(response.status == 200)
            let reads = await server.requestLog.entries().filter { $0.path.hasSuffix("/user") }.map(\.status)
            #expect(reads == [200, 0, 200], "the reset read was sent once more, and only once")
            await transport.shutdown()
        }
    }

    @Test func aPostWhoseConnectionClosesUnderItIsNotSentTwice() async throws {
        try await withDemo { server in
            let transport = HTTPClientTransport()
            #expect(
                try await transport.send(TLSTransportTests.user(server)).status == 200, "warm-up: a kept connection")
            server.faults.inject(.reset(afterHandling: true), method: "POST", path: "/user/tokens")
            let post = HTTPRequest(
                method: .post, url: server.cloudflareBaseURL.appending(path: "user/tokens"),
                headers: [("Authorization", "Bearer \(server.loginToken)"), ("Content-Type", "application/json")],
                body: Data(#"{"name":"ci","policies":[]}"#.utf8))
            let error = await HTTPClientTransportTests.failure(transport, post)
            let transportError = try #require(error as? TransportError, "\(String(describing: error))")
            #expect(transportError.mayHaveReachedServer, "the POST went out: its outcome is unknown")
            #expect(JSONAPIClient.apiError(for: transportError, request: post).kind == .outcomeUnknown)
            let posts = await server.requestLog.entries().filter { $0.method == "POST" }
            #expect(posts.count == 1, "the POST reached the server once and was not re-sent")
            #expect(try await transport.send(TLSTransportTests.user(server)).status == 200)
            await transport.shutdown()
        }
    }

    @Test func aRefusedConnectionIsAConnectionFailureAtOnce() async throws {
        let closed = try RefusingPort()
        let port = closed.port
        defer { withExtendedLifetime(closed) {} }
        let transport = HTTPClientTransport(connectTimeout: .seconds(60), requestTimeout: .seconds(60))
        for method in [HTTPMethod.get, .post] {
            let request = HTTPRequest(method: method, url: try #require(URL(string: "http://127.0.0.1:\(port)/x")))
            let started = ContinuousClock.now
            let error = await HTTPClientTransportTests.failure(transport, request)
            guard case .connectionFailed(let reason)? = error as? TransportError else {
                Issue.record("\(String(describing: error))")
                continue
            }
            #expect(reason.contains("refused"), "\(reason)")
            #expect(ContinuousClock.now - started < .seconds(30), "the refusal, not a timeout")
        }
        await transport.shutdown()
    }

    @Test func cancellingARequestEndsItPromptly() async throws {
        try await withDemo { server in
            let transport = HTTPClientTransport(requestTimeout: .seconds(60))
            server.faults.inject(.latency(.seconds(30)), path: "/user")
            let request = TLSTransportTests.user(server)
            let task = Task { try await transport.send(request) }
            // Wait until the request is at the server (held by the latency rule), then cancel.
            _ = try await TmuxSession.poll(timeout: .seconds(10)) { server.faults.rules.isEmpty ? true : nil }
            let cancelled = ContinuousClock.now
            task.cancel()
            let result = await task.result
            #expect(ContinuousClock.now - cancelled < .seconds(10), "cancellation does not wait for the server")
            if case .success(let response) = result { Issue.record("a cancelled request returned \(response.status)") }
            if case .failure(let error) = result {
                #expect(error as? TransportError == .cancelled || error is CancellationError, "\(error)")
            }
            await transport.shutdown()
        }
    }
}
