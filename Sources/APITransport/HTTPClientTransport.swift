import APICore
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The live `Transport`: HTTP/1.1 over kept-alive SwiftNIO connections (TLS by NIOSSL for https), with connect
/// and request timeouts.
///
/// Each request takes an idle connection to its origin or opens one, writes the request and waits for the whole
/// response, which the connection's last handler gathers into one buffer on the event loop (see
/// `HTTPExchangeHandler`). Redirects are not followed: one could carry credentials to another host.
///
/// Logs method, path, status and duration only: never header values, bodies or query strings.
public final class HTTPClientTransport: Transport {
    private let pool: HTTPConnectionPool
    private let requestTimeout: TimeAmount
    private let logger: Logger

    /// Creates the transport; call `shutdown()` before the process ends.
    public init(
        connectTimeout: Duration = .seconds(5), requestTimeout: Duration = .seconds(30),
        maxResponseBytes: Int = 64 << 20, logger: Logger = Logger(label: "orgtui.http")
    ) {
        pool = HTTPConnectionPool(
            group: MultiThreadedEventLoopGroup.singleton, connectTimeout: Self.timeAmount(connectTimeout),
            maxBodyBytes: maxResponseBytes)
        self.requestTimeout = Self.timeAmount(requestTimeout)
        self.logger = logger
    }

    public func send(_ request: HTTPRequest) async throws -> APICore.HTTPResponse {
        let started = ContinuousClock.now
        do {
            let response = try await exchange(request)
            logger.info(
                "\(request.requestLine) → \(response.status)", metadata: ["ms": "\(Self.milliseconds(since: started))"])
            return response
        } catch {
            let failure = Self.classify(error)
            logger.warning(
                "\(request.requestLine) failed: \(failure)", metadata: ["ms": "\(Self.milliseconds(since: started))"])
            throw failure
        }
    }

    /// Closes every connection.
    public func shutdown() async {
        await pool.closeAll()
    }

    private func exchange(_ request: HTTPRequest) async throws -> APICore.HTTPResponse {
        guard let origin = HTTPOrigin(request.url) else {
            throw TransportError.connectionFailed("not an http or https URL")
        }
        if let channel = pool.takeIdle(origin) {
            do {
                return try await exchange(request, on: channel, origin: origin)
            } catch ExchangeFailure.notSent {
                // The kept connection closed before it took the request: nothing left, so any request goes again.
            } catch ExchangeFailure.closed(answered: false) where request.isRetryable {
                // The server closed the kept connection as the request went out: a read is asked again on a new
                // one; a write is not (it may have arrived).
            }
            try Task.checkCancellation()
        }
        let channel: any Channel
        do {
            channel = try await pool.connect(origin)
        } catch {
            throw Self.connectFailure(error)
        }
        return try await exchange(request, on: channel, origin: origin)
    }

    private func exchange(_ request: HTTPRequest, on channel: any Channel, origin: HTTPOrigin) async throws
        -> APICore.HTTPResponse
    {
        let response = channel.eventLoop.makePromise(of: CollectedResponse.self)
        let written = channel.eventLoop.makePromise(of: Void.self)
        // A write that fails never reached the server (a request is a few hundred bytes: one write, taken whole or
        // refused); if the connection's close was seen first, the response already failed as `closed`.
        written.futureResult.whenFailure { _ in response.fail(ExchangeFailure.notSent) }
        let exchange = HTTPExchange(
            head: Self.head(of: request, origin: origin), body: request.body.map { ByteBuffer(bytes: $0) },
            timeout: requestTimeout, response: response)
        let collected = try await withTaskCancellationHandler {
            channel.writeAndFlush(exchange, promise: written)
            return try await response.futureResult.get()
        } onCancel: {
            channel.close(promise: nil)
        }
        if collected.reusable { pool.giveBack(channel, to: origin) } else { channel.close(promise: nil) }
        var headers: [String: String] = [:]
        for header in collected.head.headers { headers[header.name.lowercased()] = header.value }
        // The body's bytes are handed over as they are (the Data keeps the buffer alive): a page is not copied.
        let body = collected.body
        return APICore.HTTPResponse(
            status: Int(collected.head.status.code), headers: headers,
            body: body.getData(at: body.readerIndex, length: body.readableBytes, byteTransferStrategy: .noCopy)
                ?? Data())
    }

    /// The request line and headers: the request's own, `Host`, and a length for every body.
    static func head(of request: HTTPRequest, origin: HTTPOrigin) -> HTTPRequestHead {
        var head = HTTPRequestHead(
            version: .http1_1, method: NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue),
            uri: requestTarget(of: request.url))
        head.headers.reserveCapacity(request.headers.count + 3)
        head.headers.add(name: "Host", value: origin.hostHeader)
        for header in request.headers { head.headers.add(name: header.name, value: header.value) }
        if let body = request.body {
            head.headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
        } else if request.method != .get, request.method != .delete {
            head.headers.replaceOrAdd(name: "Content-Length", value: "0")
        }
        return head
    }

    /// The path and query of `url`, as they go on the request line (already percent-encoded by the URL).
    static func requestTarget(of url: URL) -> String {
        let path = url.path(percentEncoded: true)
        let query = url.query(percentEncoded: true)
        return (path.isEmpty ? "/" : path) + (query.map { "?" + $0 } ?? "")
    }

    /// Sorts a failure by whether the request can have reached the server.
    static func classify(_ error: any Error) -> TransportError {
        if let error = error as? TransportError { return error }
        if error is CancellationError { return .cancelled }
        if let failure = error as? ExchangeFailure {
            switch failure {
            case .notSent:
                if Task.isCancelled { return .cancelled }
                return .connectionFailed("the connection closed before the request was sent")
            case .timedOut: return .timedOut
            case .tooLarge(let limit): return .failedAfterSending("the response is larger than \(limit) bytes")
            case .closed(let answered):
                if Task.isCancelled { return .cancelled }
                return .failedAfterSending(answered ? "the connection closed mid-response" : "the connection closed")
            }
        }
        if Task.isCancelled { return .cancelled }
        // A TLS handshake that failed: requests wait for the handshake, so this one never left.
        if error is NIOSSLError || error is BoringSSLError { return .connectionFailed("TLS: \(error)") }
        return .failedAfterSending(String(describing: type(of: error)))
    }

    /// A connection that could not be opened: the request never left.
    static func connectFailure(_ error: any Error) -> TransportError {
        if error is CancellationError || Task.isCancelled { return .cancelled }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return .connectionFailed("connect timeout")
        }
        if error is NIOConnectionError || error is IOError {
            return .connectionFailed("connection refused or unreachable")
        }
        return .connectionFailed(String(describing: type(of: error)))
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        .nanoseconds(Int64(duration.seconds * 1e9))
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        Int(((ContinuousClock.now - start).seconds * 1000).rounded())
    }
}
