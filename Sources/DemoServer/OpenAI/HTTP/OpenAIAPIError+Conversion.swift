import Hummingbird

extension OpenAIAPIError {
    /// The OpenAI form of any error a `/v1` request ended with (shared helpers throw the v4 `DemoAPIError`).
    init(converting error: any Error, method: String, path: String) {
        switch error {
        case let error as OpenAIAPIError:
            self = error
        case let error as DemoAPIError:
            switch error {
            case .notFound: self = .invalidURL(method: method, path: path)
            case .failure(let status, let errors, let retryAfter):
                if errors.contains(where: { $0.code == 6007 }) && status == 400 {
                    self = .malformedJSON
                } else {
                    let message = errors.map(\.message).joined(separator: "; ")
                    self = OpenAIAPIError(
                        status: status, message: message.isEmpty ? "Invalid request" : message,
                        type: status >= 500 ? "server_error" : "invalid_request_error", retryAfter: retryAfter)
                }
            }
        case let error as HTTPError:
            if error.status == .notFound {
                self = .invalidURL(method: method, path: path)
            } else {
                self = OpenAIAPIError(
                    status: error.status.code, message: error.body ?? error.status.reasonPhrase,
                    type: error.status.code >= 500 ? "server_error" : "invalid_request_error")
            }
        default:
            self = OpenAIAPIError(
                status: 500, message: "The server had an error while processing your request. Sorry about that!",
                type: "server_error")
        }
    }
}
