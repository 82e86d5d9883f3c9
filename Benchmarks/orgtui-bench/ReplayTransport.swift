import APICore
import Foundation
import Synchronization

/// Passes requests on to another transport and keeps every answer by URL, so they can be replayed.
final class RecordingTransport: Transport {
    private let base: any Transport
    private let answers = Mutex<[String: HTTPResponse]>([:])

    init(base: any Transport) { self.base = base }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await base.send(request)
        answers.withLock { $0[request.url.absoluteString] = response }
        return response
    }

    /// Every answer so far, by URL.
    var recorded: [String: HTTPResponse] { answers.withLock { $0 } }
}

/// Answers from memory: the recorded answer of each URL, or one fixed answer for every URL.
struct ReplayTransport: Transport {
    let answers: [String: HTTPResponse]
    var fixed: HTTPResponse?

    init(answers: [String: HTTPResponse]) {
        self.answers = answers
    }

    init(fixed: HTTPResponse) {
        answers = [:]
        self.fixed = fixed
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if let fixed { return fixed }
        guard let response = answers[request.url.absoluteString] else {
            return HTTPResponse(status: 404, body: Data("{\"error\":\"not recorded\"}".utf8))
        }
        return response
    }
}
