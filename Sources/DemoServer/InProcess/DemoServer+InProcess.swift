import APICore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Synchronization

extension DemoServer {
    /// The host of an in-process server's URLs (a loopback name, so clients accept plain http); nothing listens
    /// there, requests go to `respond(to:)`.
    public static let inProcessHost = "demo.localhost"

    /// Seeds the data and builds the router without binding a socket: requests reach it through `respond(to:)`
    /// (the same middleware, fault rules and request log as a listening server). `stop()` does nothing.
    public static func inProcess(_ configuration: DemoServerConfiguration) async -> DemoServer {
        DemoServer(inProcess: await makeParts(configuration), host: inProcessHost)
    }

    /// Answers `request` through the router, as the socket would; only its path and query are read, not its host.
    ///
    /// Throws `TransportError.failedAfterSending` when a "reset" fault drops the connection (the handler may have
    /// run: the outcome is unknown) and `TransportError.cancelled` when the calling task is cancelled.
    public func respond(to request: APICore.HTTPRequest) async throws -> APICore.HTTPResponse {
        guard let responder else { throw TransportError.connectionFailed("the demo server is not in process") }
        try Task.checkCancellation()
        let dropped = Mutex(false)
        let context = DemoRequestContext(
            inProcess: InProcessContextSource(logger: Self.quietLogger),
            closeConnection: { dropped.withLock { $0 = true } })
        let body = request.body ?? Data()
        let hummingbirdRequest = Request(
            head: Self.head(of: request, bodyLength: body.count), body: RequestBody(buffer: ByteBuffer(bytes: body)))
        let response: Response
        do {
            response = try await responder.respond(to: hummingbirdRequest, context: context)
        } catch is CancellationError {
            throw TransportError.cancelled
        }
        if dropped.withLock({ $0 }) {
            throw TransportError.failedAfterSending("the demo server closed the connection")
        }
        let collector = InProcessBodyCollector()
        try await response.body.write(collector)
        var headers: [String: String] = [:]
        for field in response.headers { headers[field.name.canonicalName] = field.value }
        return APICore.HTTPResponse(status: response.status.code, headers: headers, body: collector.data)
    }

    private static let quietLogger = Logger(label: "orgtui.demo-server", factory: { _ in SwiftLogNoOpLogHandler() })

    private static func head(of request: APICore.HTTPRequest, bodyLength: Int) -> HTTPTypes.HTTPRequest {
        var fields = HTTPFields()
        for (name, value) in request.headers {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        if bodyLength > 0 || request.body != nil { fields[.contentLength] = String(bodyLength) }
        var path = request.url.path(percentEncoded: true)
        if path.isEmpty { path = "/" }
        if let query = request.url.query(percentEncoded: true) { path += "?" + query }
        return HTTPTypes.HTTPRequest(
            method: HTTPTypes.HTTPRequest.Method(request.method.rawValue) ?? .get, scheme: "http",
            authority: inProcessHost, path: path, headerFields: fields)
    }
}

/// Collects a response body written by Hummingbird; used by one task at a time.
private final class InProcessBodyCollector: ResponseBodyWriter, @unchecked Sendable {
    private(set) var data = Data()

    func write(_ buffer: ByteBuffer) async throws {
        data.append(contentsOf: buffer.readableBytesView)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
