import APICore
import DemoServer

/// A `Transport` that hands every request to a DemoServer answering in process (no socket, no connection pool).
public struct DemoServerTransport: Transport {
    /// The server that answers.
    public let server: DemoServer
    /// Where requests are recorded as sent and may be held.
    public let traffic: DemoTraffic

    /// A transport to `server`, which must come from `DemoServer.inProcess`.
    public init(server: DemoServer, traffic: DemoTraffic = DemoTraffic()) {
        self.server = server
        self.traffic = traffic
    }

    /// Sends `request` through the server's router; a "reset" fault arrives as `TransportError.failedAfterSending`.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await traffic.pass(request)
        traffic.record(request)
        return try await server.respond(to: request)
    }
}
