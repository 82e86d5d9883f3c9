import APICore
import ArgumentParser
import ConsoleModel
import Foundation

extension PeopleCommand {
    /// `orgtui people offboard EMAIL`: the console's offboarding plan, run step by step through each profile's write
    /// runner (every step journalled). Run it again to resume: the plan is rebuilt from a fresh read, so what is done
    /// is not sent again.
    struct Offboard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a person everywhere: their keys, open invitations and memberships, step by step.",
            discussion: """
                Prints the plan, asks you to type the email (or --yes), then runs one step at a time and stops at \
                the first failure (exit 1) or unknown outcome (exit 3); what is done stays done. Run the same \
                command again to resume: the plan is read afresh, so no step is sent twice. --dry-run prints the plan \
                and sends nothing. Read-only refuses the whole plan (exit 4).
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var confirm: ConfirmOptions
        @Argument(help: "Their email (any case).") var email: String
        @Flag(help: "Print the plan and send nothing.") var dryRun = false

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                try await offboard(context)
            }
        }

        @MainActor
        private func offboard(_ context: ScriptContext) async throws {
            let (person, sessions) = try await PeopleCommand.person(email, context: context)
            let byProfile = Dictionary(sessions.map { ($0.profile, $0) }, uniquingKeysWith: { first, _ in first })
            var plan = OffboardingPlan(person: person, directories: byProfile.mapValues(\.directory))
            if dryRun || plan.nextStep == nil {
                if plan.nextStep == nil { StandardError.write("orgtui: nothing to send for \(person.email)") }
                return print(plan, context)
            }
            if let refusing = plan.profiles.first(where: { byProfile[$0]?.readOnly ?? true }) {
                StandardError.write(
                    "orgtui: read-only mode (profile \(refusing)): the whole offboarding is refused, nothing was sent")
                throw ScriptFailure(code: 4, message: "")
            }
            if !confirm.yes {
                StandardError.write(Self.describe(plan))
                try context.ask(
                    .typed(question: "Offboard \(person.email): \(plan.steps.count) steps", name: person.email))
            }
            while let index = plan.nextStep, let session = byProfile[plan.steps[index].profile] {
                plan.steps[index].state = await OffboardingRunner.run(plan.steps[index], in: session)
                let step = plan.steps[index]
                let why: String =
                    switch step.state {
                    case .failed(let message), .unknown(let message), .manual(let message): " — \(message)"
                    default: ""
                    }
                StandardError.write(
                    "\(step.state.label) \(index + 1). \(step.provider.displayName): \(step.summary)\(why)")
                if step.state.isOutstanding { break }
            }
            print(plan, context)
            switch plan.stoppedAt.map({ plan.steps[$0].state }) {
            case .unknown?:
                throw ScriptFailure(code: 3, message: "stopped at an unknown outcome: run it again to resume")
            case .failed?: throw ScriptFailure(code: 1, message: "stopped at a failed step: run it again to resume")
            default:
                let manual = plan.steps.filter(\.state.isManual).count
                if manual > 0 { StandardError.write("orgtui: \(manual) steps are left to do by hand") }
            }
        }

        @MainActor
        private func print(_ plan: OffboardingPlan, _ context: ScriptContext) {
            let printer = context.crossProviderPrinter(columns: ScriptRecord.stepColumns)
            printer.add(plan.steps.enumerated().map { ScriptRecord(step: $1, number: $0 + 1) })
            printer.finish()
        }

        private static func describe(_ plan: OffboardingPlan) -> String {
            plan.steps.enumerated().map { index, step in
                "  \(index + 1). \(step.provider.displayName) · \(step.summary)"
                    + (step.state.isManual ? " (by hand)" : "")
            }.joined(separator: "\n")
        }
    }
}

/// `orgtui risks`: the risk lens across every profile.
struct RisksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risks",
        abstract:
            "Findings across every profile: unused, expiring or broad keys, missing 2FA, owners, stale invitations.",
        discussion: "Thresholds come from [risks] in config.toml (unused_days, expiring_days, invitation_days, "
            + "max_owners, sso_sources).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only findings at least this severe: low, medium or high.") var severity: String?

    func run() async throws {
        let minimum: RiskFinding.Severity
        switch severity?.lowercased() {
        case nil, "low": minimum = .low
        case "medium": minimum = .medium
        case "high": minimum = .high
        case let other?: throw ValidationError("--severity must be low, medium or high, not \(other)")
        }
        try await ScriptContext.run(connection, output: output) { context in
            let inventories = await context.sweep(await context.everySession())
            let findings = RiskLens.findings(in: inventories, thresholds: context.riskThresholds)
                .filter { $0.severity >= minimum }
            let printer = context.crossProviderPrinter(columns: ScriptRecord.findingColumns)
            printer.add(findings.map(ScriptRecord.init(finding:)))
            printer.finish()
        }
    }
}
