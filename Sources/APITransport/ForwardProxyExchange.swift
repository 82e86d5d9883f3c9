import APICore
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// One request to a plain `http://` target through an HTTP proxy, the way proxies expect it: the request line
/// carries the absolute URL (`GET http://host/path HTTP/1.1`) and the proxy forwards it, with no `CONNECT` tunnel
/// (AsyncHTTPClient tunnels every proxied request, which a forward proxy logs as a tunnel, not as the request).
///
/// The connection is opened for the one request and closed after it (`Connection: close`); plain http is only ever
/// a loopback or test target, so there is no pool to keep.
enum ForwardProxyExchange {
    static func send(
        _ request: HTTPRequest, via proxy: ProxyEndpoint, connectTimeout: Duration, requestTimeout: Duration,
        maxResponseBytes: Int
    ) async throws -> APICore.HTTPResponse {
        let group = MultiThreadedEventLoopGroup.singleton
        let collector = ResponseCollector(maxBytes: maxResponseBytes, promise: group.next().makePromise())
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(connectTimeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(collector)
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: proxy.host, port: proxy.port).get()
        } catch {
            // Never in a pipeline: its answer will not come, and the promise must not leak. The error is classified
            // as any other connect failure is ("could not connect to the proxy …").
            collector.fail(error)
            throw error
        }
        let deadline = channel.eventLoop.scheduleTask(in: TimeAmount(requestTimeout)) {
            collector.fail(TransportError.timedOut)
            channel.close(promise: nil)
        }
        defer {
            deadline.cancel()
            channel.close(promise: nil)
        }
        var head = HTTPRequestHead(
            version: .http1_1, method: NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue),
            uri: request.url.absoluteString)
        for header in request.headers { head.headers.add(name: header.name, value: header.value) }
        if let host = request.url.host {
            head.headers.replaceOrAdd(name: "Host", value: request.url.port.map { "\(host):\($0)" } ?? host)
        }
        head.headers.replaceOrAdd(name: "Connection", value: "close")
        if let authorization = proxy.basicAuthorization {
            head.headers.replaceOrAdd(name: "Proxy-Authorization", value: authorization)
        }
        if let body = request.body {
            head.headers.replaceOrAdd(name: "Content-Length", value: "\(body.count)")
        } else if request.method != .get, request.method != .delete {
            head.headers.replaceOrAdd(name: "Content-Length", value: "0")
        }
        let sent: EventLoopFuture<Void> = channel.eventLoop.flatSubmit {
            channel.write(HTTPClientRequestPart.head(head), promise: nil)
            if let body = request.body {
                channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: body))), promise: nil)
            }
            return channel.writeAndFlush(HTTPClientRequestPart.end(nil))
        }
        do {
            try await sent.get()
        } catch {
            throw TransportError.connectionFailed("the proxy \(proxy) closed the connection: \(error)")
        }
        let response = try await collector.response.get()
        // The proxy itself asked for credentials (or refused the ones given): said as a tunnel's 407 is.
        if response.status == 407 { throw HTTPClientError.proxyAuthenticationRequired }
        // Some proxies answer wrong credentials with their own 401 page (not the API's JSON): a refusal by the proxy.
        let json = response.header("content-type")?.contains("json") ?? false
        if response.status == 401, proxy.user != nil, !json { throw HTTPClientError.invalidProxyResponse }
        return response
    }
}

/// Gathers one HTTP response (head, body up to a limit, end) into a promise.
private final class ResponseCollector: ChannelInboundHandler, @unchecked Sendable {
    // @unchecked: every mutable field is touched on the channel's event loop only (NIO's handler contract).
    typealias InboundIn = HTTPClientResponsePart

    private let maxBytes: Int
    private let promise: EventLoopPromise<APICore.HTTPResponse>
    private var finished = false
    private var head: HTTPResponseHead?
    private var body = ByteBuffer()
    /// The response, once the end of it arrived (a promise may be completed from any event loop).
    let response: EventLoopFuture<APICore.HTTPResponse>

    init(maxBytes: Int, promise: EventLoopPromise<APICore.HTTPResponse>) {
        self.maxBytes = maxBytes
        self.promise = promise
        response = promise.futureResult
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let responseHead):
            head = responseHead
        case .body(var part):
            guard body.readableBytes + part.readableBytes <= maxBytes else {
                fail(NIOTooManyBytesError(maxBytes: maxBytes))
                context.close(promise: nil)
                return
            }
            body.writeBuffer(&part)
        case .end:
            guard let head else { return fail(TransportError.connectionFailed("the proxy sent no response head")) }
            var headers: [String: String] = [:]
            for header in head.headers { headers[header.name.lowercased()] = header.value }
            let data = body.getData(at: body.readerIndex, length: body.readableBytes) ?? Data()
            guard !finished else { return }
            finished = true
            promise.succeed(APICore.HTTPResponse(status: Int(head.status.code), headers: headers, body: data))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(TransportError.failedAfterSending("the proxy closed the connection before the answer ended"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
        context.close(promise: nil)
    }

    /// Fails the response, once.
    func fail(_ error: any Error) {
        guard !finished else { return }
        finished = true
        promise.fail(error)
    }
}
