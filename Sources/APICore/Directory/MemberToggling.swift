/// Disables and re-enables members without removing them (Keycard's membership `status`).
public protocol MemberToggling: Sendable {
    /// Whether this member can be disabled or enabled.
    func canToggle(_ member: Member) -> Bool
    /// Disables (`enabled: false`) or enables a member; returns the member as the server now has it.
    func setMemberEnabled(_ member: Member, enabled: Bool) async throws -> Member
}
