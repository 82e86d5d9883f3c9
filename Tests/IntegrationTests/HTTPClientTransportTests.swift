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
    func withServer(
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

    static func get(_ server: RawHTTPServer, _ path: String, headers: [(name: String, value: String)] = [])
        -> HTTPRequest
    {
        HTTPRequest(method: .get, url: server.url(path), headers: headers)
    }

    static func post(_ server: RawHTTPServer, _ path: String, body: String) -> HTTPRequest {
        HTTPRequest(
            method: .post, url: server.url(path), headers: [("Content-Type", "application/json")], body: Data(body.utf8)
        )
    }

    /// The transport's error for `request`, or nil when it succeeded.
    static func failure(_ transport: HTTPClientTransport, _ request: HTTPRequest) async -> (any Error)? {
        do {
            _ = try await transport.send(request)
            return nil
        } catch {
            return error
        }
    }

    /// Echoes the request target as the body.
    static let echo = RawHTTPServer.keepAlive { request in .text("you asked for \(request.target)") }

    // MARK: - (a) (b) Kept-alive connections

    @Test func sequentialRequestsReuseOneConnection() async throws {
        try await withServer(Self.echo) { server, transport in
            for index in 0..<25 {
                let response = try await transport.send(Self.get(server, "/items/\(index)?page=\(index)&q=a%20b"))
                #expect(response.status == 200)
                #expect(
                    String(decoding: response.body, as: UTF8.self)
                        == "you asked for /items/\(index)?page=\(index)&q=a%20b")
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
        try await withServer(
            RawHTTPServer.keepAlive { _ in
                .text("{}", headers: [("X-Mixed-Case-Header", "Value Kept"), ("Content-Type", "application/json")])
            }
        ) { server, transport in
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
                let transportError = try #require(
                    error as? TransportError, "reset: \(reset), \(String(describing: error))")
                #expect(transportError.mayHaveReachedServer, "the POST went out: its outcome is unknown")
                if case .failedAfterSending = transportError {
                } else {
                    Issue.record("reset: \(reset): \(transportError)")
                }
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
}

extension RawHTTPServer {
    func requests(for target: String) -> [RawRequest] { requests.filter { $0.target == target } }
}
