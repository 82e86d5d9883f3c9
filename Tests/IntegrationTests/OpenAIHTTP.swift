import DemoServer
import Foundation
import Testing

/// Raw HTTP against the DemoServer's `/v1`, authenticated with the OpenAI login key unless told otherwise.
enum OpenAIHTTP {
    /// Which `Authorization: Bearer` a request carries.
    enum Credential {
        /// The server's OpenAI login key.
        case login
        /// No `Authorization` header.
        case missing
        /// This key.
        case key(String)
    }

    /// Sends `method` to `/v1` + `path`.
    static func send(
        _ method: String, _ path: String, on server: DemoServer, as credential: Credential = .login,
        body: String? = nil
    ) async throws -> DemoServerTests.Raw {
        let auth: DemoServerTests.Auth
        switch credential {
        case .login: auth = .bearer(server.openAILoginKey)
        case .missing: auth = .none
        case .key(let value): auth = .bearer(value)
        }
        return try await DemoServerTests.send(method, "/v1" + path, on: server, auth: auth, body: body, prefix: false)
    }

    /// Runs `body` against a fresh server with `users` OpenAI users and always stops it afterwards.
    @discardableResult
    static func withServer<T>(users: Int = 60, _ body: (DemoServer) async throws -> T) async throws -> T {
        try await withServer(DemoServerConfiguration(members: 20, openAIUsers: users), body)
    }

    /// Runs `body` against a fresh server with `configuration` and always stops it afterwards.
    @discardableResult
    static func withServer<T>(_ configuration: DemoServerConfiguration, _ body: (DemoServer) async throws -> T)
        async throws -> T
    {
        let server = try await DemoServer.start(configuration)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}

extension DemoServerTests.Raw {
    /// `data` of an OpenAI list.
    var data: [[String: Any]]? { object?["data"] as? [[String: Any]] }
    /// The ids in `data`, in order.
    var ids: [String] { (data ?? []).compactMap { $0["id"] as? String } }
    /// The `error` object of an OpenAI error body.
    var error: [String: Any]? { object?["error"] as? [String: Any] }
}
