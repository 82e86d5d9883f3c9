import APICore
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// The live `Transport`, on AsyncHTTPClient: pooled keep-alive connections, HTTP/2 where the server offers it over
/// TLS (ALPN), TLS 1.2 or later with the system's CAs plus any added ones, proxies chosen per request, gzip bodies
/// decompressed up to the size cap, and connect and request timeouts.
///
/// What stays ours: redirects are never followed (one could carry credentials to another host; the 3xx comes back
/// as it is); a read sent on a kept connection that the server closed as it went out is sent once more, while a
/// write is not (it may have arrived: its outcome is unknown); every failure is a `TransportError` with a plain
/// reason. The retry policy is `RetryingTransport`'s, around this one.
///
/// Logs at debug, per request: method, path, status, duration, HTTP version, retry count and the API's request id; never
/// header values, bodies or query strings. Failures are warnings.
public final class HTTPClientTransport: Transport {
    private let settings: TransportSettings
    private let clients: HTTPClientSet
    private let logger: Logger

    /// Creates the transport; call `shutdown()` before the process ends.
    public init(settings: TransportSettings, logger: Logger = Logger(label: "orgtui.http")) {
        self.settings = settings
        clients = HTTPClientSet(settings: settings)
        self.logger = logger
    }

    /// Creates a direct transport with the system's CAs and these limits.
    public convenience init(
        connectTimeout: Duration = .seconds(10), requestTimeout: Duration = .seconds(30),
        maxResponseBytes: Int = 64 << 20, logger: Logger = Logger(label: "orgtui.http")
    ) {
        self.init(
            settings: TransportSettings(
                connectTimeout: connectTimeout, requestTimeout: requestTimeout, maxResponseBytes: maxResponseBytes),
            logger: logger)
    }

    public func send(_ request: HTTPRequest) async throws -> APICore.HTTPResponse {
        let started = ContinuousClock.now
        let proxy = settings.proxies.proxy(for: request.url)
        let failure = TransportFailure(
            host: request.url.host ?? "", proxy: proxy, maxResponseBytes: settings.maxResponseBytes)
        do {
            let (response, version, resent) = try await exchange(request, through: proxy)
            logger.debug(
                "\(request.requestLine) → \(response.status)",
                metadata: Self.metadata(
                    request, started: started, version: version, resent: resent, proxy: proxy, response: response))
            return response
        } catch {
            var reason = failure.classify(error)
            if TransportFailure.isCertificateRejection(error), let host = request.url.host {
                let port = request.url.port ?? 443
                let dates = await TLSDiagnosis.dateProblem(
                    host: host, port: port, timeout: settings.connectTimeout, proxy: proxy)
                reason = .connectionFailed(failure.untrustedMessage(detail: dates))
            }
            logger.warning(
                "\(request.requestLine) failed: \(reason)",
                metadata: Self.metadata(
                    request, started: started, version: nil, resent: false, proxy: proxy, response: nil))
            throw reason
        }
    }

    /// Closes every connection.
    public func shutdown() async {
        await clients.shutdown()
    }

    /// Sends `request`, once more for a read whose kept connection closed before any answer.
    private func exchange(_ request: HTTPRequest, through proxy: ProxyEndpoint?) async throws
        -> (APICore.HTTPResponse, HTTPVersion, Bool)
    {
        guard let scheme = request.url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            request.url.host?.isEmpty == false
        else {
            throw TransportError.connectionFailed("not an http or https URL")
        }
        if scheme == "http", let proxy, proxy.kind == .http {
            // A plain http target goes through the proxy as a forwarded request, not a tunnel.
            let response = try await ForwardProxyExchange.send(
                request, via: proxy, connectTimeout: settings.connectTimeout, requestTimeout: settings.requestTimeout,
                maxResponseBytes: settings.maxResponseBytes)
            return (response, .http1_1, false)
        }
        guard let client = clients.client(through: proxy) else {
            throw TransportError.connectionFailed("the HTTP client is shut down")
        }
        do {
            let (response, version) = try await exchange(request, on: client)
            return (response, version, false)
        } catch let failure as Attempt where failure.beforeAnswer && request.isRetryable {
            // The server closed a kept connection as the request went out (its idle timeout firing): a read is asked
            // again on another connection; a write is not (it may have arrived).
            try Task.checkCancellation()
            do {
                let (response, version) = try await exchange(request, on: client)
                return (response, version, true)
            } catch let failure as Attempt {
                throw failure.error
            }
        } catch let failure as Attempt {
            throw failure.error
        }
    }

    /// A failed attempt, and whether it failed before any of the response arrived.
    private struct Attempt: Error {
        let error: any Error
        let beforeAnswer: Bool
    }

    private func exchange(_ request: HTTPRequest, on client: HTTPClient) async throws -> (
        APICore.HTTPResponse, HTTPVersion
    ) {
        let outgoing = Self.clientRequest(request)
        let response: HTTPClientResponse
        do {
            response = try await client.execute(outgoing, deadline: .now() + TimeAmount(settings.requestTimeout))
        } catch {
            throw Attempt(error: error, beforeAnswer: TransportFailure.closedBeforeAnswer(error))
        }
        let limit = settings.maxResponseBytes
        let body: ByteBuffer
        do {
            if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > limit {
                throw NIOTooManyBytesError(maxBytes: limit)
            }
            body = try await response.body.collect(upTo: limit)
        } catch {
            throw Attempt(error: error, beforeAnswer: false)
        }
        var headers: [String: String] = [:]
        headers.reserveCapacity(response.headers.count)
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        // The body's bytes are handed over as they are (the Data keeps the buffer alive): a page is not copied.
        let data =
            body.getData(at: body.readerIndex, length: body.readableBytes, byteTransferStrategy: .noCopy) ?? Data()
        return (APICore.HTTPResponse(status: Int(response.status.code), headers: headers, body: data), response.version)
    }

    /// The AsyncHTTPClient request of `request`: its headers, and a body with its length.
    static func clientRequest(_ request: HTTPRequest) -> HTTPClientRequest {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        outgoing.headers.reserveCapacity(request.headers.count + 1)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        } else if request.method != .get, request.method != .delete {
            outgoing.headers.replaceOrAdd(name: "Content-Length", value: "0")
        }
        return outgoing
    }

    /// What the log says of one request: duration, HTTP version, retry count, proxy, and the API's request id.
    private static func metadata(
        _ request: HTTPRequest, started: ContinuousClock.Instant, version: HTTPVersion?, resent: Bool,
        proxy: ProxyEndpoint?, response: APICore.HTTPResponse?
    ) -> Logger.Metadata {
        var metadata: Logger.Metadata = ["ms": "\(Int(((ContinuousClock.now - started).seconds * 1000).rounded()))"]
        if let version { metadata["http"] = "\(version.major == 2 ? "2" : "\(version.major).\(version.minor)")" }
        metadata["retry"] = "\(request.attempt - 1)"
        if resent { metadata["resent"] = "kept connection closed" }
        if let proxy { metadata["proxy"] = "\(proxy)" }
        // Request ids are not secrets, and they are what a provider's support asks for.
        for name in ["cf-ray", "x-request-id", "request-id"] {
            if let value = response?.header(name) {
                metadata["request_id"] = "\(value)"
                break
            }
        }
        return metadata
    }
}
