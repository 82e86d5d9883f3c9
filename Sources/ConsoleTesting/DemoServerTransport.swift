import APICore
import DemoServer

/// A `Transport` that hands every request to a DemoServer answering in process (no socket, no connection pool).
public struct DemoServerTransport: Transport {
    /// The server that answers.
    public let server: DemoServer

    /// A transport to `server`, which must come from `DemoServer.inProcess`.
    public init(server: DemoServer) {
        self.server = server
    }

    /// Sends `request` through the server's router; a "reset" fault arrives as `TransportError.failedAfterSending`.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await server.respond(to: request)
    }
}
