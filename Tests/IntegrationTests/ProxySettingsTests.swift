import APICore
import APITransport
import CloudflareAPI
import Foundation
import Testing

/// Which requests go through which proxy, as curl reads the environment.
struct ProxySettingsTests {
    static let proxy = "http://proxy.corp.example:3128"

    func route(_ url: String, _ settings: ProxySettings) -> String? {
        URL(string: url).flatMap { settings.proxy(for: $0) }.map(\.description)
    }

    @Test func httpsAndHttpTargetsUseTheirOwnVariableThenAllProxy() throws {
        let settings = try ProxySettings.resolve(environment: [
            "HTTPS_PROXY": "http://secure.example:8443", "http_proxy": "plain.example:8080", "ALL_PROXY": Self.proxy,
        ])
        #expect(route("https://api.cloudflare.com/client/v4", settings) == "secure.example:8443")
        #expect(route("http://api.example.com/", settings) == "plain.example:8080")
        let onlyAll = try ProxySettings.resolve(environment: ["all_proxy": Self.proxy])
        #expect(route("https://api.openai.com/v1", onlyAll) == "proxy.corp.example:3128")
        #expect(route("http://api.example.com/", onlyAll) == "proxy.corp.example:3128")
    }

    @Test func theLowerCaseVariableWinsAndEmptyIsUnset() throws {
        let settings = try ProxySettings.resolve(environment: [
            "https_proxy": "http://lower.example:1", "HTTPS_PROXY": "http://upper.example:2",
        ])
        #expect(route("https://x.example/", settings) == "lower.example:1")
        let empty = try ProxySettings.resolve(environment: ["https_proxy": "", "HTTPS_PROXY": "http://upper.example:2"])
        #expect(route("https://x.example/", empty) == "upper.example:2")
        #expect(route("https://x.example/", try ProxySettings.resolve(environment: [:])) == nil)
    }

    @Test func noProxyReadsLikeCurl() throws {
        let settings = try ProxySettings.resolve(environment: [
            "HTTPS_PROXY": Self.proxy,
            "no_proxy": "example.com, .internal.corp ,10.0.0.0/8 192.168.1.7,[fd00::1],fc00::/7,trailing.dot.",
        ])
        for direct in [
            "https://example.com/", "https://api.example.com/", "https://EXAMPLE.COM./", "https://internal.corp/",
            "https://a.b.internal.corp/", "https://10.20.30.40/", "https://192.168.1.7:8443/", "https://[fd00::1]/",
            "https://[fc12::3]/", "https://trailing.dot/",
        ] {
            #expect(route(direct, settings) == nil, "\(direct)")
        }
        for proxied in [
            "https://notexample.com/", "https://example.com.evil.test/", "https://11.0.0.1/", "https://192.168.1.8/",
            "https://[fe80::1]/", "https://corp/",
        ] {
            #expect(route(proxied, settings) == "proxy.corp.example:3128", "\(proxied)")
        }
        let everything = try ProxySettings.resolve(environment: ["HTTPS_PROXY": Self.proxy, "NO_PROXY": "*"])
        #expect(route("https://api.cloudflare.com/", everything) == nil)
    }

    @Test func loopbackGoesDirectUnlessTheProfileAsks() throws {
        let environment = try ProxySettings.resolve(environment: ["HTTPS_PROXY": Self.proxy, "HTTP_PROXY": Self.proxy])
        for url in ["http://127.0.0.1:8080/", "https://localhost/", "http://[::1]:9/", "http://127.1.2.3/"] {
            #expect(route(url, environment) == nil, "\(url)")
        }
        let profile = try ProxySettings.resolve(environment: [:], profileProxy: Self.proxy, profileName: "work")
        #expect(route("http://127.0.0.1:8080/", profile) == "proxy.corp.example:3128")
    }

    @Test func theProfileProxyWinsOverTheEnvironmentAndDirectTurnsItOff() throws {
        let environment = ["HTTPS_PROXY": "http://env.example:1", "NO_PROXY": "skip.example"]
        let profile = try ProxySettings.resolve(environment: environment, profileProxy: Self.proxy)
        #expect(route("https://api.cloudflare.com/", profile) == "proxy.corp.example:3128")
        #expect(route("https://skip.example/", profile) == nil, "NO_PROXY still applies, as with curl -x")
        let direct = try ProxySettings.resolve(environment: environment, profileProxy: "direct")
        #expect(route("https://api.cloudflare.com/", direct) == nil)
    }

    @Test func proxyURLsParseWithCredentialsThatNeverShow() throws {
        let proxy = try ProxyEndpoint(parsing: "http://ann%40corp:p%3Ass@proxy.example", source: "HTTPS_PROXY")
        #expect(proxy.host == "proxy.example" && proxy.port == 1080, "curl's default proxy port")
        #expect(proxy.user == "ann@corp" && proxy.hasCredentials)
        #expect("\(proxy)" == "proxy.example:1080")
        #expect(!String(reflecting: proxy.description).contains("p:ss"))
        #expect(try ProxyEndpoint(parsing: "socks5://127.0.0.1:9050", source: "ALL_PROXY").kind == .socks5)
        for (text, problem) in [
            ("https://proxy.example:443", "https:// proxy"), ("ftp://proxy.example", "unsupported proxy scheme"),
            ("http://", "not a proxy URL"), ("socks5://u:secret@h:1", "SOCKS"),
        ] {
            do {
                _ = try ProxyEndpoint(parsing: text, source: "HTTPS_PROXY")
                Issue.record("\(text) parsed")
            } catch {
                #expect(error.userMessage.contains(problem), "\(error.userMessage)")
                #expect(error.userMessage.hasPrefix("HTTPS_PROXY"))
                #expect(!error.userMessage.contains("secret"))
            }
        }
    }
}
