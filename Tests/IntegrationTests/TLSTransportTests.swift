import APICore
import APITransport
import ConsoleTesting
import DemoServer
import Foundation
import Testing

/// HTTPS against the demo server with certificates made at test time: the right CA connects (over HTTP/2), and a
/// missing CA, a wrong host name and an expired certificate each fail with a message that says what to do.
@Suite(.enabled(if: NetworkTools.openssl != nil, "needs openssl"))
struct TLSTransportTests {
    @Test func theRightCAConnectsOverHTTP2() async throws {
        try await withTLSDemo(\.good) { server, certificates in
            let log = CapturedLog()
            let roots = try TrustRoots.load(environment: ["SSL_CERT_FILE": certificates.ca])
            let transport = HTTPClientTransport(settings: TransportSettings(trustRoots: roots), logger: log.logger())
            let response = try await transport.send(Self.user(server))
            await transport.shutdown()
            #expect(response.status == 200)
            #expect(server.baseURL.scheme == "https")
            let line = try #require(log.all.first { $0.contains("GET /client/v4/user → 200") })
            #expect(line.contains("http=2"), "\(line)")
            #expect(line.contains("retry=0"), "\(line)")
        }
    }

    @Test func aProfileCAFileAndSSLCertDirWorkToo() async throws {
        try await withTLSDemo(\.good) { server, certificates in
            let folder = certificates.directory.appendingPathComponent("cadir")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                atPath: certificates.ca, toPath: folder.appendingPathComponent("0a1b2c3d.0").path)
            for roots in [
                try TrustRoots.load(environment: [:], caFile: certificates.ca, profileName: "work"),
                try TrustRoots.load(environment: ["SSL_CERT_DIR": folder.path]),
            ] {
                let transport = HTTPClientTransport(settings: TransportSettings(trustRoots: roots))
                let response = try await transport.send(Self.user(server))
                await transport.shutdown()
                #expect(response.status == 200)
            }
        }
    }

    @Test func anHTTP1OnlyServerIsSpokenToInHTTP1() async throws {
        try await withTLSDemo(\.good, http2: false) { server, certificates in
            let log = CapturedLog()
            let roots = try TrustRoots.load(environment: [:], caFile: certificates.ca)
            let transport = HTTPClientTransport(settings: TransportSettings(trustRoots: roots), logger: log.logger())
            let response = try await transport.send(Self.user(server))
            await transport.shutdown()
            #expect(response.status == 200)
            #expect(log.all.contains { $0.contains("→ 200") && $0.contains("http=1.1") }, "\(log.all)")
        }
    }

    @Test func withoutTheCATheCertificateIsNotTrustedAndTheMessageSaysHowToAddOne() async throws {
        try await withTLSDemo(\.good) { server, _ in
            let message = try await Self.failureMessage(server, roots: .system)
            #expect(message.contains("not trusted"), "\(message)")
            #expect(message.contains("SSL_CERT_FILE") && message.contains("ca_file"), "\(message)")
            #expect(!message.contains("BoringSSL") && !message.contains("NIOSSL"), "\(message)")
        }
    }

    @Test func aCertificateForAnotherNameFailsSayingSo() async throws {
        try await withTLSDemo(\.wrongName) { server, certificates in
            let message = try await Self.failureMessage(
                server, roots: try TrustRoots.load(environment: ["SSL_CERT_FILE": certificates.ca]))
            #expect(message.contains("not valid for 127.0.0.1"), "\(message)")
            #expect(message.contains("another name"), "\(message)")
        }
    }

    @Test func anExpiredCertificateFailsSayingSo() async throws {
        try await withTLSDemo(\.expired) { server, certificates in
            let message = try await Self.failureMessage(
                server, roots: try TrustRoots.load(environment: ["SSL_CERT_FILE": certificates.ca]))
            #expect(message.contains("expired on"), "\(message)")
        }
    }

    @Test func aCAFileThatIsMissingOrNotPEMIsAConfigurationErrorNamingIt() throws {
        #expect(throws: APIError.self) { try TrustRoots.load(environment: ["SSL_CERT_FILE": "/nonexistent/ca.pem"]) }
        do {
            _ = try TrustRoots.load(environment: [:], caFile: "/etc/hostname", profileName: "work")
            Issue.record("a file without certificates loaded")
        } catch {
            #expect(error.userMessage.contains("profiles.work.ca_file"), "\(error.userMessage)")
            #expect(error.userMessage.contains("/etc/hostname"))
        }
    }

    // MARK: - Helpers

    /// `GET /client/v4/user`, signed with the demo token.
    static func user(_ server: DemoServer) -> HTTPRequest {
        HTTPRequest(
            method: .get, url: server.cloudflareBaseURL.appendingPathComponent("user"),
            headers: [("Authorization", "Bearer \(server.loginToken)")])
    }

    /// The user message of the failure of `GET /user` with `roots`.
    static func failureMessage(_ server: DemoServer, roots: TrustRoots) async throws -> String {
        let transport = HTTPClientTransport(settings: TransportSettings(trustRoots: roots))
        let request = user(server)
        do {
            let response = try await transport.send(request)
            await transport.shutdown()
            Issue.record("connected: \(response.status)")
            return ""
        } catch {
            await transport.shutdown()
            let transportError = try #require(error as? TransportError)
            #expect(!transportError.mayHaveReachedServer)
            return JSONAPIClient.apiError(for: error, request: request).userMessage
        }
    }
}

/// Runs `body` with a demo server serving HTTPS with the chosen certificate of fresh test certificates.
func withTLSDemo(
    _ pair: KeyPath<TestCertificates, TestCertificates.Pair>, http2: Bool = true,
    _ body: (DemoServer, TestCertificates) async throws -> Void
) async throws {
    let certificates = try TestCertificates.make()
    defer { certificates.remove() }
    var configuration = DemoServerConfiguration(members: 20)
    let chosen = certificates[keyPath: pair]
    configuration.tls = DemoServerTLS(certificateFile: chosen.certificate, keyFile: chosen.key, http2: http2)
    let server = try await DemoServer.start(configuration)
    do {
        try await body(server, certificates)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}
