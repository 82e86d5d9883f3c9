import APICore
import ConsoleModel
import ConsoleUI

/// The records of the cross-profile commands: a person, one of their memberships / invitations / keys, a plan step,
/// a risk finding. Each names its provider and profile (they span several).
extension ScriptRecord {
    static let personColumns = ["email", "name", "providers", "places", "highest_role", "invitations", "keys"]
    static let personLineColumns = ["kind", "provider", "profile", "place", "role", "status", "two_factor", "id"]
    static let stepColumns = ["step", "state", "provider", "place", "action", "target", "detail"]
    static let findingColumns = ["severity", "kind", "provider", "place", "subject", "reason"]

    init(person: Person) {
        self.init([
            ("email", .text(person.email)), ("name", .text(person.name)),
            ("providers", .list(person.providers.map(\.rawValue))), ("places", .number(person.placeCount)),
            ("highest_role", .text(person.highestRole?.name)), ("invitations", .number(person.invitations.count)),
            ("keys", .number(person.keys.count)),
        ])
    }

    init(personLine line: PersonLine) {
        self.init([
            ("kind", .text(line.kind)), ("provider", .text(line.provider)), ("profile", .text(line.jump.profile)),
            ("place", .text(line.place)), ("role", .text(line.role)), ("status", .text(line.status)),
            ("two_factor", .text(line.twoFactor.isEmpty ? nil : line.twoFactor)), ("id", .text(line.jump.rowID)),
            ("pane", .text(line.jump.pane.title.lowercased())),
        ])
    }

    init(step: OffboardingStep, number: Int) {
        let detail: String? =
            switch step.state {
            case .failed(let message), .unknown(let message), .manual(let message): message
            default: nil
            }
        self.init([
            ("step", .number(number)), ("state", .text(step.state.label.replacingOccurrences(of: "…", with: ""))),
            ("provider", .text(step.provider.rawValue)), ("profile", .text(step.profile)),
            ("place", .text(step.place)), ("action", .text(step.actionID)),
            ("target", .text(step.targetID)), ("summary", .text(step.summary)), ("detail", .text(detail)),
        ])
    }

    init(finding: RiskFinding) {
        self.init([
            ("severity", .text(finding.severity.label)), ("kind", .text(finding.kind.rawValue)),
            ("provider", .text(finding.provider.rawValue)), ("profile", .text(finding.profile)),
            ("place", .text(finding.place)), ("subject", .text(finding.subject)), ("reason", .text(finding.reason)),
            ("pane", .text(finding.pane.title.lowercased())), ("row_id", .text(finding.rowID)),
            ("fix", .text(finding.fixActionID)),
        ])
    }
}
