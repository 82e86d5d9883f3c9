import APICore
import CloudflareAPI
import ConsoleModel
import DemoServer
import Foundation
import Testing

/// One write of the console as the runner tests make it: how to get the session ready, the request it sends, and
/// what it reads again when the answer is lost.
struct WriteCase: Sendable, CustomTestStringConvertible {
    /// A session made ready for the write.
    struct Prepared {
        /// Makes the write through the view-model, as the UI does after its confirmation.
        let write: @MainActor () async -> Void
        /// The path (suffix) of the read that shows what the server has after an unknown outcome.
        let reread: String
    }

    let actionID: String
    /// Whose API the write goes to.
    var provider: DemoSession.Provider = .cloudflare
    /// The write's HTTP method and path pattern (`*` one segment; no `/client/v4`), as the fault injector takes it.
    let method: String
    let path: String
    let prepare: @MainActor @Sendable (DemoSession) async throws -> Prepared

    var testDescription: String { actionID }

    /// Whether `record` is this write's request.
    func matches(_ record: DemoRequestRecord) -> Bool {
        guard record.method == method else { return false }
        let pattern = "^(/client/v4)?" + path.replacingOccurrences(of: "*", with: "[^/]+") + "$"
        return record.path.range(of: pattern, options: .regularExpression) != nil
    }
}
