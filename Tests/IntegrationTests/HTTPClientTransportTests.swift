import APICore
import APITransport
import DemoServer
import Foundation
import Testing

/// The live HTTP/1.1 transport against small servers on 127.0.0.1, including servers that misbehave: kept
/// connections reused, closed under a request or reset, answers that never come, are too big, chunked, gzipped
/// or redirects, and failures sorted by whether the request can have reached the server.
@Suite("HTTPClientTransport over loopback")
struct HTTPClientTransportTests {
    /// Runs `body` with a raw server serving each connection with `serve` and a transport, and always stops both.
    private func withServer(
        requestTimeout: Duration = .seconds(10), maxResponseBytes: Int = 64 << 20,
        _ serve: @escaping @Sendable (RawConnection) -> Void,
        _ body: (RawHTTPServer, HTTPClientTransport) async throws -> Void
    ) async throws {
        let server = try RawHTTPServer(serve: serve)
        let transport = HTTPClientTransport(
            connectTimeout: .seconds(5), requestTimeout: requestTimeout, maxResponseBytes: maxResponseBytes)
        do {
            try await body(server, transport)
        } catch {
            await transport.shutdown()
            server.stop()
            throw error
        }
        await transport.shutdown()
        server.stop()
    }

    private static func get(_ server: RawHTTPServer, _ path: String, headers: [(name: String, value: String)] = [])
        -> HTTPRequest
    {
        HTTPRequest(method: .get, url: server.url(path), headers: headers)
    }

    private static func post(_ server: RawHTTPServer, _ path: String, body: String) -> HTTPRequest {
        HTTPRequest(
            method: .post, url: server.url(path), headers: [("Content-Type", "application/json")], body: Data(body.utf8))
    }

    /// The transport's error for `request`, or nil when it succeeded.
    private static func failure(_ transport: HTTPClientTransport, _ request: HTTPRequest) async -> (any Error)? {
        do {
            _ = try await transport.send(request)
            return nil
        } catch {
            return error
        }
    }

    /// Echoes the request target as the body.
    private static let echo = RawHTTPServer.keepAlive { request in .text("you asked for \(request.target)") }

    // MARK: - (a) (b) Kept-alive connections

    @Test func sequentialRequestsReuseOneConnection() async throws {
        try await withServer(Self.echo) { server, transport in
            for index in 0..<25 {
                let response = try await transport.send(Self.get(server, "/items/\(index)?page=\(index)&q=a%20b"))
                #expect(response.status == 200)
                #expect(String(decoding: response.body, as: UTF8.self) == "you asked for /items/\(index)?page=\(index)&q=a%20b")
            }
            #expect(server.acceptedConnections == 1, "every request after the first goes on the kept connection")
            #expect(server.requests.count == 25)
            #expect(server.requests.allSatisfy { $0.connection == 1 })
        }
    }

    @Test func concurrentRequestsEachGetTheirOwnAnswer() async throws {
        let serve = RawHTTPServer.keepAlive { request in
            // A body big enough to take several reads, and unique per request.
            .text(String(repeating: "\(request.target);", count: 2_000))
        }
        try await withServer(serve) { server, transport in
            let bodies = try await withThrowingTaskGroup(of: (Int, Int, String).self) { group in
                for index in 0..<8 {
                    group.addTask {
                        let response = try await transport.send(Self.get(server, "/concurrent/\(index)"))
                        return (index, response.status, String(decoding: response.body, as: UTF8.self))
                    }
                }
                return try await group.reduce(into: [Int: (Int, String)]()) { $0[$1.0] = ($1.1, $1.2) }
            }
            #expect(bodies.count == 8)
            for index in 0..<8 {
                #expect(bodies[index]?.0 == 200)
                #expect(bodies[index]?.1 == String(repeating: "/concurrent/\(index);", count: 2_000))
            }
            let opened = server.acceptedConnections
            #expect((1...8).contains(opened))
            // The connections the burst opened are kept: more requests, one at a time, open none.
            for index in 0..<8 {
                let response = try await transport.send(Self.get(server, "/after/\(index)"))
                #expect(String(decoding: response.body, as: UTF8.self).hasPrefix("/after/\(index);"))
            }
            #expect(server.acceptedConnections == opened)
        }
    }

