/// A transport that feeds a `RateBudget` every request it sends and every answer it gets; it sits under the retry
/// policy, so each attempt counts, as it does at the server.
public struct BudgetingTransport: Transport {
    /// The transport that sends.
    public let base: any Transport
    /// The budget it keeps.
    public let budget: RateBudget

    /// Sends through `base`, keeping `budget`.
    public init(base: any Transport, budget: RateBudget) {
        self.base = base
        self.budget = budget
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        budget.sending()
        do {
            let response = try await base.send(request)
            budget.received(response)
            return response
        } catch {
            budget.failed()
            throw error
        }
    }
}
