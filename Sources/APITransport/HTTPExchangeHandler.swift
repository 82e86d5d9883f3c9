import NIOCore
import NIOHTTP1

/// One request written to a connection, and the promise its whole response completes.
struct HTTPExchange {
    let head: HTTPRequestHead
    let body: ByteBuffer?
    /// How long the whole exchange may take, from the write.
    let timeout: TimeAmount
    let response: EventLoopPromise<CollectedResponse>
}

/// A response read whole: the head, the body in one buffer, and whether the connection can carry another request.
struct CollectedResponse: Sendable {
    let head: HTTPResponseHead
    let body: ByteBuffer
    let reusable: Bool
}

/// Why an exchange failed on its connection, as the transport needs to know it.
enum ExchangeFailure: Error {
    /// The request could not be written: the connection was closed (or failed) before it took the bytes.
    case notSent
    /// The connection closed (or was reset); `answered` says whether any of the response had arrived.
    case closed(answered: Bool)
    /// The body grew past the transport's limit.
    case tooLarge(limit: Int)
    /// The exchange's deadline passed.
    case timedOut
}

/// The last handler of a connection's pipeline: writes one request at a time and gathers its response into one
/// buffer, then completes the exchange's promise on the event loop, so a whole response costs the waiting task
/// one wake-up (no body stream, no per-chunk hop between threads).
final class HTTPExchangeHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = HTTPExchange
    typealias OutboundOut = HTTPClientRequestPart

    private let maxBodyBytes: Int
    private var pending: EventLoopPromise<CollectedResponse>?
    private var head: HTTPResponseHead?
    private var body: ByteBuffer?
    private var requestKeepsAlive = true
    /// The pending exchange's deadline, scheduled and cancelled on the event loop (from another thread each would
    /// cost a wake-up of the loop).
    private var deadline: Scheduled<Void>?

    init(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        guard pending == nil else {
            // One exchange at a time per connection: the pool never hands out a busy one.
            exchange.response.fail(ExchangeFailure.closed(answered: false))
            promise?.fail(ExchangeFailure.closed(answered: false))
            return
        }
        pending = exchange.response
        head = nil
        body = nil
        requestKeepsAlive = exchange.head.isKeepAlive
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(in: exchange.timeout) {
            bound.value.handler.fail(ExchangeFailure.timedOut, context: bound.value.context)
        }
        context.write(wrapOutboundOut(.head(exchange.head)), promise: nil)
        if let body = exchange.body { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard pending != nil else { return }
        switch unwrapInboundIn(data) {
        case .head(let responseHead):
            head = responseHead
            let expected = responseHead.headers.first(name: "content-length").flatMap { Int($0) } ?? 0
            body = context.channel.allocator.buffer(capacity: min(max(expected, 0), maxBodyBytes))
        case .body(var part):
            guard var collected = body else { return }
            body = nil  // unique, so the append below does not copy
            guard collected.readableBytes + part.readableBytes <= maxBodyBytes else {
                fail(ExchangeFailure.tooLarge(limit: maxBodyBytes), context: context)
                return
            }
            collected.writeBuffer(&part)
            body = collected
        case .end:
            guard let responseHead = head, let promise = pending else { return }
            pending = nil
            deadline?.cancel()
            deadline = nil
            let collected = body ?? context.channel.allocator.buffer(capacity: 0)
            head = nil
            body = nil
            promise.succeed(
                CollectedResponse(
                    head: responseHead, body: collected, reusable: requestKeepsAlive && responseHead.isKeepAlive))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        if let promise = pending {
            pending = nil
            promise.fail(ExchangeFailure.closed(answered: head != nil))
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A reset (ECONNRESET, EPIPE) is the connection closing under the exchange, like an end of stream.
        fail(error is IOError ? ExchangeFailure.closed(answered: head != nil) : error, context: context)
    }

    private func fail(_ error: any Error, context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        if let promise = pending {
            pending = nil
            promise.fail(error)
        }
        context.close(promise: nil)
    }
}
