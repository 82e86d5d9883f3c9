import APICore
import APITransport
import CloudflareAPI
import ConsoleTesting
import DemoServer
import Foundation
import Testing

/// What a user notices of the live transport, over loopback: bodies whole and decompressed, the size cap, redirects
/// returned as they are, statuses as responses.
struct HTTPClientTransportTests {
    @Test func aGzippedBodyIsReturnedDecompressedAndGzipIsAskedFor() async throws {
        let text = (0..<300).map {
            #"{"id":"m\#($0)","email":"user\#($0)@example.com","name":"Zoë \#($0 * 7919 % 1_000)"}"#
        }
        .joined(separator: ",")
        let plain = Array(("[" + text + "]").utf8)
        let server = try await CannedServer.start(gzipped: gzip(plain))
        let transport = HTTPClientTransport()
        do {
            let response = try await transport.send(HTTPRequest(method: .get, url: server.url("/gzip")))
            #expect(response.status == 200)
            #expect(response.body == Data(plain))
            let echo = try await transport.send(HTTPRequest(method: .get, url: server.url("/echo")))
            let headers = try Self.echoedHeaders(echo)
            #expect(headers["accept-encoding"]?.contains("gzip") == true, "\(headers)")
        } catch {
            Issue.record(error)
        }
        await transport.shutdown()
        await server.stop()
    }

    /// A big permission map compresses far beyond any ratio limit: the cap is on the size, so it comes through.
    @Test func aHighlyCompressedBodyUnderTheCapIsFineAndOneOverItFails() async throws {
        let plain = Array(String(repeating: ##"{"permission":"#account.read","effect":"allow"},"##, count: 10_000).utf8)
        let server = try await CannedServer.start(gzipped: gzip(plain))
        let roomy = HTTPClientTransport(maxResponseBytes: plain.count)
        let tight = HTTPClientTransport(maxResponseBytes: plain.count - 1)
        let fits = try? await roomy.send(HTTPRequest(method: .get, url: server.url("/gzip")))
        let error = await Self.failure(tight, HTTPRequest(method: .get, url: server.url("/gzip")))
        await roomy.shutdown()
        await tight.shutdown()
        await server.stop()
        #expect(fits?.body.count == plain.count)
        let transportError = try #require(error as? TransportError, "\(String(describing: error))")
        #expect(transportError.description.contains("larger than \(plain.count - 1) bytes"), "\(transportError)")
    }

    @Test func aResponseLargerThanTheCapFailsAfterSending() async throws {
        try await withDemo { server in
            let request = TLSTransportTests.user(server)
            let size = try await HTTPClientTransport().send(request).body.count
            let exact = HTTPClientTransport(maxResponseBytes: size)
            let under = HTTPClientTransport(maxResponseBytes: size - 1)
            #expect(try await exact.send(request).body.count == size, "a body of exactly the cap is fine")
            let error = await Self.failure(under, request)
            let transportError = try #require(error as? TransportError, "\(String(describing: error))")
            #expect(transportError.mayHaveReachedServer)
            #expect(transportError.description.contains("larger than \(size - 1) bytes"), "\(transportError)")
            await exact.shutdown()
            await under.shutdown()
        }
    }

    @Test(arguments: [301, 302, 303, 307, 308])
    func aRedirectIsReturnedAsItIsAndTheErrorSaysSo(status: Int) async throws {
        let server = try await CannedServer.start()
        let transport = HTTPClientTransport()
        do {
            let request = HTTPRequest(
                method: .get, url: server.url("/redirect/\(status)"), headers: [("Authorization", "Bearer secret")])
            let response = try await transport.send(request)
            #expect(response.status == status)
            #expect(response.headers["location"] == "/elsewhere?token=secret")
            #expect(String(decoding: response.body, as: UTF8.self) == "see elsewhere", "not followed")
            let client = JSONAPIClient(
                baseURL: server.url("/redirect"), dialect: CloudflareDialectForTests(), transport: transport)
            do {
                _ = try await client.response(.get, ["\(status)"])
                Issue.record("a redirect was a success")
            } catch let error as APIError {
                #expect(error.userMessage.contains("does not follow redirects"), "\(error.userMessage)")
                #expect(error.userMessage.contains("/elsewhere") && !error.userMessage.contains("secret"))
            }
        } catch {
            Issue.record(error)
        }
        await transport.shutdown()
        await server.stop()
    }

    @Test func theRequestHeadCarriesHeadersAndLengths() async throws {
        let server = try await CannedServer.start()
        let transport = HTTPClientTransport()
        do {
            let body = #"{"name":"Zoë 🚀"}"#
            let post = try await transport.send(
                HTTPRequest(
                    method: .post, url: server.url("/echo"), headers: [("Content-Type", "application/json")],
                    body: Data(body.utf8)))
            let postHeaders = try Self.echoedHeaders(post)
            #expect(postHeaders["content-length"] == "\(body.utf8.count)")
            let put = try Self.echoedHeaders(
                try await transport.send(HTTPRequest(method: .put, url: server.url("/echo"))))
            #expect(put["content-length"] == "0", "a PUT without a body says so")
            let get = try Self.echoedHeaders(
                try await transport.send(
                    HTTPRequest(method: .get, url: server.url("/echo"), headers: [("Authorization", "Bearer t")])))
            #expect(get["authorization"] == "Bearer t")
            #expect(get["host"] == "127.0.0.1:\(server.port)")
        } catch {
            Issue.record(error)
        }
        await transport.shutdown()
        await server.stop()
    }

    @Test func errorStatusesAreResponsesNotErrors() async throws {
        try await withDemo { server in
            let transport = HTTPClientTransport()
            for status in [400, 404, 429, 500, 503] {
                server.faults.inject(.status(status), path: "/user")
                let response = try await transport.send(TLSTransportTests.user(server))
                #expect(response.status == status)
            }
            await transport.shutdown()
        }
    }

    @Test func aNonHTTPURLIsAConnectionFailure() async throws {
        let transport = HTTPClientTransport()
        let error = await Self.failure(
            transport, HTTPRequest(method: .get, url: try #require(URL(string: "ftp://127.0.0.1/x"))))
        guard case .connectionFailed? = error as? TransportError else {
            Issue.record("\(String(describing: error))")
            return
        }
        await transport.shutdown()
    }

    // MARK: - Helpers

    /// The transport's error for `request`, or nil when it succeeded.
    static func failure(_ transport: HTTPClientTransport, _ request: HTTPRequest) async -> (any Error)? {
        do {
            _ = try await transport.send(request)
            return nil
        } catch {
            return error
        }
    }

    static func echoedHeaders(_ response: HTTPResponse) throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        return object?["headers"] as? [String: String] ?? [:]
    }
}

/// A dialect with no credentials and no error shape, for requests to the canned server.
struct CloudflareDialectForTests: APIDialect {
    func authorization() async throws -> [(name: String, value: String)] { [] }
    func errorMessages(in body: Data) -> [ProviderMessage]? { nil }
}
