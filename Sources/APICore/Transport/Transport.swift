/// Sends one HTTP request and returns the response; the seam between the API core and the network.
///
/// Implementations throw `TransportError` for failures below HTTP, so the retry policy and the
/// "outcome unknown" rule work the same over the live client and the test fakes.
public protocol Transport: Sendable {
    /// Sends `request` once.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
