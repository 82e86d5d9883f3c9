import ConsoleTesting
import Foundation
import Testing

/// `orgtui --demo` in tmux: `:people` across the three providers, a person, the offboarding plan, and `:risks` with
/// Enter onto a finding's row.
@Suite("End to end: people and risks on the embedded demo", .enabled(if: EndToEndEnvironment.isEnabled), .serialized)
struct PeopleEndToEndTests {
    @Test func peopleAPersonTheirPlanAndTheRiskLens() async throws {
        let (tmuxPath, binary) = try EndToEndEnvironment.prerequisites()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgtui-people-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tmux = try await TmuxSession.start(
            command: "\(binary.path) --demo; echo \"EXIT=$?\"; exec /bin/sh",
            environment: [
                "PATH": "/usr/bin:/bin", "HOME": folder.path, "LANG": "C.UTF-8", "TERM": "xterm-256color",
                "XDG_STATE_HOME": folder.appendingPathComponent("state").path,
                "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
            ],
            directory: folder.path, tmux: tmuxPath)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try await tmux.waitForText("Accounts", "DEMO")
            try await tmux.sendKeys(":", "people", "Enter")
            try await tmux.waitForText("People ·", "cloudflare ✓ · openai ✓ · keycard ✓", timeout: .seconds(60))
            try await tmux.sendKeys("/", "jordan.blake", "Enter")
            try await tmux.waitForText("jordan.blake@example.com", "Cloudflare, OpenAI, Keycard")
            try await tmux.sendKeys("Enter")
            try await tmux.waitForText("Jordan Blake", "Globex Staging", "jordan-laptop", "invitation")
            try await tmux.sendKeys("D")
            let plan = try await tmux.waitForText("Offboard jordan.blake@example.com · 7 steps", "Type the email")
            #expect(plan.text.contains("Delete admin key 'jordan-laptop'"))
            try await tmux.sendKeys("Escape")
            try await tmux.waitForText("Enter go to the row")
            try await tmux.sendKeys("Escape", "Escape", "Escape")
            try await tmux.sendKeys(":", "risks", "Enter")
            let risks = try await tmux.waitForText("Risks ·", "findings", "broad-key")
            #expect(risks.text.contains("high"))
            try await tmux.sendKeys("Enter")
            let landed = try await tmux.waitForText("Esc goes back")
            #expect(landed.text.contains("Tokens"))
            try await tmux.sendKeys("q")
            try await tmux.waitForText("EXIT=0")
        } catch {
            Issue.record("\(error)")
        }
        await tmux.kill()
    }
}
