import APICore
import APITransport
import ConsoleTesting
import DemoServer
import Foundation
import Testing

/// Requests through a real tinyproxy on loopback, read back from the proxy's own log.
@Suite(.enabled(if: NetworkTools.tinyproxy != nil, "needs tinyproxy"))
struct ProxyTransportTests {
    @Test(.enabled(if: NetworkTools.openssl != nil, "needs openssl"))
    func anHTTPSTargetGoesThroughACONNECT() async throws {
        let proxy = try await Tinyproxy.start()
        defer { proxy.stop() }
        try await withTLSDemo(\.good) { server, certificates in
            let log = CapturedLog()
            let settings = TransportSettings(
                proxies: try ProxySettings.resolve(environment: [:], profileProxy: "http://127.0.0.1:\(proxy.port)"),
                trustRoots: try TrustRoots.load(environment: [:], caFile: certificates.ca))
            let transport = HTTPClientTransport(settings: settings, logger: log.logger())
            let response = try await transport.send(TLSTransportTests.user(server))
            await transport.shutdown()
            #expect(response.status == 200)
            #expect(try await proxy.waitForLog("CONNECT 127.0.0.1:\(server.port)"), "\(proxy.log)")
            #expect(log.all.contains { $0.contains("proxy=127.0.0.1:\(proxy.port)") }, "\(log.all)")
        }
    }