    @Test func requestHeadAndBodyAreWhatTheServerNeeds() async throws {
        try await withServer(RawHTTPServer.keepAlive { _ in
            .text("{}", headers: [("X-Mixed-Case-Header", "Value Kept"), ("Content-Type", "application/json")])
        }) { server, transport in
            let body = #"{"name":"Zoë 🚀","roles":["a"]}"#
            let response = try await transport.send(Self.post(server, "/members", body: body))
            let get = try await transport.send(Self.get(server, "/members", headers: [("Authorization", "Bearer t")]))
            let delete = try await transport.send(HTTPRequest(method: .delete, url: server.url("/members/1")))
            let put = try await transport.send(HTTPRequest(method: .put, url: server.url("/members/1")))
            let statuses: [Int] = [response.status, get.status, delete.status, put.status]
            #expect(statuses == [200, 200, 200, 200])
            #expect(response.headers["x-mixed-case-header"] == "Value Kept", "header names are lower-cased")
            #expect(response.headers["content-type"] == "application/json")
            #expect(response.header("X-MIXED-CASE-HEADER") == "Value Kept")

            let requests = server.requests
            #expect(requests.map(\.method) == ["POST", "GET", "DELETE", "PUT"])
            #expect(requests.allSatisfy { $0.headers("Host") == ["127.0.0.1:\(server.port)"] })
            #expect(requests[0].body == Array(body.utf8))
            #expect(requests[0].headers("Content-Length") == [String(body.utf8.count)])
            #expect(requests[0].header("Content-Type") == "application/json")
            #expect(requests[1].header("Authorization") == "Bearer t")
            #expect(requests[1].headers("Content-Length").isEmpty)
            #expect(requests[3].headers("Content-Length") == ["0"], "a PUT without a body says so")
            #expect(requests.allSatisfy { $0.header("Accept-Encoding")?.contains("gzip") == true })
        }
    }

    // MARK: - (c) (d) A kept connection the server closed

    /// Answers one request per connection, then closes it without `Connection: close` (its idle connection dies).
    private static let closeAfterEachAnswer: @Sendable (RawConnection) -> Void = { connection in
        guard let request = connection.readRequest() else { return }
        connection.respond(.text("answer to \(request.method) \(request.target)"))
    }

    /// Answers the first request of each connection and keeps it; reads the next request and closes the
    /// connection without answering (the server's idle timeout firing as the request went out), with an end of
    /// stream or, when `reset`, a TCP reset.
    private static func dropTheSecondRequest(reset: Bool) -> @Sendable (RawConnection) -> Void {
        { connection in
            guard let first = connection.readRequest() else { return }
            connection.respond(.text("answer to \(first.method) \(first.target)"))
            guard connection.readRequest() != nil else { return }
            if reset { connection.resetOnClose() }
        }
    }

    @Test func getsSucceedWhenTheServerClosesEveryConnectionAfterItsAnswer() async throws {
        try await withServer(Self.closeAfterEachAnswer) { server, transport in
            var failures: [String] = []
            for index in 0..<30 {
                do {
                    let response = try await transport.send(Self.get(server, "/r/\(index)"))
                    #expect(response.status == 200)
                    #expect(String(decoding: response.body, as: UTF8.self) == "answer to GET /r/\(index)")
                    #expect(server.requests(for: "/r/\(index)").count == 1)
                } catch {
                    let seen = server.requests(for: "/r/\(index)").count
                    failures.append("GET /r/\(index): \(error) (the server saw it \(seen) times)")
                }
            }
            #expect(server.requests.count == server.acceptedConnections, "one request per connection, none re-read")
            // The close may arrive while the next request is being handed to the kept connection: it goes again.
            #expect(failures.isEmpty, "\(failures)")
        }
    }

