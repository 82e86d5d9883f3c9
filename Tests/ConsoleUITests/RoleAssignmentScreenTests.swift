import APICore
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import TUIKit
import Testing

/// `A` on OpenAI Members: the organization's roles with the member's assignments ticked, and each change confirmed
/// and sent once.
@MainActor
@Suite("Role assignments from the Members pane")
struct RoleAssignmentScreenTests {
    @Test func aTickedRoleIsConfirmedAndAssignedWithOneRequest() async throws {
        let harness = try await OpenAIHarness()
        #expect(await harness.start())
        harness.press(.character("2"), .character("j"))
        let member = try #require(harness.session.members.snapshot.selectedRow)
        harness.press(.character("A"))
        #expect(
            await harness.waiter.until {
                if case .roles(let picker) = harness.runtime.state.overlay { return picker.assignments }
                return false
            })
        guard case .roles(let picker) = harness.runtime.state.overlay else { return }
        #expect(harness.text.contains("Role assignments of"))
        // Tick the first role the member does not hold.
        let index = try #require(picker.picker.roles.firstIndex { !picker.original.contains($0.id) })
        let step: Key = index > picker.picker.cursor ? .character("j") : .character("k")
        for _ in 0..<abs(index - picker.picker.cursor) { harness.press(step) }
        harness.press(.character(" "), .enter)
        guard case .confirm(let dialog) = harness.runtime.state.overlay else {
            Issue.record("no confirmation: \(String(describing: harness.runtime.state.overlay))")
            return
        }
        #expect(dialog.lines.contains { $0.hasPrefix("+ assign: ") })
        await harness.think()
        harness.press(.character("y"))
        let path = "/organization/users/\(member.id)/roles"
        #expect(await harness.waiter.eventually { await harness.count("POST", path) == 1 })
        #expect(await harness.waiter.until { harness.runtime.state.flash?.text.hasPrefix("Assigned") == true })
        #expect(await harness.count("POST", path) == 1, "sent once")
    }
}
