import APICore
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// The live `Transport`: one shared AsyncHTTPClient with connect and request timeouts.
///
/// Logs method, path, status and duration only: never header values, bodies or query strings.
public final class HTTPClientTransport: Transport {
    private let client: HTTPClient
    private let requestTimeout: TimeAmount
    private let maxResponseBytes: Int
    private let logger: Logger

    /// Creates the client; call `shutdown()` before the process ends.
    public init(
        connectTimeout: Duration = .seconds(5), requestTimeout: Duration = .seconds(30),
        maxResponseBytes: Int = 64 << 20, logger: Logger = Logger(label: "orgtui.http")
    ) {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = HTTPClient.Configuration.Timeout(
            connect: .nanoseconds(Int64(connectTimeout.seconds * 1e9)),
            read: .nanoseconds(Int64(requestTimeout.seconds * 1e9)))
        // A redirect could carry credentials to another host.
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .enabled(limit: .ratio(20))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.requestTimeout = .nanoseconds(Int64(requestTimeout.seconds * 1e9))
        self.maxResponseBytes = maxResponseBytes
        self.logger = logger
    }

    public func send(_ request: HTTPRequest) async throws -> APICore.HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let started = ContinuousClock.now
        do {
            let response = try await client.execute(outgoing, timeout: requestTimeout)
            let body = try await response.body.collect(upTo: maxResponseBytes)
            var headers: [String: String] = [:]
            for header in response.headers { headers[header.name.lowercased()] = header.value }
            logger.info(
                "\(request.requestLine) → \(response.status.code)",
                metadata: ["ms": "\(Self.milliseconds(since: started))"])
            return APICore.HTTPResponse(
                status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
        } catch {
            let failure = Self.classify(error)
            logger.warning(
                "\(request.requestLine) failed: \(failure)", metadata: ["ms": "\(Self.milliseconds(since: started))"])
            throw failure
        }
    }

    /// Closes every connection.
    public func shutdown() async {
        try? await client.shutdown()
    }

    /// Sorts a client error by whether the request can have reached the server.
    static func classify(_ error: any Error) -> TransportError {
        if error is CancellationError { return .cancelled }
        if let error = error as? HTTPClientError {
            switch error {
            case .cancelled: return .cancelled
            case .connectTimeout, .socksHandshakeTimeout, .tlsHandshakeTimeout, .invalidURL, .emptyHost, .emptyScheme:
                return .connectionFailed(String(describing: error))
            case .readTimeout, .deadlineExceeded:
                return .timedOut
            default:
                return .failedAfterSending(String(describing: error))
            }
        }
        if error is NIOConnectionError { return .connectionFailed("connection refused or unreachable") }
        if let error = error as? ChannelError, case .connectTimeout = error { return .connectionFailed("connect timeout") }
        if let error = error as? IOError, [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(error.errnoCode) {
            return .connectionFailed("connection refused or unreachable")
        }
        return .failedAfterSending(String(describing: type(of: error)))
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        Int(((ContinuousClock.now - start).seconds * 1000).rounded())
    }
}
