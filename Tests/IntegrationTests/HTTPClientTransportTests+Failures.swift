import APICore
import APITransport
import DemoServer
import Foundation
import Testing

extension HTTPClientTransportTests {
    // MARK: - (e) (f) (k) Never sent, never answered, cancelled

    @Test func aRefusedConnectionIsAConnectionFailure() async throws {
        let refusing = try RawHTTPServer.Refusing()
        defer { refusing.stop() }
        let port = refusing.port
        // Timeouts far above the bound below: the failure must come from the refusal, not from a timeout (the bound
        // is generous because the whole suite shares two cores with other suites).
        let transport = HTTPClientTransport(connectTimeout: .seconds(60), requestTimeout: .seconds(60))
        for request in [
            HTTPRequest(method: .get, url: URL(string: "http://127.0.0.1:\(port)/x")!),
            HTTPRequest(method: .post, url: URL(string: "http://127.0.0.1:\(port)/x")!, body: Data("{}".utf8)),
        ] {
            let started = ContinuousClock.now
            let error = await Self.failure(transport, request)
            let transportError = try #require(error as? TransportError, "\(String(describing: error))")
            guard case .connectionFailed = transportError else {
                Issue.record("expected connectionFailed, got \(transportError)")
                continue
            }
            #expect(!transportError.mayHaveReachedServer)
            #expect(ContinuousClock.now - started < .seconds(30))
        }
        await transport.shutdown()
    }

    @Test func aConnectThatNeverCompletesIsAConnectionFailureAfterTheConnectTimeout() async throws {
        let stalled = try RawHTTPServer.Stalled()
        defer { stalled.stop() }
        let transport = HTTPClientTransport(connectTimeout: .milliseconds(500), requestTimeout: .seconds(60))
        let started = ContinuousClock.now
        let error = await Self.failure(
            transport,
            HTTPRequest(method: .post, url: URL(string: "http://127.0.0.1:\(stalled.port)/x")!, body: Data("{}".utf8)))
        let elapsed = ContinuousClock.now - started
        await transport.shutdown()
        let transportError = try #require(error as? TransportError, "\(String(describing: error))")
        guard case .connectionFailed = transportError else {
            Issue.record("expected connectionFailed, got \(transportError)")
            return
        }
        #expect(!transportError.mayHaveReachedServer, "a POST that never connected can be sent again safely")
        #expect(elapsed >= .milliseconds(400))
        #expect(elapsed < .seconds(30), "the connect timeout, not the request timeout")
    }

    @Test func cancellingARequestWhileItConnectsEndsItPromptly() async throws {
        let stalled = try RawHTTPServer.Stalled()
        defer { stalled.stop() }
        let transport = HTTPClientTransport(connectTimeout: .seconds(60), requestTimeout: .seconds(60))
        let request = HTTPRequest(method: .get, url: URL(string: "http://127.0.0.1:\(stalled.port)/x")!)
        let started = ContinuousClock.now
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await transport.send(request)
        }
        let result = await task.result
        let elapsed = ContinuousClock.now - started
        await transport.shutdown()
        #expect(elapsed < .seconds(30), "cancellation does not wait for the connect timeout: \(elapsed)")
        if case .failure(let error) = result {
            #expect(error as? TransportError == .cancelled || error is CancellationError, "\(error)")
        }
    }

    /// Reads requests; answers `/fast` and never answers anything else (keeps the connection open and silent).
    private static let silentExceptFast: @Sendable (RawConnection) -> Void = { connection in
        while let request = connection.readRequest() {
            if request.target == "/fast" {
                connection.respond(.text("fast"))
            } else {
                connection.waitForClientClose()
                return
            }
        }
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        try await withServer(requestTimeout: .milliseconds(500), Self.silentExceptFast) { server, transport in
            let started = ContinuousClock.now
            let error = await Self.failure(transport, Self.get(server, "/slow"))
            let elapsed = ContinuousClock.now - started
            #expect(error as? TransportError == .timedOut, "\(String(describing: error))")
            #expect(elapsed >= .milliseconds(400))
            #expect(elapsed < .seconds(30))
            #expect(server.requests.map(\.target) == ["/slow"], "a timed-out GET is not re-sent by the transport")
            // The silent connection is not reused: the next request gets an answer on a new one.
            let response = try await transport.send(Self.get(server, "/fast"))
            #expect(String(decoding: response.body, as: UTF8.self) == "fast")
            #expect(server.acceptedConnections == 2)
            // A POST times out too, and is reported as possibly sent.
            let postError = await Self.failure(transport, Self.post(server, "/slow", body: "{}"))
            #expect(postError as? TransportError == .timedOut)
            #expect((postError as? TransportError)?.mayHaveReachedServer == true)
        }
    }

    @Test func cancellingARequestEndsItPromptly() async throws {
        try await withServer(requestTimeout: .seconds(60), Self.silentExceptFast) { server, transport in
            let request = Self.get(server, "/slow")
            let (finished, done) = AsyncStream<Void>.makeStream()
            let task = Task {
                defer { done.finish() }
                return try await transport.send(request)
            }
            // Wait for the request to reach the server (or for the task to end, which would be wrong).
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await server.waitForRequests(1) }
                group.addTask { for await _ in finished {} }
                await group.next()
                group.cancelAll()
            }
            #expect(server.requests.map(\.target) == ["/slow"])
            let cancelled = ContinuousClock.now
            task.cancel()
            let result = await task.result
            #expect(
                ContinuousClock.now - cancelled < .seconds(30), "cancellation does not wait for the request timeout")
            switch result {
            case .success(let response): Issue.record("a cancelled request returned \(response.status)")
            case .failure(let error):
                #expect(error as? TransportError == .cancelled || error is CancellationError, "\(error)")
            }
            // The transport still works afterwards.
            let response = try await transport.send(Self.get(server, "/fast"))
            #expect(response.status == 200)
        }
    }

    @Test func aTaskCancelledBeforeSendingDoesNotHang() async throws {
        try await withServer(requestTimeout: .seconds(60), Self.silentExceptFast) { server, transport in
            let request = Self.get(server, "/slow")
            let started = ContinuousClock.now
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await transport.send(request)
            }
            let result = await task.result
            #expect(ContinuousClock.now - started < .seconds(30))
            if case .failure(let error) = result {
                #expect(error as? TransportError == .cancelled || error is CancellationError, "\(error)")
            } else {
                Issue.record("a cancelled request to a silent server returned a response")
            }
        }
    }
}
