import APICore
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import DemoServer
import Foundation
import KeycardAPI
import Testing

/// How a write is made to end.
enum RunnerEnd: String, CaseIterable, Sendable {
    /// The session is read-only.
    case readOnly
    /// The server does it.
    case done
    /// The server answers 403 (code 9109).
    case refused
    /// The server does it, then drops the connection before answering.
    case unknown
}

@MainActor
@Suite("The write runner: every write with every outcome, against the demo server")
struct WriteRunnerTests {
    @Test(arguments: CloudflareWrites.all + KeycardWrites.all, RunnerEnd.allCases)
    func aWriteEndsAsTheServerSaysAndIsSentAtMostOnce(write: WriteCase, end: RunnerEnd) async throws {
        try await DemoSession.with(write.provider, readOnly: end == .readOnly) { demo in
            let prepared = try await write.prepare(demo)
            let before = await demo.log().count
            switch end {
            case .refused: demo.server.faults.inject(.status(403), method: write.method, path: write.path)
            case .unknown:
                demo.server.faults.inject(.reset(afterHandling: true), method: write.method, path: write.path)
            case .readOnly, .done: break
            }
            await prepared.write()
            let result = try #require(demo.results.last, "the runner reports every write")
            #expect(result.actionID == write.actionID)
            let sent = await demo.log().dropFirst(before).filter(write.matches)
            // The write's own notice: the runner's last one, once the waiter has seen it.
            let noticed = await demo.waiter.until {
                guard let last = demo.waiter.notices.last else { return false }
                switch end {
                case .readOnly: return last.text.hasPrefix("Read-only mode:")
                case .done: return last.level == .success
                case .refused: return last.level == .error
                case .unknown: return last.level == .warning || last.level == .error
                }
            }
            #expect(noticed, "\(demo.waiter.notices)")
            let notice = try #require(demo.waiter.lastNotice)
            switch end {
            case .readOnly:
                #expect(result.outcome == .readOnly)
                #expect(await demo.log().dropFirst(before).allSatisfy { $0.method == "GET" }, "nothing is sent")
                #expect(notice.text.hasPrefix("Read-only mode:") && notice.text.contains("nothing was sent"))
            case .done:
                #expect(result.outcome == .done)
                #expect(sent.count == 1)
                #expect(notice.level == .success)
            case .refused:
                guard case .refused(let message) = result.outcome else {
                    Issue.record("outcome \(result.outcome)")
                    return
                }
                #expect(message.hasPrefix("Access denied"), "the API's message: \(message)")
                #expect(sent.count == 1, "a refused write is not retried")
                #expect(notice.level == .error && notice.text.contains(message))
            case .unknown:
                guard case .unknown = result.outcome else {
                    Issue.record("outcome \(result.outcome)")
                    return
                }
                #expect(notice.level == .warning || notice.level == .error)
                let reread = prepared.reread
                #expect(
                    await demo.eventually { log in
                        log.dropFirst(before).drop { !write.matches($0) }.contains {
                            $0.method == "GET" && $0.path.hasSuffix(reread)
                        }
                    }, "the resource is read again after the write")
                #expect(await demo.log().dropFirst(before).filter(write.matches).count == 1, "never re-sent")
            }
        }
    }
}

@MainActor
@Suite("The write runner's own rules: one write per token at a time, one hook for every result")
struct WriteRunnerRuleTests {
    @Test func aSecondRollOfATokenWaitingForItsAnswerIsNotSent() async throws {
        try await DemoSession.with { demo in
            try await Ready.top(demo)
            let token = try Ready.token(demo)
            // The server holds the first roll's answer, so the second arrives while it is under way.
            demo.server.faults.inject(.latency(.milliseconds(300)), method: "PUT", path: "/user/tokens/*/value")
            let first = demo.session.tokens.roll(id: token.id)
            let second = demo.session.tokens.roll(id: token.id)
            await first.value
            await second.value
            #expect(
                demo.results.map(\.outcome) == [
                    .notSent("'\(token.name)' is still being changed; wait for the answer"), .done,
                ])
            #expect(await demo.writes().filter { $0.path.hasSuffix("/value") }.count == 1)
            #expect(demo.session.tokens.busyTokenIDs.isEmpty)
            #expect(demo.session.tokens.reveal?.tokenID == token.id)
        }
    }

    @Test func readOnlyIsTheRunnersFlagAndTheSessionsToggleSetsIt() async throws {
        try await DemoSession.with { demo in
            #expect(!demo.session.writes.readOnly)
            demo.session.setReadOnly(true)
            #expect(demo.session.writes.readOnly && demo.session.readOnly)
            await demo.session.accounts.create(name: "Fresh").value
            #expect(demo.results == [WriteResult(actionID: "accounts.create", target: "Fresh", outcome: .readOnly)])
            #expect(await demo.writes().isEmpty)
        }
    }

    @Test func aResultNeverHoldsTheNewSecret() async throws {
        try await DemoSession.with { demo in
            try await Ready.top(demo)
            let token = try Ready.token(demo)
            await demo.session.tokens.roll(id: token.id).value
            let secret = try #require(demo.session.tokens.reveal?.secret.reveal())
            let result = try #require(demo.results.last)
            #expect(result.outcome == .done)
            #expect(!"\(result)".contains(secret), "the journal hook can be given the result as it is")
        }
    }
}
