import APICore
import ConsoleTesting
import Foundation
import Testing

@Suite("Retry policy: reads retried, writes never re-sent")
struct RetryPolicyTests {
    private let userJSON = envelope(#"{"id":"u1","email":"a@b.c"}"#)

    private func status(_ code: Int, headers: [String: String] = [:]) -> FakeTransport.Outcome {
        .response(
            HTTPResponse(
                status: code, headers: headers, body: Data(errorEnvelope(code: 971, message: "slow down").utf8)))
    }

    private func ok(_ json: String) -> FakeTransport.Outcome {
        .response(HTTPResponse(status: 200, body: Data(json.utf8)))
    }

    @Test(arguments: [408, 429, 500, 502, 503])
    func readsAreRetriedOnTransientStatuses(code: Int) async throws {
        let transport = FakeTransport()
        let sleeper = RecordingSleeper()
        transport.script(.get, "/user", [status(code), ok(userJSON)])
        let user = try await makeClient(transport, retrying: sleeper).user()
        #expect(user.id == "u1")
        #expect(transport.count(.get, "/user") == 2)
        #expect(sleeper.recorded == [.milliseconds(500)])
    }

    @Test func backoffGrowsAndStopsAfterThreeAttempts() async throws {
        let transport = FakeTransport()
        let sleeper = RecordingSleeper()
        transport.script(.get, "/user", [status(503)])
        await #expect {
            try await makeClient(transport, retrying: sleeper).user()
        } throws: { error in
            (error as? APIError)?.status == 503
        }
        #expect(transport.count(.get, "/user") == 3)
        #expect(sleeper.recorded == [.milliseconds(500), .seconds(1)])
    }

    @Test func fullJitterScalesTheCeiling() {
        let policy = RetryPolicy()
        #expect(policy.backoff(retry: 3, unitRandom: 0.5) == .seconds(1))
        #expect(policy.backoff(retry: 10, unitRandom: 1) == .seconds(8))
        #expect(policy.backoff(retry: 1, unitRandom: 0) == .zero)
    }

    @Test func retryAfterSecondsIsHonoured() async throws {
        let transport = FakeTransport()
        let sleeper = RecordingSleeper()
        transport.script(.get, "/user", [status(429, headers: ["Retry-After": "7"]), ok(userJSON)])
        _ = try await makeClient(transport, retrying: sleeper).user()
        #expect(sleeper.recorded == [.seconds(7)])
    }

    @Test func retryAfterHTTPDateIsHonoured() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let later = now.addingTimeInterval(12)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let wait = try #require(RetryPolicy.retryAfter(formatter.string(from: later), now: now))
        #expect(abs(wait.seconds - 12) < 0.001)
        #expect(RetryPolicy.retryAfter("soon") == nil)
    }

    @Test func retryAfterBeyondTheCapIsReportedNotWaited() async throws {
        let transport = FakeTransport()
        let sleeper = RecordingSleeper()
        transport.script(.get, "/user", [status(429, headers: ["Retry-After": "3600"]), ok(userJSON)])
        await #expect {
            try await makeClient(transport, retrying: sleeper).user()
        } throws: { error in
            (error as? APIError)?.retryAfter == 3600
        }
        #expect(sleeper.recorded.isEmpty)
        #expect(transport.count(.get, "/user") == 1)
    }

    @Test func aRollIsNotRetriedAfterA503() async throws {
        let transport = FakeTransport()
        let sleeper = RecordingSleeper()
        transport.script(.put, "/user/tokens/t1/value", [status(503), ok(envelope(#""second""#))])
        await #expect {
            try await makeClient(transport, retrying: sleeper).rollToken(.user, id: "t1")
        } throws: { error in
            (error as? APIError)?.status == 503
        }
        #expect(transport.count(.put, "/user/tokens/t1/value") == 1)
    }

    @Test func aWriteIsRetriedWhenNothingWasSent() async throws {
        let transport = FakeTransport()
        let sleeper = RecordingSleeper()
        transport.script(
            .patch, "/user/invites/i1",
            [
                .failure(.connectionFailed("refused")),
                ok(envelope(#"{"id":"i1","organization_id":"a","status":"accepted"}"#)),
            ])
        let invite = try await makeClient(transport, retrying: sleeper).respondToInvite(id: "i1", .accept)
        #expect(invite.status == .known(.accepted))
        #expect(transport.count(.patch, "/user/invites/i1") == 2)
    }

    @Test(arguments: [TransportError.timedOut, .failedAfterSending("connection reset by peer")])
    func aWriteThatMayHaveHappenedIsOutcomeUnknownAndNotResent(failure: TransportError) async throws {
        let transport = FakeTransport()
        let sleeper = RecordingSleeper()
        transport.script(.put, "/user/tokens/t1/value", [.failure(failure), ok(envelope(#""second""#))])
        await #expect {
            try await makeClient(transport, retrying: sleeper).rollToken(.user, id: "t1")
        } throws: { error in
            (error as? APIError)?.kind == .outcomeUnknown
        }
        #expect(transport.count(.put, "/user/tokens/t1/value") == 1)
    }

    @Test func aReadTimeoutIsRetried() async throws {
        let transport = FakeTransport()
        let sleeper = RecordingSleeper()
        transport.script(.get, "/user", [.failure(.timedOut), ok(userJSON)])
        _ = try await makeClient(transport, retrying: sleeper).user()
        #expect(transport.count(.get, "/user") == 2)
    }
}
