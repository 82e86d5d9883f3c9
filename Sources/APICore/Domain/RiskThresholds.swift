/// The thresholds the risk lens applies (`[risks]` in config.toml).
public struct RiskThresholds: Sendable, Hashable {
    /// A key not used for this many days (or never, issued this long ago) is a finding.
    public var unusedDays = 90
    /// A key expiring within this many days is a finding.
    public var expiringDays = 14
    /// An invitation pending for longer than this many days is a finding.
    public var invitationDays = 7
    /// More owners than this in one organization is a finding.
    public var maxOwners = 5
    /// SSO off where members sign in through at least this many identity providers is a finding.
    public var ssoSources = 2

    public init(
        unusedDays: Int = 90, expiringDays: Int = 14, invitationDays: Int = 7, maxOwners: Int = 5, ssoSources: Int = 2
    ) {
        self.unusedDays = unusedDays
        self.expiringDays = expiringDays
        self.invitationDays = invitationDays
        self.maxOwners = maxOwners
        self.ssoSources = ssoSources
    }
}
