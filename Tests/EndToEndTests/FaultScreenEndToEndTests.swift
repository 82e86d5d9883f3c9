import APICore
import ConsoleTesting
import Foundation
import Testing

/// The fault matrix's row where the screen matters: the real binary in tmux while the demo server (through its
/// control route, as another process would) answers a list with a fault. What a person sees: the error in plain words
/// where the list would be, keys that still work, and the list back once the fault is gone.
@Suite("End to end (tmux): faults as a person sees them", .serialized, .enabled(if: EndToEndEnvironment.isEnabled))
struct FaultScreenEndToEndTests {
    /// Adds a fault rule to the demo server (`POST /__demo/faults`), or clears them all (`rule` nil).
    static func fault(_ rule: String?, on run: ConsoleRun) async throws {
        let origin = run.server.baseURL.replacingOccurrences(of: "/client/v4", with: "")
        let url = try #require(URL(string: origin + "/__demo/faults"))
        let response = try await run.http.send(
            HTTPRequest(
                method: rule == nil ? .delete : .post, url: url,
                headers: [("Authorization", "Bearer \(run.server.token)"), ("Content-Type", "application/json")],
                body: rule.map { Data($0.utf8) }))
        #expect(response.status == 200, "the control route took the rule")
    }

    /// Text of an API's or a proxy's that must never reach the screen.
    static func assertPlainWords(_ screen: String) {
        for leak in ["<html", "<title", "{\"", "DecodingError", "Optional(", "HTTPClientError", "NIO"] {
            #expect(!screen.contains(leak), "'\(leak)' on the screen:\n\(screen)")
        }
    }

    @Test("A credential revoked mid-session: Members says so and how to fix it; keys work; the list returns")
    func revokedCredential() async throws {
        try await withConsole { run in
            try await run.tmux.waitForText("Acme Corp")
            try await Self.fault(
                #"{"method":"GET","path":"/accounts/*/members","kind":"status","status":401}"#, on: run)
            try await run.tmux.sendKeys("Enter")
            let failed = try await run.tmux.waitForText("revoked or expired")
            Self.assertPlainWords(failed.text)
            // The console answers keys: the Tokens pane of the same scope opens and loads.
            try await run.tmux.sendKeys("3")
            _ = try await waitForPane(run, .tokens)
            try await Self.fault(nil, on: run)
            try await run.tmux.sendKeys("2", "r")
            let back = try await waitForPane(run, .members, also: "alex.morgan@example.com")
            #expect(!back.text.contains("revoked"))
        }
    }

    @Test("A proxy's HTML page instead of the tokens list: said to be a proxy's, no markup on screen")
    func proxyPage() async throws {
        try await withConsole { run in
            try await run.tmux.waitForText("Acme Corp")
            try await Self.fault(#"{"method":"GET","path":"/user/tokens","kind":"html","status":403}"#, on: run)
            try await run.tmux.sendKeys("3", "r")
            let failed = try await run.tmux.waitForText("proxy")
            Self.assertPlainWords(failed.text)
            try await run.tmux.sendKeys("1")
            _ = try await waitForPane(run, .accounts, also: "Acme Corp")
            try await Self.fault(nil, on: run)
            try await run.tmux.sendKeys("3", "r")
            _ = try await waitForPane(run, .tokens, also: "◀ signed in")
        }
    }

    @Test("A 503, a 429 with Retry-After and a reset: each list recovers by itself, no error left on screen")
    func transientFaultsRecover() async throws {
        try await withConsole { run in
            try await run.tmux.waitForText("Acme Corp")
            try await Self.fault(
                #"{"method":"GET","path":"/accounts/*/members","kind":"status","status":429,"retryAfter":1,"times":1}"#,
                on: run)
            try await Self.fault(
                #"{"method":"GET","path":"/user/invites","kind":"status","status":503,"times":1}"#, on: run)
            try await Self.fault(#"{"method":"GET","path":"/accounts/*/tokens","kind":"reset","times":1}"#, on: run)
            try await run.tmux.sendKeys("Enter")
            let members = try await waitForPane(run, .members, also: "alex.morgan@example.com")
            Self.assertPlainWords(members.text)
            try await run.tmux.sendKeys("3")
            _ = try await waitForPane(run, .tokens)
            try await run.tmux.sendKeys("Escape", "4", "r")
            let invitations = try await waitForPane(run, .invitations, also: "Hooli")
            #expect(!ConsoleRun.statusLine(invitations.text).contains("503"))
        }
    }

    @Test("Malformed JSON answers a refresh: said in words, the rows shown before stay; r reloads once it is well")
    func malformedBody() async throws {
        try await withConsole { run in
            try await run.tmux.waitForText("Acme Corp")
            try await Self.fault(#"{"method":"GET","path":"/accounts","kind":"malformed"}"#, on: run)
            try await run.tmux.sendKeys("r")
            let failed = try await run.tmux.waitForText("could not read")
            Self.assertPlainWords(failed.text)
            #expect(row(containing: "Acme Corp", in: failed.text) != nil, "a failed refresh keeps the rows it had")
            try await Self.fault(nil, on: run)
            try await run.tmux.sendKeys("r")
            let back = try await run.tmux.waitForScreen("the accounts reloaded") { screen in
                !screen.contains("could not read") && ConsoleRun.statusLine(screen).contains("accounts")
            }
            #expect(row(containing: "Acme Corp", in: back.text) != nil)
        }
    }
}
