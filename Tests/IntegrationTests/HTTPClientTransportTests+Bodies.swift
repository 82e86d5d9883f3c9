import APICore
import APITransport
import CloudflareAPI
import DemoServer
import Foundation
import Testing

extension HTTPClientTransportTests {
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
        let text = (0..<300).map {
            #"{"id":"m\#($0)","email":"user\#($0)@example.com","name":"Zoë \#($0 * 7919 % 1_000)"}"#
        }
        .joined(separator: ",")
        let plain = Array(("[" + text + "]").utf8)
        let compressed = gzip(plain)
        let serve = RawHTTPServer.keepAlive { request in
            switch request.target {
            case "/gzip": RawResponse(headers: [("Content-Encoding", "gzip")], body: compressed)
            case "/gzip-chunked":
                RawResponse(
                    headers: [("Content-Encoding", "gzip")],
                    chunks: stride(from: 0, to: compressed.count, by: 97).map {
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
                .appending(queryItems: [
                    URLQueryItem(name: "page", value: "1"), URLQueryItem(name: "per_page", value: "50"),
                ])
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
        let serve = RawHTTPServer.keepAlive { _ in
            RawResponse(headers: [("Content-Encoding", "gzip")], body: compressed)
        }
        try await withServer(serve) { server, transport in
            let response = try await transport.send(Self.get(server, "/members"))
            #expect(response.status == 200)
            #expect(response.body == page, "a \(page.count)-byte page gzipped to \(compressed.count) bytes")
            #expect(ratio > 3, "the fixture is really compressed")
        }
    }

    @Test(arguments: [
        (301, "Moved Permanently"), (302, "Found"), (303, "See Other"), (307, "Temporary Redirect"),
        (308, "Permanent Redirect"),
    ])
    func aRedirectIsReturnedAsItIs(status: Int, reason: String) async throws {
        let serve = RawHTTPServer.keepAlive { request in
            request.target == "/elsewhere"
                ? .text("followed")
                : .text("see elsewhere", status: status, reason: reason, headers: [("Location", "/elsewhere")])
        }
        try await withServer(serve) { server, transport in
            let response = try await transport.send(
                Self.get(server, "/start", headers: [("Authorization", "Bearer secret")]))
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
