import APICore

extension Cloudflare {
    /// `status` of a token.
    public enum TokenStatus: String, Sendable, Hashable, CaseIterable { case active, disabled, expired }
    /// `status` of an account member.
    public enum MemberStatus: String, Sendable, Hashable, CaseIterable { case accepted, pending, rejected }
    /// `status` of a received invite.
    public enum InviteStatus: String, Sendable, Hashable, CaseIterable { case pending, accepted, rejected, expired }
    /// `type` of an account.
    public enum AccountType: String, Sendable, Hashable, CaseIterable { case standard, enterprise }
    /// `effect` of a token policy and `access` of a member policy.
    public enum PolicyEffect: String, Sendable, Hashable, CaseIterable { case allow, deny }
}