    @Test func aGetOnAKeptConnectionClosedUnderItIsSentAgainOnANewOne() async throws {
        try await withServer(Self.dropTheSecondRequest(reset: false)) { server, transport in
            for index in 0..<5 {
                let response = try await transport.send(Self.get(server, "/r/\(index)"))
                #expect(String(decoding: response.body, as: UTF8.self) == "answer to GET /r/\(index)")
            }
            // /r/0 on connection 1; every later GET went out on the kept connection, was dropped, and was sent
            // once more on a new connection.
            #expect(server.acceptedConnections == 5)
            let targets: [String] = ["/r/0"] + (1..<5).flatMap { index -> [String] in ["/r/\(index)", "/r/\(index)"] }
            #expect(server.requests.map(\.target) == targets)
            let connections: [Int] = [1] + (1..<5).flatMap { index -> [Int] in [index, index + 1] }
            #expect(server.requests.map(\.connection) == connections)
        }
    }

    @Test func aGetOnAKeptConnectionResetUnderItIsSentAgainOnANewOne() async throws {
        try await withServer(Self.dropTheSecondRequest(reset: true)) { server, transport in
            _ = try await transport.send(Self.get(server, "/r/0"))
            var outcome: Result<String, any Error> = .failure(CancellationError())
            do {
                let response = try await transport.send(Self.get(server, "/r/1"))
                outcome = .success(String(decoding: response.body, as: UTF8.self))
            } catch {
                outcome = .failure(error)
            }
            let body = try outcome.get()
            #expect(body == "answer to GET /r/1")
            // Whatever the outcome, the GET was not sent more than twice.
            #expect(server.requests(for: "/r/1").count <= 2)
        }
    }

