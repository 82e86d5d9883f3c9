import Foundation
import Hummingbird
import Logging

/// A small loopback server for what the demo server never does: redirects, gzip bodies, and echoing the request
/// head back.
///
/// - `GET /redirect/{status}`: that status, `Location: /elsewhere?token=secret`, body "see elsewhere".
/// - `GET /gzip`: the bytes it was made with, gzipped, with `Content-Encoding: gzip`.
/// - `* /echo`: the request's method and headers as JSON (`{"method":…,"headers":{name:value}}`).
/// - `GET /elsewhere`: "followed" (a client that follows a redirect ends here).
final class CannedServer: Sendable {
    let port: Int
    private let task: Task<Void, any Error>

    private init(port: Int, task: Task<Void, any Error>) {
        self.port = port
        self.task = task
    }

    /// `http://127.0.0.1:PORT` + `path`.
    func url(_ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)") ?? URL(fileURLWithPath: "/")
    }

    static func start(gzipped: [UInt8] = []) async throws -> CannedServer {
        let router = Router()
        router.get("/redirect/{status}") { _, context -> Response in
            let status = Int(context.parameters.get("status") ?? "") ?? 302
            return Response(
                status: .init(code: status), headers: [.location: "/elsewhere?token=secret"],
                body: .init(byteBuffer: ByteBuffer(string: "see elsewhere")))
        }
        router.get("/elsewhere") { _, _ in "followed" }
        router.get("/gzip") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentEncoding: "gzip", .contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: gzipped)))
        }
        router.on("/echo", method: .post, use: echo)
        router.on("/echo", method: .get, use: echo)
        router.on("/echo", method: .put, use: echo)
        router.on("/echo", method: .delete, use: echo)
        let (events, continuation) = AsyncStream<Int?>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { continuation.yield($0.localAddress?.port) },
            logger: Logger(label: "canned", factory: { _ in SwiftLogNoOpLogHandler() }))
        let task = Task { try await app.run() }
        for await port in events {
            guard let port else { break }
            return CannedServer(port: port, task: task)
        }
        task.cancel()
        throw CancellationError()
    }

    @Sendable private static func echo(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        headers["host"] = request.head.authority
        let body = try JSONSerialization.data(withJSONObject: ["method": request.method.rawValue, "headers": headers])
        return Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }
}
