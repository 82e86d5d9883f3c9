import APICore

/// One step of an offboarding: a key to delete, an invitation to revoke, a membership to end.
public struct OffboardingStep: Sendable, Hashable, Identifiable {
    /// What the step changes.
    public enum Action: Sendable, Hashable {
        case deleteKey(Token)
        case revokeInvitation(Invitation)
        case removeMember(Member)
        /// Where a provider disables members rather than removing them (Keycard).
        case disableMember(Member)
    }

    /// Where the step stands.
    public enum State: Sendable, Hashable {
        case waiting
        case running
        case done
        /// The server refused it or it failed before reaching the server: the plan stopped here.
        case failed(String)
        /// Sent but unanswered: the plan stopped; resuming reads the row again before anything is re-sent.
        case unknown(String)
        /// The provider cannot do it here; left for the person to do by hand.
        case manual(String)

        /// Whether the step still has to be run (or checked) on a resume.
        public var isOutstanding: Bool {
            switch self {
            case .waiting, .failed, .unknown: true
            case .running, .done, .manual: false
            }
        }

        /// Left for the person to do by hand.
        public var isManual: Bool {
            if case .manual = self { true } else { false }
        }

        /// Whether the step was ever started (a plan with such a step was confirmed, and resumes without asking).
        public var wasStarted: Bool { self != .waiting && !isManual }

        /// The word shown beside the step.
        public var label: String {
            switch self {
            case .waiting: "waiting"
            case .running: "running…"
            case .done: "done"
            case .failed: "FAILED"
            case .unknown: "UNKNOWN"
            case .manual: "by hand"
            }
        }
    }

    public var profile: String
    public var provider: Provider
    public var scope: Scope
    /// Where, in words (the scope's breadcrumb, an OpenAI organization's name at the top level).
    public var place: String
    public var action: Action
    public var state: State = .waiting

    public var id: String { "\(actionID)|\(profile)|\(scope)|\(targetID)" }

    /// The catalogue action it runs (and the journal records).
    public var actionID: String {
        switch action {
        case .deleteKey: "tokens.delete"
        case .revokeInvitation: "invitations.revoke"
        case .removeMember: "members.remove"
        case .disableMember: "members.toggle"
        }
    }

    /// The id of the row it changes.
    public var targetID: String {
        switch action {
        case .deleteKey(let token): token.id
        case .revokeInvitation(let invitation): invitation.id
        case .removeMember(let member), .disableMember(let member): member.id
        }
    }

    /// The step in words: "Delete admin key 'jordan-laptop'", "Remove from account Acme Corp".
    public var summary: String {
        let place = scope.leaf.map { "\($0.kind.rawValue) \($0.name)" } ?? self.place
        switch action {
        case .deleteKey(let token): return "Delete \(token.kind.rawValue) '\(token.name)'"
        case .revokeInvitation: return "Revoke the invitation to \(place)"
        case .removeMember: return "Remove from \(place)"
        case .disableMember: return "Disable in \(place)"
        }
    }
}

/// Everything to undo for one person, in an order that works: keys first, then invitations, then memberships from
/// the innermost scope out (a project before its organization, whose removal would take the project too).
public struct OffboardingPlan: Sendable, Hashable {
    public var email: String
    public var steps: [OffboardingStep]

    /// The plan for `person`; `directories` (by profile) decide which steps a provider can do.
    public init(person: Person, directories: [String: any IdentityDirectory]) {
        email = person.email
        var steps: [OffboardingStep] = []
        for key in person.keys {
            var step = OffboardingStep(
                profile: key.profile, provider: key.provider, scope: key.scope, place: key.place,
                action: .deleteKey(key.token))
            if directories[key.profile]?.tokenDeletion?.canDelete(key.token) != true {
                step.state = .manual("\(key.provider.displayName) cannot delete this \(key.token.kind.rawValue) here")
            }
            steps.append(step)
        }
        for invitation in person.invitations {
            var step = OffboardingStep(
                profile: invitation.profile, provider: invitation.provider, scope: invitation.scope,
                place: invitation.place, action: .revokeInvitation(invitation.invitation))
            if directories[invitation.profile]?.invitationRevoking?.canRevoke(invitation.invitation) != true {
                step.state = .manual("\(invitation.provider.displayName) cannot revoke this invitation here")
            }
            steps.append(step)
        }
        let memberships = person.memberships.enumerated().sorted { lhs, rhs in
            lhs.element.scope.path.count != rhs.element.scope.path.count
                ? lhs.element.scope.path.count > rhs.element.scope.path.count : lhs.offset < rhs.offset
        }
        for (_, membership) in memberships {
            let directory = directories[membership.profile]
            let member = membership.member
            var step = OffboardingStep(
                profile: membership.profile, provider: membership.provider, scope: membership.scope,
                place: membership.place, action: .removeMember(member))
            let removable = directory?.memberRemoval?.canRemove(member) == true
            if !removable, let toggling = directory?.memberToggling, toggling.canToggle(member) {
                step.action = .disableMember(member)
                if member.status == .disabled { step.state = .done }
            } else if !removable {
                step.state = .manual("\(membership.provider.displayName) cannot remove this member here")
            }
            steps.append(step)
        }
        self.steps = steps
    }

    /// The first step a run (or a resume) starts from.
    public var nextStep: Int? { steps.firstIndex { $0.state.isOutstanding } }

    /// Whether every step that can be run is done.
    public var isFinished: Bool { nextStep == nil && !steps.contains { $0.state == .running } }

    /// Where the run stopped (a failed or unknown step), if it did.
    public var stoppedAt: Int? {
        steps.firstIndex {
            switch $0.state {
            case .failed, .unknown: true
            default: false
            }
        }
    }

    /// The profiles the plan writes to.
    public var profiles: [String] {
        var seen: [String] = []
        for step in steps where !seen.contains(step.profile) { seen.append(step.profile) }
        return seen
    }
}
