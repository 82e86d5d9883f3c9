import APICore
import ConsoleModel
import Foundation

/// The cross-profile views (`:people`, `:risks`): every profile's sweep as it lands, and what is computed from them.
/// The runtime alone writes it, from the events its sweep and offboarding effects return.
public struct LensState: Sendable {
    /// One profile's sweep.
    public enum Sweep: Sendable {
        case loading(SweepProgress)
        case loaded(ProfileInventory)
        case failed(String)
    }

    /// The profiles swept, in order.
    public var profiles: [String] = []
    public var sweeps: [String: Sweep] = [:]
    /// Counts sweeps started, so a result of an older round never lands.
    public var round = 0
    public var people: [Person] = []
    public var findings: [RiskFinding] = []
    public var thresholds = RiskThresholds()
    /// The offboarding plan being confirmed, run or resumed.
    public var plan: OffboardingPlan?
    /// Whether a plan step is being sent now.
    public var planRunning = false

    public init() {}

    /// The sweeps done so far.
    public var inventories: [ProfileInventory] {
        profiles.compactMap { if case .loaded(let inventory)? = sweeps[$0] { inventory } else { nil } }
    }

    /// Whether a sweep is still running.
    public var isLoading: Bool {
        sweeps.values.contains { if case .loading = $0 { true } else { false } }
    }

    /// Recomputes people and findings from the sweeps landed so far.
    public mutating func recompute(now: Date) {
        let inventories = inventories
        people = PeopleIndex.people(from: inventories)
        findings = RiskLens.findings(in: inventories, thresholds: thresholds, now: now)
    }

    /// Whether the plan ran to its end, or (with `orStopped`) stopped at a failed or unknown step.
    public func isFinished(orStopped: Bool) -> Bool {
        guard let plan else { return false }
        return plan.isFinished || (orStopped && plan.stoppedAt != nil)
    }

    /// Each profile's progress in words: "cloudflare 4/9 · openai ✓ · keycard failed".
    public var progressText: String {
        profiles.map { profile in
            switch sweeps[profile] {
            case .loading(let progress)?:
                "\(profile) \(progress.done)/\(progress.total.map(String.init) ?? "…")"
            case .loaded(let inventory)?:
                inventory.problems.isEmpty ? "\(profile) ✓" : "\(profile) ✓ (\(inventory.problems.count) unread)"
            case .failed?: "\(profile) failed"
            case nil: profile
            }
        }.joined(separator: " · ")
    }

    /// What could not be read, each line naming its profile.
    public var problems: [String] {
        profiles.flatMap { profile -> [String] in
            switch sweeps[profile] {
            case .loaded(let inventory)?: inventory.problems.map { "\(profile): \($0)" }
            case .failed(let message)?: ["\(profile): \(message)"]
            default: []
            }
        }
    }
}

/// What the keys move in a cross-profile table: selection, first visible row, filter.
public struct LensTable: Sendable, Hashable {
    public var selected = 0
    public var offset = 0
    public var filter = ""
    public var editingFilter = false

    public init() {}
}

/// Confirming and running an offboarding plan: the email typed so far, and whether the run was confirmed.
public struct OffboardingDialog: Sendable, Hashable {
    /// The person's email, as the plan was built for.
    public var email: String
    public var typed = ""
    /// The email was typed and Enter pressed: the plan runs (or ran).
    public var confirmed = false
    /// The table the plan was opened from, restored when it closes.
    public var people: LensTable
    /// The person view it was opened from, if any.
    public var person: LensTable?
    /// First step line shown.
    public var offset = 0

    public init(email: String, people: LensTable, person: LensTable?) {
        self.email = email
        self.people = people
        self.person = person
    }
}