    @Test func aPostOnAKeptConnectionClosedUnderItIsNotSentTwice() async throws {
        for reset in [false, true] {
            try await withServer(Self.dropTheSecondRequest(reset: reset)) { server, transport in
                _ = try await transport.send(Self.get(server, "/warm-up"))
                let error = await Self.failure(transport, Self.post(server, "/members", body: #"{"email":"a@x"}"#))
                let transportError = try #require(error as? TransportError, "reset: \(reset), \(String(describing: error))")
                #expect(transportError.mayHaveReachedServer, "the POST went out: its outcome is unknown")
                if case .failedAfterSending = transportError {} else { Issue.record("reset: \(reset): \(transportError)") }
                #expect(server.requests("POST").count == 1, "the POST reached the server once and was not re-sent")
                #expect(server.acceptedConnections == 1)
                // The next request is fine, on a new connection.
                let after = try await transport.send(Self.get(server, "/after"))
                #expect(after.status == 200)
                #expect(server.requests("POST").count == 1)
            }
        }
    }

    @Test func aPostAfterTheServerClosedTheKeptConnectionIsNeverSentTwice() async throws {
        try await withServer(Self.closeAfterEachAnswer) { server, transport in
            var warmUpFailures: [String] = []
            for index in 0..<10 {
                do {
                    _ = try await transport.send(Self.get(server, "/warm-up/\(index)"))
                } catch {
                    warmUpFailures.append("\(error)")
                }
                let body = #"{"n":\#(index)}"#
                let posts = { server.requests("POST").filter { $0.body == Array(body.utf8) }.count }
                do {
                    let response = try await transport.send(Self.post(server, "/members", body: body))
                    // The pool saw the close first and opened a new connection: the POST went out once.
                    #expect(String(decoding: response.body, as: UTF8.self) == "answer to POST /members")
                    #expect(posts() == 1)
                } catch let error as TransportError {
                    // It went out on the dead connection: reported as maybe sent, and not sent again.
                    #expect(error.mayHaveReachedServer, "\(error)")
                    #expect(posts() <= 1)
                }
            }
            #expect(warmUpFailures.isEmpty, "\(warmUpFailures)")
        }
    }

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
            transport, HTTPRequest(method: .post, url: URL(string: "http://127.0.0.1:\(stalled.port)/x")!, body: Data("{}".utf8)))
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
            #expect(ContinuousClock.now - cancelled < .seconds(30), "cancellation does not wait for the request timeout")
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

    // MARK: - (g) (h) (i) (j) Bodies and statuses

    @Test func aResponseLargerThanTheLimitFailsAfterSending() async throws {
        let serve = RawHTTPServer.keepAlive { request in
            switch request.target {
            case "/exact": RawResponse(body: [UInt8](repeating: 65, count: 1_000))
            case "/chunked": RawResponse(chunks: Array(repeating: [UInt8](repeating: 66, count: 300), count: 4))
            default: RawResponse(body: [UInt8](repeating: 67, count: 1_001))
            }
        }
        try await withServer(maxResponseBytes: 1_000, serve) { server, transport in
            let exact = try await transport.send(Self.get(server, "/exact"))
            #expect(exact.body.count == 1_000, "a body of exactly the limit is fine")
            for path in ["/one-byte-over", "/chunked"] {
                let error = await Self.failure(transport, Self.get(server, path))
                let transportError = try #require(error as? TransportError, "\(path): \(String(describing: error))")
                if case .failedAfterSending = transportError {} else { Issue.record("\(path): \(transportError)") }
                #expect(transportError.mayHaveReachedServer)
            }
            // Still usable afterwards.
            #expect(try await transport.send(Self.get(server, "/exact")).body.count == 1_000)
        }
    }

    @Test func aChunkedBodyIsReadWhole() async throws {
        let text = (0..<4_000).map { "line \($0): Zoë 🚀 \u{202E}\n" }.joined()
        let bytes = Array(text.utf8)
        // Chunks of awkward sizes, some splitting a multi-byte character.
        var pieces: [[UInt8]] = []
        var offset = 0
        var size = 1
        while offset < bytes.count {
            let end = min(bytes.count, offset + size)
            pieces.append(Array(bytes[offset..<end]))
            offset = end
            size = size * 3 % 20_011 + 7
        }
        let chunks = pieces
        let serve = RawHTTPServer.keepAlive { _ in RawResponse(chunks: chunks) }
        try await withServer(serve) { server, transport in
            #expect(chunks.count > 10)
            for _ in 0..<3 {
                let response = try await transport.send(Self.get(server, "/chunked"))
                #expect(response.status == 200)
                #expect(response.body.count == bytes.count)
                #expect(response.body == Data(bytes))
            }
            #expect(server.acceptedConnections == 1, "a chunked answer ends cleanly and the connection is kept")
        }
    }

    @Test func aGzippedBodyIsReturnedDecompressed() async throws {
        let text = (0..<300).map { #"{"id":"m\#($0)","email":"user\#($0)@example.com","name":"Zoë \#($0 * 7919 % 1_000)"}"# }
            .joined(separator: ",")
        let plain = Array(("[" + text + "]").utf8)
        let compressed = gzip(plain)
        let serve = RawHTTPServer.keepAlive { request in
            switch request.target {
            case "/gzip": RawResponse(headers: [("Content-Encoding", "gzip")], body: compressed)
            case "/gzip-chunked":
                RawResponse(headers: [("Content-Encoding", "gzip")], chunks: stride(from: 0, to: compressed.count, by: 97).map {
                    Array(compressed[$0..<min(compressed.count, $0 + 97)])
                })
            default: RawResponse(body: plain)
            }
        }
        try await withServer(serve) { server, transport in
            #expect(compressed.count < plain.count / 2, "the fixture is really compressed")
            for path in ["/gzip", "/gzip-chunked", "/plain"] {
                let response = try await transport.send(Self.get(server, path))
                #expect(response.status == 200, "\(path)")
                #expect(response.body == Data(plain), "\(path)")
            }
            #expect(server.requests.allSatisfy { $0.header("Accept-Encoding")?.contains("gzip") == true })
        }
    }

    /// A member page as the demo server (and so the Cloudflare API) sends it, gzipped: every member's roles carry
    /// their permission maps, the same bytes over and over.
    @Test func aGzippedMemberPageIsReturnedDecompressed() async throws {
        let demo = try await DemoServer.start(DemoServerConfiguration(members: 200))
        let page: Data
        do {
            let fetch = HTTPClientTransport()
            let url = demo.cloudflareBaseURL.appending(path: "accounts/\(demo.store.bigAccountID)/members")
                .appending(queryItems: [URLQueryItem(name: "page", value: "1"), URLQueryItem(name: "per_page", value: "50")])
            let response = try await fetch.send(
                HTTPRequest(method: .get, url: url, headers: [("Authorization", "Bearer \(demo.loginToken)")]))
            await fetch.shutdown()
            await demo.stop()
            #expect(response.status == 200)
            page = response.body
        } catch {
            await demo.stop()
            throw error
        }
        let compressed = gzip(Array(page))
        let ratio = Double(page.count) / Double(compressed.count)
        let serve = RawHTTPServer.keepAlive { _ in RawResponse(headers: [("Content-Encoding", "gzip")], body: compressed) }
        try await withServer(serve) { server, transport in
            let response = try await transport.send(Self.get(server, "/members"))
            #expect(response.status == 200)
            #expect(response.body == page, "a \(page.count)-byte page gzipped to \(compressed.count) bytes")
            #expect(ratio > 3, "the fixture is really compressed")
        }
    }

    @Test(arguments: [(301, "Moved Permanently"), (302, "Found"), (303, "See Other"), (307, "Temporary Redirect"), (308, "Permanent Redirect")])
    func aRedirectIsReturnedAsItIs(status: Int, reason: String) async throws {
        let serve = RawHTTPServer.keepAlive { request in
            request.target == "/elsewhere"
                ? .text("followed")
                : .text("see elsewhere", status: status, reason: reason, headers: [("Location", "/elsewhere")])
        }
        try await withServer(serve) { server, transport in
            let response = try await transport.send(Self.get(server, "/start", headers: [("Authorization", "Bearer secret")]))
            #expect(response.status == status)
            #expect(response.headers["location"] == "/elsewhere")
            #expect(String(decoding: response.body, as: UTF8.self) == "see elsewhere")
            #expect(server.requests.map(\.target) == ["/start"], "the redirect was not followed")
        }
    }

    @Test func errorStatusesAreResponsesNotErrors() async throws {
        let serve = RawHTTPServer.keepAlive { request in
            let status = Int(request.target.dropFirst()) ?? 500
            return .text(#"{"success":false}"#, status: status, reason: "Whatever")
        }
        try await withServer(serve) { server, transport in
            for status in [400, 401, 404, 429, 500, 503] {
                let response = try await transport.send(Self.get(server, "/\(status)"))
                #expect(response.status == status)
                #expect(String(decoding: response.body, as: UTF8.self) == #"{"success":false}"#)
            }
            #expect(server.acceptedConnections == 1)
        }
    }

    @Test func aNonHTTPURLIsAConnectionFailure() async throws {
        let transport = HTTPClientTransport()
        let error = await Self.failure(transport, HTTPRequest(method: .get, url: URL(string: "ftp://127.0.0.1/x")!))
        guard case .connectionFailed = error as? TransportError else {
            Issue.record("\(String(describing: error))")
            return
        }
        await transport.shutdown()
    }
}

private extension RawHTTPServer {
    func requests(for target: String) -> [RawRequest] { requests.filter { $0.target == target } }
}
