import Foundation

/// A transport that applies a `RetryPolicy` around another transport.
public struct RetryingTransport: Transport {
    /// Waits for a duration; injected so tests control time.
    public typealias Sleep = @Sendable (Duration) async throws -> Void

    public let base: any Transport
    public let policy: RetryPolicy
    private let sleep: Sleep
    private let unitRandom: @Sendable () -> Double

    public init(
        base: any Transport, policy: RetryPolicy = .standard,
        sleep: @escaping Sleep = { try await Task.sleep(for: $0) },
        unitRandom: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.base = base
        self.policy = policy
        self.sleep = sleep
        self.unitRandom = unitRandom
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var attempt = 1
        while true {
            try Task.checkCancellation()
            let wait: Duration
            do {
                var sent = request
                sent.attempt = attempt
                let response = try await base.send(sent)
                guard request.isRetryable, RetryPolicy.isRetryableStatus(response.status),
                    attempt < policy.maxAttempts
                else { return response }
                let asked = RetryPolicy.retryAfter(response.header("retry-after"))
                if let asked, asked > policy.retryAfterCap { return response }
                wait = asked ?? policy.backoff(retry: attempt, unitRandom: unitRandom())
            } catch let error as TransportError {
                // A write may be sent again only when it never left this machine.
                let mayRetry = error != .cancelled && (request.isRetryable || !error.mayHaveReachedServer)
                guard mayRetry, attempt < policy.maxAttempts else { throw error }
                wait = policy.backoff(retry: attempt, unitRandom: unitRandom())
            }
            try await sleep(wait)
            attempt += 1
        }
    }
}