    /// An http:// target is forwarded: the proxy logs the request itself (its absolute URL), not a tunnel.
    @Test func anHTTPTargetIsForwardedAsTheRequestNotATunnel() async throws {
        let proxy = try await Tinyproxy.start()
        defer { proxy.stop() }
        try await withDemo { server in
            let transport = HTTPClientTransport(
                settings: TransportSettings(
                    proxies: try ProxySettings.resolve(environment: [:], profileProxy: "127.0.0.1:\(proxy.port)")))
            let response = try await transport.send(TLSTransportTests.user(server))
            await transport.shutdown()
            #expect(response.status == 200)
            #expect(
                try await proxy.waitForLog("GET http://127.0.0.1:\(server.port)/client/v4/user"), "\(proxy.log)")
            #expect(!proxy.log.contains("CONNECT 127.0.0.1:\(server.port)"), "\(proxy.log)")
        }
    }

    @Test func aForwardedWriteCarriesItsBodyAndProxyCredentials() async throws {
        let proxy = try await Tinyproxy.start()
        defer { proxy.stop() }
        try await withDemo { server in
            let transport = HTTPClientTransport(
                settings: TransportSettings(
                    proxies: try ProxySettings.resolve(environment: [:], profileProxy: "127.0.0.1:\(proxy.port)")))
            var edit = TLSTransportTests.user(server)
            edit.method = .patch
            edit.headers.append((name: "Content-Type", value: "application/json"))
            edit.body = Data(#"{"telephone":"+1 555 0142"}"#.utf8)
            let response = try await transport.send(edit)
            await transport.shutdown()
            #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
            #expect(await server.store.demoUser().telephone == "+1 555 0142")
            #expect(
                try await proxy.waitForLog("PATCH http://127.0.0.1:\(server.port)/client/v4/user"), "\(proxy.log)")
        }
    }

    /// Behind a proxy too, an expired certificate is said to be expired (the diagnosis reads it through the tunnel).
    @Test(.enabled(if: NetworkTools.openssl != nil, "needs openssl"))
    func anExpiredCertificateBehindAProxyIsSaidToBeExpired() async throws {
        let proxy = try await Tinyproxy.start()
        defer { proxy.stop() }
        try await withTLSDemo(\.expired) { server, certificates in
            let transport = HTTPClientTransport(
                settings: TransportSettings(
                    proxies: try ProxySettings.resolve(
                        environment: [:], profileProxy: "http://127.0.0.1:\(proxy.port)"),
                    trustRoots: try TrustRoots.load(environment: [:], caFile: certificates.ca)))
            do {
                _ = try await transport.send(TLSTransportTests.user(server))
                Issue.record("went through")
            } catch {
                let message = JSONAPIClient.apiError(for: error, request: TLSTransportTests.user(server)).userMessage
                #expect(message.contains("expired on"), "\(message)")
            }
            await transport.shutdown()
            #expect(try await proxy.waitForLog("CONNECT 127.0.0.1:\(server.port)"), "\(proxy.log)")
        }
    }

    @Test func aNoProxyHostGoesDirect() async throws {
        let proxy = try await Tinyproxy.start()
        defer { proxy.stop() }
        try await withDemo { server in
            let settings = TransportSettings(
                proxies: try ProxySettings.resolve(
                    environment: ["NO_PROXY": "example.com, localhost"], profileProxy: "http://127.0.0.1:\(proxy.port)")
            )
            let transport = HTTPClientTransport(settings: settings)
            var direct = TLSTransportTests.user(server)
            direct.url = try #require(URL(string: "http://localhost:\(server.port)/client/v4/user"))
            #expect(try await transport.send(direct).status == 200)
            // The same server by its address is proxied: the log gains a line for it, and none for localhost.
            #expect(try await transport.send(TLSTransportTests.user(server)).status == 200)
            await transport.shutdown()
            #expect(try await proxy.waitForLog("127.0.0.1:\(server.port)"), "\(proxy.log)")
            #expect(!proxy.log.contains("localhost:\(server.port)"), "\(proxy.log)")
        }
    }

    @Test func loopbackIsNotProxiedByTheEnvironment() async throws {
        let proxy = try await Tinyproxy.start()
        defer { proxy.stop() }
        try await withDemo { server in
            let url = "http://127.0.0.1:\(proxy.port)"
            let settings = TransportSettings(
                proxies: try ProxySettings.resolve(environment: [
                    "HTTPS_PROXY": url, "http_proxy": url, "ALL_PROXY": url,
                ]))
            let transport = HTTPClientTransport(settings: settings)
            #expect(try await transport.send(TLSTransportTests.user(server)).status == 200)
            await transport.shutdown()
            #expect(!proxy.log.contains("Request"), "\(proxy.log)")
        }
    }

    @Test func aProxyThatNeedsCredentialsSaysSoAndNeverShowsThePassword() async throws {
        let proxy = try await Tinyproxy.start(Tinyproxy.Options(credentials: ("orgtui", "s3cret-pass")))
        defer { proxy.stop() }
        try await withDemo { server in
            let without = try await Self.failure(server, proxy: "http://127.0.0.1:\(proxy.port)")
            #expect(without.contains("127.0.0.1:\(proxy.port)") && without.contains("needs credentials"), "\(without)")
            let wrong = try await Self.failure(server, proxy: "http://orgtui:wrong-pass@127.0.0.1:\(proxy.port)")
            // tinyproxy refuses wrong credentials outright (no second 407): the message points at them either way.
            #expect(wrong.contains("127.0.0.1:\(proxy.port)") && wrong.contains("credentials"), "\(wrong)")
            #expect(!wrong.contains("wrong-pass"))
            let transport = HTTPClientTransport(
                settings: TransportSettings(
                    proxies: try ProxySettings.resolve(
                        environment: [:], profileProxy: "http://orgtui:s3cret-pass@127.0.0.1:\(proxy.port)")))
            #expect(try await transport.send(TLSTransportTests.user(server)).status == 200)
            await transport.shutdown()
        }
    }

    /// A tunnel the proxy will not open (`ConnectPort 443` and an https target on another port).
    @Test(.enabled(if: NetworkTools.openssl != nil, "needs openssl"))
    func aProxyThatRefusesTheTargetSaysSo() async throws {
        let proxy = try await Tinyproxy.start(Tinyproxy.Options(connectOnlyTo443: true))
        defer { proxy.stop() }
        try await withTLSDemo(\.good) { server, certificates in
            let transport = HTTPClientTransport(
                settings: TransportSettings(
                    proxies: try ProxySettings.resolve(
                        environment: [:], profileProxy: "http://127.0.0.1:\(proxy.port)"),
                    trustRoots: try TrustRoots.load(environment: [:], caFile: certificates.ca)))
            do {
                _ = try await transport.send(TLSTransportTests.user(server))
                Issue.record("went through")
            } catch {
                let message = JSONAPIClient.apiError(for: error, request: TLSTransportTests.user(server)).userMessage
                #expect(message.contains("the proxy 127.0.0.1:\(proxy.port) refused"), "\(message)")
            }
            await transport.shutdown()
        }
    }

    @Test func aProxyThatIsNotThereSaysSo() async throws {
        let closed = try RefusingPort()
        try await withDemo { server in
            let message = try await Self.failure(server, proxy: "http://127.0.0.1:\(closed.port)")
            #expect(message.contains("could not connect to the proxy 127.0.0.1:\(closed.port)"), "\(message)")
        }
        withExtendedLifetime(closed) {}
    }

    /// The user message of `GET /user` through `proxy` (a profile's setting), which must fail before sending.
    static func failure(_ server: DemoServer, proxy: String) async throws -> String {
        let transport = HTTPClientTransport(
            settings: TransportSettings(proxies: try ProxySettings.resolve(environment: [:], profileProxy: proxy)))
        let request = TLSTransportTests.user(server)
        do {
            let response = try await transport.send(request)
            await transport.shutdown()
            Issue.record("went through: \(response.status)")
            return ""
        } catch {
            await transport.shutdown()
            let transportError = try #require(error as? TransportError, "\(error)")
            #expect(!transportError.mayHaveReachedServer, "\(transportError)")
            return JSONAPIClient.apiError(for: error, request: request).userMessage
        }
    }
}

/// Runs `body` with a small plain-HTTP demo server.
func withDemo(
    _ configuration: DemoServerConfiguration = DemoServerConfiguration(members: 20),
    _ body: (DemoServer) async throws -> Void
)
    async throws
{
    let server = try await DemoServer.start(configuration)
    do {
        try await body(server)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}
