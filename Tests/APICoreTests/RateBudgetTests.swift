import APICore
import Foundation
import Testing

/// The rate-limit budget: each provider's headers, the local count of a documented default, and 429s.
struct RateBudgetTests {
    private func response(_ headers: [String: String], status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers)
    }

    @Test func cloudflaresStructuredFieldsGiveLimitRemainingWindowAndReset() {
        let figures = RateLimitHeaders(
            response([#"Ratelimit"#: #""default";r=50;t=30"#, "Ratelimit-Policy": #""default";q=1200;w=300"#]))
        #expect(figures.limit == 1_200)
        #expect(figures.remaining == 50)
        #expect(figures.reset == .seconds(30))
        #expect(figures.window == .seconds(300))
    }

    @Test func openAIsHeadersGiveLimitRemainingAndAGoDurationReset() {
        let figures = RateLimitHeaders(
            response([
                "x-ratelimit-limit-requests": "500", "x-ratelimit-remaining-requests": "499",
                "x-ratelimit-reset-requests": "1m30.5s",
            ]))
        #expect(figures.limit == 500)
        #expect(figures.remaining == 499)
        #expect(figures.reset == .milliseconds(90_500))
        #expect(RateLimitHeaders.goDuration("20ms") == .milliseconds(20))
        #expect(RateLimitHeaders.goDuration("6m0s") == .seconds(360))
        #expect(RateLimitHeaders.goDuration("soon") == nil)
        #expect(RateLimitHeaders(response([:])).isEmpty)
    }

    @Test func withoutHeadersTheDefaultIsCountedLocally() throws {
        let budget = RateBudget(default: RateLimit(requests: 1_200, window: .seconds(300)))
        for _ in 0..<10 {
            budget.sending()
            budget.received(response([:]))
        }
        let reading = try #require(budget.reading)
        #expect(reading.remaining == 1_190)
        #expect(reading.limit == 1_200)
        #expect(!reading.fromServer)
        #expect("\(reading)" == "1190/1200 per 5m")
        #expect(!reading.isLow)
        #expect(reading.reserve == 120)
    }

    @Test func noLimitKnownGivesNoReadingUntilAHeaderSaysOne() throws {
        let budget = RateBudget()
        budget.sending()
        #expect(budget.reading == nil)
        budget.received(response(["x-ratelimit-limit-requests": "100", "x-ratelimit-remaining-requests": "20"]))
        let reading = try #require(budget.reading)
        #expect(reading.remaining == 20)
        #expect(reading.isLow)
        #expect(reading.allowsBackground(inFlight: 0))
        #expect(!reading.allowsBackground(inFlight: 10))
    }

    @Test func anOlderHigherFigureArrivingLateDoesNotUndoANewerOne() throws {
        let budget = RateBudget()
        let policy = #""default";q=100;w=300"#
        budget.sending()
        budget.sending()
        budget.received(response(["ratelimit": #""default";r=40;t=300"#, "ratelimit-policy": policy]))
        budget.received(response(["ratelimit": #""default";r=41;t=300"#, "ratelimit-policy": policy]))
        #expect(try #require(budget.reading).remaining == 40)
    }

    @Test func requestsInFlightAreTakenFromTheServersFigure() throws {
        let budget = RateBudget()
        budget.sending()
        budget.received(response(["x-ratelimit-limit-requests": "100", "x-ratelimit-remaining-requests": "50"]))
        budget.sending()
        budget.sending()
        #expect(try #require(budget.reading).remaining == 48)
        budget.failed()
        #expect(try #require(budget.reading).remaining == 49)
    }

    @Test func a429EmptiesTheBudgetUntilRetryAfterAndIsCounted() throws {
        let budget = RateBudget(default: RateLimit(requests: 1_200, window: .seconds(300)))
        budget.sending()
        budget.received(response(["retry-after": "20"], status: 429))
        let reading = try #require(budget.reading)
        #expect(reading.remaining == 0)
        #expect(reading.throttled == 1)
        let wait = try #require(reading.resetsIn)
        #expect(wait > .seconds(15) && wait <= .seconds(20))
    }

    @Test func theBudgetingTransportFeedsEveryAttemptToTheBudget() async throws {
        struct Answering: Transport {
            func send(_ request: HTTPRequest) async throws -> HTTPResponse {
                HTTPResponse(
                    status: 200, headers: ["x-ratelimit-limit-requests": "10", "x-ratelimit-remaining-requests": "7"])
            }
        }
        let budget = RateBudget()
        let transport = BudgetingTransport(base: Answering(), budget: budget)
        let request = HTTPRequest(method: .get, url: try #require(URL(string: "https://example.com/user")))
        _ = try await transport.send(request)
        #expect(budget.reading?.remaining == 7)
        #expect(budget.reading?.limit == 10)
    }
}
