import APICore
import OrgtuiConfig
import Testing

/// `token_command`: stdout (trimmed) becomes the secret; failures are clear and never show the output.
@Suite struct TokenCommandTests {
    @Test func theCommandsOutputIsTheToken() async throws {
        let secret = try await TokenCommand("printf secret", owner: "profile 'work'").run()
        #expect(secret.reveal() == "secret")
        #expect("\(secret)" != "secret")
    }

    @Test func surroundingWhiteSpaceIsTrimmed() async throws {
        let secret = try await TokenCommand("printf '  tok-123\\n\\n'", owner: "profile 'work'").run()
        #expect(secret.reveal() == "tok-123")
    }

    @Test(
        arguments: [
            ("exit 3", "exit status 3"),
            ("definitely-not-a-command-orgtui 2>/dev/null", "command not found"),
            ("printf ''", "printed nothing"),
            ("printf 'line1\\nline2'", "several lines"),
        ])
    func failuresAreClearErrors(command: String, expected: String) async {
        do {
            _ = try await TokenCommand(command, owner: "profile 'work'").run()
            Issue.record("\(command) succeeded")
        } catch {
            #expect(error.message.contains("profile 'work'"))
            #expect(error.message.contains(expected), "\(error.message)")
            #expect(!error.message.contains("line1"))
        }
    }

    @Test func aCommandThatHangsIsStoppedAtTheTimeout() async {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            _ = try await TokenCommand("sleep 120; true", owner: "profile 'slow'", timeout: .milliseconds(300)).run()
            Issue.record("the command did not time out")
        } catch {
            #expect(error.message.contains("did not finish within"), "\(error.message)")
        }
        // Stopped, not waited for: far short of the command's two minutes, with room for a loaded machine.
        #expect(start.duration(to: clock.now) < .seconds(60))
    }
}
